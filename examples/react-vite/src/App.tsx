import { useState, useSyncExternalStore } from 'react'
import 'livecart'
import { $cart, configure, itemCount } from 'livecart/store'
import { products } from './products.ts'

// The cart lives in the page; checkout goes to the shop's cart permalink.
configure({ cart: { adapter: 'permalink', template: 'https://shop.example/cart/{lines}' } })

function App() {
  const [onScreen, setOnScreen] = useState('')
  const [lastAdded, setLastAdded] = useState('')
  const cartCount = itemCount(useSyncExternalStore($cart.listen, $cart.get))

  return (
    <main>
      <h1>Winter Trail Live</h1>
      <p>
        Cart: <output id="cart-count">{cartCount}</output>
      </p>
      <live-stream
        src="/show.mp4"
        schedule="/schedule.json"
        products={products}
        autoplay
        muted
        onlivecart-featured-change={(event) => setOnScreen(event.detail.product?.title ?? '')}
        onlivecart-add-to-cart={(event) => setLastAdded(event.detail.product.title)}
      />
      <p id="on-screen" aria-live="polite">
        {onScreen && `On screen: ${onScreen}`}
      </p>
      <p id="last-added">{lastAdded && `Added: ${lastAdded}`}</p>
    </main>
  )
}

export default App
