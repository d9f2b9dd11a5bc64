// The conversation's moderation state in JetStream KV (demo/channel/kv-moderation.mjs), with
// two instances of the reference endpoint (demo/channel/nats-bridge.mjs) on one real
// nats-server (test/nats-server.mjs), never a mock: what is set through one holds on the
// other, and two producers' commands at once both land.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { MODERATION_BUCKET } from '../../demo/channel/nats-config.mjs';
import { startNatsServer } from '../nats-server.mjs';

let nats;
let a;
let b;
let shows = 0;
before(async () => {
  nats = await startNatsServer();
  [a, b] = await Promise.all([nats.endpoint('a'), nats.endpoint('b')]);
});
after(() => nats?.stop());

/** A show of its own, served by both instances. */
async function show() {
  const id = `kv-${process.pid}-${++shows}`;
  return Promise.all([a.conversation(id), b.conversation(id)]);
}
/** The HTTP status a post gets (what hub.mjs's converse answers), and its headers. */
function answer(conversation, body) {
  try {
    conversation.post(body);
    return { status: 202 };
  } catch (error) {
    return { status: error.status, headers: error.headers };
  }
}
/** Polls `check` until it holds (each turn yields to nats.js), answering the milliseconds it took. */
async function within(check, what, ms = 5000) {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) assert.fail(`${what} did not happen within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return performance.now() - start;
}

test('a ban through instance A is refused (403) by instance B; an unban through B lets A take the name again', async () => {
  const [onA, onB] = await show();
  assert.equal(answer(onB, { name: 'Troll', text: 'first' }).status, 202);
  const sent = performance.now();
  await onA.moderate({ action: 'ban', name: 'troll' });
  const stored = performance.now() - sent;
  await within(() => answer(onB, { name: 'TROLL', text: 'again' }).status === 403, 'the ban on B');
  console.log(`KV: a ban through A stored in ${stored.toFixed(1)} ms, refused by B ${(performance.now() - sent).toFixed(1)} ms after it was sent`);
  await onB.moderate({ action: 'unban', name: 'Troll' });
  await within(() => answer(onA, { name: 'troll', text: 'sorry' }).status === 202, 'the unban on A');
});

test('slow mode set through A is enforced by B: 429 with Retry-After', async () => {
  const [onA, onB] = await show();
  const state = await onA.moderate({ action: 'slow', seconds: 30 });
  assert.equal(state.slow, 30);
  await within(() => onB.state().slow === 30, 'slow mode on B');
  assert.equal(answer(onB, { name: 'lea', text: 'one' }).status, 202);
  const second = answer(onB, { name: 'lea', text: 'two' });
  assert.equal(second.status, 429);
  assert.equal(second.headers['Retry-After'], '30');
});

test('blocked words from A and B at once both land; so do ten bans sent at once through both', async () => {
  const [onA, onB] = await show();
  const answers = await Promise.allSettled([onA.moderate({ action: 'blocked', words: ['spoiler'] }), onB.moderate({ action: 'blocked', words: ['ending'] })]);
  // Both land, or one fails with 409 (send it again): never one lost in silence.
  const failed = answers.filter((result) => result.status === 'rejected');
  assert.ok(failed.every((result) => result.reason.status === 409), String(failed.map((r) => r.reason)));
  const expected = ['ending', 'spoiler'].filter((_, i) => answers[1 - i].status === 'fulfilled');
  for (const on of [onA, onB]) await within(() => String(on.state().blocked.toSorted()) === String(expected), 'both words on both');
  assert.equal(failed.length, 0, 'with two producers, a command applied again after losing the race lands');
  assert.equal(answer(onA, { name: 'ana', text: 'the ENDING!' }).status, 403);
  assert.equal(answer(onB, { name: 'ana', text: 'no spoiler' }).status, 403);
  // One producer then removes a word: the other's stays.
  await onB.moderate({ action: 'blocked', words: ['ending'] });
  await within(() => String(onA.state().blocked) === 'ending', 'the removal on A');

  const names = Array.from({ length: 10 }, (_, i) => `bot${i}`);
  await Promise.all(names.map((name, i) => (i % 2 ? onA : onB).moderate({ action: 'ban', name })));
  for (const on of [onA, onB]) await within(() => String(on.state().banned.toSorted()) === String(names), 'all ten bans on both');
  console.log(`KV: ${onA.moderation.lostRaces + onB.moderation.lostRaces} compare-and-set write(s) lost a race and were applied again`);
});

test('a command on an instance whose copy is behind loses the compare-and-set, and is applied again to the newer state', async () => {
  const [onA, onB] = await show();
  await onA.moderate({ action: 'blocked', words: ['one'] });
  await within(() => String(onB.state().blocked) === 'one', 'the first word on B');
  // B stops following: its copy is left behind by A's next command, as it is when two commands cross.
  onB.moderation.watch.stop();
  await onA.moderate({ action: 'blocked', words: ['one', 'two'] });
  const lost = onB.moderation.lostRaces;
  const state = await onB.moderate({ action: 'blocked', words: ['one', 'three'] });
  assert.equal(onB.moderation.lostRaces, lost + 1);
  assert.deepEqual(state.blocked.toSorted(), ['one', 'three', 'two'], "A's word is kept, B's added");
});

test("message ids are unique across instances, and B pins and hides a message posted through A", async () => {
  const [onA, onB] = await show();
  const first = onA.post({ name: 'ana', text: 'from A' });
  const second = onB.post({ name: 'ben', text: 'from B' });
  assert.notEqual(first.id, second.id);
  assert.match(first.id, /^a-/);
  // B learns A's messages from the stream.
  await within(() => onB.messages.some((m) => m.id === first.id), "A's message on B");
  assert.equal((await onB.moderate({ action: 'pin', id: first.id })).pinned, first.id);
  await within(() => onA.state().pinned === first.id, 'the pin on A');
  // Hiding the pinned message unpins it, on both.
  await onA.moderate({ action: 'hide', id: first.id });
  await within(() => onB.state().pinned === null && onB.moderation.state.hidden.includes(first.id), 'the hide on B');
  await assert.rejects(onB.moderate({ action: 'pin', id: first.id }), (error) => error.status === 404);
});

test("a viewer can neither read nor watch the moderation bucket (the banned names are the endpoint's)", async () => {
  const [onA] = await show();
  await onA.moderate({ action: 'ban', name: 'secret' });
  const nc = await connect({ servers: nats.servers, user: 'viewer', pass: 'viewer' });
  try {
    const refused = (async () => {
      for await (const status of nc.status()) if (status.type === 'error') return String(status.error);
    })();
    nc.subscribe(`$KV.${MODERATION_BUCKET}.>`);
    assert.match(await refused, /permissions violation for subscription/i);
    const jsm = await jetstreamManager(nc, { checkAPI: false });
    await assert.rejects(jsm.streams.getMessage(`KV_${MODERATION_BUCKET}`, { last_by_subj: `$KV.${MODERATION_BUCKET}.${onA.moderation.key}` }), /permission|timeout|no responders/i);
  } finally {
    await nc.close();
  }
});

test('after nats-server restarts (same JetStream directory), both instances have the state and follow it again', async () => {
  const [onA, onB] = await show();
  await onA.moderate({ action: 'ban', name: 'before' });
  await within(() => onB.state().banned.includes('before'), 'the first ban on B');
  await nats.down();
  const start = performance.now();
  // Resolves once both instances have reconnected by themselves (a command sent before then fails, and is sent again).
  await nats.up();
  const back = performance.now() - start;
  await onA.moderate({ action: 'ban', name: 'after' });
  const ms = await within(() => answer(onB, { name: 'after', text: 'hi' }).status === 403, 'the ban after the restart on B');
  console.log(`KV: both instances back ${back.toFixed(0)} ms after the restart; a ban through A then refused by B ${ms.toFixed(1)} ms after it was stored`);
  assert.equal(answer(onB, { name: 'before', text: 'hi' }).status, 403);
});
