// Frontdesk behind a real reverse proxy: Debian's nginx or Caddy, running the
// configurations shipped in packaging/ (only ports, certificate paths and
// the upstream port are filled in), terminating TLS with a certificate from
// a throwaway CA made here with openssl. Through it: a visitor in Chromium
// chatting over wss on the proxy's own name and under /chat/, the
// long-polling fallback with a parked poll answered at once, and the login
// ban and per-address cap counted per real client (sources 127.0.0.x), with
// spoofed forwarding headers changing nothing.
//
//   FRONTDESK_PROXY=nginx|caddy FRONTDESK_BIN=build/app/frontdesk node tests/proxy/proxy.test.mjs
//
// Without the proxy's binary this exits 77 (ctest: skipped), unless
// FRONTDESK_REQUIRE_PROXIES=1 (set by packaging/quickstart.sh test, which
// installs them): then it fails. The proxy runs as nobody when this runs as
// root; every process is on loopback and stopped at the end.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WAIT, freePort, stopChildrenOnExit, until } from '../support/nodetest.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(repo, 'widget', 'package.json'));

const PROXY = process.env.FRONTDESK_PROXY;
const BIN = process.env.FRONTDESK_BIN;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SKIPPED = 77; // ctest's SKIP_RETURN_CODE for these entries

// Debian's packages; FRONTDESK_NGINX / FRONTDESK_CADDY name another binary.
const proxyBinary = {
  nginx: process.env.FRONTDESK_NGINX || '/usr/sbin/nginx',
  caddy: process.env.FRONTDESK_CADDY || '/usr/bin/caddy',
}[PROXY];
assert.ok(proxyBinary, 'set FRONTDESK_PROXY to nginx or caddy');
assert.ok(BIN, 'set FRONTDESK_BIN to the frontdesk binary');
try {
  execFileSync(proxyBinary, [PROXY === 'nginx' ? '-v' : 'version'], { stdio: 'ignore' });
} catch {
  if (process.env.FRONTDESK_REQUIRE_PROXIES === '1') {
    console.error(`proxy test: ${proxyBinary} does not run; the test command installs Debian's ${PROXY} package, so this is a failure`);
    process.exit(1);
  }
  console.error(`proxy test: SKIPPED: ${proxyBinary} is not installed (apt-get install ${PROXY}, or run packaging/quickstart.sh test)`);
  process.exit(SKIPPED);
}

const { chromium } = require('playwright-core');
const WebSocket = require('ws');

// The names the shipped configurations use, kept: the test resolves them to 127.0.0.1.
const OWN_NAME = 'chat.shop.example'; // Frontdesk at the root of a name of its own
const SHOP_NAME = 'shop.example'; // Frontdesk under /chat/ of the shop's site
const AGENT_SOURCE = '127.0.0.9'; // the agent's and the admin's own address, apart from the clients under test

// Small limits, so a ban and a cap are reached in a few requests.
const CAP = 5; // max-connections-per-address
const limits = {
  'max-connections-per-address': CAP,
  'login-free-failures-per-address': 1,
  'login-ban-failures-per-address': 2,
  'login-base-delay-ms': 0, // the ban is under test, not the delays before it
  'login-ban-ms': 600_000, // outlasts the test
  'login-free-failures-per-account': 1000, // one account throughout: only the address counts
};

const work = mkdtempSync(join(tmpdir(), `frontdesk-proxy-${PROXY}-`));
const children = new Set();
const adminPassword = 'proxy-' + randomUUID();
let ports; // { https, http, frontdesk, host }
let ca; // the test CA's certificate (PEM), which every Node client trusts
let frontdesk; // { child, output }
let proxy; // { child, output }
let host; // the page embedding the widget: { server, origin }
let browser;
let siteKey = '';
let snippet = ''; // as frontdesk prints it
let adminToken = '';

// Whatever happens, nothing outlives the test run.
const stopChildren = stopChildrenOnExit(children, 'proxy test', 4 * 60_000);

/**
 * Starts `command` under setpriv: as nobody with `asNobody` when we are root,
 * and always with a parent-death signal, so that even a SIGKILLed test (a
 * ctest timeout) leaves no proxy or server behind.
 */
