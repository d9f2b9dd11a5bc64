// The reference endpoint of the show's conversation (demo/channel/chat.mjs): what it lets
// through, what it refuses and with which status, what a late joiner gets, and counts
// aggregated to one event a second.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHAT_LIMITS, Conversation } from '../../demo/channel/chat.mjs';

const conversation = () => {
  const sent = [];
  const c = new Conversation((type, data) => sent.push([type, data]));
  return { c, sent };
};
const refused = (run, status) => assert.throws(run, (error) => error.status === status);

test('a post is published with an id, a time and the cleaned name and text', () => {
  const { c, sent } = conversation();
  const message = c.post({ show: 's', name: ' maja\u0000\u200b.h ', text: 'Is it\nwarm?', question: true }, 1000);
  assert.deepEqual(sent, [['chat', message]]);
  assert.equal(message.name, 'maja .h');
  assert.equal(message.text, 'Is it warm?');
  assert.equal(message.question, true);
  assert.equal(message.at, new Date(1000).toISOString());
});

test('refuses an empty name, a name of control characters, an empty or over-long text, with 400', () => {
  const { c } = conversation();
  refused(() => c.post({ name: '\u0001\u0002\u200b', text: 'hi' }), 400);
  refused(() => c.post({ name: 'a', text: '   ' }), 400);
  refused(() => c.post({ name: 'a', text: 'x'.repeat(CHAT_LIMITS.text + 1) }), 400);
  refused(() => c.post({ name: 'a'.repeat(CHAT_LIMITS.name + 1), text: 'hi' }), 400);
  refused(() => c.post({ name: 'a', text: 'x'.repeat(1024 * 1024) }), 400);
  refused(() => c.post('a string'), 400);
});

test('slow mode and the burst limit answer 429 with Retry-After; bans and blocked words 403', async () => {
  const { c } = conversation();
  await c.moderate({ action: 'slow', seconds: 30 });
  c.post({ name: 'lea', text: 'one' }, 0);
  assert.throws(() => c.post({ name: 'LEA', text: 'two' }, 10_000), (e) => e.status === 429 && e.headers['Retry-After'] === '20');
  c.post({ name: 'lea', text: 'two' }, 30_000);
  await c.moderate({ action: 'slow', seconds: 0 });
  for (let i = 0; i < CHAT_LIMITS.burst; i++) c.post({ name: 'tom', text: `m${i}` }, 100_000 + i);
  refused(() => c.post({ name: 'tom', text: 'again' }, 100_010), 429);
  await c.moderate({ action: 'blocked', words: ['spoiler'] });
  refused(() => c.post({ name: 'ana', text: 'no SPOILER please' }), 403);
  c.post({ name: 'ana', text: 'spoilers are words too' });
  await c.moderate({ action: 'ban', name: 'Ana' });
  refused(() => c.post({ name: 'ana', text: 'hello' }), 403);
  await c.moderate({ action: 'unban', name: 'ana' });
  c.post({ name: 'ana', text: 'hello again' }, 200_000);
});

test('hide, pin and the host: a late joiner gets the visible messages, the pin and the counts', async () => {
  const { c, sent } = conversation();
  const a = c.post({ name: 'a', text: 'first' });
  const b = c.post({ name: 'b', text: 'rude' });
  await c.moderate({ action: 'pin', id: a.id });
  await c.moderate({ action: 'hide', id: b.id });
  const answer = await c.moderate({ action: 'say', text: 'Yes, it is warm', answers: a.id });
  assert.equal(answer.pinned, a.id);
  assert.deepEqual(sent.slice(2, 4), [['pin', { id: a.id }], ['hide', { id: b.id }]]);
  const host = sent.at(-1)[1];
  assert.equal(host.role, 'host');
  assert.equal(host.answers, a.id);
  assert.deepEqual(
    c.history().map(([type, data]) => [type, data.id ?? data.count]),
    [['chat', a.id], ['chat', host.id], ['hide', b.id], ['pin', a.id]],
  );
  // A hide for an unknown id is kept (harmless); a pin of a hidden or unknown message is refused.
  await c.moderate({ action: 'hide', id: 'nope' });
  await assert.rejects(c.moderate({ action: 'pin', id: b.id }), (error) => error.status === 404);
  await assert.rejects(c.moderate({ action: 'dance' }), (error) => error.status === 400);
});

test('reactions and viewers reach the stream aggregated: one event a second, only when changed', () => {
  const { c, sent } = conversation();
  for (let i = 0; i < 500; i++) c.post({ show: 's', reaction: 'heart' }, 5000);
  c.tick(3);
  c.tick(3);
  assert.deepEqual(sent, [['reaction', { count: 500 }], ['viewers', { count: 3 }]]);
  // A flood past the show's cap within one second is refused, not counted.
  for (let i = 500; i < CHAT_LIMITS.reactionsPerSecond; i++) c.post({ reaction: 'heart' }, 5000);
  refused(() => c.post({ reaction: 'heart' }, 5000), 429);
});

test('keeps at most its history of messages', () => {
  const { c } = conversation();
  for (let i = 0; i < CHAT_LIMITS.history + 50; i++) c.post({ name: `n${i}`, text: 't' });
  assert.equal(c.history().filter(([type]) => type === 'chat').length, CHAT_LIMITS.history);
});
