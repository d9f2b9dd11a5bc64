'use client'

import { useState, useSyncExternalStore } from 'react'
import type { LiveStream as LiveStreamElement } from 'livecart'
import { LiveStream } from 'livecart/react'
import { $cart, configure, itemCount, type Cart } from 'livecart/store'

// The cart lives in the page; checkout goes to the shop's cart permalink.
configure({ cart: { adapter: 'permalink', template: 'https://shop.example/cart/{lines}' } })

// The server knows no shopper's cart: the page hydrates with an empty one, then follows
// $cart (kept in the browser's localStorage).
const serverCart: Cart = { lines: [] }
const getServerCart = () => serverCart

export function Show({ products }: { products: LiveStreamElement['products'] }) {
  const [onScreen, setOnScreen] = useState('')
  const [lastAdded, setLastAdded] = useState('')
  const cartCount = itemCount(useSyncExternalStore($cart.listen, $cart.get, getServerCart))

  return (
    <>
      <p>
        Cart: <output id="cart-count">{cartCount}</output>
      </p>
      <LiveStream
        src="/show.mp4"
        schedule="/schedule.json"
        products={products}
        autoplay
        muted
        onFeaturedChange={(event) => setOnScreen(event.detail.product?.title ?? '')}
        onAddToCart={(event) => setLastAdded(event.detail.product.title)}
      />
      <p id="on-screen" aria-live="polite">
        {onScreen && `On screen: ${onScreen}`}
      </p>
      <p id="last-added">{lastAdded && `Added: ${lastAdded}`}</p>
    </>
  )
}
