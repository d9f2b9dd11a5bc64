import { svg } from 'lit';
import type { Product } from '../../core/product.js';

/** A mention's chip icon, a shopping bag, drawn (an emoji needs a font many systems lack). */
export const BAG = svg`<svg class="bag" viewBox="0 0 16 16" aria-hidden="true"><path d="M3 5h10l-1 9H4zM6 5a2 2 0 0 1 4 0" fill="none" stroke="currentColor" stroke-width="1.5"/></svg>`;

/** At most this many chips a message: a message listing the catalog is not a catalog. */
const MAX_CHIPS = 3;

/**
 * The show's products a message names: by `#id`, by title (whole words, any case), or by
 * its product link. Only these become chips; any other link in a message stays text.
 */
export function productMentions(text: string, products: readonly Product[]): Product[] {
  if (!products.length) return [];
  const lower = text.toLowerCase();
  const found: Product[] = [];
  for (const product of products) {
    if (found.length === MAX_CHIPS) break;
    const title = product.title.toLowerCase();
    const named =
      lower.includes(`#${product.id.toLowerCase()}`) ||
      (title.length >= 4 && wordAt(lower, title)) ||
      (!!product.link && text.includes(product.link));
    if (named) found.push(product);
  }
  return found;
}

/** Whether `needle` appears in `haystack` between non-letters (so "mug" is not in "smuggle"). */
function wordAt(haystack: string, needle: string): boolean {
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if ((!before || !/\p{L}/u.test(before)) && (!after || !/\p{L}/u.test(after))) return true;
  }
  return false;
}
