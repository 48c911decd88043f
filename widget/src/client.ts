import { backoff } from './backoff';
import { Outbox, type Pending } from './outbox';
import type { Persist } from './persist';

/** A message as the server sends it to a visitor (docs/protocol.md §3). */
export interface WireMessage {
  id: number;
  conversationId: number;
  author: 'visitor' | 'agent' | 'system';
  authorName: string;
  body: string;
  clientId: string | null;
  createdAt: number;
}

export interface Conversation {
  id: number;
  status: 'waiting' | 'active' | 'closed';
  agentName: string | null;
  visitorReadUpTo: number;
  agentReadUpTo: number;
}

export interface Identity {
  id: string;
  name?: string;
  email?: string;
  hash: string;
}

/** One line in the widget's message list: a stored message, or a visitor message still in the outbox. */
export interface Item {
  /** the visitor's client id for the visitor's own messages, else "m" + message id */
  key: string;
  /** 0 while the message waits for its ack */
  id: number;
  conv: number;
  author: 'visitor' | 'agent' | 'system';
  authorName: string;
  body: string;
  at: number;
  state: 'sending' | 'sent' | 'failed';
}

/** The part of a browser WebSocket the client uses (tests pass a fake). */
export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
}

/** Everything the client needs from its surroundings: the network, clocks, randomness and the page. */
export interface Env {
  /** opens a WebSocket; may throw when WebSockets are blocked */
  socket(url: string): SocketLike;
  /** POSTs JSON and resolves with the parsed JSON answer (error frames included); rejects on network failure */
  post(url: string, body: unknown, signal?: AbortSignal): Promise<any>;
  timer(fn: () => void, ms: number): unknown;
  untimer(handle: unknown): void;
  now(): number;
  random(): number;
  uuid(): string;
  page(): { url: string; title: string; referrer: string; locale: string };
}

type Ref = { k: string; f?: object };
/** Codes after which resending the same message cannot succeed. */
const PERMANENT = ['invalid_field', 'missing_field', 'text_too_long', 'bad_json', 'invalid_utf8', 'conflict', 'unknown_type'];
const RESEND_AFTER = 8000;
const PING_EVERY = 25000;

/**
 * The visitor side of protocol v1 without any DOM: one connection (a WebSocket,
 * or the long-polling channel when WebSockets cannot connect), the session kept
 * in storage, the outbox, dedupe, and read marks. The UI reads its fields and
 * listens to `onEvent`.
 */
export class Client {
  items = new Map<string, Item>();
  conversation: Conversation | null = null;
  /** -1 until the server said */
  agentsOnline = -1;
  site: { name?: string; widget?: Record<string, unknown>; mail?: boolean } | null = null;
  queuePosition: number | null = null;
  /** the typing agent's name ("" if unnamed), or null when nobody types */
  agentTyping: string | null = null;
  /** true while a welcomed WebSocket or a working polling channel carries the chat */
  connected = false;
  mode: 'ws' | 'poll' = 'ws';
  /** the server refused this visitor or address (`banned`): nothing reconnects for this page load */
  banned = false;
  identity: Identity | null = null;
  /** the highest message id this visitor has marked read */
  readUpTo = 0;
  outbox: Outbox;
  /** state changed: `change`, `message` (an Item), `sent` (the visitor's own, synchronously), `welcome`, `closed`, `ok`, `error`, `banned` */
  onEvent: (type: string, data?: unknown) => void = () => {};

  private ids = new Set<number>();
  /** frames other than messages that must reach the server once: resent on every connect until answered */
  private ops: Record<string, object> = {};
  private refs = new Map<number, Ref>();
  private sentAt = new Map<string, number>();
  private seq = 0;
  private attempts = 0;
  private wsFailures = 0;
  private upgradeDelay = 10000;
  private ws: SocketLike | null = null;
  private probe: SocketLike | null = null;
  private channel = '';
  private cursor: string | undefined;
  private pollGen = 0;
  private abort: AbortController | null = null;
  private lastRx = 0;
  private welcomed = false;
  /** whether the last hello named a stored visitor (else it asked for a new one) */
  private helloNamed = false;
  private typingOn = false;
  private typingSentAt = 0;
  private timers: Record<string, unknown> = {};

