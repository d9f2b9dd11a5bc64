import type { ErrorDetail } from '../events.js';

/** One moment of a schedule: a product featured from `at` (seconds from start, or a wall-clock time). */
export interface ScheduleEntry {
  product: string;
  /** Seconds from the start of the stream, or a time matched against EXT-X-PROGRAM-DATE-TIME. */
  at: number | Date;
}

export type ScheduleProblem = NonNullable<ErrorDetail['problems']>[number];

/**
 * Reads a schedule: `[{ "product": "<id>", "at": <seconds> | "<ISO date-time>" }]`.
 * Bad entries are skipped and reported; the rest come back ordered by time.
 */
export function parseSchedule(data: unknown): { entries: ScheduleEntry[]; problems: ScheduleProblem[] } {
  const entries: ScheduleEntry[] = [];
  const problems: ScheduleProblem[] = [];
  if (!Array.isArray(data)) return { entries, problems: [{ index: -1, reason: 'the schedule is not a JSON array' }] };
  data.forEach((raw, index) => {
    const { product, at } = (raw ?? {}) as { product?: unknown; at?: unknown };
    if (typeof product !== 'string' || !product.trim()) return problems.push({ index, reason: 'no product id' });
    if (typeof at === 'number' && Number.isFinite(at) && at >= 0) return entries.push({ product, at });
    if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(at) && !Number.isNaN(Date.parse(at))) {
      return entries.push({ product, at: new Date(at) });
    }
    problems.push({ index, id: product, reason: `"at" must be seconds or an ISO date-time` });
  });
  entries.sort((a, b) => +a.at - +b.at);
  return { entries, problems };
}

/**
 * The product scheduled at a point of playback: the last entry at or before it. Offsets
 * compare with the media time, dates with the playing program date-time (when known).
 */
export function scheduledProduct(entries: readonly ScheduleEntry[], time: number, date: Date | null): string | null {
  let current: string | null = null;
  for (const entry of entries) {
    const reached = typeof entry.at === 'number' ? entry.at <= time : date !== null && entry.at <= date;
    if (reached) current = entry.product;
  }
  return current;
}

/** A schedule following one player's playback: it says when the scheduled product changes. */
export class ScheduleFollower {
  private current: string | null = null;

  constructor(private readonly entries: readonly ScheduleEntry[]) {}

  /** The product to feature now, when it differs from the last answer; else undefined. */
  next(time: number, date: Date | null): string | undefined {
    const id = scheduledProduct(this.entries, time, date);
    if (id === this.current) return undefined;
    this.current = id;
    return id ?? undefined;
  }
}

/** Fetches and reads a schedule. Rejects when it cannot be fetched or is not JSON. */
export async function loadSchedule(url: string, signal: AbortSignal): Promise<{ follower: ScheduleFollower; problems: ScheduleProblem[] }> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const { entries, problems } = parseSchedule(await response.json());
  return { follower: new ScheduleFollower(entries), problems };
}
