import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/live-stream.js';
import '../../src/define/shop-carousel.js';
import '../../src/define/pip-player.js';
import type { PipPlayer } from '../../src/elements/pip-player/pip-player.js';
import type { LiveStream } from '../../src/elements/live-stream/live-stream.js';
import type { ShopCarousel } from '../../src/elements/shop-carousel/shop-carousel.js';
import { $hasCart } from '../../src/store/cart.js';
import { getShow } from '../../src/store/show.js';
import { freshShow, item, LIVE, REPLAY, until } from '../helpers.js';

const LONG_TITLE = 'Aurora Shell Jacket, three-layer recycled nylon, with a helmet-compatible hood';
const intersects = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const rect = (root: ParentNode, selector: string) => root.querySelector(selector)!.getBoundingClientRect();

async function showAt(width: number, products: unknown[], layout = '') {
  const show = freshShow();
  const wrapper = await fixture(
    html`<div style="width: ${width}px"><live-stream show=${show} src=${LIVE} muted layout=${layout}></live-stream></div>`,
  );
  const el = wrapper.querySelector<LiveStream>('live-stream')!;
  el.products = products;
  await el.updateComplete;
  return { el, show, carousel: el.shadowRoot!.querySelector<ShopCarousel>('shop-carousel')! };
}

describe('layout at every size', () => {
  afterEach(() => $hasCart.set(false));

  it('phone: the banner sits under the video, hiding none of it, with two lines of title and the cart pill clear of it', async () => {
    $hasCart.set(true);
    const { el, show } = await showAt(390, [item('long', { title: LONG_TITLE })]);
    getShow(show).feature('long');
    await el.updateComplete;
    const root = el.shadowRoot!;
    const banner = rect(root, '[part~="banner"]');
    const video = rect(root, 'pip-player');
    expect(intersects(banner, video), 'banner over the video').to.equal(false);
    expect(banner.top).to.be.at.least(video.bottom);
    expect(intersects(banner, rect(root, '[part~="cart-button"]')), 'banner under the cart pill').to.equal(false);
    const title = root.querySelector<HTMLElement>('.product-title')!;
    const lineHeight = parseFloat(getComputedStyle(title).lineHeight);
    expect(Math.round(title.getBoundingClientRect().height / lineHeight), 'title lines').to.equal(2);
    // The height a pasted snippet reserves for it (reserved-box.css), whatever the title.
    expect(banner.height).to.equal(68);
    await expect(el).to.be.accessible();
  });

  it('layout="overlay": the banner over the lower video, clear of the host\'s face and of the controls, covering little', async () => {
    $hasCart.set(true);
    const { el, show } = await showAt(390, [item('long', { title: LONG_TITLE })], 'overlay');
    getShow(show).feature('long');
    await el.updateComplete;
    const root = el.shadowRoot!;
    const banner = rect(root, '[part~="banner"]');
    const video = rect(root, 'pip-player');
    expect(intersects(banner, video), 'banner over the video').to.equal(true);
    // The upper half (a host's face) and the bottom 44 px (the video's controls, Unmute among them) stay clear.
    expect(banner.top, 'below the upper half').to.be.at.least(video.top + video.height / 2);
    expect(banner.bottom, 'above the controls').to.be.at.most(video.bottom - 44);
    expect(intersects(banner, rect(root, '[part~="cart-button"]')), 'banner under the cart pill').to.equal(false);
    expect((banner.width * banner.height) / (video.width * video.height), 'share of the video covered').to.be.below(0.3);
    await expect(el).to.be.accessible();
  });

  it('split: the catalog column shows that it scrolls, and is tall enough for whole cards', async () => {
    const products = Array.from({ length: 8 }, (_, i) => item(`p${i}`));
    const { carousel } = await showAt(1200, products, 'split');
    await until(() => carousel.shadowRoot!.querySelectorAll('[part~="card"]').length === 8, 'the cards');
    const track = carousel.shadowRoot!.querySelector<HTMLElement>('[part~="track"]')!;
    expect(track.scrollHeight).to.be.above(track.clientHeight);
    const style = getComputedStyle(track);
    expect(style.maskImage || (style as unknown as { webkitMaskImage: string }).webkitMaskImage).to.contain('linear-gradient');
    const card = carousel.shadowRoot!.querySelector('[part~="card"]')!.getBoundingClientRect();
    expect(track.clientHeight).to.be.at.least(2 * card.height);
  });

  it('a card without an image keeps its title readable, in the strip and in the split column', async () => {
    for (const [width, layout] of [[390, 'overlay'], [1200, 'split']] as const) {
      const { carousel } = await showAt(width, [item('bare', { image_link: undefined, title: 'Fjord Beanie' })], layout);
      await until(() => carousel.shadowRoot!.querySelector('[part~="card"]'), 'the card');
      const title = carousel.shadowRoot!.querySelector<HTMLElement>('[part~="title"]')!;
      expect(title.getBoundingClientRect().width, `${layout} title width`).to.be.above(100);
      expect(title.scrollWidth).to.be.at.most(title.clientWidth + 1);
      await expect(carousel).to.be.accessible();
    }
  });

  it('arrows only when the strip overflows, and never over a card image', async () => {
    const few = await fixture<ShopCarousel>(html`<shop-carousel style="width: 900px" show=${freshShow()}></shop-carousel>`);
    few.products = [item('a'), item('b')];
    await until(() => few.shadowRoot!.querySelectorAll('[part~="card"]').length === 2, 'two cards');
    await few.updateComplete;
    expect(getComputedStyle(few.shadowRoot!.querySelector('.nav-row')!).visibility).to.equal('hidden');

    const many = await fixture<ShopCarousel>(html`<shop-carousel style="width: 500px" show=${freshShow()}></shop-carousel>`);
    many.products = Array.from({ length: 10 }, (_, i) => item(`m${i}`));
    await until(() => many.shadowRoot!.querySelectorAll('[part~="card"]').length === 10, 'ten cards');
    await until(() => getComputedStyle(many.shadowRoot!.querySelector('.nav-row')!).visibility === 'visible', 'the arrows');
    const images = [...many.shadowRoot!.querySelectorAll('[part~="image"]')].map((i) => i.getBoundingClientRect());
    for (const nav of many.shadowRoot!.querySelectorAll('[part~="nav"]')) {
      const box = nav.getBoundingClientRect();
      expect(images.some((image) => intersects(box, image))).to.equal(false);
    }
    await expect(many).to.be.accessible();
  });
});

