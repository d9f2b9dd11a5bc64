'use client';
// `livecart/react` on a server (package.json's `node` condition; Next.js renders client
// components there): the components of index.ts, which also render each element's shadow
// root into the HTML (server-render.ts), so the show's products are in the server's page.
import * as React from 'react';
import { livecartComponents } from './components.js';
import { serverCreateElement } from './server-render.js';

export type * from './components.js';

const components = livecartComponents({ ...React, createElement: serverCreateElement(React.createElement as never) } as typeof React);

export const LiveStream = components.LiveStream;
export const PipPlayer = components.PipPlayer;
export const ShopCarousel = components.ShopCarousel;
export const BuyNowButton = components.BuyNowButton;
export const CartView = components.CartView;
