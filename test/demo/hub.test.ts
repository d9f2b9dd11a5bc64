import { expect } from '@open-wc/testing';

/**
 * The demo's SSE hub (demo/channel/hub.mjs) for real, through the test runner's own
 * middleware: what a producer's console publishes and a viewer's schedule reads.
 */
const hubName = () => `t${Math.random().toString(36).slice(2, 10)}`;
const TOKEN = 'demo-publisher-token';
const at = (seconds = 0) => new Date(Date.UTC(2026, 11, 1, 20, 0, seconds)).toISOString();

interface HubEvent {
  id: string;
  data: unknown;
}

/** Reads a text/event-stream response until `count` events have come (comments and retry lines skipped). */
async function readEvents(response: Response, count: number, timeout = 5000): Promise<HubEvent[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: HubEvent[] = [];
  let buffer = '';
  const timer = setTimeout(() => void reader.cancel(), timeout);
  try {
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the stream ended after ${events.length} of ${count} events`);
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(block.split('\n').filter((l) => !l.startsWith(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
        if ('data' in fields) events.push({ id: fields.id, data: JSON.parse(fields.data) });
      }
    }
    return events;
  } finally {
    clearTimeout(timer);
    await reader.cancel().catch(() => {});
  }
}

const publishJson = (name: string, body: unknown) =>
  fetch(`/hub/${name}/publish`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('the demo hub', () => {
  it('takes JSON updates, answering increasing ids, and replays them as server-sent events', async () => {
    const name = hubName();
    const first = await publishJson(name, { product: 'aurora-jacket', at: at(0) });
    expect(first.status).to.equal(200);
    expect(await first.text()).to.equal('1');
    expect(await (await publishJson(name, { product: null, at: at(5) })).text()).to.equal('2');

    const stream = await fetch(`/hub/${name}/events`);
    expect(stream.headers.get('content-type')).to.match(/^text\/event-stream/);
    expect(await readEvents(stream, 2)).to.deep.equal([
      { id: '1', data: { product: 'aurora-jacket', at: at(0) } },
      { id: '2', data: { product: null, at: at(5) } },
    ]);
  });

  it('replays from Last-Event-ID, then streams what is published while connected', async () => {
    const name = hubName();
    for (const [i, product] of ['a', 'b', 'c'].entries()) await publishJson(name, { product, at: at(i) });
    const stream = await fetch(`/hub/${name}/events`, { headers: { 'Last-Event-ID': '2' } });
    const reading = readEvents(stream, 2);
    await publishJson(name, { product: 'd', at: at(9) });
    expect(await reading).to.deep.equal([
      { id: '3', data: { product: 'c', at: at(2) } },
      { id: '4', data: { product: 'd', at: at(9) } },
    ]);
  });

  it('feeds an EventSource, which keeps the last id for its reconnection', async () => {
    const name = hubName();
    await publishJson(name, { product: 'ember-mug', at: at(1) });
    const source = new EventSource(`/hub/${name}/events`);
    try {
      const message = await new Promise<MessageEvent>((resolve, reject) => {
        source.onmessage = resolve;
        source.onerror = () => reject(new Error('the EventSource failed'));
      });
      expect(JSON.parse(message.data)).to.deep.equal({ product: 'ember-mug', at: at(1) });
      expect(message.lastEventId).to.equal('1');
    } finally {
      source.close();
    }
  });

  it('takes the Mercure form shape with the demo token: one topic, the update as data', async () => {
    const name = hubName();
    const form = (fields: [string, string][]) => new URLSearchParams(fields);
    const data = JSON.stringify({ product: 'glow-lantern', at: at(3) });
    const post = (body: URLSearchParams, token: string | null) =>
      fetch(`/hub/${name}/publish`, { method: 'POST', headers: token ? { Authorization: `Bearer ${token}` } : {}, body });

    const anonymous = await post(form([['topic', 'show'], ['data', data]]), null);
    expect(anonymous.status).to.equal(401);
    expect(anonymous.headers.get('www-authenticate')).to.equal('Bearer');
    expect((await post(form([['topic', 'show'], ['data', data]]), 'wrong')).status).to.equal(401);
    expect((await post(form([['topic', 'a'], ['topic', 'b'], ['data', data]]), TOKEN)).status).to.equal(400);
    expect((await post(form([['topic', 'show'], ['data', 'not json']]), TOKEN)).status).to.equal(400);
    const ok = await post(form([['topic', 'show'], ['data', data]]), TOKEN);
    expect(ok.status).to.equal(200);
    expect(await ok.text()).to.equal('1');
    expect(await readEvents(await fetch(`/hub/${name}/events`), 1)).to.deep.equal([{ id: '1', data: JSON.parse(data) }]);
  });

  it('refuses bad updates with a reason, and keeps nothing of them', async () => {
    const name = hubName();
    const cases: [BodyInit, string, number, RegExp][] = [
      [JSON.stringify({ product: '', at: at() }), 'application/json', 400, /product/],
      [JSON.stringify({ product: 'x', at: 'yesterday' }), 'application/json', 400, /ISO/],
      [JSON.stringify({ product: 'x', at: 12 }), 'application/json', 400, /ISO/],
      ['[1, 2', 'application/json', 400, /not JSON/],
      ['product=x', 'text/plain', 415, /application\/json/],
      [JSON.stringify({ product: 'x', at: at(), pad: 'x'.repeat(20_000) }), 'application/json', 413, /too large/],
    ];
    for (const [body, type, status, reason] of cases) {
      const response = await fetch(`/hub/${name}/publish`, { method: 'POST', headers: { 'Content-Type': type }, body });
      expect(response.status, String(body).slice(0, 40)).to.equal(status);
      expect(await response.text()).to.match(reason);
    }
    expect((await fetch(`/hub/${name}/publish`)).status).to.equal(405);
    await publishJson(name, { product: 'good', at: at() });
    expect(await readEvents(await fetch(`/hub/${name}/events`), 1)).to.deep.equal([{ id: '1', data: { product: 'good', at: at() } }]);
  });
});
