// `livecart/react`: the components, their props and callbacks.
import { useRef } from 'react';
import { BuyNowButton, CartView, LiveStream, PipPlayer, ShopCarousel } from 'livecart/react';
import type { LiveStream as LiveStreamElement } from 'livecart';

const products = [{ id: 'sku-1', title: 'Jacket', price: '10.00 EUR', link: 'https://shop.example/sku-1' }];

export function Fine() {
  const ref = useRef<LiveStreamElement>(null);
  return (
    <>
      <LiveStream
        ref={ref}
        src="/show.m3u8"
        products={products}
        autoplay
        muted
        linkTarget="_self"
        className="show"
        style={{ maxWidth: 960 }}
        onReady={(e) => e.detail.show}
        onFeaturedChange={(e) => e.detail.product?.title}
        onAddToCart={(e) => {
          if (e.detail.product.id === 'sku-2') e.preventDefault();
        }}
        onPipChange={(e) => e.detail.mode}
        onCheckout={(e) => e.detail.url}
        onError={(e) => e.detail.code}
      >
        <aside slot="feed">Chat</aside>
      </LiveStream>
      <PipPlayer src="/show.m3u8" floatOnScroll onFeaturedChange={(e) => e.detail.product} />
      <ShopCarousel show="spring" products="/feed.json" onAddToCart={(e) => e.detail.quantity} />
      <BuyNowButton product="sku-1" quantity={2} action="cart" onAddToCart={(e) => e.detail.product.title} />
      <CartView open={false} onCheckout={(e) => e.detail.cart} />
    </>
  );
}

export function Wrong() {
  const ref = useRef<HTMLVideoElement>(null);
  return (
    <>
      {/* @ts-expect-error autoplay is a boolean */}
      <LiveStream autoplay="yes" />
      {/* @ts-expect-error products is a feed URL or an array */}
      <LiveStream products={42} />
      {/* @ts-expect-error the detail of featured-change has no quantity */}
      <LiveStream onFeaturedChange={(e) => e.detail.quantity} />
      {/* @ts-expect-error a buy button fires no pip-change */}
      <BuyNowButton onPipChange={() => {}} />
      {/* @ts-expect-error methods are not props */}
      <PipPlayer play={() => Promise.resolve()} />
      {/* @ts-expect-error the ref is the element's */}
      <LiveStream ref={ref} />
    </>
  );
}