  constructor(
    readonly base: string,
    readonly siteKey: string,
    private env: Env,
    private persist: Persist,
  ) {
    this.outbox = new Outbox(persist);
  }

  // ---- lifecycle --------------------------------------------------------

  start(): void {
    this.syncOutbox();
    this.connect();
  }

  /** Drops every connection and timer; nothing reconnects until start(). */
  stop(): void {
    this.pollGen++;
    this.abort?.abort();
    for (const ws of [this.ws, this.probe]) if (ws) this.detach(ws);
    this.ws = this.probe = null;
    for (const k in this.timers) this.env.untimer(this.timers[k]);
    this.timers = {};
    this.connected = false;
  }

  /** Forgets the visitor (logout): a new visitor with an empty conversation. */
  reset(): void {
    this.stop();
    for (const k of ['session', 'outbox', 'rated', 'profile']) this.persist.del(k);
    this.items.clear();
    this.ids.clear();
    this.ops = {};
    this.conversation = null;
    this.identity = null;
    this.readUpTo = 0;
    this.queuePosition = null;
    this.agentTyping = null;
    this.welcomed = false;
    this.mode = 'ws';
    this.onEvent('change');
    this.connect();
  }

  get session(): { visitorId: string; token: string } | null {
    return this.persist.get('session', null);
  }

  private connect(): void {
    this.untime('reconnect');
    if (this.banned) return;
    if (this.mode === 'ws') this.openSocket(false);
    else void this.pollHello();
  }

  private retry(): void {
    this.untime('reconnect');
    this.timers.reconnect = this.env.timer(() => {
      delete this.timers.reconnect;
      this.connect();
    }, backoff(this.attempts++, this.env.random));
  }

  private untime(name: string): void {
    if (this.timers[name] !== undefined) this.env.untimer(this.timers[name]);
    delete this.timers[name];
  }

  private setConnected(on: boolean): void {
    if (this.connected === on) return;
    this.connected = on;
    if (on) this.flush();
    this.onEvent('change');
  }

  // ---- WebSocket ----------------------------------------------------------

  private openSocket(probe: boolean): void {
    let ws: SocketLike;
    try {
      ws = this.env.socket(this.base.replace(/^http/, 'ws') + '/v1/visitor?site=' + encodeURIComponent(this.siteKey));
    } catch {
      // A constructor that throws (a blocked or missing WebSocket) will throw again: go to polling now.
      if (probe) this.scheduleUpgrade();
      else this.fallBack();
      return;
    }
    if (probe) this.probe = ws;
    else this.ws = ws;
    let welcomed = false;
    ws.onopen = () => this.transmitOn(ws, this.helloFrame(), 'hello');
    ws.onmessage = (ev) => {
      let frame: any;
      try {
        frame = JSON.parse(String(ev.data));
      } catch {
        return;
      }
      this.lastRx = this.env.now();
      if (frame.type === 'welcome') {
        welcomed = true;
        if (ws === this.probe) this.promote(ws);
      }
      this.handle(frame, ws);
    };
    ws.onclose = () => {
      if (ws === this.probe) {
        this.probe = null;
        this.scheduleUpgrade();
      } else if (ws === this.ws) {
        this.ws = null;
        this.untime('ping');
        this.setConnected(false);
        if (!welcomed && ++this.wsFailures >= 2) this.fallBack();
        else this.retry();
      }
    };
  }

  /** Stops listening to a socket and closes it without waiting for its close handshake. */
  private detach(ws: SocketLike): void {
    ws.onopen = ws.onmessage = ws.onclose = null;
    try {
      ws.close();
    } catch {
      /* already closed */
    }
  }

  private keepAlive(): void {
    this.untime('ping');
    this.timers.ping = this.env.timer(() => {
      const ws = this.ws;
      if (!ws) return;
      if (this.env.now() - this.lastRx > PING_EVERY * 2) {
        // Nothing heard for two pings: the connection is dead even if the browser has not noticed.
        const lost = ws.onclose;
        this.detach(ws);
        lost?.(null);
        return;
      }
      this.transmitOn(ws, { type: 'ping' });
      this.keepAlive();
    }, PING_EVERY);
  }

