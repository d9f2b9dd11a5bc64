import { isServer } from 'lit';
import type Hls from 'hls.js/light';
import type { HlsPlayback } from './hls-playback.js';

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
 * The media playlist hls.js asks for first with `startLevel: 0`: the variant with the
 * lowest bandwidth (hls.js sorts its levels by bitrate). Undefined for a media playlist.
 */
export function lowestVariant(multivariant: Playlist): string | undefined {
  // One pass, linear in the playlist's lines: a 24-hour DVR media playlist has 100,000 of
  // them and is read at script evaluation, so nothing here may look ahead per line.
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

/** The playlists hls.js reads before its first segment: the multivariant one and, when it has variants, the lowest one's. */
interface StartPlaylists {
  multivariant: Promise<Playlist | undefined>;
  lowest: Promise<readonly [url: string, playlist: Playlist] | undefined>;
}

/** Each playlist hls.js reads first, fetched as soon as the one before it has arrived. */
function fetchStartPlaylists(url: string, signal: AbortSignal): StartPlaylists {
  const multivariant = fetchPlaylist(url, signal);
  const lowest = multivariant.then(async (playlist) => {
    const variant = playlist && lowestVariant(playlist);
    const media = variant && (await fetchPlaylist(variant, signal));
    return variant && media ? ([variant, media] as const) : undefined;
  });
  return { multivariant, lowest };
}

/** Start-up playlists asked for before any player started, by URL: each is taken once. */
const early = new Map<string, StartPlaylists>();

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
  early.set(url, fetchStartPlaylists(url, AbortSignal.timeout(prefetchLimits.timeout)));
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
   * there once it knows its duration.
   */
  async start(startAt?: number): Promise<void> {
    // Within this method, hls.js as this stream gets it (a test passes a stand-in).
    const loadHls = this.hls;
    if (!isHlsUrl(this.src) || !canUseMediaSource()) {
      const { signal } = this.abort;
      this.video.addEventListener('loadedmetadata', () => this.callbacks.onLive(this.video.duration === Infinity), { signal });
      if (startAt) this.video.addEventListener('loadedmetadata', () => (this.video.currentTime = startAt), { once: true, signal });
      this.video.src = this.src;
      return;
    }
    // The playlists hls.js would fetch one after the other before its first segment (the
    // multivariant one, then the lowest variant's) are fetched while hls.js itself loads,
    // and hls.js starts from these copies. The multivariant playlist also says which build
    // the stream needs: captions take the full one (rarely: the light one is fetched
    // meanwhile anyway, as most streams need it). The code that drives hls.js is fetched
    // beside it: a page playing MP4 never needs it.
    const prefetch = new AbortController();
    const stop = () => prefetch.abort();
    this.abort.signal.addEventListener('abort', stop);
    const timer = setTimeout(stop, prefetchLimits.timeout);
    const { signal } = prefetch;
    const light = loadHls('light');
    light.catch(() => {}); // awaited below, unless the full build is needed instead
    const driver = import('./hls-playback.js');
    const { multivariant, lowest } = early.get(this.src) ?? fetchStartPlaylists(this.src, signal);
    early.delete(this.src);
    const preloaded = new Map<string, Playlist>();
    let started: () => HlsPlayback;
    try {
      const build = multivariant.then((playlist) => (playlist && declaresCaptions(playlist.text) ? loadHls('full') : light));
      const [main, media, HlsClass, { HlsPlayback }] = await Promise.all([multivariant, lowest, build, driver]);
      if (main) preloaded.set(this.src, main);
      if (media) preloaded.set(...media);
      started = () => new HlsPlayback(HlsClass, this.video, this.src, preloaded, this.callbacks, startAt);
    } catch {
      if (!this.destroyed) this.callbacks.onFatal('the video player could not be loaded');
      return;
    } finally {
      clearTimeout(timer);
      this.abort.signal.removeEventListener('abort', stop);
    }
    if (this.destroyed) return;
    if (needsRemotePlaybackOff()) this.video.disableRemotePlayback = true;
    this.playback = started();
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
