// The script-tag entry: registers every element. `livecart/store` and the element
// classes are re-exported for pages that import it as a module.
export { LiveStream } from './define/live-stream.js';
export { PipPlayer } from './define/pip-player.js';
export { ShopCarousel } from './define/shop-carousel.js';
export { BuyNowButton } from './define/buy-now-button.js';
export { getShow, Show, type PlayerState, type PlayerStateName } from './store/show.js';
export type { Product, Price, Availability } from './commerce/product.js';
export { parseFeed, validateItems, FeedError, type FeedResult } from './commerce/feed.js';
export type * from './events.js';
