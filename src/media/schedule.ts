import type { FeedProblem } from '../core/events.js';

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
export function parseEntry(raw: unknown): ScheduleEntry | string {
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
  /** Their keys, oldest first from `oldest`: a ring of MAX_ENTRIES. */
  private readonly arrivalKeys: string[] = [];
  private oldest = 0;

  constructor(private readonly clock: PlaybackClock) {}

  /** A whole schedule (a JSON read): replaces what was there. */
  replace(entries: readonly ScheduleEntry[]): void {
    this.entries = entries.map((entry) => this.placed(entry)).sort((a, b) => +a.at - +b.at);
  }

  /** A dated entry on a stream without program date-times applies on arrival: at the media time it came. */
  private placed(entry: ScheduleEntry): ScheduleEntry {
    if (!(entry.at instanceof Date) || this.clock.date() !== null) return entry;
    const key = `${+entry.at} ${entry.product}`;
    if (!this.arrivals.has(key)) {
      this.arrivals.set(key, this.clock.time());
      // The oldest arrivals go first: a hub that sends 60,000 distinct entries holds
      // MAX_ENTRIES of them, not all (M2). By a ring of their keys, not the Map's first
      // key: after many deletes Firefox walks past each deleted one to find it.
      if (this.arrivalKeys.length < MAX_ENTRIES) this.arrivalKeys.push(key);
      else {
        this.arrivals.delete(this.arrivalKeys[this.oldest]);
        this.arrivalKeys[this.oldest] = key;
        this.oldest = (this.oldest + 1) % MAX_ENTRIES;
      }
    }
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
