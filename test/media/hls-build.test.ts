import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/pip-player.js';
import type { PipPlayer } from '../../src/elements/pip-player/pip-player.js';
import { declaresCaptions, lowestVariant } from '../../src/media/hls-start.js';
import { LIVE, until } from '../helpers.js';

// Its own file, so its own page: a build once imported stays in the page's module map.
const fetched = (file: string) =>
  performance.getEntriesByType('resource').some((r) => new URL(r.name).pathname === `/node_modules/hls.js/dist/${file}`);

describe('which hls.js build a stream gets', () => {
  it('reads captions and subtitles from the multivariant playlist', () => {
    const table: [string, boolean][] = [
      ['#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\na.m3u8', false],
      ['#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1,CLOSED-CAPTIONS=NONE\na.m3u8', false],
      ['#EXTM3U\n#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a",NAME="x",URI="a.m3u8"\n', false],
      ['#EXTM3U\n#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="s",NAME="en",URI="s.m3u8"\n', true],
      ['#EXTM3U\n#EXT-X-MEDIA:TYPE=CLOSED-CAPTIONS,GROUP-ID="cc",NAME="en",INSTREAM-ID="CC1"\n', true],
      ['#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1,CLOSED-CAPTIONS="cc"\na.m3u8', true],
    ];
    for (const [playlist, expected] of table) expect(declaresCaptions(playlist), playlist).to.equal(expected);
  });

  it('knows which media playlist hls.js will ask for first (the lowest bandwidth)', () => {
    const url = 'https://cdn.example/show/master.m3u8';
    const text = [
      '#EXTM3U',
      '#EXT-X-STREAM-INF:BANDWIDTH=900000,RESOLUTION=1280x720',
      'hi/index.m3u8',
      '#EXT-X-STREAM-INF:BANDWIDTH=200000,RESOLUTION=320x180',
      '',
      'low/index.m3u8',
      '#EXT-X-STREAM-INF:BANDWIDTH=500000',
      'https://other.example/mid.m3u8',
    ].join('\r\n');
    expect(lowestVariant({ url, text })).to.equal('https://cdn.example/show/low/index.m3u8');
    expect(lowestVariant({ url, text: '#EXTM3U\n#EXTINF:2,\nseg0.ts\n' })).to.equal(undefined);
  });

  it('fetches the manifest once: hls.js starts from the copy fetched while it loaded', async () => {
    const src = `${LIVE}?once=${Math.random().toString(36).slice(2)}`;
    const el = await fixture<PipPlayer>(html`<pip-player src=${src} autoplay muted></pip-player>`);
    await until(() => el.state === 'playing', 'playback');
    const requests = performance.getEntriesByType('resource').filter((r) => r.name.endsWith(src));
    expect(requests).to.have.length(1);
    el.remove();
  });

  it('the light build for a stream without captions, the full one for a stream with them', async () => {
    const plain = await fixture<PipPlayer>(html`<pip-player src=${LIVE} autoplay muted></pip-player>`);
    await until(() => plain.state === 'playing', 'the plain stream to play');
    expect(fetched('hls.light.mjs')).to.equal(true);
    expect(fetched('hls.mjs')).to.equal(false);
    plain.remove();

    const captioned = await fixture<PipPlayer>(html`<pip-player src="/channel/captioned.m3u8" autoplay muted></pip-player>`);
    await until(() => captioned.state === 'playing', 'the captioned stream to play');
    expect(fetched('hls.mjs')).to.equal(true);
  });
});
