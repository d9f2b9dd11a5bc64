import type { Cart } from './adapters/types.js';
import { currentPrice, type Product } from './product.js';

/**
 * The cart priced as the shop charges it: the feed's current price on the lines of the
 * products it knows. A stored line is anyone's to edit (a price of 0.01 for a 149 € jacket
 * once showed as the subtotal); lines of products the feed does not list keep theirs.
 */
export function withFeedPrices(cart: Cart, products: readonly Product[]): Cart {
  if (!products.length) return cart;
  const byId = new Map(products.map((p) => [p.id, p]));
  return {
    lines: cart.lines.map((l) => {
      const product = byId.get(l.product);
      const item = product && (l.id === product.id ? product : product.variants?.find((v) => v.id === l.id));
      return item ? { ...l, price: currentPrice(item) } : l;
    }),
  };
}
