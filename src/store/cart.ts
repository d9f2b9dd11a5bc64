import { atom } from 'nanostores';
import { linkAdapter } from '../commerce/adapters/link.js';
import { CartError, type Cart, type CartAdapter, type CartLine } from '../commerce/adapters/types.js';
import { clip, parsePrice } from '../commerce/price.js';
import type { Price } from '../commerce/product.js';
import { safeUrl } from '../commerce/safe-url.js';
import { emit } from '../events.js';
import { readJson, writeJson } from './storage.js';

export type { Cart, CartAdapter, CartLine } from '../commerce/adapters/types.js';
export { CartError } from '../commerce/adapters/types.js';

/** The localStorage key of the page's cart; other tabs hear changes to it. */
export const CART_KEY = 'livecart:cart';
const DEFAULT_TIMEOUT = 30_000;
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
/** Adapter calls run one at a time, in order: a remote cart must exist before lines join it. */
let queue: Promise<unknown> = Promise.resolve();
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

/** Adds `line.quantity` of `line.id`; rolls back and rejects with a CartError when the back end fails. */
export function addToCart(line: CartLine): Promise<void> {
  const quantity = clampQuantity(line.quantity);
  const lines = latestLines();
  if (lines.length >= MAX_LINES && !lines.some((l) => l.id === line.id)) {
    return Promise.reject(new CartError(`the cart is full (${MAX_LINES} lines)`));
  }
  return change(
    line.id,
    (existing) => (existing ? { ...existing, quantity: clampQuantity(existing.quantity + quantity) } : readLine({ ...line, quantity })),
    (a, cart) => a.add({ ...line, quantity }, cart),
  );
}

/** Sets a line's quantity; 0 removes it. */
export function setQuantity(id: string, quantity: number): Promise<void> {
  const existing = find(id);
  if (!existing) return Promise.reject(new CartError(`the cart has no line ${id}`));
  if (Math.floor(quantity) <= 0) return removeFromCart(id);
  const next = { ...existing, quantity: clampQuantity(quantity) };
  return change(id, (l) => l && { ...l, quantity: next.quantity }, (a, cart) => a.update(next, cart));
}

export function removeFromCart(id: string): Promise<void> {
  if (!find(id)) return Promise.resolve();
  return change(id, () => undefined, (a, cart) => a.remove(id, cart));
}

/** Replaces the cart with the back end's, when it has one of its own. */
export function syncCart(): Promise<void> {
  return enqueue(async () => {
    const a = await adapter;
    const lines = await withTimeout(a.get($cart.get()), a);
    if (lines) $cart.set({ lines: readLines(lines) });
  });
}

/** The URL to check the cart out at, from the back end; rejects when there is none. */
export function checkoutUrl(): Promise<string> {
  return enqueue(async () => {
    const a = await adapter;
    const url = await withTimeout(a.checkoutUrl($cart.get()), a);
    if (!url) throw new CartError(a.hasCart !== false ? 'the cart has nothing to check out' : 'no cart adapter is configured');
    return url;
  });
}

/** Item count across lines. */
export const itemCount = (cart: Cart): number => cart.lines.reduce((n, l) => n + l.quantity, 0);

/** One subtotal per currency, in the order the currencies first appear. */
export function subtotals(cart: Cart): Price[] {
  const sums = new Map<string, number>();
  for (const l of cart.lines) sums.set(l.price.currency, (sums.get(l.price.currency) ?? 0) + l.price.value * l.quantity);
  // Cents, so 3 × 0.1 shows as 0.30 and not 0.30000000000000004.
  return [...sums].map(([currency, value]) => ({ currency, value: Math.round(value * 100) / 100 }));
}

/**
 * Applies one line's change at once (optimistic), then asks the back end. On failure only
 * that line goes back to what it was, so changes made meanwhile are kept.
 */
function change(
  id: string,
  next: (existing: CartLine | undefined) => CartLine | null | undefined,
  call: (a: CartAdapter, cart: Cart) => Promise<CartLine[] | void>,
): Promise<void> {
  const before = find(id);
  putLine(id, next);
  const optimistic = $cart.get();
  inFlight.set(id, (inFlight.get(id) ?? 0) + 1);
  return enqueue(async () => {
    try {
      const a = await adapter;
      const lines = await withTimeout(call(a, optimistic), a);
      if (lines) acceptLines(lines, id);
    } catch (error) {
      putLine(id, () => before);
      throw error instanceof CartError ? error : new CartError(`the cart could not be changed (${describe(error)})`);
    } finally {
      const left = inFlight.get(id)! - 1;
      if (left) inFlight.set(id, left);
      else inFlight.delete(id);
    }
  });
}

/** Changes still waiting for the back end, per line id. */
const inFlight = new Map<string, number>();

/**
 * Takes the back end's lines as the cart, except the lines of changes still waiting in the
 * queue: those keep what the shopper just did until their own answer comes.
 */
function acceptLines(lines: unknown, answered: string): void {
  const next = readLines(lines);
  for (const id of inFlight.keys()) {
    if (id === answered) continue;
    const local = find(id);
    const index = next.findIndex((l) => l.id === id);
    if (local && index >= 0) next[index] = local;
    else if (local) next.push(local);
    else if (index >= 0) next.splice(index, 1);
  }
  $cart.set({ lines: next });
}

/**
 * Applies a change to one line of the latest cart, which another tab may have changed a
 * moment ago: read, change and write happen in one task, so two tabs adding at once both
 * keep their add (writing whole snapshots lost one in most tries).
 */
function putLine(id: string, update: (existing: CartLine | undefined) => CartLine | null | undefined): void {
  const lines = latestLines();
  const index = lines.findIndex((l) => l.id === id);
  const line = update(lines[index]);
  const next = [...lines];
  if (index >= 0 && line) next[index] = line;
  else if (index >= 0) next.splice(index, 1);
  else if (line) next.push(line);
  else return;
  $cart.set({ lines: next });
}

const find = (id: string) => $cart.get().lines.find((l) => l.id === id);

/** The stored cart when storage holds this page's cart, else memory's. */
const latestLines = (): CartLine[] => ($cartPageOnly.get() ? $cart.get().lines : readStored().lines);

function readStored(): { lines: CartLine[]; dropped: boolean } {
  let dropped = false;
  const lines = readLines(readJson(CART_KEY), () => (dropped = true));
  return { lines, dropped };
}

function enqueue<T>(run: () => Promise<T>): Promise<T> {
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

function withTimeout<T>(promise: Promise<T>, a: CartAdapter): Promise<T> {
  const ms = a.timeout ?? DEFAULT_TIMEOUT;
  let timer: ReturnType<typeof setTimeout>;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CartError(`the ${a.name ?? 'page’s'} cart did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  return clip(error instanceof Error ? error.message : String(error), 120);
}

/**
 * Lines from storage, another tab or a back end: anything malformed, repeated or past
 * MAX_LINES is dropped with one warning, and `onDrop` hears of it.
 */
function readLines(value: unknown, onDrop?: () => void): CartLine[] {
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

function readLine(item: unknown): CartLine | null {
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
