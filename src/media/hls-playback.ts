// What drives hls.js once it runs (hls-start.ts starts it): fetched beside hls.js (see
// Stream.start), so a page playing MP4 never loads it and no page waits for it.
import type Hls from 'hls.js/light';
import type { ErrorData, HlsConfig, LoaderCallbacks, LoaderConfiguration, LoaderContext } from 'hls.js/light';
import { diagnostics } from '../core/warn.js';
import type { Prefetched } from './hls-start.js';
import { liveHlsInstances, type HlsClass, type StreamCallbacks } from './stream.js';

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
