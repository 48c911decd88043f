// Test support: compiles the widget's TypeScript with esbuild (node cannot run
// it directly on Node 18/20), and fakes the network, clocks and storage.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'frontdesk-widget-test-'));
const outfile = join(dir, 'entry.mjs');
await build({ entryPoints: [join(here, 'entry.ts')], outfile, bundle: true, format: 'esm', platform: 'neutral', logLevel: 'warning' });
const widget = await import(pathToFileURL(outfile).href);
rmSync(dir, { recursive: true, force: true });
export const { Client, Outbox, Persist, backoff, linkify, pickLocale, translator, theme } = widget;

/** Map-backed localStorage; two clients given the same one behave like two tabs (or a reload). */
export class MemoryStorage {
  map = new Map();
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) { this.map.set(k, String(v)); }
  removeItem(k) { this.map.delete(k); }
}

export class FakeSocket {
  readyState = 0;
  sent = [];
  constructor(url) { this.url = url; }
  send(data) { this.sent.push(JSON.parse(data)); }
  close() { this.readyState = 3; }
  /** the server accepted the connection */
  open() { this.readyState = 1; this.onopen?.({}); }
  /** a frame from the server */
  recv(frame) { this.onmessage?.({ data: JSON.stringify(frame) }); }
  /** the connection died */
  drop() { this.readyState = 3; this.onclose?.({}); }
  last(type) { return [...this.sent].reverse().find((f) => f.type === type); }
  all(type) { return this.sent.filter((f) => f.type === type); }
}

/** A fake Env: sockets and POSTs are recorded for the test to answer; time moves only with advance(). */
export function fakeEnv({ blocked = false } = {}) {
  let ids = 0;
  const env = {
    sockets: [],
    posts: [],
    timers: [],
    t: 1_700_000_000_000,
    socket(url) {
      if (blocked) throw new Error('WebSocket is blocked');
      const s = new FakeSocket(url);
      env.sockets.push(s);
      return s;
    },
    post(url, body, signal) {
      return new Promise((resolve, reject) => {
        const p = { url, body, resolve, reject, signal, path: url.split('/').pop() };
        signal?.addEventListener('abort', () => reject(new Error('aborted')));
        env.posts.push(p);
      });
    },
    timer(fn, ms) { const h = { fn, at: env.t + ms, ms }; env.timers.push(h); return h; },
    untimer(h) { env.timers = env.timers.filter((x) => x !== h); },
    now: () => env.t,
    random: () => 0.5,
    uuid: () => `c-${++ids}`,
    page: () => ({ url: 'https://shop.example/cart', title: 'Cart', referrer: '', locale: 'en-GB' }),
    /** moves the clock, running due timers in order */
    advance(ms) {
      const end = env.t + ms;
      for (;;) {
        const due = env.timers.filter((h) => h.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        env.untimer(due);
        env.t = due.at;
        due.fn();
      }
      env.t = end;
    },
    /** the newest POST to a path (hello, send, poll) not answered yet */
    pending(path) { return env.posts.filter((p) => p.path === path && !p.done).at(-1); },
    answer(p, json) { p.done = true; p.resolve(json); return flush(); },
    fail(p) { p.done = true; p.reject(new TypeError('Failed to fetch')); return flush(); },
  };
  return env;
}

/** Lets promise continuations (the polling loop) run. */
export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

export function makeClient(env, storage = new MemoryStorage()) {
  const client = new Client('http://127.0.0.1:8080', 'site1', env, new Persist(storage, 'frontdesk:site1:'));
  client.events = [];
  client.onEvent = (type, data) => client.events.push([type, data]);
  return client;
}

export function welcome(hello, extra = {}) {
  return { type: 'welcome', v: 1, visitorId: 'v-1', token: 't-1', conversation: null, messages: [], agentsOnline: 1,
    site: { name: 'Shop', widget: { title: 'Chat' } }, ref: hello.id, ...extra };
}

export const msg = (id, extra = {}) => ({ id, conversationId: 7, author: 'agent', authorName: 'Ada', body: `m${id}`, clientId: null, createdAt: 1_700_000_000_000 + id, ...extra });
