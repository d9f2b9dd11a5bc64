import { html, nothing, type PropertyDeclarations } from 'lit';
import type { CartLine } from '../../adapters/types.js';
import { buy, type BuyAction } from '../../actions/buy.js';
import type { LinkTarget } from '../../actions/open-link.js';
import { isBuyable, type Product } from '../../core/product.js';
import { ShowController } from '../../controllers/show-controller.js';
import { stringsOf } from '../../i18n/strings.js';
import { $hasCart, addToCart } from '../../store/cart.js';
import { linkTargetOf } from '../../store/show.js';
import { warn } from '../../core/warn.js';
import { errorMessage } from '../../platform/errors.js';
import { LivecartElement } from '../livecart-element.js';
import { tokens } from '../theme.js';
import { styles } from './buy-now-button.styles.js';

export type { BuyAction };
/** What the button is doing: `pending` while the cart answers, `added` for a moment after, `error` until the next click. */
export type BuyState = 'idle' | 'pending' | 'added' | 'error';

/** How long "Added" shows before the button offers to buy again. */
const ADDED_MS = 2000;

/**
 * The buy action for one product, usable anywhere on the page. A click dispatches the
 * cancelable `livecart-add-to-cart`; unless cancelled, the `link` action opens the
 * product's page in a new tab and, in the same click, puts the show's player in
 * picture-in-picture so the show keeps playing while the shopper shops.
 *
 * @tag buy-now-button
 * @summary A "Buy now" button that keeps the show playing.
 * With a cart adapter configured (`action="auto"` or `cart`) the click adds to the cart
 * instead, showing pending, added and error states; `checkout` adds, then opens the
 * cart's checkout in a new tab, PiP first. A product with variants adds `variant`.
 * Links open where the show's `link-target` says (a button may override it for itself);
 * in a watch-only show (`shopping="off"`) the button renders nothing.
 *
 * @fires livecart-add-to-cart - Cancelable; `{ show, product, quantity }`.
 * @fires livecart-checkout - Cancelable; `{ cart, url }`, before the checkout opens.
 * @fires livecart-error - `code: 'cart'` when the cart refused the add (it is rolled back), the product has no usable link, or no cart is configured.
 * @csspart button - The button.
 * @cssprop --livecart-accent - Button colour.
 * @cssprop --livecart-accent-text - Button text colour.
 * @cssprop --livecart-radius - Corner radius.
 */
export class BuyNowButton extends LivecartElement {
  static override properties: PropertyDeclarations = {
    product: { reflect: true, useDefault: true },
    show: { reflect: true, useDefault: true },
    quantity: { type: Number, reflect: true, useDefault: true },
    action: { reflect: true, useDefault: true },
    variant: { reflect: true, useDefault: true },
    linkTarget: { attribute: 'link-target', reflect: true, useDefault: true },
    state: { reflect: true, useDefault: true },
  };
  static override styles = [tokens, styles];

  /** The product id, from the show's feed. */
  declare product: string;
  /** The show whose catalog and player to use (default: the enclosing `<live-stream>`'s, else `default`). */
  declare show: string | null;
  declare quantity: number;
  /** `auto` (a cart when one is configured, else `link`), `link`, `cart` or `checkout`. */
  declare action: BuyAction;
  /** The variant to add, for a product with variants (default: its first). */
  declare variant: string | null;
  /** Where this button's link or checkout opens, overriding its show's `link-target`; unset follows the show. */
  declare linkTarget?: LinkTarget | null;
  /** Read-only, reflected: `idle`, `pending`, `added` or `error`. */
  declare state: BuyState;

  private readonly showController = new ShowController(this, (show) => [show.$products, show.$settings, $hasCart]);
  private addedTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    this.product = '';
    this.show = null;
    this.quantity = 1;
    this.action = 'auto';
    this.variant = null;
    this.state = 'idle';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.addedTimer);
    // The timer that would have ended "Added" is gone: end it now.
    if (this.state === 'added') this.state = 'idle';
  }

  protected override render() {
    const view = this.view();
    if (!view) return nothing;
    const { product, label, buyable } = view;
    return html`<button
      part="button"
      type="button"
      data-rendered-as=${this.renderedAs()}
      ?disabled=${!buyable}
      aria-busy=${this.state === 'pending' ? 'true' : 'false'}
      aria-label=${product ? `${label}: ${product.title}` : label}
      @click=${this.onClick}
    >
      ${this.state === 'idle' || !buyable ? html`<slot>${label}</slot>` : label}
    </button>`;
  }

  /** What the button says and whether it buys; undefined in a watch-only show, where it renders nothing. */
  private view(): { product?: Product; label: string; buyable: boolean } | undefined {
    const show = this.showController.show;
    // Watch-only show: nothing to buy here.
    if (show.$settings.get().shopping === false) return undefined;
    const t = stringsOf(this);
    const product = show.product(this.product);
    const noLink = !!product && !this.canOpen(product);
    const buyable = !!product && isBuyable(product) && !noLink;
    const base = !product
      ? t.unavailable
      : noLink
        ? t.noLink
        : !buyable
          ? t.soldOut
          : product.availability === 'preorder'
            ? t.preorder
            : t.buyNow;
    const label = !buyable ? base : { idle: base, pending: t.adding, added: t.added, error: t.addFailed }[this.state];
    return { product, label, buyable };
  }

  /**
   * Hydration keeps the server's label and `disabled`: the browser's must be the same.
   * @internal
   */
  override renderedAs(): string {
    const view = this.view();
    return `${super.renderedAs()} ${view ? `${view.buyable} ${view.label}` : 'none'}`;
  }

  /**
   * Whether a buy can happen: a link-out needs the product's link. Without one the button
   * is disabled and says so, and no `livecart-add-to-cart` promises a buy that cannot be.
   */
  private canOpen(product: Product): boolean {
    const action = this.action;
    const linkOut = action === 'link' || (action === 'auto' && !$hasCart.get());
    if (!linkOut || product.link) return true;
    warn(this, { kind: 'no-link', product: product.id }, `no-link:${product.id}`);
    return false;
  }

  private onClick = () => {
    const show = this.showController.show;
    const product = show.product(this.product);
    if (!product || !isBuyable(product) || !this.canOpen(product) || this.state === 'pending') return;
    const { quantity, action, variant } = this;
    buy(this, show, product, { quantity, action, variant, target: linkTargetOf(this), add: this.add }).catch((error: unknown) =>
      this.showController.report('cart', errorMessage(error)),
    );
  };

  /** Adds through the cart store, showing pending, then added (for a moment) or error. */
  private add = async (line: CartLine): Promise<void> => {
    clearTimeout(this.addedTimer);
    this.state = 'pending';
    try {
      await addToCart(line);
    } catch (error) {
      this.state = 'error';
      throw error;
    }
    this.state = 'added';
    this.addedTimer = setTimeout(() => (this.state = 'idle'), ADDED_MS);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'buy-now-button': BuyNowButton;
  }
}
