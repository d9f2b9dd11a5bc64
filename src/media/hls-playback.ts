// What drives hls.js once it runs: fetched beside hls.js (see Stream.start), so a page
// playing MP4 never loads it and no page waits for it.
import type Hls from 'hls.js/light';
import type { ErrorData, HlsConfig, LoaderCallbacks, LoaderConfiguration, LoaderContext } from 'hls.js/light';
import { diagnostics } from '../core/warn.js';
import { deadline } from '../platform/deadline.js';
import { liveHlsInstances, prefetchLimits, type HlsBuild, type HlsClass, type Playlist, type StartFetches, type StreamCallbacks } from './stream.js';

/**
 * Past this many DATERANGE tags in one playlist, hls.js costs long tasks at every reload
 * (10,000 tags: 550 ms, of which its date-range cues are a fifth and its parsing of the
 * tags the rest), so the stream takes the `X-PRODUCT-ID` tags out of the playlist before
 * hls.js parses it, and product-on-screen.ts reads them.
 */
export const DATERANGE_CUE_LIMIT = 500;

function countDateRanges(text: string): number {
  let count = 0;
  for (let i = text.indexOf('#EXT-X-DATERANGE'); i !== -1; i = text.indexOf('#EXT-X-DATERANGE', i + 16)) count++;
  return count;
}

/** Splits a playlist into its product DATERANGE tags and the rest (other tags stay for hls.js). */
function takeProductTags(text: string): { rest: string; tags: string[] } {
  const tags: string[] = [];
  const rest = text
    .split('\n')
    .filter((line) => !(line.startsWith('#EXT-X-DATERANGE:') && line.includes('X-PRODUCT-ID=') && tags.push(line)))
    .join('\n');
  return { rest, tags };
}

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
 * hls.js's own loader, except that the first request for each URL in `preloaded` is
 * answered with what was fetched while hls.js itself was loading (a promise: the start
 * segment may still be on its way; when it failed, the network answers), and that every
 * text answer (a playlist) passes through `transform` before hls.js reads it.
 */
