import { atom } from 'nanostores';
import { linkAdapter } from '../commerce/adapters/link.js';
import type { Cart, CartAdapter, CartLine } from '../commerce/adapters/types.js';
import { clip, parsePrice } from '../commerce/price.js';
import type { Price } from '../commerce/product.js';
import { safeUrl } from '../commerce/safe-url.js';
import { emit } from '../events.js';
import { readJson, writeJson } from './storage.js';

export type { Cart, CartAdapter, CartLine } from '../commerce/adapters/types.js';
export { CartError } from '../commerce/adapters/types.js';

/** The localStorage key of the page's cart; other tabs hear changes to it. */
export const CART_KEY = 'livecart:cart';
/**
 * Limits on what the cart holds, whoever wrote it (this page, another tab, a stored value
 * edited by hand, a back end): more lines, larger quantities or longer strings than any
 * shopper's cart would once took seconds to read and render.
 */
export const MAX_LINES = 100;
export const MAX_QUANTITY = 99;
const MAX_TEXT = 300;

/** The one quantity clamp: a whole number from 1 to MAX_QUANTITY (NaN and junk give 1). */
export const clampQuantity = (n: unknown): number => Math.min(MAX_QUANTITY, Math.max(1, Math.floor(Number(n)) || 1));

const stored = readStored();
/**
 * The shopper's cart: one per page, whichever show a button belongs to. Persisted in
 * localStorage and kept in step with the page's other tabs; without storage it lives in
 * memory. Change it through the actions below, never with `set`.
 */
export const $cart = atom<Cart>({ lines: stored.lines });
/**
 * True when storage refused the cart (quota, private mode): it then lasts only as long
 * as this page, and the cart view says so.
 */
export const $cartPageOnly = atom(false);

let adapter: Promise<CartAdapter> = Promise.resolve(linkAdapter());
/** True when a cart adapter (anything but `link`) is configured; elements show the cart then. */
export const $hasCart = atom(false);
let fromOtherTab = false;

$cart.listen((cart) => {
  if (!fromOtherTab) persist(cart);
  emit(document, 'livecart-cart-change', { cart });
});
// Lines that could not be read are dropped once, not on every later load.
if (stored.dropped) persist($cart.get());

/**
 * Stores the cart; when storage refuses it (a full quota, private mode), a compact form
 * (no images or links, which a reload can do without), else says once that the cart is
 * kept on this page only (the cart view tells the shopper).
 */
function persist(cart: Cart): void {
  const ok = writeJson(CART_KEY, cart) || writeJson(CART_KEY, { lines: cart.lines.map(({ image_link, link, ...l }) => l) });
  if (ok || $cartPageOnly.get()) return $cartPageOnly.set(!ok);
  $cartPageOnly.set(true);
  // storage.ts has warned on the console already.
  emit(document, 'livecart-error', { show: 'default', code: 'cart', message: 'the cart cannot be stored: it is kept on this page only' });
}

// Another tab of the page's origin changed the cart. What is stored now, not the event's
// value: a third tab may have written since. Guarded: the store may be imported where
// there is no window (a server render).
globalThis.addEventListener?.('storage', (event) => {
  if (event.key !== CART_KEY && event.key !== null) return;
  fromOtherTab = true;
  try {
    $cart.set({ lines: readStored().lines });
  } finally {
    fromOtherTab = false;
  }
});

/**
 * Sets the back end (see `configure({ cart })`). `hasCart` is known before a lazily
 * loaded adapter is, so `action="auto"` buttons pick the cart at once.
 */
export function setCartAdapter(next: CartAdapter | Promise<CartAdapter>, hasCart: boolean): void {
  adapter = Promise.resolve(next);
  $hasCart.set(hasCart);
  // A remote cart may hold more (or less) than this tab remembers.
  void syncCart().catch((error) => console.warn('livecart: the cart could not be read from its back end', error));
}

export const hasCartAdapter = (): boolean => $hasCart.get();

/**
 * The actions below load the cart's queue (cart-queue.ts: the optimistic change, its
 * rollback, the back end's answers) the first time one runs, or as soon as a cart back end
 * is configured: a page with neither never fetches it. Once loaded they run as before,
 * the optimistic change applied inside the call.
 */
