import { withFeedPrices } from '../core/cart-lines.js';
import { emit } from '../core/events.js';
import { $cart, checkoutUrl } from '../store/cart.js';
import type { Show } from '../store/show.js';
import type { LinkTarget } from './open-link.js';
import { trackCheckout } from './track.js';
import { safeUrl } from '../core/safe-url.js';

/**
 * Sends the shopper to the cart's checkout, from inside a click. Synchronously, while the
 * click's user activation is fresh: PiP first, then an empty tab (opening a tab first
 * would use the activation up and PiP would be refused). Then `before` (an add) and the
 * checkout URL are awaited, the cancelable `livecart-checkout` is dispatched from `host`,
 * and the tab is sent there, or closed when something failed or a listener cancelled.
 */
export async function beginCheckout(
  host: HTMLElement,
  show: Show | null,
  target: LinkTarget,
  before?: () => Promise<void>,
): Promise<void> {
  let tab: Window | null = null;
  if (target === '_blank') {
    if (show) void show.requestPip();
    tab = window.open('', '_blank');
    // Cut the tie now: the checkout page must not reach back into the show's tab.
    if (tab) tab.opener = null;
  }
  try {
    await before?.();
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
  } catch (error) {
    tab?.close();
    throw error;
  }
}

/**
 * Payment pages only over https; plain http only on this machine, for development. Read
 * from the parsed URL, never a pattern over the text: `http://localhost:80@evil.example/`
 * is evil.example.
 */
const securePayment = ({ protocol, hostname }: URL) =>
  protocol === 'https:' || (protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname));
