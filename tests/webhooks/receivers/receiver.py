#!/usr/bin/env python3
"""A Frontdesk webhook receiver in Python 3 with the standard library only.

    FRONTDESK_WEBHOOK_SECRET=whsec_... RECEIVER_PORT=8000 python3 receiver.py

Checks each delivery's signature (Standard Webhooks 1.0, docs/integrations.md)
and prints every genuine event as one JSON line on stdout. It listens on
127.0.0.1 only: put it behind your HTTPS reverse proxy.
"""
import base64
import hashlib
import hmac
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

# How far webhook-timestamp may be from our clock. The timestamp is signed, so
# a delivery captured and replayed later cannot be given a fresh one.
TOLERANCE_SECONDS = 300


def verify(secret, headers, body):
    """Returns None for a genuine delivery, else a short reason to refuse it.

    secret: the endpoint's "whsec_..." string; headers: a case-insensitive
    mapping; body: the request body as raw bytes, exactly as received (parsed
    and re-serialised JSON would not have the bytes Frontdesk signed).
    """
    webhook_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature")
    if not (webhook_id and timestamp and signatures):
        return "missing webhook-id, webhook-timestamp or webhook-signature"
    try:
        age = abs(time.time() - int(timestamp))
    except ValueError:
        return "webhook-timestamp is not a number"
    if age > TOLERANCE_SECONDS:
        return "webhook-timestamp is more than 300 s from now"
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{webhook_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest())
    # Several entries while the secret is being rotated: any v1 one may match.
    for entry in signatures.split(" "):
        version, _, signature = entry.partition(",")
        # compare_digest takes as long however many leading bytes are right,
        # so timing cannot be used to guess a signature byte by byte.
        if version == "v1" and hmac.compare_digest(signature.encode(), expected):
            return None
    return "no valid v1 signature"


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        reason = verify(SECRET, self.headers, body)
        if reason:
            self.send_response(400)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.end_headers()
            self.wfile.write(reason.encode() + b"\n")
            return
        event = json.loads(body)
        # Delivery is at least once: a retry or a Resend brings the same
        # webhook-id again. A real handler records the ids it has handled (in
        # the same transaction as its work) and skips the ones it has seen;
        # that also stops a replay inside the 300 s window. Answer within
        # 10 s: queue slow work rather than doing it here.
        conversation = event.get("data", {}).get("conversation") or {}
        line = {"id": self.headers["webhook-id"], "type": event.get("type"),
                "conversationId": conversation.get("id")}
        print(json.dumps(line), flush=True)
        self.send_response(204)
        self.end_headers()


if __name__ == "__main__":
    SECRET = os.environ.get("FRONTDESK_WEBHOOK_SECRET", "")
    if not SECRET.startswith("whsec_"):
        sys.exit("receiver.py: set FRONTDESK_WEBHOOK_SECRET to the endpoint's secret (whsec_...)")
    port = int(os.environ.get("RECEIVER_PORT", "8000"))
    HTTPServer(("127.0.0.1", port), Receiver).serve_forever()
