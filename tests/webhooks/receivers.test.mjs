// The three webhook receivers that docs/integrations.md tells site owners to
// copy (tests/webhooks/receivers/: Python, Node.js, PHP) against this build's
// frontdesk binary: each one an endpoint of its own, each run by its own
// interpreter. A visitor's chat and an agent's answer reach all three,
// checked and in order; forged, stale, unsigned and tampered requests get 400
// and print nothing; a rotated secret is refused until the receiver has the
// new one, and the retry then lands. Last, the verification code in the docs
// is checked to be the code tested here, byte for byte.
//
//   FRONTDESK_BIN=build/app/frontdesk node --test tests/webhooks/receivers.test.mjs
//
// Without php-cli the PHP receiver is left out, unless FRONTDESK_REQUIRE_PHP=1
// (set by the test command, which installs it): then the run fails. Everything listens on 127.0.0.1 and stops at the end.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, stopChildrenOnExit, until } from '../support/nodetest.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(repo, 'widget', 'package.json'));
const WebSocket = require('ws');

const BIN = process.env.FRONTDESK_BIN;
const receiversDir = join(repo, 'tests', 'webhooks', 'receivers');
const ORIGIN = 'https://shop.example';

// Each receiver: how to start it on a port (its secret comes in FRONTDESK_WEBHOOK_SECRET).
const receivers = {
  python: { file: 'receiver.py', command: (port) => ['/usr/bin/python3', [join(receiversDir, 'receiver.py')], { RECEIVER_PORT: String(port) }] },
  node: { file: 'receiver.mjs', command: (port) => [process.execPath, [join(receiversDir, 'receiver.mjs')], { RECEIVER_PORT: String(port) }] },
  php: { file: 'receiver.php', command: (port) => ['php', ['-S', `127.0.0.1:${port}`, join(receiversDir, 'receiver.php')], {}] },
};

try {
  execFileSync('php', ['--version'], { stdio: 'ignore' });
} catch {
  if (process.env.FRONTDESK_REQUIRE_PHP === '1') {
    console.error('receivers test: php does not run; the test command installs php-cli, so this is a failure');
    process.exit(1);
  }
  console.error('receivers test: php is not installed (apt-get install php-cli): the PHP receiver is left out');
  delete receivers.php;
}

const work = mkdtempSync(join(tmpdir(), 'frontdesk-receivers-'));
const children = new Set();
const stopChildren = stopChildrenOnExit(children, 'receivers test', 8 * 60_000);
const adminPassword = 'receivers-' + randomUUID();
let server; // { base, output, siteKey }
let agent;
const endpoints = {}; // name -> { port, url, webhook, process }

