// livecart's elements as raw tags in React 19, typed by `livecart/types/react`.
import 'livecart';
import 'livecart/cart-view';
import type {} from 'livecart/types/react';
import type { LiveStream } from 'livecart';

const products = [{ id: 'sku-1', title: 'Jacket', price: '10.00 EUR', link: 'https://shop.example/sku-1' }];
const stream: { current: LiveStream | null } = { current: null };

export const fine = (
  <>
    <live-stream
      ref={stream}
      src="/show.m3u8"
      products={products}
      autoplay
      muted
      layout="split"
      link-target="_self"
      linkTarget="_blank"
      starts-at="2026-12-24T18:00:00Z"
      className="show"
      class="show"
      style={{ maxWidth: 960 }}
      lang="en"
      onlivecart-featured-change={(e) => e.detail.product?.title}
      onlivecart-add-to-cart={(e) => e.detail.quantity + 1}
      onlivecart-error={(e) => e.detail.code === 'stream'}
    >
      <aside slot="feed">Chat</aside>
    </live-stream>
    <pip-player src="/show.m3u8" pip="off" float-on-scroll onlivecart-pip-change={(e) => e.detail.mode === 'document'} />
    <shop-carousel show="spring" products="/feed.json" onlivecart-ready={(e) => e.detail.show} />
    <buy-now-button product="sku-1" quantity={2} action="checkout" onlivecart-checkout={(e) => e.detail.url}>
      Buy
    </buy-now-button>
    <cart-view open show="spring" />
    <show-console products={products} publish="/publish" publish-format="mercure" topic="/show" />
  </>
);

export const wrong = (
  <>
    {/* @ts-expect-error autoplay is a boolean */}
    <live-stream autoplay="yes" />
    {/* @ts-expect-error products is a feed URL or an array */}
    <live-stream products={42} />
    {/* @ts-expect-error layout is split, overlay or '' */}
    <live-stream layout="grid" />
    {/* @ts-expect-error link-target is _blank or _self */}
    <live-stream link-target="_top" />
    {/* @ts-expect-error the detail of featured-change has no quantity */}
    <live-stream onlivecart-featured-change={(e) => e.detail.quantity} />
    {/* @ts-expect-error quantity is a number */}
    <buy-now-button quantity="2" />
    {/* @ts-expect-error pip-mode is read-only: not a prop */}
    <pip-player pipMode="video" />
    {/* @ts-expect-error a ref to another element */}
    <pip-player ref={stream} />
  </>
);

/** `featured` is the carousel's to set: a page reads it (issue 19: it type-checked as writable). */
export function readFeatured(carousel: HTMLElementTagNameMap['shop-carousel']): string | null {
  // @ts-expect-error featured is read-only
  carousel.featured = 'sku-1';
  return carousel.featured;
}
