import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/pip-player.js';
import '../../src/define/live-stream.js';
import type { PipPlayer } from '../../src/elements/pip-player/pip-player.js';
import { validateItems } from '../../src/core/feed.js';
import { productOfTxxx, readCue, streamProductAt } from '../../src/media/product-cues.js';
import { DateRangeProducts, decideProduct, rangeAt } from '../../src/media/product-on-screen.js';
import { FEED, freshShow, getShow, item, MP4, showWith, until } from '../helpers.js';

/** The AWS-shaped ID3 fixture (demo/channel/add-id3.mjs providers): 12 s, aurora-jacket then ember-mug. */
const PROVIDERS = '/channel/media/providers/vod.m3u8';
const known = (id: string) => ['aurora-jacket', 'ember-mug'].includes(id);

/**
 * A metadata cue of exactly the shape a browser makes: WebKit's own DataCue where it
 * exists (Safari), else what hls.js makes elsewhere (a VTTCue carrying `value` and `type`).
 */
function dataCue(start: number, end: number, value: object, type: string): TextTrackCue {
  const DataCue = (globalThis as { DataCue?: new (s: number, e: number, v: unknown, t: string) => TextTrackCue }).DataCue;
  if (DataCue) return new DataCue(start, end, value, type);
  return Object.assign(new VTTCue(start, end, ''), { value, type });
}

describe('product date ranges read from the playlist', () => {
  const tag = (id: string, product: string, start: number, extra = '') =>
    `#EXT-X-DATERANGE:ID="${id}",START-DATE="${new Date(start * 1000).toISOString()}"${extra},X-PRODUCT-ID="${product}"`;
  const at = (ranges: DateRangeProducts, tags: string[], seconds: number) => rangeAt(ranges.update(tags), new Date(seconds * 1000), seconds)?.id;

  it('an ended range inside a longer one gives the longer one back, not nothing', () => {
    // As a long live show's playlist has it: past one-second tags dated inside the slot still playing.
    const tags = [tag('slot', 'ember-mug', 100, ',DURATION=6.000'), tag('past-2', 'old', 102, ',DURATION=1.000'), tag('past-1', 'old', 103, ',DURATION=1.000')];
    const ranges = new DateRangeProducts();
    expect(at(ranges, tags, 101)).to.equal('ember-mug');
    expect(at(ranges, tags, 103.5)).to.equal('old');
    expect(at(ranges, tags, 104.5)).to.equal('ember-mug');
    expect(at(ranges, tags, 106.5)).to.equal(null);
    expect(at(ranges, tags, 99)).to.equal(undefined);
  });

  it('a range without an end lasts until the next one starts, and does not come back after it', () => {
    const tags = [tag('a', 'aurora-jacket', 100), tag('b', 'ember-mug', 110, ',DURATION=2.000')];
    const ranges = new DateRangeProducts();
    expect(at(ranges, tags, 109)).to.equal('aurora-jacket');
    expect(at(ranges, tags, 111)).to.equal('ember-mug');
    expect(at(ranges, tags, 113)).to.equal(null);
  });
});