function startProcess(name, command, args, env, onLine) {
  // A parent-death signal: even a SIGKILLed test leaves nothing behind.
  const child = spawn('setpriv', ['--pdeathsig=SIGTERM', command, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const state = { name, child, output: '', exited: false };
  let partial = '';
  child.stdout.on('data', (d) => {
    state.output += d;
    partial += d;
    const lines = partial.split('\n');
    partial = lines.pop();
    for (const line of lines) if (line.trim()) onLine?.(line);
  });
  child.stderr.on('data', (d) => (state.output += d));
  child.on('exit', (code, signal) => {
    state.output += `\n(${name} exited: ${code ?? signal})`;
    state.exited = true;
    children.delete(child);
  });
  return state;
}

async function stopProcess(state) {
  if (!state || state.exited) return;
  state.child.kill('SIGTERM');
  await until(`${state.name} to stop`, () => state.exited, 10_000).catch(() => state.child.kill('SIGKILL'));
}

/** A frame-per-request agent connection, as the console speaks it. */
class Agent {
  frames = [];
  seq = 0;
  static async connect(token) {
    const agent = new Agent();
    agent.ws = new WebSocket(server.base.replace('http', 'ws') + '/v1/agent');
    agent.ws.on('message', (data) => agent.frames.push(JSON.parse(String(data))));
    await new Promise((res, rej) => {
      agent.ws.once('open', res);
      agent.ws.once('error', rej);
    });
    const snapshot = await agent.request({ type: 'auth', token });
    assert.equal(snapshot.type, 'snapshot', JSON.stringify(snapshot));
    return agent;
  }
  async request(frame) {
    const id = ++this.seq;
    this.ws.send(JSON.stringify({ ...frame, id }));
    return until(`an answer to ${frame.type}`, () => this.frames.find((f) => f.ref === id));
  }
  async ok(frame) {
    const answer = await this.request(frame);
    assert.equal(answer.type, 'result', `${frame.type}: ${JSON.stringify(answer)}`);
    return answer;
  }
}

/** Starts the receiver `name` with `secret` on its endpoint's port; resolves once it answers HTTP. */
async function startReceiver(name, secret) {
  const endpoint = endpoints[name];
  const [command, args, env] = receivers[name].command(endpoint.port);
  endpoint.process = startProcess(`receiver ${name}`, command, args, { ...env, FRONTDESK_WEBHOOK_SECRET: secret }, (line) =>
    endpoint.lines.push(JSON.parse(line)),
  );
  await until(`the ${name} receiver to listen`, async () => {
    if (endpoint.process.exited) throw new Error(`the ${name} receiver exited:\n${endpoint.process.output}`);
    const answer = await fetch(endpoint.url, { method: 'POST', body: '{}' });
    return answer.status === 400; // unsigned: refused, as it must be
  });
}

/** Signs `body` the way Standard Webhooks says, with `secret` ("whsec_…"), at unix time `timestamp`. */
function sign(secret, id, timestamp, body) {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return 'v1,' + createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
}

/** POSTs to a receiver with our own headers; returns { status, text }. */
async function post(name, headers, body) {
  const answer = await fetch(endpoints[name].url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
  return { status: answer.status, text: await answer.text() };
}

/** The event types an endpoint's receiver printed for `conversationId`, in order. */
const typesFor = (name, conversationId) => endpoints[name].lines.filter((l) => l.conversationId === conversationId).map((l) => l.type);

before(async () => {
  assert.ok(BIN, 'set FRONTDESK_BIN to the frontdesk binary');
  const port = await freePort();
  server = startProcess('frontdesk', BIN, [
    '--headless', '--listen', `127.0.0.1:${port}`, '--allow-origin', ORIGIN,
    // A refused delivery comes back within a second, not after 30 s.
    '--limit', 'webhook-retry-first-ms=300', '--limit', 'webhook-retry-max-ms=600',
  ], { XDG_DATA_HOME: join(work, 'data'), HOME: join(work, 'home'), FRONTDESK_ADMIN_PASSWORD: adminPassword, QT_QPA_PLATFORM: 'offscreen' });
  server.base = `http://127.0.0.1:${port}`;
  await until('frontdesk to listen', () => {
    if (server.exited) throw new Error(`frontdesk exited:\n${server.output}`);
    return /listening on/.test(server.output);
  });
  server.siteKey = /data-site-key="([^"]+)"/.exec(server.output)?.[1];
  assert.ok(server.siteKey, `no site key in the server's output:\n${server.output}`);
  const login = await fetch(server.base + '/v1/agent/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@frontdesk.local', password: adminPassword }),
  });
  assert.equal(login.status, 200, await login.clone().text());
  agent = await Agent.connect((await login.json()).token);

  for (const name of Object.keys(receivers)) {
    const receiverPort = await freePort();
    const url = `http://127.0.0.1:${receiverPort}/frontdesk/${name}`;
    const created = await agent.ok({
      type: 'create_webhook', url, description: `${name} receiver`,
      events: ['conversation.created', 'conversation.accepted', 'conversation.closed', 'conversation.rated', 'message.visitor', 'message.agent'],
    });
    endpoints[name] = { port: receiverPort, url, webhook: created.webhook, lines: [] };
    await startReceiver(name, created.webhook.secret);
  }
});

after(async () => {
  agent?.ws.close();
  for (const endpoint of Object.values(endpoints)) await stopProcess(endpoint.process);
  await stopProcess(server);
  stopChildren();
  rmSync(work, { recursive: true, force: true });
});

