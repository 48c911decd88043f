// End-to-end tests of the widget in Debian's Chromium (playwright-core) against
// a real Frontdesk server started here. The host page comes from another
// origin (a small HTTP server on another port) and holds only the snippet; an
// agent is driven over the agent protocol with the `ws` package.
//
//   FRONTDESK_BIN=build/app/frontdesk node --test tests/widget/e2e.test.mjs
//
// Environment: FRONTDESK_BIN (required), CHROMIUM (default /usr/bin/chromium),
// FRONTDESK_SCREENSHOTS (folder for the docs screenshots; default docs/screenshots).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WAIT, freePort, stopChildrenOnExit, until } from '../support/nodetest.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(repo, 'widget', 'package.json'));
const { chromium } = require('playwright-core');
const WebSocket = require('ws');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const BIN = process.env.FRONTDESK_BIN;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = process.env.FRONTDESK_SCREENSHOTS || join(repo, 'docs', 'screenshots');

const work = mkdtempSync(join(tmpdir(), 'frontdesk-widget-e2e-'));
const children = new Set();
let server; // { child, port, base, output }
let host; // { server, port, origin }
let browser;
let smtp; // { child, port, folder }: aiosmtpd (tests/mail/smtpserver.py), which the server emails through
let siteKey = '';
let adminToken = '';
const adminPassword = 'e2e-' + randomUUID();

// Whatever happens, nothing outlives the test run.
const stopChildren = stopChildrenOnExit(children, 'e2e', 15 * 60_000);

/** Starts frontdesk on `port` with the suite's data folder; resolves once it prints "listening on". */
const serverEnv = () => ({ ...process.env, XDG_DATA_HOME: join(work, 'data'), HOME: join(work, 'home'), FRONTDESK_ADMIN_PASSWORD: adminPassword, QT_QPA_PLATFORM: 'offscreen' });