function preloadingLoader(
  HlsClass: HlsClass,
  preloaded: Map<string, Promise<Prefetched | undefined>>,
  transform: (text: string, config: HlsConfig) => string = (text) => text,
): HlsConfig['loader'] {
  return class extends HlsClass.DefaultConfig.loader {
    private cancelled = false;
    /** hls.js's callbacks while a preloaded answer is awaited: an abort must still reach hls.js. */
    private awaiting?: () => void;
    private readonly hlsConfig: HlsConfig;

    constructor(config: HlsConfig) {
      super(config);
      this.hlsConfig = config;
    }

    override load(context: LoaderContext, config: LoaderConfiguration, loaded: LoaderCallbacks<LoaderContext>): void {
      const callbacks: LoaderCallbacks<LoaderContext> = {
        ...loaded,
        onSuccess: (response, ...rest) => {
          if (typeof response.data === 'string') response.data = transform(response.data, this.hlsConfig);
          loaded.onSuccess(response, ...rest);
        },
      };
      const pending = context.rangeStart || context.rangeEnd ? undefined : preloaded.get(context.url);
      if (!pending) {
        super.load(context, config, callbacks);
        return;
      }
      preloaded.delete(context.url);
      this.awaiting = () => loaded.onAbort?.(this.stats, context, null);
      void this.answer(pending, context, config, callbacks);
    }

    /**
     * In a task of its own even when it is in, as a network answer would come: hls.js is not
     * ready for it inside load(), and its work on each answer (parsing, then transmuxing)
     * stays a task apart from the next, not one long task from its construction on.
     */
    private async answer(
      pending: Promise<Prefetched | undefined>,
      context: LoaderContext,
      config: LoaderConfiguration,
      callbacks: LoaderCallbacks<LoaderContext>,
    ): Promise<void> {
      const answer = await pending;
      await new Promise((resolve) => setTimeout(resolve));
      if (this.cancelled) return;
      this.awaiting = undefined;
      if (!answer) return super.load(context, config, callbacks);
      const { url, data, start, first, end } = answer;
      const stats = this.stats;
      Object.assign(stats.loading, { start, first, end });
      stats.loaded = stats.total = typeof data === 'string' ? data.length : data.byteLength;
      callbacks.onSuccess({ url, data }, stats, context, null);
    }

    override abort(): void {
      this.cancelled = true;
      this.awaiting?.();
      this.awaiting = undefined;
      super.abort();
    }

    override destroy(): void {
      this.cancelled = true;
      super.destroy();
    }
  } as HlsConfig['loader'];
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

const MAX_RECOVERIES = 3;
/**
 * How many target durations a live playlist may stay unchanged before the show counts as
 * over. hls.js keeps reloading such a playlist forever and only stalls; a viewer is better
 * told. Generous, so a slow encoder is not cut off.
 */
const STALE_TARGET_DURATIONS = 6;

/** One hls.js instance playing one source into one video element, recovering as hls.js documents. */
export class HlsPlayback {
  readonly hls: Hls;
  /** The latest playlist's X-PRODUCT-ID DATERANGE tags, once it has too many for hls.js; else null. */
  productTags: readonly string[] | null = null;
  private destroyed = false;
  private recoveries = 0;
  /** The last media sequence number the live playlist listed, and when it first did. */
  private lastSegment = { sn: -1, since: 0 };
  /** The playlist has been live: an EXT-X-ENDLIST then ends the show, not a VOD. */
  private wasLive = false;
  private readonly abort = new AbortController();

  constructor(
    HlsClass: HlsClass,
    private readonly video: HTMLVideoElement,
    private readonly src: string,
    /** The playlists and the first segment fetched while hls.js loaded, by URL: hls.js starts from these. */
    preloaded: Map<string, Promise<Prefetched | undefined>>,
    private readonly callbacks: StreamCallbacks,
    /** Where a replay resumes (seconds); a live stream starts near its live edge. */
    startPosition = -1,
  ) {
    const hls = (this.hls = new HlsClass({
      startPosition,
      // Start on the lowest rendition: the first frame comes sooner; ABR climbs from there.
      startLevel: 0,
      capLevelToPlayerSize: true,
      enableDateRangeMetadataCues: true,
      enableID3MetadataCues: true,
      backBufferLength: 30,
      // A live stream's duration is Infinity, as with native HLS: the video's own controls then
      // show it as live, not as a scrubber over the few seconds the live window holds ("0:06 / 0:12").
      liveDurationInfinity: true,
      // Fetch the first segment while the MediaSource opens, not after: opening it takes
      // tens of milliseconds, on the critical path once the playlists come prefetched.
      startFragPrefetch: true,
      // Transmux on the main thread: handing the first segment to hls.js's worker and back
      // costs about 50 ms before the first frame (measured), and a segment costs the page
      // a few milliseconds of work.
      enableWorker: false,
      fLoader: preloadingLoader(HlsClass, preloaded) as HlsConfig['fLoader'],
      pLoader: preloadingLoader(HlsClass, preloaded, (text, config) => {
        if (!this.productTags) {
          if (countDateRanges(text) <= DATERANGE_CUE_LIMIT) return text;
          // Cues made earlier would say the same as the tags: product-on-screen.ts ignores them now.
          config.enableDateRangeMetadataCues = false;
          console.warn(`livecart: over ${DATERANGE_CUE_LIMIT} EXT-X-DATERANGE tags in ${this.src}; reading X-PRODUCT-ID from the playlist, not cues`);
        }
        const { rest, tags } = takeProductTags(text);
        this.productTags = tags;
        return rest;
      }) as HlsConfig['pLoader'],
    }));
    liveHlsInstances.add(hls);
    hls.on(HlsClass.Events.LEVEL_LOADED, (_event, { details }) => {
      this.callbacks.onLive(details.live);
      if (details.live) {
        this.wasLive = true;
        this.checkStale(details.endSN, details.targetduration);
      } else if (this.wasLive) {
        // Ended: the viewer still watches the end of it (being behind live), then is told.
        this.wasLive = false;
        this.video.addEventListener('ended', () => this.callbacks.onEnded(), { once: true, signal: this.abort.signal });
      }
    });
    hls.on(HlsClass.Events.FRAG_BUFFERED, () => (this.recoveries = 0));
    hls.on(HlsClass.Events.ERROR, (_event, data) => this.onHlsError(HlsClass, data));
    hls.loadSource(this.src);
    hls.attachMedia(this.video);
  }

  destroy(): void {
    this.destroyed = true;
    this.abort.abort();
    this.hls.destroy();
    liveHlsInstances.delete(this.hls);
  }

  private checkStale(endSN: number, targetDuration: number): void {
    const now = performance.now();
    if (endSN !== this.lastSegment.sn) {
      this.lastSegment = { sn: endSN, since: now };
      return;
    }
    if (now - this.lastSegment.since > STALE_TARGET_DURATIONS * targetDuration * 1000) {
      this.hls.stopLoad();
      this.callbacks.onEnded();
    }
  }

  /** Recovers as hls.js documents it: media errors by recoverMediaError, network ones by startLoad. */
  private onHlsError(HlsClass: HlsClass, data: ErrorData): void {
    if (!data.fatal || this.destroyed) return;
    const { ErrorTypes, ErrorDetails } = HlsClass;
    const manifestFailed = (
      [ErrorDetails.MANIFEST_LOAD_ERROR, ErrorDetails.MANIFEST_LOAD_TIMEOUT, ErrorDetails.MANIFEST_PARSING_ERROR] as string[]
    ).includes(data.details);
    if (!manifestFailed && this.recoveries < MAX_RECOVERIES) {
      if (data.type === ErrorTypes.MEDIA_ERROR) {
        this.recoveries++;
        this.hls.recoverMediaError();
        return;
      }
      if (data.type === ErrorTypes.NETWORK_ERROR) {
        this.recoveries++;
        this.hls.startLoad();
        return;
      }
    }
    // The words for it are fetched only when a stream has failed.
    void diagnostics().then(({ describeHlsError }) => this.destroyed || this.callbacks.onFatal(describeHlsError(data, this.src)));
  }
}