/** A visitor on the site's WebSocket, through `hello`. */
async function openVisitor() {
  const ws = new WebSocket(`${server.base.replace('http', 'ws')}/v1/visitor?site=${server.siteKey}`, { headers: { Origin: ORIGIN } });
  const frames = [];
  ws.on('message', (data) => frames.push(JSON.parse(String(data))));
  await new Promise((res, rej) => {
    ws.once('open', res);
    ws.once('error', rej);
  });
  ws.send(JSON.stringify({ type: 'hello', v: 1, page: { url: `${ORIGIN}/order`, title: 'Order' }, id: 1 }));
  await until('welcome', () => frames.find((f) => f.type === 'welcome'));
  return { ws, frames };
}

test('a chat reaches every receiver, verified and in order', async () => {
  const visitor = await openVisitor();
  visitor.ws.send(JSON.stringify({ type: 'message', clientId: 'r-1', body: 'Has my parcel left?', id: 2 }));
  const ack = await until('ack', () => visitor.frames.find((f) => f.type === 'ack'));
  const { conversationId } = ack;
  assert.ok(conversationId, JSON.stringify(ack));
  await agent.ok({ type: 'accept', conversationId });
  const replied = await agent.request({ type: 'reply', conversationId, clientId: 'a-1', body: 'It left this morning.' });
  assert.equal(replied.type, 'ack', JSON.stringify(replied));
  await agent.ok({ type: 'close', conversationId });
  visitor.ws.close();

  const expected = ['conversation.created', 'message.visitor', 'conversation.accepted', 'message.agent', 'conversation.closed'];
  for (const name of Object.keys(receivers)) {
    await until(`the ${name} receiver's five events`, () => typesFor(name, conversationId).length >= expected.length, 20_000);
    assert.deepEqual(typesFor(name, conversationId), expected, `${name}: ${endpoints[name].process.output}`);
    // Every receiver saw the same event ids: an event has one id, whoever gets it.
    const ids = endpoints[name].lines.filter((l) => l.conversationId === conversationId).map((l) => l.id);
    assert.ok(ids.every((id) => /^evt_\d+$/.test(id)), ids.join(' '));
    assert.deepEqual(ids, endpoints[Object.keys(receivers)[0]].lines.filter((l) => l.conversationId === conversationId).map((l) => l.id));
  }
  // And Frontdesk logged them all as delivered, each on the first attempt.
  for (const name of Object.keys(receivers)) {
    const { deliveries } = await agent.ok({ type: 'list_webhook_deliveries', webhookId: endpoints[name].webhook.id });
    const mine = deliveries.filter((d) => d.conversationId === conversationId);
    assert.equal(mine.length, expected.length);
    assert.ok(mine.every((d) => d.status === 'delivered' && d.attempts === 1 && d.statusCode === 204), JSON.stringify(mine));
  }
});

test('forged, stale, unsigned and tampered requests are refused and print nothing', async () => {
  const now = Math.floor(Date.now() / 1000);
  const body = JSON.stringify({ type: 'message.visitor', timestamp: new Date().toISOString(), data: { conversation: { id: 999999 } } });
  for (const name of Object.keys(receivers)) {
    const { secret } = endpoints[name].webhook;
    const before = endpoints[name].lines.length;
    const headers = (fields) => ({ 'webhook-id': 'evt_999999', 'webhook-timestamp': String(now), ...fields });
    const wrongKey = 'whsec_' + randomBytes(32).toString('base64');
    const cases = [
      ['no headers at all', {}, body, 'missing webhook-id'],
      ['no signature', headers({}), body, 'missing webhook-id'],
      ['signed with another key', headers({ 'webhook-signature': sign(wrongKey, 'evt_999999', now, body) }), body, 'no valid v1 signature'],
      ['a body changed after signing', headers({ 'webhook-signature': sign(secret, 'evt_999999', now, body) }), body.replace('999999', '999998'), 'no valid v1 signature'],
      ['another id than the one signed', headers({ 'webhook-id': 'evt_1', 'webhook-signature': sign(secret, 'evt_999999', now, body) }), body, 'no valid v1 signature'],
      ['a signature ten minutes old', headers({ 'webhook-timestamp': String(now - 600), 'webhook-signature': sign(secret, 'evt_999999', now - 600, body) }), body, 'more than 300 s'],
      ['a timestamp that is not a number', headers({ 'webhook-timestamp': 'soon', 'webhook-signature': sign(secret, 'evt_999999', 'soon', body) }), body, 'not a number'],
      ['a v2 entry only', headers({ 'webhook-signature': sign(secret, 'evt_999999', now, body).replace('v1,', 'v2,') }), body, 'no valid v1 signature'],
    ];
    for (const [what, sent, sentBody, reason] of cases) {
      const answer = await post(name, sent, sentBody);
      assert.equal(answer.status, 400, `${name}, ${what}: ${answer.status} ${answer.text}`);
      assert.ok(answer.text.includes(reason), `${name}, ${what}: ${answer.text}`);
    }
    // The same request correctly signed is taken, also next to a stale entry (a rotation).
    const good = sign(secret, 'evt_999999', now, body);
    assert.equal((await post(name, headers({ 'webhook-signature': `v1,${'A'.repeat(44)} ${good}` }), body)).status, 204, name);
    await until(`the ${name} receiver to print the genuine one`, () => endpoints[name].lines.length === before + 1);
    assert.deepEqual(endpoints[name].lines.at(-1), { id: 'evt_999999', type: 'message.visitor', conversationId: 999999 });
  }
});