async function startServer(port) {
  const mail = ['--smtp-url', `smtp://127.0.0.1:${smtp.port}`, '--smtp-allow-plain', 'true', '--smtp-from', 'Northwind <chat@northwind.test>'];
  const child = spawn(BIN, ['--headless', '--listen', `127.0.0.1:${port}`, '--allow-origin', host.origin, ...mail], {
    env: serverEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const state = { child, port, base: `http://127.0.0.1:${port}`, output: '', listening: false, exited: false };
  child.stdout.on('data', (d) => {
    state.output += d;
    if (/listening on/.test(state.output)) state.listening = true;
  });
  child.stderr.on('data', (d) => (state.output += d));
  child.on('error', (e) => {
    state.output += `\n${e}`;
    state.exited = true;
  });
  child.on('exit', () => {
    state.exited = true;
    children.delete(child);
  });
  await until('frontdesk to listen', () => {
    if (state.exited) throw new Error(`frontdesk exited:\n${state.output}`);
    return state.listening;
  });
  return state;
}

/** A real SMTP server on loopback: each message it takes is a JSON record in its folder. */
async function startSmtp(port) {
  const folder = join(work, 'mail');
  const child = spawn('/usr/bin/python3', [join(repo, 'tests', 'mail', 'smtpserver.py'), '--port', String(port), '--folder', folder], { stdio: ['pipe', 'pipe', 'inherit'] });
  children.add(child);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.on('exit', () => children.delete(child));
  await until('the SMTP server to listen', () => output.includes('ready'));
  return { child, port, folder };
}

/** What the SMTP server received so far, oldest first. */
function mails() {
  let names = [];
  try {
    names = readdirSync(smtp.folder).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return names.map((n) => JSON.parse(readFileSync(join(smtp.folder, n), 'utf8')));
}

async function killServer() {
  const { child } = server;
  if (server.exited) return;
  child.kill('SIGKILL');
  await until('frontdesk to die', () => server.exited);
}

/** An agent console over the agent protocol. */
class Agent {
  frames = [];
  seq = 0;
  static async connect() {
    const agent = new Agent();
    agent.ws = new WebSocket(server.base.replace('http', 'ws') + '/v1/agent');
    agent.ws.on('message', (data) => agent.frames.push(JSON.parse(String(data))));
    await new Promise((res, rej) => {
      agent.ws.once('open', res);
      agent.ws.once('error', rej);
    });
    const snapshot = await agent.request({ type: 'auth', token: adminToken });
    assert.equal(snapshot.type, 'snapshot', JSON.stringify(snapshot));
    return agent;
  }
  send(frame) {
    this.ws.send(JSON.stringify(frame));
  }
  async request(frame) {
    const id = ++this.seq;
    this.send({ ...frame, id });
    return until(`an answer to ${frame.type}`, () => this.frames.find((f) => f.ref === id));
  }
  waitFor(what, pred) {
    return until(what, () => this.frames.find(pred));
  }
  visitorMessage(body) {
    return this.waitFor(`the agent to receive "${body}"`, (f) => f.type === 'message' && f.message.author === 'visitor' && f.message.body === body).then((f) => f.message);
  }
  async reply(conversationId, body) {
    const ack = await this.request({ type: 'reply', conversationId, clientId: randomUUID(), body });
    assert.equal(ack.type, 'ack', JSON.stringify(ack));
    return ack;
  }
  /** The agent's view of a visitor (name, email, attributes, conversations with ratings). */
  async visitorInfo(conversationId) {
    const created = await this.waitFor('the conversation summary', (f) => f.conversation?.id === conversationId && f.conversation.visitorId);
    return this.request({ type: 'visitor', visitorId: created.conversation.visitorId });
  }
  async history(conversationId) {
    const result = await this.request({ type: 'history', conversationId, limit: 200 });
    return result.messages;
  }
  close() {
    this.ws.close();
  }
}

const snippet = () => `<script async src="${server.base}/widget.js" data-site-key="${siteKey}"></script>`;
const page = (head, body = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host page</title>${head}</head><body>${body}</body></html>`;
const demoBody = `<main><h1>Northwind Coffee</h1><p>Single-origin beans, roasted every Tuesday and shipped the same day.</p><p>Free delivery on orders over 30 €.</p></main>`;
const demoHead = `<link rel="stylesheet" href="/demo.css">`;
const demoCss = `body{margin:0;font:16px/1.6 Georgia,serif;background:#f7f4ef;color:#2b2118}main{max-width:640px;margin:80px auto;padding:0 24px}h1{font-size:44px;margin:0 0 12px}@media (prefers-color-scheme:dark){body{background:#1b1a19;color:#e9e4dc}}`;
const hostileCss = `* { all: unset !important; font-size: 40px !important; } div, button, section { display: block !important; position: static !important; width: 10px !important; height: 10px !important; background: red !important; color: lime !important; border: 5px solid hotpink !important; font-family: "Comic Sans MS", cursive !important; z-index: 0 !important; } body > * { transform: rotate(3deg) !important; opacity: .5 !important; } [data-frontdesk] { display: none !important; }`;

function startHost(port) {
  const routes = {
    '/': () => ({ body: page('', snippet()) }),
    '/favicon.ico': () => ({ body: '', type: 'image/x-icon' }),
    '/demo': () => ({ body: page(demoHead, demoBody + snippet()) }),
    '/demo.css': () => ({ body: demoCss, type: 'text/css' }),
    '/hostile': () => ({ body: page(`<style>${hostileCss}</style>`, snippet()) }),
    '/csp': () => ({
      body: page('', snippet()),
      headers: {
        'Content-Security-Policy': `default-src 'none'; script-src ${server.base}; connect-src ${server.base} ${server.base.replace('http', 'ws')}; style-src 'none'; img-src 'none'; base-uri 'none'; form-action 'none'`,
      },
    }),
  };
  const http = createServer((req, res) => {
    const route = routes[new URL(req.url, 'http://x').pathname];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const { body, type = 'text/html; charset=utf-8', headers = {} } = route();
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers }).end(body);
  });
  return new Promise((res) => http.listen(port, '127.0.0.1', () => res({ server: http, port, origin: `http://127.0.0.1:${port}` })));
}

/** A fresh browser context (a new visitor) with a page on `path` of the host. */
async function visitor(path = '/', options = {}) {
  const { init, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  if (init) await context.addInitScript(init);
  const tab = await openTab(context, path);
  return { context, tab };
}

async function openTab(context, path) {
  const tab = await context.newPage();
  tab.errors = [];
  tab.on('pageerror', (e) => tab.errors.push(String(e)));
  tab.on('console', (m) => {
    if (m.type() === 'error') tab.errors.push(m.text());
  });
  await tab.goto(host.origin + path);
  await tab.locator('[data-frontdesk] .l').waitFor({ timeout: WAIT });
  return tab;
}

/** The message rows the widget shows: [{author, text, state}] read from its shadow root. */
function rows(tab) {
  return tab.evaluate(() =>
    [...document.querySelector('[data-frontdesk]').shadowRoot.querySelectorAll('[role=log] .r')].map((r) => ({
      author: ['visitor', 'agent', 'system'].find((c) => r.classList.contains(c)),
      text: r.querySelector('.bu').textContent,
      state: ['sending', 'sent', 'failed'].find((c) => r.classList.contains(c)),
    })),
  );
}

async function waitRow(tab, text, author) {
  await until(`"${text}" to show`, async () => (await rows(tab)).some((r) => r.text === text && (!author || r.author === author) && r.state === 'sent'));
}

async function openPanel(tab) {
  await tab.locator('[data-frontdesk] .l').click();
  await tab.locator('[data-frontdesk] .p[role=dialog]').waitFor({ state: 'visible', timeout: WAIT });
}

async function say(tab, text) {
  const input = tab.locator('[data-frontdesk] .k textarea');
  await input.waitFor({ state: 'visible', timeout: WAIT });
  await input.fill(text);
  await input.press('Enter');
}

before(async () => {
  assert.ok(BIN, 'set FRONTDESK_BIN to the frontdesk binary');
  const [serverPort, hostPort, smtpPort] = [await freePort(), await freePort(), await freePort()];
  host = await startHost(hostPort);
  smtp = await startSmtp(smtpPort);
  server = await startServer(serverPort);
  siteKey = /data-site-key="([^"]+)"/.exec(server.output)?.[1] || /site key (\S+?)\./.exec(server.output)?.[1];
  assert.ok(siteKey, `no site key in the server's output:\n${server.output}`);
  const login = await fetch(server.base + '/v1/agent/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@frontdesk.local', password: adminPassword }),
  });
  assert.equal(login.status, 200, await login.clone().text());
  adminToken = (await login.json()).token;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // playwright-core gives every launch a fresh temporary profile (it refuses --user-data-dir here).
  });
});

