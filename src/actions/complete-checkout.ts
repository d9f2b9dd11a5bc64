import { withFeedPrices } from '../core/cart-lines.js';
import { emit } from '../core/events.js';
import { safeUrl } from '../core/safe-url.js';
import { $cart, checkoutUrl } from '../store/cart.js';
import type { Show } from '../store/show.js';
import type { LinkTarget } from './open-link.js';
import { trackCheckout } from './track.js';

/**
 * The checkout once the click's work is done (checkout.ts opened the tab): the cart at
 * the feed's prices, the checkout URL, the cancelable `livecart-checkout` from `host`,
 * then the tab (or this page) sent there. Throws when a line is gone or the URL is not
 * a payment page's; the caller closes the tab.
 */
export async function completeCheckout(host: HTMLElement, show: Show | null, target: LinkTarget, tab: Window | null): Promise<void> {
  // As the shop charges it (L5): the stored prices are anyone's to edit.
  const cart = withFeedPrices($cart.get(), show?.$products.get() ?? []);
  const gone = cart.lines.find((line) => line.unavailable);
  if (gone) throw new Error(`${gone.title} is no longer available: remove it to check out`);
  const url = safeUrl(await checkoutUrl());
  if (!url || !securePayment(new URL(url))) throw new Error('the checkout URL is not https');
  if (!emit(host, 'livecart-checkout', { cart, url }, { cancelable: true })) {
    tab?.close();
    return;
  }
  trackCheckout(cart.lines);
  if (target === '_self') {
    // Leaving the show's page: the continuity frame, else the next page of the site resumes it.
    if (show?.continueAt(url)) return;
    show?.saveForNextPage();
    window.location.assign(url);
  } else if (tab) tab.location.replace(url);
  // The browser blocked the empty tab: try again, it may allow this one.
  else window.open(url, '_blank', 'noopener');
}

/**
 * Payment pages only over https; plain http only on this machine, for development. Read
 * from the parsed URL, never a pattern over the text: `http://localhost:80@evil.example/`
 * is evil.example.
 */
const securePayment = ({ protocol, hostname }: URL) =>
  protocol === 'https:' || (protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname));
