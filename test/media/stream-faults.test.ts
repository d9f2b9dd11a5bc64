import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/pip-player.js';
import '../../src/define/live-stream.js';
import type { PipPlayer } from '../../src/elements/pip-player/pip-player.js';
import type { LiveStream } from '../../src/elements/live-stream/live-stream.js';
import { liveHlsInstances } from '../../src/media/stream.js';
import { nextEvent, recordErrors, recordErrorsInEachTest, REPLAY, until } from '../helpers.js';

/** The live channel behind test/fault-server.mjs, with `faults` (and a session of its own). */
let sessions = 0;
function faulty(faults: Record<string, string | number> = {}) {
  const id = `s${++sessions}-${Math.random().toString(36).slice(2, 7)}`;
  const spec = new URLSearchParams({ id, ...Object.fromEntries(Object.entries(faults).map(([k, v]) => [k, String(v)])) });
  return {
    src: `/faults/${encodeURIComponent(spec.toString())}/channel/live.m3u8`,
    feed: `/faults/${encodeURIComponent(spec.toString())}/feed.json`,
    /** Drops every connection of this session until `up()`. */
    down: () => fetch(`/faults-control?id=${id}&down=1`),
    up: () => fetch(`/faults-control?id=${id}&down=0`),
  };
}

const played = (el: PipPlayer, seconds: number, what: string, timeout?: number) =>
  until(() => el.video.currentTime > seconds && el.state === 'playing', what, timeout);

describe('stream faults', () => {
  // Whatever the fault, the page never throws.
  const errors = recordErrorsInEachTest();

  it('a 404 manifest: error state, a message naming it, and Retry that works once it is back', async () => {
    const el = await fixture<PipPlayer>(html`<pip-player src=${faulty({ manifest: 404 }).src} autoplay muted></pip-player>`);
    await nextEvent(el, 'livecart-error');
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part~="error"]')!.dataset.reason).to.match(/404/);
    el.src = faulty().src;
    await played(el, 0.5, 'playback once the manifest is there');
    expect(liveHlsInstances.size).to.equal(1);
  });

  it('every third segment failing with 500: hls.js retries and the show plays on without an error', async () => {
    const el = await fixture<PipPlayer>(html`<pip-player src=${faulty({ seg500: 3 }).src} autoplay muted></pip-player>`);
    await played(el, 7, 'seven seconds of playback past the failing segments', 30_000);
    expect(errors.events).to.deep.equal([]);
  }).timeout(40_000);

  it('a segment that stalls 20 s: hls.js gives up on that request, loads it again and plays on', async () => {
    // hls.js's own time-to-first-byte limit for segments (10 s) applies, not a shorter one.
    const el = await fixture<PipPlayer>(html`<pip-player src=${faulty({ stall: 3 }).src} autoplay muted></pip-player>`);
    await played(el, 6, 'playback past the stalled segment', 35_000);
    expect(errors.events).to.deep.equal([]);
  }).timeout(45_000);

  it('the server dropping: error state once hls.js gives up; Retry plays again once it is back', async () => {
    const channel = faulty();
    const el = await fixture<PipPlayer>(html`<pip-player src=${channel.src} autoplay muted></pip-player>`);
    await played(el, 0.5, 'playback');
    await channel.down();
    await until(() => el.state === 'error', 'the error state', 50_000);
    expect(errors.events.map((e) => e.detail.code)).to.deep.equal(['stream']);
    expect(liveHlsInstances.size).to.equal(0);
    await channel.up();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await until(() => el.state === 'playing', 'playback after Retry');
  }).timeout(70_000);

  it('offline then online: back online, a failed player loads again by itself', async () => {
    const channel = faulty();
    await channel.down();
    const el = await fixture<PipPlayer>(html`<pip-player src=${channel.src} autoplay muted></pip-player>`);
    window.dispatchEvent(new Event('offline'));
    await until(() => el.state === 'error', 'the error state', 30_000);
    await channel.up();
    window.dispatchEvent(new Event('online'));
    await until(() => el.state === 'playing', 'playback after going online');
  }).timeout(40_000);

  it('a live playlist that stops moving: the show is told ended, not left buffering, and offered its replay', async () => {
    const el = await fixture<PipPlayer>(html`<pip-player src=${faulty({ freeze: 1000 }).src} replay=${REPLAY} autoplay muted></pip-player>`);
    await until(() => el.state === 'ended', 'the ended state', 30_000);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="ended"] p')!.textContent).to.equal('The show has ended.');
    expect(el.shadowRoot!.querySelector('[part~="replay"]')!.textContent).to.equal('Watch the replay');
    // Nothing more is fetched and the state stays: a late `waiting` must not undo it.
    el.video.dispatchEvent(new Event('waiting'));
    expect(el.state).to.equal('ended');
    expect(errors.events).to.deep.equal([]);
  }).timeout(40_000);
});

describe('feed faults', () => {
  for (const [kind, timeout] of [['500', 10_000], ['garbage', 10_000], ['slow', 15_000]] as const) {
    it(`a feed answering ${kind}: the video plays on, and the widget says what happened`, async () => {
      const errors = recordErrors();
      const channel = faulty({ feed: kind });
      const el = await fixture<LiveStream>(html`<live-stream src=${channel.src} products=${channel.feed} autoplay muted></live-stream>`);
      const player = el.shadowRoot!.querySelector('pip-player')!;
      if (kind === 'slow') {
        await until(() => player.state === 'playing', 'playback while the feed is slow', timeout);
        const carousel = el.shadowRoot!.querySelector('shop-carousel')!;
        await until(() => carousel.shadowRoot!.querySelectorAll('[part~="card"]').length > 0, 'cards once it arrives', timeout);
        expect(errors.events).to.deep.equal([]);
      } else {
        await until(() => errors.events.some((e) => e.detail.code === 'feed'), 'a feed error', timeout);
        await until(() => player.state === 'playing', 'playback despite the feed', timeout);
        await el.updateComplete;
        expect(el.shadowRoot!.querySelectorAll('[part~="message"]')).to.have.length(1);
        expect(el.shadowRoot!.querySelector('[part~="message"]')?.textContent).to.equal('Products could not be loaded.');
      }
      errors.stop();
      expect(errors.uncaught).to.deep.equal([]);
    }).timeout(20_000);
  }
});
