import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/pip-player.js';
import type { PipPlayer } from '../../../src/elements/pip-player/pip-player.js';
import { parseSchedule, scheduledProduct } from '../../../src/media/schedule.js';
import { liveHlsInstances } from '../../../src/media/stream.js';
import { getShow, item, LIVE, loadFrame, MP4, nextEvent, playingShowPage, showWith, until } from '../../helpers.js';

describe('schedules', () => {
  it('parses offsets and ISO times, skipping and reporting bad entries', () => {
    const { entries, problems } = parseSchedule([
      { product: 'b', at: 30 },
      { product: 'a', at: 0 },
      { product: 'c', at: '2026-11-20T18:00:10Z' },
      { product: 'd', at: 'soon' },
      { product: '', at: 3 },
      { product: 'e', at: -1 },
      null,
    ]);
    expect(entries.map((e) => e.product)).to.deep.equal(['a', 'b', 'c']);
    expect(problems.map((p) => p.index)).to.deep.equal([3, 4, 5, 6]);
    expect(parseSchedule({ not: 'an array' }).problems[0].reason).to.match(/not a JSON array/);
  });

  const entries = parseSchedule([
    { product: 'a', at: 0 },
    { product: 'b', at: 30 },
    { product: 'c', at: '2026-11-20T18:00:10Z' },
  ]).entries;
  const cases: [number, string | null, string | null][] = [
    [0, null, 'a'],
    [29.9, null, 'a'],
    [30, null, 'b'],
    [31, '2026-11-20T18:00:09Z', 'b'],
    [31, '2026-11-20T18:00:11Z', 'c'],
  ];
  for (const [time, date, expected] of cases) {
    it(`at ${time}s${date ? ` (${date})` : ''} features ${expected}`, () => {
      expect(scheduledProduct(entries, time, date ? new Date(date) : null)).to.equal(expected);
    });
  }

  it('features products in step with playback and reports a bad schedule', async () => {
    const show = showWith(item('ember-mug'), item('fjord-beanie'));
    const errors: CustomEvent[] = [];
    const el = await fixture<PipPlayer>(
      html`<pip-player
        show=${show}
        src=${MP4}
        schedule="/test/fixtures/schedule.json"
        muted
        autoplay
        @livecart-error=${(e: CustomEvent) => errors.push(e)}
      ></pip-player>`,
    );
    await until(() => getShow(show).$featured.get()?.id === 'ember-mug', 'the first scheduled product');
    expect(errors[0].detail).to.include({ show, code: 'schedule' });
    expect(errors[0].detail.problems.map((p: { index: number }) => p.index)).to.deep.equal([2, 3]);
    // Seeking in a replay shows the product featured at that moment.
    el.video.currentTime = 5;
    await until(() => getShow(show).$featured.get()?.id === 'fjord-beanie', 'the product at 5 s');
    el.video.currentTime = 1;
    await until(() => getShow(show).$featured.get()?.id === 'ember-mug', 'the product at 1 s again');
  });
});

/** What the show page saves as it goes (`saveForNextPage`): the replay `time` s in, of show `show`. */
function saveReplayForNextPage(time: number, show: string): void {
  const page = (path: string) => new URL(path, location.href).href;
  const saved = { src: page('/channel/replay.m3u8'), time, live: false, muted: true, show, returnUrl: page('/test/fixtures/show-page.html'), savedAt: Date.now() };
  sessionStorage.setItem('livecart:resume', JSON.stringify(saved));
}