describe('product cues: what counts as a product', () => {
  const txxx: [string, unknown, string, string | null | undefined][] = [
    ['livecart-product', 'livecart-product', ' aurora-jacket ', 'aurora-jacket'],
    ['IVS JSON', '', '{"product":"sku-1"}', 'sku-1'],
    ['IVS JSON with other fields', undefined, '{"product":"sku-1","at":"2026-12-01T18:00:00Z"}', 'sku-1'],
    ['IVS JSON clearing', '', '{"product":null}', null],
    ['a poll (other JSON)', '', '{"question":"Who wins?","options":["A","B"]}', undefined],
    ['JSON with a non-string product', '', '{"product":42}', undefined],
    ['broken JSON', '', '{"product":', undefined],
    ['a JSON array', '', '[{"product":"sku-1"}]', undefined],
    ['MediaLive plain id of the catalog', '', 'ember-mug', 'ember-mug'],
    ['plain id with whitespace', 'whatever the description', '  ember-mug\n', 'ember-mug'],
    ['chapter text', '', 'Chapter 2: the Ember mug', undefined],
    ['a plain id not in the catalog', '', 'sku-404', undefined],
    ['an empty value', '', '', undefined],
    ['a payload over 4 KB', '', JSON.stringify({ product: 'sku-1', pad: 'x'.repeat(5000) }), undefined],
    ['an id over 256 characters', '', JSON.stringify({ product: 'x'.repeat(300) }), undefined],
  ];
  for (const [name, info, data, expected] of txxx) {
    it(`TXXX: ${name}`, () => expect(productOfTxxx(info, data, known)).to.equal(expected));
  }

  // As hls.js makes them, and as WebKit's SerializedPlatformDataCueValue makes them.
  const cues: [string, object, string, { product: string | null; moment: boolean } | undefined][] = [
    ['hls.js DATERANGE', { key: 'X-PRODUCT-ID', data: 'sku-1' }, 'com.apple.quicktime.HLS', { product: 'sku-1', moment: false }],
    ['Safari DATERANGE, unquoted number', { key: 'X-PRODUCT-ID', data: 1234 }, 'com.apple.quicktime.HLS', { product: '1234', moment: false }],
    ['Safari DATERANGE, another attribute', { key: 'X-START-OFFSET', data: '5' }, 'com.apple.quicktime.HLS', undefined],
    ['Safari DATERANGE, SCTE-35 bytes', { key: 'SCTE35-OUT', data: new ArrayBuffer(4) }, 'com.apple.quicktime.HLS', undefined],
    ['hls.js ID3 (emsg)', { key: 'TXXX', info: '', data: '{"product":"sku-1"}' }, 'https://aomedia.org/emsg/ID3', { product: 'sku-1', moment: true }],
    ['Safari ID3, empty description (no info)', { key: 'TXXX', data: '{"product":"sku-1"}' }, 'org.id3', { product: 'sku-1', moment: true }],
    ['Safari ID3, described', { key: 'TXXX', info: 'livecart-product', data: 'sku-2' }, 'org.id3', { product: 'sku-2', moment: true }],
    ['Safari ID3 title', { key: 'TIT2', data: 'Stream Counting' }, 'org.id3', undefined],
    ['Safari ID3 PRIV bytes', { key: 'PRIV', info: 'com.apple.streaming.transportStreamTimestamp', data: new ArrayBuffer(8) }, 'org.id3', undefined],
  ];
  for (const [name, value, type, expected] of cues) {
    it(`cue: ${name}`, () => expect(readCue(dataCue(0, 1, value, type), known)).to.deep.equal(expected));
  }

  const claims: [string, Parameters<typeof decideProduct>[0], string | null][] = [
    ['nothing said', {}, null],
    ['the stream alone', { cues: { id: 'a', since: 3 } }, 'a'],
    ['the later change wins: the schedule', { cues: { id: 'a', since: 3 }, schedule: { id: 'b', since: 5 } }, 'b'],
    ['the later change wins: the stream', { cues: { id: 'a', since: 6 }, schedule: { id: 'b', since: 5 } }, 'a'],
    ['a tie goes to the stream', { cues: { id: 'a', since: 5 }, schedule: { id: 'b', since: 5 } }, 'a'],
    ['a later "none" clears', { dateranges: { id: 'a', since: 1 }, schedule: { id: null, since: 2 } }, null],
  ];
  for (const [name, input, expected] of claims) it(`decides: ${name}`, () => expect(decideProduct(input)).to.equal(expected));

  // A video that never plays has no active cue: each time below is such a moment.
  const still = document.createElement('video');
  const track = still.addTextTrack('metadata');
  const range = (start: number, end: number, id: string) =>
    track.addCue(dataCue(start, end, { key: 'X-PRODUCT-ID', data: id }, 'com.apple.quicktime.HLS'));
  range(0, 6.005, 'a');
  range(6.045, 12, 'b');
  range(14, 20, 'c');
  const at = (time: number) => streamProductAt(still.textTracks, time, (cue) => readCue(cue, known), undefined).product?.id ?? null;
  const boundaries: [string, number, string | null][] = [
    ['inside a range whose cue is not active yet', 3, 'a'],
    ['between back-to-back ranges 40 ms apart: the first holds', 6.02, 'a'],
    ['then the next', 6.05, 'b'],
    ['after a range with a real gap before the next: none', 12.5, null],
    ['after the last range: none', 21, null],
  ];
  for (const [name, time, expected] of boundaries) it(`at a boundary: ${name}`, () => expect(at(time)).to.equal(expected));
});

