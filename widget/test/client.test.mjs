// The visitor protocol state machine: session, outbox, dedupe, reconnects, polling fallback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeEnv, flush, makeClient, MemoryStorage, msg, welcome } from './harness.mjs';

const conv = { id: 7, status: 'active', agentName: 'Ada', createdAt: 1, closedAt: null, visitorReadUpTo: 0, agentReadUpTo: 0 };

function connected(env, client, extra) {
  client.start();
  const ws = env.sockets.at(-1);
  ws.open();
  ws.recv(welcome(ws.last('hello'), extra));
  return ws;
}

test('a new visitor says hello without credentials and keeps the session it is given', () => {
  const env = fakeEnv();
  const storage = new MemoryStorage();
  const client = makeClient(env, storage);
  client.start();
  const ws = env.sockets[0];
  assert.equal(ws.url, 'ws://127.0.0.1:8080/v1/visitor?site=site1');
  ws.open();
  const hello = ws.last('hello');
  assert.equal(hello.v, 1);
  assert.equal(hello.visitorId, undefined);
  assert.deepEqual(hello.page, { url: 'https://shop.example/cart', title: 'Cart' });
  ws.recv(welcome(hello));
  assert.equal(client.connected, true);
  assert.deepEqual(JSON.parse(storage.getItem('frontdesk:site1:session')), { visitorId: 'v-1', token: 't-1' });

  // A reload (a new client on the same storage) resumes the same visitor.
  const env2 = fakeEnv();
  const again = makeClient(env2, storage);
  again.start();
  env2.sockets[0].open();
  const resumed = env2.sockets[0].last('hello');
  assert.equal(resumed.visitorId, 'v-1');
  assert.equal(resumed.token, 't-1');
});

test('a message waits in the outbox until its ack, then leaves it', () => {
  const env = fakeEnv();
  const storage = new MemoryStorage();
  const client = makeClient(env, storage);
  client.sendMessage('before the connection'); // queued: nothing carries it yet
  const ws = connected(env, client);
  const first = ws.all('message');
  assert.equal(first.length, 1);
  assert.equal(first[0].clientId, 'c-1');
  assert.equal(first[0].body, 'before the connection');
  client.sendMessage('second');
  assert.equal(client.outbox.list().length, 2);
  assert.deepEqual(client.list().map((i) => i.state), ['sending', 'sending']);

  ws.recv({ type: 'ack', clientId: 'c-1', messageId: 40, conversationId: 7, createdAt: 5, duplicate: false, ref: first[0].id });
  assert.deepEqual(client.outbox.list().map((e) => e.clientId), ['c-2']);
  assert.deepEqual(client.list().map((i) => [i.key, i.id, i.state]), [['c-1', 40, 'sent'], ['c-2', 0, 'sending']]);
  assert.equal(client.conversation.id, 7, 'an ack into a new conversation makes it the current one');
  assert.ok(storage.getItem('frontdesk:site1:outbox').includes('c-2'));
});

test('after a reload the outbox is resent with the same client ids, in order', () => {
  const env = fakeEnv();
  const storage = new MemoryStorage();
  const tab = makeClient(env, storage);
  const ws = connected(env, tab);
  tab.sendMessage('one');
  tab.sendMessage('two');
  assert.deepEqual(ws.all('message').map((f) => f.clientId), ['c-1', 'c-2']);
  tab.stop(); // the page goes away before any ack

  const env2 = fakeEnv();
  const reloaded = makeClient(env2, storage);
  reloaded.start();
  assert.deepEqual(reloaded.list().map((i) => [i.key, i.state]), [['c-1', 'sending'], ['c-2', 'sending']], 'shown as sending at once');
  const ws2 = env2.sockets[0];
  ws2.open();
  assert.equal(ws2.all('message').length, 0, 'nothing is sent before the welcome');
  ws2.recv(welcome(ws2.last('hello')));
  const resent = ws2.all('message');
  assert.deepEqual(resent.map((f) => [f.clientId, f.body]), [['c-1', 'one'], ['c-2', 'two']]);
  // The server had stored the first one already: a duplicate ack with the original id.
  ws2.recv({ type: 'ack', clientId: 'c-1', messageId: 41, conversationId: 7, createdAt: 5, duplicate: true, ref: resent[0].id });
  ws2.recv({ type: 'ack', clientId: 'c-2', messageId: 42, conversationId: 7, createdAt: 6, duplicate: false, ref: resent[1].id });
  assert.deepEqual(reloaded.outbox.list(), []);
  assert.equal(storage.getItem('frontdesk:site1:outbox'), null);
  assert.deepEqual(reloaded.list().map((i) => i.id), [41, 42]);
});