after(async () => {
  await browser?.close().catch(() => {});
  stopChildren();
  host?.server.close();
  rmSync(work, { recursive: true, force: true });
});

test('widget.js is served gzipped with an ETag, and only window.Frontdesk is added to the page', async () => {
  const response = await fetch(server.base + '/widget.js', { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(response.status, 200);
  // fetch() inflates the body itself; the header says it came compressed.
  assert.equal(response.headers.get('content-encoding'), 'gzip');
  assert.equal(response.headers.get('vary'), 'Accept-Encoding');
  assert.ok((await response.text()).length > Number(response.headers.get('content-length')), 'the body was smaller on the wire');
  assert.ok(response.headers.get('etag'));
  const { context, tab } = await visitor('/');
  const added = await tab.evaluate(() => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const clean = new Set(Object.getOwnPropertyNames(frame.contentWindow));
    frame.remove();
    return Object.getOwnPropertyNames(window).filter((k) => !clean.has(k));
  });
  assert.deepEqual(added, ['Frontdesk']);
  assert.equal(await tab.evaluate(() => typeof window.Frontdesk.open), 'function');
  assert.deepEqual(tab.errors, []);
  await context.close();
});

test('with no agent online, the offline form leaves a conversation agents see later', async () => {
  const { context, tab } = await visitor('/');
  await openPanel(tab);
  const card = tab.locator('[data-frontdesk] .cd');
  await card.waitFor({ timeout: WAIT });
  assert.equal(await tab.locator('[data-frontdesk] .k').isVisible(), false, 'the composer gives way to the form');
  await card.locator('button[type=submit]').click();
  assert.equal(await card.locator('#fd-f-email-e').textContent(), 'Please fill in this field.');
  await card.locator('#fd-f-name').fill('Grace Hopper');
  await card.locator('#fd-f-email').fill('grace@example.com');
  await card.locator('#fd-f-message').fill('Please email me about bulk orders.');
  await card.locator('button[type=submit]').click();
  await waitRow(tab, 'Please email me about bulk orders.', 'visitor');
  await until('the thank-you note', async () => (await card.textContent()).includes('get back to you by email'));
  const agent = await Agent.connect();
  const waiting = agent.frames[0].conversations.find((c) => c.lastMessage?.body === 'Please email me about bulk orders.');
  assert.ok(waiting, 'the conversation is in the agent snapshot');
  const info = await until('the profile to be stored', async () => {
    const r = await agent.request({ type: 'visitor', visitorId: waiting.visitorId });
    return r.visitor.email === 'grace@example.com' && r;
  });
  assert.equal(info.visitor.name, 'Grace Hopper');
  agent.close();
  await context.close();
});

test('identify() with the site\'s HMAC names the visitor; a forged hash is refused', async () => {
  const secret = /identity secret: ([0-9a-f]+)/.exec(execFileSync(BIN, ['--site-info'], { env: serverEnv(), encoding: 'utf8' }))?.[1];
  assert.ok(secret, 'frontdesk --site-info prints the identity secret');
  const hash = createHmac('sha256', Buffer.from(secret, 'hex')).update('user-42').digest('hex');
  const agent = await Agent.connect();
  // The command queue: calls made before widget.js loads run once it has.
  const { context, tab } = await visitor('/', {
    init: `window.Frontdesk = window.Frontdesk || []; window.Frontdesk.push(['identify', { id: 'user-42', name: 'Ada Lovelace', email: 'ada@example.com', hash: '${hash}' }], ['setAttributes', { plan: 'pro', seats: 3 }]);`,
  });
  const warnings = [];
  tab.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await openPanel(tab);
  await say(tab, 'I am logged in');
  const received = await agent.visitorMessage('I am logged in');
  const info = await until('the identity and attributes', async () => {
    const r = await agent.visitorInfo(received.conversationId);
    return r.visitor.attributes?.custom?.plan === 'pro' && r;
  });
  assert.equal(info.visitor.name, 'Ada Lovelace');
  assert.equal(info.visitor.email, 'ada@example.com');
  assert.equal(info.visitor.attributes.userId, 'user-42');
  assert.equal(info.visitor.attributes.custom.seats, 3);
  await tab.evaluate(() => window.Frontdesk.identify({ id: 'someone-else', hash: '0'.repeat(64) }));
  await until('the refusal to be reported', () => warnings.some((w) => w.includes('identity_rejected')));
  agent.close();
  await context.close();
});

test('a visitor sends, an agent receives and replies, the reply appears', async () => {
  const agent = await Agent.connect();
  const { context, tab } = await visitor('/');
  await openPanel(tab);
  await say(tab, 'Hello from the visitor');
  const received = await agent.visitorMessage('Hello from the visitor');
  await until('the queue position', () => tab.evaluate(() => /number \d+ in the queue/.test(document.querySelector('[data-frontdesk]').shadowRoot.querySelector('.n').textContent)));
  await agent.request({ type: 'accept', conversationId: received.conversationId });
  await agent.reply(received.conversationId, 'Hi! How can I help? See https://example.com/help.');
  await waitRow(tab, 'Hi! How can I help? See https://example.com/help.', 'agent');
  const link = tab.locator('[data-frontdesk] .agent .bu a');
  assert.equal(await link.getAttribute('href'), 'https://example.com/help');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(await link.getAttribute('target'), '_blank');
  // The agent read it: the visitor's message says so.
  await agent.request({ type: 'read', conversationId: received.conversationId, messageId: received.id });
  await until('the read receipt', () => tab.evaluate(() => document.querySelector('[data-frontdesk]').shadowRoot.querySelector('.visitor .m')?.textContent.includes('Read')));
  // The agent closes the chat: the visitor rates it.
  await agent.request({ type: 'close', conversationId: received.conversationId });
  // Under a closed chat: the rating card, then the transcript by email.
  const card = tab.locator('[data-frontdesk] .cd').first();
  await card.locator('[aria-label="4 out of 5"]').click();
  await card.locator('textarea').fill('Quick and friendly');
  await card.locator('button[type=submit]').click();
  await until('the thanks for the rating', async () => (await card.textContent()).includes('Thanks for your feedback'));
  const rated = await until('the rating to be stored', async () => {
    const r = await agent.visitorInfo(received.conversationId);
    return r.conversations.find((c) => c.id === received.conversationId && c.rating === 4);
  });
  assert.equal(rated.ratingComment, 'Quick and friendly');
  assert.deepEqual(tab.errors, []);
  agent.close();
  await context.close();
});

test('after the chat closes, the visitor asks for the transcript by email and receives it', async () => {
  const agent = await Agent.connect();
  const { context, tab } = await visitor('/');
  await openPanel(tab);
  await say(tab, 'What are your opening hours?');
  const received = await agent.visitorMessage('What are your opening hours?');
  await agent.request({ type: 'accept', conversationId: received.conversationId });
  await agent.reply(received.conversationId, 'Nine to five, Monday to Saturday.');
  await waitRow(tab, 'Nine to five, Monday to Saturday.', 'agent');
  const before = mails().length;
  await agent.request({ type: 'close', conversationId: received.conversationId });
  const form = tab.locator('[data-frontdesk] .cd').last();
  const email = form.locator('input[type=email]');
  await email.waitFor({ timeout: WAIT });
  await email.fill('not an address');
  await form.locator('button[type=submit]').click();
  assert.equal(await email.getAttribute('aria-invalid'), 'true');
  await email.fill('visitor@example.com');
  await form.locator('button[type=submit]').click();
  await until('the widget to say it is on its way', async () => (await form.textContent()).includes("We'll email you the transcript"));
  const mail = await until('the transcript to arrive', () => mails().slice(before).find((m) => m.rcptTos[0] === 'visitor@example.com'));
  assert.match(mail.body, /What are your opening hours\?/);
  assert.match(mail.body, /Nine to five, Monday to Saturday\./);
  assert.match(mail.headers.Subject, /^Your chat with /);
  assert.deepEqual(tab.errors, []);
  agent.close();
  await context.close();
});

test('the server is killed and restarted mid-conversation: nothing is lost or duplicated', async () => {
  let agent = await Agent.connect();
  const { context, tab } = await visitor('/');
  await openPanel(tab);
  await say(tab, 'before the crash');
  const first = await agent.visitorMessage('before the crash');
  await waitRow(tab, 'before the crash', 'visitor');
  const conversationId = first.conversationId;
  await agent.reply(conversationId, 'agent before the crash');
  await waitRow(tab, 'agent before the crash', 'agent');
  agent.close();

  await killServer();
  await say(tab, 'while the server is down');
  await say(tab, 'second while down');
  await until('the widget to show it is reconnecting', () => tab.evaluate(() => !document.querySelector('[data-frontdesk]').shadowRoot.querySelector('.n').hidden));
  server = await startServer(server.port);

  agent = await Agent.connect();
  await waitRow(tab, 'while the server is down', 'visitor');
  await waitRow(tab, 'second while down', 'visitor');
  await agent.reply(conversationId, 'agent after the restart');
  await waitRow(tab, 'agent after the restart', 'agent');
  // A reload on top: the conversation comes back from the server, once.
  await tab.reload();
  await openPanel(tab);
  await waitRow(tab, 'agent after the restart', 'agent');

  const expected = ['before the crash', 'agent before the crash', 'while the server is down', 'second while down', 'agent after the restart'];
  const shown = (await rows(tab)).filter((r) => r.author !== 'system').map((r) => r.text);
  assert.deepEqual(shown, expected);
  const stored = (await agent.history(conversationId)).filter((m) => m.author !== 'system').map((m) => m.body);
  assert.deepEqual(stored, expected);
  assert.deepEqual(tab.errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/.test(e)), []);
  agent.close();
  await context.close();
});

