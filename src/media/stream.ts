import { isServer } from 'lit';
import type Hls from 'hls.js/light';
import type { HlsPlayback } from './hls-playback.js';
import type { Prefetched } from './hls-start.js';
import { deadline } from '../platform/deadline.js';
import { holdStart, onFirstFrame } from '../platform/start-gate.js';

export type HlsClass = typeof Hls;

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

export interface Playlist {
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
 * What hls.js reads before its first frame: the multivariant playlist, the lowest variant's
 * (when it has variants) and the first segment, by URL as soon as its request is out.
 */
export interface StartFetches {
  multivariant: Promise<Playlist | undefined>;
  lowest: Promise<readonly [url: string, playlist: Playlist] | undefined>;
  segment: Promise<readonly [url: string, answer: Promise<Prefetched | undefined>] | undefined>;
}

/**
 * Each of them fetched as soon as the one before it has arrived; which variant and which
 * segment come first is hls-start.ts's to say (it comes beside the first playlist). No
 * segment when the stream starts at a saved time (`withSegment` false).
 */
function fetchStart(url: string, signal: AbortSignal, withSegment = true): StartFetches {
  const driver = import('./hls-start.js');
  const multivariant = fetchPlaylist(url, signal);
  const lowest = Promise.all([multivariant, driver]).then(async ([playlist, { lowestVariant }]) => {
    const variant = playlist && lowestVariant(playlist);
    const media = variant && (await fetchPlaylist(variant, signal));
    return variant && media ? ([variant, media] as const) : undefined;
  }, () => undefined);
  const segment = Promise.all([multivariant, lowest, driver]).then(([main, variant, { prefetchStartSegment }]) => {
    const media = variant?.[1] ?? main;
    return withSegment && media ? prefetchStartSegment(media, signal) : undefined;
  }, () => undefined);
  return { multivariant, lowest, segment };
}

/** Start-up playlists asked for before any player started, by URL, and the page held for an autoplaying show: each is taken once. */
const early = new Map<string, StartFetches & { release?: () => void }>();

/**
 * Starts what the page's first HLS show needs (hls.js, its multivariant playlist) as the
 * script evaluates, before the elements upgrade and render: a script-tag page's elements
 * are parsed by then. An upcoming show (`starts-at`) waits for its time instead.
 */
export function startEarly(): void {
  if (isServer || !canUseMediaSource()) return;
  const element = document.querySelector('live-stream[src]:not([starts-at]), pip-player[src]:not([starts-at])');
  const src = element?.getAttribute('src');
  if (!src || !isHlsUrl(src)) return;
  const url = new URL(src, document.baseURI).href;
  loadHls('light').catch(() => {});
  // Both playlists, not only the first: the element may upgrade well after the first one
  // has arrived (the page still parsing, rendering), and the second would wait for it.
  // Bounded as Stream.start bounds its own prefetch (prefetchLimits).
  // An autoplaying show holds the page's other work from here (start-gate.ts): the elements'
  // first render would otherwise start fetching and drawing the catalog.
  const release = element!.hasAttribute('autoplay') ? holdStart() : undefined;
  early.set(url, { ...fetchStart(url, AbortSignal.timeout(prefetchLimits.timeout)), release });
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

/**
 * How long the start-up prefetch may take. A playlist that never answers (or trickles)
 * would otherwise hold hls.js back for good: no error, no Retry. After it hls.js starts
 * without the copies and its own timeouts, retries and errors take over.
 */
export const prefetchLimits = { timeout: 4_000 };

/**
 * One source attached to one video element: hls.js when the source is HLS and
 * MediaSource exists, else the element's own playback. `destroy()` releases everything.
 */
export class Stream {
  /** What drives hls.js, once it runs (hls-playback.ts, loaded beside hls.js). */
  private playback?: HlsPlayback;
  private destroyed = false;
  private readonly abort = new AbortController();
  /** Lets the page's other work go (start-gate.ts): at the first frame, or when the stream is dropped (a failure drops it too). */
  private releaseStart = () => {};

  constructor(
    private readonly video: HTMLVideoElement,
    readonly src: string,
    private readonly callbacks: StreamCallbacks,
    /** Where hls.js comes from: a test passes a stand-in with its API. */
    private readonly hls: typeof loadHls = loadHls,
  ) {}

  /**
   * Loads the source. `startAt` (seconds, a replay's saved time) is where playback begins:
   * hls.js starts loading there, so no segment before it is fetched; a native source seeks
   * there once it knows its duration. A stream that `plays` holds the page's other work
   * back until its first frame (start-gate.ts).
   */
  async start(startAt?: number, plays = false): Promise<void> {
    const prefetched = early.get(this.src);
    early.delete(this.src);
    this.releaseStart = prefetched?.release ?? (plays ? holdStart() : () => {});
    onFirstFrame(this.video, this.releaseStart, this.abort.signal);
    if (!isHlsUrl(this.src) || !canUseMediaSource()) {
      const { signal } = this.abort;
      this.video.addEventListener('loadedmetadata', () => this.callbacks.onLive(this.video.duration === Infinity), { signal });
      if (startAt) this.video.addEventListener('loadedmetadata', () => (this.video.currentTime = startAt), { once: true, signal });
      this.video.src = this.src;
      return;
    }
    // The playlists hls.js would fetch one after the other before its first segment (the
    // multivariant one, then the lowest variant's) and that segment are fetched while hls.js
    // itself loads, and hls.js starts from these copies (hls-start.ts). The code that
    // drives hls.js is fetched beside it: a page playing MP4 never needs it.
    const limit = deadline(prefetchLimits.timeout, () => new Error('prefetch too slow'), this.abort.signal);
    this.hls('light').catch(() => {}); // most streams need it: fetched now, awaited by startHls
    const fetches = prefetched ?? fetchStart(this.src, limit.signal, startAt === undefined);
    try {
      const { startHls } = await import('./hls-start.js');
      this.playback = await startHls(this.video, this.src, fetches, this.hls, this.callbacks, this.abort.signal, startAt);
    } catch {
      if (!this.destroyed) this.callbacks.onFatal('the video player could not be loaded');
    } finally {
      // The first segment's download follows this stream until it is in (or the limit): a drop stops it.
      void fetches.segment.then((first) => first?.[1]).finally(limit.release);
    }
  }

  /** Where "go live" seeks to; null when not live or not known yet. */
  liveEdge(): number | null {
    if (this.playback) return this.playback.hls.liveSyncPosition;
    const { seekable } = this.video;
    return this.video.duration === Infinity && seekable.length ? seekable.end(seekable.length - 1) : null;
  }

  /** The program date-time (EXT-X-PROGRAM-DATE-TIME) of the frame on screen, when the stream has one. */
  playingDate(): Date | null {
    if (this.playback) return this.playback.hls.playingDate;
    const start = (this.video as HTMLVideoElement & { getStartDate?: () => Date }).getStartDate?.();
    return start && !Number.isNaN(+start) ? new Date(+start + this.video.currentTime * 1000) : null;
  }

  /** The latest playlist's `X-PRODUCT-ID` DATERANGE tags when it carries too many for hls.js; else null. */
  dateRangeTags(): readonly string[] | null {
    return this.playback?.productTags ?? null;
  }

  /** The longest a live stream may lag before it counts as behind the live edge. */
  liveTolerance(): number {
    const hls = this.playback?.hls;
    return (hls?.levels[hls.currentLevel]?.details?.targetduration ?? 2) * 3;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.releaseStart();
    this.abort.abort();
    if (this.playback) {
      this.playback.destroy();
      this.playback = undefined;
    } else {
      this.video.removeAttribute('src');
      this.video.load();
    }
  }
}
