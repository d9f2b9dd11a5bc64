import type { CallbackOptions } from './callback.js';
import type { PermalinkOptions } from './permalink.js';
import type { ShopifyOptions } from './shopify.js';
import type { CartAdapter } from './types.js';

/** A cart back end described in plain data, as a script-tag page can write it before livecart loads. */
export type CartDescription =
  | { adapter: 'link' }
  | ({ adapter: 'permalink' } & PermalinkOptions)
  | ({ adapter: 'shopify' } & ShopifyOptions)
  | ({ adapter: 'callback' } & CallbackOptions);

/** Every name a description may give: the type makes a new one in CartDescription show up here. */
const ADAPTERS: Record<CartDescription['adapter'], true> = { link: true, permalink: true, shopify: true, callback: true };

/**
 * Whether a cart back end keeps a cart (every one but `link`), known before its code is
 * in, so `action="auto"` buttons pick the cart at once. Throws on a name livecart does
 * not know, inside the `configure()` call that named it.
 */
export function keepsCart(cart: CartAdapter | CartDescription): boolean {
  if (!('adapter' in cart)) return cart.hasCart !== false;
  if (!Object.hasOwn(ADAPTERS, cart.adapter)) throw new TypeError(`livecart: unknown cart adapter "${cart.adapter}"`);
  return cart.adapter !== 'link';
}
