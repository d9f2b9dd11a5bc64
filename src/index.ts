// The script-tag entry: registers every element and answers `window.livecart.configure`
// (also the calls a page queued before it loaded). `livecart/store` and the element
// classes are re-exported for pages that import it as a module.
import './define/early-start.js';
import { installGlobal } from './global.js';

export { LiveStream } from './define/live-stream.js';
export { PipPlayer } from './define/pip-player.js';
export { ShopCarousel } from './define/shop-carousel.js';
export { BuyNowButton } from './define/buy-now-button.js';
export * from './store-entry.js';
export { parseFeed, validateItems, FeedError, type FeedResult } from './core/feed.js';
export type * from './core/events.js';

installGlobal();
