import { safeUrl } from '../core/safe-url.js';
import { legacyId, type Cart, type CartAdapter } from './types.js';

export interface PermalinkOptions {
  /**
   * The cart URL; `{lines}` becomes every line as `line` below, joined by `separator`.
   * Shopify's is `https://<domain>/cart/{lines}`.
   */
  template?: string;
  /** Shortcut for Shopify's cart permalink on `domain`. */
  preset?: 'shopify';
  domain?: string;
  /** One line; `{id}` and `{quantity}` are replaced. Default `{id}:{quantity}`. */
  line?: string;
  separator?: string;
}

/**
 * The cart lives in the page (and localStorage); checkout is a URL built from it, such as
 * Shopify's cart permalink `/cart/<variant>:<qty>,<variant>:<qty>`.
 */
export function permalinkAdapter(options: PermalinkOptions): CartAdapter {
  const template =
    options.template ?? (options.preset === 'shopify' && options.domain ? `https://${options.domain}/cart/{lines}` : '');
  if (!template.includes('{lines}') || !safeUrl(template.replace('{lines}', 'x'))) {
    throw new TypeError(`livecart: the permalink template "${template}" needs {lines} in an http(s) URL`);
  }
  const line = options.line ?? '{id}:{quantity}';
  const separator = options.separator ?? ',';
  return {
    name: 'permalink',
    hasCart: true,
    add: async () => undefined,
    update: async () => undefined,
    remove: async () => undefined,
    get: async () => null,
    async checkoutUrl(cart: Cart) {
      if (!cart.lines.length) return null;
      const lines = cart.lines
        .map((l) =>
          line
            .replace('{id}', encodeURIComponent(legacyId(l.id)))
            .replace('{quantity}', String(l.quantity)),
        )
        .join(separator);
      return safeUrl(template.replace('{lines}', lines));
    },
  };
}