test('with WebSocket blocked, long polling carries the chat both ways', async () => {
  const agent = await Agent.connect();
  const { context, tab } = await visitor('/', {
    init: () => {
      window.WebSocket = function () {
        throw new Error('WebSocket blocked by the test');
      };
    },
  });
  const polls = [];
  tab.on('request', (r) => r.url().includes('/visitor/') && polls.push(r.url()));
  await openPanel(tab);
  await say(tab, 'sent over polling');
  const received = await agent.visitorMessage('sent over polling');
  await agent.reply(received.conversationId, 'answered over polling');
  await waitRow(tab, 'answered over polling', 'agent');
  assert.ok(polls.some((u) => u.endsWith('/visitor/poll')), 'polled');
  assert.ok(polls.some((u) => u.endsWith('/visitor/send')), 'sent through /visitor/send');
  assert.equal((await rows(tab)).filter((r) => r.text === 'sent over polling').length, 1);
  agent.close();
  await context.close();
});

test('two tabs show the same conversation', async () => {
  const agent = await Agent.connect();
  const { context, tab } = await visitor('/');
  const second = await openTab(context, '/');
  await openPanel(tab);
  await openPanel(second);
  await say(tab, 'typed in the first tab');
  const received = await agent.visitorMessage('typed in the first tab');
  await waitRow(second, 'typed in the first tab', 'visitor');
  await agent.reply(received.conversationId, 'seen by both tabs');
  await waitRow(tab, 'seen by both tabs', 'agent');
  await waitRow(second, 'seen by both tabs', 'agent');
  await say(second, 'typed in the second tab');
  await waitRow(tab, 'typed in the second tab', 'visitor');
  const a = (await rows(tab)).map((r) => r.text);
  const b = (await until('both tabs to agree', async () => {
    const rb = (await rows(second)).map((r) => r.text);
    return JSON.stringify(rb) === JSON.stringify(a) && rb;
  }));
  assert.deepEqual(b, a);
  assert.equal(new Set(a).size, a.length, 'no duplicates');
  agent.close();
  await context.close();
});

