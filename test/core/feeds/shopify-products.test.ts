import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { FeedError } from '../../../src/core/feed.js';
import { loadFeed } from '../../../src/core/load-feed.js';
import { mockRemote } from '../../helpers.js';

/** A Shopify /products.json (no currency in it, as Shopify serves it). */
const products = {
  products: [
    {
      id: 1,
      title: 'Aurora Shell Jacket',
      handle: 'aurora-shell-jacket',
      variants: [{ id: 11, title: 'Default Title', price: '149.00', compare_at_price: null, available: true }],
      images: [],
    },
  ],
};

/** Mocks shops (remote by nature): each origin's /products.json and /cart.js, counting cart.js requests. */
async function shops(carts: Record<string, { currency?: string } | 404>) {
  const cartRequests: string[] = [];
  await mockRemote(
    http.get('*/products.json', () => HttpResponse.json(products)),
    http.get('*/cart.js', ({ request }) => {
      const origin = new URL(request.url).origin;
      cartRequests.push(origin);
      const cart = carts[origin] ?? 404;
      return cart === 404 ? new HttpResponse('not found', { status: 404 }) : HttpResponse.json({ token: 'c1', items: [], ...cart });
    }),
  );
  return cartRequests;
}

const currencyOf = async (url: string, configured?: string) =>
  (await loadFeed(url, undefined, { currency: configured })).products[0].price.currency;

describe('Shopify /products.json: its currency', () => {
  afterEach(() => delete (window as { Shopify?: unknown }).Shopify);

  it("on the shop's own pages, takes the storefront's active currency (window.Shopify)", async () => {
    const cartRequests = await shops({});
    (window as { Shopify?: unknown }).Shopify = { currency: { active: 'CAD', rate: '1.0' } };
    // Even over a configured one: the storefront knows what its prices are in.
    expect(await currencyOf(`${location.origin}/own-shop/products.json`, 'EUR')).to.equal('CAD');
    expect(cartRequests).to.deep.equal([]);
    // Another shop's feed is not priced in this storefront's currency.
    expect(await currencyOf('https://other-shop.example/products.json', 'EUR')).to.equal('EUR');
  });

  it("else asks the shop's /cart.js on the feed's origin, once", async () => {
    const cartRequests = await shops({ 'https://gbp-shop.example': { currency: 'GBP' } });
    expect(await currencyOf('https://gbp-shop.example/products.json')).to.equal('GBP');
    expect(await currencyOf('https://gbp-shop.example/collections/all/products.json')).to.equal('GBP');
    expect(cartRequests).to.deep.equal(['https://gbp-shop.example']);
  });

  it('else asks for configure({ currency }), and a configured one spares the /cart.js request', async () => {
    const cartRequests = await shops({ 'https://quiet-shop.example': 404 });
    let error: unknown;
    await loadFeed('https://quiet-shop.example/products.json').catch((e) => (error = e));
    expect(error).to.be.instanceOf(FeedError);
    expect((error as Error).message).to.match(/configure\(\{ currency: "EUR" \}\)/);
    expect(await currencyOf('https://configured-shop.example/products.json', 'usd')).to.equal('USD');
    expect(cartRequests).to.deep.equal(['https://quiet-shop.example']);
  });
});
