import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/define/live-stream.js';
import type { LiveStream } from '../../src/elements/live-stream/live-stream.js';
import { parseFeed } from '../../src/core/feed.js';
import { deepAll, deepText, freshShow, getShow, mockRemote, recordErrors, REPLAY, until } from '../helpers.js';

/** Markup that runs script if it is ever parsed as HTML rather than shown as text. */
const EVIL = `<img src=x onerror="window.pwned='img'"><script>window.pwned='script'</script><svg onload="window.pwned='svg'"></svg>`;
const BAD_URLS = [
  'javascript:window.pwned="link"',
  ' JaVaScRiPt:window.pwned="link"',
  'data:text/html,<script>window.pwned="data"</script>',
  'data:image/svg+xml,<svg onload="window.pwned=1"/>',
  'vbscript:msgbox(1)',
];
type Pwned = typeof window & { pwned?: string };

/** A feed as JSON text, so `__proto__` keys arrive as own properties, as from a server. */
function hostileFeed(count: number): string {
  const items = Array.from({ length: count }, (_, i) => ({
    id: `p${i}`,
    title: `${EVIL} ${i}`,
    description: EVIL,
    brand: EVIL,
    link: i < BAD_URLS.length ? BAD_URLS[i] : `https://shop.example/p/${i}`,
    image_link: BAD_URLS[i % BAD_URLS.length],
    price: '10.00 EUR',
    availability: 'in_stock',
  }));
  const json = JSON.stringify({ products: items });
  // Pollution attempts at the top, in the item, and in a nested price object.
  return json
    .replace('{"products":', '{"__proto__":{"polluted":"top"},"constructor":{"prototype":{"polluted":"ctor"}},"products":')
    .replace('{"id":"p0"', '{"__proto__":{"polluted":"item"},"id":"p0"')
    .replace('"price":"10.00 EUR"', '"price":{"value":10,"currency":"EUR","__proto__":{"polluted":"price"}}');
}

describe('hostile feeds', () => {
  afterEach(() => delete (window as Pwned).pwned);

  it('parsing never pollutes prototypes and keeps only http(s) URLs', async () => {
    const { products } = await parseFeed(hostileFeed(20), 'https://shop.example/feed.json');
    expect(({} as { polluted?: string }).polluted).to.equal(undefined);
    expect((Object.prototype as { polluted?: string }).polluted).to.equal(undefined);
    expect(products).to.have.length(20);
    for (const product of products) {
      for (const url of [product.link, product.image_link]) if (url) expect(new URL(url).protocol).to.match(/^https?:$/);
      expect(Object.getPrototypeOf(product)).to.be.oneOf([Object.prototype, null]);
      expect((product as { polluted?: string }).polluted).to.equal(undefined);
    }
  });

  it('10,000 items with markup in every text field and script URLs: shown as text, nothing runs, the page keeps painting', async () => {
    const errors = recordErrors();
    const url = 'https://hostile.example/feed.json';
    await mockRemote(http.get(url, () => new HttpResponse(hostileFeed(10_000), { headers: { 'Content-Type': 'application/json' } })));
    const show = freshShow();
    const el = await fixture<LiveStream>(html`<live-stream show=${show} src=${REPLAY} products=${url} muted></live-stream>`);
    await until(() => getShow(show).$products.get().length === 10_000, 'the catalog', 30_000);
    await until(() => deepAll(el.shadowRoot!, '[part~="card"]').length > 0, 'the cards', 30_000);
    getShow(show).feature('p7');
    await el.updateComplete;
    // Let any injected handler have its chance: a few frames, and image errors settle.
    for (let i = 0; i < 10; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    expect((window as Pwned).pwned).to.equal(undefined);
    expect(deepAll(el.shadowRoot!, 'script, [onerror], [onload], svg[onload]')).to.have.length(0);
    expect(deepText(el.shadowRoot!)).to.contain('<script>');
    for (const a of deepAll(el.shadowRoot!, 'a[href]')) expect((a as HTMLAnchorElement).protocol).to.match(/^https?:$/);
    for (const img of deepAll(el.shadowRoot!, 'img[src]')) expect((img as HTMLImageElement).src).to.match(/^https?:/);
    expect(({} as { polluted?: string }).polluted).to.equal(undefined);
    errors.stop();
    expect(errors.uncaught).to.deep.equal([]);
  }).timeout(60_000);

  it('a huge string in every field: one item of 2 MB titles does not break the catalog', async () => {
    const show = freshShow();
    const huge = 'x'.repeat(2_000_000);
    const items = [
      { id: 'big', title: huge, description: huge, brand: huge, link: 'https://shop.example/big', price: '1.00 EUR', availability: 'in_stock' },
      { id: 'ok', title: 'Fine', link: 'https://shop.example/ok', price: '1.00 EUR', availability: 'in_stock' },
    ];
    const el = await fixture<LiveStream>(html`<live-stream show=${show} .products=${items}></live-stream>`);
    await until(() => getShow(show).$products.get().length >= 1, 'the catalog');
    expect(getShow(show).$products.get().some((p) => p.id === 'ok')).to.equal(true);
    await el.updateComplete;
  });
});