// The tab notice (widget/src/notice.ts). Headless Chromium 156 reports every page as visible whatever CDP
// does to it (a minimised window, another tab in front, a background target, Page.setWebLifecycleState
// frozen and back: all tried), so this init script stands in for a tab switch: document.hidden and
// visibilityState follow window.__hide(on), which fires visibilitychange as the browser would. It also
// records the chime (OscillatorNode.start, with the AudioContext's state) and the notifications.
const noticeInit = () => {
  let hidden = false;
  Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => hidden });
  Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  window.__hide = (on) => {
    hidden = on;
    document.dispatchEvent(new Event('visibilitychange'));
  };
  const seen = (window.__seen = { tones: [], notes: [], asked: 0, closed: 0 });
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args) {
    seen.tones.push({ hz: this.frequency.value, state: this.context.state });
    return start.apply(this, args);
  };
  const Real = window.Notification;
  window.Notification = class extends Real {
    constructor(title, options) {
      super(title, options);
      seen.notes.push({ title, body: options?.body, tag: options?.tag });
      window.__lastNote = this;
    }
    close() {
      seen.closed++;
      super.close();
    }
    static requestPermission() {
      seen.asked++;
      // Headless Chromium denies at once; window.__dismiss stands for a visitor who closes the prompt.
      return window.__dismiss ? Promise.resolve('default') : Real.requestPermission();
    }
  };
};
const noticeSeen = (tab) => tab.evaluate(() => ({ ...window.__seen, title: document.title, permission: Notification.permission }));
const panelOpen = (tab) => tab.evaluate(() => document.querySelector('[data-frontdesk]').shadowRoot.querySelector('.fd').classList.contains('o'));

/** Starts a conversation from `tab` that `agent` accepts; resolves with its id. */
async function acceptedChat(tab, agent, text) {
  await openPanel(tab);
  await say(tab, text);
  const received = await agent.visitorMessage(text);
  await agent.request({ type: 'accept', conversationId: received.conversationId });
  await until('the agent to join', () => tab.evaluate(() => document.querySelector('[data-frontdesk]').shadowRoot.querySelector('.st').textContent.includes('·')));
  return received.conversationId;
}

