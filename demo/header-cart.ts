/**
 * The shop header's "Cart (n)": a button that opens the shop's cart, livecart's
 * `<cart-view>` (a modal dialog: focus stays in it, Escape closes it, focus comes back to
 * the button). The count is spoken when it changes, in the page's language.
 */
import { $cart, itemCount } from 'livecart';
import '../src/define/cart-view.js';
import { t } from './page-i18n.js';
import { currentLook, onLook } from './page-look.js';

export function startHeaderCart(): void {
  const button = document.querySelector<HTMLButtonElement>('#header-cart')!;
  const label = button.querySelector('[aria-live]')!;
  const view = document.querySelector('cart-view')!;
  const render = () => (label.textContent = t(currentLook().lang, 'cart', { n: itemCount($cart.get()) }));
  onLook(render);
  $cart.subscribe(render);
  button.addEventListener('click', () => (view.open = true));
}
