import type { FeedProblem } from '../core/events.js';
import { errorMessage } from '../platform/errors.js';

/**
 * Schedules: the product on screen from outside the stream, loaded on demand (most shows
 * have none). One `schedule` URL, its kind told by the answer's Content-Type:
 * - JSON `[{ "product": "<id>", "at": <seconds> | "<ISO date-time>" }]`, read once; while
 *   the stream is live it is read again (revalidated with its ETag, every few seconds,
 *   backing off on errors), so a producer can edit it during the show;
 * - `text/event-stream` (Server-Sent Events, e.g. a Mercure hub topic): each event's data is
 *   one entry `{ "product": "sku-3" | null, "at": "<ISO date-time>" }`.
 * An entry applies when the viewer's playing program date-time (EXT-X-PROGRAM-DATE-TIME)
 * reaches `at`, so a viewer 25 s behind live sees it 25 s after the host; without program
 * date-times, on arrival.
 */

/** One moment of a schedule: a product (null: none) featured from `at`. */
export interface ScheduleEntry {
  product: string | null;
  /** Seconds from the start of the stream, or a time matched against EXT-X-PROGRAM-DATE-TIME. */
  at: number | Date;
}

/** More entries than this are refused: no show features ten thousand products. */
export const MAX_ENTRIES = 10_000;
/** An event larger than this is refused (a `{product, at}` entry is under 200 bytes). */
export const MAX_EVENT_BYTES = 4096;

/** One entry, or the reason it is not one. */
function parseEntry(raw: unknown): ScheduleEntry | string {
  const { product, at } = (raw ?? {}) as { product?: unknown; at?: unknown };
  if (product !== null && (typeof product !== 'string' || !product.trim())) return 'no product id';
  if (typeof at === 'number' && Number.isFinite(at) && at >= 0) return { product, at };
  if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(at) && !Number.isNaN(Date.parse(at))) return { product, at: new Date(at) };
  return `"at" must be seconds or an ISO date-time`;
}

/**
 * Reads a schedule: `[{ "product": "<id>", "at": <seconds> | "<ISO date-time>" }]`.
 * Bad entries are skipped and reported; the rest come back ordered by time.
 */
export function parseSchedule(data: unknown): { entries: ScheduleEntry[]; problems: FeedProblem[] } {
  const entries: ScheduleEntry[] = [];
  const problems: FeedProblem[] = [];
  if (!Array.isArray(data)) return { entries, problems: [{ index: -1, reason: 'the schedule is not a JSON array' }] };
  if (data.length > MAX_ENTRIES) problems.push({ index: MAX_ENTRIES, reason: `more than ${MAX_ENTRIES} entries: the rest are refused` });
  data.slice(0, MAX_ENTRIES).forEach((raw, index) => {
    const entry = parseEntry(raw);
    if (typeof entry !== 'string') return entries.push(entry);
    const id = (raw as { product?: unknown })?.product;
    problems.push(typeof id === 'string' && id ? { index, id, reason: entry } : { index, reason: entry });
  });
  entries.sort((a, b) => +a.at - +b.at);
  return { entries, problems };
}

const reached = (entry: ScheduleEntry, time: number, date: Date | null) =>
  typeof entry.at === 'number' ? entry.at <= time : date !== null && entry.at <= date;

/**
 * The entry in effect at a point of playback: the last one at or before it. Offsets
 * compare with the media time, dates with the playing program date-time (when known).
 */
export function scheduledEntry(entries: readonly ScheduleEntry[], time: number, date: Date | null): ScheduleEntry | undefined {
  let current: ScheduleEntry | undefined;
  for (const entry of entries) if (reached(entry, time, date)) current = entry;
  return current;
}

/** The product scheduled at a point of playback; null when none. */
export const scheduledProduct = (entries: readonly ScheduleEntry[], time: number, date: Date | null): string | null =>
  scheduledEntry(entries, time, date)?.product ?? null;