describe('keeping the show running across the page', () => {
  it('survives a move within the page (a route change) without rebuilding the stream', async () => {
    const el = await fixture<PipPlayer>(html`<pip-player src=${LIVE} muted autoplay></pip-player>`);
    await until(() => el.state === 'playing', 'playing');
    const [hls] = liveHlsInstances;
    const elsewhere = document.createElement('section');
    el.parentElement!.after(elsewhere);
    elsewhere.append(el);
    await new Promise((r) => setTimeout(r, 100));
    expect(liveHlsInstances.size).to.equal(1);
    expect(liveHlsInstances.has(hls)).to.equal(true);
    await until(() => el.state === 'playing' && !el.video.paused, 'still playing after the move');
    elsewhere.remove();
    await null;
    expect(liveHlsInstances.size).to.equal(0);
  });

  it('tells the Media Session what is playing, with the product on screen as artwork', async () => {
    // A same-origin image: WebKitGTK fetches the artwork, and one from an unreachable host
    // (no network here) leaves the next page's video failing with MEDIA_ERR_SRC_NOT_SUPPORTED.
    const artwork = new URL('/demo/public/images/ember-mug.svg', location.href).href;
    const show = showWith(item('ember-mug', { title: 'Ember Enamel Mug', image_link: artwork }));
    getShow(show).feature('ember-mug');
    const wrapper = await fixture(html`<div title="Winter Trail Live"><pip-player show=${show} src=${MP4} muted autoplay></pip-player></div>`);
    const el = wrapper.querySelector('pip-player')!;
    await until(() => navigator.mediaSession.metadata, 'media session metadata');
    const { metadata } = navigator.mediaSession;
    expect(metadata!.title).to.equal('Winter Trail Live');
    expect(metadata!.artist).to.equal('Ember Enamel Mug');
    expect(metadata!.artwork[0].src).to.equal(artwork);
    el.remove();
    await null;
    expect(navigator.mediaSession.metadata).to.equal(null);
  });

  it('with link-target="_self", resumes the show on the next page as a floating mini player', async () => {
    sessionStorage.clear();
    const { frame, buy } = await playingShowPage({ width: 900, height: 600 });
    try {
      const doc = () => frame.contentDocument!;
      const left = nextEvent(frame, 'load');
      buy.click();
      await left;
      expect(frame.contentWindow!.location.pathname).to.equal('/test/fixtures/product-page.html');
      const resumed = () => doc().querySelector('pip-player');
      await until(() => resumed()?.getAttribute('state') === 'playing', 'the show to resume on the product page');
      const mini = resumed()!;
      expect(mini.getAttribute('pip-mode')).to.equal('floating');
      expect(mini.hasAttribute('muted')).to.equal(true);
      expect(mini.getAttribute('src')).to.match(/\/channel\/replay\.m3u8$/);
      const back = mini.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="float-back"]')!;
      expect(new URL(back.href).pathname).to.equal('/test/fixtures/show-page.html');
      // The mini player floats over the page without taking room in it.
      expect(mini.getBoundingClientRect().height).to.equal(0);
      const frameBox = mini.shadowRoot!.querySelector('[part~="frame"]')!.getBoundingClientRect();
      expect(frameBox.width).to.be.above(200);
    } finally {
      frame.remove();
    }
  });

  it('on a page that plays a show of its own under the same id, resumes in a show of its own', async () => {
    saveReplayForNextPage(2, 'default');
    // The page's own <live-stream> (show "default") plays another stream.
    const frame = await loadFrame(`/test/fixtures/back-to-show.html?src=${encodeURIComponent(MP4)}`, { width: 900, height: 600 });
    try {
      const doc = frame.contentDocument!;
      const mini = () => doc.querySelector<PipPlayer>('body > pip-player');
      const own = () => doc.querySelector('live-stream')?.shadowRoot?.querySelector<PipPlayer>('pip-player');
      await until(() => mini()?.state === 'playing' && own()?.state === 'playing', 'both players playing');
      expect(mini()!.show).to.equal('default-resumed');
      expect(own()!.pipMode).to.equal('inline');
      expect(mini()!.pipMode).to.equal('floating');
    } finally {
      frame.remove();
    }
  });

  it('resumes a replay on the next page at its saved time, loading from there, not from the start', async () => {
    saveReplayForNextPage(13, 'replay'); // 13 s into the 24 s replay
    const frame = await loadFrame('/test/fixtures/product-page.html', { width: 900, height: 600 });
    try {
      const mini = () => frame.contentDocument!.querySelector('pip-player');
      await until(() => mini()?.getAttribute('state') === 'playing', 'the replay to resume on the product page');
      const { currentTime } = mini()!.video;
      expect(currentTime).to.be.at.least(13);
      expect(currentTime).to.be.below(16);
      // hls.js started at 13 s: its first segment is 06.ts (12–14 s), and none before it was fetched.
      const segments = frame.contentWindow!.performance.getEntriesByType('resource').map((e) => e.name.match(/\/(\d\d)\.ts$/)?.[1]).filter(Boolean);
      expect(segments[0]).to.equal('06');
      expect(segments.every((n) => Number(n) >= 6)).to.equal(true);
    } finally {
      frame.remove();
    }
  });
});
