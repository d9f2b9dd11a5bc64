// The dev server's scripted viewers (demo/channel/scripted-viewers.mjs): they post through
// the show's Conversation.post as any viewer does, so moderation applies to them, only while
// someone watches, and stop() leaves nothing running.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createHubs } from '../../demo/channel/hub.mjs';
import { SCRIPT, startScriptedViewers } from '../../demo/channel/scripted-viewers.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test('every line names only products of the demo catalog, some of them, and one is a question', () => {
  const { products } = JSON.parse(readFileSync(new URL('../../demo/public/products.json', import.meta.url), 'utf8'));
  const ids = new Set(products.map((p) => p.id));
  const named = SCRIPT.flatMap((line) => [...line.text.matchAll(/\{([\w-]+)\}/g)].map(([, id]) => id));
  assert.ok(named.length >= 3, 'some lines name products');
  for (const id of named) assert.ok(ids.has(id), `${id} is in products.json`);
  assert.ok(SCRIPT.some((line) => line.question));
  assert.ok(new Set(SCRIPT.map((line) => line.name)).size >= 3, 'a few viewers');
});

test('seeded at once, then a line and hearts per beat while someone watches; moderation applies; stop() stops', async () => {
  const hubs = createHubs();
  let watching = 0;
  const show = (name) => ({ ...hubs.show(name), watching });
  const viewers = startScriptedViewers({ show }, { everyMs: 20, seed: 3 });
  try {
    const { conversation } = hubs.show('default');
    assert.equal(conversation.messages.length, 3, 'the seed: a conversation before anyone comes');
    assert.match(conversation.messages[0].text, /Aurora Shell Jacket/, 'the product by its title: the chat makes a chip of it');
    assert.equal(conversation.messages[0].question, true);
    await sleep(80);
    assert.equal(conversation.messages.length, 3, 'nobody watching: quiet');

    watching = 1;
    await sleep(120);
    const said = conversation.messages.length;
    assert.ok(said > 3, 'a line a beat while someone watches');
    assert.ok(conversation.reactions > 0, 'and hearts');

    // Banned, every viewer of the script but one goes quiet, as a viewer's browser would.
    const names = new Set(SCRIPT.map((line) => line.name));
    for (const name of [...names].slice(1)) conversation.moderate({ action: 'ban', name });
    const before = conversation.messages.length;
    await sleep(200);
    const after = conversation.messages.slice(before);
    assert.ok(after.length > 0);
    assert.deepEqual([...new Set(after.map((m) => m.name))], [[...names][0]], 'the banned names stay quiet');

    viewers.stop();
    const stopped = conversation.messages.length;
    await sleep(80);
    assert.equal(conversation.messages.length, stopped, 'stop() leaves no timer');
  } finally {
    viewers.stop();
    hubs.close();
  }
});
