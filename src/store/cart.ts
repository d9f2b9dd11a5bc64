import { atom } from 'nanostores';
import { keepsCart, type CartDescription } from '../adapters/describe.js';
import type { CartAdapter } from '../adapters/types.js';
import { readLines, type Cart, type CartLine } from '../core/cart-lines.js';
import { emit } from '../core/events.js';
import { readJson, writeJson } from '../platform/storage.js';

export type { CartAdapter } from '../adapters/types.js';
export { CartError } from '../adapters/types.js';
export { MAX_LINES, MAX_QUANTITY, itemCount, subtotals, type Cart, type CartLine } from '../core/cart-lines.js';

/** The localStorage key of the page's cart; other tabs hear changes to it. */
export const CART_KEY = 'livecart:cart';

/** The cart's lines as stored now; `onDrop` hears of lines that could not be read (they are left out). */
const readStoredLines = (onDrop?: () => void): CartLine[] => readLines(readJson(CART_KEY), onDrop);

let dropped = false;
/**
 * The shopper's cart: one per page, whichever show a button belongs to. Persisted in
 * localStorage and kept in step with the page's other tabs; without storage it lives in
 * memory. Change it through the actions below, never with `set`.
 */
export const $cart = atom<Cart>({ lines: readStoredLines(() => (dropped = true)) });
/**
 * True when storage refused the cart (quota, private mode): it then lasts only as long
 * as this page, and the cart view says so.
 */
export const $cartPageOnly = atom(false);
// Said each time storage starts refusing the cart (the cart view tells the shopper too);
// storage.ts has warned on the console already.
$cartPageOnly.listen((pageOnly) => pageOnly && emit(document, 'livecart-error', { show: 'default', code: 'cart', message: 'the cart cannot be stored: it is kept on this page only' }));

/** A change to the cart's lines: pure, for it may be applied to more than one version of them. */
export type LinesChange = (lines: CartLine[]) => CartLine[];
/**
 * This tab's line changes not yet written, in order: shown on top of what storage holds
 * until store/cart-queue.ts writes them under the cart's lock (`writeUnsaved`).
 */
export const unsaved: LinesChange[] = [];
const withUnsaved = (): CartLine[] => unsaved.reduce((next, change) => change(next), readStoredLines());

/** The cart last taken from storage: it is not written back. */
let takenFromStorage: Cart | undefined;
/** The cart as shown while this tab's changes wait for the cart's lock: written under it, not before. */
let shownUnsaved: Cart | undefined;

$cart.listen((cart) => {
  if (cart !== takenFromStorage && cart !== shownUnsaved) {
    // A whole cart (a back end's, a reset) holds this tab's changes.
    unsaved.length = 0;
    persist(cart);
  }
  emit(document, 'livecart-cart-change', { cart });
});
// Lines that could not be read are dropped once, not on every later load.
if (dropped) persist($cart.get());

/**
 * Stores the cart; when storage refuses it (a full quota, private mode), a compact form
 * (no images or links, which a reload can do without), else the cart is kept on this
 * page only.
 */
function persist({ lines }: Cart): void {
  const rev = storedRevision() + 1;
  $cartPageOnly.set(!(writeJson(CART_KEY, { lines, rev }) || writeJson(CART_KEY, { lines: lines.map(({ image_link, link, ...line }) => line), rev })));
}

/** Each write of the cart counts up: a tab that must see another's write waits for its number (cart-queue.ts). */
export function storedRevision(): number {
  return Number((readJson(CART_KEY) as { rev?: unknown } | undefined)?.rev) || 0;
}

/**
 * The cart's latest lines: as stored now (another tab may have changed them a moment ago),
 * unless storage refused this page's cart, whose only copy is then in memory.
 */
export const latestLines = (): CartLine[] => ($cartPageOnly.get() ? $cart.get().lines : readStoredLines());

/**
 * Takes the cart as stored now, not an event's value (a third tab may have written since),
 * announced only when it differs from this page's. A cart kept on this page only stays:
 * storage holds an older one.
 */
function takeStored(): void {
  const lines = $cartPageOnly.get() ? $cart.get().lines : withUnsaved();
  if (JSON.stringify(lines) !== JSON.stringify($cart.get().lines)) $cart.set((takenFromStorage = { lines }));
}

/** Shows the cart with this tab's unsaved changes, without writing it. */
export const showUnsaved = (): void => $cart.set((shownUnsaved = { lines: withUnsaved() }));

/**
 * Writes this tab's unsaved changes onto the lines storage holds now (announced only if
 * they differ from what is shown); returns the revision written.
 */
export function writeUnsaved(): number {
  const lines = withUnsaved();
  unsaved.length = 0;
  if (JSON.stringify(lines) === JSON.stringify($cart.get().lines)) persist($cart.get());
  else $cart.set({ lines });
  return storedRevision();
}

// Guarded: the store may be imported where there is no window (a server render).
// Another tab of the page's origin changed the cart (or cleared storage: key null).
globalThis.addEventListener?.('storage', (event) => [CART_KEY, null].includes(event.key) && takeStored());
// Back from the back/forward cache: the page was frozen meanwhile and heard no storage event.
globalThis.addEventListener?.('pageshow', takeStored);

/** True when a cart adapter (anything but `link`) is configured; elements show the cart then. */
export const $hasCart = atom(false);

/**
 * Sets the back end (see `configure({ cart })`), which the cart's queue picks and holds.
 * Whether it keeps a cart is known at once, before its code is in.
 */
export function setCartAdapter(next: CartAdapter | CartDescription): void {
  $hasCart.set(keepsCart(next));
  // Unhandled when the queue cannot be loaded, so the page's error reporting hears of it.
  void withQueue((queue) => queue.setBackEnd(next));
}

/**
 * The actions below load the cart's queue (cart-queue.ts: the optimistic change, its
 * rollback, the back end's answers) the first time one runs, or as soon as a cart back end
 * is configured: a page with neither never fetches it. Once loaded they run as before,
 * the optimistic change applied inside the call.
 */
type CartQueue = typeof import('./cart-queue.js');
let queueModule: CartQueue | undefined;
let queueLoad: Promise<CartQueue> | undefined;
function withQueue<T>(run: (queue: CartQueue) => Promise<T>): Promise<T> {
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
