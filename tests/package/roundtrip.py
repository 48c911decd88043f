#!/usr/bin/python3
"""A visitor and an agent against a running Frontdesk, over its real protocol
(docs/protocol.md), for tests/package/package-test.sh.

  roundtrip.py first   URL EMAIL PASSWORD SITE_KEY STATE_FILE
      an agent signs in and waits; a new visitor says hello and writes; the
      agent receives the message live and replies; the visitor receives the
      reply. Writes the visitor's id and token and the conversation to
      STATE_FILE.
  roundtrip.py resumed URL EMAIL PASSWORD SITE_KEY STATE_FILE
      after a restart: the visitor resumes with its token and gets both
      messages back; a new agent sign-in finds both in the history.

Each step waits for its answer with a deadline; any error frame, timeout or
unexpected content exits non-zero with what was expected and what came.
Debian's python3-websockets, not the widget's: this is the visitor's wire
protocol, not the widget's code, which tests/widget covers in Chromium.
"""
import asyncio
import json
import sys
import urllib.request

import websockets

VISITOR_TEXT = "Hello from the package test"
AGENT_TEXT = "Hello, visitor: the packaged server answers"
TIMEOUT = 15


def fail(message):
    print(f"roundtrip: {message}", file=sys.stderr)
    sys.exit(1)


async def receive(socket, wanted, what):
    """The next frame of type @p wanted (with a matching `ref` or message, if
    given); frames of other types (presence, queue, ...) are skipped."""
    async def wait():
        while True:
            frame = json.loads(await socket.recv())
            if frame.get("type") == "error":
                fail(f"{what}: error frame {frame}")
            if wanted(frame):
                return frame
    try:
        return await asyncio.wait_for(wait(), TIMEOUT)
    except asyncio.TimeoutError:
        fail(f"{what}: nothing within {TIMEOUT} s")


def login(url, email, password):
    request = urllib.request.Request(
        f"{url}/v1/agent/login", method="POST",
        data=json.dumps({"email": email, "password": password}).encode(),
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
        return json.load(answer)["token"]


async def agent_socket(url, token):
    # No Origin: the agent endpoint refuses web pages.
    socket = await websockets.connect(url.replace("http", "ws", 1) + "/v1/agent", open_timeout=TIMEOUT)
    await socket.send(json.dumps({"type": "auth", "id": 1, "token": token}))
    snapshot = await receive(socket, lambda f: f["type"] == "snapshot", "agent auth")
    return socket, snapshot


async def visitor_socket(url, site_key):
    # The server's own origin, as its /try page has: allowed for every site.
    return await websockets.connect(url.replace("http", "ws", 1) + f"/v1/visitor?site={site_key}",
                                    origin=url, open_timeout=TIMEOUT)


async def first(url, email, password, site_key, state_file):
    agent, snapshot = await agent_socket(url, login(url, email, password))
    if snapshot["conversations"]:
        fail(f"a fresh install has no conversations, the snapshot has {snapshot['conversations']}")
    visitor = await visitor_socket(url, site_key)
    await visitor.send(json.dumps({"type": "hello", "id": 1, "v": 1}))
    welcome = await receive(visitor, lambda f: f["type"] == "welcome", "visitor hello")
    await visitor.send(json.dumps({"type": "message", "clientId": "pkg-v-1", "body": VISITOR_TEXT}))
    ack = await receive(visitor, lambda f: f["type"] == "ack", "visitor message")
    conversation = ack["conversationId"]

    event = await receive(agent, lambda f: f["type"] == "message" and f["message"]["author"] == "visitor",
                          "the visitor's message reaching the agent")
    if event["message"]["body"] != VISITOR_TEXT or event["message"]["conversationId"] != conversation:
        fail(f"the agent got {event['message']}, not the visitor's message in conversation {conversation}")
    await agent.send(json.dumps({"type": "reply", "id": 2, "conversationId": conversation,
                                 "clientId": "pkg-a-1", "body": AGENT_TEXT}))
    await receive(agent, lambda f: f["type"] == "ack" and f.get("ref") == 2, "agent reply")
    reply = await receive(visitor, lambda f: f["type"] == "message" and f["message"]["author"] == "agent",
                          "the agent's reply reaching the visitor")
    if reply["message"]["body"] != AGENT_TEXT:
        fail(f"the visitor got {reply['message']}, not the agent's reply")
    await visitor.close()
    await agent.close()
    with open(state_file, "w") as out:
        json.dump({"visitorId": welcome["visitorId"], "token": welcome["token"], "conversationId": conversation}, out)
    print(f"roundtrip: conversation {conversation}: visitor -> agent -> visitor")


async def resumed(url, email, password, site_key, state_file):
    with open(state_file) as state_in:
        state = json.load(state_in)
    expected = [VISITOR_TEXT, AGENT_TEXT]
    visitor = await visitor_socket(url, site_key)
    await visitor.send(json.dumps({"type": "hello", "id": 1, "v": 1,
                                   "visitorId": state["visitorId"], "token": state["token"]}))
    welcome = await receive(visitor, lambda f: f["type"] == "welcome", "visitor resuming")
    bodies = [m["body"] for m in welcome["messages"] if m["author"] in ("visitor", "agent")]
    if bodies != expected:
        fail(f"the resumed visitor has {bodies}, expected {expected}")
    await visitor.close()

    agent, _ = await agent_socket(url, login(url, email, password))
    await agent.send(json.dumps({"type": "history", "id": 2, "conversationId": state["conversationId"]}))
    history = await receive(agent, lambda f: f["type"] == "result" and f.get("ref") == 2, "agent history")
    bodies = [m["body"] for m in history["messages"] if m["author"] in ("visitor", "agent")]
    if bodies != expected:
        fail(f"the history after the restart has {bodies}, expected {expected}")
    await agent.close()
    print(f"roundtrip: conversation {state['conversationId']} kept across the restart")


if __name__ == "__main__":
    if len(sys.argv) != 7 or sys.argv[1] not in ("first", "resumed"):
        fail(f"usage: {sys.argv[0]} first|resumed URL EMAIL PASSWORD SITE_KEY STATE_FILE")
    step = first if sys.argv[1] == "first" else resumed
    asyncio.run(step(*sys.argv[2:]))
