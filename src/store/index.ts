export { getShow, Show, type PlayerState, type PlayerStateName } from './show.js';
export type { Product, Price, Availability } from '../commerce/product.js';
