// The cart's queue, loaded by the cart store's actions (cart.ts) the first time one runs
// or once a cart back end is configured: changes apply at once (optimistic), then the
// back end is asked, one call at a time; a failure rolls back only its own line.
import { chooseAdapter } from '../adapters/choose.js';
import type { CartDescription } from '../adapters/describe.js';
import { linkAdapter } from '../adapters/link.js';
import { CartError, type Cart, type CartAdapter, type CartLine } from '../adapters/types.js';
import { clampQuantity, MAX_LINES, readLine, readLines } from '../core/cart-lines.js';
import { clip } from '../core/price.js';
import { errorMessage } from '../platform/errors.js';
import { $cart, $cartPageOnly, CART_KEY, latestLines, showUnsaved, storedRevision, unsaved, writeUnsaved } from './cart.js';

const DEFAULT_TIMEOUT = 30_000;
/** The back end (see `configure({ cart })`): none but links until one is set. */
let configuredBackEnd: Promise<CartAdapter> = Promise.resolve(linkAdapter());

/** Sets the back end, then takes its cart: a remote one may hold more (or less) than this tab remembers. */
export async function setBackEnd(next: CartAdapter | CartDescription): Promise<void> {
  configuredBackEnd = Promise.resolve(chooseAdapter(next));
  await syncCart().catch((error: unknown) => console.warn('livecart: the cart could not be read from its back end', error));
}

/** Adapter calls run one at a time, in order: a remote cart must exist before lines join it. */
let queue: Promise<unknown> = Promise.resolve();

/** Adds `line.quantity` of `line.id`; rolls back and rejects with a CartError when the back end fails. */
export function addToCart(line: CartLine): Promise<void> {
  const quantity = clampQuantity(line.quantity);
  const lines = latestLines();
  if (lines.length >= MAX_LINES && !lines.some((other) => other.id === line.id)) {
    return Promise.reject(new CartError(`the cart is full (${MAX_LINES} lines)`));
  }
  return change(
    line.id,
    (existing) => (existing ? { ...existing, quantity: clampQuantity(existing.quantity + quantity) } : readLine({ ...line, quantity })),
    (backEnd, cart) => backEnd.add({ ...line, quantity }, cart),
  );
}

/** Sets a line's quantity; 0 removes it. */
export function setQuantity(id: string, quantity: number): Promise<void> {
  const existing = lineOf(id);
  if (!existing) return Promise.reject(new CartError(`the cart has no line ${id}`));
  if (Math.floor(quantity) <= 0) return removeFromCart(id);
  const next = { ...existing, quantity: clampQuantity(quantity) };
  return change(id, (line) => line && { ...line, quantity: next.quantity }, (backEnd, cart) => backEnd.update(next, cart));
}

export function removeFromCart(id: string): Promise<void> {
  if (!lineOf(id)) return Promise.resolve();
  return change(id, () => undefined, (backEnd, cart) => backEnd.remove(id, cart));
}

/**
 * Replaces the cart with the back end's, when it has one of its own, except lines the
 * shopper changed while it answered: their own calls come next in the queue.
 */
export function syncCart(): Promise<void> {
  return enqueue(async () => {
    const backEnd = await configuredBackEnd;
    const lines = await withTimeout(backEnd.get($cart.get()), backEnd);
    if (lines) takeBackEndLines(lines);
  });
}

/** The URL to check the cart out at, from the back end; rejects when there is none. */
export function checkoutUrl(): Promise<string> {
  return enqueue(async () => {
    const backEnd = await configuredBackEnd;
    const url = await withTimeout(backEnd.checkoutUrl($cart.get()), backEnd);
    if (!url) throw new CartError(backEnd.hasCart !== false ? 'the cart has nothing to check out' : 'no cart adapter is configured');
    return url;
  });
}

/**
 * Applies one line's change at once (optimistic), then asks the back end. On failure only
 * that line goes back to what it was, so changes made meanwhile are kept.
 */
function change(
  id: string,
  update: (existing: CartLine | undefined) => CartLine | null | undefined,
  call: (backEnd: CartAdapter, cart: Cart) => Promise<CartLine[] | void>,
): Promise<void> {
  const before = lineOf(id);
  const written = putLine(id, update);
  const optimistic = $cart.get();
  waiting.set(id, (waiting.get(id) ?? 0) + 1);
  return enqueue(async () => {
    try {
      // Written before the back end hears of it: an add that resolved is in storage.
      await written;
      const backEnd = await configuredBackEnd;
      const lines = await withTimeout(call(backEnd, optimistic), backEnd);
      if (lines) takeBackEndLines(lines, id);
    } catch (error) {
      await putLine(id, () => before);
      throw error instanceof CartError ? error : new CartError(`the cart could not be changed (${clip(errorMessage(error), 120)})`);
    } finally {
      const left = waiting.get(id)! - 1;
      if (left) waiting.set(id, left);
      else waiting.delete(id);
    }
  });
}