function startProcess(name, command, args, { asNobody = false, ...options } = {}) {
  const drop = asNobody && process.getuid() === 0 ? ['--reuid=nobody', '--regid=nogroup', '--clear-groups'] : [];
  const child = spawn('setpriv', ['--pdeathsig=SIGTERM', ...drop, command, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  children.add(child);
  const state = { name, child, output: '', exited: false };
  child.stdout.on('data', (d) => (state.output += d));
  child.stderr.on('data', (d) => (state.output += d));
  child.on('error', (e) => {
    state.output += `\n${e}`;
    state.exited = true;
  });
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

// --- certificates -----------------------------------------------------------

/** A throwaway CA and a certificate it signed for both names (and 127.0.0.1, localhost). */
function makeCertificates(dir) {
  const ssl = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=Frontdesk proxy test CA',
    '-keyout', 'ca.key', '-out', 'ca.pem');
  ssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${OWN_NAME}`, '-keyout', 'server.key', '-out', 'server.csr');
  writeFileSync(join(dir, 'server.ext'),
    `subjectAltName = DNS:${OWN_NAME}, DNS:${SHOP_NAME}, DNS:localhost, IP:127.0.0.1\nextendedKeyUsage = serverAuth\n`);
  ssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2',
    '-extfile', 'server.ext', '-out', 'server.pem');
  return { cert: join(dir, 'server.pem'), key: join(dir, 'server.key'), ca: readFileSync(join(dir, 'ca.pem')) };
}

// --- the proxies, from the shipped files ------------------------------------

/** The text of a shipped file with `replacements` ([from, to] pairs) applied; each must match. */
function shipped(path, replacements) {
  let text = readFileSync(join(repo, path), 'utf8');
  for (const [from, to] of replacements) {
    const next = text.replace(from, to);
    assert.notEqual(next, text, `${path}: the test expected to find ${from}; update the test with the file`);
    text = next;
  }
  return text;
}

function nginxConfig(dir, certs) {
  mkdirSync(join(dir, 'snippets'));
  writeFileSync(join(dir, 'snippets', 'frontdesk-proxy.conf'), readFileSync(join(repo, 'packaging/nginx/frontdesk-proxy.conf')));
  const site = shipped('packaging/nginx/frontdesk.conf', [
    [/^\s*listen \[::\]:.*\n/gm, ''], // loopback only
    [/listen 80;/g, `listen 127.0.0.1:${ports.http};`],
    [/listen 443 ssl http2;/g, `listen 127.0.0.1:${ports.https} ssl http2;`],
    [/ssl_certificate +\S+;/g, `ssl_certificate ${certs.cert};`],
    [/ssl_certificate_key +\S+;/g, `ssl_certificate_key ${certs.key};`],
    [/127\.0\.0\.1:8080/g, `127.0.0.1:${ports.frontdesk}`],
  ]);
  writeFileSync(join(dir, 'frontdesk.conf'), site);
  // What Debian's /etc/nginx/nginx.conf provides around a site, in this folder.
  writeFileSync(join(dir, 'nginx.conf'), `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log info;
events { worker_connections 256; }
http {
    access_log ${dir}/access.log;
    client_body_temp_path ${dir}/client_body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    include ${dir}/frontdesk.conf;
}
`);
  execFileSync(proxyBinary, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: 'pipe' });
  return [proxyBinary, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log'), '-g', 'daemon off;']];
}

function caddyConfig(dir, certs) {
  const site = shipped('packaging/caddy/Caddyfile', [
    // The test's global options in place of the sample's: no admin endpoint,
    // no ACME, no trust store changes, loopback ports.
    [/^\temail .*$/m, `\tadmin off\n\tskip_install_trust\n\tdefault_bind 127.0.0.1\n\thttp_port ${ports.http}\n\thttps_port ${ports.https}\n\tstorage file_system ${dir}/data`],
    // The test's certificate instead of one from Let's Encrypt.
    [new RegExp(`^(${OWN_NAME.replaceAll('.', '\\.')}|${SHOP_NAME.replaceAll('.', '\\.')}) \\{$`, 'gm'), `$1 {\n\ttls ${certs.cert} ${certs.key}`],
    [/127\.0\.0\.1:8080/g, `127.0.0.1:${ports.frontdesk}`],
  ]);
  writeFileSync(join(dir, 'Caddyfile'), site);
  return [proxyBinary, ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile']];
}

/** Starts the proxy, as nobody when we are root (it never needs privileges here). */
async function startProxy(certs) {
  const dir = join(work, PROXY);
  mkdirSync(dir);
  const [command, args] = PROXY === 'nginx' ? nginxConfig(dir, certs) : caddyConfig(dir, certs);
  const env = { ...process.env, HOME: dir, XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config') };
  if (process.getuid() === 0) execFileSync('chown', ['-R', 'nobody:nogroup', dir]);
  proxy = startProcess(PROXY, command, args, { env, cwd: dir, asNobody: true });
  await until(`${PROXY} to answer /healthz`, async () => {
    if (proxy.exited) throw new Error(`${PROXY} exited:\n${proxy.output}`);
    return (await get(OWN_NAME, '/healthz')).status === 200;
  });
}

// --- frontdesk ----------------------------------------------------------------

async function startFrontdesk(extraServerLines = []) {
  const config = join(work, 'frontdesk.conf');
  writeFileSync(config, [
    '[server]',
    `listen = 127.0.0.1:${ports.frontdesk}`,
    'trusted-proxy = 127.0.0.1',
    `public-url = https://${SHOP_NAME}:${ports.https}/chat`,
    `allow-origin = ${host.origin}`,
    ...extraServerLines,
    '[limits]',
    ...Object.entries(limits).map(([name, value]) => `${name} = ${value}`),
    '',
  ].join('\n'));
  const data = join(work, `data-${randomUUID()}`); // a fresh database: no ban carries over
  frontdesk = startProcess('frontdesk', BIN, ['--headless', '--config', config], {
    env: { ...process.env, XDG_DATA_HOME: data, HOME: join(work, 'home'), FRONTDESK_ADMIN_PASSWORD: adminPassword, QT_QPA_PLATFORM: 'offscreen' },
  });
  await until('frontdesk to listen', () => {
    if (frontdesk.exited) throw new Error(`frontdesk exited:\n${frontdesk.output}`);
    return /listening on/.test(frontdesk.output);
  });
  siteKey = /data-site-key="([^"]+)"/.exec(frontdesk.output)?.[1];
  assert.ok(siteKey, `no site key in frontdesk's output:\n${frontdesk.output}`);
  // The snippet a shop would paste names the proxy's address (--public-url),
  // and the /prefix page embeds it exactly as printed.
  snippet = /<script async src="[^"]*" data-site-key="[^"]+"><\/script>/.exec(frontdesk.output)?.[0];
  assert.equal(snippet, `<script async src="https://${SHOP_NAME}:${ports.https}/chat/widget.js" data-site-key="${siteKey}"></script>`);
}

