import { yieldToPage } from '../../platform/yield.js';

/**
 * `JSON.parse` for feeds of many megabytes, in tasks the page can breathe between. One
 * `JSON.parse` of a 50 MB feed is a single task of well over 100 ms; here the items list
 * (a bare array, or the top-level object's `"products"`) is cut at its commas and each
 * item parsed on its own, a few milliseconds of work at a time; the rest of the document
 * (with an empty list in its place) is one small `JSON.parse`. What it accepts and refuses
 * is exactly what `JSON.parse` does: every piece goes through it. Loaded on demand by
 * feed.ts for bodies above `BIG_JSON` characters.
 */

/** Main-thread work between two yields, in milliseconds. */
const BUDGET_MS = 8;


/** Where the items list starts and ends, and the text of each item in it. */
interface ItemsList {
  open: number;
  close: number;
  items: string[];
}

export async function parseBigJson(text: string): Promise<unknown> {
  const list = await findItems(text);
  if (!list) return JSON.parse(text);
  const items: unknown[] = [];
  let deadline = performance.now() + BUDGET_MS;
  for (let i = 0; i < list.items.length; i++) {
    if ((i & 63) === 0 && performance.now() > deadline) {
      await yieldToPage();
      deadline = performance.now() + BUDGET_MS;
    }
    items.push(JSON.parse(list.items[i]));
  }
  const rest = JSON.parse(text.slice(0, list.open + 1) + text.slice(list.close)) as unknown;
  if (Array.isArray(rest)) return items;
  const object = rest as { products: unknown };
  // A second "products" key wins, as in JSON.parse (the list cut here is the first one's).
  if (Array.isArray(object.products) && !object.products.length) object.products = items;
  return object;
}

/** Scans for the items list; undefined when the document has none (JSON.parse says why). */
async function findItems(text: string): Promise<ItemsList | undefined> {
  const first = text.search(/\S/);
  // The list's nesting depth: 1 for a bare array; 2 for "products" of the top-level object, once found.
  let listDepth = text[first] === '[' ? 1 : -1;
  if (listDepth < 0 && text[first] !== '{') return undefined;
  const key = /\s*:\s*\[/y;
  const items: string[] = [];
  let open = listDepth === 1 ? first : -1;
  let itemStart = open + 1;
  let depth = 0;
  let deadline = performance.now() + BUDGET_MS;
  let steps = 0;
  for (let i = first; i < text.length; i++) {
    if ((++steps & 0x3fff) === 0 && performance.now() > deadline) {
      await yieldToPage();
      deadline = performance.now() + BUDGET_MS;
    }
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      // To the closing quote: one not preceded by an odd number of backslashes.
      for (;;) {
        i = text.indexOf('"', i + 1);
        if (i < 0) return undefined;
        let slashes = 0;
        while (text.charCodeAt(i - 1 - slashes) === 0x5c) slashes++;
        if (!(slashes & 1)) break;
      }
      if (depth === 1 && listDepth < 0 && text.startsWith('"products"', start) && i === start + 9) {
        key.lastIndex = i + 1;
        if (key.test(text)) {
          i = open = key.lastIndex - 1;
          itemStart = i + 1;
          depth = listDepth = 2;
        }
      }
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) depth++;
    else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      if (depth === listDepth) {
        const last = text.slice(itemStart, i);
        // "[]" has no item; "[1,]" has an empty one, which JSON.parse refuses.
        if (items.length || last.trim()) items.push(last);
        return { open, close: i, items };
      }
      depth--;
    } else if (c === 0x2c /* , */ && depth === listDepth) {
      items.push(text.slice(itemStart, i));
      itemStart = i + 1;
    }
  }
  return undefined;
}
