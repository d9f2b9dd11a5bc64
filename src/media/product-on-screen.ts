import type { FeedProblem } from '../core/events.js';
import { errorMessage } from '../platform/errors.js';
import { hearChat } from '../store/conversation.js';
import type { Show } from '../store/show.js';
import { watchProductCues, type StreamProduct } from './product-cues.js';
import type { Stream } from './stream.js';

/**
 * Where the product on screen comes from, decided in one place for the player, the banner,
 * the carousel, the PiP window and analytics (they all read `show.$featured`).
 *
 * Sources, each placing its changes on the stream's own timeline:
 * - `cues`: the stream's metadata cues (DATERANGE `X-PRODUCT-ID`, ID3 `TXXX`: product-cues.ts);
 * - `dateranges`: the same DATERANGE tags read here when the playlist carries too many for
 *   hls.js (see `DATERANGE_CUE_LIMIT` in hls-playback.ts);
 * - `schedule`: the `schedule` attribute (JSON, re-read while live, or Server-Sent Events).
 * The rule: the change that took effect last at the playing position wins, so a product
 * the host features from the console shows until the stream's next tag says otherwise,
 * and the other way round; on a tie (the same instant) the stream beats the schedule.
 * `show.feature(id)` from JavaScript overrides it all until a source says something new.
 */
export type ProductSource = 'cues' | 'dateranges' | 'schedule';
const PRECEDENCE: readonly ProductSource[] = ['cues', 'dateranges', 'schedule'];

type Claims = Partial<Record<ProductSource, StreamProduct>>;

/** Of the sources' answers, the one that took effect last (media time); ties by PRECEDENCE. */
export function decideProduct(claims: Claims): string | null {
  let best: StreamProduct | undefined;
  for (const source of PRECEDENCE) {
    const claim = claims[source];
    if (claim && (!best || claim.since > best.since)) best = claim;
  }
  return best?.id ?? null;
}

export interface ProductOnScreenHost {
  readonly video: HTMLVideoElement;
  show(): Show;
  stream(): Stream | undefined;
  /** The stream is live, or not known yet: a JSON schedule is re-read meanwhile. */
  live(): boolean;
  report(message: string, problems?: FeedProblem[]): void;
}

/** A JSON schedule is re-read this often while live (about the target duration, at least 5 s). */
const REREAD_MS = 5000;

/** Decides the product on screen of one player; `stop()` releases everything. */
export class ProductOnScreen {
  private readonly claims: Claims = {};
  private decided: string | null = null;
  private readonly abort = new AbortController();
  private scheduleAbort?: AbortController;
  private follower?: import('./schedule.js').ScheduleFollower;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly ranges = new DateRangeProducts();
  /** A source has named a product (or none) at least once. */
  private heard = false;

  constructor(private readonly host: ProductOnScreenHost) {
    const { video } = host;
    const { signal } = this.abort;
    const cues = watchProductCues(video, (product) => this.claim('cues', product), {
      isKnown: (id) => !!host.show().product(id),
      ranges: () => !host.stream()?.dateRangeTags(),
    });
    const stopCatalog = host.show().$products.listen(() => cues.recheck());
    signal.addEventListener('abort', () => (cues.stop(), stopCatalog(), clearTimeout(this.timer)));
    for (const type of ['timeupdate', 'seeked', 'playing']) video.addEventListener(type, this.tick, { signal });
  }

  /** The show has ended: no entry can come any more. What was heard stays, for a replay of the show. */
  stopListening(): void {
    this.scheduleAbort?.abort();
  }

  /** Follows the schedule at `url` (none when empty), replacing the previous one. */
  async setSchedule(url: string): Promise<void> {
    this.scheduleAbort?.abort();
    this.follower = undefined;
    this.claim('schedule', undefined);
    if (!url) return;
    const abort = (this.scheduleAbort = new AbortController());
    this.abort.signal.addEventListener('abort', () => abort.abort(), { signal: abort.signal });
    const { host } = this;
    try {
      // A `ws:`/`wss:` URL is a NATS WebSocket (docs/live-show.md, "With NATS"): only then
      // do its module and nats.js load, beside the schedule modules it shares.
      const [{ ScheduleFollower }, { followSchedule }, nats] = await Promise.all([
        import('./schedule.js'),
        import('./schedule-follow.js'),
        /^wss?:/i.test(url) ? import('./nats-follow.js') : undefined,
      ]);
      if (abort.signal.aborted) return;
      const follow = nats?.followNats ?? followSchedule;
      const follower = (this.follower = new ScheduleFollower({
        time: () => host.video.currentTime,
        date: () => host.stream()?.playingDate() ?? null,
      }));
      await follow(url, {
        signal: abort.signal,
        follower,
        live: host.live,
        interval: () => Math.max(REREAD_MS, (host.stream()?.liveTolerance() ?? 0) * 1000 / 3),
        onChange: this.tick,
        report: host.report,
        onChat: (event) => hearChat(host.show(), event),
      });
    } catch (error) {
      if (!abort.signal.aborted) host.report(`the schedule ${url} could not be read (${errorMessage(error)})`);
    }
  }