  private fallBack(): void {
    this.wsFailures = 0;
    this.mode = 'poll';
    void this.pollHello();
    this.scheduleUpgrade();
  }

  private scheduleUpgrade(): void {
    if (this.mode !== 'poll' || this.timers.upgrade !== undefined) return;
    this.timers.upgrade = this.env.timer(() => {
      delete this.timers.upgrade;
      if (this.mode === 'poll') this.openSocket(true);
    }, this.upgradeDelay);
    this.upgradeDelay = Math.min(this.upgradeDelay * 2, 120000);
  }

  /** A probe socket said welcome: it carries the chat from now on and polling stops. */
  private promote(ws: SocketLike): void {
    this.pollGen++;
    this.abort?.abort();
    this.probe = null;
    this.ws = ws;
    this.mode = 'ws';
    this.connected = false;
    this.upgradeDelay = 10000;
    this.untime('upgrade');
    this.untime('reconnect');
  }

  // ---- long polling -------------------------------------------------------

  /** Every HTTP error is `{"error":{code,message}}`: handed on as the error frame a WebSocket would send. */
  private async post(path: string, body: unknown, signal?: AbortSignal): Promise<any> {
    const answer = await this.env.post(`${this.base}/v1/sites/${encodeURIComponent(this.siteKey)}/visitor/${path}`, body, signal);
    return answer?.error ? { type: 'error', ...answer.error } : answer;
  }

  private async pollHello(): Promise<void> {
    const gen = ++this.pollGen;
    this.abort?.abort();
    this.channel = '';
    let answer: any;
    try {
      const { type, id, ...fields } = this.helloFrame();
      void type;
      void id;
      answer = await this.post('hello', fields);
    } catch {
      if (gen === this.pollGen) this.pollRetry(gen);
      return;
    }
    if (gen !== this.pollGen) return;
    if (answer?.type !== 'welcome') {
      if (answer?.code === 'banned') return this.onBanned();
      if (answer && this.helloRefused(answer)) void this.pollHello();
      else this.pollRetry(gen);
      return;
    }
    this.channel = answer.channel;
    this.cursor = undefined;
    this.onWelcome(answer);
    void this.pollLoop(gen);
  }

  private pollRetry(gen: number): void {
    this.setConnected(false);
    this.untime('reconnect');
    this.timers.reconnect = this.env.timer(() => {
      delete this.timers.reconnect;
      if (gen !== this.pollGen || this.mode !== 'poll') return;
      if (this.channel) void this.pollLoop(gen);
      else void this.pollHello();
    }, backoff(this.attempts++, this.env.random));
  }

  private async pollLoop(gen: number): Promise<void> {
    while (gen === this.pollGen && this.mode === 'poll') {
      const session = this.session;
      if (!session) return void this.pollHello();
      const abort = (this.abort = new AbortController());
      let answer: any;
      try {
        answer = await this.post(
          'poll',
          { ...session, channel: this.channel, cursor: this.cursor, after: this.maxId() },
          abort.signal,
        );
      } catch {
        if (gen === this.pollGen) this.pollRetry(gen);
        return;
      }
      if (gen !== this.pollGen) return;
      if (!answer || answer.type === 'error') {
        if (answer?.code === 'banned') return this.onBanned();
        if (answer?.code === 'invalid_token') {
          this.forget();
          return void this.pollHello();
        }
        return this.pollRetry(gen);
      }
      this.attempts = 0;
      this.cursor = answer.cursor;
      // After a failed poll (a restart, a network drop) unanswered sends may be lost: resend on recovery.
      this.setConnected(true);
      for (const event of answer.events || []) this.handle(event);
    }
  }

  // ---- frames out ---------------------------------------------------------

