import type { CartAdapter } from './types.js';

/**
 * No cart: buy buttons open the product's page. The default when nothing is configured.
 */
export function linkAdapter(): CartAdapter {
  return {
    name: 'link',
    hasCart: false,
    add: async () => undefined,
    update: async () => undefined,
    remove: async () => undefined,
    get: async () => null,
    checkoutUrl: async () => null,
  };
}
