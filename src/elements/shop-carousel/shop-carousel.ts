import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { formatPrice } from '../../core/price.js';
import { currentPrice, pickVariant, type Product } from '../../core/product.js';
import { FeedController, productsProperty, type ProductsInput } from '../../controllers/feed-controller.js';
import { ShowController } from '../../controllers/show-controller.js';
import { AVAILABILITY, localeOf, stringsOf, type Strings } from '../../i18n/strings.js';
import { LivecartElement, type RenderedIn } from '../livecart-element.js';
import { tokens } from '../theme.js';
import { styles } from './shop-carousel.styles.js';

const CARDS_PER_PAGE = 40;

/** What every card of one render shares. */
interface CardContext {
  locale: string;
  t: Strings;
  /** How many products the catalog has, rendered or not. */
  total: number;
  show: string;
  /** Handed to each card's buy button: on a server it cannot find them itself. */
  renderedIn: RenderedIn;
}

/**
 * The show's products as a scroll-snapping strip of cards, like a Shop Module: image,
 * title, price and sale price, availability and a buy button on each. Arrow keys (and
 * Home, End) move between cards; the product on screen is highlighted and brought into view.
 *
 * @tag shop-carousel
 * @summary A product carousel that follows the show.
 * @fires livecart-ready - The show's catalog first has products.
 * @fires livecart-error - `code: 'feed'` when its own feed is unreadable or has bad items.
 * @csspart track - The scrolling list.
 * @csspart card - One product (also `featured` on the product on screen).
 * @csspart image - A card's image.
 * @csspart title - A card's title.
 * @csspart price - A card's price.
 * @csspart availability - A card's availability.
 * @csspart variant - A card's variant picker (products with more than one variant).
 * @csspart nav - The previous and next buttons.
 * @csspart message - Loading, empty and error messages.
 * @cssprop --livecart-card-width - Width of a card (default 180px).
 * @cssprop --livecart-accent - Highlight of the featured card.
 */
export class ShopCarousel extends LivecartElement {
  static override properties: PropertyDeclarations = {
    show: { reflect: true, useDefault: true },
    products: productsProperty,
    featured: { reflect: true, useDefault: true },
    overflowing: { state: true, attribute: false },
  };
  static override styles = [tokens, styles];

  declare show: string | null;
  /** Its own feed URL, or an array of items; without it, the carousel shows its show's catalog. */
  declare products: ProductsInput;
  /** The id of the product on screen (reflected as `featured`, for CSS). */
  declare readonly featured: string | null;

  private readonly showController = new ShowController(this, (show) => [show.$products, show.$featured, show.$loadingFeeds]);
  private readonly feed = new FeedController(this, this.showController);
  /** Index of the card that holds the roving tab stop. */
  private focusIndex = 0;
  /** The variant the shopper picked on each card, by product id. */
  private readonly chosen = new Map<string, string>();
  /**
   * How many cards are rendered. A catalog of thousands renders a page of cards at a
   * time, more as the strip scrolls near its end: building every card (each with its buy
   * button) at once would freeze the page.
   */
  private rendered = CARDS_PER_PAGE;
  private moreObserver?: IntersectionObserver;
  /** Whether the strip is wider than its box: only then are the arrows of any use. */
  declare private overflowing: boolean;
  /** Made at the first update: a server has no ResizeObserver. */
  private resizeObserver?: ResizeObserver;
  /** The strip and its last card, whose sizes say whether it overflows. */
  private watched: Array<Element | null | undefined> = [];
  private moreSentinel: Element | null = null;

  constructor() {
    super();
    this.show = null;
    this.products = null;
    this.setFeatured(null);
    this.overflowing = false;
  }

  protected override willUpdate(): void {
    this.feed.set(this.products);
    this.setFeatured(this.showController.show.$featured.get()?.id ?? null);
  }

  /** The element's own way to `featured`, which is read-only to the page. */
  private setFeatured(id: string | null): void {
    (this as { featured: string | null }).featured = id;
  }

