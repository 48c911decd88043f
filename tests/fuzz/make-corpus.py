#!/usr/bin/env python3
"""Regenerates tests/fuzz/corpus/ from docs/protocol.md's examples and the
hand-written HTTP requests in tests/fuzz/seeds/http/.

    tests/fuzz/make-corpus.py        # rewrites corpus/<target>/ (commit the result)

Every JSON example of the visitor (§4) and agent (§5) sections becomes a
wireframes seed (one frame per line, "v" or "a" first), every update_site
frame and the widget-settings table a sitesettings seed, the polling bodies of
§4 and §8 polling seeds, and those bodies wrapped in POST requests, plus the
GET endpoints of §7, HTTP seeds. File names are the SHA-1 of the content, as
libFuzzer names what it finds, so regenerating is stable.
"""
import hashlib
import json
import pathlib
import re
import shutil

HERE = pathlib.Path(__file__).resolve().parent
DOC = HERE.parent.parent / "docs" / "protocol.md"
CORPUS = HERE / "corpus"

# The fixture of the chat targets (tests/fuzz/chatfixture.h): seeds that name
# it authenticate, so mutations start from requests that get far.
SITE_KEY = "fuzz-site-key"
VISITOR_ID = "fuzz-visitor"
VISITOR_TOKEN = "fuzz-visitor-token"
ORIGIN = "http://shop.test"


def examples():
    """(section number, heading, text) of every ```json block and inline `{...}` span."""
    section, heading = 0, ""
    block = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if block is not None:
            if line.startswith("```"):
                yield section, heading, "\n".join(block)
                block = None
            else:
                block.append(line)
            continue
        if line.startswith("```json"):
            block = []
            continue
        match = re.match(r"^(#+) (\d+)?\.?", line)
        if match:
            if match.group(1) == "##" and match.group(2):
                section = int(match.group(2))
            heading = line
        for span in re.findall(r"`(\{[^`]*\})`", line):
            yield section, heading, span


def parse(text):
    """The JSON objects in an example: the whole block, or one per line."""
    cleaned = text.replace("{…}", "{}").replace("[…]", "[]")
    try:
        value = json.loads(cleaned)
        return [value] if isinstance(value, dict) else []
    except ValueError:
        pass
    objects = []
    for line in cleaned.splitlines():
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict):
            objects.append(value)
    return objects


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write(target, content):
    data = content.encode("utf-8") if isinstance(content, str) else content
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def authenticated(body):
    body = dict(body)
    body["visitorId"] = VISITOR_ID
    body["token"] = VISITOR_TOKEN
    return body


def http_post(path, body):
    data = body.encode("utf-8")
    head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: {ORIGIN}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n\r\n")
    return head.encode("ascii") + data


def widget_defaults():
    """The widget settings table of §7: key | type | default | meaning."""
    text = DOC.read_text(encoding="utf-8")
    table = text[text.index("#### Widget settings"):]
    settings = {}
    for row in re.findall(r"^\| `(\w+)` \| \w+ \| `([^`]*)` \|", table, re.M):
        try:
            settings[row[0]] = json.loads(row[1])
        except ValueError:
            continue
    return settings


def main():
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    visitor_frames, agent_frames, polling = [], [], []
    for section, heading, text in examples():
        objects = parse(text)
        if section == 3 and "Site" in heading:
            for site in objects:
                write("sitesettings", compact(site))  # the agents' Site object, sent back as an update
        if section in (4, 5):
            prefix = "v" if section == 4 else "a"
            if not objects:
                write("wireframes", prefix + text.replace("\n", " "))  # kept broken: a bad_json seed
            for frame in objects:
                line = prefix + compact(frame)
                write("wireframes", line)
                (visitor_frames if prefix == "v" else agent_frames).append(line)
                if frame.get("type") == "update_site":
                    write("sitesettings", compact(frame))
                if prefix == "v" and "type" in frame and frame["type"] not in ("welcome", "error", "ack", "ok", "pong"):
                    if frame["type"] == "hello":
                        body = {k: v for k, v in frame.items() if k != "type"}
                        polling.append(("hello", compact(body)))
                        polling.append(("hello", compact(authenticated(body))))
                    else:
                        send = authenticated({"channel": "fuzz-channel", "frame": frame})
                        polling.append(("send", compact(send)))
        if section == 8:
            endpoint = re.search(r"visitor/(hello|send|poll)", heading)
            for body in objects:
                if "events" in body or "type" in body or "error" in body:
                    continue  # an answer, not a request
                name = endpoint.group(1) if endpoint else "send"
                polling.append((name, compact(body)))
                polling.append((name, compact(authenticated(body))))
    # §8's poll body has no example; its fields are in the table.
    polling.append(("poll", compact(authenticated({"channel": "fuzz-channel"}))))
    polling.append(("poll", compact(authenticated({"channel": "fuzz-channel", "cursor": "mZ0xQk3a.17", "after": 40}))))

    # One seed with every frame of a section in order: a whole session.
    write("wireframes", "\n".join(visitor_frames))
    write("wireframes", "\n".join(agent_frames))

    widget = widget_defaults()
    write("sitesettings", compact({"type": "update_site", "widget": widget}))
    write("sitesettings", compact({"name": "Shop", "allowedOrigins": ["https://shop.example", "https://*.example:*", "*"],
                                   "widget": widget, "closedRetentionDays": 30}))

    for name, body in polling:
        write("polling", f"{name}\n{body}")
        write("http", http_post(f"/v1/sites/{SITE_KEY}/visitor/{name}", body))
    # A tab's life: hello, send, poll, on one channel.
    tab = [next((n, b) for n, b in polling if n == name and VISITOR_TOKEN in b) for name in ("hello", "send", "poll")]
    write("polling", "\n=====\n".join(f"{name}\n{body}" for name, body in tab))

    for path in re.findall(r"^### `GET ([^`]+)`", DOC.read_text(encoding="utf-8"), re.M):
        path = path.replace("{siteKey}", SITE_KEY)
        write("http", f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: {ORIGIN}\r\n\r\n")
    for seed in sorted((HERE / "seeds" / "http").iterdir()):
        # Written with LF line ends for reading; HTTP wants CRLF. A seed
        # whose name ends in .raw is taken byte for byte.
        data = seed.read_bytes()
        if seed.suffix != ".raw":
            data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        write("http", data)

    for target in sorted(p.name for p in CORPUS.iterdir()):
        print(f"{target}: {len(list((CORPUS / target).iterdir()))} seeds")


if __name__ == "__main__":
    main()
