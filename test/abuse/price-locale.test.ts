import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/live-stream.js';
import type { LiveStream } from '../../src/elements/live-stream/live-stream.js';
import { parseFeed } from '../../src/core/feed.js';
import { formatPrice, parsePrice } from '../../src/core/price.js';
import { canonicalLocale } from '../../src/i18n/strings.js';
import { configure } from '../../src/store/config.js';
import { freshShow, getShow, item, recordErrors, until } from '../helpers.js';

/** "1", n spaces, "x": the input that made the old price regex backtrack quadratically. */
const spaces = (n: number) => `1${' '.repeat(n)}x`;

describe('abuse: price strings', () => {
  it('a 150,000-space price is refused in well under a frame', () => {
    const start = performance.now();
    expect(parsePrice(spaces(150_000))).to.be.a('string');
    expect(parsePrice(`EUR${' '.repeat(150_000)}1`)).to.be.a('string');
    expect(performance.now() - start).to.be.below(20);
    // Real prices still read, with or without spaces, currency first or last.
    expect(parsePrice(' 79.00 EUR ')).to.deep.equal({ value: 79, currency: 'EUR' });
    expect(parsePrice('EUR79,5')).to.deep.equal({ value: 79.5, currency: 'EUR' });
    expect(parsePrice('79.00   usd')).to.deep.equal({ value: 79, currency: 'USD' });
  });

  it('a feed whose prices are 60,000 spaces long (JSON and RSS) parses without a long task', async () => {
    const json = JSON.stringify({ products: [item('ok'), item('bad', { price: spaces(60_000), sale_price: spaces(60_000) })] });
    const rss = `<?xml version="1.0"?><rss xmlns:g="http://base.google.com/ns/1.0" version="2.0"><channel>
      <item><g:id>bad</g:id><title>Bad</title><link>https://shop.example/bad</link><g:price>${spaces(60_000)}</g:price><g:availability>in_stock</g:availability></item>
      <item><g:id>ok</g:id><title>Ok</title><link>https://shop.example/ok</link><g:price>10.00 EUR</g:price><g:availability>in_stock</g:availability></item>
    </channel></rss>`;
    // The feed reader loads on demand: fetched here first, so the time below is the parse's.
    await parseFeed('[]');
    for (const text of [json, rss]) {
      const start = performance.now();
      const { products } = await parseFeed(text, 'https://shop.example/feed');
      expect(performance.now() - start, 'parse time').to.be.below(100);
      expect(products.map((p) => p.id)).to.include('ok');
    }
  });
});

describe('abuse: locale tags', () => {
  afterEach(() => configure({ locale: undefined }));

  it('normalises POSIX and broken tags, and falls back to English', () => {
    expect(canonicalLocale('en_US')).to.equal('en-US');
    expect(canonicalLocale('de_de')).to.equal('de-DE');
    expect(canonicalLocale('no such tag!')).to.equal('en');
    expect(canonicalLocale('')).to.equal('en');
  });

  it('formatting never throws, whatever the tag or currency', () => {
    expect(formatPrice({ value: 1, currency: 'EUR' }, 'en_US')).to.contain('1.00');
    expect(formatPrice({ value: 1, currency: 'EUR' }, '!!')).to.contain('1.00');
    expect(formatPrice({ value: 1, currency: 'E' }, 'en')).to.equal('1.00 E');
  });

  for (const [how, lang, locale] of [
    ['lang="en_US"', 'en_US', undefined],
    ['configure({ locale: "en_US" })', '', 'en_US'],
    ['lang="fr_FR"', 'fr_FR', undefined],
  ] as const) {
    it(`${how}: cards and banner render, with no error`, async () => {
      const errors = recordErrors();
      configure({ locale });
      const show = freshShow();
      const el = await fixture<LiveStream>(
        html`<div lang=${lang || ''}><live-stream show=${show} .products=${[item('a', { price: '12.50 EUR' })]}></live-stream></div>`,
      );
      const stream = el.querySelector('live-stream')!;
      getShow(show).feature('a');
      const text = () => stream.shadowRoot!.querySelector('shop-carousel')?.shadowRoot?.textContent ?? '';
      await until(() => /12[.,]50/.test(text()), 'a price on a card');
      expect(stream.shadowRoot!.textContent).to.match(/12[.,]50/);
      errors.stop();
      expect(errors.uncaught).to.deep.equal([]);
    });
  }
});
