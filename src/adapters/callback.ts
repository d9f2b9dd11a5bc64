import { safeUrl } from '../core/safe-url.js';
import type { Cart, CartAdapter, CartLine } from './types.js';

/** The page's own functions; each may return a promise. Missing ones do nothing. */
export interface CallbackOptions {
  add?: (line: CartLine, cart: Cart) => unknown;
  update?: (line: CartLine, cart: Cart) => unknown;
  remove?: (id: string, cart: Cart) => unknown;
  /** Resolves to the page's lines, or to nothing to keep livecart's own. */
  get?: (cart: Cart) => unknown;
  checkoutUrl?: (cart: Cart) => unknown;
  /** Milliseconds before a call that has not settled counts as failed (default 30 000). */
  timeout?: number;
}

/**
 * The page answers every cart call itself, e.g. with its own cart API. A callback that
 * throws, rejects or does not settle within `timeout` rolls the cart back.
 */
export function callbackAdapter(options: CallbackOptions): CartAdapter {
  return {
    name: 'callback',
    hasCart: true,
    timeout: options.timeout,
    add: async (line, cart) => void (await options.add?.(line, cart)),
    update: async (line, cart) => void (await options.update?.(line, cart)),
    remove: async (id, cart) => void (await options.remove?.(id, cart)),
    async get(cart) {
      const lines = await options.get?.(cart);
      return Array.isArray(lines) ? (lines as CartLine[]) : null;
    },
    async checkoutUrl(cart) {
      const url = await options.checkoutUrl?.(cart);
      return url == null ? null : safeUrl(String(url));
    },
  };
}
