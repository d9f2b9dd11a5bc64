import type { Cart, CartLine } from '../core/cart-lines.js';

export type { Cart, CartLine } from '../core/cart-lines.js';

/**
 * A cart and checkout back end. Every call returns a promise; a rejection rolls the
 * shopper's cart back to where it was before that call. `add`, `update` and `remove` may
 * resolve to the back end's lines, which then replace the cart's (the back end's word
 * wins); resolving to nothing keeps the optimistic lines. `cart` is the cart after the
 * optimistic change, for back ends that need all of it (a cart permalink).
 */
export interface CartAdapter {
  /** `link`, `permalink`, `shopify`, `callback`, or the page's own name (for messages). */
  readonly name?: string;
  /** False for `link`: it keeps no cart, buy buttons link out instead. Default true. */
  readonly hasCart?: boolean;
  /** Milliseconds a call may take before it counts as failed (default 30 000). */
  readonly timeout?: number;
  /** `line.quantity` is the quantity added. */
  add(line: CartLine, cart: Cart): Promise<CartLine[] | void>;
  /** `line.quantity` is the new quantity (at least 1). */
  update(line: CartLine, cart: Cart): Promise<CartLine[] | void>;
  remove(id: string, cart: Cart): Promise<CartLine[] | void>;
  /** The back end's lines, or null when the local cart is the only truth. */
  get(cart: Cart): Promise<CartLine[] | null>;
  /** Where the shopper checks out; null when there is nowhere to go. */
  checkoutUrl(cart: Cart): Promise<string | null>;
}

/** A cart call that failed; `message` is shown to the shopper's page in `livecart-error`. */
export class CartError extends Error {
  override name = 'CartError';
}

/** Numeric id from a Shopify GID (`gid://shopify/ProductVariant/123` → `123`); other ids unchanged. */
export const legacyId = (id: string): string => /^gid:\/\/shopify\/\w+\/(\d+)/.exec(id)?.[1] ?? id;
