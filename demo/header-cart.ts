/**
 * The shop header's "Cart (n)": a button that opens the shop's cart, livecart's
 * `<cart-view>` (a modal dialog: focus stays in it, Escape closes it, focus comes back to
 * the button). The count is spoken when it changes.
 */
import { $cart, itemCount } from 'livecart';
import '../src/define/cart-view.js';

export function startHeaderCart(): void {
  const button = document.querySelector<HTMLButtonElement>('#header-cart')!;
  const label = button.querySelector('[aria-live]')!;
  const view = document.querySelector('cart-view')!;
  $cart.subscribe((cart) => (label.textContent = `Cart (${itemCount(cart)})`));
  button.addEventListener('click', () => (view.open = true));
}
