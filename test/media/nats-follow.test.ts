import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { wsconnect } from '@nats-io/nats-core';
import '../../src/define/live-stream.js';
import type { LiveStream } from '../../src/elements/live-stream/live-stream.js';
import type { ShowChat } from '../../src/elements/show-chat/show-chat.js';
import { listenChat, type ChatEvent } from '../../src/store/conversation.js';
import { eventually, freshShow, getShow, MP4, recordErrorsInEachTest, until } from '../helpers.js';

// A show's event stream over NATS (src/media/nats-follow.ts), against a real nats-server
// with WebSocket and JetStream, started by the test runner (test/nats-server.mjs), and the
// reference bridge (demo/channel/nats-bridge.mjs) publishing as the endpoint would.

const { ws, viewer } = (await fetch('/test/nats/config').then((r) => r.json())) as { ws: string; viewer: { user: string; pass: string } };
const schedule = (show: string) => {
  const url = new URL(ws);
  [url.username, url.password] = [viewer.user, viewer.pass];
  url.searchParams.set('subject', `livecart.${show}`);
  return url.href;
};
const bridge = async (action: string, body: Record<string, unknown>) => {
  const response = await fetch(`/test/nats/${action}`, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${action}: ${(await response.json()).error}`);
};
/** The open connections a show's viewers hold, as nats-server's monitoring lists them. */
const viewerConnections = async (show: string) => {
  const { connections = [] } = await fetch('/test/nats/connz').then((r) => r.json());
  return (connections as { name?: string }[]).filter((c) => c.name === `livecart viewer of livecart.${show}`).length;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The conversation's events the show hears (history first), parsed. */
function heard(show: string) {
  const events: { type: string; value: Record<string, unknown> }[] = [];
  listenChat(getShow(show), ({ type, data }: ChatEvent) => events.push({ type, value: JSON.parse(data) }));
  return events;
}
const viewerOf = (show: string) => fixture(html`<live-stream show=${show} src=${MP4} schedule=${schedule(show)} muted></live-stream>`);
const now = () => new Date().toISOString();

/** One of the reference endpoint's instances (`a`, `b`), moderation in JetStream KV: its chat or moderate route for `show`. */
const endpoint = (instance: string, show: string, what: 'chat' | 'moderate') => `/test/nats/endpoint/${instance}/${show}/${what}`;
const postTo = async (url: string, body: Record<string, unknown>, token?: string) => {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${(await response.json()).error}`);
  return response.json();
};
/**
 * A viewer with the chat, reading `show`'s subjects over NATS and posting through instance
 * `a`; `as` is its show in the page (two viewers of one page would share one).
 */
async function chatterOf(show: string, as = freshShow()) {
  const viewer = await fixture<LiveStream>(html`<live-stream show=${as} src=${MP4} schedule=${schedule(show)} chat=${endpoint('a', show, 'chat')} muted></live-stream>`);
  await until(() => viewer.shadowRoot!.querySelector<ShowChat>('show-chat')?.shadowRoot?.querySelector('form'), 'the chat');
  return viewer;
}
/** The messages a viewer's chat shows, oldest first. */
const shown = (viewer: LiveStream) =>
  [...(viewer.shadowRoot!.querySelector<ShowChat>('show-chat')?.shadowRoot?.querySelectorAll('[part~="messages"] [part~="message"] .text') ?? [])].map((t) => t.textContent).reverse();
/** nats-server stopped, or started again on the same ports and JetStream store (`websocket: false`: viewers cannot connect). */
const server = (state: 'down' | 'up', websocket = true) => postTo('/test/nats/server', { state, websocket });