test('messages are deduplicated by id and by client id', () => {
  const env = fakeEnv();
  const client = makeClient(env);
  const ws = connected(env, client, { conversation: conv, messages: [msg(5), msg(6)] });
  ws.recv({ type: 'message', message: msg(6) }); // the same message around a reconnect
  assert.deepEqual(client.list().map((i) => i.id), [5, 6]);

  client.sendMessage('hello from this tab');
  // Another connection's copy (the event) arrives before this connection's ack.
  ws.recv({ type: 'message', message: msg(8, { author: 'visitor', authorName: '', body: 'hello from this tab', clientId: 'c-1' }) });
  const sent = ws.last('message');
  ws.recv({ type: 'ack', clientId: 'c-1', messageId: 8, conversationId: 7, createdAt: 9, duplicate: true, ref: sent.id });
  assert.deepEqual(client.list().map((i) => [i.key, i.id, i.state]), [['m5', 5, 'sent'], ['m6', 6, 'sent'], ['c-1', 8, 'sent']]);
  assert.deepEqual(client.outbox.list(), []);
  // Only new messages are reported to the page, and each once.
  assert.deepEqual(client.events.filter(([t]) => t === 'message').map(([, it]) => it.id), [8]);
});

test('what the tab notice counts: only messages new to this page, and "sent" inside the send call', () => {
  // src/notice.ts blinks the title, chimes and notifies on "message" events of agents while the tab is hidden,
  // and uses the "sent" event for what browsers allow only in a user gesture: it must come synchronously.
  const env = fakeEnv();
  const client = makeClient(env);
  const ws = connected(env, client, { conversation: conv, messages: [msg(5)] });
  const reported = () => client.events.filter(([t]) => t === 'message').map(([, it]) => it.id);
  assert.deepEqual(reported(), [], 'the history in the first welcome was seen before');
  client.events.length = 0;
  client.sendMessage('hi');
  assert.deepEqual(client.events.map(([t]) => t), ['sent']);
  ws.recv({ type: 'message', message: msg(6) });
  ws.drop();
  env.advance(500);
  const ws2 = env.sockets.at(-1);
  ws2.open();
  // The resumed session replays what it holds (a server that ignores "after") and brings one new reply.
  ws2.recv(welcome(ws2.last('hello'), { conversation: conv, messages: [msg(5), msg(6), msg(7)] }));
  ws2.recv({ type: 'message', message: msg(7) });
  assert.deepEqual(reported(), [6, 7]);
});

test('a lost connection reconnects with backoff, resumes after the newest id and resends what was not acknowledged', () => {
  const env = fakeEnv();
  const client = makeClient(env);
  const ws = connected(env, client, { conversation: conv, messages: [msg(5)] });
  client.sendMessage('unacked');
  ws.drop();
  assert.equal(client.connected, false);
  assert.equal(env.sockets.length, 1, 'no reconnect before the backoff delay');
  const delay = env.timers.find((t) => t.ms >= 250 && t.ms <= 500);
  assert.ok(delay, 'the first retry waits between 250 and 500 ms');
  env.advance(500);
  assert.equal(env.sockets.length, 2);
  const ws2 = env.sockets[1];
  ws2.drop(); // the server is still down
  const second = env.timers.at(-1).ms;
  assert.ok(second >= 500 && second <= 1000, `second retry ${second} ms`);
  env.advance(1000);
  const ws3 = env.sockets[2];
  ws3.open();
  const hello = ws3.last('hello');
  assert.equal(hello.after, 5);
  assert.equal(hello.visitorId, 'v-1');
  ws3.recv(welcome(hello, { conversation: conv, messages: [msg(6)] }));
  assert.deepEqual(ws3.all('message').map((f) => f.clientId), ['c-1']);
  assert.deepEqual(client.list().map((i) => i.key), ['m5', 'm6', 'c-1']);
});

