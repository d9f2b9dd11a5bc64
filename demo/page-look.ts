/**
 * The demo's language and theme, for the whole page: its own words (page-i18n.ts) and
 * colours (demo.css reads `data-theme` on the root), and livecart's elements on it (their
 * `theme` and `lang` attributes, which the configurator's fields start from). Every demo
 * page calls `startPageLook()` first (a call, not an import for its side effects: the
 * package's `sideEffects` list would let the build drop such an import). The choice comes from the URL (`?lang=de&theme=dark`, read once, then taken out of
 * the address), else from this tab's sessionStorage, and it travels with the links the
 * demo opens in new tabs (which get no copy of sessionStorage): product links through
 * livecart's linkDecorator, the checkout through `withLook`, the page's own links with
 * `target="_blank"` as they are followed.
 */
import { configure } from 'livecart';
import { isLang, translatePage, type Lang } from './page-i18n.js';

export type Theme = '' | 'light' | 'dark';
export interface Look {
  lang: Lang;
  /** '' follows the system's `prefers-color-scheme`. */
  theme: Theme;
}

const KEY = 'fjellvik:look';
const isTheme = (value: unknown): value is Theme => value === '' || value === 'light' || value === 'dark';
/** The livecart elements a demo page holds in its own DOM (the ones they render follow them). */
const ELEMENTS = 'live-stream, pip-player, shop-carousel, buy-now-button, cart-view, show-console';

function stored(): Partial<Look> {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Partial<Look>;
  } catch {
    return {};
  }
}

function initial(): Look {
  const params = new URLSearchParams(location.search);
  const saved = stored();
  const lang = [params.get('lang'), saved.lang].find(isLang) ?? 'en';
  const theme = [params.get('theme'), saved.theme].find(isTheme) ?? '';
  if (params.has('lang') || params.has('theme')) {
    params.delete('lang');
    params.delete('theme');
    const query = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  }
  return { lang, theme };
}

let look: Look = { lang: 'en', theme: '' };
const listeners = new Set<(look: Look) => void>();

/** The page's language and theme now. */
export const currentLook = (): Look => look;

/** Calls `listener` with the look now and after every change. */
export function onLook(listener: (look: Look) => void): void {
  listeners.add(listener);
  listener(look);
}

/** Changes the page's language and/or theme, and remembers it for the tab's next pages. */
export function setLook(next: Partial<Look>): void {
  look = { lang: isLang(next.lang) ? next.lang : look.lang, theme: isTheme(next.theme) ? next.theme : look.theme };
  try {
    sessionStorage.setItem(KEY, JSON.stringify(look));
  } catch {
    // Storage refused (a private window's quota): the look lasts for this page.
  }
  render();
}

/** `url` carrying the look, for a demo page opened in a new tab. */
export function withLook(url: string | URL): URL {
  const result = new URL(url, location.href);
  if (result.origin !== location.origin) return result;
  result.searchParams.set('lang', look.lang);
  if (look.theme) result.searchParams.set('theme', look.theme);
  return result;
}

function render(): void {
  const root = document.documentElement;
  root.lang = look.lang;
  if (look.theme) root.dataset.theme = look.theme;
  else delete root.dataset.theme;
  for (const element of document.querySelectorAll(ELEMENTS)) {
    element.setAttribute('lang', look.lang);
    if (look.theme) element.setAttribute('theme', look.theme);
    else element.removeAttribute('theme');
  }
  translatePage(look.lang);
  listeners.forEach((listener) => listener(look));
}

/** Puts the page in the language and theme it was opened with, and carries them in its links. */
export function startPageLook(): void {
  look = initial();
  configure({ linkDecorator: (link) => withLook(link).href });
  // The page's own links to a new tab (the producer's "viewer page") carry it too.
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[target="_blank"]');
    if (link instanceof HTMLAnchorElement) link.href = withLook(link.href).href;
  });
  render();
}
