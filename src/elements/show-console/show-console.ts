import { html, nothing, type PropertyDeclarations } from 'lit';
import type { Product } from '../../core/product.js';
import { FeedController, productsProperty, type ProductsInput } from '../../controllers/feed-controller.js';
import { ShowController } from '../../controllers/show-controller.js';
import { consoleEnglish } from '../../i18n/en/console.js';
import { addEnglish, localeOf, stringsOf } from '../../i18n/strings.js';
import { tokens } from '../theme.js';
import { PublishQueue, type PublishEntry, type PublishFormat } from './publish-queue.js';
import { publishTarget } from './publish-target.js';
import { isMoment, readSession, sessionKey, writeSession, type Moment, type Saved } from './console-session.js';
import { renderCatalog } from './console-catalog.js';
import { renderNow, renderQueue } from './console-status.js';
import { styles } from './show-console.styles.js';
import { LivecartElement } from '../livecart-element.js';
import { define } from '../../platform/define-element.js';

addEnglish(consoleEnglish);

export type { Moment, PublishEntry, PublishFormat };

/**
 * Keys typed into these are text, not shortcuts. A custom element whose shadow root is
 * closed (or that has none) shows as the key's target whatever has the focus inside it:
 * it may be a text field ("3 for 2 today" typed there would feature products 3 and 2).
 */
const isTyping = (target: EventTarget | undefined): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || (target.localName.includes('-') && !target.shadowRoot));

/**
 * The producer's side of a live show, for the host's or producer's own page: the show's
 * catalog with a big "Feature now" on each product, and "Clear". Each click is stamped
 * with the wall-clock time and published to `publish`; a viewer's `<live-stream>` whose
 * `schedule` reads that stream applies it when the frame it plays reaches that time. The
 * click also features the product in the console's own show, so a preview on the same
 * page follows at once.
 *
 * Number keys 1–9 feature the first nine products shown, 0 clears (anywhere on the page,
 * except while typing in a field). A publish that fails is retried with back-off, in
 * order, and shown until it has gone through.
 *
 * @tag show-console
 * @summary The producer's console: feature a product now, for every viewer at their frame.
 * @fires livecart-ready - The show's catalog first has products.
 * @fires livecart-featured-change - The console featured a product (or cleared) in its own show.
 * @fires livecart-error - `code: 'publish'` once per streak of failed publishes (they are retried); `feed` for an unreadable feed or bad items.
 * @csspart now - What is featured now, and since when (`data-delivery`: `sent`, or `pending`, `retrying`, `failed` while the viewers do not have it yet).
 * @csspart delivery - In `now`, what keeps the viewers from having the pick yet.
 * @csspart clear - The "Clear" button.
 * @csspart queue - The entries not yet published, with their state.
 * @csspart entry - One of them (also `failed` while it waits for its next try).
 * @csspart retry - An entry's "Retry" button.
 * @csspart search - The search field.
 * @csspart catalog - The list of products.
 * @csspart product - One product (also `featured` on the featured one).
 * @csspart key - A product's number key.
 * @csspart feature - A product's "Feature now" button.
 * @csspart message - Loading, empty, error and preview-only messages.
 * @csspart chat - With `moderate`: the show's `<show-chat>`, with the producer's tools.
 * @cssprop --livecart-accent - "Feature now" buttons and the featured product.
 */
export class ShowConsole extends LivecartElement {
  static override properties: PropertyDeclarations = {
    products: productsProperty,
    show: { reflect: true, useDefault: true },
    publish: { reflect: true, useDefault: true },
    publishFormat: { attribute: 'publish-format', reflect: true, useDefault: true },
    topic: { reflect: true, useDefault: true },
    moderate: { reflect: true, useDefault: true },
    theme: { reflect: true, useDefault: true },
    query: { state: true, attribute: false },
    now: { state: true, attribute: false },
  };
  static override styles = [tokens, styles];
  // Its content is the producer's session (the queue, the hub): drawn anew, not hydrated.
  static override hydrates = false;

  /** The show's catalog: any feed livecart reads (URL), or an array of items. */
  declare products: ProductsInput;
  /** The show this console features products in (default `default`). */
  declare show: string | null;
  /** URL every "Feature now" and "Clear" is POSTed to; without it the console only features locally. */
  declare publish: string;
  /** `json` (default): `{ "product", "at" }`; `mercure`: a Mercure update (`topic` and `data` form fields). */
  declare publishFormat: PublishFormat;
  /** The Mercure topic viewers subscribe to (required with `publish-format="mercure"`). */
  declare topic: string;
  /**
   * The chat endpoint's moderation URL: the console then shows the show's conversation
   * (heard by the show's player from its `schedule` stream) with the producer's tools.
   */
  declare moderate: string;
  /** `light` or `dark` forces a theme; unset follows `prefers-color-scheme`. */
  declare theme: 'light' | 'dark' | null;
  declare private query: string;
  declare private now: number;

  /** Read-only: what the console featured last (`product: null` after "Clear"), and when; null before the first. */
  get current(): Readonly<Moment> | null {
    return this.#current;
  }

  /** Read-only: the entries not yet published, oldest first. */
  get queue(): readonly Readonly<PublishEntry>[] {
    return this.publisher.entries;
  }

  /**
   * Bearer token for the publish requests (a Mercure publisher JWT), overriding
   * `configure({ publishToken })`. A property only, never an attribute: it must not be
   * in the page's HTML.
   */
  get token(): string | null {
    return this.#token;
  }
  set token(value: string | null) {
    this.#token = value || null;
    // Its chat's moderation uses it too.
    this.requestUpdate();
  }

