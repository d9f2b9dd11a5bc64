import { ShopCarousel } from '../elements/shop-carousel/shop-carousel.js';
import './buy-now-button.js';
import { define } from '../platform/define-element.js';

define('shop-carousel', ShopCarousel);
export { ShopCarousel };