/** The admin's token, signed in through the proxy. */
async function signIn() {
  const login = await loginThroughProxy(AGENT_SOURCE, adminPassword);
  assert.equal(login.status, 200, login.body);
  adminToken = JSON.parse(login.body).token;
}

// --- clients ------------------------------------------------------------------

// Both names are this machine; a lookup in net's shape for either calling convention.
const lookup = (hostname, options, callback) =>
  options?.all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4);

/**
 * One request on a connection of its own from `from` (a 127.0.0.x source):
 * through the proxy over https on `name`, or, with `direct`, to Frontdesk's own port.
 */
function call(name, path, { method = 'GET', body, headers = {}, from = '127.0.0.1', direct = false } = {}) {
  return new Promise((res, rej) => {
    const options = {
      method,
      path,
      headers: { ...(body ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } : {}), ...headers },
      localAddress: from,
      agent: false,
      timeout: WAIT,
    };
    const req = direct
      ? httpRequest({ ...options, host: '127.0.0.1', port: ports.frontdesk })
      : httpsRequest({ ...options, host: name, port: ports.https, lookup, ca, servername: name });
    req.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (d) => (text += d));
      response.on('end', () => res({ status: response.statusCode, headers: response.headers, body: text }));
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer`)));
    req.on('error', rej);
    req.end(body);
  });
}
const get = (name, path, options) => call(name, path, options);

const loginBody = (password) => JSON.stringify({ email: 'admin@frontdesk.local', password });
const loginThroughProxy = (from, password, headers = {}) =>
  call(OWN_NAME, '/v1/agent/login', { method: 'POST', body: loginBody(password), from, headers });
const loginDirect = (from, password, headers = {}) =>
  call(null, '/v1/agent/login', { method: 'POST', body: loginBody(password), from, headers, direct: true });

/** A WebSocket through the proxy (wss, the test CA), from `from`; resolves once open, rejects with the refusal's status. */
function openSocket(url, from) {
  return new Promise((res, rej) => {
    const ws = new WebSocket(url, { ca, lookup, localAddress: from, handshakeTimeout: WAIT });
    ws.once('open', () => res(ws));
    ws.once('unexpected-response', (_req, response) => rej(Object.assign(new Error(`refused: ${response.statusCode}`), { status: response.statusCode })));
    ws.once('error', rej);
  });
}

/** An agent console over the agent protocol, through the proxy over wss. */
class Agent {
  frames = [];
  seq = 0;
  static async connect(from = AGENT_SOURCE) {
    const agent = new Agent();
    agent.ws = await openSocket(`wss://${OWN_NAME}:${ports.https}/v1/agent`, from);
    agent.ws.on('message', (data) => agent.frames.push(JSON.parse(String(data))));
    const snapshot = await agent.request({ type: 'auth', token: adminToken });
    assert.equal(snapshot.type, 'snapshot', JSON.stringify(snapshot));
    return agent;
  }
  async request(frame) {
    const id = ++this.seq;
    this.ws.send(JSON.stringify({ ...frame, id }));
    return until(`an answer to ${frame.type}`, () => this.frames.find((f) => f.ref === id));
  }
  visitorMessage(body) {
    return until(`the agent to receive "${body}"`, () =>
      this.frames.find((f) => f.type === 'message' && f.message.author === 'visitor' && f.message.body === body)?.message);
  }
  async reply(conversationId, body) {
    const ack = await this.request({ type: 'reply', conversationId, clientId: randomUUID(), body });
    assert.equal(ack.type, 'ack', JSON.stringify(ack));
  }
  close() {
    this.ws.close();
  }
}

