import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/live-stream.js';
import '../../src/define/buy-now-button.js';
import { validateItems } from '../../src/core/feed.js';
import type { LiveStream } from '../../src/elements/live-stream/live-stream.js';
import { CART_KEY } from '../../src/store/cart.js';
import { linkTargetOf } from '../../src/store/show.js';
import { deepAll, freshShow, getShow, item, loadFrame, nextEvent, recordErrors, spyOpen, until } from '../helpers.js';

const visibleButtons = (root: ParentNode) =>
  deepAll(root, 'buy-now-button').filter((b) => b.shadowRoot?.querySelector('button') && b.getBoundingClientRect().width > 0);

describe('show settings: link-target', () => {
  it('resolves element override, then the show setting, then _blank', async () => {
    const show = freshShow();
    const wrapper = await fixture(html`<div>
      <live-stream show=${show} link-target="_self"></live-stream>
      <buy-now-button show=${show} product="a"></buy-now-button>
      <buy-now-button show=${show} product="a" link-target="_blank"></buy-now-button>
      <buy-now-button show=${freshShow()} product="a"></buy-now-button>
    </div>`);
    const [lone, override, other] = wrapper.querySelectorAll('buy-now-button');
    expect(linkTargetOf(lone)).to.equal('_self');
    expect(linkTargetOf(override)).to.equal('_blank');
    expect(linkTargetOf(other)).to.equal('_blank');
    // The setting goes with the <live-stream>: changed, it follows; removed, the default comes back.
    const stream = wrapper.querySelector('live-stream')!;
    stream.linkTarget = '_blank';
    await stream.updateComplete;
    expect(linkTargetOf(lone)).to.equal('_blank');
    stream.linkTarget = '_self';
    await stream.updateComplete;
    expect(linkTargetOf(lone)).to.equal('_self');
    stream.remove();
    expect(linkTargetOf(lone)).to.equal('_blank');
  });

  it('a lone button outside <live-stream> follows the show into the same tab; an override opens a new tab', async () => {
    sessionStorage.clear();
    const frame = await loadFrame('/test/fixtures/link-target.html');
    try {
      const win = () => frame.contentWindow! as Window & typeof globalThis;
      const inner = (id: string) => win().document.getElementById(id)?.shadowRoot?.querySelector('button');
      await until(() => inner('override') && !inner('override')!.disabled, 'the buttons to know their product');
      // The override opens a new tab (window.open is spied: a real tab would leave the test).
      const { calls: opened } = spyOpen({ target: win() });
      inner('override')!.click();
      expect(opened).to.have.length(1);
      expect(opened[0][1]).to.equal('_blank');
      expect(win().location.pathname).to.equal('/test/fixtures/link-target.html');
      // The lone button takes the show's "_self": this tab goes to the product.
      const left = nextEvent(frame, 'load');
      inner('lone')!.click();
      await left;
      expect(win().location.href).to.match(/\/test\/fixtures\/opened\.html\?from=button$/);
    } finally {
      frame.remove();
    }
  });

  it("the cart view's checkout follows the show's link-target", async () => {
    const frame = await loadFrame('/test/fixtures/link-target.html');
    try {
      const win = frame.contentWindow! as Window & typeof globalThis & { livecart: { configure(o: unknown): void } };
      await until(() => win.livecart?.configure && win.customElements.get('live-stream'), 'livecart in the frame');
      const lines: unknown[] = [];
      win.livecart.configure({
        cart: {
          adapter: 'callback',
          add: async (line: unknown) => void lines.push(line),
          update: async () => {},
          remove: async () => {},
          checkoutUrl: async () => new URL('/test/fixtures/opened.html?from=checkout', location.href).href,
        },
      });
      const stream = win.document.querySelector('live-stream')!;
      const cartButton = () => stream.shadowRoot!.querySelector<HTMLButtonElement>('[part~="cart-button"]');
      // With a cart, the lone button adds to it (no navigation), then the cart checks out.
      const lone = () => win.document.getElementById('lone')?.shadowRoot?.querySelector('button');
      await until(() => lone() && !lone()!.disabled, 'the lone button');
      lone()!.click();
      await until(() => lines.length === 1, 'the line in the cart');
      await until(cartButton, 'the cart button');
      await until(() => win.customElements.get('cart-view'), 'the cart view');
      const view = stream.shadowRoot!.querySelector('cart-view')! as HTMLElement & { updateComplete: Promise<unknown> };
      cartButton()!.click();
      await view.updateComplete;
      const checkout = () => view.shadowRoot!.querySelector<HTMLButtonElement>('[part~="checkout"]');
      await until(checkout, 'the checkout button');
      const { calls: opened } = spyOpen({ target: win });
      const left = nextEvent(frame, 'load');
      checkout()!.click();
      await left;
      expect(opened).to.deep.equal([]);
      expect(frame.contentWindow!.location.href).to.match(/opened\.html\?from=checkout$/);
    } finally {
      frame.remove();
      // The frame's cart is this origin's: leave no line for the next tests.
      localStorage.removeItem(CART_KEY);
    }
  });
});

