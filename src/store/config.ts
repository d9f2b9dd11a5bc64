import type { CallbackOptions } from '../commerce/adapters/callback.js';
import { linkAdapter } from '../commerce/adapters/link.js';
import type { PermalinkOptions } from '../commerce/adapters/permalink.js';
import type { ShopifyOptions } from '../commerce/adapters/shopify.js';
import type { CartAdapter, CartLine } from '../commerce/adapters/types.js';
import type { AnalyticsEvent, AnalyticsOption } from '../commerce/analytics.js';
import { currentPrice, type Product } from '../commerce/product.js';
import { safeUrl } from '../commerce/safe-url.js';
import { emit } from '../events.js';
import { setCartAdapter } from './cart.js';

/** A cart back end described in plain data, as a script-tag page can write it before livecart loads. */
export type CartDescription =
  | { adapter: 'link' }
  | ({ adapter: 'permalink' } & PermalinkOptions)
  | ({ adapter: 'shopify' } & ShopifyOptions)
  | ({ adapter: 'callback' } & CallbackOptions);

export interface LivecartOptions {
  /** The cart back end: an adapter object or a description. Default: `link` (no cart). */
  cart?: CartAdapter | CartDescription;
  /** `'dataLayer'`, a function, or null for none (default). */
  analytics?: AnalyticsOption;
  /** Language when neither the element nor the page has a `lang`. */
  locale?: string;
  /**
   * The shop's currency: for feeds whose prices carry none (Shopify's `/products.json`),
   * and for analytics values when a cart mixes currencies (default: the first line's).
   */
  currency?: string;
  /** Rewrites every product link before it opens, e.g. to add campaign parameters. */
  linkDecorator?: (url: string, product: Product) => string;
  /**
   * The bearer token `<show-console>` publishes with (a Mercure hub's publisher JWT), or a
   * function answering it for each publish, so a short-lived token can be refreshed. Never
   * an attribute: it must not be in the page's HTML.
   */
  publishToken?: PublishToken;
}

export type PublishToken = string | null | (() => string | null | Promise<string | null>);

const options: Omit<LivecartOptions, 'cart'> = { analytics: null };

/**
 * Sets page-wide options; each call changes only the options it names. A script-tag page
 * reaches it as `window.livecart.configure`, even before livecart has loaded (see README).
 */
export function configure(next: LivecartOptions): void {
  if (next.cart !== undefined) {
    const [adapter, hasCart] = resolveAdapter(next.cart);
    setCartAdapter(adapter, hasCart);
  }
  for (const key of ['analytics', 'locale', 'currency', 'linkDecorator', 'publishToken'] as const) {
    if (key in next) (options as Record<string, unknown>)[key] = next[key];
  }
}

function resolveAdapter(cart: CartAdapter | CartDescription): [CartAdapter | Promise<CartAdapter>, boolean] {
  if (!('adapter' in cart)) return [cart, cart.hasCart !== false];
  switch (cart.adapter) {
    case 'link':
      return [linkAdapter(), false];
    // Each adapter is fetched only by the pages that use it: they stay out of dist/livecart.js.
    // A bad description (no template, a secret token) is reported once it has loaded, and
    // rejects every cart call, which rolls back.
    case 'permalink':
      return [reported(import('../commerce/adapters/permalink.js').then((m) => m.permalinkAdapter(cart))), true];
    case 'callback':
      return [reported(import('../commerce/adapters/callback.js').then((m) => m.callbackAdapter(cart))), true];
    case 'shopify':
      return [reported(import('../commerce/adapters/shopify.js').then((m) => m.shopifyAdapter(cart))), true];
    default:
      throw new TypeError(`livecart: unknown cart adapter "${(cart as { adapter: unknown }).adapter}"`);
  }
}

function reported(adapter: Promise<CartAdapter>): Promise<CartAdapter> {
  adapter.catch((error: unknown) => {
    // A cart that cannot be built loses every add: an error in the console, not only the
    // warning emit() prints, whose message is the cause alone (emit() names livecart).
    const message = (error instanceof Error ? error.message : String(error)).replace(/^livecart: /, '');
    console.error(`livecart: ${message}`);
    emit(document, 'livecart-error', { show: 'default', code: 'cart', message });
  });
  return adapter;
}

export const configuredLocale = (): string | undefined => options.locale;
export const configuredCurrency = (): string | undefined => options.currency;
export const configuredPublishToken = (): PublishToken | undefined => options.publishToken;

/** The product's link as the page wants it opened (decorated), or null when not http(s). */
export function productLink(product: Product): string | null {
  if (!product.link) return null;
  try {
    return safeUrl(options.linkDecorator ? options.linkDecorator(product.link, product) : product.link);
  } catch (error) {
    console.warn('livecart: linkDecorator failed; opening the plain link', error);
    return product.link;
  }
}

/** The analytics module, fetched once analytics is configured: pages without it never load it. */
let analytics: Promise<typeof import('../commerce/analytics.js')> | undefined;
const withAnalytics = (run: (m: typeof import('../commerce/analytics.js'), option: AnalyticsOption) => void): void => {
  const option = options.analytics;
  if (!option) return;
  analytics ??= import('../commerce/analytics.js');
  // The option as it was at the moment itself, though the push follows the import.
  void analytics.then((m) => run(m, option));
};

/** Reports a product moment (`view_item`, `add_to_cart`) to the configured analytics. */
export function trackProduct(event: 'view_item' | 'add_to_cart', product: Product, quantity = 1): void {
  withAnalytics((m, option) => m.track(option, event, currentPrice(product).currency, [m.productItem(product, quantity)]));
}

export function trackCheckout(lines: readonly CartLine[]): void {
  const currency = options.currency ?? lines[0]?.price.currency ?? '';
  // GA4 events carry one currency: lines in others are left out of this one.
  const same = lines.filter((l) => l.price.currency === currency);
  withAnalytics((m, option) => m.track(option, 'begin_checkout', currency, same.map(m.lineItem)));
}

export type { AnalyticsEvent, AnalyticsOption };

/** What a script-tag page's stub leaves on `window.livecart`: calls made before livecart loaded. */
interface Stub {
  q?: ArrayLike<unknown>[];
  configure?: unknown;
}

/**
 * Installs `window.livecart.configure` and replays the calls the page's stub queued. The
 * script-tag entry runs it; module users import `configure` instead.
 */
export function installGlobal(): void {
  // Server-side imports have no window to answer on.
  if (typeof window === 'undefined') return;
  const w = window as unknown as { livecart?: Stub & Record<string, unknown> };
  const stub = w.livecart ?? {};
  const queued = Array.isArray(stub.q) ? stub.q : [];
  w.livecart = Object.assign(stub, { configure, q: { push: (args: ArrayLike<unknown>) => configure(args[0] as LivecartOptions) } });
  for (const args of queued) {
    try {
      configure(args[0] as LivecartOptions);
    } catch (error) {
      console.error('livecart: a queued configure() call failed', error);
    }
  }
}