test('an unacknowledged message is resent with the same client id while connected', () => {
  const env = fakeEnv();
  const client = makeClient(env);
  const ws = connected(env, client);
  client.sendMessage('maybe lost');
  env.advance(9000);
  const frames = ws.all('message');
  assert.ok(frames.length >= 2);
  assert.ok(frames.every((f) => f.clientId === 'c-1'));
  ws.recv({ type: 'ack', clientId: 'c-1', messageId: 3, conversationId: 7, createdAt: 1, duplicate: true, ref: frames.at(-1).id });
  const count = ws.all('message').length;
  env.advance(30000);
  assert.equal(ws.all('message').length, count, 'no resend after the ack');
});

test('errors: a refused message is marked failed and dropped, a storage failure is retried', () => {
  const env = fakeEnv();
  const client = makeClient(env);
  const ws = connected(env, client);
  client.sendMessage('x'.repeat(10));
  ws.recv({ type: 'error', code: 'storage_failed', message: 'try again', ref: ws.last('message').id });
  assert.equal(client.outbox.list().length, 1);
  env.advance(9000);
  ws.recv({ type: 'error', code: 'text_too_long', message: 'too long', ref: ws.last('message').id });
  assert.equal(client.outbox.list().length, 0);
  assert.equal(client.list()[0].state, 'failed');
});

test('an unknown token starts a fresh visitor instead of looping', () => {
  const env = fakeEnv();
  const storage = new MemoryStorage();
  storage.setItem('frontdesk:site1:session', JSON.stringify({ visitorId: 'old', token: 'bad' }));
  const client = makeClient(env, storage);
  client.start();
  const ws = env.sockets[0];
  ws.open();
  assert.equal(ws.last('hello').visitorId, 'old');
  ws.recv({ type: 'error', code: 'invalid_token', message: 'no', ref: ws.last('hello').id });
  const fresh = ws.last('hello');
  assert.equal(fresh.visitorId, undefined);
  ws.recv(welcome(fresh, { visitorId: 'v-2', token: 't-2' }));
  assert.equal(client.session.visitorId, 'v-2');
});

test('two tabs opened at once become one visitor: the later welcome gives way to the stored session', () => {
  const storage = new MemoryStorage();
  const env1 = fakeEnv();
  const first = makeClient(env1, storage);
  const env2 = fakeEnv();
  const second = makeClient(env2, storage);
  first.start();
  second.start();
  const ws1 = env1.sockets[0];
  const ws2 = env2.sockets[0];
  ws1.open();
  ws2.open();
  // Both asked for a new visitor before either was welcomed.
  assert.equal(ws1.last('hello').visitorId, undefined);
  assert.equal(ws2.last('hello').visitorId, undefined);
  ws1.recv(welcome(ws1.last('hello'), { visitorId: 'v-1', token: 't-1' }));
  ws2.recv(welcome(ws2.last('hello'), { visitorId: 'v-2', token: 't-2' }));
  assert.deepEqual(JSON.parse(storage.getItem('frontdesk:site1:session')), { visitorId: 'v-1', token: 't-1' },
    'the first stored session is kept');
  const again = env2.sockets.at(-1);
  assert.notEqual(again, ws2, 'the second tab connects again');
  again.open();
  assert.equal(again.last('hello').visitorId, 'v-1');
  assert.equal(again.last('hello').token, 't-1');
  again.recv(welcome(again.last('hello'), { visitorId: 'v-1', token: 't-1' }));
  assert.equal(second.connected, true);
  assert.equal(second.session.visitorId, 'v-1');
});

