import { deadline } from '../platform/deadline.js';
import { afterStart } from '../platform/start-gate.js';
import { FeedError, type FeedOptions, type FeedResult } from './feed.js';

/**
 * What a feed may take. A feed that never finishes (or trickles) would otherwise leave the
 * catalog loading forever, and one without end fill the tab's memory. The cap is well
 * above the 50 MB feeds livecart reads smoothly. Tests shorten them.
 */
export const feedLimits = { timeout: 30_000, maxBytes: 64 * 2 ** 20 };

/**
 * Fetches and parses a feed URL. Rejects with a FeedError whose message a shopper's
 * widget can show when the feed cannot be read at all (without the URL: the element's
 * `livecart-error` adds it for the developer): no answer, an HTTP error, too slow
 * (`feedLimits.timeout` for the whole body) or too large (`feedLimits.maxBytes`).
 */
export async function loadFeed(url: string, signal?: AbortSignal, options?: FeedOptions): Promise<FeedResult> {
  const { timeout } = feedLimits;
  // The reader comes beside the feed's answer, not after it, and once the page's first frame
  // is up (start-gate.ts): the fetch itself goes out at once.
  const reader = afterStart().then(() => import('./parse-feed.js'));
  reader.catch(() => {}); // awaited below, once the answer is in
  const read = deadline(timeout, () => new FeedError(`the feed could not be read: no end within ${timeout / 1000} s`), signal);
  try {
    const response = await fetch(url, {
      signal: read.signal,
      headers: { Accept: 'application/json, application/rss+xml, application/xml;q=0.9, */*;q=0.5' },
    }).catch(() => {
      throw new FeedError('the feed could not be read: no answer (offline, or a missing CORS header)');
    });
    return await (await reader).readFeed(response, url, options);
  } catch (error) {
    // Aborted: the timeout's FeedError, or the caller's abort.
    throw read.signal.aborted ? read.signal.reason : error;
  } finally {
    read.release();
  }
}
