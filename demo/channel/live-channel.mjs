// The simulated live channel: a sliding-window HLS live playlist over the committed
// fixture segments (demo/channel/make-fixtures.sh), looping forever, with program date-times
// and one EXT-X-DATERANGE per product slot carrying X-PRODUCT-ID. The picture says which
// product is on screen; these tags say the same thing, so the banner can follow the video.
//
// Served by the demo (vite.config.ts) and by the tests (web-test-runner.config.mjs) under
// /channel/:
//   /channel/live.m3u8            multivariant playlist of the live channel
//   /channel/live/<rendition>.m3u8 its media playlists (sliding window)
//   /channel/replay.m3u8          the same show as a VOD (a shoppable replay); ?loops=<n> on its
//                                 media playlists repeats it (the static demo's hour-long show)
//   /channel/captioned.m3u8       the live channel declaring closed captions (CEA-608), which
//                                 takes hls.js's full build
//   /channel/studio.m3u8          the live channel without product tags: a studio feed whose
//                                 products come from the producer (<show-console>, the demo hub)
//   /channel/media/...            segments, show.mp4, id3/vod.m3u8 (the show with ID3 cues) and
//                                 providers/vod.m3u8 (12 s tagged as AWS IVS and MediaLive tag it)
//
// The live channel's life, for the show's before and after (both optional, also on its
// media playlists; the multivariant playlist passes them on):
//   ?starts-at=<ISO time>  before it, the channel is not up yet (404); from it, it is live
//   ?end-after=<seconds>   the show ends that long after it went live (at starts-at, else
//                          when the server started): its playlist then ends with #EXT-X-ENDLIST
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const MEDIA_DIR = fileURLToPath(new URL('./media/', import.meta.url));
export const SEGMENT_SECONDS = 2;
export const LOOP_SEGMENTS = 12;
const WINDOW_SEGMENTS = 6;
/** In loop order; each is on screen for SLOT_SECONDS. Must match demo/channel/make-fixtures.sh. */
export const SHOW_PRODUCTS = ['aurora-jacket', 'ember-mug', 'drift-backpack', 'glow-lantern'];
export const SLOT_SECONDS = 6;
const SEGMENTS_PER_SLOT = SLOT_SECONDS / SEGMENT_SECONDS;
const RENDITIONS = [
  { name: '180p', bandwidth: 200_000, resolution: '320x180', codecs: 'avc1.42c00d,mp4a.40.2' },
  { name: '360p', bandwidth: 520_000, resolution: '640x360', codecs: 'avc1.4d401e,mp4a.40.2' },
];
/** Replays are dated from a fixed moment so their tags never change. */
const REPLAY_EPOCH = Date.parse('2026-11-20T18:00:00.000Z');

export function multivariantPlaylist(kind, { captions = false, query = '' } = {}) {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS'];
  if (captions) lines.push('#EXT-X-MEDIA:TYPE=CLOSED-CAPTIONS,GROUP-ID="cc",NAME="English",LANGUAGE="en",INSTREAM-ID="CC1"');
  for (const r of RENDITIONS) {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${r.bandwidth},RESOLUTION=${r.resolution},CODECS="${r.codecs}",FRAME-RATE=30` +
        (captions ? ',CLOSED-CAPTIONS="cc"' : ''),
      `${kind}/${r.name}.m3u8${query}`,
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * The media playlist of one rendition. `first` is the media sequence number of the first
 * listed segment, `count` how many follow, `epoch` the wall-clock time of segment 0.
 */
export function mediaPlaylist({ rendition, first, count, epoch, ended, endlist = ended, tags = true }) {
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${SEGMENT_SECONDS}`,
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
    // Each loop of the fixture restarts its timestamps, hence one discontinuity per loop.
    `#EXT-X-DISCONTINUITY-SEQUENCE:${Math.floor(first / LOOP_SEGMENTS)}`,
  ];
  if (ended) lines.push('#EXT-X-PLAYLIST-TYPE:VOD');
  const date = (n) => new Date(epoch + n * SEGMENT_SECONDS * 1000).toISOString();
  for (let n = first; n < first + count; n++) {
    if (n !== first && n % LOOP_SEGMENTS === 0) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${date(n)}`);
    // A slot's tag goes with its first segment, or with the first listed one when the
    // slot began before the window did, so the product on screen is always known.
    if (tags && (n % SEGMENTS_PER_SLOT === 0 || n === first)) {
      const slotStart = n - (n % SEGMENTS_PER_SLOT);
      const product = SHOW_PRODUCTS[Math.floor((slotStart % LOOP_SEGMENTS) / SEGMENTS_PER_SLOT)];
      lines.push(
        `#EXT-X-DATERANGE:ID="slot-${slotStart}",CLASS="com.livecart.product",` +
          `START-DATE="${date(slotStart)}",DURATION=${SLOT_SECONDS.toFixed(3)},X-PRODUCT-ID="${product}"`,
      );
    }
    lines.push(`#EXTINF:${SEGMENT_SECONDS.toFixed(3)},`, `../media/${rendition}/${String(n % LOOP_SEGMENTS).padStart(2, '0')}.ts`);
  }
  if (endlist) lines.push('#EXT-X-ENDLIST');
  return lines.join('\n') + '\n';
}

/**
 * The live window at `now` for a channel that went live at `epoch`; with `end` (a time),
 * the last window, closed by EXT-X-ENDLIST, once `now` is past it.
 */
