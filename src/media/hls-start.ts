// What hls.js starts from: which variant and which segment it asks for first, fetched while
// hls.js itself loads (stream.ts starts the chain as the script evaluates), and hls.js
// started on those copies. Fetched beside hls.js with hls-playback.ts, so a page playing
// MP4 never loads either.
import { deadline } from '../platform/deadline.js';
import { HlsPlayback } from './hls-playback.js';
import { prefetchLimits, type HlsBuild, type HlsClass, type Playlist, type StartFetches, type StreamCallbacks } from './stream.js';

/**
 * The media playlist hls.js asks for first with `startLevel: 0`: the variant with the
 * lowest bandwidth (hls.js sorts its levels by bitrate). Undefined for a media playlist.
 */
export function lowestVariant(multivariant: Playlist): string | undefined {
  // One pass, linear in the playlist's lines: a 24-hour DVR media playlist has 100,000 of
  // them and is read on the way to the first frame, so nothing here may look ahead per line.
  if (!multivariant.text.includes('#EXT-X-STREAM-INF')) return undefined;
  let best: { bandwidth: number; uri: string } | undefined;
  let pending: number | undefined;
  for (const raw of multivariant.text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('#')) {
      const bandwidth = /^#EXT-X-STREAM-INF:.*\bBANDWIDTH=(\d+)/.exec(line)?.[1];
      if (bandwidth) pending = Number(bandwidth);
      continue;
    }
    if (pending !== undefined && (!best || pending < best.bandwidth)) best = { bandwidth: pending, uri: line };
    pending = undefined;
  }
  return best && new URL(best.uri, multivariant.url).href;
}

/** What was fetched for hls.js before it ran, and when: hls.js's bandwidth estimate reads the times. */
export interface Prefetched {
  /** Where it came from after redirects. */
  url: string;
  data: string | ArrayBuffer;
  /** performance.now() at the request, the first byte and the last. */
  start: number;
  first: number;
  end: number;
}

/** hls.js's default that decides where it starts a live stream: `liveSyncDurationCount`. */
const LIVE_SYNC_TARGETS = 3;

/** Tags after which the first segment is not the durations' to say, or needs more than its own bytes. */
const UNGUESSABLE = ['#EXT-X-MAP', '#EXT-X-BYTERANGE', '#EXT-X-PART', '#EXT-X-PRELOAD-HINT', '#EXT-X-SERVER-CONTROL', '#EXT-X-START', '#EXT-X-GAP'];

/**
 * The segment hls.js loads first from `media` (with `startLevel: 0` and no start position):
 * a VOD's first, or a live stream's at hls.js's live sync position, three target durations
 * behind the edge. Undefined wherever that choice, or the segment, needs more than the
 * durations and the bytes: an init segment, byte ranges, encryption, parts, a server's
 * hold-back or a start offset. It reads the few segments it needs from the playlist's end
 * (or start), never every line: a DVR playlist has hundreds of thousands.
 */