  protected override render() {
    const locale = localeOf(this);
    const t = stringsOf(this);
    const { show } = this.showController;
    const products = show.$products.get();
    if (!products.length) {
      // Loading: its own feed, or another element's for the show (the <live-stream>'s).
      const loading = this.feed.loading || show.$loadingFeeds.get() > 0;
      const message = this.feed.error
        ? this.feed.renderError(t)
        : html`<p part="message" role="status">${loading ? t.loadingProducts : t.noProducts}</p>`;
      // An invisible card holds the strip's height until the real ones come: nothing below shifts.
      return html`<div class="waiting" data-rendered-as=${this.renderedAs()}>${message}</div>
        <ul part="track" class="placeholder" aria-hidden="true">
          <li part="card"><span part="image"></span><h3 part="title"></h3><span part="price"></span>
            <span part="availability"></span><span class="variant-row"></span><span class="button-space"></span></li>
        </ul>
        ${this.renderNav(t)}`;
    }
    const active = Math.min(this.focusIndex, products.length - 1);
    const featuredAt = products.findIndex((product) => product.id === this.featured);
    const count = Math.min(products.length, Math.max(this.rendered, featuredAt + 1, active + 1));
    const context: CardContext = { locale, t, total: products.length, show: show.id, renderedIn: { show, locale } };
    return html`
      <ul part="track" data-rendered-as=${this.renderedAs()} aria-label=${t.products} @keydown=${this.onKeydown} @focusin=${this.onFocusin}>
        ${products.slice(0, count).map((product, index) => this.renderCard(product, index, index === active, context))}
        ${count < products.length ? html`<li class="more" aria-hidden="true"></li>` : nothing}
      </ul>
      ${this.renderNav(t)}
    `;
  }

  /** The arrows, under the strip: hidden (their room kept) unless it overflows. */
  private renderNav(t: Strings) {
    return html`<div class="nav-row" ?hidden=${!this.overflowing}>
      <button part="nav" class="prev" type="button" aria-label=${t.previous} tabindex="-1" @click=${() => this.page(-1)}>‹</button>
      <button part="nav" class="next" type="button" aria-label=${t.next} tabindex="-1" @click=${() => this.page(1)}>›</button>
    </div>`;
  }