test('after a new secret the receivers refuse until they have it, then the retry lands', async () => {
  const names = Object.keys(receivers);
  const rotated = {};
  for (const name of names) {
    rotated[name] = (await agent.ok({ type: 'rotate_webhook_secret', webhookId: endpoints[name].webhook.id })).webhook;
    assert.notEqual(rotated[name].secret, endpoints[name].webhook.secret);
  }
  const visitor = await openVisitor();
  visitor.ws.send(JSON.stringify({ type: 'message', clientId: 'r-2', body: 'And the second one?', id: 2 }));
  const ack = await until('ack', () => visitor.frames.find((f) => f.type === 'ack'));
  const { conversationId } = ack;
  visitor.ws.close();

  // Each receiver still has the old secret: Frontdesk logs its 400 and its reason.
  for (const name of names) {
    const webhookId = endpoints[name].webhook.id;
    const refused = await until(`a refusal logged for ${name}`, async () => {
      const { webhooks } = await agent.ok({ type: 'list_webhooks' });
      const hook = webhooks.find((w) => w.id === webhookId);
      return hook.lastFailure.includes('no valid v1 signature') && hook;
    }, 20_000);
    assert.match(refused.lastFailure, /^HTTP 400\b/);
    assert.deepEqual(typesFor(name, conversationId), []);
  }
  // Given the new secret, each receiver takes the retries: the chat's two events, in order, once each.
  for (const name of names) {
    await stopProcess(endpoints[name].process);
    await startReceiver(name, rotated[name].secret);
  }
  for (const name of names) {
    await until(`the ${name} receiver's retried events`, () => typesFor(name, conversationId).length >= 2, 20_000);
    assert.deepEqual(typesFor(name, conversationId), ['conversation.created', 'message.visitor']);
    const { deliveries } = await agent.ok({ type: 'list_webhook_deliveries', webhookId: endpoints[name].webhook.id });
    const first = deliveries.find((d) => d.conversationId === conversationId && d.event === 'conversation.created');
    assert.equal(first.status, 'delivered');
    assert.ok(first.attempts >= 2, JSON.stringify(first));
  }
});

test('docs/integrations.md shows each receiver\'s verification code as tested here', () => {
  const docs = readFileSync(join(repo, 'docs', 'integrations.md'), 'utf8');
  for (const file of ['receiver.py', 'receiver.mjs', 'receiver.php']) {
    const lines = readFileSync(join(receiversDir, file), 'utf8').split('\n');
    // From the comment on the tolerance to the end of verify(): what a reader copies.
    const start = lines.findIndex((line) => line.includes('How far webhook-timestamp may be'));
    const end = lines.findIndex((line, i) => i > start && /^(}|    return "no valid v1 signature")$/.test(line));
    assert.ok(start >= 0 && end > start, `${file}: no verify function found`);
    const excerpt = lines.slice(start, end + 1).join('\n');
    assert.ok(docs.includes(excerpt), `docs/integrations.md does not have ${file}'s verification code as it is:\n${excerpt}`);
  }
});
