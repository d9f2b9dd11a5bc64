import { expect } from '@open-wc/testing';
import { callbackAdapter } from '../../src/adapters/callback.js';
import { shopifyAdapter } from '../../src/adapters/shopify.js';
import { beginCheckout } from '../../src/actions/checkout.js';
import type { ResumeState } from '../../src/media/resume.js';
import { takeResume } from '../../src/elements/pip-player/resume-show.js';
import { $cart, addToCart } from '../../src/store/cart.js';
import { productLink } from '../../src/actions/open-link.js';
import { configure } from '../../src/store/config.js';
import { cartLine, item, mockRemote, nextEvent, resetCart, spyConsole } from '../helpers.js';
import { fakeShopify, SHOP } from '../mocks/shopify.js';
import type { Product } from '../../src/core/product.js';

async function reset() {
  await resetCart({ linkDecorator: undefined });
  // The Shopify adapter keeps its cart id under a key of its own.
  localStorage.clear();
}

/** Captures console.error while `run` runs, each call as one line. */
const consoleErrors = async (run: () => Promise<unknown>) =>
  (await spyConsole('error', run)).map((args) => args.map(String).join(' '));

describe('abuse: Shopify secret tokens on a public page', () => {
  beforeEach(reset);
  after(reset);

  for (const prefix of ['shpat_', 'shpca_', 'shppa_', 'shpss_']) {
    it(`a ${prefix} token is refused with a clear error and never sent`, async () => {
      const shop = fakeShopify();
      await mockRemote(shop.handler);
      const token = `${prefix}0123456789abcdef0123456789abcdef`;
      expect(() => shopifyAdapter({ domain: SHOP, token })).to.throw(/Storefront API access token/);
      const logged = await consoleErrors(async () => {
        const reported = nextEvent<CustomEvent>(document, 'livecart-error');
        configure({ cart: { adapter: 'shopify', domain: SHOP, token } });
        const { detail } = await reported;
        expect(detail.code).to.equal('cart');
        expect(detail.message).to.match(/Admin or secret token.*Storefront API access token/);
        let refused: unknown;
        await addToCart(cartLine('111')).catch((error: unknown) => (refused = error));
        expect(String(refused)).to.match(/Storefront/);
      });
      expect(logged.join('\n')).to.match(/Storefront API access token/);
      expect($cart.get().lines).to.deep.equal([]);
      expect(shop.log).to.deep.equal([]);
    });
  }
});

describe('abuse: URLs the page trusts', () => {
  beforeEach(reset);
  after(reset);

  const saved = (patch: Partial<ResumeState>): ResumeState => ({
    src: new URL('/channel/live.m3u8', location.href).href,
    time: 3,
    live: true,
    muted: true,
    show: 'default',
    returnUrl: location.href,
    savedAt: Date.now(),
    ...patch,
  });
  for (const [what, patch, resumed] of [
    ['this site’s show', {}, true],
    ['a stream on an https CDN', { src: 'https://cdn.example/live.m3u8' }, true],
    ['a way back to another site', { returnUrl: 'https://evil.example/phish' }, false],
    ['a way back by javascript:', { returnUrl: 'javascript:alert(1)' }, false],
    ['a plain-http stream elsewhere', { src: 'http://evil.example/live.m3u8' }, false],
  ] as const) {
    it(`the saved show: ${what} is ${resumed ? 'resumed' : 'refused'}`, () => {
      sessionStorage.setItem('livecart:resume', JSON.stringify(saved(patch)));
      expect(takeResume() !== null).to.equal(resumed);
      expect(sessionStorage.getItem('livecart:resume')).to.equal(null);
    });
  }

  for (const [url, allowed] of [
    ['https://shop.example/checkout', true],
    ['http://localhost:8000/checkout', true],
    ['http://shop.example/checkout', false],
    ['http://localhost.evil.example/checkout', false],
    // L4: a user part before the host passed a pattern over the text; the URL's host is evil.example.
    ['http://localhost:80@evil.example/pay', false],
    ['http://127.0.0.1@evil.example/pay', false],
  ] as const) {
    it(`checkout at ${url} is ${allowed ? 'allowed' : 'refused'}`, async () => {
      configure({ cart: callbackAdapter({ checkoutUrl: async () => url }) });
      await addToCart(cartLine('a'));
      const host = document.createElement('div');
      document.body.append(host);
      // Cancelled, so an allowed checkout opens nothing.
      let seen: string | undefined;
      host.addEventListener('livecart-checkout', (e) => {
        seen = (e as CustomEvent).detail.url;
        e.preventDefault();
      });
      let refused: unknown;
      await beginCheckout(host, null, '_self').catch((error: unknown) => (refused = error));
      host.remove();
      if (allowed) expect(seen).to.equal(url);
      else expect(String(refused)).to.match(/not https/);
    });
  }

  it('the linkDecorator example of docs/javascript.md, as written: keeps a query, encodes the id, leaves other sites’ links alone', async () => {
    const page = await (await fetch('/docs/javascript.md')).text();
    const source = /linkDecorator: (\(url, product\) => \{[\s\S]*?\n {2}\}),\n/.exec(page)?.[1];
    expect(source, 'the example in docs/javascript.md (Configure)').to.be.a('string');
    const linkDecorator = new Function(`return ${source}`)() as (url: string, product: Product) => string;
    configure({ linkDecorator });
    const product = (link: string) => ({ ...item('a&b c'), link, price: { value: 1, currency: 'EUR' }, availability: 'in_stock' }) as Product;
    expect(productLink(product('https://shop.example/p?color=red'))).to.equal(
      'https://shop.example/p?color=red&utm_source=live&utm_content=a%26b+c',
    );
    expect(productLink(product('https://partner.example/p?x=1'))).to.equal('https://partner.example/p?x=1');
  });
});
