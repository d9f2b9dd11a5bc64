import type { FeedProblem } from '../core/events.js';
import { readCapped } from '../core/read-capped.js';
import { deadline } from '../platform/deadline.js';
import { errorMessage } from '../platform/errors.js';
import { SETTLE_MS } from './product-cues.js';
import { MAX_ENTRIES, MAX_EVENT_BYTES, parseEntry, parseSchedule, type ScheduleEntry, type ScheduleFollower } from './schedule.js';

// Following a schedule's URL (media/schedule.ts is what a schedule is): a JSON schedule
// read again while live, or a hub's Server-Sent Events; each within limits, backing off.

/**
 * What one read of a JSON schedule may take: MAX_ENTRIES entries are about 2 MB, and a
 * schedule that never answers is an error after `timeout` ms (then re-read, backing off).
 * Skipped entries are reported at most once in `reportEvery` ms. Tests shorten them.
 */
export const scheduleLimits = { timeout: 20_000, maxBytes: 4 * 2 ** 20, reportEvery: 5000 };

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
  /** The show's conversation, carried by the same event stream (CONTRACT 11): each event as it comes. */
  onChat?(event: { type: string; data: string }): void;
}

/** The event types of a show's conversation on its stream. */
export const CHAT_EVENTS = ['chat', 'hide', 'pin', 'reaction', 'viewers'] as const;

const RETRY_MAX_MS = 60_000;
/**
 * The wait before retry `attempt` (from 0): doubling from `base`, at most RETRY_MAX_MS, and
 * jittered (half of it to all of it) so that viewers dropped by one outage do not all
 * come back in step.
 */
export const backoff = (base: number, attempt: number) => Math.min(base * 2 ** attempt, RETRY_MAX_MS) * (0.5 + Math.random() / 2);
export const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
/**
 * How long events are gathered before they are taken in: a burst (Chromium delivers one in
 * a single task) costs one decision, and the product on screen changes at most once in
 * this long, however fast a hub alternates (M6): the settle time of the stream's own cues.
 */
const BURST_MS = SETTLE_MS;
/** A connection to the hub that held this long was a good one (see followEvents). */
const STABLE_MS = 5000;
/** Connections in a row that dropped sooner than STABLE_MS before livecart backs off itself. */
const STORM_DROPS = 3;

/** What one report of skipped entries lists; the count covers them all. */
const PROBLEMS_LISTED = 100;
/**
 * Tells skipped entries at most once in `scheduleLimits.reportEvery` ms, counted (L7): a hub
 * that sends a bad event every few milliseconds is one `livecart-error` and one warning a
 * while, not one each. The first is told at once.
 */
export function skippedEntries(report: ScheduleOptions['report'], signal: AbortSignal) {
  let count = 0;
  let listed: FeedProblem[] = [];
  let quietUntil = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tell = () => {
    timer = undefined;
    if (!count) return;
    report(`${count} schedule entr${count > 1 ? 'ies' : 'y'} skipped`, listed);
    [count, listed] = [0, []];
    quietUntil = performance.now() + scheduleLimits.reportEvery;
  };
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return (problems: readonly FeedProblem[]) => {
    if (!problems.length || signal.aborted) return;
    count += problems.length;
    listed.push(...problems.slice(0, PROBLEMS_LISTED - listed.length));
    timer ??= setTimeout(tell, Math.max(0, quietUntil - performance.now()));
  };
}

/**
 * Follows the schedule at `url` until `signal` aborts: reads it, tells the kind by its
 * Content-Type, and keeps it current (events, or reads while live). Never clears what is
 * featured because a connection dropped; retries with exponential back-off.
 */
