import { atom } from 'nanostores';
import { linkAdapter } from '../adapters/link.js';
import type { CartAdapter } from '../adapters/types.js';
import { readLines, type Cart, type CartLine } from '../core/cart-lines.js';
import { emit } from '../core/events.js';
import { readJson, writeJson } from '../platform/storage.js';

export type { CartAdapter } from '../adapters/types.js';
export { CartError } from '../adapters/types.js';
export { MAX_LINES, MAX_QUANTITY, clampQuantity, itemCount, readLine, readLines, subtotals, type Cart, type CartLine } from '../core/cart-lines.js';

/** The localStorage key of the page's cart; other tabs hear changes to it. */
export const CART_KEY = 'livecart:cart';
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

export function readStored(): { lines: CartLine[]; dropped: boolean } {
  let dropped = false;
  const lines = readLines(readJson(CART_KEY), () => (dropped = true));
  return { lines, dropped };
}

