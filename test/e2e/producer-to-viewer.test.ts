import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/live-stream.js';
import '../../src/define/show-console.js';
import type { LiveStream } from '../../src/elements/live-stream/live-stream.js';
import type { PipPlayer } from '../../src/elements/pip-player/pip-player.js';
import type { ShowConsole } from '../../src/elements/show-console/show-console.js';
import type { Stream } from '../../src/media/stream.js';
import { FEED, freshShow, getShow, realClick, recordErrors, until } from '../helpers.js';

/** The live channel without product tags of its own: only the producer says what is on screen. */
const STUDIO = '/channel/studio.m3u8';
const playingDate = (player: PipPlayer) => (player as unknown as { playback: { stream?: Stream } }).playback.stream?.playingDate() ?? null;

/**
 * End to end, in one page: a producer's <show-console> publishing to the demo hub (the test
 * runner serves demo/channel/hub.mjs), and a viewer's <live-stream> whose schedule reads
 * the hub's event stream while it plays the simulated live channel well behind live.
 */
describe('from the producer console to a viewer behind live', () => {
  it('changes the viewer\'s product when its playing program date-time reaches the click, not when the event arrives', async () => {
    const hub = `/hub/e2e-${Math.random().toString(36).slice(2, 9)}`;
    const viewerShow = freshShow();
    const errors = recordErrors();
    const page = await fixture(html`<div>
      <show-console show=${freshShow()} products=${FEED} publish=${`${hub}/publish`}></show-console>
      <live-stream show=${viewerShow} src=${STUDIO} products=${FEED} schedule=${`${hub}/events`} muted autoplay></live-stream>
    </div>`);
    try {
      const producer = page.querySelector<ShowConsole>('show-console')!;
      const viewer = page.querySelector<LiveStream>('live-stream')!;
      const player = await (async () => {
        await until(() => viewer.shadowRoot?.querySelector('pip-player'), 'the player');
        return viewer.shadowRoot!.querySelector<PipPlayer>('pip-player')!;
      })();
      await until(() => player.state === 'playing' && playingDate(player), 'live playback with program date-times', 20_000);
      // Deliberately behind: from near the start of the live window, at least 8 s behind
      // the wall clock (seeking again should the player have moved on).
      await until(
        () => {
          const behind = Date.now() - +(playingDate(player) ?? Date.now());
          if (behind < 8000 && !player.video.seeking) player.video.currentTime = player.video.seekable.start(0) + 1;
          return behind >= 8000 && !player.video.seeking && player.state === 'playing';
        },
        'playback 8 s behind live',
        20_000,
      );
      await until(() => producer.shadowRoot!.querySelector('[data-id="fjord-beanie"] [part~="feature"]'), 'the catalog');

      await realClick(producer.shadowRoot!.querySelector('[data-id="fjord-beanie"] [part~="feature"]')!);
      const at = Date.parse(producer.current!.at);
      const behind = at - +playingDate(player)!;
      await until(() => producer.queue.length === 0, 'the publish');
      const published = performance.now();

      // Sample the viewer each frame: when its product changed, and when its playing date reached "at".
      let changed = NaN;
      let reached = NaN;
      let last: [number, number] | undefined;
      const stop = getShow(viewerShow).$featuredId.listen((id) => id === 'fjord-beanie' && Number.isNaN(changed) && (changed = performance.now()));
      while (Number.isNaN(changed) || Number.isNaN(reached)) {
        const now = performance.now();
        if (now - published > 30_000) break;
        const date = +(playingDate(player) ?? 0);
        // Interpolated between two frames: the date moves in steps.
        if (Number.isNaN(reached) && date >= at) reached = last && date > last[1] ? last[0] + ((at - last[1]) / (date - last[1])) * (now - last[0]) : now;
        last = [now, date];
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      stop();
      const offset = changed - reached;
      console.log(
        `producer -> viewer: viewer ${(behind / 1000).toFixed(1)} s behind live; product changed ${((changed - published) / 1000).toFixed(1)} s after the hub had the event, ${offset.toFixed(0)} ms after the viewer's playing date reached "at"`,
      );
      expect(behind).to.be.above(7000);
      expect(changed - published).to.be.above(6000);
      expect(offset).to.be.within(-50, 300);
      await until(
        () => viewer.shadowRoot!.querySelector('[part~="banner"] .product-title')?.textContent === 'Fjord Merino Beanie',
        'the viewer\'s banner',
      );

      // "Clear" takes the same path.
      await realClick(producer.shadowRoot!.querySelector('[part~="clear"]')!);
      await until(() => getShow(viewerShow).$featuredId.get() === null, 'the viewer to clear', 30_000);
      expect(errors.events).to.deep.equal([]);
    } finally {
      errors.stop();
    }
  }).timeout(90_000);
});
