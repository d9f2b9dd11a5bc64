import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/live-stream.js';
import '../../src/define/pip-player.js';
import '../../src/define/shop-carousel.js';
import type { LiveStream } from '../../src/elements/live-stream/live-stream.js';
import type { PipPlayer } from '../../src/elements/pip-player/pip-player.js';
import type { ShopCarousel } from '../../src/elements/shop-carousel/shop-carousel.js';
import { feedLimits } from '../../src/core/load-feed.js';
import { prefetchLimits } from '../../src/media/stream.js';
import { freshShow, getShow, nextEvent, recordErrorsInEachTest, until } from '../helpers.js';

/** A URL of test/fault-server.mjs, in a session of its own. */
const faulty = (path: string, faults: Record<string, string | number>) => {
  const spec = new URLSearchParams({ id: `stall-${Math.random().toString(36).slice(2, 9)}`, ...Object.fromEntries(Object.entries(faults).map(([k, v]) => [k, String(v)])) });
  return `/faults/${encodeURIComponent(spec.toString())}/${path}`;
};

describe('abuse: a playlist that never answers or trickles', () => {
  recordErrorsInEachTest();

  for (const fault of ['trickle', 'hang'] as const) {
    it(`${fault}: the start-up prefetch gives up and hls.js plays the stream from its own request`, async () => {
      // Only the first request of the multivariant playlist misbehaves: hls.js's own one answers.
      const src = faulty('channel/live.m3u8', { [fault]: 1 });
      const el = await fixture<PipPlayer>(html`<pip-player src=${src} autoplay muted></pip-player>`);
      await until(() => el.state === 'playing', 'playback after the stalled prefetch', 15_000);
      expect(el.state).to.equal('playing');
    }).timeout(20_000);
  }
});

describe('abuse: a first segment that never answers', () => {
  const saved = { ...prefetchLimits };
  afterEach(() => Object.assign(prefetchLimits, saved));

  it('the start-up prefetch of the segment gives up and hls.js fetches it itself', async () => {
    prefetchLimits.timeout = 1500;
    // The first segment request (the prefetch's) waits 30 s; hls.js's own one answers.
    const src = faulty('channel/live.m3u8', { stall: 1, stallms: 30_000 });
    const el = await fixture<PipPlayer>(html`<pip-player src=${src} autoplay muted></pip-player>`);
    await until(() => el.state === 'playing', 'playback after the stalled segment', 15_000);
    expect(el.state).to.equal('playing');
  }).timeout(20_000);
});

describe('abuse: a feed that never finishes', () => {
  const saved = { ...feedLimits };
  afterEach(() => Object.assign(feedLimits, saved));

  for (const [fault, limits, reason] of [
    ['never', { timeout: 1500 }, /no end within 1.5 s/],
    ['trickle', { timeout: 1500 }, /no end within 1.5 s/],
    ['endless', { maxBytes: 2 ** 20 }, /larger than 1 MB/],
  ] as const) {
    it(`${fault}: "Loading products…" while it loads, then a feed error and a message`, async () => {
      Object.assign(feedLimits, limits);
      const show = freshShow();
      const url = faulty('feed.json', { feed: fault });
      const el = await fixture<LiveStream>(html`<live-stream show=${show} products=${url}></live-stream>`);
      const failed = nextEvent<CustomEvent>(el, 'livecart-error', 10_000);
      const carousel = () => el.shadowRoot!.querySelector<ShopCarousel>('shop-carousel');
      // The carousel may give way to the show's own message once the feed has failed.
      const message = () => carousel()?.shadowRoot?.querySelector('[part~="message"]')?.textContent ?? '';
      await until(() => /Loading products/.test(message()), 'the loading state');
      expect(getShow(show).$loadingFeeds.get()).to.equal(1);
      const { detail } = await failed;
      expect(detail.code).to.equal('feed');
      expect(detail.message).to.match(reason);
      // The show's own message says so; the carousel no longer says it is loading.
      await until(() => el.shadowRoot!.querySelector('[part~="message"][role="alert"]'), 'the feed error');
      expect(el.shadowRoot!.querySelector('[part~="message"][role="alert"]')!.textContent).to.match(/could not be loaded/);
      await until(() => !/Loading/.test(message()), 'the carousel to stop saying it is loading');
      expect(getShow(show).$loadingFeeds.get()).to.equal(0);
    });
  }

  it('an empty catalog with no feed loading says "No products yet."', async () => {
    const el = await fixture<ShopCarousel>(html`<shop-carousel show=${freshShow()}></shop-carousel>`);
    expect(el.shadowRoot!.querySelector('[part~="message"]')!.textContent).to.match(/No products yet/);
    await expect(el).to.be.accessible();
  });
});