export async function followSchedule(url: string, options: ScheduleOptions): Promise<void> {
  const { signal, report } = options;
  const skipped = skippedEntries(report, signal);
  let etag: string | null = null;
  let failures = 0;
  while (!signal.aborted) {
    let wait: number;
    // A read that never ends gives up (M3): it would hold the re-reads back without a word.
    const { timeout, maxBytes } = scheduleLimits;
    const timedOut = () => new Error(`no answer within ${timeout / 1000} s`);
    const read = deadline(timeout, timedOut, signal);
    try {
      // `no-cache`: the browser revalidates (If-None-Match) itself, so a schedule on another
      // origin needs no CORS preflight, as a header of ours would.
      const response = await fetch(url, { signal: read.signal, headers: { Accept: 'application/json, text/event-stream' }, cache: 'no-cache' });
      if (/^text\/event-stream\b/i.test(response.headers.get('Content-Type') ?? '')) {
        // EventSource, not this response: it sends Last-Event-ID when it reconnects. Its
        // body is cancelled, and the request stays tied to `signal` until the events stop
        // (released in `finally`), as it was when every engine's CI closed it: a Firefox
        // CI run kept a subscription open after the player left when it was not.
        read.untimed();
        void response.body?.cancel().catch(() => {});
        return await followEvents(url, options, skipped);
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const tag = response.headers.get('ETag');
      if (!tag || tag !== etag) {
        const text = await readCapped(response, maxBytes, () => new Error(`larger than ${maxBytes / 2 ** 20} MB`));
        const { entries, problems } = parseSchedule(JSON.parse(text));
        if (signal.aborted) return;
        etag = tag;
        options.follower.replace(entries);
        options.onChange();
        skipped(problems);
      }
      failures = 0;
      wait = options.interval();
    } catch (error) {
      if (signal.aborted) return;
      // Once per outage, not at every retry.
      const why = errorMessage(read.signal.aborted ? read.signal.reason : error);
      if (!failures) report(`the schedule ${url} could not be read (${why})`);
      wait = backoff(options.interval(), failures++);
    } finally {
      read.release();
    }
    await sleep(wait, signal);
    // A replay's schedule, or a show that has ended, is read once.
    if (!options.live()) return;
  }
}

/**
 * Takes in a stream's product events (`{ "product", "at" }` JSON, each one's text), as the
 * SSE and NATS followers both receive them: an oversized or malformed one is skipped and
 * reported; a burst is taken in once, after it: the follower prunes and sorts once, the
 * featured product is decided once and skipped entries are reported in one message.
 */
export function entryIntake(follower: ScheduleFollower, onChange: () => void, skipped: (problems: FeedProblem[]) => void) {
  let index = 0;
  let burst: ScheduleEntry[] = [];
  let problems: FeedProblem[] = [];
  let flushing: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    flushing = undefined;
    const refused = follower.add(burst);
    if (refused) problems.push({ index: -1, reason: `more than ${MAX_ENTRIES} pending entries: the ${refused} latest refused` });
    skipped(problems);
    if (burst.length) onChange();
    burst = [];
    problems = [];
  };
  const take = (data: string) => {
    const at = index++;
    let entry: ScheduleEntry | string;
    if (data.length > MAX_EVENT_BYTES) entry = `an event over ${MAX_EVENT_BYTES} bytes is refused`;
    else
      try {
        entry = parseEntry(JSON.parse(data));
      } catch {
        entry = 'not JSON';
      }
    if (typeof entry === 'string') problems.push({ index: at, reason: entry });
    else burst.push(entry);
    flushing ??= setTimeout(flush, BURST_MS);
  };
  return { take, stop: () => clearTimeout(flushing) };
}

/**
 * Server-Sent Events through EventSource: it reconnects by itself (after the server's
 * `retry`) and sends `Last-Event-ID` then, with no CORS preflight. When it gives up (an
 * HTTP error, a wrong Content-Type), a new one follows after an exponential back-off,
 * asking for what it missed with Mercure's `lastEventID` query parameter.
 */
function followEvents(url: string, { signal, follower, onChange, report, onChat }: ScheduleOptions, skipped: (problems: FeedProblem[]) => void): Promise<void> {
  // Stopped while the first answer came (the player left): an abort listener added now would never hear it.
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    let lastId = '';
    let failures = 0;
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const intake = entryIntake(follower, onChange, skipped);
    // When each connection drops soon after it was made (a hub answering `retry: 0` and
    // closing), EventSource's own reconnection would storm it (547 connections in 10 s, M1):
    // after STORM_DROPS of those, livecart reconnects itself, backing off.
    let openedAt = 0;
    let briefDrops = 0;
    const connect = () => {
      const target = new URL(url);
      if (lastId) target.searchParams.set('lastEventID', lastId);
      const es = (source = new EventSource(target));
      openedAt = performance.now();
      es.onopen = () => (openedAt = performance.now());
      es.onmessage = (event) => {
        lastId = event.lastEventId || lastId;
        intake.take(event.data);
      };
      // The conversation: passed on as it comes (the chat's chunk reads it); an oversized one never.
      if (onChat)
        for (const type of CHAT_EVENTS)
          es.addEventListener(type, (event) => {
            lastId = event.lastEventId || lastId;
            if (event.data.length <= MAX_EVENT_BYTES) onChat({ type, data: event.data });
          });
      es.onerror = () => {
        const brief = performance.now() - openedAt < STABLE_MS;
        briefDrops = brief ? briefDrops + 1 : 0;
        if (!brief) failures = 0;
        // Reconnecting by itself, after a connection that held (or the first brief ones).
        if (es.readyState !== EventSource.CLOSED && briefDrops < STORM_DROPS) return;
        es.close();
        // Once per outage, not at every retry.
        if (!failures) report(`the schedule ${url} dropped; reconnecting`);
        timer = setTimeout(connect, backoff(1000, failures++));
      };
    };
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        intake.stop();
        source?.close();
        resolve();
      },
      { once: true },
    );
    connect();
  });
}
