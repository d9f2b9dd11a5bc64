import { html, isServer, type PropertyDeclaration, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { FeedError, validateItems, type FeedResult } from '../core/feed.js';
import { loadFeed } from '../core/load-feed.js';
import { errorMessage } from '../platform/errors.js';
import { pageBase } from '../core/safe-url.js';
import type { Strings } from '../i18n/strings.js';
import { configuredCurrency } from '../store/config.js';
import type { Show } from '../store/show.js';
import type { ShowController } from './show-controller.js';

/** What an element's `products` attribute or property may hold. */
export type ProductsInput = string | readonly unknown[] | null | undefined;

/** The `products` property of every element that takes a feed: a feed URL reflects, an array set from JavaScript does not. */
export const productsProperty: PropertyDeclaration<ProductsInput> = {
  converter: { toAttribute: (value: ProductsInput) => (typeof value === 'string' ? value : null) },
  reflect: true,
};

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Fills a show's catalog from an element's `products`: a feed URL to fetch, or an array
 * set from JavaScript. Skipped items and dropped fields are reported in one
 * `livecart-error` (code `feed`); a feed that cannot be read at all leaves `error` set
 * for the element to show.
 */
export class FeedController implements ReactiveController {
  loading = false;
  error: string | null = null;
  private input: ProductsInput;
  private abort?: AbortController;
  /** The show counted as loading while this controller's feed loads. */
  private loadingIn?: Show;

  constructor(
    private readonly host: Host,
    /** The host's show: the catalog to fill, and where problems are reported. */
    private readonly showController: ShowController,
  ) {
    host.addController(this);
  }

  /** Call from the host's `willUpdate` with its current `products`. */
  set(input: ProductsInput): void {
    if (input === this.input) return;
    this.input = input;
    this.abort?.abort();
    this.error = null;
    this.setLoading(false);
    if (typeof input === 'string' && input.startsWith('[object Object]')) this.reportStringified();
    // A server renders products given as an array; a feed URL loads in the browser.
    else if (typeof input === 'string' && input.trim() && !isServer) this.fetch(input.trim());
    else if (Array.isArray(input)) this.addToCatalog(validateItems(input, pageBase()));
  }

  /**
   * An array that reached the element as an attribute: a framework rendered the tag before
   * livecart defined it and wrote `products` as text, which is no feed URL to blame.
   * (The console's fix says what to do: diagnostics.ts.)
   */
  private reportStringified(): void {
    this.error = 'products was set as the text "[object Object]", not as an array';
    this.showController.report('feed', this.error);
  }

  /**
   * The one message a feed that cannot be read shows a shopper: plain words. Why is the
   * developer's (the console's warning, the `livecart-error`, and `data-reason` here).
   */
  renderError(t: Strings) {
    return html`<p part="message" role="alert" data-reason=${this.error ?? ''}>${t.feedError}</p>`;
  }

  hostConnected(): void {
    // After a load cut short by a disconnect, the next update starts it again.
    if (this.input === undefined) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    if (!this.loading) return;
    this.abort?.abort();
    this.setLoading(false);
    this.input = undefined;
  }

  private setLoading(on: boolean): void {
    this.loading = on;
    this.loadingIn?.$loadingFeeds.set(this.loadingIn.$loadingFeeds.get() - 1);
    this.loadingIn = on ? this.showController.show : undefined;
    this.loadingIn?.$loadingFeeds.set(this.loadingIn.$loadingFeeds.get() + 1);
  }

  private async fetch(url: string): Promise<void> {
    const abort = (this.abort = new AbortController());
    this.setLoading(true);
    this.host.requestUpdate();
    try {
      const result = await loadFeed(new URL(url, pageBase()).href, abort.signal, { currency: configuredCurrency() });
      if (!abort.signal.aborted) this.addToCatalog(result);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = error instanceof FeedError ? error.message : `the feed could not be read (${errorMessage(error)})`;
      this.showController.report('feed', `${this.error} (${url})`);
    } finally {
      if (!abort.signal.aborted) {
        this.setLoading(false);
        this.host.requestUpdate();
      }
    }
  }

  /** Adds a feed's products to the show's catalog, reporting what was skipped or dropped. */
  private addToCatalog({ products, problems }: FeedResult): void {
    this.showController.show.addProducts(products);
    if (problems.length) {
      const skipped = problems.filter((problem) => !problem.field).length;
      const message = `${skipped} feed item(s) skipped and ${problems.length - skipped} field(s) dropped: ${problems
        .slice(0, 3)
        .map((problem) => `#${problem.index}${problem.id ? ` (${problem.id})` : ''} ${problem.reason}`)
        .join('; ')}${problems.length > 3 ? `; and ${problems.length - 3} more (in detail.problems)` : ''}`;
      this.showController.report('feed', message, problems);
    }
  }
}
