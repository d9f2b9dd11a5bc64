import { emit } from '../core/events.js';
import { $hasCart, addToCart } from '../store/cart.js';
import type { Show } from '../store/show.js';
import { cartLineFor, clampQuantity, type CartLine } from '../core/cart-lines.js';
import { beginCheckout } from './checkout.js';
import { openLink, productLink, type LinkTarget } from './open-link.js';
import { trackProduct } from './track.js';
import type { Product } from '../core/product.js';

export type BuyAction = 'auto' | 'link' | 'cart' | 'checkout';

export interface BuyOptions {
  quantity?: number;
  /** `auto` (default): `cart` when a cart adapter is configured, else `link`. */
  action?: BuyAction;
  /** The variant to add (default: the first in stock). */
  variant?: string | null;
  /** Where a link or checkout opens (default `_blank`, with picture-in-picture). */
  target?: LinkTarget;
  /** Adds the line to the cart (default: the cart store); the buy button wraps it to show its states. */
  add?: (line: CartLine) => Promise<void>;
}

/**
 * What a buy click does, wherever it was clicked (a `<buy-now-button>`, the Document PiP
 * card): the cancelable `livecart-add-to-cart` from `host`, then the link (PiP first), the
 * cart, or the checkout. Call it inside the click: PiP and new tabs need its activation.
 * Rejects, for the caller to report, when there is nothing to open or the cart refused.
 */
export function buy(host: HTMLElement, show: Show, product: Product, options: BuyOptions = {}): Promise<void> {
  const quantity = clampQuantity(options.quantity ?? 1);
  if (!emit(host, 'livecart-add-to-cart', { show: show.id, product, quantity }, { cancelable: true })) return Promise.resolve();
  const requested = options.action ?? 'auto';
  const action = requested === 'auto' ? ($hasCart.get() ? 'cart' : 'link') : requested;
  const target = options.target ?? '_blank';
  if (action === 'link') return followLink(show, product, target);
  if (!$hasCart.get()) return Promise.reject(new Error(`the "${action}" action needs a cart adapter; none is configured`));
  const line = cartLineFor(product, quantity, options.variant);
  const add = async () => {
    await (options.add ?? addToCart)(line);
    trackProduct('add_to_cart', product, line.quantity);
  };
  return action === 'checkout' ? beginCheckout(host, show, target, add) : add();
}

function followLink(show: Show, product: Product, target: LinkTarget): Promise<void> {
  const link = productLink(product);
  if (!link) return Promise.reject(new Error(`product ${product.id} has no http(s) link to open`));
  // PiP first: opening the tab first would use up the click the browser grants PiP to.
  // Same tab: the continuity frame keeps the show playing, else the next page resumes it.
  if (target === '_blank') void show.requestPip();
  else if (show.continueAt(link)) return Promise.resolve();
  else show.saveForNextPage();
  openLink(link, target);
  return Promise.resolve();
}