/** Changes still waiting for the back end, per line id. */
const waiting = new Map<string, number>();

/**
 * Takes the back end's lines as the cart, except the lines of changes still waiting in the
 * queue: those keep what the shopper just did until their own answer comes.
 */
function takeBackEndLines(lines: unknown, answered?: string): void {
  const next = readLines(lines);
  for (const id of waiting.keys()) {
    if (id === answered) continue;
    const local = lineOf(id);
    const index = next.findIndex((line) => line.id === id);
    if (local && index >= 0) next[index] = local;
    else if (local) next.push(local);
    else if (index >= 0) next.splice(index, 1);
  }
  $cart.set({ lines: next });
}

/**
 * Applies a change to one line of the latest cart, which another tab may have changed a
 * moment ago: shown at once, and written by `save`. Resolves once it is written.
 */
function putLine(id: string, update: (existing: CartLine | undefined) => CartLine | null | undefined): Promise<void> {
  const change = (lines: CartLine[]) => {
    const index = lines.findIndex((line) => line.id === id);
    const line = update(lines[index]);
    const next = [...lines];
    if (index >= 0 && line) next[index] = line;
    else if (index >= 0) next.splice(index, 1);
    else if (line) next.push(line);
    return next;
  };
  const locks = globalThis.navigator?.locks;
  // Kept on this page only (storage refused it), or no Web Locks: written at once.
  if (!locks || $cartPageOnly.get()) {
    $cart.set({ lines: change(latestLines()) });
    return Promise.resolve();
  }
  unsaved.push(change);
  showUnsaved();
  return save(locks);
}

/** Each tab holds a lock named after the revision it wrote, this long: see `save`. */
const REVISION = `${CART_KEY}@`;
const HOLD_REVISION_MS = 5000;
/** How long a tab waits for another tab's write to reach it before it writes anyway. */
const WAIT_FOR_WRITE_MS = 2000;

/**
 * Writes this tab's unsaved changes under the cart's Web Lock, onto what storage holds,
 * so two tabs that change the cart in the same moment both keep their change. The lock
 * alone is not enough: Chromium hands a tab's write to another tab's storage a moment
 * later, and a tab that took the lock just then read the cart without it (1 add in 20
 * lost with two real tabs). So a writer also holds a lock named after the revision it
 * wrote, for HOLD_REVISION_MS; the next writer asks the lock manager (one for all tabs)
 * for the latest of those and waits until its storage has that revision.
 */
function save(locks: LockManager): Promise<void> {
  const write = async () => {
    if (!unsaved.length) return;
    // Other tabs' revisions: this tab's own are in its storage already (or were cleared from it).
    const { held = [] } = await locks.query();
    const latest = Math.max(0, ...held.map(({ name = '' }) => (name.startsWith(REVISION) && !heldHere.has(name) ? Number(name.slice(REVISION.length)) : 0)));
    for (const start = performance.now(); storedRevision() < latest && performance.now() - start < WAIT_FOR_WRITE_MS; ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const name = `${REVISION}${writeUnsaved()}`;
    // Taken before the cart's lock is let go (a lock request is granted in order).
    await new Promise<void>((granted) => {
      void locks.request(name, { ifAvailable: true }, (lock) => {
        granted();
        if (!lock) return; // held already (the cart was cleared and counted again)
        heldHere.add(name);
        return new Promise((resolve) => setTimeout(resolve, HOLD_REVISION_MS)).then(() => heldHere.delete(name));
      });
    });
  };
  // Refused where the page has no lock manager (an opaque origin): written at once.
  return locks.request(CART_KEY, write).then(
    () => {},
    () => void writeUnsaved(),
  );
}

/** The revision locks this tab holds. */
const heldHere = new Set<string>();

const lineOf = (id: string) => $cart.get().lines.find((line) => line.id === id);

function enqueue<T>(run: () => Promise<T>): Promise<T> {
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

function withTimeout<T>(promise: Promise<T>, backEnd: CartAdapter): Promise<T> {
  const ms = backEnd.timeout ?? DEFAULT_TIMEOUT;
  let timer: ReturnType<typeof setTimeout>;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CartError(`the ${backEnd.name ?? 'page’s'} cart did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