export function startSegment({ url, text }: Playlist): string | undefined {
  const target = Number(/^#EXT-X-TARGETDURATION:(\d+)/m.exec(text)?.[1]);
  if (!(target > 0) || UNGUESSABLE.some((tag) => text.includes(tag))) return undefined;
  if (text.includes('#EXT-X-KEY:') && /^#EXT-X-KEY:(?!.*METHOD=NONE)/m.test(text)) return undefined;
  let at = text.indexOf('#EXTINF:');
  if (at === -1) return undefined;
  if (!text.includes('#EXT-X-ENDLIST')) {
    // Back from the edge while the segment still ends past the sync position: the earliest
    // such segment is the one holding it, where hls.js starts (its first pick looks up with
    // no tolerance, getFragmentAtPosition before startFragRequested).
    let behind = 0;
    for (let before = text.lastIndexOf('#EXTINF:'); before !== -1; before = text.lastIndexOf('#EXTINF:', before - 1)) {
      const duration = parseFloat(text.slice(before + 8, before + 40));
      if (!(behind < LIVE_SYNC_TARGETS * target)) break;
      at = before;
      behind += duration;
      if (before === 0) break;
    }
  }
  // The segment's URI: the first line after its #EXTINF that is neither a tag nor empty.
  const uri = /\n[ \t]*([^#\s][^\r\n]*)/.exec(text.slice(at, at + 4096))?.[1].trim();
  return uri ? new URL(uri, url).href : undefined;
}

/** The start segment of `media` (see startSegment), its request out: its URL and its answer (undefined when it failed). */
export function prefetchStartSegment(media: Playlist, signal: AbortSignal): [url: string, answer: Promise<Prefetched | undefined>] | undefined {
  const url = startSegment(media);
  return url ? [url, fetchSegment(url, signal)] : undefined;
}

/** One segment, within `prefetchLimits.timeout` of its request: hls.js waits for it, then asks the network itself. */
async function fetchSegment(url: string, signal: AbortSignal): Promise<Prefetched | undefined> {
  const start = performance.now();
  const limit = deadline(prefetchLimits.timeout, () => new Error('slow'), signal);
  try {
    // Past the HTTP cache, as the playlists (stream.ts): hls.js's own request must never queue behind this one.
    const response = await fetch(url, { signal: limit.signal, cache: 'no-store' });
    const first = performance.now();
    if (!response.ok) return undefined;
    return { url: response.url, data: await response.arrayBuffer(), start, first, end: performance.now() };
  } catch {
    return undefined;
  } finally {
    limit.release();
  }
}

/**
 * Whether a multivariant playlist declares subtitles or closed captions, which only
 * hls.js's full build renders. `CLOSED-CAPTIONS=NONE` declares there are none.
 */
export const declaresCaptions = (multivariant: string): boolean =>
  /^#EXT-X-MEDIA:.*\bTYPE=(?:SUBTITLES|CLOSED-CAPTIONS)\b|\bCLOSED-CAPTIONS=(?!NONE\b)/m.test(multivariant);

/**
 * A ManagedMediaSource opens only on a video with remote playback (AirPlay) disabled,
 * unless an AirPlay-able alternative source is given, which livecart never gives.
 */
const needsRemotePlaybackOff = () => !!(globalThis as { ManagedMediaSource?: unknown }).ManagedMediaSource;

/**
 * Starts hls.js on what `fetches` brought (stream.ts), with the build the stream needs:
 * captions take the full one (rarely: the light one is fetched meanwhile anyway). The
 * playlists count as loaded now, as they would for hls.js's own requests (a live
 * playlist's age starts here). Rejects when hls.js cannot be loaded.
 */
export async function startHls(
  video: HTMLVideoElement,
  src: string,
  { multivariant, lowest, segment }: StartFetches,
  loadHls: (build?: HlsBuild) => Promise<HlsClass>,
  callbacks: StreamCallbacks,
  /** The stream was dropped meanwhile: no hls.js is made (it would take over the video at once). */
  dropped: AbortSignal,
  startAt?: number,
): Promise<HlsPlayback | undefined> {
  const build = multivariant.then((playlist) => loadHls(playlist && declaresCaptions(playlist.text) ? 'full' : 'light'));
  const [main, media, first, HlsClass] = await Promise.all([multivariant, lowest, segment, build]);
  const now = performance.now();
  const answer = ({ url, text }: Playlist) => Promise.resolve({ url, data: text, start: now, first: now, end: now });
  const preloaded = new Map<string, Promise<Prefetched | undefined>>();
  if (main) preloaded.set(src, answer(main));
  if (media) preloaded.set(media[0], answer(media[1]));
  if (first) preloaded.set(...first);
  if (dropped.aborted) return undefined;
  if (needsRemotePlaybackOff()) video.disableRemotePlayback = true;
  return new HlsPlayback(HlsClass, video, src, preloaded, callbacks, startAt);
}