// --- the page and the browser -------------------------------------------------

function startHost(port) {
  const page = (which) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body><h1>Shop</h1>` +
    (which === 'prefix' ? snippet : `<script async src="https://${OWN_NAME}:${ports.https}/widget.js" data-site-key="${siteKey}"></script>`) +
    '</body></html>';
  const server = createServer((req, res) => {
    const which = { '/own': 'own', '/prefix': 'prefix' }[new URL(req.url, 'http://x').pathname];
    if (!which) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(page(which));
  });
  return new Promise((res) => server.listen(port, '127.0.0.1', () => res({ server, origin: `http://127.0.0.1:${port}` })));
}

async function visitor(path, init) {
  // Chromium does not know the test CA; the Node clients above check the chain.
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  if (init) await context.addInitScript(init);
  const tab = await context.newPage();
  tab.sockets = [];
  tab.requests = [];
  tab.on('websocket', (ws) => tab.sockets.push(ws.url()));
  tab.on('request', (r) => tab.requests.push(Object.assign(r, { startedAt: Date.now() })));
  tab.done = new Set();
  tab.on('requestfinished', (r) => tab.done.add(r));
  tab.on('requestfailed', (r) => tab.done.add(r));
  await tab.goto(host.origin + path);
  await tab.locator('[data-frontdesk] .l').waitFor({ timeout: WAIT });
  await tab.locator('[data-frontdesk] .l').click();
  await tab.locator('[data-frontdesk] .p[role=dialog]').waitFor({ state: 'visible', timeout: WAIT });
  return { context, tab };
}

function rows(tab) {
  return tab.evaluate(() =>
    [...document.querySelector('[data-frontdesk]').shadowRoot.querySelectorAll('[role=log] .r')].map((r) => ({
      author: ['visitor', 'agent', 'system'].find((c) => r.classList.contains(c)),
      text: r.querySelector('.bu').textContent,
      sent: r.classList.contains('sent'),
    })));
}

const waitRow = (tab, text, author) =>
  until(`"${text}" to show`, async () => (await rows(tab)).some((r) => r.text === text && r.author === author && r.sent));

async function say(tab, text) {
  const input = tab.locator('[data-frontdesk] .k textarea');
  await input.waitFor({ state: 'visible', timeout: WAIT });
  await input.fill(text);
  await input.press('Enter');
}

