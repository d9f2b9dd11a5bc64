import type Hls from 'hls.js/light';
import type { ErrorData, HlsConfig, LoaderCallbacks, LoaderConfiguration, LoaderContext } from 'hls.js/light';
import { diagnostics } from '../warn.js';

type HlsClass = typeof Hls;

/** HLS playlists by extension; everything else is a file the video element plays itself. */
export const isHlsUrl = (src: string): boolean => /\.m3u8?(?:[?#]|$)/i.test(src);

/**
 * hls.js wherever MediaSource (or Apple's ManagedMediaSource) exists; native HLS only
 * where neither does (iOS Safari before 17.1). Chromium's canPlayType answers `maybe`
 * for HLS nowadays, which is not a reason to skip hls.js and its metadata cues.
 */
export function canUseMediaSource(): boolean {
  const mse = mediaSourceClass();
  return typeof mse?.isTypeSupported === 'function' && mse.isTypeSupported('video/mp4; codecs="avc1.42E01E,mp4a.40.2"');
}

/** Apple's ManagedMediaSource where it exists (hls.js prefers it too), else MediaSource. */
const mediaSourceClass = (): typeof MediaSource | undefined =>
  (globalThis as { ManagedMediaSource?: typeof MediaSource }).ManagedMediaSource ?? globalThis.MediaSource;

/**
 * A ManagedMediaSource opens only on a video with remote playback (AirPlay) disabled,
 * unless an AirPlay-able alternative source is given, which livecart never gives.
 */
const needsRemotePlaybackOff = () => !!(globalThis as { ManagedMediaSource?: unknown }).ManagedMediaSource;

/** `light` plays everything livecart needs but captions; `full` adds subtitles and CEA-608/708. */
export type HlsBuild = 'light' | 'full';
const hlsLoading: Partial<Record<HlsBuild, Promise<HlsClass>>> = {};

/** One hls.js build, fetched once, the first time a stream needs it. */
export function loadHls(build: HlsBuild = 'light'): Promise<HlsClass> {
  hlsLoading[build] ??= (build === 'full' ? import('hls.js') : import('hls.js/light')).then(
    (module) => module.default as HlsClass,
    (error: unknown) => {
      delete hlsLoading[build];
      throw error;
    },
  );
  return hlsLoading[build];
}

/**
 * Whether a multivariant playlist declares subtitles or closed captions, which only
 * hls.js's full build renders. `CLOSED-CAPTIONS=NONE` declares there are none.
 */
export const declaresCaptions = (multivariant: string): boolean =>
  /^#EXT-X-MEDIA:.*\bTYPE=(?:SUBTITLES|CLOSED-CAPTIONS)\b|\bCLOSED-CAPTIONS=(?!NONE\b)/m.test(multivariant);

interface Playlist {
  /** Where it came from after redirects: relative URLs in it resolve against this. */
  url: string;
  text: string;
}

/** A playlist, or undefined when it cannot be read (hls.js then tries and reports why). */
async function fetchPlaylist(url: string, signal: AbortSignal): Promise<Playlist | undefined> {
  try {
    // Past the HTTP cache: Chromium queues requests for a URL behind one still in its cache,
    // so a stalled prefetch, even aborted, would hold hls.js's own request back.
    const response = await fetch(url, { signal, cache: 'no-store' });
    return response.ok ? { url: response.url, text: await response.text() } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The media playlist hls.js asks for first with `startLevel: 0`: the variant with the
 * lowest bandwidth (hls.js sorts its levels by bitrate). Undefined for a media playlist.
 */
export function lowestVariant(multivariant: Playlist): string | undefined {
  const lines = multivariant.text.split(/\r?\n/);
  let best: { bandwidth: number; uri: string } | undefined;
  lines.forEach((line, i) => {
    const bandwidth = /^#EXT-X-STREAM-INF:.*\bBANDWIDTH=(\d+)/.exec(line)?.[1];
    const uri = lines.slice(i + 1).find((next) => next.trim() && !next.startsWith('#'))?.trim();
    if (bandwidth && uri && (!best || Number(bandwidth) < best.bandwidth)) best = { bandwidth: Number(bandwidth), uri };
  });
  return best && new URL(best.uri, multivariant.url).href;
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
 * hls.js's own playlist loader, except that the first request for each playlist in
 * `preloaded` (by the URL hls.js asks for) is answered with the copy fetched while hls.js
 * itself was loading, and that every playlist passes through `onPlaylist` before hls.js
 * parses it.
 */
function preloadedPlaylistLoader(
  HlsClass: HlsClass,
  preloaded: Map<string, Playlist>,
  onPlaylist: (text: string, config: HlsConfig) => string,
): HlsConfig['pLoader'] {
  return class extends HlsClass.DefaultConfig.loader {
    private cancelled = false;
    private readonly hlsConfig: HlsConfig;

    constructor(config: HlsConfig) {
      super(config);
      this.hlsConfig = config;
    }

    override load(context: LoaderContext, config: LoaderConfiguration, loaded: LoaderCallbacks<LoaderContext>): void {
      const callbacks: LoaderCallbacks<LoaderContext> = {
        ...loaded,
        onSuccess: (response, ...rest) => {
          if (typeof response.data === 'string') response.data = onPlaylist(response.data, this.hlsConfig);
          loaded.onSuccess(response, ...rest);
        },
      };
      const playlist = preloaded.get(context.url);
      if (!playlist) {
        super.load(context, config, callbacks);
        return;
      }
      preloaded.delete(context.url);
      const { url, text } = playlist;
      const stats = this.stats;
      stats.loading.start = stats.loading.first = stats.loading.end = performance.now();
      stats.loaded = stats.total = text.length;
      // Asynchronously, as a network answer would come: hls.js is not ready for it inside load().
      queueMicrotask(() => this.cancelled || callbacks.onSuccess({ url, data: text }, stats, context, null));
    }

    override abort(): void {
      this.cancelled = true;
      super.abort();
    }

    override destroy(): void {
      this.cancelled = true;
      super.destroy();
    }
  } as HlsConfig['pLoader'];
}

/** Live hls.js instances; tests read it to prove nothing is left behind. */
export const liveHlsInstances = new Set<Hls>();

export interface StreamCallbacks {
  /** The stream cannot be played; `message` says why, for people. */
  onFatal(message: string): void;
  /** Whether the stream is live, once known. */
  onLive(live: boolean): void;
  /**
   * A live stream is over: its playlist ended with EXT-X-ENDLIST and playback reached the
   * end, or it stopped publishing segments without saying so.
   */
  onEnded(): void;
}

const MAX_RECOVERIES = 3;
/**
 * How long the start-up prefetch may take. A playlist that never answers (or trickles)
 * would otherwise hold hls.js back for good: no error, no Retry. After it hls.js starts
 * without the copies and its own timeouts, retries and errors take over.
 */
export const prefetchLimits = { timeout: 4_000 };
/**
 * How many target durations a live playlist may stay unchanged before the show counts as
 * over. hls.js keeps reloading such a playlist forever and only stalls; a viewer is better
 * told. Generous, so a slow encoder is not cut off.
 */
const STALE_TARGET_DURATIONS = 6;

/**
 * One source attached to one video element: hls.js when the source is HLS and
 * MediaSource exists, else the element's own playback. `destroy()` releases everything.
 */
export class Stream {
  private hls?: Hls;
  private destroyed = false;
  private recoveries = 0;
  /** The last media sequence number the live playlist listed, and when it first did. */
  private lastSegment = { sn: -1, since: 0 };
  /** The playlist has been live: an EXT-X-ENDLIST then ends the show, not a VOD. */
  private wasLive = false;
  /** The latest playlist's X-PRODUCT-ID DATERANGE tags, once it has too many for hls.js; else null. */
  private productTags: readonly string[] | null = null;
  private readonly abort = new AbortController();

  constructor(
    private readonly video: HTMLVideoElement,
    readonly src: string,
    private readonly callbacks: StreamCallbacks,
  ) {}

  async start(): Promise<void> {
    if (!isHlsUrl(this.src) || !canUseMediaSource()) {
      this.video.addEventListener('loadedmetadata', () => this.callbacks.onLive(this.video.duration === Infinity), {
        signal: this.abort.signal,
      });
      this.video.src = this.src;
      return;
    }
    // The playlists hls.js would fetch one after the other before its first segment (the
    // multivariant one, then the lowest variant's) are fetched while hls.js itself loads,
    // and hls.js starts from these copies. The multivariant playlist also says which build
    // the stream needs: captions take the full one (rarely: the light one is fetched
    // meanwhile anyway, as most streams need it).
    const prefetch = new AbortController();
    const stop = () => prefetch.abort();
    this.abort.signal.addEventListener('abort', stop);
    const timer = setTimeout(stop, prefetchLimits.timeout);
    const { signal } = prefetch;
    const light = loadHls('light');
    light.catch(() => {}); // awaited below, unless the full build is needed instead
    const multivariant = fetchPlaylist(this.src, signal);
    const lowest = multivariant.then(async (playlist) => {
      const url = playlist && lowestVariant(playlist);
      const media = url && (await fetchPlaylist(url, signal));
      return url && media ? ([url, media] as const) : undefined;
    });
    let HlsClass: HlsClass;
    const preloaded = new Map<string, Playlist>();
    try {
      const build = multivariant.then((playlist) => (playlist && declaresCaptions(playlist.text) ? loadHls('full') : light));
      const [main, media, Class] = await Promise.all([multivariant, lowest, build]);
      if (main) preloaded.set(this.src, main);
      if (media) preloaded.set(...media);
      HlsClass = Class;
    } catch {
      if (!this.destroyed) this.callbacks.onFatal('the video player could not be loaded');
      return;
    } finally {
      clearTimeout(timer);
      this.abort.signal.removeEventListener('abort', stop);
    }
    if (this.destroyed) return;
    if (needsRemotePlaybackOff()) this.video.disableRemotePlayback = true;
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
      pLoader: preloadedPlaylistLoader(HlsClass, preloaded, (text, config) => {
        if (!this.productTags) {
          if (countDateRanges(text) <= DATERANGE_CUE_LIMIT) return text;
          // Cues made earlier would say the same as the tags: product-on-screen.ts ignores them now.
          config.enableDateRangeMetadataCues = false;
          console.warn(`livecart: over ${DATERANGE_CUE_LIMIT} EXT-X-DATERANGE tags in ${this.src}; reading X-PRODUCT-ID from the playlist, not cues`);
        }
        const { rest, tags } = takeProductTags(text);
        this.productTags = tags;
        return rest;
      }),
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

  /** Where "go live" seeks to; null when not live or not known yet. */
  liveEdge(): number | null {
    if (this.hls) return this.hls.liveSyncPosition;
    const { seekable } = this.video;
    return this.video.duration === Infinity && seekable.length ? seekable.end(seekable.length - 1) : null;
  }

  /** The program date-time (EXT-X-PROGRAM-DATE-TIME) of the frame on screen, when the stream has one. */
  playingDate(): Date | null {
    if (this.hls) return this.hls.playingDate;
    const start = (this.video as HTMLVideoElement & { getStartDate?: () => Date }).getStartDate?.();
    return start && !Number.isNaN(+start) ? new Date(+start + this.video.currentTime * 1000) : null;
  }

  /** The latest playlist's `X-PRODUCT-ID` DATERANGE tags when it carries too many for hls.js; else null. */
  dateRangeTags(): readonly string[] | null {
    return this.productTags;
  }

  /** The longest a live stream may lag before it counts as behind the live edge. */
  liveTolerance(): number {
    return (this.hls?.levels[this.hls.currentLevel]?.details?.targetduration ?? 2) * 3;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.abort.abort();
    if (this.hls) {
      this.hls.destroy();
      liveHlsInstances.delete(this.hls);
      this.hls = undefined;
    } else {
      this.video.removeAttribute('src');
      this.video.load();
    }
  }

  private checkStale(endSN: number, targetDuration: number): void {
    const now = performance.now();
    if (endSN !== this.lastSegment.sn) {
      this.lastSegment = { sn: endSN, since: now };
      return;
    }
    if (now - this.lastSegment.since > STALE_TARGET_DURATIONS * targetDuration * 1000) {
      this.hls?.stopLoad();
      this.callbacks.onEnded();
    }
  }

  /** Recovers as hls.js documents it: media errors by recoverMediaError, network ones by startLoad. */
  private onHlsError(HlsClass: HlsClass, data: ErrorData): void {
    if (!data.fatal || !this.hls) return;
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