  private helloFrame(): any {
    const session = this.session;
    const page = this.env.page();
    const frame: any = {
      type: 'hello',
      v: 1,
      page: { url: page.url.slice(0, 2048), title: page.title.slice(0, 300) },
      locale: page.locale.slice(0, 35),
    };
    // The visitor's time zone, so the agent sees their local time.
    try { const tz = Intl.DateTimeFormat().resolvedOptions().timeZone; if (tz) frame.timezone = tz.slice(0, 64); } catch {}
    if (page.referrer) frame.referrer = page.referrer.slice(0, 2048);
    this.helloNamed = !!session;
    if (session) {
      Object.assign(frame, session);
      const max = this.maxId();
      if (max) frame.after = max;
    }
    if (this.identity) frame.identity = this.identity;
    return frame;
  }

  private transmitOn(ws: SocketLike, frame: object, kind?: string, original?: object): void {
    const out: any = { ...frame };
    if (kind) {
      out.id = ++this.seq;
      this.refs.set(out.id, { k: kind, f: original });
    }
    try {
      ws.send(JSON.stringify(out));
    } catch {
      /* the close handler reconnects */
    }
  }

  /** Sends a frame on whatever carries the chat now; false when nothing does. */
  private transmit(frame: object, kind?: string, original?: object): boolean {
    if (!this.connected) return false;
    if (this.mode === 'ws') {
      if (!this.ws || this.ws.readyState !== 1) return false;
      this.transmitOn(this.ws, frame, kind, original);
      return true;
    }
    const session = this.session;
    if (!session || !this.channel) return false;
    const out: any = { ...frame };
    if (kind) {
      out.id = ++this.seq;
      this.refs.set(out.id, { k: kind, f: original });
    }
    this.post('send', { ...session, channel: this.channel, frame: out }).then(
      // An HTTP error answers this request: it refers to the frame sent.
      (answer) => answer && this.handle(answer.type === 'error' ? { ...answer, ref: out.id } : answer),
      () => {
        /* resent by the resend timer or on recovery */
      },
    );
    return true;
  }

  /** Sends what is owed after a (re)connect: pending commands, then every outbox entry with its own client id. */
  private flush(): void {
    for (const kind in this.ops) this.transmit(this.ops[kind], 'op:' + kind, this.ops[kind]);
    this.syncOutbox();
    for (const entry of this.outbox.list()) this.transmitMessage(entry);
    this.armResend();
  }

  private transmitMessage(entry: Pending): void {
    if (this.transmit({ type: 'message', clientId: entry.clientId, body: entry.body }, 'msg:' + entry.clientId))
      this.sentAt.set(entry.clientId, this.env.now());
  }

  /** Resends entries that have waited too long for an ack (a lost frame, a send that failed on the fallback). */
  private armResend(): void {
    if (this.timers.resend !== undefined || !this.outbox.list().length) return;
    this.timers.resend = this.env.timer(() => {
      delete this.timers.resend;
      const now = this.env.now();
      for (const entry of this.outbox.list())
        if (now - (this.sentAt.get(entry.clientId) ?? 0) >= RESEND_AFTER) this.transmitMessage(entry);
      this.armResend();
    }, RESEND_AFTER / 2);
  }

  /** Queues a command that must reach the server once (profile, attributes, rate, identify). */
  command(kind: string, frame: object): void {
    this.ops[kind] = frame;
    this.transmit(frame, 'op:' + kind, frame);
  }

  setAttributes(attributes: Record<string, string | number | boolean>): void {
    const pending = (this.ops.attributes as any)?.attributes;
    this.command('attributes', { type: 'attributes', attributes: { ...pending, ...attributes } });
  }

  identify(identity: Identity): void {
    this.identity = identity;
    // Before the first welcome the hello carries it; afterwards it is a frame of its own.
    if (this.connected) this.command('identify', { type: 'identify', identity });
  }

  sendMessage(text: string): Item | null {
    if (!text.trim()) return null;
    const entry: Pending = { clientId: this.env.uuid(), body: text.slice(0, 4000), at: this.env.now() };
    this.outbox.add(entry);
    this.addPending(entry);
    this.typing(false);
    this.transmitMessage(entry);
    this.armResend();
    // "sent", not "change": the caller's gesture is still on, which audio and notification prompts need.
    this.onEvent('sent');
    return this.items.get(entry.clientId) ?? null;
  }

