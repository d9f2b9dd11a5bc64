import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/live-stream.js';
import type { LiveStream } from '../../../src/elements/live-stream/live-stream.js';
import type { ShopCarousel } from '../../../src/elements/shop-carousel/shop-carousel.js';
import { liveHlsInstances } from '../../../src/media/stream.js';
import { FEED, freshShow, getShow, ID3, LIVE, nextEvent, part, playerOf, recordErrors, REPLAY, SHOW_ORDER, until } from '../../helpers.js';

const featuredId = (show: string) => getShow(show).$featured.get()?.id ?? null;
/** Resolves once the show's catalog is in (the feed may be cached, so no event to wait for). */
const catalogOf = (show: string) => until(() => getShow(show).$products.get().length, 'the catalog');

describe('<live-stream>', () => {
  it('is accessible and renders the player, the banner and the carousel of its show', async () => {
    const show = freshShow();
    const ready = nextEvent<CustomEvent>(document, 'livecart-ready');
    const el = await fixture<LiveStream>(html`<live-stream show=${show} products=${FEED}></live-stream>`);
    expect((await ready).detail).to.deep.equal({ show });
    expect((await ready).target).to.equal(el);
    await el.updateComplete;
    await expect(el).to.be.accessible();
    expect(playerOf(el).show).to.equal(show);
    expect(part<ShopCarousel>(el, 'catalog').show).to.equal(show);
    expect(part(el, 'banner').hidden).to.equal(true);
    // A default is the property's, not an attribute the page did not write (hydration-safe).
    expect(el.linkTarget).to.equal('_blank');
    expect(el.hasAttribute('link-target')).to.equal(false);
  });

  it('reserves its video box before anything loads, so the page does not shift', async () => {
    const el = await fixture<LiveStream>(html`<live-stream style="width: 640px" layout="overlay"></live-stream>`);
    const box = playerOf(el).getBoundingClientRect();
    expect(box.width).to.equal(640);
    expect(box.height).to.equal(360);
  });

  it('features the product of the DATERANGE cue on screen, in a replay and after a seek', async () => {
    const show = freshShow();
    const el = await fixture<LiveStream>(html`<live-stream show=${show} products=${FEED} src=${REPLAY} autoplay muted></live-stream>`);
    const first = await nextEvent<CustomEvent>(el, 'livecart-featured-change');
    expect(first.detail.show).to.equal(show);
    expect(first.detail.product.id).to.equal('aurora-jacket');
    expect(first.bubbles && first.composed).to.equal(true);
    await el.updateComplete;
    const banner = part(el, 'banner');
    expect(banner.hidden).to.equal(false);
    expect(banner.querySelector('.product-title')!.textContent).to.equal('Aurora Shell Jacket');
    expect(banner.querySelector('buy-now-button')!.product).to.equal('aurora-jacket');
    await expect(el).to.be.accessible();

    // Seek into the third slot (12–18 s): the backpack is on screen there.
    const changed = nextEvent<CustomEvent>(el, 'livecart-featured-change');
    playerOf(el).video!.currentTime = 13;
    expect((await changed).detail.product.id).to.equal('drift-backpack');
    await el.updateComplete;
    expect(part(el, 'catalog').getAttribute('featured')).to.equal('drift-backpack');
  });

  it('features products from ID3 TXXX frames just like DATERANGE tags', async () => {
    const show = freshShow();
    const el = await fixture<LiveStream>(html`<live-stream show=${show} products=${FEED} src=${ID3} autoplay muted></live-stream>`);
    await until(() => featuredId(show) === 'aurora-jacket', 'the first product from its ID3 frame');
    playerOf(el).video!.currentTime = 13;
    await until(() => featuredId(show) === 'drift-backpack', 'the product of the ID3 frame at 13 s');
    await el.updateComplete;
    expect(part(el, 'banner').querySelector('.product-title')!.textContent).to.equal('Drift 28L Backpack');
  });

  it('follows the live channel from one product to the next', async () => {
    const show = freshShow();
    const el = await fixture<LiveStream>(html`<live-stream show=${show} products=${FEED} src=${LIVE} autoplay muted></live-stream>`);
    await until(() => featuredId(show), 'a featured product');
    const before = featuredId(show)!;
    const event = await nextEvent<CustomEvent>(el, 'livecart-featured-change', 10_000);
    const expected = SHOW_ORDER[(SHOW_ORDER.indexOf(before) + 1) % SHOW_ORDER.length];
    expect(event.detail.product.id).to.equal(expected);
  });

  it('announces each product once, politely', async () => {
    const show = freshShow();
    const el = await fixture<LiveStream>(html`<live-stream show=${show} products=${FEED}></live-stream>`);
    await catalogOf(show);
    const region = el.shadowRoot!.querySelector('[aria-live]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    getShow(show).feature('ember-mug');
    await el.updateComplete;
    expect(region.textContent).to.equal('Now showing: Ember Enamel Mug');
    // An unrelated re-render does not announce it again.
    el.muted = true;
    await el.updateComplete;
    expect(region.textContent).to.equal('');
    getShow(show).feature('fjord-beanie');
    await el.updateComplete;
    expect(region.textContent).to.equal('Now showing: Fjord Merino Beanie');
  });

  it('speaks the page language', async () => {
    const show = freshShow();
    const wrapper = await fixture(html`<div lang="fr"><live-stream show=${show} products=${FEED}></live-stream></div>`);
    const el = wrapper.querySelector('live-stream')!;
    await catalogOf(show);
    getShow(show).feature('aurora-jacket');
    await until(() => part(el, 'banner').querySelector('.eyebrow')?.textContent === 'En ce moment', 'French');
    expect(part(el, 'banner').textContent).to.contain('149,00\u00a0€');
  });

  it('keeps the video playing when the feed cannot be read, and says so', async () => {
    const show = freshShow();
    const errors = recordErrors();
    const el = await fixture<LiveStream>(
      html`<live-stream show=${show} products="/demo/public/missing-feed.json" src=${REPLAY} autoplay muted></live-stream>`,
    );
    const event = await nextEvent<CustomEvent>(el, 'livecart-error');
    expect(event.detail).to.include({ show, code: 'feed' });
    expect(event.detail.message).to.match(/HTTP 404/);
    await until(() => playerOf(el).state === 'playing', 'the video to play on');
    errors.stop();
    await el.updateComplete;
    // One message in plain words, its reason on data-reason; no "No products yet" under it.
    expect(part(el, 'message').textContent!.replace(/\s+/g, ' ').trim()).to.equal('Products could not be loaded.');
    expect(part(el, 'message').dataset.reason).to.equal('the feed could not be read: HTTP 404');
    expect(el.shadowRoot!.querySelector('shop-carousel')).to.equal(null);
    await expect(el).to.be.accessible();
    expect(errors.uncaught).to.deep.equal([]);
  });

  it('takes an array of products from JavaScript', async () => {
    const show = freshShow();
    const el = await fixture<LiveStream>(html`<live-stream show=${show}></live-stream>`);
    el.products = [{ id: 'x', title: 'Trail Socks', price: '12.00 EUR', link: 'https://shop.example/socks' }];
    await until(() => getShow(show).product('x'), 'the product in the store');
    expect(getShow(show).product('x')!.title).to.equal('Trail Socks');
  });

  it('lays out split and overlay, and lets a page replace the parts through slots', async () => {
    const show = freshShow();
    const el = await fixture<LiveStream>(html`<live-stream show=${show} layout="split" style="width: 1000px">
      <div slot="banner" id="my-banner">My banner</div>
      <aside slot="feed">Chat</aside>
    </live-stream>`);
    await el.updateComplete;
    const base = part(el, 'base');
    expect(base.classList.contains('split')).to.equal(true);
    expect(base.classList.contains('has-feed')).to.equal(true);
    const stage = part(el, 'stage').getBoundingClientRect();
    expect(stage.width).to.be.below(500);
    const bannerSlot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="banner"]')!;
    expect(bannerSlot.assignedElements()[0].id).to.equal('my-banner');
    el.layout = 'overlay';
    await el.updateComplete;
    expect(part(el, 'base').classList.contains('overlay')).to.equal(true);
    expect(el.getAttribute('layout')).to.equal('overlay');
  });

  it('makes slotted elements and its own parts members of its show', async () => {
    const show = freshShow();
    const el = await fixture<LiveStream>(html`<live-stream show=${show} products=${FEED}>
      <buy-now-button slot="catalog" product="ember-mug"></buy-now-button>
    </live-stream>`);
    await catalogOf(show);
    const button = el.querySelector('buy-now-button')!;
    await button.updateComplete;
    expect(button.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).to.equal('Buy now: Ember Enamel Mug');
  });

  it('releases the player, hls.js and its show on disconnect', async () => {
    const show = freshShow();
    const el = await fixture<LiveStream>(html`<live-stream show=${show} src=${LIVE} autoplay muted products=${FEED}></live-stream>`);
    await until(() => playerOf(el).state === 'playing', 'playing');
    expect(liveHlsInstances.size).to.equal(1);
    el.remove();
    await null;
    expect(liveHlsInstances.size).to.equal(0);
    expect(getShow(show).$player.get().state).to.equal('idle');
    // Only the show's own listener remains on its stores.
    expect(getShow(show).$featured.lc).to.equal(1);
  });

  it('forces a light or dark theme for itself and the elements inside it', async () => {
    const el = await fixture<LiveStream>(html`<live-stream theme="dark"></live-stream>`);
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(17, 24, 39)');
    const carousel = part(el, 'catalog');
    expect(getComputedStyle(carousel).color).to.equal('rgb(249, 250, 251)');
    el.theme = 'light';
    await el.updateComplete;
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(255, 255, 255)');
    await expect(el).to.be.accessible();
  });

  it('fits 320 px without scrolling sideways, the banner under the video', async () => {
    const show = freshShow();
    const wrapper = await fixture(html`<div style="width: 320px"><live-stream show=${show} products=${FEED}></live-stream></div>`);
    const el = wrapper.querySelector('live-stream')!;
    await catalogOf(show);
    getShow(show).feature('aurora-jacket');
    await el.updateComplete;
    expect(part(el, 'base').classList.contains('auto')).to.equal(true);
    expect(getComputedStyle(part(el, 'banner')).position).to.equal('static');
    expect(el.scrollWidth).to.be.at.most(320);
    expect(wrapper.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });

  it('picks split by itself when it has room', async () => {
    const show = freshShow();
    const wrapper = await fixture(html`<div style="width: 1100px"><live-stream show=${show} products=${FEED}></live-stream></div>`);
    const el = wrapper.querySelector('live-stream')!;
    await catalogOf(show);
    await el.updateComplete;
    const stage = part(el, 'stage').getBoundingClientRect();
    const catalog = el.shadowRoot!.querySelector('.catalog')!.getBoundingClientRect();
    expect(catalog.left).to.be.at.least(stage.right);
  });

  it('lays out right to left', async () => {
    const show = freshShow();
    const wrapper = await fixture(html`<div dir="rtl" lang="ar" style="width: 1100px"><live-stream show=${show} layout="split" products=${FEED}></live-stream></div>`);
    const el = wrapper.querySelector('live-stream')!;
    await catalogOf(show);
    await el.updateComplete;
    const stage = part(el, 'stage').getBoundingClientRect();
    const catalog = el.shadowRoot!.querySelector('.catalog')!.getBoundingClientRect();
    // The video comes first, on the right; the catalog beside it on its left.
    expect(catalog.right).to.be.at.most(stage.left);
    await expect(el).to.be.accessible();
  });

  it('shows the catalog beside the video in split layout, with or without a feed column', async () => {
    const show = freshShow();
    const el = await fixture<LiveStream>(html`<live-stream show=${show} layout="split" products=${FEED} style="width: 1200px"></live-stream>`);
    await catalogOf(show);
    await el.updateComplete;
    const stage = part(el, 'stage').getBoundingClientRect();
    const catalog = el.shadowRoot!.querySelector('.catalog')!.getBoundingClientRect();
    expect(catalog.height).to.be.closeTo(stage.height, 2);
    expect(catalog.width).to.be.above(300);
  });

  it('announces one change when the cues flicker around a boundary', async () => {
    const show = freshShow();
    const changes: string[] = [];
    const el = await fixture<LiveStream>(html`<live-stream show=${show} products=${FEED} src=${LIVE} autoplay muted></live-stream>`);
    el.addEventListener('livecart-featured-change', (e) => changes.push(e.detail.product?.id ?? 'none'));
    await until(() => changes.length >= 2, 'two product changes', 20_000);
    // Each change is to a different product: no flip to a neighbour and back.
    for (let i = 1; i < changes.length; i++) expect(changes[i]).not.to.equal(changes[i - 1]);
    expect(new Set(changes).size).to.equal(changes.length);
  });
});
