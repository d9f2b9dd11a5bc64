'use client';
// `livecart/react`: React components for livecart's elements, made by @lit/react's
// `createComponent`. Importing this registers the elements it wraps. Each component sets
// its props as the element's properties (so `products` takes an array) and adds its
// `on<Event>` callbacks as listeners of the livecart events that reach the element (its
// own, and those of the elements inside it: every livecart event bubbles and is composed).
//
// Both happen in a layout effect, which also runs after hydration: a page rendered on the
// server (Next.js) works as one rendered in the browser, where React 19 itself sets
// neither on hydration (facebook/react#35446). On a server (the `node` condition:
// index.node.ts) each element's shadow root is rendered into the HTML, and the element
// hydrates it once the component has set its props (`defer-hydration`): Lit's hydrate
// support is imported first, before any element is defined. `'use client'` lets a Next.js
// server component import it. `livecart-cart-change` is dispatched on `document`, not on
// an element: listen there, or read the cart from `livecart/store`.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import * as React from 'react';
import { livecartComponents } from './components.js';

export type * from './components.js';

const components = livecartComponents(React);

/** `<live-stream>`: the whole shoppable show. */
export const LiveStream = components.LiveStream;
/** `<pip-player>`: the player. Used alone (no `<live-stream>`), it also hears its show's `onReady` and `onFeaturedChange`. */
export const PipPlayer = components.PipPlayer;
/** `<shop-carousel>`: the product strip. Used alone, it also hears its show's `onFeaturedChange`. */
export const ShopCarousel = components.ShopCarousel;
/** `<buy-now-button>`: the buy action, anywhere on the page. */
export const BuyNowButton = components.BuyNowButton;
/** `<cart-view>`: the cart, in a dialog. */
export const CartView = components.CartView;
