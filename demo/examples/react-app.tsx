// docs/frameworks.md's React 19 snippet, kept working by test/examples/react.test.ts (it runs)
// and test/node/framework-types.test.mjs (it type-checks, with livecart's React types).
// React 19 passes props to custom elements as properties (so `products` can be an array)
// and turns `on<event-name>` props into event listeners.
import { useState } from 'react';
import 'livecart';
import type {} from 'livecart/types/react';

export function LiveShow({ src, products }: { src: string; products: string | object[] }) {
  const [onScreen, setOnScreen] = useState<string>('');
  return (
    <>
      <live-stream
        src={src}
        products={products}
        autoplay
        muted
        onlivecart-featured-change={(event) => setOnScreen(event.detail.product?.title ?? '')}
      />
      <p aria-live="polite">{onScreen && `On screen: ${onScreen}`}</p>
    </>
  );
}
