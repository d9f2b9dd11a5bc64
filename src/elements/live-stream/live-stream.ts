import { html, isServer, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { LinkTarget } from '../../actions/open-link.js';
import { FeedController, productsProperty, type ProductsInput } from '../../controllers/feed-controller.js';
import { ShowController } from '../../controllers/show-controller.js';
import { localeOf, stringsOf, type Strings } from '../../i18n/strings.js';
import { $cart, $hasCart, itemCount } from '../../store/cart.js';
import { SHOW_SCOPE, type Show } from '../../store/show.js';
import { checkAttribute } from '../../core/warn.js';
import type { CartView } from '../cart-view/cart-view.js';
import { define } from '../../platform/define-element.js';
import { LivecartElement } from '../livecart-element.js';
import { productCard } from '../product-card.js';
import { tokens } from '../theme.js';
import { styles } from './live-stream.styles.js';

/**
 * The whole shoppable show in one tag: the player, a "now showing" banner with the
 * product on screen and its buy button, and a carousel of the show's products. Elements
 * inside it (also slotted ones) belong to its show.
 *
 * @tag live-stream
 * @summary A live shopping show: video, product on screen, catalog.
 * @fires livecart-ready - The show's catalog first has products.
 * @fires livecart-featured-change - The product on screen changed; `{ show, product }`.
 * @fires livecart-add-to-cart - From its buy buttons; cancelable.
 * @fires livecart-pip-change - The player entered or left picture-in-picture.
 * @fires livecart-checkout - From its buy buttons and cart; cancelable.
 * @fires livecart-error - `stream`, `feed`, `cart` or `pip` trouble; the rest keeps working.
 * @slot banner - Replaces the "now showing" banner.
 * @slot catalog - Replaces the product carousel.
 * @slot feed - A third column in the split layout (a chat, a feed of posts).
 * @csspart base - The layout grid.
 * @csspart stage - The player and the banner.
 * @csspart player - The `<pip-player>`.
 * @csspart banner - The "now showing" banner.
 * @csspart catalog - The `<shop-carousel>`.
 * @csspart message - The feed error message.
 * @csspart cart-button - Opens the cart (shown when a cart adapter is configured or the cart has lines).
 * @csspart cart - The `<cart-view>` dialog.
 * @csspart chat - The `<show-chat>` in the feed column (with `chat`).
 * @cssprop --livecart-accent - Accent colour (badges, buttons, highlights).
 * @cssprop --livecart-surface - Background.
 * @cssprop --livecart-text - Text colour.
 * @cssprop --livecart-radius - Corner radius.
 * @cssprop --livecart-font - Font family.
 * @cssprop --livecart-gap - Space between parts.
 */
export class LiveStream extends LivecartElement {
  static override properties: PropertyDeclarations = {
    src: { useDefault: true, reflect: true },
    products: productsProperty,
    schedule: { useDefault: true, reflect: true },
    show: { useDefault: true, reflect: true },
    poster: { useDefault: true, reflect: true },
    autoplay: { useDefault: true, type: Boolean, reflect: true },
    muted: { useDefault: true, type: Boolean, reflect: true },
    layout: { useDefault: true, reflect: true },
    linkTarget: { attribute: 'link-target', reflect: true, useDefault: true },
    shopping: { useDefault: true, reflect: true },
    startsAt: { useDefault: true, attribute: 'starts-at', reflect: true },
    replay: { useDefault: true, reflect: true },
    structuredData: { useDefault: true, attribute: 'structured-data', reflect: true },
    continuity: { useDefault: true, reflect: true },
    theme: { useDefault: true, reflect: true },
    chat: { useDefault: true, reflect: true },
    hasFeed: { state: true, attribute: false },
  };
  static override styles = [tokens, styles];

  /** HLS (`.m3u8`) or MP4 URL of the show. */
  declare src: string;
  /** Feed URL, or an array of items set from JavaScript. */
  declare products: ProductsInput;
  /**
   * Featured products besides the stream's own tags: a JSON timeline `[{ product, at }]`
   * (makes replays shoppable; re-read while live) or a `text/event-stream` URL of
   * `{ product, at }` events (a live show's hub); `at` applies at the viewer's frame.
   */
  declare schedule: string;
  /** The store scope shared by every element of this show. */
  declare show: string;
  declare poster: string;
  declare autoplay: boolean;
  declare muted: boolean;
  /** `split`, `overlay`, or unset to pick by width. */
  declare layout: 'split' | 'overlay' | '';
  /**
   * Where retailer links open: `_blank` (default, the show keeps playing in PiP) or `_self`.
   * A setting of the show: its elements outside this tag follow it too.
   */
  declare linkTarget: LinkTarget;
  /** `off`: watch-only, no buy buttons and no cart (the banner still names the product); also so when the catalog cannot be read. */
  declare shopping?: 'on' | 'off' | null;
  /** When the show starts (ISO date-time): before it, the poster, a countdown and "Add to calendar"; it plays once the stream is up. */
  declare startsAt?: string | null;
  /** URL of the replay, offered once the live show has ended. */
  declare replay?: string | null;
  /** `off`: no schema.org JSON-LD describing the show to search engines. */
  declare structuredData?: 'on' | 'off' | null;
  /** `frame`: same-site links open in a full-window frame under the floating player, so the show never stops. */
  declare continuity: 'frame' | null;
  /** `light` or `dark` forces a theme; unset follows `prefers-color-scheme`. */
  declare theme: 'light' | 'dark' | null;
  /**
   * The retailer's endpoint that takes a viewer's chat post: the show's conversation (read
   * from the `schedule` stream) then fills the `feed` column, unless a `feed` is slotted.
   */
  declare chat: string | null;
  declare private hasFeed: boolean;

  private readonly showController = new ShowController(
    this,
    (show) => [show.$featured, show.$products, $cart, $hasCart],
    (show) => {
      this.applySettings(show);
      return () => show.$settings.set({});
    },
  );
  private readonly feed = new FeedController(this, this.showController);
  private lastAnnounced: string | null = null;
  private flashedFor: string | null = null;

  constructor() {
    super();
    this.src = '';
    this.products = null;
    this.schedule = '';
    this.show = 'default';
    this.poster = '';
    this.autoplay = false;
    this.muted = false;
    this.layout = '';
    this.linkTarget = '_blank';
    this.continuity = null;
    this.theme = null;
    this.chat = null;
    this.hasFeed = false;
  }

  /** Elements inside belong to this show. */
  get [SHOW_SCOPE](): string {
    return this.show || 'default';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.feed.set(this.products);
    if (changed.has('layout')) checkAttribute(this, 'layout', this.layout, ['split', 'overlay'], 'the layout picked by width');
    if (changed.has('linkTarget')) checkAttribute(this, 'link-target', this.linkTarget, ['_blank', '_self'], '"_blank"');
    if (changed.has('show')) this.lastAnnounced = null;
    this.applySettings(this.showController.show);
  }

  /** Shares this show's settings with its elements outside this tag (a lone buy button). */
  private applySettings(show: Show): void {
    const { linkTarget, shopping } = show.$settings.get();
    const watchOnly = this.watchOnly();
    if (linkTarget !== this.linkTarget || shopping === watchOnly) show.$settings.set({ linkTarget: this.linkTarget, shopping: !watchOnly });
  }

  /** No buying in this show: switched off, or its catalog could not be read. */
  private watchOnly(): boolean {
    return this.shopping === 'off' || !!this.feed.error;
  }

  protected override render() {
    const locale = localeOf(this);
    const t = stringsOf(this);
    const show = this.showController.show;
    const showId = show.id;
    const renderedIn = { show, locale };
    const featured = show.$featured.get();
    // Unset: the styles pick split or overlay by the element's width (a container query).
    const layout = this.layout === 'split' || this.layout === 'overlay' ? this.layout : 'auto';
    const announce = featured && featured.id !== this.lastAnnounced ? `${t.nowShowing}: ${featured.title}` : '';
    const feed = this.hasFeed || !!this.chat;
    // The player stays the stage's first row: the chat's hearts rise over that cell (show-chat/hearts.ts).
    return html`<div part="base" class=${feed ? `${layout} has-feed` : layout} data-rendered-as=${this.renderedAs()}>
      <div part="stage">
        <pip-player
          .renderedIn=${renderedIn}
          part="player"
          exportparts="video, badge, go-live, error, retry, ended, replay, upcoming"
          show=${showId}
          src=${this.src}
          schedule=${this.schedule}
          poster=${this.poster}
          starts-at=${this.startsAt || nothing}
          replay=${this.replay || nothing}
          structured-data=${this.structuredData || nothing}
          ?autoplay=${this.autoplay}
          ?muted=${this.muted}
          continuity=${this.continuity || nothing}
          controls
        ></pip-player>
        <slot name="banner">
          <div part="banner" class=${featured ? 'flash' : ''} ?hidden=${!featured}>
            ${featured
              ? productCard(featured, locale, html`<buy-now-button .renderedIn=${renderedIn} show=${showId} product=${featured.id}></buy-now-button>`, t.nowShowing)
              : nothing}
          </div>
        </slot>
        <div class="visually-hidden" role="status" aria-live="polite">${announce}</div>
        ${this.renderCartButton(t)}
      </div>
      <div class="catalog">
        <slot name="catalog">
          ${this.feed.error ? this.feed.renderError(t) : nothing}
          ${this.feed.error && !show.$products.get().length
            ? nothing
            : html`<shop-carousel .renderedIn=${renderedIn} part="catalog" show=${showId}></shop-carousel>`}
        </slot>
      </div>
      <div class="feed" ?hidden=${!feed}><slot name="feed" @slotchange=${this.onFeedSlotChange}>${this.renderChat(showId)}</slot></div>
    </div>`;
  }

  /** The show's chat, in the feed column (a slotted feed replaces it); its code comes with the first show that has one. */
  private renderChat(showId: string) {
    if (!this.chat || this.hasFeed) return nothing;
    if (!isServer) void import('../show-chat/show-chat.js').then(({ ShowChat }) => define('show-chat', ShowChat));
    return html`<show-chat part="chat" show=${showId} chat=${this.chat}></show-chat>`;
  }

  private renderCartButton(t: Strings) {
    const count = itemCount($cart.get());
    if ((!$hasCart.get() && !count) || this.watchOnly()) return nothing;
    // Fetched only by pages with a cart: it stays out of dist/livecart.js.
    if (!isServer) void import('../cart-view/cart-view.js').then(({ CartView }) => define('cart-view', CartView));
    return html`<button part="cart-button" class="cart-button" type="button" aria-haspopup="dialog" @click=${this.openCart}>
        ${t.cart} <span class="count">${count}</span>
      </button>
      <cart-view part="cart" show=${this.showController.show.id}></cart-view>`;
  }

  /** Opens the cart dialog (the "Shop tab"). */
  openCart = (): void => {
    const view = this.renderRoot.querySelector<CartView>('cart-view');
    if (view) view.open = true;
  };

  protected override updated(): void {
    // Announce each product once: the live region keeps its text until the next change.
    const featured = this.showController.show.$featured.get();
    if (featured) this.lastAnnounced = featured.id;
    this.restartFlash(featured?.id ?? null);
  }

  /** Replays the banner's attention flash when the product changes. */
  private restartFlash(id: string | null): void {
    if (id === this.flashedFor) return;
    this.flashedFor = id;
    const banner = this.renderRoot.querySelector<HTMLElement>('[part~="banner"]');
    banner?.getAnimations().forEach((animation) => {
      animation.cancel();
      animation.play();
    });
  }

  private onFeedSlotChange = (event: Event) => {
    this.hasFeed = (event.target as HTMLSlotElement).assignedNodes({ flatten: true }).length > 0;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'live-stream': LiveStream;
  }
}
