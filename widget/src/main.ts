import { Client, type Env, type Identity, type SocketLike } from './client';
import { notice } from './notice';
import { Persist, type KeyValue } from './persist';
import { Widget, type WidgetConfig } from './ui';

type Command = unknown[] | ((api: Api) => void);
type Listener = (data?: unknown) => void;
export interface Api {
  open(): void;
  close(): void;
  toggle(): void;
  identify(identity: Identity): void;
  setAttributes(attributes: Record<string, string | number | boolean>): void;
  sendMessage(text: string): void;
  setLocale(tag: string): void;
  reset(): void;
  on(name: string, fn: Listener): void;
  push(...commands: Command[]): number;
}

function uuid(): string {
  if (crypto.randomUUID) return crypto.randomUUID(); // secure contexts only
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 15) | 64;
  b[8] = (b[8] & 63) | 128;
  const x = [...b].map((n) => n.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

const browserEnv: Env = {
  socket: (url) => new WebSocket(url) as unknown as SocketLike,
  async post(url, body, signal) {
    // A held poll answers within 25 s; give up at 40 s so a silently dead network is noticed.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 40000);
    signal?.addEventListener('abort', () => abort.abort());
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: abort.signal,
        credentials: 'omit',
        cache: 'no-store',
      });
      return await response.json();
    } finally {
      clearTimeout(timer);
    }
  },
  timer: (fn, ms) => setTimeout(fn, ms),
  untimer: (handle) => clearTimeout(handle as number),
  now: () => Date.now(),
  random: () => Math.random(),
  uuid,
  page: () => ({ url: location.href, title: document.title, referrer: document.referrer, locale: navigator.language || '' }),
};

function storage(): KeyValue | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function boot(queued: unknown): void {
  const script = (document.currentScript || document.querySelector('script[data-site-key]')) as HTMLScriptElement | null;
  const siteKey = script?.getAttribute('data-site-key');
  if (!script || !siteKey) {
    console.error('Frontdesk: add data-site-key="…" to the widget\'s <script> tag.');
    return;
  }
  // The folder the script was loaded from: the server, or its prefix behind a proxy (https://shop.example/chat).
  const src = new URL(script.src, location.href);
  const base = src.origin + src.pathname.replace(/\/[^/]*$/, '');
  const listeners: Record<string, Listener[]> = {};
  const emit = (name: string, data?: unknown) => {
    for (const fn of listeners[name] || [])
      try {
        fn(data);
      } catch (e) {
        console.error(e);
      }
  };
  const persist = new Persist(storage(), `frontdesk:${siteKey}:`);
  const client = new Client(base, siteKey, browserEnv, persist);
  const ui = new Widget(client, emit, persist);
  const attention = notice(ui, persist, siteKey);
  let mounted = false;

  client.onEvent = (type, data) => {
    if (type === 'banned') {
      // The server will not chat with this visitor: no launcher for this page load.
      ui.host.remove();
      mounted = false;
      return;
    }
    if (type === 'welcome' && client.site) ui.configure((client.site.widget || {}) as WidgetConfig, client.site.name);
    if (type === 'message') emit('message', data);
    attention(type, data);
    if (type === 'error') console.warn('Frontdesk:', data);
    if (mounted) ui.render();
  };
  addEventListener('storage', (e) => {
    if (e.key === persist.key('outbox')) {
      client.syncOutbox();
      ui.render();
    }
  });
  document.addEventListener('visibilitychange', () => mounted && ui.render());

  const api: Api = {
    open: () => ui.open(),
    close: () => ui.close(),
    toggle: () => ui.toggle(),
    identify: (identity) => client.identify(identity),
    setAttributes: (attributes) => client.setAttributes(attributes),
    sendMessage: (text) => void client.sendMessage(String(text)),
    setLocale: (tag) => ui.setLocale(String(tag || '')),
    reset: () => client.reset(),
    on(name, fn) {
      (listeners[name] ||= []).push(fn);
      if (name === 'ready' && mounted) fn();
    },
    push(...commands) {
      for (const command of commands) {
        try {
          if (typeof command === 'function') command(api);
          else if (Array.isArray(command)) {
            const method = (api as any)[String(command[0])];
            if (typeof method === 'function') method(...command.slice(1));
          }
        } catch (e) {
          console.error('Frontdesk:', e);
        }
      }
      return 0;
    },
  };
  (window as any).Frontdesk = api;
  // Calls made before the script loaded (window.Frontdesk = window.Frontdesk || []; Frontdesk.push([...])).
  if (Array.isArray(queued)) api.push(...queued);

  const mount = () => {
    if (mounted) return;
    mounted = true;
    (document.body || document.documentElement).append(ui.host);
    ui.render();
    client.start();
    emit('ready');
  };
  fetch(`${base}/v1/sites/${encodeURIComponent(siteKey)}/config`, { credentials: 'omit', cache: 'no-cache' })
    .then(async (response) => {
      const config = await response.json();
      if (!response.ok) {
        // A refused origin, an unknown key or a ban (403 banned) cannot chat: say why and stay out of the page.
        console.warn('Frontdesk:', config?.error?.message || response.status);
        return;
      }
      ui.configure(config.widget || {}, config.name);
      if (config.agentsOnline != null) client.agentsOnline = config.agentsOnline;
      whenBody(mount);
    })
    .catch(() => whenBody(mount)); // the server is unreachable for now: show the widget, the client keeps retrying
}

function whenBody(fn: () => void): void {
  if (document.body) fn();
  else document.addEventListener('DOMContentLoaded', fn, { once: true });
}

const existing = (window as any).Frontdesk;
if (!existing || Array.isArray(existing)) boot(existing);