test('without WebSockets the chat runs over long polling both ways', async () => {
  const env = fakeEnv({ blocked: true });
  const client = makeClient(env);
  client.sendMessage('over http');
  client.start();
  const hello = env.pending('hello');
  assert.ok(hello.url.endsWith('/v1/sites/site1/visitor/hello'));
  assert.equal(hello.body.type, undefined);
  await env.answer(hello, { ...welcome({}), channel: 'ch-1', ref: undefined });
  assert.equal(client.mode, 'poll');
  assert.equal(client.connected, true);

  const send = env.pending('send');
  assert.deepEqual([send.body.visitorId, send.body.token, send.body.channel], ['v-1', 't-1', 'ch-1']);
  assert.equal(send.body.frame.type, 'message');
  assert.equal(send.body.frame.clientId, 'c-1');
  await env.answer(send, { type: 'ack', clientId: 'c-1', messageId: 10, conversationId: 7, createdAt: 2, duplicate: false, ref: send.body.frame.id });
  assert.deepEqual(client.outbox.list(), []);

  const poll1 = env.pending('poll');
  assert.equal(poll1.body.channel, 'ch-1');
  assert.equal(poll1.body.cursor, undefined);
  await env.answer(poll1, { events: [{ type: 'message', message: msg(11) }, { type: 'presence', agentsOnline: 2 }], cursor: 'E.2' });
  assert.equal(client.agentsOnline, 2);
  assert.deepEqual(client.list().map((i) => i.id), [10, 11]);
  const poll2 = env.pending('poll');
  assert.equal(poll2.body.cursor, 'E.2');
  assert.equal(poll2.body.after, 11);

  // The server restarts: the held poll fails, the next one (after a backoff) names the same channel and cursor.
  await env.fail(poll2);
  assert.equal(client.connected, false);
  client.sendMessage('during the restart');
  assert.equal(env.pending('send'), undefined, 'nothing is sent while the channel is down');
  env.advance(1000);
  await flush();
  const poll3 = env.pending('poll');
  assert.deepEqual([poll3.body.channel, poll3.body.cursor, poll3.body.after], ['ch-1', 'E.2', 11]);
  await env.answer(poll3, { events: [{ type: 'message', message: msg(11) }], cursor: 'F.1' });
  assert.equal(client.connected, true);
  assert.equal(env.pending('send').body.frame.clientId, 'c-2', 'the outbox is resent once polling works again');
  assert.deepEqual(client.list().map((i) => i.id), [10, 11, 0], 'the recovered copy of 11 is not shown twice');
  client.stop();
});

test('on the polling fallback an HTTP error answering a send refers to that message', async () => {
  const env = fakeEnv({ blocked: true });
  const client = makeClient(env);
  client.start();
  await env.answer(env.pending('hello'), { ...welcome({}), channel: 'ch-1', ref: undefined });
  client.sendMessage('x'.repeat(10));
  await env.answer(env.pending('send'), { error: { code: 'storage_failed', message: 'try again' } });
  assert.equal(client.outbox.list().length, 1, 'a passing failure keeps the message for the resend');
  env.advance(9000);
  await flush();
  await env.answer(env.pending('send'), { error: { code: 'text_too_long', message: 'too long' } });
  assert.equal(client.outbox.list().length, 0);
  assert.equal(client.list()[0].state, 'failed');
  client.stop();
});

test('after falling back to polling the client keeps trying to upgrade, and a welcomed socket takes over', async () => {
  const env = fakeEnv();
  const client = makeClient(env);
  client.start();
  env.sockets[0].drop(); // refused before the handshake
  env.advance(500);
  env.sockets[1].drop();
  assert.equal(client.mode, 'poll');
  const hello = env.pending('hello');
  await env.answer(hello, { ...welcome({}), channel: 'ch-1' });
  const poll = env.pending('poll');
  env.advance(10000);
  assert.equal(env.sockets.length, 3, 'an upgrade probe');
  const probe = env.sockets[2];
  probe.open();
  probe.recv(welcome(probe.last('hello')));
  await flush();
  assert.equal(client.mode, 'ws');
  assert.ok(poll.signal.aborted, 'the held poll is abandoned');
  client.sendMessage('now on the socket');
  assert.equal(probe.last('message').clientId, 'c-1');
});

test('typing is throttled and stops by itself; read marks go out once', () => {
  const env = fakeEnv();
  const client = makeClient(env);
  const ws = connected(env, client, { conversation: conv, messages: [msg(5), msg(6)] });
  client.typing(true);
  client.typing(true);
  env.advance(1000);
  client.typing(true);
  assert.deepEqual(ws.all('typing').map((f) => f.active), [true]);
  env.advance(5000);
  assert.deepEqual(ws.all('typing').map((f) => f.active), [true, false]);
  assert.equal(client.unread(), 2);
  client.markRead();
  client.markRead();
  assert.deepEqual(ws.all('read').map((f) => f.messageId), [6]);
  assert.equal(client.unread(), 0);
});