/** A visitor and an agent exchange one message each through the proxy. */
async function roundTrip(tab, agent, label) {
  await say(tab, `hello from ${label}`);
  const received = await agent.visitorMessage(`hello from ${label}`);
  await agent.reply(received.conversationId, `answer to ${label}`);
  await waitRow(tab, `answer to ${label}`, 'agent');
}

// --- the suite ----------------------------------------------------------------

before(async () => {
  chmodSync(work, 0o755); // the proxy, as nobody, reads its folder inside
  ports = { https: await freePort(), http: await freePort(), frontdesk: await freePort(), host: await freePort() };
  const certs = makeCertificates(work);
  ca = certs.ca;
  if (process.getuid() === 0) chownSync(certs.key, 65534, 65534); // nobody reads the key
  host = await startHost(ports.host);
  await startFrontdesk();
  await startProxy(certs);
  await signIn();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--host-resolver-rules=MAP ${OWN_NAME} 127.0.0.1, MAP ${SHOP_NAME} 127.0.0.1`],
  });
});

after(async () => {
  await browser?.close().catch(() => {});
  await stopProcess(proxy);
  await stopProcess(frontdesk);
  stopChildren();
  host?.server.close();
  rmSync(work, { recursive: true, force: true });
});

test('TLS with the test certificate on both names, and /chat redirected to /chat/', async () => {
  for (const [name, path] of [[OWN_NAME, '/widget.js'], [SHOP_NAME, '/chat/widget.js']]) {
    const response = await get(name, path); // `ca` only: a wrong name or chain fails here
    assert.equal(response.status, 200, `${name}${path}`);
    assert.match(response.headers['content-type'], /javascript/);
  }
  const redirect = await get(SHOP_NAME, '/chat');
  assert.ok([301, 308].includes(redirect.status), `/chat answers ${redirect.status}`);
  assert.match(redirect.headers.location, /\/chat\/$/);
});

test('a visitor in Chromium chats with an agent over wss, on its own name and under /chat/', async () => {
  const agent = await Agent.connect();
  for (const [path, base] of [['/own', `wss://${OWN_NAME}:${ports.https}/v1/visitor`], ['/prefix', `wss://${SHOP_NAME}:${ports.https}/chat/v1/visitor`]]) {
    const { context, tab } = await visitor(path);
    await roundTrip(tab, agent, path);
    assert.ok(tab.sockets.some((url) => url.startsWith(base)), `a WebSocket to ${base}: ${tab.sockets.join(', ')}`);
    assert.ok(!tab.requests.some((r) => r.url().includes('/visitor/poll')), 'no long polling');
    await context.close();
  }
  agent.close();
});

test('long polling through the proxy: a parked poll is answered as soon as the agent replies', async () => {
  const agent = await Agent.connect();
  const { context, tab } = await visitor('/prefix', () => {
    window.WebSocket = function () {
      throw new Error('WebSocket blocked by the test');
    };
  });
  await say(tab, 'sent over polling');
  const received = await agent.visitorMessage('sent over polling');
  // Wait for a poll that has been parked a while (the server holds it up to
  // 25 s), then reply: an answer held back by the proxy would show late, and
  // one the proxy cut short (a read timeout below the hold) would show as a
  // failed poll. A poll's answer is one complete response, so whether the
  // proxy buffers it cannot be seen from here: buffering off is a guard.
  const pollUrl = `/chat/v1/sites/${siteKey}/visitor/poll`;
  await until('a poll parked for 2 s', () => {
    const last = tab.requests.filter((r) => r.url().endsWith(pollUrl)).at(-1);
    return last && !tab.done.has(last) && Date.now() - last.startedAt > 2000;
  });
  const sentAt = Date.now();
  await agent.reply(received.conversationId, 'answered over polling');
  await waitRow(tab, 'answered over polling', 'agent');
  const took = Date.now() - sentAt;
  assert.ok(took < 10_000, `the reply took ${took} ms through a 25 s poll`);
  assert.ok(tab.requests.some((r) => r.url().endsWith('/chat/v1/sites/' + siteKey + '/visitor/send')), 'sent through /visitor/send');
  assert.deepEqual(tab.sockets, [], 'no WebSocket');
  agent.close();
  await context.close();
});

