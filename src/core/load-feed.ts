import { FeedError, type FeedOptions, type FeedResult } from './feed.js';
import { yieldToPage } from '../platform/yield.js';

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
  const { timeout, maxBytes } = feedLimits;
  // The readers come beside the feed, not after it.
  const readers = import('./parse-feed.js');
  readers.catch(() => {}); // awaited below, once the body is in
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new FeedError(`the feed could not be read: no end within ${timeout / 1000} s`)), timeout);
  const stop = () => abort.abort(signal!.reason);
  signal?.addEventListener('abort', stop);
  try {
    const response = await fetch(url, {
      signal: abort.signal,
      headers: { Accept: 'application/json, application/rss+xml, application/xml;q=0.9, */*;q=0.5' },
    }).catch(() => {
      throw new FeedError('the feed could not be read: no answer (offline, or a missing CORS header)');
    });
    if (!response.ok) throw new FeedError(`the feed could not be read: HTTP ${response.status}`);
    // Read as it streams, counting: the body may be longer than it said, or endless.
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const parts: string[] = [];
    let bytes = 0;
    let deadline = performance.now() + 8;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      // Chunks already received resolve as microtasks: without a yield, one task would read them all.
      if (performance.now() > deadline) {
        await yieldToPage();
        deadline = performance.now() + 8;
      }
      bytes += chunk.value.byteLength;
      if (bytes > maxBytes) {
        void reader.cancel();
        throw new FeedError(`the feed could not be read: larger than ${maxBytes / 2 ** 20} MB`);
      }
      parts.push(decoder.decode(chunk.value, { stream: true }));
    }
    parts.push(decoder.decode());
    return await (await readers).parseFeed(parts.join(''), response.url || url, options);
  } catch (error) {
    // Aborted: the timeout's FeedError, or the caller's abort.
    throw abort.signal.aborted ? abort.signal.reason : error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  }
}
