import { CartView } from '../elements/cart-view/cart-view.js';
import { define } from '../platform/define-element.js';

define('cart-view', CartView);
export { CartView };
