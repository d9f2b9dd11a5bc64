import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/pip-player.js';
import type { PipPlayer } from '../../src/elements/pip-player/pip-player.js';
import { startSegments } from '../../src/media/hls-playback.js';
import { prefetchLimits } from '../../src/media/stream.js';
import { LIVE, REPLAY, recordErrors, until } from '../helpers.js';

const url = 'https://cdn.example/show/low/index.m3u8';
const at = (path: string) => new URL(path, url).href;
/** A media playlist of 2-second segments s0.ts… after `head` tags; live unless `ended`. */
const playlist = (count: number, { head = [] as string[], ended = false } = {}) =>
  [
    '#EXTM3U',
    '#EXT-X-VERSION:6',
    '#EXT-X-TARGETDURATION:2',
    '#EXT-X-MEDIA-SEQUENCE:40',
    ...head,
    ...Array.from({ length: count }, (_, i) => [`#EXTINF:2.000,`, `s${i}.ts`]).flat(),
    ...(ended ? ['#EXT-X-ENDLIST'] : []),
  ].join('\n');

/** Every request the page made for a path ending in `suffix`, in order. */
const requests = (suffix: string) =>
  performance.getEntriesByType('resource').filter((r): r is PerformanceResourceTiming => new URL(r.name).pathname.endsWith(suffix));

/** The fault server's live channel (test/fault-server.mjs) in a session of its own. */
const faulty = (faults: Record<string, string | number>) => {
  const spec = new URLSearchParams({ id: `first-${Math.random().toString(36).slice(2, 9)}`, ...Object.fromEntries(Object.entries(faults).map(([k, v]) => [k, String(v)])) });
  return `/faults/${encodeURIComponent(spec.toString())}/channel/live.m3u8`;
};

describe('the first segment, fetched before hls.js is ready', () => {
  it('knows which segments hls.js asks for first', () => {
    const table: [string, string, string[]][] = [
      ['a VOD starts at its first segment', playlist(6, { ended: true }), [at('s0.ts')]],
      ['a live stream three target durations behind its edge', playlist(6), [at('s3.ts')]],
      ['a live playlist shorter than that at its first segment', playlist(2), [at('s0.ts')]],
      ['a one-segment live playlist at its only segment', playlist(1), [at('s0.ts')]],
      ['fMP4: the initialization segment first', playlist(6, { head: ['#EXT-X-MAP:URI="init.mp4"'] }), [at('init.mp4'), at('s3.ts')]],
      ['no segments yet', playlist(0), []],
      ['a start offset', playlist(6, { head: ['#EXT-X-START:TIME-OFFSET=-4'] }), []],
      ['encryption', playlist(6, { head: ['#EXT-X-KEY:METHOD=AES-128,URI="k"'] }), []],
      ['byte ranges', playlist(6, { head: ['#EXT-X-BYTERANGE:1000@0'] }), []],
      ['low-latency parts', playlist(6, { head: ['#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=1'] }), []],
      ['a live stream across a discontinuity', playlist(6, { head: ['#EXT-X-DISCONTINUITY-SEQUENCE:3', '#EXT-X-DISCONTINUITY'] }), [at('s3.ts')]],
      ['a second initialization segment', playlist(6, { head: ['#EXT-X-MAP:URI="a.mp4"'] }) + '\n#EXT-X-MAP:URI="b.mp4"\n#EXTINF:2,\nt.ts', []],
      ['a multivariant playlist', '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\na.m3u8\n', []],
    ];
    for (const [what, text, expected] of table) expect(startSegments({ url, text }), what).to.deep.equal(expected);
  });

  for (const [kind, src] of [
    ['live', LIVE],
    ['VOD', REPLAY],
  ] as const) {
    it(`${kind}: hls.js plays the copy and asks for none of its first segments again`, async () => {
      performance.clearResourceTimings();
      const errors = recordErrors();
      const el = await fixture<PipPlayer>(html`<pip-player src=${`${src}?first=${Math.random().toString(36).slice(2)}`} autoplay muted></pip-player>`);
      await until(() => el.state === 'playing' && el.video.currentTime > 0.5, 'playback');
      // The prefetch is a fetch(); hls.js loads segments with XMLHttpRequest.
      const segments = requests('.ts');
      const prefetched = segments.filter((r) => r.initiatorType === 'fetch');
      expect(prefetched, 'one segment fetched before hls.js').to.have.length(1);
      expect(segments.filter((r) => r.name === prefetched[0].name), 'that segment fetched again').to.have.length(1);
      el.remove();
      errors.stop();
      expect(errors.uncaught).to.deep.equal([]);
    });
  }

  it('a first segment that never comes: the prefetch gives up and hls.js fetches it itself', async () => {
    const saved = { ...prefetchLimits };
    Object.assign(prefetchLimits, { timeout: 1_500 });
    try {
      // The session's first segment request (the prefetch) waits 60 s; hls.js's own answers.
      const el = await fixture<PipPlayer>(html`<pip-player src=${faulty({ stall: 1, stallms: 60_000 })} autoplay muted></pip-player>`);
      await until(() => el.state === 'playing', 'playback after the stalled prefetch', 12_000);
      el.remove();
    } finally {
      Object.assign(prefetchLimits, saved);
    }
  }).timeout(15_000);
});
