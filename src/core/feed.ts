import type { FeedProblem } from './events.js';
import { clip, parsePrice } from './price.js';
import type { Availability, Price, Product, Variant } from './product.js';
import { safeUrl } from './safe-url.js';
import { yieldToPage } from '../platform/yield.js';

export interface FeedResult {
  products: Product[];
  /** Items skipped and fields dropped, each with its reason. */
  problems: FeedProblem[];
}

/** A feed that cannot be read at all. */
export class FeedError extends Error {
  override name = 'FeedError';
}

/**
 * An item's availability, or null when it is none of the known ones: Google Merchant's
 * values and schema.org's `ItemAvailability`, folded (lower case; no spaces, `_` or `-`;
 * schema.org's URL prefix gone). Absent is in stock (Merchant feeds without the field);
 * an unknown value is never in stock (issue 19): a sold-out product written
 * `"OutOfStock"` was sold.
 */
function availabilityOf(value: unknown): Availability | null {
  if (value === undefined) return 'in_stock';
  const folded = String(value).trim().toLowerCase().replace(/^https?:\/\/schema\.org\//, '').replace(/[\s_-]+/g, '');
  return /^(instock|limitedavailability|onlineonly)$/.test(folded)
    ? 'in_stock'
    : /^(outofstock|soldout|discontinued|instoreonly)$/.test(folded)
      ? 'out_of_stock'
      : /^(preorder|presale)$/.test(folded)
        ? 'preorder'
        : folded === 'backorder'
          ? 'backorder'
          : null;
}
/** Why an availability was not read (the values it takes are in docs/feeds.md). */
const unknownAvailability = (value: unknown) => `availability "${clip(String(value))}" is not a known one: shown out of stock`;
const MAX_TEXT = { title: 300, brand: 120, description: 5000 } as const;
const MAX_VARIANTS = 250;

export interface FeedOptions {
  /** The shop's currency, for feeds whose prices carry none (Shopify's `/products.json`, when its storefront does not say). */
  currency?: string;
}

/**
 * Reads a feed's body, whichever of the formats it is: native JSON (`{ "products": [...] }`
 * or a bare array of items with Google Merchant field names), Google Merchant RSS 2.0 XML,
 * or a Shopify storefront's `/products.json`. `base` resolves relative links and images.
 * The readers (parse-feed.ts) load on demand: a page whose products come as an array
 * never needs them, and `loadFeed` fetches them beside the feed.
 */
export const parseFeed = (body: string, base?: string, options?: FeedOptions): Promise<FeedResult> =>
  import('./parse-feed.js').then((readers) => readers.parseFeed(body, base, options));

/** Checks every item; the good ones come back as products, the rest as problems. */
export function validateItems(items: readonly unknown[], base?: string): FeedResult {
  const result: FeedResult = { products: [], problems: [] };
  validateSlice(items, 0, items.length, base, result, new Set());
  return result;
}

/** Items validated between two yields to the page: a few milliseconds of work. */
const SLICE = 1000;

/** `validateItems` for big feeds: it lets the page breathe (input, frames) between slices. */
export async function validateItemsYielding(items: readonly unknown[], base?: string): Promise<FeedResult> {
  const result: FeedResult = { products: [], problems: [] };
  const seen = new Set<string>();
  for (let start = 0; start < items.length; start += SLICE) {
    if (start) await yieldToPage();
    validateSlice(items, start, Math.min(items.length, start + SLICE), base, result, seen);
  }
  return result;
}

function validateSlice(items: readonly unknown[], start: number, end: number, base: string | undefined, out: FeedResult, seen: Set<string>): void {
  for (let index = start; index < end; index++) {
    const item = items[index];
    const result = validateItem(item, index, base, out.problems);
    if (typeof result === 'string') {
      out.problems.push({ index, id: idOf(item), reason: result });
    } else if (seen.has(result.id)) {
      out.problems.push({ index, id: result.id, reason: 'duplicate id; the first one is kept' });
    } else {
      seen.add(result.id);
      out.products.push(result);
    }
  }
}

function idOf(item: unknown): string | undefined {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
}

/** A variant without its own price costs the product's. Returns why it is dropped when it cannot be read. */
function validateVariant(value: unknown, productPrice: Price, base: string | undefined): Variant | string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'variant is not an object';
  const raw = value as Record<string, unknown>;
  const id = idOf(raw)?.trim();
  if (!id) return 'variant has no id';
  const title = text(raw.title, MAX_TEXT.title);
  if (!title) return 'variant has no title';
  const price = raw.price === undefined ? productPrice : parsePrice(raw.price);
  if (typeof price === 'string') return `variant ${price}`;
  // An unknown availability is never in stock.
  const variant: Variant = { id, title, price, availability: availabilityOf(raw.availability) ?? 'out_of_stock' };
  const sale = raw.sale_price === undefined ? undefined : parsePrice(raw.sale_price);
  if (sale && typeof sale !== 'string' && sale.currency === price.currency && sale.value < price.value) variant.sale_price = sale;
  const image = raw.image_link === undefined ? null : safeUrl(raw.image_link, base);
  if (image) variant.image_link = image;
  return variant;
}

/** Returns the product, or why the item is skipped. Dropped fields go to `problems`. */
function validateItem(item: unknown, index: number, base: string | undefined, problems: FeedProblem[]): Product | string {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return 'not an object';
  const raw = item as Record<string, unknown>;
  const id = idOf(raw)?.trim();
  if (!id) return 'no id';
  const title = text(raw.title, MAX_TEXT.title);
  if (!title) return 'no title';
  const price = parsePrice(raw.price);
  if (typeof price === 'string') return price;

  const product: Product = { id, title, price, availability: 'in_stock' };
  const drop = (field: string, reason: string) => problems.push({ index, id, field, reason });

  for (const field of ['link', 'image_link'] as const) {
    if (raw[field] === undefined) continue;
    const url = safeUrl(raw[field], base);
    if (url) product[field] = url;
    else drop(field, `${field} is not an http(s) URL`);
  }
  if (raw.sale_price !== undefined) {
    const sale = parsePrice(raw.sale_price);
    if (typeof sale === 'string') drop('sale_price', sale);
    else if (sale.currency !== price.currency) drop('sale_price', 'sale_price currency differs from price');
    else if (sale.value < price.value) product.sale_price = sale;
  }
  const availability = availabilityOf(raw.availability);
  if (availability) product.availability = availability;
  else {
    product.availability = 'out_of_stock';
    drop('availability', unknownAvailability(raw.availability));
  }
  if (raw.variants !== undefined) {
    if (!Array.isArray(raw.variants)) drop('variants', 'variants is not a list');
    else {
      const variants: Variant[] = [];
      raw.variants.slice(0, MAX_VARIANTS).forEach((v: unknown, i: number) => {
        const variant = validateVariant(v, price, base);
        if (typeof variant === 'string') drop(`variants[${i}]`, variant);
        else if (variants.some((other) => other.id === variant.id)) drop(`variants[${i}]`, 'duplicate variant id');
        else {
          variants.push(variant);
          const availability = (v as Record<string, unknown>).availability;
          if (availabilityOf(availability) === null) drop(`variants[${i}].availability`, unknownAvailability(availability));
        }
      });
      if (variants.length) product.variants = variants;
    }
  }
  const brand = text(raw.brand, MAX_TEXT.brand);
  if (brand) product.brand = brand;
  const description = text(raw.description, MAX_TEXT.description);
  if (description) product.description = description;
  return product;
}