/** Where the viewer is: the media time and the program date-time on screen (null without one). */
export interface PlaybackClock {
  time(): number;
  date(): Date | null;
}

/** A schedule following one player's playback. */
export class ScheduleFollower {
  private entries: ScheduleEntry[] = [];
  /** Without program date-times, when each dated entry arrived (media time). */
  private readonly arrivals = new Map<string, number>();

  constructor(private readonly clock: PlaybackClock) {}

  /** A whole schedule (a JSON read): replaces what was there. */
  replace(entries: readonly ScheduleEntry[]): void {
    this.entries = entries.map((entry) => this.placed(entry)).sort((a, b) => +a.at - +b.at);
  }

  /** A dated entry on a stream without program date-times applies on arrival: at the media time it came. */
  private placed(entry: ScheduleEntry): ScheduleEntry {
    if (!(entry.at instanceof Date) || this.clock.date() !== null) return entry;
    const key = `${+entry.at} ${entry.product}`;
    if (!this.arrivals.has(key)) this.arrivals.set(key, this.clock.time());
    return { ...entry, at: this.arrivals.get(key)! };
  }

  /**
   * Live entries (a burst of events), added at once: one prune and one sort for the whole
   * burst, so a hub that sends thousands in one task costs O(n log n), not O(n) per event.
   * Without program date-times they apply on arrival. Entries already passed are dropped
   * but the one in effect, so a long show stays small. Past MAX_ENTRIES pending, the
   * latest are refused; returns how many.
   */
  add(entries: readonly ScheduleEntry[]): number {
    const date = this.clock.date();
    const time = this.clock.time();
    const current = scheduledEntry(this.entries, time, date);
    this.entries = this.entries.filter((entry) => entry === current || !reached(entry, time, date));
    for (const entry of entries) this.entries.push(this.placed(entry));
    this.entries.sort((a, b) => +a.at - +b.at);
    // Over the cap, the latest go: they are the furthest from being shown.
    return this.entries.splice(MAX_ENTRIES).length;
  }

  /** The product in effect now and the media time it took effect; undefined before any. */
  now(): { id: string | null; since: number } | undefined {
    const time = this.clock.time();
    const date = this.clock.date();
    const entry = scheduledEntry(this.entries, time, date);
    if (!entry) return undefined;
    const since = typeof entry.at === 'number' ? entry.at : time - (+date! - +entry.at) / 1000;
    return { id: entry.product, since };
  }

  /** Milliseconds of playback until the next dated entry applies; Infinity when none is due. */
  untilNext(): number {
    const date = this.clock.date();
    if (!date) return Infinity;
    const next = this.entries.find((entry) => entry.at instanceof Date && entry.at > date);
    return next ? +next.at - +date : Infinity;
  }
}

export interface ScheduleOptions {
  signal: AbortSignal;
  follower: ScheduleFollower;
  /** Whether the stream is live now: a JSON schedule is read again only then. */
  live(): boolean;
  /** Milliseconds between reads of a JSON schedule while live. */
  interval(): number;
  /** Something changed: look at the follower again. */
  onChange(): void;
  report(message: string, problems?: FeedProblem[]): void;
}

const RETRY_MAX_MS = 60_000;
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
/**
 * How long events are gathered before they are taken in: a burst (Chromium delivers one in
 * a single task) costs one decision, and a product named for less than this never flashes.
 */
const BURST_MS = 50;
const entriesReport = (n: number) => `${n} schedule entr${n > 1 ? 'ies' : 'y'} skipped`;

/**
 * Follows the schedule at `url` until `signal` aborts: reads it, tells the kind by its
 * Content-Type, and keeps it current (events, or reads while live). Never clears what is
 * featured because a connection dropped; retries with exponential back-off.
 */
