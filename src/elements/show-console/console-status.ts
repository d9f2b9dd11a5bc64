import { html, nothing } from 'lit';
import type { Product } from '../../core/product.js';
import type { Strings } from '../../i18n/strings.js';
import { relative, type Moment } from './console-session.js';
import type { PublishEntry } from './publish-queue.js';

// The console's status: what is featured now (and whether the viewers have it yet), and
// the entries not yet published.

export interface ConsoleStatus {
  t: Strings;
  locale: string;
  /** What the console featured last, and when. */
  current: Moment | null;
  entries: readonly PublishEntry[];
  /** The clock (ms), ticking every second. */
  now: number;
}

/** "Featured now": the product, since when, and the truth first when the viewers do not have it yet. */
export function renderNow({ t, locale, current, entries, now }: ConsoleStatus, product: Product | null, clear: () => void) {
  const featured = current?.product != null;
  const unsent = current && entries.find((entry) => entry.at === current.at && entry.product === current.product);
  return html`<section part="now" aria-labelledby="now-title" data-delivery=${unsent ? unsent.state : 'sent'}>
    <h2 id="now-title">${t.featuredNow}</h2>
    <div class="now-product">
      ${product?.image_link ? html`<img src=${product.image_link} alt="" />` : nothing}
      <p role="status">
        ${featured ? (product?.title ?? current!.product) : t.nothingFeatured}
        ${unsent
          ? html`<span part="delivery">${unsent.state === 'failed'
              ? t.notDeliveredFailed.replace('{error}', unsent.error ?? '').replace('{time}', relative(unsent.retryAt ?? now, now, locale))
              : t.notDelivered}</span>`
          : nothing}
      </p>
      ${current ? html`<time datetime=${current.at}>${relative(Date.parse(current.at), now, locale)}</time>` : nothing}
    </div>
    <button part="clear" type="button" aria-keyshortcuts="0" ?disabled=${!featured} @click=${clear}>
      <kbd aria-hidden="true">0</kbd> ${t.clear}
    </button>
  </section>`;
}

/** The entries not yet published, each with its state; the first, failed, with Retry. */
export function renderQueue({ t, locale, entries, now }: ConsoleStatus, nameOf: (id: string) => string, retry: () => void) {
  if (!entries.length) return nothing;
  return html`<section part="queue" aria-labelledby="queue-title">
    <h2 id="queue-title">${t.publishQueue}</h2>
    <ol>
      ${entries.map((entry) => {
        const name = entry.product === null ? t.clear : nameOf(entry.product);
        const state =
          entry.state === 'failed'
            ? t.publishFailed.replace('{error}', entry.error ?? '').replace('{time}', relative(entry.retryAt ?? now, now, locale))
            : entry.state === 'retrying'
              ? t.publishRetrying
              : t.publishWaiting;
        return html`<li part=${entry.state === 'failed' ? 'entry failed' : 'entry'} data-state=${entry.state}>
          <span class="entry-name">${name}</span>
          <time datetime=${entry.at}>${new Date(entry.at).toLocaleTimeString(locale)}</time>
          <span class="entry-state">${state}</span>
          ${entry === entries[0] && entry.state === 'failed' ? html`<button part="retry" type="button" @click=${retry}>${t.retry}</button>` : nothing}
        </li>`;
      })}
    </ol>
  </section>`;
}