export function livePlaylist(rendition, now, epoch, { end = Infinity, tags = true } = {}) {
  const over = now >= end;
  const first = Math.max(0, Math.floor((Math.min(now, end) - epoch) / 1000 / SEGMENT_SECONDS));
  return mediaPlaylist({
    rendition,
    first,
    count: WINDOW_SEGMENTS,
    epoch: epoch - WINDOW_SEGMENTS * SEGMENT_SECONDS * 1000,
    // A live playlist that ends keeps its type: only the end tag is added (RFC 8216 6.2.1).
    endlist: over,
    tags,
  });
}

/** `?loops=<n>` on a replay's media playlist: the show that many times over (at most 1,000), one discontinuity a loop. */
const replayLoops = (path) => Math.min(1000, Math.max(1, Math.floor(Number(new URLSearchParams(path.split('?')[1] ?? '').get('loops'))) || 1));

/** The channel's life from the request's query: when it goes live and when it ends. */
function lifeOf(path, serverEpoch) {
  const query = new URLSearchParams(path.split('?')[1] ?? '');
  const startsAt = Date.parse(query.get('starts-at') ?? '');
  const endAfter = Number(query.get('end-after'));
  const epoch = Number.isNaN(startsAt) ? serverEpoch : startsAt;
  const life = new URLSearchParams();
  for (const key of ['starts-at', 'end-after']) if (query.has(key)) life.set(key, query.get(key));
  return {
    epoch,
    startsAt: Number.isNaN(startsAt) ? -Infinity : startsAt,
    end: endAfter > 0 ? epoch + endAfter * 1000 : Infinity,
    query: life.size ? `?${life}` : '',
  };
}

const TYPES = { m3u8: 'application/vnd.apple.mpegurl', ts: 'video/mp2t', mp4: 'video/mp4', m4s: 'video/iso.segment' };

/**
 * Answers a request path under /channel/, or returns null when the path is not ours.
 * `epoch` is when this channel went live (the server's start).
 */
export async function channelResponse(path, { epoch, now = Date.now() } = {}) {
  // Also under a prefix (/dist-demo/channel/...): the static demo build's copy, whose
  // MPEG-TS segments a test server would otherwise take for TypeScript.
  const m = /^((?:\/[\w-]+)*)\/channel\/(.+)$/.exec(path.split('?')[0]);
  // The static build's playlists are its own (its show loops for 48 minutes): served as files.
  if (!m || (m[1] && m[2].endsWith('.m3u8'))) return null;
  const rest = m[2];
  const text = (body) => ({ status: 200, type: TYPES.m3u8, body, cache: 'no-cache' });
  const life = lifeOf(path, epoch);
  if (/^live(?:\.m3u8|\/)/.test(rest) && now < life.startsAt) {
    return { status: 404, type: 'text/plain', body: 'the show has not started', cache: 'no-cache' };
  }
  if (rest === 'live.m3u8') return text(multivariantPlaylist('live', { query: life.query }));
  if (rest === 'replay.m3u8') return text(multivariantPlaylist('replay'));
  if (rest === 'captioned.m3u8') return text(multivariantPlaylist('live', { captions: true }));
  if (rest === 'studio.m3u8') return text(multivariantPlaylist('studio'));
  const playlist = /^(live|replay|studio)\/(\w+)\.m3u8$/.exec(rest);
  if (playlist && RENDITIONS.some((r) => r.name === playlist[2])) {
    const [, kind, rendition] = playlist;
    return text(
      kind !== 'replay'
        ? livePlaylist(rendition, now, life.epoch, { end: life.end, tags: kind === 'live' })
        : mediaPlaylist({ rendition, first: 0, count: LOOP_SEGMENTS * replayLoops(path), epoch: REPLAY_EPOCH, ended: true }),
    );
  }
  const file = /^media\/((?:\w+\/)?[\w.]+\.(ts|mp4|m4s|m3u8))$/.exec(rest);
  if (file) {
    try {
      const body = await readFile(MEDIA_DIR + file[1]);
      return { status: 200, type: TYPES[file[2]], body, cache: 'max-age=3600' };
    } catch {
      /* fall through to 404 */
    }
  }
  return { status: 404, type: 'text/plain', body: 'not found', cache: 'no-cache' };
}

/** Connect-style middleware (vite). */
export function channelMiddleware(epoch = Date.now()) {
  return async (req, res, next) => {
    const answer = await channelResponse(req.url ?? '', { epoch });
    if (!answer) return next();
    res.statusCode = answer.status;
    res.setHeader('Content-Type', answer.type);
    res.setHeader('Cache-Control', answer.cache);
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.end(answer.body);
  };
}

/** Koa-style middleware (@web/test-runner). */
export function channelKoaMiddleware(epoch = Date.now()) {
  return async (ctx, next) => {
    const answer = await channelResponse(ctx.url, { epoch });
    if (!answer) return next();
    ctx.status = answer.status;
    ctx.type = answer.type;
    ctx.set('Cache-Control', answer.cache);
    // The test runner marks every path with an extension as cacheable for a year once we
    // return; a live playlist that the browser caches never moves. Keep ours.
    const set = ctx.response.set.bind(ctx.response);
    ctx.response.set = (field, value) => (/^cache-control$/i.test(field) ? undefined : set(field, value));
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.body = answer.body;
  };
}
