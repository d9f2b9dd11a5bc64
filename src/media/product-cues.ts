/**
 * Reads the product on screen from a video's metadata text tracks, so that hls.js and
 * native HLS playback (Safari) behave alike and the product changes when the frame that
 * carries it is shown, not when the playlist arrives. The cue shapes, as hls.js makes them
 * and as WebKit does (`SerializedPlatformDataCueValue`: `value` is `{ key, data }` plus the
 * frame's non-empty extra attributes such as `info`, `type` names the key space):
 * - `#EXT-X-DATERANGE` attribute `X-PRODUCT-ID`: `type` `com.apple.quicktime.HLS`,
 *   `value` `{ key: 'X-PRODUCT-ID', data: 'sku-1' }` (Safari gives an unquoted number as a
 *   number). A range: it holds while its cue is active (END-DATE, DURATION, or the next one).
 * - ID3 `TXXX` frames: `type` `org.id3` (or hls.js's `https://aomedia.org/emsg/ID3` for
 *   emsg boxes), `value` `{ key: 'TXXX', info: '<description>', data: '<value>' }`; Safari
 *   leaves `info` out when the description is empty. A moment: its product holds until the
 *   next product frame, as an AWS IVS `PutMetadata` call means it (hls.js would end the cue
 *   at the next ID3 frame of any kind, a poll included, and drop it from the back buffer).
 */

/** A product id; null when the cue says "no product"; undefined when the cue is not ours. */
export type CueProduct = string | null | undefined;

/** IVS takes up to 1 KB of metadata; anything far larger is not a product cue. */
const MAX_PAYLOAD = 4096;
const MAX_ID = 256;

const asId = (value: unknown): string | undefined => {
  const id = typeof value === 'string' ? value.trim() : '';
  return id && id.length <= MAX_ID ? id : undefined;
};

/**
 * The product a `TXXX` frame names, whatever its description:
 * - described `livecart-product`: the value is the id;
 * - a JSON object with `product` (IVS `PutMetadata('{"product":"sku-1"}')`): that id, or
 *   `"product": null` for none; any other JSON (a poll, a quiz) is not ours;
 * - plain text (MediaLive's ID3 segment tag): only when it is, trimmed, exactly the id of a
 *   product in the show's catalog, so chapter titles and captions never feature anything.
 */
export function productOfTxxx(info: unknown, data: string, isKnown: (id: string) => boolean): CueProduct {
  if (data.length > MAX_PAYLOAD) return undefined;
  if (info === 'livecart-product') return asId(data);
  const text = data.trim();
  if (text.startsWith('{')) {
    try {
      const json = JSON.parse(text) as unknown;
      if (json && typeof json === 'object' && Object.hasOwn(json, 'product')) {
        const { product } = json as { product: unknown };
        return product === null ? null : asId(product);
      }
    } catch {
      /* not JSON after all: not ours */
    }
    return undefined;
  }
  return isKnown(text) ? text : undefined;
}

export interface CueReading {
  product: CueProduct;
  /** ID3: holds until the next product frame. DATERANGE: holds while the cue is active. */
  moment: boolean;
}

/** What one metadata cue says about the product on screen; undefined when nothing. */
export function readCue(cue: TextTrackCue, isKnown: (id: string) => boolean): CueReading | undefined {
  const value = (cue as TextTrackCue & { value?: { key?: unknown; info?: unknown; data?: unknown } }).value;
  if (!value || typeof value !== 'object') return undefined;
  const { key, data } = value;
  if (key === 'X-PRODUCT-ID') {
    const product = asId(typeof data === 'number' && Number.isFinite(data) ? String(data) : data);
    return product ? { product, moment: false } : undefined;
  }
  if (key !== 'TXXX' || typeof data !== 'string') return undefined;
  const product = productOfTxxx(value.info, data, isKnown);
  return product === undefined ? undefined : { product, moment: true };
}

/** Where the stream's product came from: the id (null: none) and the media time it took effect. */
export interface StreamProduct {
  id: string | null;
  since: number;
}

/** Back-to-back ranges whose cues miss each other by less than this do not end in between. */
const ABUT_SECONDS = 0.5;

/**
 * The product the cues of `tracks` put on screen at media time `time`: of the active
 * DATERANGE cues and the ID3 product frames reached so far, the one that began last.
 * `held` is the last ID3 answer, kept when its cue has left the back buffer.
 */
