import { FeedError, parseFeed, type FeedOptions, type FeedResult } from './feed.js';

/**
 * Fetches and parses a feed URL. Rejects with a FeedError whose message a shopper's
 * widget can show when the feed cannot be read at all (without the URL: the element's
 * `livecart-error` adds it for the developer).
 */
export async function loadFeed(url: string, signal?: AbortSignal, options?: FeedOptions): Promise<FeedResult> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json, application/rss+xml, application/xml;q=0.9, */*;q=0.5' } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new FeedError('the feed could not be read: no answer (offline, or a missing CORS header)');
  }
  if (!response.ok) throw new FeedError(`the feed could not be read: HTTP ${response.status}`);
  return await parseFeed(await response.text(), response.url || url, options);
}
