#!/usr/bin/python3
"""A real SMTP server for Frontdesk's mail tests: Debian's aiosmtpd on loopback.

Each message it accepts is written to FOLDER as N.eml (the bytes as received)
and N.json (the envelope, and the headers and body as Python's email parser
decodes them, so the test checks what a mail client would show). Started and
stopped by the test itself, again on the same port for the retry tests.

  smtpserver.py --port P --folder F [--user U --password W] [--tls-cert C --tls-key K]

With a user, AUTH is required (PLAIN/LOGIN); with a certificate, STARTTLS is
required before AUTH and MAIL. A recipient whose local part starts with
"reject" is refused with 550 5.1.1. Prints "ready PORT" once listening; stops
on SIGTERM or when standard input closes.
"""

import argparse
import email
import email.policy
import email.utils
import json
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, folder):
        self.folder = folder
        self.count = len([n for n in os.listdir(folder) if n.endswith(".eml")])
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.split("@")[0].startswith("reject"):
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",))
        try:
            date_ok = email.utils.parsedate_to_datetime(message["Date"]) is not None
        except Exception:
            date_ok = False
        record = {
            "mailFrom": envelope.mail_from,
            "rcptTos": envelope.rcpt_tos,
            "tls": session.ssl is not None,
            "authenticated": bool(getattr(session, "authenticated", False)),
            # Decoded (RFC 2047) as a mail client shows them.
            "headers": {k: str(v) for k, v in message.items()},
            "headerCounts": {k: len(message.get_all(k, [])) for k in message.keys()},
            "rawSubject": next((line for line in raw.decode("ascii", "replace").split("\r\n")
                                if line.startswith("Subject:")), ""),
            "contentType": message.get_content_type(),
            "charset": message.get_content_charset(),
            "transferEncoding": message.get("Content-Transfer-Encoding", ""),
            "body": body.get_content() if body is not None else "",
            "dateValid": date_ok,
        }
        with self.lock:
            self.count += 1
            base = os.path.join(self.folder, "%04d" % self.count)
            with open(base + ".eml.tmp", "wb") as f:
                f.write(raw)
            os.rename(base + ".eml.tmp", base + ".eml")
            with open(base + ".json.tmp", "w", encoding="utf-8") as f:
                json.dump(record, f, ensure_ascii=False)
            os.rename(base + ".json.tmp", base + ".json")
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--folder", required=True)
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    args = parser.parse_args()

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user
              and auth_data.password.decode() == args.password)
        return AuthResult(success=ok, handled=False)

    kwargs = {}
    if args.user:
        kwargs.update(authenticator=authenticate, auth_required=True, auth_require_tls=bool(args.tls_cert))
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        kwargs.update(tls_context=context, require_starttls=True)
    os.makedirs(args.folder, exist_ok=True)
    controller = Controller(Handler(args.folder), hostname="127.0.0.1", port=args.port, **kwargs)
    controller.start()
    print("ready %d" % args.port, flush=True)

    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
    done.wait()
    controller.stop()


if __name__ == "__main__":
    main()
