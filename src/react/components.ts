// The components of `livecart/react`, made with a React given: index.ts gives the browser's,
// index.node.ts one that also renders each element's shadow root on a server.
import type * as React from 'react';
import { createComponent } from '@lit/react';
import type { LivecartEventMap } from '../core/events.js';
import { BuyNowButton as BuyNowButtonElement } from '../define/buy-now-button.js';
import { CartView as CartViewElement } from '../define/cart-view.js';
import { LiveStream as LiveStreamElement } from '../define/live-stream.js';
import { PipPlayer as PipPlayerElement } from '../define/pip-player.js';
import { ShopCarousel as ShopCarouselElement } from '../define/shop-carousel.js';

/** The callback prop of each livecart event. */
const EVENTS = {
  onReady: 'livecart-ready',
  onFeaturedChange: 'livecart-featured-change',
  onAddToCart: 'livecart-add-to-cart',
  onCheckout: 'livecart-checkout',
  onPipChange: 'livecart-pip-change',
  onError: 'livecart-error',
  onChatMessage: 'livecart-chat-message',
} as const satisfies Record<string, keyof LivecartEventMap>;
export type LivecartCallback = keyof typeof EVENTS;

/** `onFeaturedChange={(event) => event.detail.product}`, typed by livecart's event map. */
export type LivecartCallbacks<E extends LivecartCallback> = {
  [K in E]?: (event: LivecartEventMap[(typeof EVENTS)[K]]) => void;
};

/**
 * A component's props: the element's settings (`S`, its public attributes and properties
 * as custom-elements.json lists them; test/node/framework-types.test.mjs keeps these lists
 * in step), its callbacks, and React's own (`className`, `style`, `children`, `ref` to the
 * element, ...).
 */
export type LivecartProps<El extends HTMLElement, S extends keyof El, E extends LivecartCallback> = Omit<
  React.HTMLAttributes<El>,
  S | E
> &
  Partial<Pick<El, S>> &
  LivecartCallbacks<E> &
  React.RefAttributes<El>;

export type LivecartComponent<El extends HTMLElement, S extends keyof El, E extends LivecartCallback> = React.ForwardRefExoticComponent<
  LivecartProps<El, S, E>
>;

/** What `createComponent` needs of React: the real one in a browser, one that also renders shadow roots on a server (index.node.ts). */
export type ReactRuntime = Parameters<typeof createComponent>[0]['react'];

const wrap =
  (react: ReactRuntime) =>
  <El extends HTMLElement, S extends keyof El>() =>
  <const E extends LivecartCallback>(tagName: string, elementClass: new () => El, displayName: string, events: readonly E[]) =>
    createComponent({
      react,
      tagName,
      elementClass,
      events: Object.fromEntries(events.map((name) => [name, EVENTS[name]])),
      displayName,
    }) as unknown as LivecartComponent<El, S, E>;

export type LiveStreamSettings =
  | 'src'
  | 'products'
  | 'schedule'
  | 'show'
  | 'poster'
  | 'autoplay'
  | 'muted'
  | 'layout'
  | 'linkTarget'
  | 'shopping'
  | 'startsAt'
  | 'replay'
  | 'structuredData'
  | 'continuity'
  | 'theme'
  | 'chat';

export type PipPlayerSettings =
  | 'src'
  | 'poster'
  | 'autoplay'
  | 'muted'
  | 'controls'
  | 'show'
  | 'pip'
  | 'schedule'
  | 'floatOnScroll'
  | 'returnUrl'
  | 'startsAt'
  | 'replay'
  | 'structuredData'
  | 'continuity';

export type ShopCarouselSettings = 'show' | 'products';

export type BuyNowButtonSettings = 'product' | 'show' | 'quantity' | 'action' | 'variant' | 'linkTarget';

export type CartViewSettings = 'open' | 'show';

/** The components, made with the given React (see ReactRuntime). */
export function livecartComponents(react: ReactRuntime) {
  const LiveStream = wrap(react)<LiveStreamElement, LiveStreamSettings>()('live-stream', LiveStreamElement, 'LiveStream', [
    'onReady',
    'onFeaturedChange',
    'onAddToCart',
    'onCheckout',
    'onPipChange',
    'onError',
    'onChatMessage',
  ]);
  const PipPlayer = wrap(react)<PipPlayerElement, PipPlayerSettings>()('pip-player', PipPlayerElement, 'PipPlayer', [
    'onReady',
    'onFeaturedChange',
    'onAddToCart',
    'onPipChange',
    'onError',
  ]);
  const ShopCarousel = wrap(react)<ShopCarouselElement, ShopCarouselSettings>()('shop-carousel', ShopCarouselElement, 'ShopCarousel', [
    'onReady',
    'onFeaturedChange',
    'onAddToCart',
    'onCheckout',
    'onError',
  ]);
  const BuyNowButton = wrap(react)<BuyNowButtonElement, BuyNowButtonSettings>()('buy-now-button', BuyNowButtonElement, 'BuyNowButton', [
    'onAddToCart',
    'onCheckout',
    'onError',
  ]);
  const CartView = wrap(react)<CartViewElement, CartViewSettings>()('cart-view', CartViewElement, 'CartView', ['onCheckout', 'onError']);
  return { LiveStream, PipPlayer, ShopCarousel, BuyNowButton, CartView };
}
