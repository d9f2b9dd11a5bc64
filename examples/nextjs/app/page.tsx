import { Show } from './show'
import { products } from './products'

// A server component: the page is rendered on the server, the show hydrates in the browser.
export default function Home() {
  return (
    <main>
      <h1>Winter Trail Live</h1>
      <Show products={products} />
    </main>
  )
}
