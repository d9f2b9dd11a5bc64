// Loaded with the cart's queue (store/cart-queue.ts), never by a page without a cart.
import type { CartDescription } from './describe.js';
import { linkAdapter } from './link.js';
import type { CartAdapter } from './types.js';
import { emit } from '../core/events.js';
import { errorMessage } from '../platform/errors.js';

/**
 * The one place that picks a cart back end: the page's own adapter object, or one of
 * livecart's by name (checked by `keepsCart` when it was configured). Answers the adapter
 * or its lazy load.
 */
export function chooseAdapter(cart: CartAdapter | CartDescription): CartAdapter | Promise<CartAdapter> {
  if (!('adapter' in cart)) return cart;
  switch (cart.adapter) {
    case 'link':
      return linkAdapter();
    // Each adapter is fetched only by the pages that use it: they stay out of dist/livecart.js.
    // A bad description (no template, a secret token) is reported once it has loaded, and
    // rejects every cart call, which rolls back.
    case 'permalink':
      return reported(import('./permalink.js').then((m) => m.permalinkAdapter(cart)));
    case 'callback':
      return reported(import('./callback.js').then((m) => m.callbackAdapter(cart)));
    case 'shopify':
      return reported(import('./shopify.js').then((m) => m.shopifyAdapter(cart)));
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

