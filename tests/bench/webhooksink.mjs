// A webhook receiver for the benchmarks (run-benchmarks.sh webhooks): signs
// in as the admin, adds itself as an endpoint of every event type, answers
// each delivery 204 at once, and when it has EXPECTED deliveries (or at
// its deadline) prints one JSON line: how many came, how late each was
// after its event (receipt time minus the body's "timestamp"), and how
// long the last one took after the first.
//
//   FRONTDESK_ADMIN_PASSWORD=… node webhooksink.mjs --server http://127.0.0.1:PORT --expected N --label L [--timeout S]
//
// Prints "ready" on stderr once the endpoint exists. Loopback only; stops by itself.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WebSocket = createRequire(join(repo, 'widget', 'package.json'))('ws');

const options = { timeout: '300' };
for (let i = 2; i < process.argv.length; i += 2) options[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const server = options.server;
const expected = Number(options.expected);
if (!/^http:\/\/127\.\d+\.\d+\.\d+:\d+$/.test(server || '') || !(expected > 0)) {
  console.error('webhooksink: --server http://127.x.x.x:PORT and --expected N are required');
  process.exit(2);
}

const lags = [];
let firstAt = 0;
let lastAt = 0;
let ids = new Set();
let repeats = 0;

function finish(timedOut) {
  lags.sort((a, b) => a - b);
  const at = (q) => (lags.length ? lags[Math.min(lags.length - 1, Math.floor(q * lags.length))] : 0);
  const line = {
    scenario: 'webhooks', label: options.label || 'webhooks', expected, delivered: ids.size, repeats,
    timed_out: timedOut ? 1 : 0,
    lag_p50_ms: at(0.5), lag_p99_ms: at(0.99), lag_max_ms: lags.at(-1) ?? 0,
    first_to_last_s: (lastAt - firstAt) / 1000,
  };
  console.log(JSON.stringify(line));
  process.exit(0);
}

const sink = createServer((request, response) => {
  const chunks = [];
  request.on('data', (c) => chunks.push(c));
  request.on('end', () => {
    const now = Date.now();
    response.writeHead(204).end();
    const id = request.headers['webhook-id'];
    if (ids.has(id)) {
      ++repeats;
      return;
    }
    ids.add(id);
    firstAt ||= now;
    lastAt = now;
    const { timestamp } = JSON.parse(Buffer.concat(chunks));
    lags.push(now - Date.parse(timestamp));
    if (ids.size >= expected) finish(false);
  });
});
sink.keepAliveTimeout = 60_000;

sink.listen(0, '127.0.0.1', async () => {
  const login = await fetch(`${server}/v1/agent/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@frontdesk.local', password: process.env.FRONTDESK_ADMIN_PASSWORD }),
  });
  if (login.status !== 200) {
    console.error(`webhooksink: login failed: ${login.status} ${await login.text()}`);
    process.exit(1);
  }
  const { token } = await login.json();
  const ws = new WebSocket(`${server.replace('http', 'ws')}/v1/agent`);
  ws.on('open', () => ws.send(JSON.stringify({ type: 'auth', id: 1, token })));
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data));
    // A command waits for auth's answer (the snapshot): before it, it is refused.
    if (frame.ref === 1) {
      ws.send(JSON.stringify({
        type: 'create_webhook', id: 2, url: `http://127.0.0.1:${sink.address().port}/bench`,
        events: ['conversation.created', 'conversation.accepted', 'conversation.closed', 'conversation.rated', 'message.visitor', 'message.agent'],
      }));
      return;
    }
    if (frame.ref !== 2) return;
    if (frame.type !== 'result') {
      console.error(`webhooksink: create_webhook failed: ${String(data)}`);
      process.exit(1);
    }
    console.error('ready');
    ws.close();
  });
  setTimeout(() => finish(true), Number(options.timeout) * 1000).unref();
});
