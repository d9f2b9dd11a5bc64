import { html, nothing, type TemplateResult } from 'lit';
import { formatPrice } from '../core/price.js';
import { currentPrice, type Product } from '../core/product.js';

/**
 * The card of the product on screen: image, title and price, then a buy action. One
 * template for both places that show it, the `<live-stream>` banner and the Document PiP
 * window; each brings its own action (a `<buy-now-button>` in the page, a plain button in
 * the PiP window, whose document has no livecart elements) and styles `.product-title`.
 * `eyebrow` is the line above the title ("Now showing" in the banner).
 */
export function productCard(product: Product, locale: string, buy: unknown, eyebrow?: string): TemplateResult {
  return html`${product.image_link ? html`<img src=${product.image_link} alt="" />` : html`<span></span>`}
    <span>
      ${eyebrow ? html`<span class="eyebrow">${eyebrow}</span>` : nothing}
      <span class="product-title">${product.title}</span>
      <span class="price">${formatPrice(currentPrice(product), locale)}</span>
    </span>
    ${buy}`;
}
