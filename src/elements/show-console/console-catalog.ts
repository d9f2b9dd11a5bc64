import { html, nothing } from 'lit';
import { formatPrice } from '../../core/price.js';
import { currentPrice, type Product } from '../../core/product.js';
import { AVAILABILITY, type Strings } from '../../i18n/strings.js';

/** A long catalog renders this many matches; the search finds the rest. */
const SHOWN_MAX = 60;

export interface CatalogOptions {
  t: Strings;
  locale: string;
  /** What the console featured last (null after "Clear"). */
  featuredId: string | null | undefined;
  feature(id: string): void;
}

/** The console's catalog: each product with its number key (the first nine) and "Feature now". */
export function renderCatalog(shown: readonly Product[], { t, locale, featuredId, feature }: CatalogOptions) {
  return html`<ol part="catalog" aria-label=${t.products}>
      ${shown.slice(0, SHOWN_MAX).map((product, index) => {
        const featured = product.id === featuredId;
        const key = index < 9 ? String(index + 1) : '';
        return html`<li part=${featured ? 'product featured' : 'product'} data-id=${product.id} aria-current=${featured ? 'true' : 'false'}>
          ${product.image_link ? html`<img src=${product.image_link} alt="" loading="lazy" decoding="async" />` : html`<span class="no-image"></span>`}
          <span class="details">
            <span class="title">${product.title}</span>
            <span class="meta">
              <span class="id">${product.id}</span> · ${formatPrice(currentPrice(product), locale)} ·
              <span class=${`availability ${product.availability}`}>${t[AVAILABILITY[product.availability]]}</span>
            </span>
          </span>
          <button part="feature" type="button" aria-keyshortcuts=${key || nothing} @click=${() => feature(product.id)}>
            ${key ? html`<kbd part="key" aria-hidden="true">${key}</kbd>` : nothing}${featured ? t.featured : t.featureNow}<span
              class="visually-hidden"
              >: ${product.title}</span
            >
          </button>
        </li>`;
      })}
    </ol>
    ${shown.length > SHOWN_MAX ? html`<p part="message">${t.moreProducts.replace('{count}', String(shown.length - SHOWN_MAX))}</p>` : nothing}`;
}