test('the login ban counts the client behind the proxy, and a spoofed header does not shed it', async () => {
  // 127.0.0.2 guesses wrong twice: banned (login-ban-failures-per-address = 2).
  assert.equal((await loginThroughProxy('127.0.0.2', 'wrong')).status, 401);
  assert.equal((await loginThroughProxy('127.0.0.2', 'wrong')).status, 401);
  const banned = await loginThroughProxy('127.0.0.2', adminPassword);
  assert.equal(banned.status, 429, banned.body);
  // Naming another client in its own request changes nothing: the proxy
  // appends (nginx) or replaces (Caddy) X-Forwarded-For, and replaces Forwarded.
  for (const headers of [{ 'X-Forwarded-For': '127.0.0.3' }, { 'X-Forwarded-For': '127.0.0.1' }, { Forwarded: 'for=127.0.0.3' }]) {
    const spoofed = await loginThroughProxy('127.0.0.2', adminPassword, headers);
    assert.equal(spoofed.status, 429, `${JSON.stringify(headers)}: ${spoofed.body}`);
  }
  // Another client behind the same proxy signs in.
  assert.equal((await loginThroughProxy('127.0.0.3', adminPassword)).status, 200);
});

test('the per-address connection cap counts the client behind the proxy', async () => {
  // 127.0.0.4 holds its share of open sockets (agents that signed in stay open)...
  const held = [];
  for (let i = 0; i < CAP; ++i) held.push(await Agent.connect('127.0.0.4'));
  // ...so one more is refused by name, through the proxy...
  await assert.rejects(openSocket(`wss://${OWN_NAME}:${ports.https}/v1/agent`, '127.0.0.4'), (e) => e.status === 429);
  const refused = await get(OWN_NAME, '/healthz', { from: '127.0.0.4' });
  assert.equal(refused.status, 429, refused.body);
  assert.match(refused.body, /too_many_connections/);
  // ...while 127.0.0.5, behind the same proxy, gets in.
  const other = await Agent.connect('127.0.0.5');
  assert.equal((await get(OWN_NAME, '/healthz', { from: '127.0.0.5' })).status, 200);
  // A socket closed is a place free again.
  held.pop().close();
  const again = await until('a place for 127.0.0.4 again', async () => (await get(OWN_NAME, '/healthz', { from: '127.0.0.4' })).status === 200);
  assert.ok(again);
  for (const agent of [...held, other]) agent.close();
});

test('forwarding headers straight from an untrusted address are ignored', async () => {
  // 127.0.0.6 is no proxy: whatever it names, the ban is its own...
  assert.equal((await loginDirect('127.0.0.6', 'wrong', { 'X-Forwarded-For': '127.0.0.7' })).status, 401);
  assert.equal((await loginDirect('127.0.0.6', 'wrong', { 'X-Forwarded-For': '127.0.0.8', Forwarded: 'for=127.0.0.8' })).status, 401);
  assert.equal((await loginDirect('127.0.0.6', adminPassword, { 'X-Forwarded-For': '127.0.0.10' })).status, 429);
  assert.equal((await loginDirect('127.0.0.6', adminPassword)).status, 429);
  // ...and the clients it named were never counted.
  assert.equal((await loginThroughProxy('127.0.0.7', adminPassword)).status, 200);
  assert.equal((await loginThroughProxy('127.0.0.8', adminPassword)).status, 200);
});

test('with --proxy-header forwarded, the proxy\'s Forwarded names the client and a client\'s own is replaced', async () => {
  await stopProcess(frontdesk);
  await startFrontdesk(['proxy-header = forwarded']);
  await signIn();
  // 127.0.0.2 claims to be 127.0.0.3 in Forwarded: if the proxy passed that
  // on, the ban would land on 127.0.0.3.
  const spoof = { Forwarded: 'for=127.0.0.3;proto=https' };
  assert.equal((await loginThroughProxy('127.0.0.2', 'wrong', spoof)).status, 401);
  assert.equal((await loginThroughProxy('127.0.0.2', 'wrong', spoof)).status, 401);
  assert.equal((await loginThroughProxy('127.0.0.2', adminPassword, spoof)).status, 429);
  // The ban is 127.0.0.2's, named by the proxy's Forwarded even when the client sends none...
  assert.equal((await loginThroughProxy('127.0.0.2', adminPassword)).status, 429);
  // ...and 127.0.0.3 was never counted.
  assert.equal((await loginThroughProxy('127.0.0.3', adminPassword, { Forwarded: 'for=127.0.0.2' })).status, 200);
});
