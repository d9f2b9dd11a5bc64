import { CartView } from '../elements/cart-view/cart-view.js';
import { define } from './define.js';

define('cart-view', CartView);
export { CartView };
