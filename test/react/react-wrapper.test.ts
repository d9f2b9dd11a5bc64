import { expect } from '@open-wc/testing';
import { createElement } from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import type { LiveStream as LiveStreamElement } from '../../src/elements/live-stream/live-stream.js';
import type { ShopCarousel } from '../../src/elements/shop-carousel/shop-carousel.js';
import { LiveStream } from '../../src/react/index.js';
import { freshShow, getShow, item, part, until } from '../helpers.js';

/** `livecart/react` (src/react/index.ts): React 19 components made by @lit/react. */
const products = [item('react-a', { title: 'Alpine Jacket' }), item('react-b', { title: 'Birch Mug' })];

/** The app: a show whose featured product's title it collects. */
const app = (show: string, heard: string[]) =>
  createElement(
    'main',
    null,
    createElement(LiveStream, {
      show,
      products,
      layout: 'split',
      onFeaturedChange: (event) => heard.push(event.detail.product?.title ?? 'none'),
    }),
  );

const cardsOf = (stream: Element) =>
  [...part<ShopCarousel>(stream, 'catalog').shadowRoot!.querySelectorAll('[part~="card"]:not(.placeholder *)')].map((card) => card.textContent);

/** The carousel of `stream` shows both products, and a featured product reaches the callback. */
async function expectWorking(stream: LiveStreamElement, show: string, heard: string[]) {
  expect(stream.products).to.equal(products);
  expect(stream.show).to.equal(show);
  await until(() => cardsOf(stream).length === 2, 'the products in the carousel');
  expect(cardsOf(stream).join()).to.include('Alpine Jacket').and.include('Birch Mug');
  getShow(show).feature('react-b');
  await until(() => heard.includes('Birch Mug'), 'the onFeaturedChange callback');
}

describe('livecart/react', () => {
  let container: HTMLElement;
  let root: Root | undefined;
  beforeEach(() => {
    container = document.body.appendChild(document.createElement('div'));
  });
  afterEach(() => {
    root?.unmount();
    root = undefined;
    container.remove();
  });

  it('renders <LiveStream> with products and callbacks in a client-rendered app', async () => {
    const show = freshShow();
    const heard: string[] = [];
    root = createRoot(container);
    root.render(app(show, heard));
    await until(() => container.querySelector('live-stream'), 'React to render the element');
    await expectWorking(container.querySelector<LiveStreamElement>('live-stream')!, show, heard);
  });

  it('works after server rendering and hydration, as in Next.js', async () => {
    const show = freshShow();
    const heard: string[] = [];
    // The server's HTML: React renders the bare tag (@lit/react sets props in an effect).
    const html = renderToString(app(show, []));
    expect(html).to.match(/^<main><live-stream[^>]*><\/live-stream><\/main>$/);
    container.innerHTML = html;
    const served = container.querySelector<LiveStreamElement>('live-stream')!;
    const recoverable: unknown[] = [];
    root = hydrateRoot(container, app(show, heard), { onRecoverableError: (error) => recoverable.push(error) });
    await until(() => served.products === products, 'the products set on hydration');
    // Hydrated, not rendered anew: the server's element is the one in the page.
    expect(container.querySelector('live-stream')).to.equal(served);
    await expectWorking(served, show, heard);
    expect(recoverable).to.deep.equal([]);
  });
});