export function streamProductAt(
  tracks: TextTrackList,
  time: number,
  read: (cue: TextTrackCue) => CueReading | undefined,
  held: StreamProduct | undefined,
  ranges = true,
): { product: StreamProduct | undefined; moment: StreamProduct | undefined } {
  let range: StreamProduct | undefined;
  let moment: StreamProduct | undefined;
  /** The range cue begun last at `time`, and the start of the first one after it. */
  let last: TextTrackCue | undefined;
  let next = Infinity;
  for (const track of Array.from(tracks)) {
    if (track.kind !== 'metadata') continue;
    if (ranges && track.activeCues) {
      for (const cue of Array.from(track.activeCues)) {
        const reading = read(cue);
        if (reading && !reading.moment && (!range || cue.startTime >= range.since)) {
          range = { id: reading.product!, since: cue.startTime };
        }
      }
    }
    for (const cue of Array.from(track.cues ?? [])) {
      const reading = read(cue);
      if (!reading) continue;
      if (reading.moment) {
        if (cue.startTime > time || (moment && cue.startTime < moment.since)) continue;
        moment = { id: reading.product!, since: cue.startTime };
      } else if (ranges && cue.startTime > time) next = Math.min(next, cue.startTime);
      else if (ranges && (!last || cue.startTime >= last.startTime)) last = cue;
    }
  }
  // No range cue active yet, or between two that abut: by the cues' times, the one begun
  // last holds until the next begins. Those times come from program date-times, retimed as
  // playlists arrive, so one's end and the next's start miss by tens of milliseconds (40 ms
  // in WebKitGTK), and an engine updates activeCues only at its own pace: WebKitGTK left
  // such a gap with no active cue for 100 ms when idle, past GAP_GRACE_MS when busy.
  if (!range && last && (time < last.endTime || next - last.endTime <= ABUT_SECONDS)) {
    range = { id: read(last)!.product!, since: last.startTime };
  }
  // A frame no longer in the track still holds, unless playback went back before it.
  if (!moment && held && held.since <= time) moment = held;
  const product = range && (!moment || range.since >= moment.since) ? range : moment;
  return { product, moment };
}

/**
 * How long a change must hold before it counts. Cue times computed from program
 * date-times are adjusted as playlists arrive, so around a boundary (and at start-up) the
 * active cue can flip to a neighbour and back within a few tens of milliseconds; the
 * banner, the screen reader and analytics should see one change, not three. "No product"
 * waits longer: back-to-back cues can leave a gap between one's end and the next's start.
 */
export const SETTLE_MS = 120;
const GAP_GRACE_MS = 400;

export interface CueWatch {
  /** Reads the cues again (the catalog changed: a plain id may have become one). */
  recheck(): void;
  stop(): void;
}

/**
 * Calls `onChange` with the stream's product each time it changes. `isKnown` says which
 * plain `TXXX` values are product ids; `ranges()` false ignores DATERANGE cues (the stream
 * then reads its date ranges itself: see `DATERANGE_CUE_LIMIT` in hls-playback.ts).
 */
export function watchProductCues(
  video: HTMLVideoElement,
  onChange: (product: StreamProduct) => void,
  { isKnown = () => false, ranges = () => true }: { isKnown?: (id: string) => boolean; ranges?: () => boolean } = {},
): CueWatch {
  const abort = new AbortController();
  const { signal } = abort;
  let current: string | null = null;
  let held: StreamProduct | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Parsing a cue's JSON once, not at every cuechange (an ID3 frame may come every 10 ms).
  let readings = new WeakMap<TextTrackCue, CueReading | null>();
  const read = (cue: TextTrackCue) => {
    let reading = readings.get(cue);
    if (reading === undefined) readings.set(cue, (reading = readCue(cue, isKnown) ?? null));
    return reading ?? undefined;
  };
  signal.addEventListener('abort', () => clearTimeout(timer));
  const now = () => {
    const { product, moment } = streamProductAt(video.textTracks, video.currentTime, read, held, ranges());
    held = moment;
    return product;
  };
  const settle = () => {
    pending = undefined;
    const product = now();
    const id = product?.id ?? null;
    if (id !== current) onChange({ id: (current = id), since: product?.since ?? video.currentTime });
  };
  // The change waiting to settle: a cuechange that says the same again (an ID3 frame
  // repeated every 10 ms) must not restart its clock, or a product would never settle.
  let pending: string | null | undefined;
  const update = () => {
    const id = now()?.id ?? null;
    if (id === pending) return;
    clearTimeout(timer);
    pending = id === current ? undefined : id;
    if (pending !== undefined) timer = setTimeout(settle, id === null ? GAP_GRACE_MS : SETTLE_MS);
  };
  const watch = (track: TextTrack) => {
    if (track.kind !== 'metadata') return;
    // Cues only fire cuechange on tracks that are not disabled.
    if (track.mode === 'disabled') track.mode = 'hidden';
    track.addEventListener('cuechange', update, { signal });
  };
  Array.from(video.textTracks).forEach(watch);
  video.textTracks.addEventListener('addtrack', (event) => event.track && watch(event.track), { signal });
  video.addEventListener('seeked', update, { signal });
  update();
  return {
    recheck: () => {
      readings = new WeakMap();
      update();
    },
    stop: () => abort.abort(),
  };
}
