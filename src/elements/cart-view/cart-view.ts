import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { withFeedPrices, type PricedLine } from '../../core/cart-lines.js';
import { beginCheckout } from '../../actions/checkout.js';
import { formatPrice } from '../../core/price.js';
import { ShowController } from '../../controllers/show-controller.js';
import { cartEnglish } from '../../i18n/en/cart.js';
import { addEnglish, localeOf, stringsOf, type Strings } from '../../i18n/strings.js';
import { $cart, $cartPageOnly, removeFromCart, setQuantity, subtotals } from '../../store/cart.js';
import { linkTargetOf } from '../../store/show.js';
import { errorMessage } from '../../platform/errors.js';
import { tokens } from '../theme.js';
import { styles } from './cart-view.styles.js';
import { LivecartElement } from '../livecart-element.js';

addEnglish(cartEnglish);

/**
 * The shopper's cart as a modal dialog (the "Shop tab" of `<live-stream>`): its lines with
 * quantity steppers and a remove button, a subtotal per currency and the checkout. Focus
 * stays inside while it is open and goes back where it was when it closes.
 *
 * @tag cart-view
 * @summary The cart, in a dialog.
 * @fires livecart-checkout - Cancelable; `{ cart, url }`, before the checkout opens.
 * @fires livecart-error - `code: 'cart'` when the cart refused a change (it is rolled back) or the checkout failed.
 * @csspart dialog - The dialog.
 * @csspart line - One cart line.
 * @csspart stepper - A line's quantity buttons.
 * @csspart remove - A line's remove button.
 * @csspart subtotal - The subtotals.
 * @csspart checkout - The checkout button.
 * @csspart close - The close button.
 * @csspart message - The empty-cart and error messages.
 */
export class CartView extends LivecartElement {
  static override properties: PropertyDeclarations = {
    open: { type: Boolean, reflect: true, useDefault: true },
    show: { reflect: true, useDefault: true },
    busy: { state: true },
    error: { state: true },
  };
  static override styles = [tokens, styles];
  // Its content is the shopper's (the cart in this browser's storage): drawn anew, not hydrated.
  static override hydrates = false;

  /** Open (a modal dialog) or closed. */
  declare open: boolean;
  /** The show whose player goes picture-in-picture at checkout (default: the enclosing `<live-stream>`'s). */
  declare show: string | null;
  declare private busy: boolean;
  declare private error: string | null;

  private readonly showController = new ShowController(this, (show) => [$cart, $cartPageOnly, show.$products]);
  /** Where focus was before opening: it goes back there on close. */
  private returnFocus: HTMLElement | null = null;

  constructor() {
    super();
    this.open = false;
    this.show = null;
    this.busy = false;
    this.error = null;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    const dialog = this.dialog;
    if (!dialog) return;
    if (this.open && !dialog.open) {
      this.returnFocus = deepActiveElement();
      this.error = null;
      dialog.showModal();
    } else if (!this.open && dialog.open) dialog.close();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.dialog?.close();
  }

  protected override render() {
    const locale = localeOf(this);
    const t = stringsOf(this);
    const cart = withFeedPrices($cart.get(), this.showController.show.$products.get());
    const unavailable = cart.lines.some((line) => line.unavailable);
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.onClose} @cancel=${() => (this.open = false)}>
      <header>
        <h2 id="title">${t.cart}</h2>
        <button part="close" type="button" aria-label=${t.close} @click=${() => (this.open = false)}>✕</button>
      </header>
      ${this.error ? html`<p part="message" role="alert">${t.cartError} ${this.error}</p>` : nothing}
      ${$cartPageOnly.get() ? html`<p part="message" data-page-only>${t.cartPageOnly}</p>` : nothing}
      ${cart.lines.length
        ? html`<ul aria-label=${t.cart}>
              ${repeat(
                cart.lines,
                (line) => line.id,
                (line) => this.renderLine(line, locale, t),
              )}
            </ul>
            ${subtotals(cart).map(
              (subtotal) => html`<p part="subtotal"><span>${t.subtotal}</span><span>${formatPrice(subtotal, locale)}</span></p>`,
            )}
            ${unavailable ? html`<p part="message" role="status">${t.removeUnavailable}</p>` : nothing}
            <button part="checkout" type="button" ?disabled=${this.busy || unavailable} @click=${this.onCheckout}>${t.checkout}</button>`
        : html`<p part="message">${t.emptyCart}</p>`}
    </dialog>`;
  }

  private renderLine(line: PricedLine, locale: string, t: Strings) {
    const label = line.variant_title ? `${line.title} (${line.variant_title})` : line.title;
    return html`<li part="line" data-id=${line.id}>
      ${line.image_link ? html`<img src=${line.image_link} alt="" />` : html`<span></span>`}
      <span>
        <span>${line.title}</span>
        ${line.variant_title ? html`<span class="muted">${line.variant_title}</span>` : nothing}
      </span>
      <span ?data-unavailable=${line.unavailable}>
        ${line.unavailable ? t.lineUnavailable : formatPrice({ value: line.price.value * line.quantity, currency: line.price.currency }, locale)}
      </span>
      <span part="stepper" role="group" aria-label=${`${t.quantity}: ${label}`}>
        <button type="button" aria-label=${`${t.decrease}: ${label}`} ?disabled=${line.quantity <= 1} @click=${() => this.changeQuantity(line.id, line.quantity - 1)}>−</button>
        <output aria-live="polite">${line.quantity}</output>
        <button type="button" aria-label=${`${t.increase}: ${label}`} ?disabled=${line.unavailable} @click=${() => this.changeQuantity(line.id, line.quantity + 1)}>+</button>
      </span>
      <button part="remove" type="button" aria-label=${`${t.remove}: ${label}`} @click=${() => this.removeLine(line.id)}>${t.remove}</button>
    </li>`;
  }

  private changeQuantity(id: string, quantity: number): void {
    this.run(setQuantity(id, quantity));
  }

  private removeLine(id: string): void {
    // The remove button goes with its line: keep focus in the dialog.
    this.renderRoot.querySelector<HTMLElement>('[part~="close"]')?.focus();
    this.run(removeFromCart(id));
  }

  private onCheckout = () => {
    const target = linkTargetOf(this);
    // Inside the click: PiP and the new tab need its user activation.
    this.run(beginCheckout(this, this.showController.show, target));
  };

  private run(action: Promise<void>): void {
    this.busy = true;
    this.error = null;
    action
      .catch((error: unknown) => {
        this.error = errorMessage(error);
        this.showController.report('cart', this.error);
      })
      .finally(() => (this.busy = false));
  }

  private onClose = () => {
    this.open = false;
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back?.isConnected) back.focus();
  };
}

/** The focused element, looking inside shadow roots (a buy button's inner button, say). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

declare global {
  interface HTMLElementTagNameMap {
    'cart-view': CartView;
  }
}
