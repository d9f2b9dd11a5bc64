import { isServer } from 'lit';
import type { Availability } from '../core/product.js';
import { closestAcross } from '../platform/dom.js';
import { configuredLocale } from '../store/config.js';
import type { cartEnglish } from './en/cart.js';
import type { chatEnglish } from './en/chat.js';
import type { consoleEnglish } from './en/console.js';
import type { countdownEnglish } from './en/countdown.js';
import type { floatingEnglish } from './en/floating.js';

const en = {
  buyNow: 'Buy now',
  soldOut: 'Sold out',
  preorder: 'Pre-order',
  unavailable: 'Unavailable',
  noLink: 'No shop link',
  inStock: 'In stock',
  outOfStock: 'Out of stock',
  backorder: 'Back-order',
  nowShowing: 'Now showing',
  live: 'Live',
  goLive: 'Go live',
  retry: 'Retry',
  streamError: 'The video could not be played.',
  streamEnded: 'The show has ended.',
  feedError: 'Products could not be loaded.',
  loadingProducts: 'Loading products…',
  noProducts: 'No products yet.',
  products: 'Products',
  previous: 'Previous products',
  next: 'Next products',
  was: 'Was',
  player: 'Live video',
  inPip: 'Playing in picture-in-picture',
  bringBack: 'Bring it back',
  adding: 'Adding…',
  added: 'Added',
  addFailed: 'Not added, try again',
  cart: 'Cart',
  variant: 'Option',
  watchReplay: 'Watch the replay',
};
export type StringKey =
  | keyof typeof en
  | keyof typeof cartEnglish
  | keyof typeof chatEnglish
  | keyof typeof consoleEnglish
  | keyof typeof countdownEnglish
  | keyof typeof floatingEnglish;
export type Strings = Record<StringKey, string>;

/**
 * English words that only a part fetched on demand speaks (the cart dialog, the countdown,
 * the floating mini player, the producer's console) travel in that part's chunk
 * (src/i18n/en/) and join the others when it loads, before it renders. Other languages
 * keep every word in one file each.
 */
export function addEnglish(words: Partial<Strings>): void {
  Object.assign(en, words);
}

/** How each availability is said. */
export const AVAILABILITY: Record<Availability, StringKey> = {
  in_stock: 'inStock',
  out_of_stock: 'outOfStock',
  preorder: 'preorder',
  backorder: 'backorder',
};


/** Other languages load on demand: a page speaks one. */
const LOADERS: Record<string, () => Promise<{ default: Strings }>> = {
  fr: () => import('./locales/fr.js'),
  it: () => import('./locales/it.js'),
  es: () => import('./locales/es.js'),
  de: () => import('./locales/de.js'),
};
// Complete once the parts that speak the rest have loaded (see addEnglish).
const loaded: Record<string, Strings> = { en: en as Strings };
const loading = new Map<string, Promise<void>>();
const base = (locale: string) => locale.toLowerCase().split('-')[0];

/** Fetches a language's strings (once); resolves when they are there, or known missing. */
export function loadStrings(locale: string): Promise<void> {
  const lang = base(locale);
  if (loaded[lang] || !LOADERS[lang]) return Promise.resolve();
  let pending = loading.get(lang);
  if (!pending) {
    pending = LOADERS[lang]().then(
      (module) => void (loaded[lang] = module.default),
      () => void loading.delete(lang),
    );
    loading.set(lang, pending);
  }
  return pending;
}

// The page's own language starts loading with livecart, before any element renders.
if (!isServer) void loadStrings(document.documentElement.lang || globalThis.navigator?.language || 'en');

/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's (across
 * shadow roots), else the document's, else the browser's.
 */
export function localeOf(element: Element): string {
  // No `instanceof Element`: a server (Lit's DOM shim) has no Element class, nor ancestors:
  // there the element that rendered this one says its locale (elements/livecart-element.ts).
  const withLang = closestAcross(element, (node): node is Element => !!(node as Partial<Element>).getAttribute?.('lang'));
  const rendered = isServer ? (element as { renderedIn?: { locale: string } }).renderedIn?.locale : undefined;
  return canonicalLocale(withLang?.getAttribute('lang') || rendered || configuredLocale() || globalThis.navigator?.language || 'en');
}

/**
 * A BCP 47 tag Intl accepts: `en_US` (POSIX style, common in CMS settings) becomes `en-US`;
 * anything Intl still refuses becomes `en`. Intl.NumberFormat throws a RangeError on such
 * tags, which would stop every render.
 */
export function canonicalLocale(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** The strings for a locale as far as they have loaded: its base language's, else English. */
export function stringsFor(locale: string): Strings {
  return loaded[base(locale)] ?? loaded.en;
}

/** The language an element's words are in now: its own as far as they have loaded, else English. */
export function spokenLanguage(host: Element): string {
  const lang = base(localeOf(host));
  return loaded[lang] ? lang : 'en';
}

/**
 * The strings in an element's language. Until they have loaded the element speaks
 * English, and it updates when they arrive. (Elements follow later `lang` changes through
 * their ShowController, src/controllers/show-controller.ts.)
 */
export function stringsOf(host: Element & { requestUpdate(): void }): Strings {
  const lang = base(localeOf(host));
  // On a server they load for the next render; this one is done.
  if (!loaded[lang] && LOADERS[lang]) void loadStrings(lang).then(() => isServer || host.requestUpdate());
  return stringsFor(lang);
}

type Host = Element & { requestUpdate(): void };
/** The connected elements that speak. */
const speakers = new Set<Host>();
let langObserver: MutationObserver | undefined;

/**
 * Re-renders `host` whenever a `lang` changes anywhere in the document (on it or an
 * ancestor, the root included) until the returned function is called. One observer serves
 * the page; it stops when the last element lets go.
 */
export function followLang(host: Host): () => void {
  speakers.add(host);
  if (!langObserver) {
    langObserver = new MutationObserver(() => speakers.forEach((speaker) => speaker.requestUpdate()));
    langObserver.observe(document.documentElement, { attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    speakers.delete(host);
    if (speakers.size) return;
    langObserver?.disconnect();
    langObserver = undefined;
  };
}