let queueModule: typeof import('./cart-queue.js') | undefined;
let queueLoad: Promise<typeof import('./cart-queue.js')> | undefined;
function withQueue<T>(run: (queue: typeof import('./cart-queue.js')) => Promise<T>): Promise<T> {
  if (queueModule) return run(queueModule);
  queueLoad ??= import('./cart-queue.js').then(
    (module) => (queueModule = module),
    (error: unknown) => {
      queueLoad = undefined;
      throw error;
    },
  );
  return queueLoad.then(run);
}

/** Adds `line.quantity` of `line.id`; rolls back and rejects with a CartError when the back end fails. */
export const addToCart = (line: CartLine): Promise<void> => withQueue((queue) => queue.addToCart(line));

/** Sets a line's quantity; 0 removes it. */
export const setQuantity = (id: string, quantity: number): Promise<void> => withQueue((queue) => queue.setQuantity(id, quantity));

export const removeFromCart = (id: string): Promise<void> => withQueue((queue) => queue.removeFromCart(id));

/** Replaces the cart with the back end's, when it has one of its own. */
export const syncCart = (): Promise<void> => withQueue((queue) => queue.syncCart());

/** The URL to check the cart out at, from the back end; rejects when there is none. */
export const checkoutUrl = (): Promise<string> => withQueue((queue) => queue.checkoutUrl());

/** The configured back end (for cart-queue.ts). */
export const cartAdapter = (): Promise<CartAdapter> => adapter;

/** Item count across lines. */
export const itemCount = (cart: Cart): number => cart.lines.reduce((n, l) => n + l.quantity, 0);

/** One subtotal per currency, in the order the currencies first appear. */
export function subtotals(cart: Cart): Price[] {
  const sums = new Map<string, number>();
  for (const l of cart.lines) sums.set(l.price.currency, (sums.get(l.price.currency) ?? 0) + l.price.value * l.quantity);
  // Cents, so 3 × 0.1 shows as 0.30 and not 0.30000000000000004.
  return [...sums].map(([currency, value]) => ({ currency, value: Math.round(value * 100) / 100 }));
}

export function readStored(): { lines: CartLine[]; dropped: boolean } {
  let dropped = false;
  const lines = readLines(readJson(CART_KEY), () => (dropped = true));
  return { lines, dropped };
}

/**
 * Lines from storage, another tab or a back end: anything malformed, repeated or past
 * MAX_LINES is dropped with one warning, and `onDrop` hears of it.
 */
export function readLines(value: unknown, onDrop?: () => void): CartLine[] {
  if (value === undefined) return [];
  const raw = (value as { lines?: unknown } | null)?.lines ?? value;
  if (!Array.isArray(raw)) {
    console.warn('livecart: ignoring a stored cart that has no lines', clip(String(value)));
    onDrop?.();
    return [];
  }
  const lines: CartLine[] = [];
  const ids = new Set<string>();
  let dropped = 0;
  for (const item of raw) {
    const line = lines.length < MAX_LINES ? readLine(item) : null;
    if (line && !ids.has(line.id)) {
      ids.add(line.id);
      lines.push(line);
    } else dropped++;
  }
  if (dropped) {
    console.warn(`livecart: dropped ${dropped} unreadable, repeated or surplus cart line(s)`);
    onDrop?.();
  }
  return lines;
}

export function readLine(item: unknown): CartLine | null {
  if (!item || typeof item !== 'object') return null;
  const r = item as Record<string, unknown>;
  const price = parsePrice(r.price);
  const quantity = Number(r.quantity);
  if (typeof r.id !== 'string' || !r.id || r.id.length > MAX_TEXT || typeof r.title !== 'string' || typeof price === 'string') return null;
  if (!Number.isInteger(quantity) || quantity < 1) return null;
  const product = typeof r.product === 'string' && r.product.length <= MAX_TEXT ? r.product : r.id;
  const line: CartLine = { id: r.id, product, title: clip(r.title, MAX_TEXT), price, quantity: clampQuantity(quantity) };
  const image = safeUrl(r.image_link);
  if (image) line.image_link = image;
  const link = safeUrl(r.link);
  if (link) line.link = link;
  if (typeof r.variant_title === 'string' && r.variant_title) line.variant_title = clip(r.variant_title, MAX_TEXT);
  return line;
}
