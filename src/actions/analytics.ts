import type { AnalyticsEvent, AnalyticsItem, AnalyticsOption } from '../core/analytics-event.js';
import { roundCents, type CartLine } from '../core/cart-lines.js';
import { currentPrice, type Product } from '../core/product.js';

// GA4's e-commerce shapes, fetched only by pages that configure analytics (see track.ts).

export const productItem = (product: Product, quantity = 1): AnalyticsItem => {
  const item: AnalyticsItem = {
    item_id: product.id,
    item_name: product.title,
    price: currentPrice(product).value,
    quantity,
  };
  if (product.brand) item.item_brand = product.brand;
  return item;
};

export const lineItem = (line: CartLine): AnalyticsItem => {
  const item: AnalyticsItem = { item_id: line.product, item_name: line.title, price: line.price.value, quantity: line.quantity };
  if (line.id !== line.product) item.item_variant = line.variant_title ?? line.id;
  return item;
};

/**
 * Reports one moment to the page's analytics. Nothing leaves the page from here: no
 * cookies, no requests; the page's own tag decides what to send.
 */
export function track(option: AnalyticsOption, event: AnalyticsEvent['event'], currency: string, items: AnalyticsItem[]): void {
  if (!option || !items.length) return;
  const value = roundCents(items.reduce((sum, item) => sum + item.price * item.quantity, 0));
  const payload: AnalyticsEvent = { event, ecommerce: { currency, value, items } };
  try {
    if (typeof option === 'function') return option(payload);
    const w = window as unknown as { dataLayer?: unknown[] };
    const layer = (w.dataLayer ??= []);
    // GA4's advice: clear the previous ecommerce object so its fields do not carry over.
    layer.push({ ecommerce: null }, payload);
  } catch (error) {
    console.warn('livecart: the analytics callback failed', error);
  }
}
