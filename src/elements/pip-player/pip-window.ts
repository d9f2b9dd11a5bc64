import { html, nothing, render } from 'lit';
import { isBuyable, type Product } from '../../core/product.js';
import { stringsFor } from '../../i18n/strings.js';
import type { Show } from '../../store/show.js';
import { productCard } from '../product-card.js';

/** The page's theme, read off the player, carried into the PiP window. */
const THEME = ['accent', 'accent-text', 'surface', 'text', 'radius', 'font'];

const CSS = `
  :root { color-scheme: light dark; }
  body { margin: 0; display: flex; flex-direction: column; height: 100vh; overflow: hidden;
    font-family: var(--livecart-font, system-ui, sans-serif);
    background: var(--livecart-surface, #111827); color: var(--livecart-text, #f9fafb); }
  .stage { flex: 1; min-height: 0; background: #000; }
  .stage video { width: 100%; height: 100%; object-fit: contain; display: block; }
  .card { display: grid; grid-template-columns: auto minmax(0, 1fr) auto; gap: 10px; align-items: center; padding: 8px 10px; }
  .card:empty { display: none; }
  .card img { width: 56px; height: 56px; object-fit: cover; border-radius: 8px; }
  .product-title { display: block; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .price { font-size: 0.9rem; }
  button { font: inherit; font-weight: 700; padding: 8px 14px; border: 0; cursor: pointer;
    border-radius: var(--livecart-radius, 12px); background: var(--livecart-accent, #be123c); color: var(--livecart-accent-text, #fff); }
  button:disabled { opacity: 0.6; cursor: not-allowed; }
  button:focus-visible { outline: 3px solid currentColor; outline-offset: 2px; }
`;

export interface PipWindowOptions {
  show: Show;
  locale: string;
  /** The element whose `--livecart-*` values the window takes on. */
  themeFrom: Element;
  onBuy(product: Product): void;
}

/**
 * Dresses a Document PiP window: the theme and styles (constructed in that window, so a
 * page's CSP without `unsafe-inline` still allows them) and a card of the product on
 * screen with its buy button, kept in step with the show until the returned cleanup runs.
 */
export function furnishPipWindow(pipWindow: Window, stage: HTMLElement, card: HTMLElement, options: PipWindowOptions): () => void {
  // The shopper may close the window before this module has arrived.
  if (pipWindow.closed) return () => {};
  const doc = pipWindow.document;
  const sheet = new (pipWindow as Window & typeof globalThis).CSSStyleSheet();
  sheet.replaceSync(CSS);
  doc.adoptedStyleSheets = [sheet];
  const computed = getComputedStyle(options.themeFrom);
  for (const name of THEME) {
    const value = computed.getPropertyValue(`--livecart-${name}`).trim();
    if (value) doc.documentElement.style.setProperty(`--livecart-${name}`, value);
  }
  doc.documentElement.lang = options.locale;
  doc.title = document.title;
  stage.className = 'stage';
  card.className = 'card';

  const t = stringsFor(options.locale);
  const draw = (product: Product | null) =>
    render(
      product
        ? productCard(
            product,
            options.locale,
            options.show.$settings.get().shopping === false
              ? nothing
              : html`<button
                  type="button"
                  ?disabled=${!isBuyable(product)}
                  aria-label=${`${t.buyNow}: ${product.title}`}
                  @click=${() => options.onBuy(product)}
                >
                  ${isBuyable(product) ? t.buyNow : t.soldOut}
                </button>`,
          )
        : nothing,
      card,
    );
  return options.show.$featured.subscribe(draw);
}
