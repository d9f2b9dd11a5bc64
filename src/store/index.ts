export { getShow, Show, type PlayerState, type PlayerStateName } from './show.js';
export type { Product, Price, Availability, Variant } from '../core/product.js';
export { configure, type LivecartOptions, type CartDescription, type AnalyticsEvent, type AnalyticsOption } from './config.js';
export {
  $cart,
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
} from './cart.js';