export async function followSchedule(url: string, options: ScheduleOptions): Promise<void> {
  const { signal, report } = options;
  let etag: string | null = null;
  let failures = 0;
  while (!signal.aborted) {
    let wait: number;
    try {
      // `no-cache`: the browser revalidates (If-None-Match) itself, so a schedule on another
      // origin needs no CORS preflight, as a header of ours would.
      const response = await fetch(url, { signal, headers: { Accept: 'application/json, text/event-stream' }, cache: 'no-cache' });
      if (/^text\/event-stream\b/i.test(response.headers.get('Content-Type') ?? '')) {
        // EventSource, not this response: it sends Last-Event-ID when it reconnects.
        void response.body?.cancel().catch(() => {});
        return await followEvents(url, options);
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const tag = response.headers.get('ETag');
      if (!tag || tag !== etag) {
        const { entries, problems } = parseSchedule(await response.json());
        if (signal.aborted) return;
        etag = tag;
        options.follower.replace(entries);
        options.onChange();
        if (problems.length) report(entriesReport(problems.length), problems);
      }
      failures = 0;
      wait = options.interval();
    } catch (error) {
      if (signal.aborted) return;
      // Once per outage, not at every retry.
      if (!failures) report(`the schedule ${url} could not be read (${errorMessage(error)})`);
      wait = Math.min(options.interval() * 2 ** failures++, RETRY_MAX_MS);
    }
    await sleep(wait, signal);
    // A replay's schedule, or a show that has ended, is read once.
    if (!options.live()) return;
  }
}

/**
 * Server-Sent Events through EventSource: it reconnects by itself (after the server's
 * `retry`) and sends `Last-Event-ID` then, with no CORS preflight. When it gives up (an
 * HTTP error, a wrong Content-Type), a new one follows after an exponential back-off,
 * asking for what it missed with Mercure's `lastEventID` query parameter.
 */
function followEvents(url: string, { signal, follower, onChange, report }: ScheduleOptions): Promise<void> {
  // Stopped while the first answer came (the player left): an abort listener added now would never hear it.
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    let lastId = '';
    let failures = 0;
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let index = 0;
    // A burst is taken in once, after it: the follower prunes and sorts once, the featured
    // product is decided once and skipped entries are reported in one message.
    let burst: ScheduleEntry[] = [];
    let problems: FeedProblem[] = [];
    let flushing: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      flushing = undefined;
      const refused = follower.add(burst);
      if (refused) problems.push({ index: -1, reason: `more than ${MAX_ENTRIES} pending entries: the ${refused} latest refused` });
      if (problems.length) report(entriesReport(problems.length), problems);
      if (burst.length) onChange();
      burst = [];
      problems = [];
    };
    const take = (entry: ScheduleEntry | string, at: number) => {
      if (typeof entry === 'string') problems.push({ index: at, reason: entry });
      else burst.push(entry);
      flushing ??= setTimeout(flush, BURST_MS);
    };
    const connect = () => {
      const target = new URL(url);
      if (lastId) target.searchParams.set('lastEventID', lastId);
      const es = (source = new EventSource(target));
      es.onopen = () => (failures = 0);
      es.onmessage = (event) => {
        lastId = event.lastEventId || lastId;
        const at = index++;
        if (event.data.length > MAX_EVENT_BYTES) return take(`an event over ${MAX_EVENT_BYTES} bytes is refused`, at);
        let entry: ScheduleEntry | string;
        try {
          entry = parseEntry(JSON.parse(event.data));
        } catch {
          entry = 'not JSON';
        }
        take(entry, at);
      };
      es.onerror = () => {
        if (es.readyState !== EventSource.CLOSED) return; // reconnecting by itself
        es.close();
        report(`the schedule ${url} dropped; reconnecting`);
        timer = setTimeout(connect, Math.min(1000 * 2 ** failures++, RETRY_MAX_MS));
      };
    };
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        clearTimeout(flushing);
        source?.close();
        resolve();
      },
      { once: true },
    );
    connect();
  });
}