describe('show settings: watch-only', () => {
  const catalog = () => validateItems([item('a', { title: 'Ember Enamel Mug' }), item('b')]).products;

  it('shopping="off" shows no buy buttons (banner, carousel, outside) and no cart; the banner names the product', async () => {
    const show = freshShow();
    getShow(show).addProducts(catalog());
    getShow(show).feature('a');
    const wrapper = await fixture(html`<div>
      <live-stream show=${show} shopping="off" style="width: 900px"></live-stream>
      <buy-now-button show=${show} product="a"></buy-now-button>
    </div>`);
    const stream = wrapper.querySelector<LiveStream>('live-stream')!;
    await until(() => stream.shadowRoot!.querySelector('shop-carousel')?.shadowRoot?.querySelector('[part~="card"], li'), 'the cards');
    await stream.updateComplete;
    const banner = stream.shadowRoot!.querySelector<HTMLElement>('[part~="banner"]')!;
    expect(banner.hidden).to.equal(false);
    expect(banner.textContent).to.contain('Ember Enamel Mug');
    expect(banner.querySelector('img')!.getAttribute('src')).to.equal('https://shop.example/img/a.svg');
    expect(visibleButtons(wrapper)).to.deep.equal([]);
    expect(stream.shadowRoot!.querySelector('[part~="cart-button"]')).to.equal(null);
    await expect(stream).to.be.accessible();
    // Shopping back on: the buttons come back.
    stream.shopping = 'on';
    await stream.updateComplete;
    await until(() => visibleButtons(wrapper).length >= 3, 'the buy buttons back');
  });

  it('a catalog that cannot be read gives the watch-only show, with its message', async () => {
    const show = freshShow();
    const errors = recordErrors();
    const wrapper = await fixture(html`<div>
      <live-stream show=${show} products="/test/fixtures/feeds/missing.json"></live-stream>
      <buy-now-button show=${show} product="a"></buy-now-button>
    </div>`);
    const stream = wrapper.querySelector<LiveStream>('live-stream')!;
    await until(() => stream.shadowRoot!.querySelector('[part~="message"]'), 'the feed message');
    errors.stop();
    expect(errors.events.map((e) => e.detail.code)).to.include('feed');
    // A product arriving from elsewhere (a cue, another element's feed) is named, not sold.
    getShow(show).addProducts(catalog());
    getShow(show).feature('a');
    await stream.updateComplete;
    expect(stream.shadowRoot!.querySelector('[part~="banner"]')!.textContent).to.contain('Ember Enamel Mug');
    expect(getShow(show).$settings.get().shopping).to.equal(false);
    expect(visibleButtons(wrapper)).to.deep.equal([]);
    expect(stream.shadowRoot!.querySelector('[part~="cart-button"]')).to.equal(null);
  });
});