test('a reply while the tab is hidden blinks the title with the count, chimes and notifies; all stops when the tab is visible', async () => {
  const agent = await Agent.connect();
  const agentName = agent.frames[0].agent.name;
  const { context, tab } = await visitor('/', { init: noticeInit, permissions: ['notifications'] });
  assert.equal((await noticeSeen(tab)).permission, 'granted');
  await openPanel(tab);
  await say(tab, 'Is anyone there?');
  const { conversationId } = await agent.visitorMessage('Is anyone there?');
  await tab.locator('[data-frontdesk] .x').click(); // the panel closed: the notification's click opens it
  assert.equal(await panelOpen(tab), false);

  await tab.evaluate(() => window.__hide(true));
  // Neither the visitor's own message (here sent by the page) nor the system line of the agent joining counts.
  await tab.evaluate(() => window.Frontdesk.sendMessage('sent by the page while hidden'));
  await waitRow(tab, 'sent by the page while hidden', 'visitor');
  await agent.request({ type: 'accept', conversationId });
  await until('the system line', async () => (await rows(tab)).some((r) => r.author === 'system'));
  await tab.waitForTimeout(1200);
  let seen = await noticeSeen(tab);
  assert.deepEqual([seen.tones, seen.notes, seen.title], [[], [], 'Host page']);
  // Two agent replies do.
  await agent.reply(conversationId, 'First reply while you were away');
  await until('"(1) New message"', async () => (await noticeSeen(tab)).title === '(1) New message');
  await agent.reply(conversationId, 'x'.repeat(300));
  await until('"(2) New messages"', async () => (await noticeSeen(tab)).title === '(2) New messages');
  // It blinks: back to the page's title, then ours again.
  await until('the page title between', async () => (await noticeSeen(tab)).title === 'Host page');
  // The page renames itself meanwhile: that title comes between the blinks, and stays afterwards.
  await tab.evaluate(() => (document.title = 'Host page – 1 item in your cart'));
  await until('the new page title between', async () => (await noticeSeen(tab)).title === 'Host page – 1 item in your cart');
  await until('"(2) New messages" again', async () => (await noticeSeen(tab)).title === '(2) New messages');

  seen = await noticeSeen(tab);
  assert.deepEqual(seen.tones, [{ hz: 880, state: 'running' }, { hz: 880, state: 'running' }], 'one chime a reply, its AudioContext resumed by the send');
  assert.equal(seen.notes.length, 2);
  assert.deepEqual(seen.notes[0], { title: agentName, body: 'First reply while you were away', tag: seen.notes[1].tag });
  assert.deepEqual(seen.notes[1], { title: agentName, body: 'x'.repeat(160), tag: `${siteKey}${conversationId}` });
  assert.equal(seen.asked, 0, 'permission was granted already: no prompt');

  // Clicking the notification opens the chat.
  await tab.evaluate(() => window.__lastNote.dispatchEvent(new Event('click')));
  await until('the panel to open', () => panelOpen(tab));

  // Visible again: the page's latest title, no more blinking, the notification closed.
  await tab.evaluate(() => window.__hide(false));
  seen = await noticeSeen(tab);
  assert.equal(seen.title, 'Host page – 1 item in your cart');
  assert.ok(seen.closed >= 1, 'the notification was closed');
  await tab.waitForTimeout(2500);
  assert.equal((await noticeSeen(tab)).title, 'Host page – 1 item in your cart', 'the blinking stopped');
  // Visible: nothing.
  await agent.reply(conversationId, 'visible again');
  await waitRow(tab, 'visible again', 'agent');
  await tab.waitForTimeout(1200);
  seen = await noticeSeen(tab);
  assert.deepEqual([seen.tones.length, seen.notes.length, seen.title], [2, 2, 'Host page – 1 item in your cart']);

  // Hidden once more, the count starts from one; a reload's history is not new.
  await tab.evaluate(() => window.__hide(true));
  await agent.reply(conversationId, 'and one more');
  await until('"(1) New message" for the next one', async () => (await noticeSeen(tab)).title === '(1) New message');
  await tab.reload();
  await tab.locator('[data-frontdesk] .l').waitFor({ timeout: WAIT });
  await tab.evaluate(() => window.__hide(true));
  await tab.waitForTimeout(1500);
  seen = await noticeSeen(tab);
  assert.deepEqual([seen.tones, seen.notes, seen.title], [[], [], 'Host page']);
  assert.deepEqual(tab.errors, []);
  agent.close();
  await context.close();
});