describe('language changed at run time', () => {
  it('re-renders every string when lang changes on an ancestor or the element, carousel buttons included', async () => {
    const show = freshShow();
    const wrapper = await fixture(html`<div lang="en"><live-stream show=${show} muted></live-stream></div>`);
    const el = wrapper.querySelector<LiveStream>('live-stream')!;
    el.products = [item('a'), item('b')];
    getShow(show).feature('a');
    await el.updateComplete;
    const carousel = el.shadowRoot!.querySelector<ShopCarousel>('shop-carousel')!;
    const eyebrow = () => el.shadowRoot!.querySelector('.eyebrow')!.textContent;
    const prev = () => carousel.shadowRoot!.querySelector('.prev')!.getAttribute('aria-label');
    const buy = () => carousel.shadowRoot!.querySelector('buy-now-button')!.shadowRoot!.querySelector('button')!.textContent!.trim();
    await until(() => eyebrow() === 'Now showing' && prev() === 'Previous products', 'English');
    wrapper.setAttribute('lang', 'fr');
    await until(() => eyebrow() === 'En ce moment', 'French on the banner');
    await until(() => prev() !== 'Previous products' && buy() !== 'Buy now', 'French in the carousel');
    el.setAttribute('lang', 'de');
    await until(() => eyebrow() !== 'En ce moment' && buy() === 'Jetzt kaufen', 'German, from the element itself');
    await expect(el).to.be.accessible();
  });
});

describe('live shows', () => {
  it('shows no scrubber on a live stream: its duration is Infinity, so native controls show it as live', async () => {
    const el = await fixture<PipPlayer>(html`<pip-player src=${LIVE} controls autoplay muted></pip-player>`);
    await until(() => el.live && el.state === 'playing', 'live playback');
    await el.updateComplete;
    expect(el.video.controls).to.equal(true);
    // A finite duration is what native controls draw as "0:06 / 0:12".
    expect(el.video.duration).to.equal(Infinity);
    await expect(el).to.be.accessible();
  });

  it('keeps the native controls for a video on demand', async () => {
    const el = await fixture<PipPlayer>(
      html`<pip-player src=${REPLAY} controls muted></pip-player>`,
    );
    await until(() => el.video.readyState >= 1, 'metadata');
    await el.updateComplete;
    expect(el.live).to.equal(false);
    expect(el.video.controls).to.equal(true);
    expect(el.video.duration).to.be.within(20, 200);
  });
});
