import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../../../src/define/shop-carousel.js';
import type { ShopCarousel } from '../../../src/elements/shop-carousel/shop-carousel.js';
import { FEED, freshShow, getShow, item, mockRemote, nextEvent, recordErrors, spyConsole, until } from '../../helpers.js';

const cards = (el: ShopCarousel) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="card"]')];
const message = (el: ShopCarousel) => el.shadowRoot!.querySelector('[part~="message"]');

describe('<shop-carousel>', () => {
  it('is accessible, with cards for an array set from JavaScript', async () => {
    const show = freshShow();
    const el = await fixture<ShopCarousel>(html`<shop-carousel show=${show}></shop-carousel>`);
    expect(message(el)?.textContent).to.equal('No products yet.');
    el.products = [
      item('a', { title: 'Aurora Shell Jacket', price: '179.00 EUR', sale_price: '149.00 EUR' }),
      item('b', { title: 'Glow Camp Lantern', price: { value: 59, currency: 'EUR' }, availability: 'out_of_stock' }),
    ];
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const [a, b] = cards(el);
    expect(a.querySelector('[part~="title"]')!.textContent).to.equal('Aurora Shell Jacket');
    expect(a.querySelector('[part~="price"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('€149.00 Was €179.00');
    expect(a.querySelector('img')!.getAttribute('src')).to.equal('https://shop.example/img/a.svg');
    expect(b.querySelector('[part~="availability"]')!.textContent).to.equal('Out of stock');
    expect(b.querySelector('buy-now-button')!.shadowRoot!.querySelector('button')!.disabled).to.equal(true);
    // An array is a property, not an attribute.
    expect(el.hasAttribute('products')).to.equal(false);
  });

  it('never offers a product whose availability is schema.org\'s OutOfStock, or unknown (issue 19: "In stock" and Buy now)', async () => {
    const show = freshShow();
    const el = await fixture<ShopCarousel>(html`<shop-carousel show=${show}></shop-carousel>`);
    const warnings = spyConsole('warn');
    try {
      el.products = [item('a', { availability: 'https://schema.org/OutOfStock' }), item('b', { availability: 'maybe' })];
      await el.updateComplete;
    } finally {
      warnings.restore();
    }
    for (const card of cards(el)) {
      expect(card.querySelector('[part~="availability"]')!.textContent).to.equal('Out of stock');
      await until(() => card.querySelector('buy-now-button')!.shadowRoot?.querySelector('button')?.disabled === true, 'a disabled buy button');
    }
  });

  it('honours hidden, as every livecart element does, even where the page gives it a display', async () => {
    const el = await fixture<ShopCarousel>(html`<shop-carousel style="display: block" show=${freshShow()} hidden></shop-carousel>`);
    expect(getComputedStyle(el).display).to.equal('none');
    el.hidden = false;
    expect(getComputedStyle(el).display).to.equal('block');
  });

  it('formats prices for the language of the page', async () => {
    const show = freshShow();
    const wrapper = await fixture(html`<div lang="de"><shop-carousel show=${show}></shop-carousel></div>`);
    const el = wrapper.querySelector('shop-carousel')!;
    el.products = [item('a', { price: '1234.50 EUR', availability: 'preorder' })];
    // German loads on demand; the card speaks it once it has arrived.
    await until(() => cards(el)[0]?.querySelector('[part~="availability"]')!.textContent === 'Vorbestellen', 'German');
    expect(cards(el)[0].querySelector('[part~="price"]')!.textContent!.trim()).to.equal('1.234,50\u00a0€');
    expect(cards(el)[0].querySelector('[part~="availability"]')!.textContent).to.equal('Vorbestellen');
  });

  it('loads the real demo feed from its URL, resolving images against the feed', async () => {
    const show = freshShow();
    const el = await fixture<ShopCarousel>(html`<shop-carousel show=${show} products=${FEED}></shop-carousel>`);
    await nextEvent(el, 'livecart-ready');
    await el.updateComplete;
    expect(cards(el).map((c) => c.dataset.id)).to.deep.equal([
      'aurora-jacket',
      'ember-mug',
      'drift-backpack',
      'glow-lantern',
      'fjord-beanie',
    ]);
    expect(cards(el)[0].querySelector('img')!.src).to.equal(new URL('/demo/public/images/aurora-jacket.svg', location.href).href);
    expect(el.getAttribute('products')).to.equal(FEED);
  });

  it('highlights the featured card, reflects it, and scrolls the strip (not the page) to it', async () => {
    const show = freshShow();
    const el = await fixture<ShopCarousel>(html`<shop-carousel show=${show} style="width: 300px"></shop-carousel>`);
    el.products = Array.from({ length: 12 }, (_, i) => item(`p${i}`));
    await el.updateComplete;
    const pageScroll = window.scrollY;
    getShow(show).feature('p9');
    await el.updateComplete;
    expect(el.featured).to.equal('p9');
    expect(el.getAttribute('featured')).to.equal('p9');
    const card = cards(el)[9];
    expect(card.getAttribute('part')).to.equal('card featured');
    expect(card.getAttribute('aria-current')).to.equal('true');
    const track = el.shadowRoot!.querySelector<HTMLElement>('[part~="track"]')!;
    await until(() => {
      const t = track.getBoundingClientRect();
      const c = card.getBoundingClientRect();
      return c.left >= t.left - 1 && c.right <= t.right + 1;
    }, 'the featured card to be in view');
    expect(window.scrollY).to.equal(pageScroll);
    getShow(show).feature(null);
    await el.updateComplete;
    expect(el.hasAttribute('featured')).to.equal(false);
  });

  it('moves between cards with the arrow keys, Home and End, with one tab stop', async () => {
    const show = freshShow();
    const el = await fixture<ShopCarousel>(html`<shop-carousel show=${show}></shop-carousel>`);
    el.products = [item('a'), item('b'), item('c')];
    await el.updateComplete;
    expect(cards(el).map((c) => c.tabIndex)).to.deep.equal([0, -1, -1]);
    cards(el)[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(el.shadowRoot!.activeElement).to.equal(cards(el)[1]);
    await sendKeys({ press: 'End' });
    expect(el.shadowRoot!.activeElement).to.equal(cards(el)[2]);
    await sendKeys({ press: 'ArrowRight' });
    expect(el.shadowRoot!.activeElement).to.equal(cards(el)[2]);
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.shadowRoot!.activeElement).to.equal(cards(el)[0]);
    await el.updateComplete;
    expect(cards(el).map((c) => c.tabIndex)).to.deep.equal([0, -1, -1]);
  });

  it('renders a long catalog a page of cards at a time, and reaches every card', async () => {
    const show = freshShow();
    const el = await fixture<ShopCarousel>(html`<shop-carousel show=${show} style="width: 600px"></shop-carousel>`);
    el.products = Array.from({ length: 10_000 }, (_, i) => item(`p${i}`));
    await until(() => cards(el).length > 0, 'the first cards');
    // A page of cards, each telling assistive technology where it stands in the whole.
    expect(cards(el)).to.have.length(40);
    expect(cards(el)[0].getAttribute('aria-setsize')).to.equal('10000');
    const track = el.shadowRoot!.querySelector<HTMLElement>('[part~="track"]')!;
    track.scrollTo({ left: track.scrollWidth, behavior: 'instant' });
    await until(() => cards(el).length === 80, 'the next page when scrolled near the end');
    // The product on screen is always rendered, wherever it is in the catalog.
    getShow(show).feature('p5000');
    await until(() => cards(el).some((c) => c.dataset.id === 'p5000'), 'the featured card');
    expect(cards(el).length).to.be.below(10_000);
    // End goes to the very last product.
    cards(el)[0].focus();
    await sendKeys({ press: 'End' });
    await until(() => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id === 'p9999', 'the last card');
  });

  it('renders an XSS string in a title as text', async () => {
    const show = freshShow();
    const el = await fixture<ShopCarousel>(html`<shop-carousel show=${show}></shop-carousel>`);
    const hostile = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';
    el.products = [item('x', { title: hostile, brand: hostile })];
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    const title = cards(el)[0].querySelector('[part~="title"]')!;
    expect(title.textContent).to.equal(hostile);
    expect(title.children).to.have.length(0);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });

  describe('a remote feed (msw)', () => {
    const FEED_URL = 'https://shop.example/feeds/live.json';

    it('shows the good items and reports the bad ones in one livecart-error', async () => {
      await mockRemote(
        http.get(FEED_URL, () =>
          HttpResponse.json({
            products: [
              item('good'),
              { id: 'no-title', price: '1.00 EUR' },
              item('js', { link: 'javascript:alert(1)' }),
              item('also-good'),
            ],
          }),
        ),
      );
      const show = freshShow();
      const errors = recordErrors();
      const el = await fixture<ShopCarousel>(html`<shop-carousel show=${show} products=${FEED_URL}></shop-carousel>`);
      const event = await nextEvent<CustomEvent>(el, 'livecart-error');
      errors.stop();
      await el.updateComplete;
      expect(cards(el).map((c) => c.dataset.id)).to.deep.equal(['good', 'js', 'also-good']);
      expect(event.detail).to.include({ show, code: 'feed' });
      expect(event.detail.message).to.match(/1 feed item\(s\) skipped and 1 field\(s\) dropped/);
      expect(event.detail.problems).to.deep.equal([
        { index: 1, id: 'no-title', reason: 'no title' },
        { index: 2, id: 'js', field: 'link', reason: 'link is not an http(s) URL' },
      ]);
      expect(getShow(show).product('js')!.link).to.equal(undefined);
      expect(errors.events).to.have.length(1);
      expect(errors.uncaught).to.deep.equal([]);
    });

    const unreadable: [string, () => Response, RegExp][] = [
      ['broken JSON', () => new HttpResponse('{"products": [', { headers: { 'Content-Type': 'application/json' } }), /not valid JSON/],
      ['an HTTP 500', () => new HttpResponse('boom', { status: 500 }), /the feed could not be read: HTTP 500/],
      ['a network failure', () => HttpResponse.error(), /could not be read: no answer \(offline, or a missing CORS header\)/],
      ['JSON without products', () => HttpResponse.json({ items: [] }), /no "products" list/],
    ];
    for (const [what, respond, reason] of unreadable) {
      it(`shows a message and emits livecart-error (feed) for ${what}`, async () => {
        await mockRemote(http.get(FEED_URL, respond));
        const show = freshShow();
        const errors = recordErrors();
        const el = await fixture<ShopCarousel>(html`<shop-carousel show=${show} products=${FEED_URL}></shop-carousel>`);
        const event = await nextEvent<CustomEvent>(el, 'livecart-error');
        errors.stop();
        expect(event.detail).to.include({ show, code: 'feed' });
        expect(event.detail.message).to.match(reason);
        await el.updateComplete;
        expect(message(el)!.textContent).to.equal('Products could not be loaded.');
        expect((message(el) as HTMLElement).dataset.reason).to.match(reason);
        expect(message(el)!.getAttribute('role')).to.equal('alert');
        await expect(el).to.be.accessible();
        expect(errors.uncaught).to.deep.equal([]);
      });
    }
  });

  it('fills its show for every other element of the show', async () => {
    const show = freshShow();
    await fixture(html`<shop-carousel show=${show} products=${FEED}></shop-carousel>`);
    await until(() => getShow(show).product('ember-mug'), 'the catalog');
    expect(getShow(show).product('ember-mug')!.price).to.deep.equal({ value: 24, currency: 'EUR' });
  });

  it('lets go of its show on disconnect', async () => {
    const show = freshShow();
    const el = await fixture<ShopCarousel>(html`<shop-carousel show=${show}></shop-carousel>`);
    el.products = [item('a')];
    await el.updateComplete;
    el.remove();
    // The show's stores have no listeners left from the carousel (only the show's own).
    expect(getShow(show).$products.lc).to.equal(1);
    getShow(show).feature('a');
    expect(el.isUpdatePending).to.equal(false);
  });

  it('offers a variant picker on cards of products with variants; the buy button takes the pick', async () => {
    const show = freshShow();
    const el = await fixture<ShopCarousel>(html`<shop-carousel show=${show}></shop-carousel>`);
    el.products = [
      item('tee', {
        title: 'Trail Tee',
        price: '30.00 EUR',
        variants: [
          { id: 'tee-s', title: 'S', availability: 'out_of_stock' },
          { id: 'tee-m', title: 'M' },
          { id: 'tee-l', title: 'L', price: '35.00 EUR' },
        ],
      }),
      item('mug', { variants: [{ id: 'mug-only', title: 'Default Title' }] }),
    ];
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const [tee, mug] = cards(el);
    const select = tee.querySelector<HTMLSelectElement>('[part~="variant"]')!;
    expect(select.getAttribute('aria-label')).to.equal('Option: Trail Tee');
    expect([...select.options].map((o) => [o.value, o.disabled])).to.deep.equal([
      ['tee-s', true],
      ['tee-m', false],
      ['tee-l', false],
    ]);
    // The first variant in stock is the default, shown and bought.
    expect(select.value).to.equal('tee-m');
    expect(tee.querySelector('buy-now-button')!.variant).to.equal('tee-m');
    select.value = 'tee-l';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(tee.querySelector('buy-now-button')!.variant).to.equal('tee-l');
    expect(tee.querySelector('[part~="price"]')!.textContent!.trim()).to.equal('€35.00');
    // One variant: nothing to pick, but the button still adds that variant.
    expect(mug.querySelector('[part~="variant"]')).to.equal(null);
    expect(mug.querySelector('buy-now-button')!.variant).to.equal('mug-only');
  });
});