  private renderCard(product: Product, index: number, tabStop: boolean, { locale, t, total, show, renderedIn }: CardContext) {
    const featured = product.id === this.featured;
    // The shopper's pick, else the first one in stock: the card shows what its button adds.
    const variant = pickVariant(product, this.chosen.get(product.id));
    const shown = variant ?? product;
    const price = currentPrice(shown);
    return html`<li
      part=${featured ? 'card featured' : 'card'}
      data-id=${product.id}
      tabindex=${tabStop ? 0 : -1}
      aria-current=${featured ? 'true' : 'false'}
      aria-label=${product.title}
      aria-posinset=${index + 1}
      aria-setsize=${total}
    >
      ${product.image_link
        ? html`<img part="image" src=${product.image_link} alt="" loading="lazy" decoding="async" />`
        : html`<span part="image" aria-hidden="true"></span>`}
      <h3 part="title">${product.title}</h3>
      <span part="price">
        ${formatPrice(price, locale)}
        ${shown.sale_price
          ? html`<s><span class="visually-hidden">${t.was}</span> ${formatPrice(shown.price, locale)}</s>`
          : nothing}
      </span>
      <span part="availability">${t[AVAILABILITY[shown.availability]]}</span>
      ${product.variants && product.variants.length > 1
        ? html`<select part="variant" aria-label=${`${t.variant}: ${product.title}`} @change=${(event: Event) => this.choose(product.id, event)}>
            ${product.variants.map(
              (option) => html`<option value=${option.id} ?selected=${option.id === variant?.id} ?disabled=${option.availability === 'out_of_stock'}>
                ${option.title}${option.availability === 'out_of_stock' ? ` (${t.soldOut})` : ''}
              </option>`,
            )}
          </select>`
        : html`<span class="variant-row"></span>`}
      <buy-now-button
        .renderedIn=${renderedIn}
        product=${product.id}
        variant=${variant?.id ?? nothing}
        show=${show}
      ></buy-now-button>
    </li>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('featured') && this.featured) this.scrollToCard(this.featured);
    this.watchForMore();
    // The strip's overflow, read when a ResizeObserver's notice comes, after the page's own
    // layout (reading it here would lay the page out inside this task): at the strip's
    // resizes, and at its last card's, whose first notice also follows a render that added
    // cards. Observed anew only when they change: a fresh observation is a fresh notice. The
    // placeholder strip counts too: with no products, nothing overflows.
    const track = this.renderRoot.querySelector('[part~="track"]');
    const cards = track?.querySelectorAll(':scope > [part~="card"]');
    const watched = [track, cards?.[cards.length - 1]];
    if (watched.every((element, i) => element === this.watched[i])) return;
    this.resizeObserver ??= new ResizeObserver(() => this.measureOverflow());
    this.resizeObserver.disconnect();
    for (const element of (this.watched = watched)) if (element) this.resizeObserver.observe(element);
  }

  private measureOverflow(): void {
    const [track] = this.watched;
    this.overflowing = !!track && track.scrollWidth > track.clientWidth + 1;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.watched = [];
    this.moreObserver?.disconnect();
    this.moreObserver = undefined;
    this.moreSentinel = null;
  }

  /** Renders the next page of cards when the end of those rendered comes near. */
  private watchForMore(): void {
    const track = this.renderRoot.querySelector('[part~="track"]');
    const sentinel = this.renderRoot.querySelector('.more');
    // Lit keeps the same sentinel across renders: observe anew only when it changed.
    if (sentinel === this.moreSentinel && this.moreObserver?.root === track) return;
    this.moreObserver?.disconnect();
    this.moreObserver = undefined;
    this.moreSentinel = sentinel;
    if (!track || !sentinel) return;
    this.moreObserver = new IntersectionObserver(
      ([entry]) => {
        if (!entry.isIntersecting) return;
        this.rendered += CARDS_PER_PAGE;
        this.requestUpdate();
      },
      { root: track, rootMargin: '0px 600px 600px 0px' },
    );
    this.moreObserver.observe(sentinel);
  }


  private cards(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="card"]')];
  }

  /** Scrolls the strip, never the page, to bring a card into view. */
  private scrollToCard(id: string): void {
    const track = this.renderRoot.querySelector<HTMLElement>('[part~="track"]');
    const card = this.cards().find((card) => card.dataset.id === id);
    if (!track || !card) return;
    // Centre the card on either axis: the strip may be laid out as a column (split layout).
    const left = card.offsetLeft - track.offsetLeft - (track.clientWidth - card.offsetWidth) / 2;
    const top = card.offsetTop - track.offsetTop - (track.clientHeight - card.offsetHeight) / 2;
    track.scrollTo({ left: Math.max(0, left), top: Math.max(0, top) });
  }

  private choose(product: string, event: Event): void {
    this.chosen.set(product, (event.target as HTMLSelectElement).value);
    this.requestUpdate();
  }

  private page(direction: 1 | -1): void {
    const track = this.renderRoot.querySelector<HTMLElement>('[part~="track"]');
    track?.scrollBy({ left: direction * track.clientWidth * 0.8 });
  }

  private onFocusin = (event: FocusEvent) => {
    const index = this.cards().indexOf(event.target as HTMLElement);
    if (index >= 0 && index !== this.focusIndex) {
      this.focusIndex = index;
      this.requestUpdate();
    }
  };

  private onKeydown = (event: KeyboardEvent) => {
    const cards = this.cards();
    const current = cards.indexOf(event.target as HTMLElement);
    if (current < 0) return;
    const total = this.showController.show.$products.get().length;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, ArrowDown: 1, ArrowUp: -1 }[event.key];
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? total - 1 : step ? current + step : -1;
    if (next < 0 || next >= total) return;
    event.preventDefault();
    // The card may not be rendered yet (a long catalog renders page by page).
    if (next >= cards.length) this.rendered = next + 1;
    this.focusIndex = next;
    this.requestUpdate();
    void this.updateComplete.then(() => this.cards()[next]?.focus());
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-carousel': ShopCarousel;
  }
}
