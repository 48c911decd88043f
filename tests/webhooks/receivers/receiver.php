<?php
// A Frontdesk webhook receiver in plain PHP 8.2.
//
//   FRONTDESK_WEBHOOK_SECRET=whsec_... php -S 127.0.0.1:8000 receiver.php
//
// Checks each delivery's signature (Standard Webhooks 1.0, docs/integrations.md)
// and prints every genuine event as one JSON line on the server's stdout.
// Under Apache or PHP-FPM it works as it is (the event line then goes to
// wherever that server's stdout goes).

// How far webhook-timestamp may be from our clock. The timestamp is signed, so
// a delivery captured and replayed later cannot be given a fresh one.
const TOLERANCE_SECONDS = 300;

/**
 * Returns null for a genuine delivery, else a short reason to refuse it.
 * $secret: the endpoint's "whsec_..." string; $headers: with lower-case names;
 * $body: the raw request body from php://input, exactly as received (parsed
 * and re-encoded JSON would not have the bytes Frontdesk signed).
 */
function verify(string $secret, array $headers, string $body): ?string
{
    $id = $headers['webhook-id'] ?? '';
    $timestamp = $headers['webhook-timestamp'] ?? '';
    $signatures = $headers['webhook-signature'] ?? '';
    if ($id === '' || $timestamp === '' || $signatures === '') {
        return 'missing webhook-id, webhook-timestamp or webhook-signature';
    }
    if (!preg_match('/^\d+$/', $timestamp)) {
        return 'webhook-timestamp is not a number';
    }
    if (abs(time() - (int) $timestamp) > TOLERANCE_SECONDS) {
        return 'webhook-timestamp is more than 300 s from now';
    }
    $key = base64_decode(substr($secret, strlen('whsec_')));
    $expected = base64_encode(hash_hmac('sha256', "$id.$timestamp.$body", $key, true));
    // Several entries while the secret is being rotated: any v1 one may match.
    foreach (explode(' ', $signatures) as $entry) {
        [$version, $signature] = array_pad(explode(',', $entry, 2), 2, '');
        // hash_equals takes as long however many leading bytes are right, so
        // timing cannot be used to guess a signature byte by byte.
        if ($version === 'v1' && hash_equals($expected, $signature)) {
            return null;
        }
    }
    return 'no valid v1 signature';
}

$secret = getenv('FRONTDESK_WEBHOOK_SECRET');
if (!is_string($secret) || !str_starts_with($secret, 'whsec_')) {
    error_log("receiver.php: set FRONTDESK_WEBHOOK_SECRET to the endpoint's secret (whsec_...)");
    http_response_code(500); // a failed attempt: Frontdesk retries once this is fixed
    exit;
}
$headers = array_change_key_case(getallheaders(), CASE_LOWER);
$body = file_get_contents('php://input');
$reason = verify($secret, $headers, $body);
if ($reason !== null) {
    http_response_code(400);
    header('Content-Type: text/plain; charset=utf-8');
    echo "$reason\n";
    exit;
}
$event = json_decode($body, true);
// Delivery is at least once: a retry or a Resend brings the same webhook-id
// again. A real handler records the ids it has handled (in the same
// transaction as its work) and skips the ones it has seen; that also stops a
// replay inside the 300 s window. Answer within 10 s: queue slow work rather
// than doing it here.
$line = ['id' => $headers['webhook-id'], 'type' => $event['type'] ?? null,
         'conversationId' => $event['data']['conversation']['id'] ?? null];
file_put_contents('php://stdout', json_encode($line) . "\n");
http_response_code(204);
