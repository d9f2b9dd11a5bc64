import { expect } from '@open-wc/testing';
import { FeedError, parseFeed, validateItems } from '../../src/core/feed.js';
import { parsePrice } from '../../src/core/price.js';
import { safeUrl } from '../../src/core/safe-url.js';
import { item } from '../helpers.js';

/** The error a promise rejects with (fails the test when it resolves). */
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );


const BASE = 'https://shop.example/feeds/live.json';

describe('parsePrice', () => {
  const cases: [unknown, unknown][] = [
    ['79.00 EUR', { value: 79, currency: 'EUR' }],
    ['EUR 79.5', { value: 79.5, currency: 'EUR' }],
    ['12,90 eur', { value: 12.9, currency: 'EUR' }],
    [{ value: 79, currency: 'EUR' }, { value: 79, currency: 'EUR' }],
    [{ value: '5.25', currency: 'usd' }, { value: 5.25, currency: 'USD' }],
    ['79.00', 'price "79.00" is not like "79.00 EUR"'],
    ['EUR 79 USD', 'price "EUR 79 USD" is not like "79.00 EUR"'],
    ['79.00 ZZZ', 'price currency "ZZZ" is not an ISO 4217 code'],
    [{ value: -1, currency: 'EUR' }, 'price has no valid amount'],
    [{ value: 'NaN', currency: 'EUR' }, 'price has no valid amount'],
    [undefined, 'price is missing'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(parsePrice(input)).to.deep.equal(expected);
    });
  }
});

