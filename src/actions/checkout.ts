import type { Show } from '../store/show.js';
import type { LinkTarget } from './open-link.js';

/**
 * Sends the shopper to the cart's checkout, from inside a click. Synchronously, while the
 * click's user activation is fresh: PiP first, then an empty tab (opening a tab first
 * would use the activation up and PiP would be refused). Then `before` (an add) and the
 * rest, which needs no activation and comes in a chunk of its own (complete-checkout.ts).
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
    const [{ completeCheckout }] = await Promise.all([import('./complete-checkout.js'), before?.()]);
    await completeCheckout(host, show, target, tab);
  } catch (error) {
    tab?.close();
    throw error;
  }
}