  /** The visitor typed (true) or stopped (false): at most one `typing: true` every 3 s, `false` after 4 s idle. */
  typing(active: boolean): void {
    const open = this.conversation && this.conversation.status !== 'closed';
    this.untime('typing');
    if (active) {
      this.timers.typing = this.env.timer(() => this.typing(false), 4000);
      const now = this.env.now();
      if (open && (!this.typingOn || now - this.typingSentAt > 3000) && this.transmit({ type: 'typing', active: true })) {
        this.typingOn = true;
        this.typingSentAt = now;
      }
    } else if (this.typingOn) {
      this.typingOn = false;
      if (open) this.transmit({ type: 'typing', active: false });
    }
  }

  /** Marks everything the visitor can see as read. */
  markRead(): void {
    const conv = this.conversation;
    if (!conv || !this.connected) return;
    let max = 0;
    for (const it of this.items.values()) if (it.conv === conv.id && it.author !== 'visitor' && it.id > max) max = it.id;
    if (max > this.readUpTo && this.transmit({ type: 'read', messageId: max })) {
      this.readUpTo = max;
      this.onEvent('change');
    }
  }

  unread(): number {
    let n = 0;
    for (const it of this.items.values()) if (it.author === 'agent' && it.id > this.readUpTo) n++;
    return n;
  }

  /** Items in display order: stored messages by id, then pending ones in the order they were written. */
  list(): Item[] {
    return [...this.items.values()].sort((a, b) => (a.id || Infinity) - (b.id || Infinity) || a.at - b.at);
  }

  maxId(): number {
    let max = 0;
    for (const id of this.ids) if (id > max) max = id;
    return max;
  }

  /** Shows outbox entries written by other tabs (or before a reload) as "sending". */
  syncOutbox(): void {
    for (const entry of this.outbox.list()) this.addPending(entry);
  }

  private addPending(entry: Pending): void {
    if (this.items.has(entry.clientId)) return;
    this.items.set(entry.clientId, {
      key: entry.clientId,
      id: 0,
      conv: 0,
      author: 'visitor',
      authorName: '',
      body: entry.body,
      at: entry.at,
      state: 'sending',
    });
  }

  // ---- frames in ----------------------------------------------------------

  handle(frame: any, via?: SocketLike): void {
    const ref = frame.ref != null ? this.refs.get(frame.ref) : undefined;
    if (ref) this.refs.delete(frame.ref);
    switch (frame.type) {
      case 'welcome':
        return this.onWelcome(frame);
      case 'ack':
        return this.onAck(frame);
      case 'error':
        return this.onError(frame, ref, via);
      case 'ok':
        if (ref?.k.startsWith('op:')) {
          const kind = ref.k.slice(3);
          if (this.ops[kind] === ref.f) delete this.ops[kind];
          this.onEvent('ok', kind);
        }
        return;
      case 'message':
        this.addMessage(frame.message);
        break;
      case 'presence':
        this.agentsOnline = frame.agentsOnline;
        break;
      case 'queue':
        this.queuePosition = frame.position ?? null;
        break;
      case 'typing':
        this.agentTyping = frame.active ? frame.agentName || '' : null;
        break;
      case 'read':
        if (this.conversation) this.conversation.agentReadUpTo = Math.max(this.conversation.agentReadUpTo, frame.messageId);
        break;
      case 'agent_joined':
        this.conversation = frame.conversation;
        this.queuePosition = null;
        break;
      case 'conversation_closed':
        this.conversation = frame.conversation;
        this.queuePosition = null;
        this.agentTyping = null;
        this.onEvent('closed');
        break;
      case 'resync':
        void this.pollHello();
        return;
      default:
        return;
    }
    this.onEvent('change');
  }

