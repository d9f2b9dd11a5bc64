// The feed reader behind `loadFeed` and `parseFeed`: loaded beside a feed URL's answer,
// never by a page whose products come as an array from JavaScript.
import { FeedError, validateItemsYielding, type FeedOptions, type FeedResult } from './feed.js';
import { feedLimits } from './load-feed.js';
import { currentPrice, type Product } from './product.js';
import { clip, formatPrice, isCurrency } from './price.js';
import { readCapped } from './read-capped.js';
import { errorMessage } from '../platform/errors.js';
import { yieldToPage } from '../platform/yield.js';

/**
 * Reads a feed's body, whichever of the formats it is: native JSON (`{ "products": [...] }`
 * or a bare array of items with Google Merchant field names), Google Merchant RSS 2.0 XML,
 * or a Shopify storefront's `/products.json`. `base` resolves relative links and images.
 * The XML, Shopify and big-JSON readers are fetched (a dynamic import) only when a feed needs one.
 */
export async function parseFeed(body: string, base?: string, options: FeedOptions = {}): Promise<FeedResult> {
  const text = body.trim();
  let items: unknown[];
  // A wrong URL often answers the site's HTML (a 404 page, a SPA's index): say that, not "bad XML".
  if (/^<(?:!doctype\s+html|html[\s>])/i.test(text)) throw new FeedError('the feed URL answers a web page (HTML), not a feed');
  if (text.startsWith('<')) {
    const { merchantRssItems } = await import('./feeds/merchant-rss.js');
    try {
      items = await merchantRssItems(text);
    } catch (error) {
      throw new FeedError(errorMessage(error));
    }
  } else {
    let data: unknown;
    try {
      data = text.length > BIG_JSON ? await (await import('./feeds/big-json.js')).parseBigJson(text) : JSON.parse(text);
    } catch {
      throw new FeedError(`the feed is not valid JSON (${clip(text, 40) || 'empty'})`);
    }
    if (isShopifyProducts(data)) {
      const { shopifyCurrency, shopifyProductItems } = await import('./feeds/shopify-products.js');
      const currency = (await shopifyCurrency(base, options.currency))?.toUpperCase();
      if (!currency || !isCurrency(currency)) {
        throw new FeedError(
          'a Shopify /products.json has no currency and its shop did not say one: set it with configure({ currency: "EUR" })',
        );
      }
      items = shopifyProductItems(data as { products: unknown[] }, currency, base);
    } else items = itemsOf(data);
  }
  // Reading the body is one task; checking the items is split so the page keeps responding.
  await yieldToPage();
  return validateItemsYielding(items, base);
}

/**
 * Reads a feed's answer (see loadFeed) as it streams, within `feedLimits.maxBytes`, and
 * parses it. `url` is the one asked for, for relative links when the answer has none.
 */
export async function readFeed(response: Response, url: string, options?: FeedOptions): Promise<FeedResult> {
  const { maxBytes } = feedLimits;
  if (!response.ok) throw new FeedError(`the feed could not be read: HTTP ${response.status}`);
  const body = await readCapped(response, maxBytes, () => new FeedError(`the feed could not be read: larger than ${maxBytes / 2 ** 20} MB`));
  const result = await parseFeed(body, response.url || url, options);
  await preparePriceFormat(result.products[0]);
  return result;
}

/**
 * Makes the price formatter for `product` in the page's language in a task of its own, then
 * resolves in the task after: the first one a page makes costs tens of milliseconds (ICU's
 * data), which would otherwise add to the task of the catalog's render that shows the prices.
 */
async function preparePriceFormat(product: Product | undefined): Promise<void> {
  if (!product) return;
  await yieldToPage();
  // The page's language as elements usually read it (i18n/strings.ts's localeOf); where it
  // differs, the formatter is made again, but the language's data is loaded by then.
  formatPrice(currentPrice(product), document.documentElement.lang || navigator.language);
  await yieldToPage();
}

/** Above this many characters a JSON feed is parsed item by item, between yields (feeds/big-json.ts). */
const BIG_JSON = 2_000_000;

/** True for a Shopify storefront's `/products.json` (products with `handle` and `variants`). */
function isShopifyProducts(data: unknown): boolean {
  const first = (data as { products?: unknown[] } | null)?.products?.[0];
  return !!first && typeof first === 'object' && 'handle' in first && Array.isArray((first as { variants?: unknown }).variants);
}

function itemsOf(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  const products = (data as { products?: unknown } | null)?.products;
  if (Array.isArray(products)) return products;
  throw new FeedError('the feed has no "products" list');
}

