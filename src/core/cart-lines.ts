import { clip, parsePrice } from './price.js';
import { currentPrice, pickVariant, type Price, type Product } from './product.js';
import { safeUrl } from './safe-url.js';

// What a cart is made of, whoever holds it (the cart store, a back end, another tab):
// its lines, their limits, and reading them back from anything untrusted.

/** One line of the shopper's cart. `id` is what the shop sells: the variant id, else the product id. */
export interface CartLine {
  id: string;
  /** The product (feed id) the line came from. */
  product: string;
  title: string;
  /** Unit price. */
  price: Price;
  quantity: number;
  image_link?: string;
  link?: string;
  /** The variant's own title ("M / Blue"), when the product has variants. */
  variant_title?: string;
}

/** The cart as the store holds it. */
export interface Cart {
  lines: CartLine[];
}

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

/** Money to the cent, so 3 × 0.1 shows as 0.30 and not 0.30000000000000004. */
export const roundCents = (value: number): number => Math.round(value * 100) / 100;

/** Item count across lines. */
/** A cart as a framework's store hands it out: read-only all the way down (Vue's `useStore`). */
type ReadonlyCart = { readonly lines: readonly { readonly quantity: number; readonly price: Readonly<Price>; readonly unavailable?: true }[] };

export const itemCount = (cart: ReadonlyCart): number => cart.lines.reduce((count, line) => count + line.quantity, 0);

/** One subtotal per currency, in the order the currencies first appear (of what can be charged). */
export function subtotals(cart: ReadonlyCart): Price[] {
  const sums = new Map<string, number>();
  for (const { price, quantity, unavailable } of cart.lines) if (!unavailable) sums.set(price.currency, (sums.get(price.currency) ?? 0) + price.value * quantity);
  return [...sums].map(([currency, value]) => ({ currency, value: roundCents(value) }));
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
  const raw = item as Record<string, unknown>;
  const price = parsePrice(raw.price);
  const quantity = Number(raw.quantity);
  if (typeof raw.id !== 'string' || !raw.id || raw.id.length > MAX_TEXT || typeof raw.title !== 'string' || typeof price === 'string') return null;
  if (!Number.isInteger(quantity) || quantity < 1) return null;
  const product = typeof raw.product === 'string' && raw.product.length <= MAX_TEXT ? raw.product : raw.id;
  const line: CartLine = { id: raw.id, product, title: clip(raw.title, MAX_TEXT), price, quantity: clampQuantity(quantity) };
  const image = safeUrl(raw.image_link);
  if (image) line.image_link = image;
  const link = safeUrl(raw.link);
  if (link) line.link = link;
  if (typeof raw.variant_title === 'string' && raw.variant_title) line.variant_title = clip(raw.variant_title, MAX_TEXT);
  return line;
}

/** The cart line a buy adds: the chosen variant's, else the product's. */
export function cartLineFor(product: Product, quantity: number, variantId?: string | null): CartLine {
  const variant = pickVariant(product, variantId);
  const line: CartLine = {
    id: variant?.id ?? product.id,
    product: product.id,
    title: product.title,
    price: currentPrice(variant ?? product),
    quantity,
  };
  const image = variant?.image_link ?? product.image_link;
  if (image) line.image_link = image;
  if (product.link) line.link = product.link;
  if (variant && product.variants!.length > 1) line.variant_title = variant.title;
  return line;
}

/**
 * A line as the shop sells it now. `unavailable`: the feed lists its product but not this
 * id (a variant gone, or an id edited by hand in storage), so nothing can be charged for it.
 */
export type PricedLine = CartLine & { unavailable?: true };

/**
 * The cart priced as the shop charges it: the feed's current price and title on the lines
 * of the products it knows. A stored line is anyone's to edit (a price of 0.01 for a 149 €
 * jacket once showed as the subtotal, and reached the checkout's analytics); lines of
 * products the feed does not list (another show's) keep theirs.
 */
export function withFeedPrices(cart: Cart, products: readonly Product[]): { lines: PricedLine[] } {
  if (!products.length) return cart;
  const byId = new Map(products.map((p) => [p.id, p]));
  return {
    lines: cart.lines.map((line) => {
      const product = byId.get(line.product);
      if (!product) return line;
      const item = line.id === product.id ? product : product.variants?.find((v) => v.id === line.id);
      return item ? { ...line, title: product.title, price: currentPrice(item) } : { ...line, title: product.title, unavailable: true };
    }),
  };
}