  private onWelcome(w: any): void {
    const session = this.session;
    if (session && session.visitorId !== w.visitorId) {
      // Asked for a new visitor while another tab of this site stored one:
      // be that visitor too (this one stays empty), not a second person.
      if (!this.helloNamed) return void (this.stop(), this.connect());
      this.forget();
    }
    this.persist.set('session', { visitorId: w.visitorId, token: w.token });
    this.conversation = w.conversation;
    if (w.agentsOnline != null) this.agentsOnline = w.agentsOnline;
    if (w.site) this.site = w.site;
    this.queuePosition = w.queuePosition ?? null;
    if (w.conversation) this.readUpTo = Math.max(this.readUpTo, w.conversation.visitorReadUpTo || 0);
    const quiet = !this.welcomed;
    for (const m of w.messages || []) this.addMessage(m, quiet);
    this.welcomed = true;
    this.attempts = 0;
    if (this.mode === 'ws') {
      this.wsFailures = 0;
      this.lastRx = this.env.now();
      this.keepAlive();
    }
    this.connected = false;
    this.setConnected(true);
    this.onEvent('welcome');
  }

  private onAck(ack: any): void {
    const item = this.items.get(ack.clientId);
    const body = item ? item.body : this.outbox.list().find((e) => e.clientId === ack.clientId)?.body;
    this.outbox.remove(ack.clientId);
    this.sentAt.delete(ack.clientId);
    if (body === undefined) return;
    this.addMessage({
      id: ack.messageId,
      conversationId: ack.conversationId,
      author: 'visitor',
      authorName: '',
      body,
      clientId: ack.clientId,
      createdAt: ack.createdAt,
    });
    this.onEvent('change');
  }

  /** Answers a refused hello; true when saying hello again at once can succeed. */
  private helloRefused(error: any): boolean {
    if (error.code === 'invalid_token') {
      this.forget();
      return true;
    }
    if (error.code === 'identity_rejected') {
      this.identity = null;
      this.onEvent('error', { kind: 'identify', code: error.code, message: error.message });
      return true;
    }
    return false;
  }

  private onError(error: any, ref: Ref | undefined, via?: SocketLike): void {
    // Refused hello, or a ban of a live connection (then without ref).
    if (error.code === 'banned') return this.onBanned();
    const kind = ref?.k ?? '';
    if (kind === 'hello') {
      if (via && this.helloRefused(error)) this.transmitOn(via, this.helloFrame(), 'hello');
      else if (via) {
        const lost = via.onclose;
        this.detach(via);
        lost?.(null);
      }
    } else if (kind.startsWith('msg:')) {
      const clientId = kind.slice(4);
      if (!PERMANENT.includes(error.code)) return; // the resend timer tries again
      this.outbox.remove(clientId);
      const item = this.items.get(clientId);
      if (item && !item.id) item.state = 'failed';
      this.onEvent('change');
    } else if (kind.startsWith('op:')) {
      const op = kind.slice(3);
      if (this.ops[op] === ref?.f) delete this.ops[op];
      this.onEvent('error', { kind: op, code: error.code, message: error.message });
    }
  }

  /** Banned: drop every connection and timer, and stay away until the page is loaded again. */
  private onBanned(): void {
    if (this.banned) return;
    this.banned = true;
    this.stop();
    this.onEvent('banned');
  }

  /** The stored session is not ours any more (bad token, another visitor): drop what belonged to it. */
  private forget(): void {
    this.persist.del('session');
    for (const [key, it] of this.items) if (it.id) this.items.delete(key);
    this.ids.clear();
    this.conversation = null;
    this.readUpTo = 0;
  }

  private addMessage(m: WireMessage, quiet = false): void {
    if (!m || this.ids.has(m.id)) return;
    this.ids.add(m.id);
    const conv = this.conversation;
    if (!conv || m.conversationId > conv.id) {
      // The visitor's message opened a new conversation; agent_joined will tell the rest.
      this.conversation = { id: m.conversationId, status: 'waiting', agentName: null, visitorReadUpTo: 0, agentReadUpTo: 0 };
    }
    const key = m.clientId || 'm' + m.id;
    const item: Item = {
      key,
      id: m.id,
      conv: m.conversationId,
      author: m.author,
      authorName: m.authorName,
      body: m.body,
      at: m.createdAt,
      state: 'sent',
    };
    this.items.set(key, item);
    if (m.clientId) {
      this.outbox.remove(m.clientId);
      this.sentAt.delete(m.clientId);
    }
    if (m.author === 'agent') this.agentTyping = null;
    if (!quiet) this.onEvent('message', item);
  }
}