  #token: string | null = null;
  #current: Moment | null = null;
  // The console is its show's source of products: its preview is never "unshoppable".
  private readonly showController = new ShowController(this, (show) => [show.$products], (show) => (show.producers++, () => void show.producers--));
  private readonly feed = new FeedController(this, this.showController);
  private readonly publisher = new PublishQueue({
    target: () => publishTarget({ publish: this.publish, publishFormat: this.publishFormat, topic: this.topic, token: this.#token }),
    changed: () => {
      this.save();
      this.requestUpdate();
    },
    failing: (message) => this.showController.report('publish', message),
  });
  private ticker?: ReturnType<typeof setInterval>;
  /** The sessionStorage key this console saved under (its show's), once restored. */
  private savedKey?: string;
  /** The last search: the clock re-renders every second, a search of a long catalog need not run again. */
  private lastMatches?: [readonly Product[], string, readonly Product[]];

  constructor() {
    super();
    this.products = null;
    this.show = null;
    this.publish = '';
    this.publishFormat = 'json';
    this.topic = '';
    this.moderate = '';
    this.theme = null;
    this.query = '';
    this.now = Date.now();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasAttribute('token')) {
      console.warn('livecart: <show-console> ignores its token attribute (it is in the page for anyone to read); set the token property or configure({ publishToken })');
    }
    document.addEventListener('keydown', this.onKeydown);
    window.addEventListener('online', this.onOnline);
    this.ticker = setInterval(() => (this.now = Date.now()), 1000);
    this.restore();
    this.publisher.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onKeydown);
    window.removeEventListener('online', this.onOnline);
    clearInterval(this.ticker);
    // Unpublished entries stay queued; they go out when the console is connected again.
    this.publisher.stop();
  }

  /** Features `id` (null clears) now: in this console's show at once, and for the viewers through `publish`. */
  feature(id: string | null): void {
    if (this.#current ? this.#current.product === id : id === null) return;
    const at = new Date().toISOString();
    this.#current = { product: id, at };
    this.showController.show.feature(id);
    if (this.publish) this.publisher.push(id, at);
    this.save();
    this.now = Date.now();
    this.requestUpdate();
  }

  /**
   * Takes up what this tab's console of the same show left (a reload, a page of the
   * producer's site): what it featured, and the entries it had not yet published.
   */
  private restore(): void {
    const key = sessionKey(this.showController.show.id);
    if (this.savedKey === key) return;
    this.savedKey = key;
    const saved = readSession(key);
    if (this.#current || !saved) return;
    if (isMoment(saved.current)) {
      this.#current = saved.current;
      this.showController.show.feature(saved.current.product);
    }
    for (const entry of Array.isArray(saved.queue) ? saved.queue : []) {
      if (isMoment(entry) && this.publish) this.publisher.push(entry.product, entry.at);
    }
    this.save();
  }

  private save(): void {
    if (!this.savedKey) return;
    const saved: Saved = { current: this.#current, queue: this.publisher.entries.map(({ product, at }) => ({ product, at })) };
    writeSession(this.savedKey, saved);
  }

  protected override willUpdate(): void {
    this.feed.set(this.products);
  }

  protected override render() {
    const locale = localeOf(this);
    const t = stringsOf(this);
    const show = this.showController.show;
    const products = show.$products.get();
    const shown = this.shownProducts(products);
    const current = this.#current;
    const status = { t, locale, current, entries: this.publisher.entries, now: this.now };
    return html`
      ${renderNow(status, current && current.product !== null ? (show.product(current.product) ?? null) : null, () => this.feature(null))}
      ${renderQueue(status, (id) => show.product(id)?.title ?? id, () => this.publisher.retryNow())}
      ${this.publish ? nothing : html`<p part="message">${t.previewOnly}</p>`}
      <input
        part="search"
        type="search"
        aria-label=${t.searchProducts}
        placeholder=${t.searchProducts}
        .value=${this.query}
        @input=${(event: Event) => (this.query = (event.target as HTMLInputElement).value)}
      />
      ${products.length
        ? renderCatalog(shown, { t, locale, featuredId: this.#current?.product, feature: (id) => this.feature(id) })
        : html`<p part="message" role=${this.feed.error ? 'alert' : 'status'}>
            ${this.feed.error ? t.feedError : this.feed.loading ? t.loadingProducts : t.noProducts}
          </p>`}
      ${this.renderChat(show.id)}
    `;
  }

  /** The conversation, moderated (with `moderate`); the chat's code comes only then. */
  private renderChat(showId: string) {
    if (!this.moderate) return nothing;
    void import('../show-chat/show-chat.js').then(({ ShowChat }) => define('show-chat', ShowChat));
    return html`<show-chat part="chat" show=${showId} moderate=${this.moderate} .token=${this.#token}></show-chat>`;
  }

  /** The products the search matches (title or id), in catalog order. */
  private shownProducts(products: readonly Product[]): readonly Product[] {
    const query = this.query.trim().toLowerCase();
    if (!query) return products;
    if (this.lastMatches?.[0] === products && this.lastMatches[1] === query) return this.lastMatches[2];
    const found = products.filter((product) => product.title.toLowerCase().includes(query) || product.id.toLowerCase().includes(query));
    this.lastMatches = [products, query, found];
    return found;
  }

  private onKeydown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
    if (!/^[0-9]$/.test(event.key) || isTyping(event.composedPath()[0])) return;
    event.preventDefault();
    if (event.key === '0') return this.feature(null);
    const product = this.shownProducts(this.showController.show.$products.get())[Number(event.key) - 1];
    if (product) this.feature(product.id);
  };

  private onOnline = () => this.publisher.retryNow();
}

declare global {
  interface HTMLElementTagNameMap {
    'show-console': ShowConsole;
  }
}