test('commands (profile, attributes, rate) are resent after a reconnect until answered', () => {
  const env = fakeEnv();
  const client = makeClient(env);
  client.setAttributes({ plan: 'pro' });
  client.setAttributes({ seats: 3 });
  const ws = connected(env, client);
  const attrs = ws.last('attributes');
  assert.deepEqual(attrs.attributes, { plan: 'pro', seats: 3 });
  ws.drop();
  env.advance(1000);
  const ws2 = env.sockets[1];
  ws2.open();
  ws2.recv(welcome(ws2.last('hello')));
  const again = ws2.last('attributes');
  assert.deepEqual(again.attributes, { plan: 'pro', seats: 3 });
  ws2.recv({ type: 'ok', ref: again.id });
  ws2.drop();
  env.advance(1000);
  const ws3 = env.sockets[2];
  ws3.open();
  ws3.recv(welcome(ws3.last('hello')));
  assert.equal(ws3.all('attributes').length, 0);
});

test('identify goes in the hello before the first welcome; a rejected identity is dropped', () => {
  const env = fakeEnv();
  const client = makeClient(env);
  client.identify({ id: 'u1', hash: 'bad' });
  client.start();
  const ws = env.sockets[0];
  ws.open();
  assert.deepEqual(ws.last('hello').identity, { id: 'u1', hash: 'bad' });
  ws.recv({ type: 'error', code: 'identity_rejected', message: 'no', ref: ws.last('hello').id });
  assert.equal(ws.last('hello').identity, undefined);
  assert.ok(client.events.some(([t, d]) => t === 'error' && d.code === 'identity_rejected'));
});

test('queue position, agent join, close and typing events update the state', () => {
  const env = fakeEnv();
  const client = makeClient(env);
  const ws = connected(env, client, { conversation: { ...conv, status: 'waiting', agentName: null }, queuePosition: 3 });
  assert.equal(client.queuePosition, 3);
  ws.recv({ type: 'queue', position: 1 });
  assert.equal(client.queuePosition, 1);
  ws.recv({ type: 'typing', active: true, agentName: 'Ada' });
  assert.equal(client.agentTyping, 'Ada');
  ws.recv({ type: 'agent_joined', agentName: 'Ada', conversation: conv });
  assert.equal(client.queuePosition, null);
  ws.recv({ type: 'read', messageId: 9 });
  assert.equal(client.conversation.agentReadUpTo, 9);
  ws.recv({ type: 'conversation_closed', conversation: { ...conv, status: 'closed' } });
  assert.equal(client.agentTyping, null);
  assert.ok(client.events.some(([t]) => t === 'closed'));
});

test('a hello refused as banned stops the client: no reconnect, no polling, a banned event', () => {
  const env = fakeEnv();
  const client = makeClient(env);
  client.start();
  const ws = env.sockets[0];
  ws.open();
  ws.recv({ type: 'error', code: 'banned', message: 'This chat is not available to you.', ref: ws.last('hello').id });
  ws.drop(); // the server closes the socket after the refusal
  assert.equal(client.banned, true);
  assert.equal(client.connected, false);
  assert.ok(client.events.some(([type]) => type === 'banned'));
  env.advance(10 * 60 * 1000);
  assert.equal(env.sockets.length, 1, 'no socket was opened again');
  assert.equal(env.posts.length, 0, 'no fallback to polling');
});

test('a ban of a live connection (an error frame without ref) stops the client too', () => {
  const env = fakeEnv();
  const client = makeClient(env);
  client.start();
  const ws = env.sockets[0];
  ws.open();
  ws.recv(welcome(ws.last('hello')));
  assert.equal(client.connected, true);
  ws.recv({ type: 'error', code: 'banned', message: 'This chat is not available to you.' });
  ws.drop();
  assert.equal(client.banned, true);
  env.advance(10 * 60 * 1000);
  assert.equal(env.sockets.length, 1);
});

test('on the polling fallback a banned hello or poll stops the client', async () => {
  const env = fakeEnv({ blocked: true });
  const client = makeClient(env);
  client.start();
  await env.answer(env.pending('hello'), { error: { code: 'banned', message: 'This chat is not available to you.' } });
  assert.equal(client.banned, true);
  env.advance(10 * 60 * 1000);
  await flush();
  assert.equal(env.posts.length, 1, 'nothing was posted again');

  const env2 = fakeEnv({ blocked: true });
  const polling = makeClient(env2);
  polling.start();
  await env2.answer(env2.pending('hello'), { ...welcome({}), channel: 'ch-1', ref: undefined });
  await env2.answer(env2.pending('poll'), { error: { code: 'banned', message: 'This chat is not available to you.' } });
  assert.equal(polling.banned, true);
  const posted = env2.posts.length;
  env2.advance(10 * 60 * 1000);
  await flush();
  assert.equal(env2.posts.length, posted);
});
