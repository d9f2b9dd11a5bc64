import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/live-stream.js';
import type { PipPlayer } from '../../src/elements/pip-player/pip-player.js';
import { FEED, freshShow, until } from '../helpers.js';

/**
 * demo/channel/add-id3.mjs burst: 8 s of the show with an ID3 TXXX frame every 10 ms,
 * alternating aurora-jacket / ember-mug for 4 s, then ember-mug repeated for 4 s.
 */
const BURST = '/channel/media/burst/vod.m3u8';
/** src/media/product-cues.ts SETTLE_MS, less what an event's dispatch may lag behind its timer. */
const SETTLED_MS = 100;
const hasLongTasks = () => PerformanceObserver.supportedEntryTypes?.includes('longtask');

describe('abuse: ID3 product frames every 10 ms', () => {
  it('features no product for less than the settle time, and ends on the repeated one', async () => {
    // Tasks while the frames play (start-up, with hls.js's first load, is not what this is about).
    const tasks: number[] = [];
    let player: PipPlayer | undefined;
    const observer = hasLongTasks() ? new PerformanceObserver((list) => list.getEntries().forEach((e) => player?.video.currentTime && tasks.push(e.duration))) : undefined;
    observer?.observe({ type: 'longtask' });
    const changes: { at: number; product: string | null }[] = [];
    const record = (event: Event) => {
      const { product } = (event as CustomEvent<{ product: { id: string } | null }>).detail;
      changes.push({ at: performance.now(), product: product?.id ?? null });
    };
    document.addEventListener('livecart-featured-change', record);
    try {
      const show = freshShow();
      const el = await fixture(html`<live-stream show=${show} products=${FEED} src=${BURST} autoplay muted></live-stream>`);
      const video = (player = el.shadowRoot!.querySelector<PipPlayer>('[part~="player"]')!).video;
      const cues = () => Array.from(video.textTracks).reduce((n, track) => n + (track.cues?.length ?? 0), 0);
      await until(() => video.currentTime > 7.5 || video.ended, 'the end of the burst', 30_000);
      const end = performance.now() + 300;
      await until(() => performance.now() > end, 'the last settle');
      observer?.disconnect();
      const shown = changes.slice(1).map((change, i) => Math.round(change.at - changes[i].at));
      console.log(
        `ID3 burst: ${cues()} cues, ${changes.length} featured changes (${changes.map((c) => c.product).join(' → ')}), ` +
          `shortest shown ${Math.min(...shown)} ms, longest task ${hasLongTasks() ? `${Math.max(0, ...tasks).toFixed(0)} ms` : 'not observable'}`,
      );
      // The frames reached the page (hls.js drops the first fragment's emsg): 2 s at 100 a second at least.
      expect(cues()).to.be.above(200);
      expect(changes.at(-1)?.product).to.equal('ember-mug');
      // No flicker: every product the banner showed stayed at least the settle time.
      for (const ms of shown) expect(ms).to.be.at.least(SETTLED_MS);
      // 8 s of frames: at most one change per settle time, and in practice a handful.
      expect(changes.length).to.be.at.most(8000 / 120 + 1);
      // The goal is no task over 110 ms (a quiet run: 0 ms). On the shared 2-core machine
      // other jobs stretch hls.js's own fragment work to 52–335 ms, so over 110 ms warns,
      // and a freeze from reading 100 frames a second (over 500 ms) fails.
      const longest = Math.max(0, ...tasks);
      if (longest >= 110) console.warn(`ID3 burst: a ${longest.toFixed(0)} ms task while playing: the machine is busy`);
      expect(longest).to.be.below(500);
    } finally {
      document.removeEventListener('livecart-featured-change', record);
      observer?.disconnect();
    }
  });
});
