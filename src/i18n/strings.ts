import { closestAcross } from '../dom.js';

const en = {
  buyNow: 'Buy now',
  soldOut: 'Sold out',
  preorder: 'Pre-order',
  unavailable: 'Unavailable',
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
};
export type StringKey = keyof typeof en;
type Strings = Record<StringKey, string>;

const fr: Strings = {
  buyNow: 'Acheter',
  soldOut: 'Épuisé',
  preorder: 'Précommander',
  unavailable: 'Indisponible',
  inStock: 'En stock',
  outOfStock: 'En rupture de stock',
  backorder: 'Sur commande',
  nowShowing: 'En ce moment',
  live: 'En direct',
  goLive: 'Revenir au direct',
  retry: 'Réessayer',
  streamError: 'La vidéo n’a pas pu être lue.',
  streamEnded: 'L’émission est terminée.',
  feedError: 'Les produits n’ont pas pu être chargés.',
  loadingProducts: 'Chargement des produits…',
  noProducts: 'Aucun produit pour l’instant.',
  products: 'Produits',
  previous: 'Produits précédents',
  next: 'Produits suivants',
  was: 'Avant',
  player: 'Vidéo en direct',
};
const it: Strings = {
  buyNow: 'Compra ora',
  soldOut: 'Esaurito',
  preorder: 'Preordina',
  unavailable: 'Non disponibile',
  inStock: 'Disponibile',
  outOfStock: 'Non disponibile',
  backorder: 'Su ordinazione',
  nowShowing: 'In onda ora',
  live: 'Live',
  goLive: 'Torna al live',
  retry: 'Riprova',
  streamError: 'Impossibile riprodurre il video.',
  streamEnded: 'La diretta è terminata.',
  feedError: 'Impossibile caricare i prodotti.',
  loadingProducts: 'Caricamento prodotti…',
  noProducts: 'Ancora nessun prodotto.',
  products: 'Prodotti',
  previous: 'Prodotti precedenti',
  next: 'Prodotti successivi',
  was: 'Prima',
  player: 'Video in diretta',
};
const es: Strings = {
  buyNow: 'Comprar ahora',
  soldOut: 'Agotado',
  preorder: 'Reservar',
  unavailable: 'No disponible',
  inStock: 'En stock',
  outOfStock: 'Agotado',
  backorder: 'Bajo pedido',
  nowShowing: 'En pantalla',
  live: 'En directo',
  goLive: 'Ir al directo',
  retry: 'Reintentar',
  streamError: 'No se pudo reproducir el vídeo.',
  streamEnded: 'La emisión ha terminado.',
  feedError: 'No se pudieron cargar los productos.',
  loadingProducts: 'Cargando productos…',
  noProducts: 'Aún no hay productos.',
  products: 'Productos',
  previous: 'Productos anteriores',
  next: 'Productos siguientes',
  was: 'Antes',
  player: 'Vídeo en directo',
};
const de: Strings = {
  buyNow: 'Jetzt kaufen',
  soldOut: 'Ausverkauft',
  preorder: 'Vorbestellen',
  unavailable: 'Nicht verfügbar',
  inStock: 'Auf Lager',
  outOfStock: 'Nicht auf Lager',
  backorder: 'Nachbestellt',
  nowShowing: 'Jetzt im Bild',
  live: 'Live',
  goLive: 'Zum Live-Bild',
  retry: 'Erneut versuchen',
  streamError: 'Das Video konnte nicht abgespielt werden.',
  streamEnded: 'Die Sendung ist beendet.',
  feedError: 'Die Produkte konnten nicht geladen werden.',
  loadingProducts: 'Produkte werden geladen…',
  noProducts: 'Noch keine Produkte.',
  products: 'Produkte',
  previous: 'Vorherige Produkte',
  next: 'Nächste Produkte',
  was: 'Vorher',
  player: 'Live-Video',
};

const STRINGS: Record<string, Strings> = { en, fr, it, es, de };

/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's (across
 * shadow roots), else the document's, else the browser's.
 */
export function localeOf(element: Element): string {
  const withLang = closestAcross(element, (n): n is Element => n instanceof Element && !!n.getAttribute('lang'));
  return withLang?.getAttribute('lang') || navigator.language || 'en';
}

/** The strings for a locale, falling back to its base language, then English. */
export function stringsFor(locale: string): Strings {
  return STRINGS[locale.toLowerCase().split('-')[0]] ?? en;
}
