// A Frontdesk webhook receiver in Node.js 18+ with the standard library only.
//
//   FRONTDESK_WEBHOOK_SECRET=whsec_... RECEIVER_PORT=8000 node receiver.mjs
//
// Checks each delivery's signature (Standard Webhooks 1.0, docs/integrations.md)
// and prints every genuine event as one JSON line on stdout. It listens on
// 127.0.0.1 only: put it behind your HTTPS reverse proxy.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

// How far webhook-timestamp may be from our clock. The timestamp is signed, so
// a delivery captured and replayed later cannot be given a fresh one.
const TOLERANCE_SECONDS = 300;

/**
 * Returns null for a genuine delivery, else a short reason to refuse it.
 * secret: the endpoint's "whsec_..." string; headers: with lower-case names
 * (as Node gives them); body: a Buffer of the raw request body, exactly as
 * received (parsed and re-serialised JSON would not have the bytes Frontdesk
 * signed; with Express, use express.raw() on this route, not express.json()).
 */
function verify(secret, headers, body) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures) return 'missing webhook-id, webhook-timestamp or webhook-signature';
  // Digits only: Number() of anything else is NaN, and NaN passes no comparison.
  if (!/^\d+$/.test(timestamp)) return 'webhook-timestamp is not a number';
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) {
    return 'webhook-timestamp is more than 300 s from now';
  }
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const hmac = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body);
  const expected = Buffer.from(hmac.digest('base64'));
  // Several entries while the secret is being rotated: any v1 one may match.
  for (const entry of signatures.split(' ')) {
    const [version, signature = ''] = entry.split(',');
    const given = Buffer.from(signature);
    // timingSafeEqual takes as long however many leading bytes are right, so
    // timing cannot be used to guess a signature byte by byte. It needs equal
    // lengths; the length of a signature is no secret.
    if (version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected)) return null;
  }
  return 'no valid v1 signature';
}

const secret = process.env.FRONTDESK_WEBHOOK_SECRET ?? '';
if (!secret.startsWith('whsec_')) {
  console.error("receiver.mjs: set FRONTDESK_WEBHOOK_SECRET to the endpoint's secret (whsec_...)");
  process.exit(1);
}
const port = Number(process.env.RECEIVER_PORT || 8000);

createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks);
    const reason = verify(secret, request.headers, body);
    if (reason) {
      response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${reason}\n`);
      return;
    }
    const event = JSON.parse(body);
    // Delivery is at least once: a retry or a Resend brings the same
    // webhook-id again. A real handler records the ids it has handled (in the
    // same transaction as its work) and skips the ones it has seen; that also
    // stops a replay inside the 300 s window. Answer within 10 s: queue slow
    // work rather than doing it here.
    const line = { id: request.headers['webhook-id'], type: event.type, conversationId: event.data?.conversation?.id };
    process.stdout.write(`${JSON.stringify(line)}\n`);
    response.writeHead(204).end();
  });
}).listen(port, '127.0.0.1');
