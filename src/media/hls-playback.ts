// What drives hls.js once it runs: fetched beside hls.js (see Stream.start), so a page
// playing MP4 never loads it and no page waits for it.
import type Hls from 'hls.js/light';
import type { ErrorData, HlsConfig, LoaderCallbacks, LoaderConfiguration, LoaderContext, LoaderResponse } from 'hls.js/light';
import { diagnostics } from '../core/warn.js';
import { liveHlsInstances, prefetchLimits, type HlsClass, type Playlist, type StreamCallbacks } from './stream.js';

/** A file fetched before hls.js asked for it, with the timings hls.js's bandwidth estimate reads. */
export interface Copy {
  /** Where it came from after redirects. */
  url: string;
  data: string | ArrayBuffer;
  start: number;
  first: number;
  end: number;
}

/**
 * hls.js's defaults that decide its first segment (`liveSyncDurationCount`): a live
 * stream starts that many target durations behind its edge.
 */
const LIVE_SYNC_TARGET_DURATIONS = 3;

/**
 * The segments hls.js asks for first from this media playlist (its initialization
 * segment, if any, then the segment it starts at), by the rule hls.js 1.x follows with
 * livecart's config: a VOD from its first segment, a live stream from the segment holding
 * the point three target durations before its edge. Empty where that rule does not settle
 * it (a start offset, low-latency parts, encryption, byte ranges, a second
 * initialization segment): a wrong guess would only spend bandwidth hls.js needs. A
 * discontinuity does not change it: hls.js places segments by their durations until it
 * has read their timestamps.
 */
export function startSegments(playlist: Playlist): string[] {
  const { text, url } = playlist;
  if (/^#EXT-X-(?:START|KEY|BYTERANGE|PART|PRELOAD-HINT|SERVER-CONTROL|SKIP|GAP)(?:[:\s]|$)/m.test(text)) return [];
  const segments: { uri: string; duration: number }[] = [];
  let map: string | undefined;
  let target = 0;
  let duration = NaN;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#EXT-X-TARGETDURATION:')) target = Number(line.slice(22));
    else if (line.startsWith('#EXT-X-MAP:')) {
      // One initialization segment before the first media segment; a second one would be a switch.
      if (segments.length || map) return [];
      map = /URI="([^"]+)"/.exec(line)?.[1];
      if (!map) return [];
    } else if (line.startsWith('#EXTINF:')) duration = parseFloat(line.slice(8));
    else if (line && !line.startsWith('#')) {
      if (!(duration >= 0)) return [];
      segments.push({ uri: line, duration });
      duration = NaN;
    }
  }
  if (!segments.length) return [];
  let index = 0;
  if (!/^#EXT-X-ENDLIST\b/m.test(text)) {
    if (!(target > 0)) return [];
    const edge = segments.reduce((sum, segment) => sum + segment.duration, 0);
    // As hls.js's liveSyncPosition: within the playlist, at least one target duration before its edge.
    const position = Math.min(Math.max(0, edge - LIVE_SYNC_TARGET_DURATIONS * target), edge - target);
    let start = 0;
    index = segments.findIndex((segment) => (start += segment.duration) > position);
    if (index < 0) return [];
  }
  return [...(map ? [map] : []), segments[index].uri].map((uri) => new URL(uri, url).href);
}

/** The segments hls.js starts `playlist` with (see startSegments), each as it is fetched, by URL. */
export function fetchStartSegments(playlist: Playlist | undefined, signal: AbortSignal): Map<string, Promise<Copy | undefined>> {
  return new Map((playlist ? startSegments(playlist) : []).map((url) => [url, fetchSegment(url, signal)] as const));
}

/**
 * A segment, or undefined when it cannot be fetched within `prefetchLimits.timeout` (hls.js
 * then fetches it itself, with its own timeouts and retries: it waits for this one first).
 */