  stop(): void {
    this.abort.abort();
  }

  /**
   * Whether the show has a source of products at all: a schedule to follow, or a source
   * that has named one, whether the catalog lists it (yet) or not.
   */
  hasSpoken(): boolean {
    return this.heard || !!this.follower || this.scheduleAbort?.signal.aborted === false;
  }

  /** Reads the sources that follow the clock (schedule, parsed date ranges) at the playing position. */
  private tick = () => {
    clearTimeout(this.timer);
    const { video } = this.host;
    const stream = this.host.stream();
    const date = stream?.playingDate() ?? null;
    const tags = stream?.dateRangeTags();
    if (tags && date) this.claim('dateranges', rangeAt(this.ranges.update(tags), date, video.currentTime));
    if (!this.follower) return;
    this.claim('schedule', this.follower.now());
    // An entry due within the next second applies at its frame, not at the next timeupdate.
    const due = this.follower.untilNext() / (video.playbackRate || 1);
    if (due < 1000 && !video.paused) this.timer = setTimeout(this.tick, due);
  };

  private claim(source: ProductSource, next: StreamProduct | undefined): void {
    const prev = this.claims[source];
    this.heard ||= !!next;
    if (prev?.id === next?.id && prev?.since === next?.since) return;
    this.claims[source] = next;
    const decided = decideProduct(this.claims);
    // Only something new ends a `feature()` from JavaScript: not a re-read that says the same.
    if (prev?.id === next?.id && decided === this.decided) return;
    this.decided = decided;
    const show = this.host.show();
    // The one writer of the featured product besides show.feature().
    if (show.$featuredId.get() !== decided) show.$featuredId.set(decided);
  }
}

/** One DATERANGE with X-PRODUCT-ID, by program date-time (ms). */
export interface DateRangeProduct {
  id: string;
  start: number;
  /** END-DATE or START-DATE + DURATION; else it lasts until the next one. */
  end?: number;
}

const attribute = (name: string) => {
  const pattern = new RegExp(`[:,]${name}="([^"]*)"`);
  return (tag: string) => pattern.exec(tag)?.[1];
};
const [idOf, productOf, startOf, endOf] = ['ID', 'X-PRODUCT-ID', 'START-DATE', 'END-DATE'].map(attribute);

/**
 * The product date ranges of a live show, by ID across playlist reloads (a tag that left
 * the window still covers a viewer behind it), ordered by start, at most MAX_RANGES.
 */
export class DateRangeProducts {
  private readonly byId = new Map<string, DateRangeProduct>();
  private seen?: readonly string[];
  private sorted: DateRangeProduct[] = [];

  update(tags: readonly string[]): readonly DateRangeProduct[] {
    if (tags === this.seen) return this.sorted;
    this.seen = tags;
    // Only the latest MAX_RANGES can be kept: a playlist of 250,000 tags reads as 20,000.
    for (const tag of tags.length > MAX_RANGES ? tags.slice(-MAX_RANGES) : tags) {
      const id = productOf(tag)?.trim();
      const start = Date.parse(startOf(tag) ?? '');
      if (!id || Number.isNaN(start)) continue;
      const endDate = Date.parse(endOf(tag) ?? '');
      const duration = Number(/[:,]DURATION=([\d.]+)/.exec(tag)?.[1]);
      const end = Number.isNaN(endDate) ? (Number.isFinite(duration) ? start + duration * 1000 : undefined) : endDate;
      this.byId.set(idOf(tag) ?? tag, { id, start, end });
    }
    this.sorted = [...this.byId.values()].sort((a, b) => a.start - b.start);
    // The oldest go first: a show that runs for days keeps the last MAX_RANGES. One pass
    // over byId, not one per range dropped (that was quadratic: 25,000 tags, 1.5 s a reload).
    const dropped = new Set(this.sorted.splice(0, Math.max(0, this.sorted.length - MAX_RANGES)));
    if (dropped.size) for (const [key, range] of this.byId) if (dropped.has(range)) this.byId.delete(key);
    return this.sorted;
  }
}
const MAX_RANGES = 20_000;

/**
 * The range in effect at `date` (binary search: a playlist may carry thousands): the last
 * to start, or, once it has ended, an earlier one with an end still ahead that it sat
 * inside (a 10 s flash within a product's minute: the product again after it). A range
 * without an end lasts until the next one starts. None in effect: `id` null, since the
 * last one ended.
 */
export function rangeAt(ranges: readonly DateRangeProduct[], date: Date, time: number): StreamProduct | undefined {
  const at = +date;
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].start <= at) lo = mid + 1;
    else hi = mid;
  }
  const last = ranges[lo - 1];
  if (!last) return undefined;
  const since = (moment: number) => time - (at - moment) / 1000;
  if (last.end === undefined || last.end > at) return { id: last.id, since: since(last.start) };
  for (let i = lo - 2; i >= 0; i--) {
    const range = ranges[i];
    if (range.end !== undefined && range.end > at) return { id: range.id, since: since(last.end) };
  }
  return { id: null, since: since(last.end) };
}