describe('product cues in the player, shaped as Safari and hls.js make them', () => {
  async function player() {
    const show = showWith(item('sku-1'), item('sku-2'), item('aurora-jacket'));
    const el = await fixture<PipPlayer>(html`<pip-player show=${show} src=${MP4} muted autoplay></pip-player>`);
    await until(() => el.video.currentTime > 0.3, 'playback');
    const track = el.video.addTextTrack('metadata', 'native');
    const featured = () => getShow(show).$featuredId.get();
    /** Adds a cue beginning now, as the browser does when the frame carrying it arrives. */
    const at = (value: object, type: string, seconds = 30) => {
      const start = el.video.currentTime;
      track.addCue(dataCue(start, start + seconds, value, type));
    };
    return { el, show, featured, at };
  }

  it('features a DATERANGE product among the other attributes of its tag, then ID3 products, ignoring what is not ours', async () => {
    const { featured, at } = await player();
    // Safari makes one cue per attribute of the tag.
    at({ key: 'X-COM-EXAMPLE-AD', data: 'banner' }, 'com.apple.quicktime.HLS');
    at({ key: 'SCTE35-OUT', data: new ArrayBuffer(4) }, 'com.apple.quicktime.HLS');
    at({ key: 'X-PRODUCT-ID', data: 'sku-1' }, 'com.apple.quicktime.HLS');
    await until(() => featured() === 'sku-1', 'the DATERANGE product');
    // IVS PutMetadata through Safari's ID3 cues (no info: the description is empty).
    at({ key: 'TXXX', data: '{"product":"sku-2"}' }, 'org.id3', 0.3);
    await until(() => featured() === 'sku-2', 'the ID3 JSON product');
    // Not ours: a poll, chapter text, an id the catalog does not know. The ID3 product
    // holds, though its cue has ended: it is a moment, not a range.
    at({ key: 'TXXX', data: '{"question":"Which colour?"}' }, 'org.id3', 0.3);
    at({ key: 'TXXX', data: 'Chapter 2' }, 'org.id3', 0.3);
    at({ key: 'TXXX', info: 'comment', data: 'sku-404' }, 'org.id3', 0.3);
    const end = performance.now() + 1000;
    await until(() => performance.now() > end, 'a second');
    expect(featured()).to.equal('sku-2');
    // A plain id the catalog knows (MediaLive's plain-text tag), then IVS clearing it.
    at({ key: 'TXXX', data: 'aurora-jacket' }, 'org.id3', 0.3);
    await until(() => featured() === 'aurora-jacket', 'the plain id');
    at({ key: 'TXXX', data: '{"product":null}' }, 'org.id3', 0.3);
    await until(() => featured() === null, 'no product');
  });

  it('an ID3 product holds when its cue leaves the back buffer, and not before it after a seek back', async () => {
    const { el, featured } = await player();
    const track = Array.from(el.video.textTracks).find((t) => t.label === 'native')!;
    const start = el.video.currentTime;
    const cue = dataCue(start, start + 0.3, { key: 'TXXX', data: '{"product":"sku-1"}' }, 'org.id3');
    track.addCue(cue);
    await until(() => featured() === 'sku-1', 'the ID3 product');
    // hls.js removes cues behind its back buffer: the product the host featured stays.
    track.removeCue(cue);
    el.video.currentTime = start + 2;
    await until(() => el.video.currentTime > start + 2 && !el.video.seeking, 'the seek ahead');
    const end = performance.now() + 600;
    await until(() => performance.now() > end, 'a moment');
    expect(featured()).to.equal('sku-1');
    el.video.currentTime = Math.max(0, start - 0.2);
    await until(() => featured() === null, 'nothing before the frame');
  });

  it('lets show.feature() override until a source says something new', async () => {
    const { show, featured, at } = await player();
    at({ key: 'X-PRODUCT-ID', data: 'sku-1' }, 'com.apple.quicktime.HLS');
    await until(() => featured() === 'sku-1', 'the DATERANGE product');
    getShow(show).feature('aurora-jacket');
    const end = performance.now() + 1000;
    await until(() => performance.now() > end, 'a second of timeupdates');
    expect(featured()).to.equal('aurora-jacket');
    at({ key: 'TXXX', data: '{"product":"sku-2"}' }, 'org.id3');
    await until(() => featured() === 'sku-2', 'the next cue');
  });

  it('lets go of the catalog and the cues when the player leaves the page', async () => {
    const { el, show, featured, at } = await player();
    const catalog = getShow(show).$products as unknown as { lc: number };
    await until(() => catalog.lc > 0, 'the decision watching the catalog');
    const watching = catalog.lc;
    el.remove();
    await until(() => catalog.lc === watching - 1, 'the catalog let go');
    at({ key: 'X-PRODUCT-ID', data: 'sku-2' }, 'com.apple.quicktime.HLS');
    const end = performance.now() + 600;
    await until(() => performance.now() > end, 'a moment');
    expect(featured()).to.equal(null);
  });

  it('a plain id that arrives before the catalog counts once the catalog has it', async () => {
    const show = freshShow();
    const el = await fixture<PipPlayer>(html`<pip-player show=${show} src=${MP4} muted autoplay></pip-player>`);
    await until(() => el.video.currentTime > 0.3, 'playback');
    const track = el.video.addTextTrack('metadata', 'native');
    const start = el.video.currentTime;
    track.addCue(dataCue(start, start + 30, { key: 'TXXX', data: 'sku-late' }, 'org.id3'));
    const end = performance.now() + 600;
    await until(() => performance.now() > end, 'a moment');
    expect(getShow(show).$featuredId.get()).to.equal(null);
    getShow(show).addProducts(validateItems([item('sku-late')]).products);
    await until(() => getShow(show).$featuredId.get() === 'sku-late', 'the plain id once known');
  });
});

describe('product cues from AWS-shaped ID3 (IVS PutMetadata, MediaLive segment tags)', () => {
  it('follows JSON and plain-id frames through hls.js and ignores the poll and the chapter text', async () => {
    const show = freshShow();
    const seen: (string | null)[] = [];
    getShow(show).$featuredId.listen((id) => seen.push(id));
    const el = await fixture(html`<live-stream show=${show} products=${FEED} src=${PROVIDERS} autoplay muted></live-stream>`);
    const player = el.shadowRoot!.querySelector<PipPlayer>('[part~="player"]')!;
    await until(() => getShow(show).$featuredId.get() === 'aurora-jacket', 'the IVS JSON product');
    await until(() => player.video.currentTime > 6.5, 'past the poll and the chapter text', 20_000);
    expect(getShow(show).$featuredId.get()).to.equal('aurora-jacket');
    await until(() => getShow(show).$featuredId.get() === 'ember-mug', 'the MediaLive plain id', 20_000);
    await until(() => player.video.currentTime > 11 || player.video.ended, 'the end', 20_000);
    expect(seen).to.deep.equal(['aurora-jacket', 'ember-mug']);
  });
});