describe('safeUrl', () => {
  const cases: [unknown, string | null][] = [
    ['https://shop.example/a', 'https://shop.example/a'],
    ['/p/1', 'https://shop.example/p/1'],
    ['img/a.svg', 'https://shop.example/feeds/img/a.svg'],
    ['http://shop.example/a', 'http://shop.example/a'],
    ['javascript:alert(1)', null],
    [' JaVaScRiPt:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['blob:https://shop.example/x', null],
    ['', null],
    [42, null],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected}`, () => expect(safeUrl(input, BASE)).to.equal(expected));
  }
});

describe('parseFeed', () => {
  it('reads { products: [...] } and a bare array alike', async () => {
    const items = [item('a'), item('b')];
    const wrapped = await parseFeed(JSON.stringify({ products: items }), BASE);
    const bare = await parseFeed(JSON.stringify(items), BASE);
    expect(wrapped).to.deep.equal(bare);
    expect(wrapped.products.map((p) => p.id)).to.deep.equal(['a', 'b']);
    expect(wrapped.problems).to.deep.equal([]);
  });

  it('keeps Google Merchant field names and normalises values', async () => {
    const [p] = (await parseFeed(
      JSON.stringify([
        item('a', { price: '20.00 EUR', sale_price: { value: 15, currency: 'EUR' }, availability: 'PREORDER', image_link: 'img/a.svg' }),
      ]),
      BASE,
    )).products;
    expect(p).to.deep.equal({
      id: 'a',
      title: 'Product a',
      link: 'https://shop.example/p/a',
      image_link: 'https://shop.example/feeds/img/a.svg',
      price: { value: 20, currency: 'EUR' },
      sale_price: { value: 15, currency: 'EUR' },
      availability: 'preorder',
    });
  });

  it('rejects with a FeedError a person can read for a feed that is not JSON or has no list', async () => {
    expect(await rejection(parseFeed('<html>oops', BASE))).to.be.instanceOf(FeedError).and.to.have.property('message').that.matches(/web page \(HTML\), not a feed/);
    expect(await rejection(parseFeed('', BASE))).to.be.instanceOf(FeedError).and.to.have.property('message').that.matches(/not valid JSON \(empty\)/);
    expect(await rejection(parseFeed('{"items": []}', BASE))).to.be.instanceOf(FeedError).and.to.have.property('message').that.matches(/no "products" list/);
  });
});

describe('validateItems', () => {
  const skipped: [string, unknown, string][] = [
    ['a non-object', 'just a string', 'not an object'],
    ['an array', [1, 2], 'not an object'],
    ['null', null, 'not an object'],
    ['no id', { ...item('x'), id: undefined }, 'no id'],
    ['a blank id', { ...item('x'), id: '  ' }, 'no id'],
    ['no title', { ...item('x'), title: '' }, 'no title'],
    ['a title that is not text', { ...item('x'), title: { html: '<b>' } }, 'no title'],
    ['no price', { ...item('x'), price: undefined }, 'price is missing'],
    ['an unknown currency', item('x', { price: '10.00 XXQ' }), 'price currency "XXQ" is not an ISO 4217 code'],
  ];
  for (const [what, bad, reason] of skipped) {
    it(`skips an item with ${what} and reports why, keeping the rest`, () => {
      const { products, problems } = validateItems([item('good-1'), bad, item('good-2')], BASE);
      expect(products.map((p) => p.id)).to.deep.equal(['good-1', 'good-2']);
      expect(problems).to.have.length(1);
      expect(problems[0]).to.include({ index: 1, reason });
      expect(problems[0].field).to.equal(undefined);
    });
  }

  const dropped: [string, Record<string, unknown>, string][] = [
    ['a javascript: link', { link: 'javascript:alert(document.cookie)' }, 'link'],
    ['a data: image', { image_link: 'data:image/svg+xml,<svg onload=alert(1)>' }, 'image_link'],
    ['a sale price in another currency', { sale_price: '5.00 USD' }, 'sale_price'],
    ['an unreadable sale price', { sale_price: 'cheap' }, 'sale_price'],
  ];
  for (const [what, extra, field] of dropped) {
    it(`keeps an item with ${what} but drops that field and reports it`, () => {
      const { products, problems } = validateItems([item('x', extra)], BASE);
      expect(products).to.have.length(1);
      expect(products[0]).not.to.have.property(field === 'availability' ? 'nothing' : field);
      expect(problems).to.have.length(1);
      expect(problems[0]).to.include({ index: 0, id: 'x', field });
    });
  }

  // Issue 19: "OutOfStock" was dropped with a warning, and the card said "In stock" with Buy now.
  const availabilities: [unknown, string][] = [
    ['in stock', 'in_stock'],
    ['IN_STOCK', 'in_stock'],
    ['https://schema.org/InStock', 'in_stock'],
    ['http://schema.org/LimitedAvailability', 'in_stock'],
    ['OutOfStock', 'out_of_stock'],
    ['https://schema.org/OutOfStock', 'out_of_stock'],
    [' out of stock ', 'out_of_stock'],
    ['out-of-stock', 'out_of_stock'],
    ['SoldOut', 'out_of_stock'],
    ['Discontinued', 'out_of_stock'],
    ['InStoreOnly', 'out_of_stock'],
    ['PreOrder', 'preorder'],
    ['https://schema.org/BackOrder', 'backorder'],
  ];
  for (const [value, expected] of availabilities) {
    it(`reads availability ${JSON.stringify(value)} as ${expected}`, () => {
      const { products, problems } = validateItems([item('x', { availability: value, variants: [{ id: 'v', title: 'One', availability: value }] })], BASE);
      expect(products[0].availability).to.equal(expected);
      expect(products[0].variants![0].availability).to.equal(expected);
      expect(problems).to.deep.equal([]);
    });
  }

  for (const value of ['maybe', 42, '', 'in stock soon']) {
    it(`never sells a product whose availability is unknown (${JSON.stringify(value)}): out of stock, reported`, () => {
      const { products, problems } = validateItems([item('x', { availability: value, variants: [{ id: 'v', title: 'One', availability: value }] })], BASE);
      expect(products[0].availability).to.equal('out_of_stock');
      expect(products[0].variants![0].availability).to.equal('out_of_stock');
      expect(problems.map((p) => p.field)).to.deep.equal(['availability', 'variants[0].availability']);
      expect(problems[0].reason).to.match(/^availability ".*" is not a known one: shown out of stock$/);
    });
  }

  it('keeps the first of two items with the same id', () => {
    const { products, problems } = validateItems([item('a', { title: 'First' }), item('a', { title: 'Second' })]);
    expect(products.map((p) => p.title)).to.deep.equal(['First']);
    expect(problems[0]).to.include({ index: 1, id: 'a' });
  });

  it('ignores a sale price that is not lower than the price', () => {
    const [p] = validateItems([item('a', { price: '10.00 EUR', sale_price: '12.00 EUR' })]).products;
    expect(p.sale_price).to.equal(undefined);
  });

  it('reads only known fields, so __proto__ keys pollute nothing', () => {
    const hostile = JSON.parse(`[{"id":"p","title":"T","price":"1.00 EUR","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}]`);
    const { products } = validateItems(hostile);
    expect(products).to.have.length(1);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.keys(products[0])).to.deep.equal(['id', 'title', 'price', 'availability']);
  });

  it('caps very long text', () => {
    const [p] = validateItems([item('a', { title: 'x'.repeat(10_000), description: 'y'.repeat(100_000) })]).products;
    expect(p.title.length).to.equal(300);
    expect(p.description!.length).to.equal(5000);
  });
});
