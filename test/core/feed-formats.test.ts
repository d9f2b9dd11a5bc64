import { expect } from '@open-wc/testing';
import { FeedError, parseFeed } from '../../src/core/feed.js';
import type { FeedProblem } from '../../src/core/events.js';

/** The error a promise rejects with (fails the test when it resolves). */
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );


const fixture = async (name: string) => (await fetch(`/test/fixtures/feeds/${name}`)).text();

interface Case {
  file: string;
  base: string;
  currency?: string;
  ids: string[];
  /** Every problem, as `index:id:field:reason-pattern`. */
  problems: [number, string | undefined, string | undefined, RegExp][];
  check: (products: Awaited<ReturnType<typeof parseFeed>>['products']) => void;
}

const CASES: Case[] = [
  {
    file: 'merchant-rss.xml',
    base: 'https://shop.example/feeds/google.xml',
    ids: ['ember-mug', 'aurora-jacket', 'glow-lantern'],
    problems: [
      [2, 'glow-lantern', 'link', /not an http\(s\) URL/],
      [2, 'glow-lantern', 'image_link', /not an http\(s\) URL/],
      [3, 'mystery-box', undefined, /"ZZZ" is not an ISO 4217 code/],
      [4, undefined, undefined, /no id/],
    ],
    check([mug, jacket, lantern]) {
      expect(mug).to.deep.equal({
        id: 'ember-mug',
        title: 'Ember Enamel Mug',
        link: 'https://shop.example/p/ember-mug?utm_source=google',
        image_link: 'https://cdn.shop.example/img/ember-mug.jpg',
        price: { value: 24, currency: 'EUR' },
        sale_price: { value: 19, currency: 'EUR' },
        availability: 'in_stock',
        brand: 'Fjellvik',
        description: 'Enamel steel mug, 350 ml. <b>Dishwasher safe</b> & campfire proof.',
      });
      // Items of one g:item_group_id are one product with variants.
      expect(jacket.variants!.map((v) => [v.id, v.title, v.availability])).to.deep.equal([
        ['AURORA-M', 'Glacier blue / M', 'in_stock'],
        ['AURORA-L', 'Glacier blue / L', 'out_of_stock'],
      ]);
      expect(lantern).to.deep.include({ availability: 'preorder' });
      expect(lantern).not.to.have.property('link');
    },
  },
  {
    file: 'shopify-products.json',
    base: 'https://shop.example/products.json',
    currency: 'eur',
    ids: ['7412345678901', '7412345678902'],
    problems: [
      [2, '7412345678903', undefined, /no title/],
      [3, '7412345678904', undefined, /no valid amount/],
    ],
    check([pack, beanie]) {
      expect(pack).to.deep.equal({
        id: '7412345678901',
        title: 'Drift Backpack 28L',
        link: 'https://shop.example/products/drift-backpack-28l',
        image_link: 'https://cdn.shopify.com/s/files/1/0001/files/drift.jpg?v=1',
        // compare_at_price is the regular price, price the sale price.
        price: { value: 129, currency: 'EUR' },
        sale_price: { value: 99, currency: 'EUR' },
        availability: 'in_stock',
        brand: 'Fjellvik',
        description: 'Roll-top pack, waterproof & recycled. 28 litres',
        variants: [
          {
            id: '41234567890123',
            title: 'Moss',
            price: { value: 129, currency: 'EUR' },
            sale_price: { value: 99, currency: 'EUR' },
            availability: 'in_stock',
            image_link: 'https://cdn.shopify.com/s/files/1/0001/files/drift-moss.jpg?v=1',
          },
          { id: '41234567890124', title: 'Slate', price: { value: 129, currency: 'EUR' }, availability: 'out_of_stock' },
        ],
      });
      expect(beanie.price).to.deep.equal({ value: 29, currency: 'EUR' });
      expect(beanie).not.to.have.property('sale_price');
      expect(beanie.variants!.map((v) => v.id)).to.deep.equal(['41234567890200']);
    },
  },
  {
    file: 'native.json',
    base: 'https://shop.example/feeds/live.json',
    ids: ['aurora-jacket', '42', 'ftp'],
    problems: [
      [0, 'aurora-jacket', 'variants[3]', /variant has no id/],
      [2, 'bad-currency', undefined, /"ABC" is not an ISO 4217 code/],
      [3, 'ftp', 'link', /not an http\(s\) URL/],
    ],
    check([jacket, mug]) {
      expect(jacket.link).to.equal('https://shop.example/p/aurora');
      expect(jacket.variants!.map((v) => [v.id, v.price.value, v.availability])).to.deep.equal([
        ['aurora-m', 179, 'in_stock'],
        ['aurora-l', 179, 'out_of_stock'],
        ['aurora-xl', 189, 'in_stock'],
      ]);
      expect(mug).to.deep.include({ availability: 'backorder', price: { value: 12.5, currency: 'EUR' } });
    },
  },
];