test('with the site\'s replySound off and notifications denied, a hidden tab gets the blinking title only; permission is asked once, after the first message', async () => {
  const agent = await Agent.connect();
  const widget = agent.frames[0].site.widget;
  const set = (replySound) => agent.request({ type: 'update_site', widget: { ...widget, replySound } });
  assert.equal((await set(false)).type, 'result');
  try {
    {
      const { context, tab } = await visitor('/', { init: noticeInit });
      assert.equal((await noticeSeen(tab)).asked, 0, 'never on page load');
      const conversationId = await acceptedChat(tab, agent, 'Quiet, please');
      let seen = await until('the answer to the prompt', async () => (await noticeSeen(tab)).permission === 'denied' && noticeSeen(tab));
      assert.equal(seen.asked, 1, 'asked in the send of the first message');
      await tab.evaluate(() => window.__hide(true));
      await agent.reply(conversationId, 'A quiet reply');
      await until('"(1) New message"', async () => (await noticeSeen(tab)).title === '(1) New message');
      await tab.waitForTimeout(1200);
      seen = await noticeSeen(tab);
      assert.deepEqual([seen.tones, seen.notes, seen.asked], [[], [], 1]);
      assert.deepEqual(tab.errors, []);
      await context.close();
    }
    {
      // A visitor who closes the prompt is not asked again: not at the next message, not after a reload.
      const { context, tab } = await visitor('/', { init: `(${noticeInit})(); window.__dismiss = true;` });
      await openPanel(tab);
      await say(tab, 'Prompt closed');
      await waitRow(tab, 'Prompt closed', 'visitor');
      assert.equal((await noticeSeen(tab)).asked, 1);
      await say(tab, 'A second message');
      await waitRow(tab, 'A second message', 'visitor');
      assert.equal((await noticeSeen(tab)).asked, 1, 'not at the next message');
      await tab.reload();
      await openPanel(tab);
      await say(tab, 'After the reload');
      await waitRow(tab, 'After the reload', 'visitor');
      const seen = await noticeSeen(tab);
      assert.deepEqual([seen.asked, seen.permission], [0, 'default'], 'the reloaded page did not ask');
      assert.deepEqual(tab.errors, []);
      await context.close();
    }
  } finally {
    await set(widget.replySound ?? true);
    agent.close();
  }
});

test('hostile page CSS does not break the widget', async () => {
  // An agent is online so that both pages show the composer. Each page is
  // measured only once its welcome has arrived (the panel shows the team
  // online): before it, the widget cannot know whether the offline form
  // replaces the composer, and the two pages could be caught in different states.
  const agent = await Agent.connect();
  const measure = async (path) => {
    // Reduced motion: no opening animation or hover scale to catch half-way.
    const { context, tab } = await visitor(path, { reducedMotion: 'reduce' });
    await openPanel(tab);
    await tab.locator('[data-frontdesk] .fd.on .k textarea').waitFor({ state: 'visible', timeout: WAIT });
    await tab.mouse.move(0, 0);
    const m = await tab.evaluate(() => {
      const root = document.querySelector('[data-frontdesk]').shadowRoot;
      const box = (sel) => {
        const r = root.querySelector(sel).getBoundingClientRect();
        return [r.x, r.y, r.width, r.height].map(Math.round);
      };
      const cs = (sel, p) => getComputedStyle(root.querySelector(sel))[p];
      return {
        launcher: box('.l'),
        panel: box('.p'),
        header: box('.h'),
        composer: box('.k'),
        title: [cs('h2', 'fontSize'), cs('h2', 'fontFamily'), cs('h2', 'color')],
        input: [cs('textarea', 'fontSize'), cs('.p', 'backgroundColor'), cs('.l', 'backgroundColor')],
        visible: cs('.p', 'display') !== 'none' && cs('.l', 'opacity') === '1',
      };
    });
    await context.close();
    return m;
  };
  try {
    const clean = await measure('/');
    const hostile = await measure('/hostile');
    assert.ok(clean.visible && hostile.visible);
    assert.ok(clean.composer[2] > 0, 'the composer is shown');
    assert.deepEqual(hostile, clean);
  } finally {
    agent.close();
  }
});

test('works on a page with a strict Content-Security-Policy', async () => {
  const agent = await Agent.connect();
  const { context, tab } = await visitor('/csp', {
    init: () => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    },
  });
  await openPanel(tab);
  await say(tab, 'hello under CSP');
  const received = await agent.visitorMessage('hello under CSP');
  await agent.reply(received.conversationId, 'CSP reply');
  await waitRow(tab, 'CSP reply', 'agent');
  // Styled: the launcher has its colour and the panel its rounded corners.
  const look = await tab.evaluate(() => {
    const root = document.querySelector('[data-frontdesk]').shadowRoot;
    return [getComputedStyle(root.querySelector('.l')).borderRadius, getComputedStyle(root.querySelector('.p')).position];
  });
  assert.deepEqual(look, ['50%', 'fixed']);
  assert.deepEqual(await tab.evaluate(() => window.__violations), []);
  agent.close();
  await context.close();
});

