import { css, html, LitElement, type PropertyDeclarations } from 'lit';
import { openLink, type LinkTarget } from '../../commerce/open-link.js';
import { isBuyable, type Product } from '../../commerce/product.js';
import { ShowController } from '../../controllers/show-controller.js';
import { emit } from '../../events.js';
import { localeOf, stringsFor } from '../../i18n/strings.js';
import { showScopeOf } from '../../store/show.js';
import { tokens } from '../theme.js';

export type BuyAction = 'auto' | 'link' | 'cart' | 'checkout';

/**
 * The buy action for one product, usable anywhere on the page. A click dispatches the
 * cancelable `livecart-add-to-cart`; unless cancelled, the `link` action opens the
 * product's page in a new tab and, in the same click, puts the show's player in
 * picture-in-picture so the show keeps playing while the shopper shops.
 *
 * @tag buy-now-button
 * @summary A "Buy now" button that keeps the show playing.
 * @fires livecart-add-to-cart - Cancelable; `{ show, product, quantity }`.
 * @fires livecart-error - `code: 'cart'` when the product has no usable link or no cart is configured.
 * @csspart button - The button.
 * @cssprop --livecart-accent - Button colour.
 * @cssprop --livecart-accent-text - Button text colour.
 * @cssprop --livecart-radius - Corner radius.
 */
export class BuyNowButton extends LitElement {
  static override properties: PropertyDeclarations = {
    product: { reflect: true },
    show: { reflect: true },
    quantity: { type: Number, reflect: true },
    action: { reflect: true },
  };
  static override styles = [
    tokens,
    css`
      :host {
        display: inline-block;
      }
      button {
        width: 100%;
        min-height: 40px;
        padding: 8px 18px;
        border: 0;
        border-radius: var(--_radius);
        background: var(--_accent);
        color: var(--_accent-text);
        font-weight: 700;
        cursor: pointer;
      }
      button:disabled {
        background: var(--_surface-2);
        color: var(--_muted);
        cursor: not-allowed;
      }
    `,
  ];

  /** The product id, from the show's feed. */
  declare product: string;
  /** The show whose catalog and player to use (default: the enclosing `<live-stream>`'s, else `default`). */
  declare show: string | null;
  declare quantity: number;
  /** `auto` (a cart when one is configured, else `link`), `link`, `cart` or `checkout`. */
  declare action: BuyAction;

  private readonly showController = new ShowController(this, (show) => [show.$products]);

  constructor() {
    super();
    this.product = '';
    this.show = null;
    this.quantity = 1;
    this.action = 'auto';
  }

  protected override render() {
    const t = stringsFor(localeOf(this));
    const product = this.showController.show.product(this.product);
    const buyable = !!product && isBuyable(product);
    const label = !product ? t.unavailable : !buyable ? t.soldOut : product.availability === 'preorder' ? t.preorder : t.buyNow;
    return html`<button
      part="button"
      type="button"
      ?disabled=${!buyable}
      aria-label=${product ? `${label}: ${product.title}` : label}
      @click=${this.onClick}
    >
      <slot>${label}</slot>
    </button>`;
  }

  private onClick = () => {
    const show = this.showController.show;
    const product = show.product(this.product);
    if (!product || !isBuyable(product)) return;
    const quantity = Math.max(1, Math.floor(this.quantity) || 1);
    if (!emit(this, 'livecart-add-to-cart', { show: show.id, product, quantity }, { cancelable: true })) return;
    if (this.action === 'cart' || this.action === 'checkout') {
      this.fail(show.id, `the "${this.action}" action needs a cart adapter; none is configured`);
      return;
    }
    this.followLink(product);
  };

  private followLink(product: Product): void {
    const show = this.showController.show;
    if (!product.link) return this.fail(show.id, `product ${product.id} has no http(s) link to open`);
    const target = this.linkTarget();
    // PiP first: opening the tab first would use up the click the browser grants PiP to.
    // Leaving the page instead: save the show's place so the next page resumes it.
    if (target === '_blank') void show.requestPip();
    else show.saveForNextPage();
    openLink(product.link, target);
  }

  /** The enclosing `<live-stream>`'s `link-target`, else a new tab. */
  private linkTarget(): LinkTarget {
    return showScopeOf(this)?.linkTarget === '_self' ? '_self' : '_blank';
  }

  private fail(show: string, message: string): void {
    emit(this, 'livecart-error', { show, code: 'cart', message });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'buy-now-button': BuyNowButton;
  }
}