describe('feed formats', () => {
  for (const c of CASES) {
    it(`${c.file}: detected, parsed, every bad item and field reported`, async () => {
      const { products, problems } = await parseFeed(await fixture(c.file), c.base, { currency: c.currency });
      expect(products.map((p) => p.id)).to.deep.equal(c.ids);
      expect(problems.map((p: FeedProblem) => [p.index, p.id, p.field])).to.deep.equal(c.problems.map(([i, id, f]) => [i, id, f]));
      problems.forEach((p, i) => expect(p.reason).to.match(c.problems[i][3]));
      c.check(products);
    });
  }

  const unreadable: [string, string, RegExp][] = [
    ['XML that is not well-formed', '<rss><channel><item>', /not well-formed XML/],
    ['an HTML page', '<!doctype html><html><body>Not found</body></html>', /web page \(HTML\), not a feed/],
    ['an Atom document', '<feed xmlns="http://www.w3.org/2005/Atom"><entry/></feed>', /not RSS 2.0/],
    ['JSON that is neither native nor Shopify', '{"items": []}', /no "products" list/],
    ['broken JSON', '{"products": [', /not valid JSON/],
  ];
  for (const [what, body, message] of unreadable) {
    it(`refuses ${what} with a FeedError`, async () => {
      const error = await rejection(parseFeed(body, 'https://shop.example/f'));
      expect(error).to.be.instanceOf(FeedError);
      expect((error as Error).message).to.match(message);
    });
  }

  it('refuses a Shopify /products.json without a configured currency, or with an unknown one', async () => {
    const body = await fixture('shopify-products.json');
    expect(await rejection(parseFeed(body, 'https://shop.example/products.json'))).to.be.instanceOf(FeedError).and.to.have.property('message').that.matches(/configure\(\{ currency/);
    expect(await rejection(parseFeed(body, 'https://shop.example/products.json', { currency: 'QQQ' }))).to.be.instanceOf(FeedError).and.to.have.property('message').that.matches(/currency/);
  });

  it('an RSS feed with an empty channel is an empty catalog, not an error', async () => {
    const empty = '<?xml version="1.0"?><rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><title>x</title></channel></rss>';
    expect(await parseFeed(empty)).to.deep.equal({ products: [], problems: [] });
  });

  it('reads a big RSS feed in slices: groups across slices, and a </item> inside CDATA', async () => {
    const G = 'http://base.google.com/ns/1.0';
    const entry = (i: number, extra = '') =>
      `<item><g:id>p${i}</g:id><g:title>Product ${i}</g:title><g:price>1.00 EUR</g:price>${extra}</item>`;
    const items = Array.from({ length: 1200 }, (_, i) =>
      // Items 498–502 are one group that straddles the first slice boundary (500 items).
      i >= 498 && i <= 502 ? entry(i, `<g:item_group_id>g</g:item_group_id><g:size>${i}</g:size>`) : entry(i),
    );
    const feed = (body: string[]) => `<?xml version="1.0"?>\n<rss version="2.0" xmlns:g="${G}">\n<channel><title>t</title>${body.join('\n')}</channel></rss>`;
    /** The sizes of the documents DOMParser reads while `run` runs. */
    const parsed = async <T>(run: () => Promise<T>): Promise<[T, number[]]> => {
      const original = DOMParser.prototype.parseFromString;
      const sizes: number[] = [];
      DOMParser.prototype.parseFromString = function (this: DOMParser, text: string, type: DOMParserSupportedType) {
        sizes.push(text.length);
        return original.call(this, text, type);
      };
      try {
        return [await run(), sizes];
      } finally {
        DOMParser.prototype.parseFromString = original;
      }
    };
    const [sliced, sizes] = await parsed(() => parseFeed(feed(items)));
    expect(sizes).to.have.length(3);
    expect(Math.max(...sizes)).to.be.below(feed(items).length / 2);
    expect(sliced.problems).to.deep.equal([]);
    expect(sliced.products).to.have.length(1196);
    expect(sliced.products.find((p) => p.id === 'g')!.variants!.map((v) => v.title)).to.deep.equal(['498', '499', '500', '501', '502']);

    // The 500th "</item>" is inside CDATA: the first slice would end in the middle of item 499.
    items[499] = entry(499, '<g:description><![CDATA[Ends with </item> in text]]></g:description>');
    const [whole, wholeSizes] = await parsed(() => parseFeed(feed(items)));
    // That slice does not parse, so the whole document is read at once.
    expect(wholeSizes.at(-1)).to.equal(feed(items).length);
    expect(whole.products).to.have.length(1197);
    expect(whole.products.find((p) => p.id === 'p499')!.description).to.equal('Ends with </item> in text');

    items.length = 1100;
    items.push('<item><g:id>broken</g:id>');
    const error = await rejection(parseFeed(feed(items)));
    expect((error as Error).message).to.match(/not well-formed XML/);
  });

  describe('10,000 items', () => {
    const N = 10_000;
    const native = JSON.stringify({
      products: Array.from({ length: N }, (_, i) => ({
        id: `p${i}`,
        title: `Product ${i}`,
        link: `https://shop.example/p/${i}`,
        image_link: `https://cdn.shop.example/${i}.jpg`,
        price: `${(i % 500) + 0.99} EUR`,
        availability: 'in_stock',
        description: 'A fine thing. '.repeat(10),
      })),
    });
    const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:g="${'http://base.google.com/ns/1.0'}"><channel><title>big</title>${Array.from(
      { length: N },
      (_, i) =>
        `<item><g:id>p${i}</g:id><g:title>Product ${i}</g:title><g:link>https://shop.example/p/${i}</g:link><g:image_link>https://cdn.shop.example/${i}.jpg</g:image_link><g:price>${(i % 500) + 0.99} EUR</g:price><g:availability>in stock</g:availability><g:description>${'A fine thing. '.repeat(10)}</g:description></item>`,
    ).join('')}</channel></rss>`;
    const shopify = JSON.stringify({
      products: Array.from({ length: N }, (_, i) => ({
        id: i + 1,
        title: `Product ${i}`,
        handle: `product-${i}`,
        body_html: '<p>A fine thing.</p>'.repeat(5),
        vendor: 'Fjellvik',
        variants: [
          { id: i * 10 + 1, title: 'S', price: '10.00', compare_at_price: '12.00', available: true },
          { id: i * 10 + 2, title: 'M', price: '10.00', compare_at_price: null, available: false },
        ],
        images: [{ src: `https://cdn.shopify.com/${i}.jpg` }],
      })),
    });

    const formats: [string, string, { currency?: string }][] = [
      ['native JSON', native, {}],
      ['Merchant RSS', rss, {}],
      ['Shopify products.json', shopify, { currency: 'EUR' }],
    ];
    for (const [name, body, options] of formats) {
      it(`parses ${name} (${(body.length / 1e6).toFixed(1)} MB) without a long freeze`, async () => {
        const tasks: number[] = [];
        const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
        observer.observe({ type: 'longtask' });
        const start = performance.now();
        const parsing = parseFeed(body, 'https://shop.example/feed', options);
        // The page gets turns while a big feed is read: a timer set now runs before the end.
        let breathed = Infinity;
        setTimeout(() => (breathed = performance.now()));
        const { products, problems } = await parsing;
        const end = performance.now();
        const ms = end - start;
        await new Promise((resolve) => setTimeout(resolve, 50));
        observer.disconnect();
        const longest = Math.max(0, ...tasks);
        console.log(
          `feed benchmark: ${N} items of ${name}, ${(body.length / 1e6).toFixed(1)} MB: ${ms.toFixed(0)} ms in all, longest main-thread task ${longest.toFixed(0)} ms`,
        );
        expect(products).to.have.length(N);
        expect(problems).to.deep.equal([]);
        expect(breathed).to.be.below(end);
        // Generous: the machine is shared and the number is logged above; this catches a page frozen for seconds.
        expect(longest).to.be.below(1500);
      });
    }
  });
});
