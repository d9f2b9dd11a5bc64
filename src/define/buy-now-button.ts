import { BuyNowButton } from '../elements/buy-now-button/buy-now-button.js';
import { define } from '../platform/define-element.js';

define('buy-now-button', BuyNowButton);
export { BuyNowButton };
