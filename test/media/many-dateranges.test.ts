import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/pip-player.js';
import type { PipPlayer } from '../../src/elements/pip-player/pip-player.js';
import { freshShow, getShow, SHOW_ORDER, spyConsole, until } from '../helpers.js';

/** The live channel with `n` extra DATERANGE tags per media playlist (test/live-show-server.mjs). */
const busy = (n: number) => `/many-dateranges/${n}.tags/channel/live.m3u8`;

describe('a live playlist with thousands of DATERANGE tags', () => {
  it('reads X-PRODUCT-ID from the parsed playlist, warns once, and keeps tasks short', async () => {
    const { calls: warnings, restore } = spyConsole('warn');
    // Long tasks are Chromium's; elsewhere the product and the warning are still checked.
    const longest = { ms: 0 };
    const observer = PerformanceObserver.supportedEntryTypes?.includes('longtask')
      ? new PerformanceObserver((list) => list.getEntries().forEach((e) => (longest.ms = Math.max(longest.ms, e.duration))))
      : undefined;
    observer?.observe({ type: 'longtask' });
    try {
      const show = freshShow();
      const changes: (string | null)[] = [];
      getShow(show).$featuredId.listen((id) => changes.push(id));
      const el = await fixture<PipPlayer>(html`<pip-player show=${show} src=${busy(10_000)} muted autoplay></pip-player>`);
      await until(() => el.state === 'playing', 'playback', 30_000);
      const start = el.video.currentTime;
      // Three playlist reloads and a product change at least (slots are 6 s).
      await until(() => el.video.currentTime > start + 8 && changes.length >= 2, 'two products', 30_000);
      console.log(`10,000 DATERANGE tags: longest task ${longest.ms.toFixed(0)} ms; products ${changes.join(', ')}`);
      for (const id of changes) expect(SHOW_ORDER).to.include(id);
      expect(warnings.filter(([m]) => /EXT-X-DATERANGE/.test(String(m)))).to.have.length(1);
      if (observer) expect(longest.ms).to.be.below(200);
    } finally {
      restore();
      observer?.disconnect();
    }
  }).timeout(60_000);
});
