import type { CartDescription } from '../adapters/describe.js';
import type { CartAdapter } from '../adapters/types.js';
import type { AnalyticsEvent, AnalyticsOption } from '../core/analytics-event.js';
import type { Product } from '../core/product.js';
import { setCartAdapter } from './cart.js';

export type { CartDescription };

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
 * reaches it as `window.livecart.configure`, even before livecart has loaded (see docs/javascript.md).
 */
export function configure(next: LivecartOptions): void {
  if (next.cart !== undefined) {
    setCartAdapter(next.cart);
  }
  for (const key of ['analytics', 'locale', 'currency', 'linkDecorator', 'publishToken'] as const) {
    if (key in next) (options as Record<string, unknown>)[key] = next[key];
  }
}

export const configuredLocale = (): string | undefined => options.locale;
export const configuredCurrency = (): string | undefined => options.currency;
export const configuredPublishToken = (): PublishToken | undefined => options.publishToken;
export const configuredAnalytics = (): AnalyticsOption | undefined => options.analytics;
export const configuredLinkDecorator = (): LivecartOptions['linkDecorator'] => options.linkDecorator;

export type { AnalyticsEvent, AnalyticsOption };

