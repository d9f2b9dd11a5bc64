// The reference bridge's aggregation (demo/channel/aggregate-counts.mjs): however many
// reactions or joins, one event per show and type a window, and none when nothing changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aggregateCounts } from '../../demo/channel/aggregate-counts.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test('reactions are sent as the total, once per window, the watching count only when it changed', async () => {
  const sent = [];
  const counts = aggregateCounts((show, type, value) => sent.push([show, type, value.count]), { windowMs: 40 });
  for (let i = 0; i < 500; i++) counts.react('a');
  counts.react('b', 2);
  counts.watching('a', 10);
  counts.watching('a', 12);
  await sleep(60);
  assert.deepEqual(sent.sort(), [['a', 'reaction', 500], ['a', 'viewers', 12], ['b', 'reaction', 2]]);
  sent.length = 0;
  counts.watching('a', 12);
  await sleep(60);
  assert.deepEqual(sent, [], 'a quiet window and an unchanged count send nothing');
  counts.react('a');
  counts.stop();
  assert.deepEqual(sent, [['a', 'reaction', 501]], 'stop() sends what is pending: the total');
});
