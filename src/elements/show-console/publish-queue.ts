import { deadline } from '../../platform/deadline.js';
import { errorMessage } from '../../platform/errors.js';

/** How a featured product reaches the viewers' `schedule` stream. */
export type PublishFormat = 'json' | 'mercure';

/** One "Feature now" (or "Clear", `product: null`) stamped with the wall-clock time of the click. */
export interface PublishEntry {
  readonly product: string | null;
  /** ISO date-time: each viewer applies the entry when its playing program date-time reaches it. */
  readonly at: string;
  /**
   * `pending`: waiting its turn, or on its first try; `failed`: the last try failed, the
   * next one is due at `retryAt`; `retrying`: a later try is in flight.
   */
  state: 'pending' | 'failed' | 'retrying';
  attempts: number;
  /** Why the last try failed. */
  error?: string;
  /** When the next try starts (`Date.now()` time), while `failed`. */
  retryAt?: number;
}

/** Where and how to publish, read again for every try: a changed token or URL applies to the next one. */
export interface PublishTarget {
  url: string;
  format: PublishFormat;
  topic: string;
  token: string | null;
}

/** Back-off before the n-th retry: 1 s, 2 s, 4 s … at most 30 s. */
export const retryDelay = (attempts: number): number => Math.min(30_000, 1000 * 2 ** Math.max(0, attempts - 1));
/** A hub that neither answers nor fails holds the queue no longer than this. */
const TIMEOUT_MS = 10_000;

/** The request that publishes one entry: JSON `{ product, at }`, or a Mercure update. */
export function publishRequest(entry: Pick<PublishEntry, 'product' | 'at'>, target: PublishTarget): RequestInit {
  const update = JSON.stringify({ product: entry.product, at: entry.at });
  const headers: Record<string, string> = {};
  if (target.token) headers.Authorization = `Bearer ${target.token}`;
  if (target.format === 'mercure') {
    // Mercure: a form with exactly one `topic` and the update as `data`.
    if (!target.topic) throw new Error('publish-format="mercure" needs a topic');
    return { method: 'POST', headers, body: new URLSearchParams({ topic: target.topic, data: update }) };
  }
  headers['Content-Type'] = 'application/json';
  return { method: 'POST', headers, body: update };
}

export interface PublishQueueHost {
  /** The target of the next try; null when the console has no `publish` URL. */
  target(): Promise<PublishTarget | null>;
  /** The queue or an entry's state changed. */
  changed(): void;
  /** The first failure after a success (or since the start): once per failure streak. */
  failing(message: string): void;
}

/**
 * Publishes entries one at a time, in order: a later entry waits behind one that keeps
 * failing, which is retried with back-off until it goes through. Nothing is dropped, and
 * nothing overtakes: viewers replay the stream in order, and the last entry must win.
 */
export class PublishQueue {
  readonly entries: PublishEntry[] = [];
  private running = false;
  private stopped = true;
  private streak = false;
  private timer?: ReturnType<typeof setTimeout>;
  private abort?: AbortController;
  private wake?: () => void;

  constructor(private readonly host: PublishQueueHost) {}

  push(product: string | null, at: string): void {
    this.entries.push({ product, at, state: 'pending', attempts: 0 });
    this.host.changed();
    void this.run();
  }

  /** Starts (again) sending; the entries of a stopped queue are kept. */
  start(): void {
    this.stopped = false;
    void this.run();
  }

  /** Stops sending: the try in flight is cut short and will be made again on `start()`. */
  stop(): void {
    this.stopped = true;
    this.abort?.abort();
    this.retryNow();
  }

  /** Ends the wait before the next retry (the "Retry" button, the network coming back). */
  retryNow(): void {
    clearTimeout(this.timer);
    this.wake?.();
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (!this.stopped && this.entries.length) {
        const entry = this.entries[0];
        if (await this.send(entry)) {
          this.entries.shift();
          this.streak = false;
          this.host.changed();
        } else if (!this.stopped) {
          await this.backOff(entry);
        }
      }
    } finally {
      this.running = false;
    }
  }

  /** One try; true when the hub took it. */
  private async send(entry: PublishEntry): Promise<boolean> {
    entry.state = entry.attempts ? 'retrying' : 'pending';
    entry.attempts++;
    this.host.changed();
    const abort = (this.abort = new AbortController());
    const request = deadline(TIMEOUT_MS, () => new Error('no answer'), abort.signal);
    try {
      const target = await this.host.target();
      if (!target) return true;
      const response = await fetch(target.url, { ...publishRequest(entry, target), signal: request.signal });
      if (response.ok) return true;
      entry.error = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    } catch (error) {
      entry.error = errorMessage(request.signal.aborted ? request.signal.reason : error);
    } finally {
      request.release();
    }
    if (abort.signal.aborted) {
      // Stopped (disconnected): not a failure, the same try is made again later.
      entry.attempts--;
      entry.state = entry.attempts ? 'failed' : 'pending';
      return false;
    }
    entry.state = 'failed';
    if (!this.streak) {
      this.streak = true;
      this.host.failing(`publishing ${entry.product ?? 'clear'} failed (${entry.error}); retrying`);
    }
    return false;
  }

  private backOff(entry: PublishEntry): Promise<void> {
    entry.retryAt = Date.now() + retryDelay(entry.attempts);
    this.host.changed();
    return new Promise((resolve) => {
      this.wake = () => {
        this.wake = undefined;
        resolve();
      };
      this.timer = setTimeout(this.wake, entry.retryAt! - Date.now());
    });
  }
}
