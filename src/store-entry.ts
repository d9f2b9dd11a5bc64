// `livecart/store`: the stores without the elements. Analytics are a reaction to the
// stores' events (actions/track.ts): a page that features products from JavaScript with
// `configure({ analytics })` counts them as the elements' pages do.
import './actions/track.js';

export { getShow, Show, type PlayerState, type PlayerStateName } from './store/show.js';
export type { Product, Price, Availability, Variant } from './core/product.js';
export { configure, type LivecartOptions, type CartDescription, type AnalyticsEvent, type AnalyticsOption } from './store/config.js';
export {
  $cart,
  // The same store without the `$`: Svelte 5 refuses imports whose names start with one.
  $cart as cart,
  $cartPageOnly,
  MAX_LINES,
  MAX_QUANTITY,
  addToCart,
  setQuantity,
  removeFromCart,
  syncCart,
  checkoutUrl,
  subtotals,
  itemCount,
  CartError,
  type Cart,
  type CartLine,
  type CartAdapter,
} from './store/cart.js';
