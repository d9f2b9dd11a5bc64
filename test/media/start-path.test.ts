import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/live-stream.js';
import '../../src/define/pip-player.js';
import type { LiveStream } from '../../src/elements/live-stream/live-stream.js';
import type { PipPlayer } from '../../src/elements/pip-player/pip-player.js';
import { startSegment } from '../../src/media/hls-start.js';
import { liveHlsInstances } from '../../src/media/stream.js';
import { afterStart, holdStart, startHold } from '../../src/platform/start-gate.js';
import { FEED, LIVE, freshShow, getShow, until } from '../helpers.js';

// The path to the first frame (issue 21): the first segment fetched beside hls.js, and the
// rest of the page (the catalog first) held until the frame is up.

describe('the start: the first segment', () => {
  const base = 'https://cdn.example/show/low/index.m3u8';
  const playlist = (...lines: string[]) => ({ url: base, text: ['#EXTM3U', '#EXT-X-TARGETDURATION:2', ...lines].join('\n') });
  const segments = (count: number) => Array.from({ length: count }, (_, i) => [`#EXTINF:2.000,`, `s${i}.ts`]).flat();
  const at = (name: string) => new URL(name, base).href;

  it('is the one hls.js starts with: a VOD its first, a live stream three target durations behind the edge', () => {
    expect(startSegment(playlist(...segments(5), '#EXT-X-ENDLIST'))).to.equal(at('s0.ts'));
    // 10 s of live stream: hls.js starts at 4 s, in the third segment.
    expect(startSegment(playlist(...segments(5)))).to.equal(at('s2.ts'));
    expect(startSegment(playlist(...segments(30)))).to.equal(at('s27.ts'));
    // Shorter than three target durations: from the start.
    expect(startSegment(playlist(...segments(2)))).to.equal(at('s0.ts'));
    expect(startSegment(playlist('#EXT-X-KEY:METHOD=NONE', ...segments(5)))).to.equal(at('s2.ts'));
    // 29.97 fps segments of 5.972 s under a 6 s target: the sync position (41.72 s) is in s6,
    // which ends 0.09 s after it.
    const ntsc = ['#EXTM3U', '#EXT-X-TARGETDURATION:6', ...Array.from({ length: 10 }, (_, i) => ['#EXTINF:5.972,', `s${i}.ts`]).flat()];
    expect(startSegment({ url: base, text: ntsc.join('\n') })).to.equal(at('s6.ts'));
  });

  it('is not guessed where the choice or the segment needs more than durations and bytes', () => {
    for (const tag of [
      '#EXT-X-MAP:URI="init.mp4"',
      '#EXT-X-KEY:METHOD=AES-128,URI="key"',
      '#EXT-X-BYTERANGE:1000@0',
      '#EXT-X-SERVER-CONTROL:HOLD-BACK=12',
      '#EXT-X-START:TIME-OFFSET=-20',
      '#EXT-X-PART:DURATION=0.5,URI="p.ts"',
    ]) {
      expect(startSegment(playlist(tag, ...segments(5))), tag).to.equal(undefined);
    }
    expect(startSegment(playlist())).to.equal(undefined);
  });

  it('is fetched while hls.js loads, and hls.js plays it: no segment is asked for twice', async () => {
    const since = performance.now();
    const el = await fixture<PipPlayer>(html`<pip-player src=${LIVE} autoplay muted></pip-player>`);
    await until(() => el.state === 'playing', 'playback');
    const requests = performance
      .getEntriesByType('resource')
      .filter((r) => r.startTime >= since && /\/channel\/media\/.+\.ts$/.test(r.name))
      .sort((a, b) => a.startTime - b.startTime)
      .map((r) => r.name);
    expect(requests.length, 'segments fetched').to.be.greaterThan(0);
    expect(new Set(requests).size, requests.join(' ')).to.equal(requests.length);
    // The first one fetched (the prefetch) is the first hls.js loaded.
    const hls = [...liveHlsInstances].at(-1)!;
    const loaded = hls.levels.flatMap((level) => level.details?.fragments ?? []).filter((f) => f.stats.loading.end > 0);
    const first = loaded.sort((a, b) => a.stats.loading.start - b.stats.loading.start)[0];
    expect(first.url).to.equal(requests[0]);
  });
});

describe('the start: the rest of the page waits for the first frame', () => {
  const saved = { ...startHold };
  afterEach(() => Object.assign(startHold, saved));

  it('waits for nothing where no show is starting (a task)', async () => {
    let done = false;
    void afterStart().then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve));
    await Promise.resolve();
    expect(done).to.equal(true);
  });

  it('reads the catalog once the first frame is there', async () => {
    // Only the frame may let it go here, not the time limit.
    startHold.ms = 60_000;
    const show = freshShow();
    const readiness: number[] = [];
    getShow(show).$products.listen(() => readiness.push(video().readyState));
    const el = await fixture<LiveStream>(html`<live-stream show=${show} src=${LIVE} products=${FEED} autoplay muted></live-stream>`);
    const video = () => el.shadowRoot!.querySelector<PipPlayer>('pip-player')!.video;
    await until(() => getShow(show).$products.get().length, 'the catalog');
    expect(readiness[0], 'the video when the catalog came').to.be.at.least(HTMLMediaElement.HAVE_CURRENT_DATA);
  });

  it('lets go when the show cannot play: the catalog of a dead stream still shows', async () => {
    startHold.ms = 60_000;
    const show = freshShow();
    const el = await fixture<LiveStream>(html`<live-stream show=${show} src="/channel/no-such-show.m3u8" products=${FEED} autoplay muted></live-stream>`);
    await until(() => getShow(show).$products.get().length, 'the catalog');
    expect(el.shadowRoot!.querySelector<PipPlayer>('pip-player')!.state).to.equal('error');
  });

  it('lets go after startHold.ms when no frame comes', async () => {
    startHold.ms = 200;
    holdStart();
    let done = false;
    void afterStart().then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done, 'held').to.equal(false);
    await until(() => done, 'the hold to run out');
  });
});
