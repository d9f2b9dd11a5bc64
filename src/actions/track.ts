import { isServer } from 'lit';
import type { AnalyticsOption } from '../core/analytics-event.js';
import type { CartLine } from '../core/cart-lines.js';
import { currentPrice, type Product } from '../core/product.js';
import { configuredAnalytics, configuredCurrency } from '../store/config.js';

/**
 * Analytics as a reaction: the moments a shopper lives through (a product on screen, an
 * add, a checkout) reported to the page's analytics when one is configured. The GA4
 * shapes (analytics.ts) are fetched the first time there is something to report.
 */
let analytics: Promise<typeof import('./analytics.js')> | undefined;
function withAnalytics(run: (module: typeof import('./analytics.js'), option: AnalyticsOption) => void): void {
  const option = configuredAnalytics();
  if (!option) return;
  analytics ??= import('./analytics.js');
  // The option as it was at the moment itself, though the push follows the import.
  void analytics.then((module) => run(module, option));
}

/** Reports a product moment (`view_item`, `add_to_cart`) to the configured analytics. */
export function trackProduct(event: 'view_item' | 'add_to_cart', product: Product, quantity = 1): void {
  withAnalytics((m, option) => m.track(option, event, currentPrice(product).currency, [m.productItem(product, quantity)]));
}

export function trackCheckout(lines: readonly CartLine[]): void {
  const currency = configuredCurrency() ?? lines[0]?.price.currency ?? '';
  // GA4 events carry one currency: lines in others are left out of this one.
  const same = lines.filter((line) => line.price.currency === currency);
  withAnalytics((m, option) => m.track(option, 'begin_checkout', currency, same.map(m.lineItem)));
}

// Every show's product on screen is a view_item (each show's events reach the document),
// heard on the way down: a page that stops the event on its way up does not silence it.
if (!isServer) {
  document.addEventListener(
    'livecart-featured-change',
    ({ detail }) => {
      if (detail.product) trackProduct('view_item', detail.product);
    },
    { capture: true },
  );
}
