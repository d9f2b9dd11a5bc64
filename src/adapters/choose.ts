import type { CallbackOptions } from './callback.js';
import { linkAdapter } from './link.js';
import type { PermalinkOptions } from './permalink.js';
import type { ShopifyOptions } from './shopify.js';
import type { CartAdapter } from './types.js';
import { emit } from '../core/events.js';
import { errorMessage } from '../platform/errors.js';

/** A cart back end described in plain data, as a script-tag page can write it before livecart loads. */
export type CartDescription =
  | { adapter: 'link' }
  | ({ adapter: 'permalink' } & PermalinkOptions)
  | ({ adapter: 'shopify' } & ShopifyOptions)
  | ({ adapter: 'callback' } & CallbackOptions);

/**
 * The one place that picks a cart back end: the page's own adapter object, or one of
 * livecart's by name. Answers the adapter (or its lazy load) and whether it keeps a cart.
 */
export function chooseAdapter(cart: CartAdapter | CartDescription): [CartAdapter | Promise<CartAdapter>, boolean] {
  if (!('adapter' in cart)) return [cart, cart.hasCart !== false];
  switch (cart.adapter) {
    case 'link':
      return [linkAdapter(), false];
    // Each adapter is fetched only by the pages that use it: they stay out of dist/livecart.js.
    // A bad description (no template, a secret token) is reported once it has loaded, and
    // rejects every cart call, which rolls back.
    case 'permalink':
      return [reported(import('./permalink.js').then((m) => m.permalinkAdapter(cart))), true];
    case 'callback':
      return [reported(import('./callback.js').then((m) => m.callbackAdapter(cart))), true];
    case 'shopify':
      return [reported(import('./shopify.js').then((m) => m.shopifyAdapter(cart))), true];
    default:
      throw new TypeError(`livecart: unknown cart adapter "${(cart as { adapter: unknown }).adapter}"`);
  }
}

function reported(adapter: Promise<CartAdapter>): Promise<CartAdapter> {
  adapter.catch((error: unknown) => {
    // A cart that cannot be built loses every add: an error in the console, not only the
    // warning emit() prints, whose message is the cause alone (emit() names livecart).
    const message = errorMessage(error);
    console.error(`livecart: ${message}`);
    emit(document, 'livecart-error', { show: 'default', code: 'cart', message });
  });
  return adapter;
}