async function fetchSegment(url: string, signal: AbortSignal): Promise<Copy | undefined> {
  if (signal.aborted) return undefined;
  const abort = new AbortController();
  const stop = () => abort.abort();
  signal.addEventListener('abort', stop);
  const timer = setTimeout(stop, prefetchLimits.timeout);
  const start = performance.now();
  try {
    // Past the HTTP cache, as the playlists (see fetchPlaylist in stream.ts).
    const response = await fetch(url, { signal: abort.signal, cache: 'no-store' });
    const first = performance.now();
    if (!response.ok) return undefined;
    const data = await response.arrayBuffer();
    return { url: response.url, data, start, first, end: performance.now() };
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
}

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
 * hls.js's own loader, except that its first request for a URL `take` has a copy of is
 * answered with that copy (waiting for it while it still arrives; when it could not be
 * had, hls.js loads the URL itself), and that every answer passes through `onLoaded`.
 */
function preloadingLoader(
  HlsClass: HlsClass,
  take: (url: string) => Promise<Copy | undefined> | undefined,
  onLoaded?: (response: LoaderResponse, config: HlsConfig) => void,
): HlsConfig['loader'] {
  return class extends HlsClass.DefaultConfig.loader {
    private cancelled = false;
    private readonly hlsConfig: HlsConfig;

    constructor(config: HlsConfig) {
      super(config);
      this.hlsConfig = config;
    }

    override load(context: LoaderContext, config: LoaderConfiguration, loaded: LoaderCallbacks<LoaderContext>): void {
      const callbacks: LoaderCallbacks<LoaderContext> = !onLoaded
        ? loaded
        : {
            ...loaded,
            onSuccess: (response, ...rest) => {
              onLoaded(response, this.hlsConfig);
              loaded.onSuccess(response, ...rest);
            },
          };
      const copy = context.rangeEnd ? undefined : take(context.url);
      if (!copy) {
        super.load(context, config, callbacks);
        return;
      }
      // Later, even when the copy is there, as a network answer would come: hls.js is not ready for it inside load().
      void copy.then((fetched) => {
        if (this.cancelled) return;
        if (!fetched) return super.load(context, config, callbacks);
        const { stats } = this;
        stats.loading.start = fetched.start;
        stats.loading.first = fetched.first;
        stats.loading.end = fetched.end;
        stats.loaded = stats.total = typeof fetched.data === 'string' ? fetched.data.length : fetched.data.byteLength;
        callbacks.onSuccess({ url: fetched.url, data: fetched.data }, stats, context, null);
      });
    }

    override abort(): void {
      this.cancelled = true;
      super.abort();
    }

    override destroy(): void {
      this.cancelled = true;
      super.destroy();
    }
  };
}

/**
 * The playlists fetched while hls.js loaded, each taken once, as if it had arrived just
 * now (hls.js reckons a live playlist's age from its arrival).
 */
function playlistCopy(preloaded: Map<string, Playlist>): (url: string) => Promise<Copy> | undefined {
  const take = takeFrom(preloaded);
  return (url) => {
    const playlist = take(url);
    const now = performance.now();
    return playlist && Promise.resolve({ url: playlist.url, data: playlist.text, start: now, first: now, end: now });
  };
}

/** Takes a map's entry for `url` once. */
const takeFrom =
  <T>(map: Map<string, T>) =>
  (url: string): T | undefined => {
    const entry = map.get(url);
    map.delete(url);
    return entry;
  };

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
    /** Playlists fetched while hls.js loaded, by URL: hls.js starts from these copies. */
    preloaded: Map<string, Playlist>,
    /** Its first segments, fetched (or arriving) while hls.js loaded, by URL. */
    segments: Map<string, Promise<Copy | undefined>>,
    private readonly callbacks: StreamCallbacks,
  ) {
    const hls = (this.hls = new HlsClass({
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
      pLoader: preloadingLoader(HlsClass, playlistCopy(preloaded), (response, config) => {
        if (typeof response.data === 'string') response.data = this.withoutManyProductTags(response.data, config);
      }) as HlsConfig['pLoader'],
      fLoader: preloadingLoader(HlsClass, takeFrom(segments)) as HlsConfig['fLoader'],
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
    hls.on(HlsClass.Events.FRAG_BUFFERED, () => {
      this.recoveries = 0;
      // hls.js has asked for its first segments by now: a copy it did not ask for goes.
      segments.clear();
    });
    hls.on(HlsClass.Events.ERROR, (_event, data) => this.onHlsError(HlsClass, data));
    hls.loadSource(this.src);
    hls.attachMedia(this.video);
  }

  /**
   * A playlist as hls.js should parse it: past DATERANGE_CUE_LIMIT date ranges, without
   * its `X-PRODUCT-ID` ones, which `productTags` keeps instead.
   */
  private withoutManyProductTags(text: string, config: HlsConfig): string {
    if (!this.productTags) {
      if (countDateRanges(text) <= DATERANGE_CUE_LIMIT) return text;
      // Cues made earlier would say the same as the tags: product-on-screen.ts ignores them now.
      config.enableDateRangeMetadataCues = false;
      console.warn(`livecart: over ${DATERANGE_CUE_LIMIT} EXT-X-DATERANGE tags in ${this.src}; reading X-PRODUCT-ID from the playlist, not cues`);
    }
    const { rest, tags } = takeProductTags(text);
    this.productTags = tags;
    return rest;
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