describe('a show over NATS (WebSocket, JetStream)', () => {
  const errors = recordErrorsInEachTest();

  it('features the product the publisher sends, and the conversation as it comes', async () => {
    const show = freshShow();
    const events = heard(show);
    const started = performance.now();
    await viewerOf(show);
    await eventually(async () => (await viewerConnections(show)) === 1, 'the viewer connection');
    const connected = performance.now() - started;
    const sent = performance.now();
    await bridge('feature', { show, product: 'ember-mug' });
    await until(() => getShow(show).$featuredId.get() === 'ember-mug', 'the featured product');
    const featuredAfter = performance.now() - sent;
    await bridge('chat', { show, message: { id: 'm1', name: 'Ana', text: 'Hello!', at: now() } });
    await until(() => events.some((e) => e.type === 'chat' && e.value.id === 'm1'), 'the chat message');
    console.log(`NATS: connected in ${connected.toFixed(0)} ms; product featured ${featuredAfter.toFixed(0)} ms after the publish`);
    await bridge('feature', { show, product: null });
    await until(() => getShow(show).$featuredId.get() === null, 'cleared');
    expect(errors.events).to.deep.equal([]);
  });

  it('gives a late joiner the product on screen, the pin, the counts and the last 50 messages from history', async () => {
    const show = freshShow();
    await bridge('feature', { show, product: 'glow-lantern' });
    await bridge('feature', { show, product: 'drift-backpack' });
    for (let i = 1; i <= 60; i++) await bridge('chat', { show, message: { id: `m${i}`, name: 'Ana', text: `message ${i}`, at: now() } });
    await bridge('hide', { show, id: 'm58' });
    await bridge('pin', { show, id: 'm55' });
    await bridge('watching', { show, count: 7 });
    await bridge('react', { show, times: 3 });
    // The aggregator sends the counts once its second is over.
    await sleep(1300);
    const events = heard(show);
    await viewerOf(show);
    await until(() => getShow(show).$featuredId.get() === 'drift-backpack', 'the product on screen');
    await until(() => events.filter((e) => e.type === 'chat').length === 50, 'the last 50 messages');
    const chats = events.filter((e) => e.type === 'chat').map((e) => e.value.id);
    expect(chats[0]).to.equal('m11');
    expect(chats.at(-1)).to.equal('m60');
    await until(() => events.some((e) => e.type === 'viewers'), 'the watching count');
    expect(events.filter((e) => e.type === 'pin').map((e) => e.value.id)).to.deep.equal(['m55']);
    expect(events.filter((e) => e.type === 'hide').map((e) => e.value.id)).to.deep.equal(['m58']);
    expect(events.filter((e) => e.type === 'viewers').map((e) => e.value.count)).to.deep.equal([7]);
    expect(events.filter((e) => e.type === 'reaction').map((e) => e.value.count)).to.deep.equal([3]);
    expect(errors.events).to.deep.equal([]);
  });

  it('lets a viewer subscribe only: its publish to a show is refused by the server', async () => {
    const show = freshShow();
    const nc = await wsconnect({ servers: ws, user: viewer.user, pass: viewer.pass });
    try {
      const refused = (async () => {
        for await (const status of nc.status()) if (status.type === 'error') return String(status.error);
      })();
      nc.publish(`livecart.${show}.featured`, JSON.stringify({ product: 'stolen', at: now() }));
      expect(await refused).to.match(/permissions violation for publish/i);
    } finally {
      await nc.close();
    }
    // Nor did anything reach the stream: a viewer of the show sees nothing featured.
    await viewerOf(show);
    await eventually(async () => (await viewerConnections(show)) === 1, 'the viewer connection');
    await sleep(500);
    expect(getShow(show).$featuredId.get()).to.equal(null);
  });

  it('aggregates reactions: 50 in a second reach viewers as one or two events', async () => {
    const show = freshShow();
    const events = heard(show);
    await viewerOf(show);
    await eventually(async () => (await viewerConnections(show)) === 1, 'the viewer connection');
    const start = performance.now();
    for (let i = 0; i < 50; i++) {
      await bridge('react', { show });
      await sleep(Math.max(0, start + (i + 1) * 18 - performance.now()));
    }
    const spread = performance.now() - start;
    const reactions = () => events.filter((e) => e.type === 'reaction').map((e) => e.value.count as number);
    // Each event carries the show's total so far.
    await until(() => reactions().at(-1) === 50, 'all 50 reactions, counted');
    console.log(`NATS: 50 reactions over ${spread.toFixed(0)} ms reached the viewer as ${reactions().length} event(s): ${reactions().join(', ')}`);
    // One event per second of the aggregator: a burst under a second spans at most two.
    expect(reactions().length).to.be.at.most(Math.ceil(spread / 1000) + 1);
  });

  it('skips and reports a product event that is not JSON; the stream refuses an oversized one', async () => {
    const show = freshShow();
    await viewerOf(show);
    await eventually(async () => (await viewerConnections(show)) === 1, 'the viewer connection');
    await bridge('raw', { subject: `livecart.${show}.featured`, data: 'not json' });
    let error = '';
    try {
      await bridge('raw', { subject: `livecart.${show}.featured`, data: JSON.stringify({ product: 'x', at: now(), pad: 'x'.repeat(5000) }) });
    } catch (e) {
      error = String(e);
    }
    expect(error).to.match(/size|maximum/i);
    await bridge('feature', { show, product: 'ember-mug' });
    await until(() => getShow(show).$featuredId.get() === 'ember-mug', 'the good entry');
    await until(() => errors.events.length > 0, 'the report');
    const reasons = errors.events.flatMap((e) => (expect(e.detail.code).to.equal('schedule'), e.detail.problems.map((p: { reason: string }) => p.reason)));
    expect(reasons).to.deep.equal(['not JSON']);
  });

  it('a hide through one endpoint instance takes a message posted through the other off the chat; a late joiner never shows it', async () => {
    const show = freshShow();
    const viewer = await chatterOf(show);
    await eventually(async () => (await viewerConnections(show)) === 1, 'the viewer connection');
    await postTo(endpoint('a', show, 'chat'), { show, name: 'ana', text: 'Is it warm?' });
    const { id } = await postTo(endpoint('b', show, 'chat'), { show, name: 'spam', text: 'cheap jackets at evil.example' });
    await until(() => shown(viewer).length === 2, "both instances' messages in the chat");
    const sent = performance.now();
    await postTo(endpoint('a', show, 'moderate'), { action: 'hide', id }, 'demo-publisher-token');
    await until(() => String(shown(viewer)) === 'Is it warm?', 'the message hidden');
    console.log(`NATS + KV: a hide through instance A of B's message gone from the viewer's chat ${(performance.now() - sent).toFixed(0)} ms after it was sent`);
    // The stream keeps the message and the hide after it: a late joiner gets both, and shows only the visible one.
    const late = await chatterOf(show);
    await until(() => shown(late).includes('Is it warm?'), "the late joiner's history");
    // Published after the hide: once it is shown, the whole history was read.
    await postTo(endpoint('b', show, 'chat'), { show, name: 'ben', text: 'Yes!' });
    await until(() => shown(late).includes('Yes!'), 'a message after the history');
    expect(shown(late)).to.deep.equal(['Is it warm?', 'Yes!']);
    expect(errors.events).to.deep.equal([]);
  });

  it('follows again by itself after nats-server restarts, with what was published meanwhile and nothing twice', async () => {
    const show = freshShow();
    const as = freshShow();
    const viewer = await chatterOf(show, as);
    await eventually(async () => (await viewerConnections(show)) === 1, 'the viewer connection');
    const events = heard(as);
    const message = (id: string) => bridge('chat', { show, message: { id, name: 'Ana', text: `message ${id}`, at: now() } });
    await message('m1');
    await message('m2');
    await until(() => shown(viewer).length === 2, 'the first messages');
    await server('down');
    await until(() => errors.events.length === 1, 'the outage reported');
    expect(errors.events[0].detail.message).to.match(/dropped; reconnecting/);
    // Back for the endpoint only (no WebSocket yet): what it publishes now, no viewer can have heard.
    await server('up', false);
    await message('m3');
    await bridge('feature', { show, product: 'ember-mug' });
    await message('m4');
    expect(await viewerConnections(show)).to.equal(0);
    await server('down');
    const restarted = performance.now();
    await server('up');
    await until(() => shown(viewer).length === 4, 'the messages published meanwhile');
    console.log(`NATS: after a restart, the viewer had what was published meanwhile ${(performance.now() - restarted).toFixed(0)} ms after the server was up again`);
    expect(getShow(as).$featuredId.get()).to.equal('ember-mug');
    expect(shown(viewer)).to.deep.equal(['message m1', 'message m2', 'message m3', 'message m4']);
    // Nothing twice: the follower resumed after the last message it had.
    expect(events.filter((e) => e.type === 'chat').map((e) => e.value.id)).to.deep.equal(['m1', 'm2', 'm3', 'm4']);
    await message('m5');
    await until(() => shown(viewer).length === 5, 'a live message after the outage');
    expect(await viewerConnections(show)).to.equal(1);
    // Told once per outage, however many attempts it took.
    expect(errors.events.length).to.equal(1);
  });

  it('closes its connection when the element leaves the page', async () => {
    const show = freshShow();
    await viewerOf(show);
    await eventually(async () => (await viewerConnections(show)) === 1, 'the viewer connection');
    fixtureCleanup();
    const left = performance.now();
    await eventually(async () => (await viewerConnections(show)) === 0, 'no connection left open');
    console.log(`NATS: connection closed ${(performance.now() - left).toFixed(0)} ms after the element left`);
  });
});
