// The demo hub's server-side duties, on a real HTTP server: heartbeats, bounded memory,
// and no stream left open when the server stops.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { createHubs } from '../../demo/channel/hub.mjs';

async function serve(hubs) {
  const server = createServer((req, res) => void hubs.handle(req, res).then((ours) => ours || res.writeHead(404).end()));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

/** Runs `run(base)` against hubs made with `options`, on a real server stopped after. */
async function withHubs(options, run) {
  const hubs = createHubs(options);
  const { server, base } = await serve(hubs);
  try {
    await run(base);
  } finally {
    hubs.close();
    server.close();
  }
}

/** The stream's text until `until` holds (or 3 s pass). */
async function readUntil(response, until) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  const timer = setTimeout(() => void reader.cancel(), 3000);
  try {
    while (!until(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    return text;
  } finally {
    clearTimeout(timer);
    await reader.cancel().catch(() => {});
  }
}

const publish = (base, product, at = new Date().toISOString()) =>
  fetch(`${base}/hub/publish`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ product, at }) });

test('sends a heartbeat comment to every open stream', () =>
  withHubs({ heartbeatMs: 50 }, async (base) => {
    const text = await readUntil(await fetch(`${base}/hub/events`), (t) => t.includes(': heartbeat\n\n'));
    assert.match(text, /^retry: 1000\n\n: heartbeat\n\n/);
  }));

test('keeps only the last 200 events', () =>
  withHubs({}, async (base) => {
    for (let i = 1; i <= 250; i++) await publish(base, `p${i}`);
    const text = await readUntil(await fetch(`${base}/hub/events`), (t) => t.includes('id: 250\n'));
    const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    assert.equal(ids.length, 200);
    assert.equal(ids[0], 51);
    assert.equal(ids.at(-1), 250);
  }));

test('close() ends the open streams, so the server can stop', async () => {
  const hubs = createHubs();
  const { server, base } = await serve(hubs);
  const response = await fetch(`${base}/hub/events`);
  const reading = readUntil(response, () => false);
  hubs.close();
  const stopped = new Promise((resolve) => server.close(resolve));
  const text = await reading;
  assert.equal(text, 'retry: 1000\n\n');
  await stopped;
});

test('a scripted hub sends raw events as they are, drops its streams, and says who listened', { timeout: 5000 }, () =>
  withHubs({ scripted: true }, async (base) => {
    const raw = (data) => fetch(`${base}/hub/t/raw`, { method: 'POST', body: data }).then((r) => r.json());
    const stats = () => fetch(`${base}/hub/t/stats`).then((r) => r.json());
    const streaming = fetch(`${base}/hub/t/events`);
    assert.deepEqual(await raw('not json\nsecond line'), { id: '1' });
    const text = await readUntil(await streaming, (t) => t.includes('second line'));
    assert.equal(text, 'retry: 1000\n\nid: 1\ndata: not json\ndata: second line\n\n');
    const open = await fetch(`${base}/hub/t/events`, { headers: { 'Last-Event-ID': '1' } });
    const reading = readUntil(open, () => false);
    // The first stream, cancelled by its reader, leaves once the server hears it close.
    while ((await stats()).subscribers !== 1) await new Promise((resolve) => setTimeout(resolve, 10));
    // Who holds it: its Accept header (undici's fetch sends */*).
    assert.deepEqual((await stats()).open, ['*/*']);
    assert.deepEqual(await fetch(`${base}/hub/t/drop`, { method: 'POST' }).then((r) => r.json()), { dropped: true });
    // Cut, not ended: the reader fails as on a lost connection.
    await assert.rejects(reading, /terminated/);
    assert.deepEqual(await stats(), { subscribers: 0, lastEventIds: ['', '1'], open: [] });
  }));

test('a hub is not scripted unless asked: raw, drop and stats are not its routes', () =>
  withHubs({}, async (base) => {
    for (const what of ['raw', 'drop', 'stats']) {
      assert.equal((await fetch(`${base}/hub/t/${what}`, { method: what === 'stats' ? 'GET' : 'POST', body: what === 'stats' ? undefined : 'x' })).status, 404);
    }
  }));