test('axe-core finds no serious or critical accessibility violations', async () => {
  const agent = await Agent.connect();
  const { context, tab } = await visitor('/');
  const audit = async () => {
    await tab.evaluate(axeSource);
    const result = await tab.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };
  assert.deepEqual(await audit(), [], 'closed');
  await openPanel(tab);
  await say(tab, 'Accessible?');
  const received = await agent.visitorMessage('Accessible?');
  await agent.reply(received.conversationId, 'Yes.');
  await waitRow(tab, 'Yes.', 'agent');
  assert.deepEqual(await audit(), [], 'open with messages');
  // Keyboard: Escape closes and gives focus back to the launcher.
  await tab.keyboard.press('Escape');
  assert.equal(await tab.evaluate(() => document.querySelector('[data-frontdesk]').shadowRoot.activeElement?.className), 'l');
  await tab.keyboard.press('Enter');
  assert.equal(await tab.evaluate(() => document.querySelector('[data-frontdesk]').shadowRoot.activeElement?.tagName), 'TEXTAREA');
  agent.close();
  await context.close();
});

test("the server's own /try page embeds its widget, allowed without its origin in the site's list", async () => {
  const agent = await Agent.connect();
  assert.ok(!agent.frames[0].site?.allowedOrigins?.includes(server.base), 'the server is not among the allowed origins');
  mkdirSync(SHOTS, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = await context.newPage();
  tab.errors = [];
  tab.on('pageerror', (e) => tab.errors.push(String(e)));
  tab.on('console', (m) => {
    if (m.type() === 'error') tab.errors.push(m.text());
  });
  // The front page: status and the console's address, no script.
  const home = await tab.goto(server.base + '/');
  assert.equal(home.status(), 200);
  assert.equal(await tab.locator('#console-url').textContent(), server.base);
  await tab.screenshot({ path: join(SHOTS, 'page-home.png') });
  // Its link leads to the demo, which carries the widget of the first site.
  const [demo] = await Promise.all([tab.waitForResponse(server.base + '/try'), tab.locator('a#try').click()]);
  assert.equal(demo.status(), 200);
  assert.match(demo.headers()['content-security-policy'], new RegExp(`script-src ${server.base};`));
  await tab.locator('[data-frontdesk] .l').waitFor({ timeout: WAIT });
  await openPanel(tab);
  await say(tab, 'Hello from the try page');
  const received = await agent.visitorMessage('Hello from the try page');
  await agent.request({ type: 'accept', conversationId: received.conversationId });
  await agent.reply(received.conversationId, 'Hello! This is the console answering. It works.');
  await waitRow(tab, 'Hello! This is the console answering. It works.', 'agent');
  await agent.request({ type: 'read', conversationId: received.conversationId, messageId: received.id });
  await tab.evaluate(() => document.activeElement?.blur());
  await tab.waitForTimeout(400); // the opening animation (a picture, not an assertion)
  await tab.screenshot({ path: join(SHOTS, 'page-try.png') });
  assert.deepEqual(tab.errors, []);
  // A page elsewhere that the site does not allow still gets nothing.
  const other = await fetch(`${server.base}/v1/sites/${siteKey}/visitor/hello`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: 'http://127.0.0.1:1' },
    body: '{"v":1}',
  });
  assert.equal(other.status, 403);
  agent.frames.length = 0;
  agent.close();
  await context.close();
});

test('screenshots of the closed, open, mobile and dark states', async () => {
  mkdirSync(SHOTS, { recursive: true });
  const agent = await Agent.connect();
  const conversation = async (tab) => {
    await openPanel(tab);
    await say(tab, 'Hi! Do you ship to Norway?');
    const received = await agent.visitorMessage('Hi! Do you ship to Norway?');
    if (!received.__accepted) await agent.request({ type: 'accept', conversationId: received.conversationId });
    await agent.reply(received.conversationId, 'Hello! Yes, we ship to Norway in 3–5 working days. Shipping is free over 30 €.');
    await waitRow(tab, 'Hello! Yes, we ship to Norway in 3–5 working days. Shipping is free over 30 €.', 'agent');
    await agent.request({ type: 'read', conversationId: received.conversationId, messageId: received.id });
    agent.frames.length = 0;
    await tab.evaluate(() => document.activeElement?.blur());
    await tab.waitForTimeout(400); // let the opening animation finish (a picture, not an assertion)
  };
  {
    const { context, tab } = await visitor('/demo');
    await tab.waitForTimeout(300);
    await tab.screenshot({ path: join(SHOTS, 'widget-closed.png') });
    await conversation(tab);
    await tab.screenshot({ path: join(SHOTS, 'widget-open.png') });
    await context.close();
  }
  {
    const { context, tab } = await visitor('/demo', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await conversation(tab);
    await tab.screenshot({ path: join(SHOTS, 'widget-mobile.png') });
    await context.close();
  }
  {
    const { context, tab } = await visitor('/demo', { colorScheme: 'dark' });
    await conversation(tab);
    await tab.screenshot({ path: join(SHOTS, 'widget-dark.png') });
    await context.close();
  }
  agent.close();
});
