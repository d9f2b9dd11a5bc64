import { atom } from 'nanostores';
import { linkAdapter } from '../commerce/adapters/link.js';
import type { Cart, CartAdapter, CartLine } from '../commerce/adapters/types.js';
import { parsePrice } from '../commerce/price.js';
import type { Price } from '../commerce/product.js';
import { safeUrl } from '../commerce/safe-url.js';
import { emit } from '../events.js';
import { parseJson, readJson, writeJson } from './storage.js';

export type { Cart, CartAdapter, CartLine } from '../commerce/adapters/types.js';
export { CartError } from '../commerce/adapters/types.js';

/** The localStorage key of the page's cart; other tabs hear changes to it. */
export const CART_KEY = 'livecart:cart';

/**
 * The shopper's cart: one per page, whichever show a button belongs to. Persisted in
 * localStorage and kept in step with the page's other tabs; without storage it lives in
 * memory. Change it through the actions below, never with `set`.
 */
export const $cart = atom<Cart>({ lines: readLines(readJson(CART_KEY)) });

let adapter: Promise<CartAdapter> = Promise.resolve(linkAdapter());
/** True when a cart adapter (anything but `link`) is configured; elements show the cart then. */
export const $hasCart = atom(false);
let fromOtherTab = false;

$cart.listen((cart) => {
  if (!fromOtherTab) writeJson(CART_KEY, cart);
  emit(document, 'livecart-cart-change', { cart });
});

// Another tab of the page's origin changed the cart. Guarded: the store may be imported
// where there is no window (a server render).
globalThis.addEventListener?.('storage', (event) => {
  if (event.key !== CART_KEY) return;
  fromOtherTab = true;
  try {
    $cart.set({ lines: readLines(event.newValue === null ? undefined : parseJson(CART_KEY, event.newValue)) });
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

/** Lines from storage, another tab or a back end: anything malformed is dropped with a warning. */
export function readLines(value: unknown): CartLine[] {
  if (value === undefined) return [];
  const raw = (value as { lines?: unknown } | null)?.lines ?? value;
  if (!Array.isArray(raw)) {
    console.warn('livecart: ignoring a stored cart that has no lines', value);
    return [];
  }
  const lines: CartLine[] = [];
  for (const item of raw) {
    const line = readLine(item);
    if (line && !lines.some((l) => l.id === line.id)) lines.push(line);
    else console.warn('livecart: dropping a cart line that cannot be read', item);
  }
  return lines;
}

function readLine(item: unknown): CartLine | null {
  if (!item || typeof item !== 'object') return null;
  const r = item as Record<string, unknown>;
  const price = parsePrice(r.price);
  const quantity = Number(r.quantity);
  if (typeof r.id !== 'string' || !r.id || typeof r.title !== 'string' || typeof price === 'string') return null;
  if (!Number.isInteger(quantity) || quantity < 1) return null;
  const line: CartLine = { id: r.id, product: typeof r.product === 'string' ? r.product : r.id, title: r.title, price, quantity };
  const image = safeUrl(r.image_link);
  if (image) line.image_link = image;
  const link = safeUrl(r.link);
  if (link) line.link = link;
  if (typeof r.variant_title === 'string' && r.variant_title) line.variant_title = r.variant_title;
  return line;
}
