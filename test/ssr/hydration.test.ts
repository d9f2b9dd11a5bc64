import { expect } from '@open-wc/testing';
import type { LiveStream } from '../../src/elements/live-stream/live-stream.js';
import { loadFrame, nextEvent, until } from '../helpers.js';

// Pages rendered on the server with Lit SSR (test/ssr/render-page.mjs), then loaded in a
// frame: what a shopper sees before any script, and what the browser makes of it.

type Frame = Window & { serverDrawn: Element[]; livecartLoaded: Promise<void>; fetchedFeeds?: number };

async function serverPage(page: string, query: Record<string, string> = {}) {
  const frame = await loadFrame(`/ssr/${page}.html?${new URLSearchParams(query)}`);
  const win = frame.contentWindow as Frame;
  await win.livecartLoaded;
  const doc = frame.contentDocument!;
  const stream = doc.querySelector<LiveStream>('live-stream')!;
  const carousel = () => stream?.shadowRoot?.querySelector('shop-carousel');
  const titles = () => [...(carousel()?.shadowRoot?.querySelectorAll<HTMLElement>('[part~="title"]') ?? [])];
  return { frame, win, doc, stream, carousel, titles };
}

describe('a show rendered on the server (Lit SSR)', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('has its products, prices and buy buttons in the HTML, before any script', async () => {
    const html = await (await fetch('/ssr/stream.html')).text();
    for (const text of ['Aurora Shell Jacket', '€149.00', 'Ember Enamel Mug', 'aria-label="Buy now: Ember Enamel Mug"', 'shadowrootmode="open"']) {
      expect(html, text).to.include(text);
    }
    // The catalog sits in the carousel's declarative shadow root, inside the show's.
    expect(html).to.match(/<live-stream[^>]*><template shadowroot(?:mode)?="open"[\s\S]*<shop-carousel[^>]*><template shadowroot/);
  });

  it('hydrates: the same nodes stay, no feed is fetched, and it answers the shopper', async () => {
    const { win, doc, stream, titles } = await serverPage('stream', { hydrate: '1', products: '1' });
    await until(() => titles().length === 5, 'the catalog');
    expect(win.serverDrawn).to.have.length(5);
    // Not drawn anew: the card titles are the nodes the server's HTML made.
    titles().forEach((title, i) => expect(title, `card ${i}`).to.equal(win.serverDrawn[i]));
    expect(win.performance.getEntriesByType('resource').some((r) => r.name.includes('products.json'))).to.equal(false);
    // Bound: the show follows its store, and its buttons are livecart's.
    const featured = nextEvent(doc, 'livecart-featured-change');
    // The frame has its own copy of the stores: reach its show through the element.
    (stream as unknown as { showController: { show: { feature(id: string): void } } }).showController.show.feature('ember-mug');
    expect(((await featured) as CustomEvent).detail.product.title).to.equal('Ember Enamel Mug');
    const banner = () => stream.shadowRoot!.querySelector('[part~="banner"]')!;
    await until(() => !banner().hasAttribute('hidden') && banner().textContent!.includes('Ember Enamel Mug'), 'the banner');
    const card = titles()[0].closest('li')!;
    const buy = card.querySelector('buy-now-button')!.shadowRoot!.querySelector('button')!;
    expect(buy.disabled).to.equal(false);
    doc.addEventListener('livecart-add-to-cart', (event) => event.preventDefault(), { once: true });
    const added = nextEvent(doc, 'livecart-add-to-cart');
    // Cancelled: the click's listener is what hydration bound, which is what this checks.
    buy.click();
    expect(((await added) as CustomEvent).detail.product.id).to.equal('aurora-jacket');
  });

  it('reflects no default attribute on the tag the server wrote (nothing for a framework to call a mismatch)', async () => {
    const { stream } = await serverPage('stream', { hydrate: '1', products: '1' });
    await stream.updateComplete;
    expect(stream.getAttributeNames().sort()).to.deep.equal(['muted', 'src']);
  });

  it('without Lit\'s hydrate support, draws itself anew: never a second copy beside the server\'s', async () => {
    const { titles, win, carousel } = await serverPage('stream', { products: '1' });
    await until(() => titles().length === 5, 'the catalog');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(titles()).to.have.length(5);
    expect(carousel()!.shadowRoot!.querySelectorAll('[part~="track"]')).to.have.length(1);
    expect(titles()[0]).not.to.equal(win.serverDrawn[0]);
  });

  it('draws anew where the page speaks another language than the server did', async () => {
    const { titles, win, carousel } = await serverPage('stream', { hydrate: '1', products: '1', lang: 'fr' });
    await until(() => carousel()?.shadowRoot?.textContent?.includes('149,00'), 'French prices');
    await until(() => carousel()!.shadowRoot!.textContent!.includes('En stock'), 'French words');
    expect(titles()).to.have.length(5);
    expect(titles()[0]).not.to.equal(win.serverDrawn[0]);
  });

  it('a buy button the server could not know the product of comes alive once the show has it', async () => {
    const { doc } = await serverPage('stream-and-button', { hydrate: '1', products: '1' });
    const button = () => doc.querySelector('p > buy-now-button')!.shadowRoot!.querySelector('button')!;
    // On the server it stood alone ("Unavailable"); in the browser the show beside it knows the product.
    await until(() => !button().disabled && button().textContent!.includes('Buy now'), 'the lone button to offer the product');
  });
});
