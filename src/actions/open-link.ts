import type { Product } from '../core/product.js';
import { safeUrl } from '../core/safe-url.js';
import { configuredLinkDecorator } from '../store/config.js';

export type LinkTarget = '_blank' | '_self';

/**
 * Opens a retailer link. Only http(s) URLs are ever followed; `_blank` opens a new tab
 * with no opener, so the show's tab keeps playing and the retailer's page cannot reach
 * back into it. Returns false when the URL was refused.
 */
export function openLink(url: string | undefined, target: LinkTarget = '_blank'): boolean {
  const safe = safeUrl(url);
  if (!safe) return false;
  if (target === '_self') window.location.assign(safe);
  else window.open(safe, '_blank', 'noopener');
  return true;
}

/** The product's link as the page wants it opened (decorated), or null when not http(s). */
export function productLink(product: Product): string | null {
  if (!product.link) return null;
  const decorate = configuredLinkDecorator();
  try {
    return safeUrl(decorate ? decorate(product.link, product) : product.link);
  } catch (error) {
    console.warn('livecart: linkDecorator failed; opening the plain link', error);
    return product.link;
  }
}
