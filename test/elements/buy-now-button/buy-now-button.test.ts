import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/buy-now-button.js';
import '../../../src/define/pip-player.js';
import type { BuyNowButton } from '../../../src/elements/buy-now-button/buy-now-button.js';
import type { PipPlayer } from '../../../src/elements/pip-player/pip-player.js';
import { openLink } from '../../../src/actions/open-link.js';
import {
  buyButtonOf as inner,
  getShow,
  item,
  nextEvent,
  playerWithBuyButton,
  realClick,
  recordErrors,
  REPLAY,
  resetCart,
  showWith,
  spyOpen,
  until,
} from '../../helpers.js';
import { validateItems } from '../../../src/core/feed.js';
import { callbackAdapter } from '../../../src/adapters/callback.js';
import type { CartLine } from '../../../src/adapters/types.js';
import { $cart } from '../../../src/store/cart.js';
import { configure } from '../../../src/store/config.js';

describe('<buy-now-button>', () => {
  it('is accessible and labelled with the product', async () => {
    const show = showWith(item('a', { title: 'Ember Enamel Mug' }));
    const el = await fixture<BuyNowButton>(html`<buy-now-button show=${show} product="a"></buy-now-button>`);
    await expect(el).to.be.accessible();
    expect(inner(el).textContent!.trim()).to.equal('Buy now');
    expect(inner(el).getAttribute('aria-label')).to.equal('Buy now: Ember Enamel Mug');
    expect(inner(el).disabled).to.equal(false);
    // Defaults are properties, not attributes a framework did not write (hydration-safe).
    expect([el.quantity, el.action]).to.deep.equal([1, 'auto']);
    expect(el.hasAttribute('quantity') || el.hasAttribute('action')).to.equal(false);
  });

  it('is disabled and says so for an out-of-stock product, and for one the show does not know yet', async () => {
    const show = showWith(item('gone', { availability: 'out_of_stock' }));
    const el = await fixture<BuyNowButton>(html`<buy-now-button show=${show} product="gone"></buy-now-button>`);
    expect(inner(el).disabled).to.equal(true);
    expect(inner(el).textContent!.trim()).to.equal('Sold out');
    await expect(el).to.be.accessible();
    el.product = 'later';
    await el.updateComplete;
    expect(inner(el).disabled).to.equal(true);
    expect(inner(el).textContent!.trim()).to.equal('Unavailable');
    // A lone button finds its product once any element of its show has loaded the feed.
    getShow(show).addProducts(validateItems([item('later')]).products);
    await el.updateComplete;
    expect(inner(el).disabled).to.equal(false);
  });

  it('dispatches a cancelable livecart-add-to-cart, then opens the link in a new tab with noopener', async () => {
    const show = showWith(item('a'));
    const el = await fixture<BuyNowButton>(html`<buy-now-button show=${show} product="a" quantity="2"></buy-now-button>`);
    let event!: CustomEvent;
    document.addEventListener('livecart-add-to-cart', (e) => (event = e), { once: true });
    const calls = await spyOpen(async () => inner(el).click());
    expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
    expect(event.detail.show).to.equal(show);
    expect(event.detail.quantity).to.equal(2);
    expect(event.detail.product).to.include({ id: 'a', link: 'https://shop.example/p/a' });
    expect(calls).to.deep.equal([['https://shop.example/p/a', '_blank', 'noopener']]);
  });

  it('opens nothing when the event is cancelled', async () => {
    const show = showWith(item('a'));
    const el = await fixture<BuyNowButton>(html`<buy-now-button show=${show} product="a"></buy-now-button>`);
    const cancel = (e: Event) => e.preventDefault();
    document.addEventListener('livecart-add-to-cart', cancel);
    const calls = await spyOpen(async () => inner(el).click());
    document.removeEventListener('livecart-add-to-cart', cancel);
    expect(calls).to.deep.equal([]);
  });

  it('never follows a javascript: link: the product is unlinkable, its button disabled and says why', async () => {
    // The feed drops such a link; a product without one cannot be opened.
    const show = showWith(item('js', { link: 'javascript:alert(1)' }));
    const el = await fixture<BuyNowButton>(html`<buy-now-button show=${show} product="js"></buy-now-button>`);
    expect(inner(el).disabled).to.equal(true);
    expect(inner(el).textContent!.trim()).to.equal('No shop link');
    const added: Event[] = [];
    const onAdd = (e: Event) => added.push(e);
    document.addEventListener('livecart-add-to-cart', onAdd);
    const calls = await spyOpen(async () => inner(el).click());
    document.removeEventListener('livecart-add-to-cart', onAdd);
    expect(calls).to.deep.equal([]);
    expect(added).to.deep.equal([]);
    // And the last line of defence refuses it too.
    const direct = await spyOpen(async () => void expect(openLink('javascript:alert(1)')).to.equal(false));
    expect(direct).to.deep.equal([]);
  });

  it('reports the cart actions as needing a cart adapter', async () => {
    const show = showWith(item('a'));
    const el = await fixture<BuyNowButton>(html`<buy-now-button show=${show} product="a" action="cart"></buy-now-button>`);
    const errors = recordErrors();
    const calls = await spyOpen(async () => inner(el).click());
    errors.stop();
    expect(calls).to.deep.equal([]);
    expect(errors.events[0].detail).to.include({ code: 'cart' });
  });

  describe('a real click', () => {
    let channel: BroadcastChannel;
    beforeEach(() => (channel = new BroadcastChannel('livecart-test')));
    afterEach(async () => {
      channel.close();
      (window as unknown as { documentPictureInPicture?: { window: Window | null } }).documentPictureInPicture?.window?.close();
    });

    async function playingShow() {
      const link = new URL('/test/fixtures/opened.html?product=ember-mug', location.href).href;
      const show = showWith(item('ember-mug', { link }));
      const { player, buyNow } = await playerWithBuyButton(show, REPLAY, 'ember-mug');
      return { show, link, player, button: buyNow };
    }

    it('opens the product page and puts the show in picture-in-picture, in one gesture', async () => {
      const { show, link, player, button } = await playingShow();
      const opened = new Promise<MessageEvent>((resolve) => (channel.onmessage = resolve));
      const pipChange = nextEvent<CustomEvent>(player, 'livecart-pip-change');
      await realClick(inner(button));
      expect((await opened).data).to.deep.equal({ href: link, noopener: true });
      // Chromium has Document PiP, the best rung (test/elements/pip-player/pip-ladder.test.ts has them all).
      expect((await pipChange).detail).to.deep.equal({ show, mode: 'document' });
      const pipWindow = (window as unknown as { documentPictureInPicture: { window: Window } }).documentPictureInPicture.window;
      expect(pipWindow.document.querySelector('video')).to.equal(player.video);
      await player.updateComplete;
      expect(player.getAttribute('pip-mode')).to.equal('document');
      expect(getShow(show).$player.get().pipMode).to.equal('document');

      const back = nextEvent<CustomEvent>(player, 'livecart-pip-change');
      await player.exitPip();
      expect((await back).detail.mode).to.equal('inline');
      expect(player.pipMode).to.equal('inline');
    });

    it('opens nothing and stays inline when the event is cancelled', async () => {
      const { player, button } = await playingShow();
      let opened = false;
      channel.onmessage = () => (opened = true);
      const cancel = (e: Event) => e.preventDefault();
      document.addEventListener('livecart-add-to-cart', cancel);
      await realClick(inner(button));
      document.removeEventListener('livecart-add-to-cart', cancel);
      await new Promise((r) => setTimeout(r, 1000));
      expect(opened).to.equal(false);
      expect(document.pictureInPictureElement).to.equal(null);
      expect((window as unknown as { documentPictureInPicture: { window: Window | null } }).documentPictureInPicture.window).to.equal(null);
      expect(player.pipMode).to.equal('inline');
    });
  });
});

describe('<buy-now-button> with a cart', () => {
  afterEach(() => resetCart());

  /** A callback cart whose add the test settles by hand. */
  function manualCart() {
    const pending: { resolve: () => void; reject: (e: Error) => void; line: CartLine }[] = [];
    configure({
      cart: callbackAdapter({
        add: (line) => new Promise<void>((resolve, reject) => pending.push({ resolve, reject, line })),
        checkoutUrl: (cart) => `https://shop.example/checkout?n=${cart.lines.length}`,
      }),
    });
    return pending;
  }

  it('adds to the cart with action auto once a cart is configured, saying pending then added', async () => {
    const pending = manualCart();
    const show = showWith(item('a', { title: 'Ember Enamel Mug', price: '24.00 EUR', sale_price: '19.00 EUR' }));
    const el = await fixture<BuyNowButton>(html`<buy-now-button show=${show} product="a" quantity="2"></buy-now-button>`);
    const calls = await spyOpen(async () => inner(el).click());
    expect(calls).to.deep.equal([]);
    await el.updateComplete;
    expect(el.state).to.equal('pending');
    expect(el.getAttribute('state')).to.equal('pending');
    expect(inner(el).getAttribute('aria-busy')).to.equal('true');
    expect(inner(el).getAttribute('aria-label')).to.equal('Adding…: Ember Enamel Mug');
    await expect(el).to.be.accessible();
    // The add reaches the cart through its queue: wait for it, then a second click while
    // pending adds nothing more.
    await until(() => pending.length === 1, 'the add to reach the cart');
    inner(el).click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pending).to.have.length(1);
    expect(pending[0].line).to.deep.include({ id: 'a', product: 'a', quantity: 2, price: { value: 19, currency: 'EUR' } });
    pending[0].resolve();
    await until(() => el.state === 'added', 'the added state');
    await el.updateComplete;
    expect(inner(el).getAttribute('aria-label')).to.equal('Added: Ember Enamel Mug');
    expect($cart.get().lines.map((l) => [l.id, l.quantity])).to.deep.equal([['a', 2]]);
  });

  it('shows an error, reports it and rolls the cart back when the adapter fails', async () => {
    const pending = manualCart();
    const show = showWith(item('a'), item('b'));
    const a = await fixture<BuyNowButton>(html`<buy-now-button show=${show} product="a" action="cart"></buy-now-button>`);
    const b = await fixture<BuyNowButton>(html`<buy-now-button show=${show} product="b" action="cart"></buy-now-button>`);
    inner(a).click();
    await until(() => pending.length === 1, 'the add of a');
    pending[0].resolve();
    await until(() => a.state === 'added', 'a to be added');
    const errors = recordErrors();
    inner(b).click();
    expect($cart.get().lines.map((l) => l.id)).to.deep.equal(['a', 'b']);
    await until(() => pending.length === 2, 'the add of b');
    pending[1].reject(new Error('the warehouse said no'));
    await until(() => b.state === 'error', 'the error state');
    errors.stop();
    await b.updateComplete;
    expect(inner(b).getAttribute('aria-label')).to.equal('Not added, try again: Product b');
    expect(errors.events[0].detail).to.include({ show, code: 'cart' });
    expect(errors.events[0].detail.message).to.match(/warehouse said no/);
    expect($cart.get().lines.map((l) => l.id)).to.deep.equal(['a']);
    expect(errors.uncaught).to.deep.equal([]);
  });

  it('adds the first variant in stock unless one is chosen', async () => {
    const pending = manualCart();
    const show = showWith(item('tee', { variants: [{ id: 'tee-s', title: 'S', availability: 'out_of_stock' }, { id: 'tee-m', title: 'M' }] }));
    const el = await fixture<BuyNowButton>(html`<buy-now-button show=${show} product="tee"></buy-now-button>`);
    inner(el).click();
    await until(() => pending.length === 1, 'the add');
    pending[0].resolve();
    expect(pending[0].line.id).to.equal('tee-m');
  });

  it('ends the added state when it leaves the page (its timer is released)', async () => {
    const pending = manualCart();
    const show = showWith(item('a'));
    const el = await fixture<BuyNowButton>(html`<buy-now-button show=${show} product="a"></buy-now-button>`);
    inner(el).click();
    await until(() => pending.length === 1, 'the add');
    pending[0].resolve();
    await until(() => el.state === 'added', 'the added state');
    const parent = el.parentElement!;
    el.remove();
    expect(el.state).to.equal('idle');
    parent.append(el);
    await el.updateComplete;
    expect(inner(el).textContent!.trim()).to.equal('Buy now');
  });

  it('adds the chosen variant', async () => {
    const pending = manualCart();
    const variants = [
      { id: 'v-m', title: 'M', price: '49.00 EUR' },
      { id: 'v-l', title: 'L', price: '59.00 EUR' },
    ];
    const show = showWith(item('tee', { price: '49.00 EUR', variants }));
    const el = await fixture<BuyNowButton>(html`<buy-now-button show=${show} product="tee" variant="v-l"></buy-now-button>`);
    inner(el).click();
    await until(() => pending.length === 1, 'the add');
    pending[0].resolve();
    expect(pending[0].line).to.deep.include({ id: 'v-l', product: 'tee', variant_title: 'L', price: { value: 59, currency: 'EUR' } });
  });

  it('checkout adds, then dispatches a cancelable livecart-checkout; cancelled, the tab it opened closes', async () => {
    const pending = manualCart();
    const show = showWith(item('a'));
    const el = await fixture<BuyNowButton>(html`<buy-now-button show=${show} product="a" action="checkout"></buy-now-button>`);
    const tab = { opener: {} as unknown, closed: false, replaced: '', close() { this.closed = true; }, location: { replace: (u: string) => (tab.replaced = u) } };
    const { calls: opened, restore } = spyOpen({ answer: tab as unknown as Window });
    let checkout!: CustomEvent;
    const cancel = (e: Event) => ((checkout = e as CustomEvent), e.preventDefault());
    document.addEventListener('livecart-checkout', cancel);
    try {
      inner(el).click();
      // The tab opens inside the click, before the cart has answered, and loses its opener.
      expect(opened).to.deep.equal([['', '_blank']]);
      expect(tab.opener).to.equal(null);
      await until(() => pending.length === 1, 'the add');
      pending[0].resolve();
      await until(() => checkout, 'livecart-checkout');
    } finally {
      restore();
      document.removeEventListener('livecart-checkout', cancel);
    }
    expect(checkout.cancelable && checkout.bubbles && checkout.composed).to.equal(true);
    expect(checkout.detail.url).to.equal('https://shop.example/checkout?n=1');
    expect(checkout.detail.cart.lines[0].id).to.equal('a');
    await until(() => tab.closed, 'the tab to close');
    expect(tab.replaced).to.equal('');
  });

  it('checkout closes its tab and keeps the cart as it was when the add fails', async () => {
    const pending = manualCart();
    const show = showWith(item('a'));
    const el = await fixture<BuyNowButton>(html`<buy-now-button show=${show} product="a" action="checkout"></buy-now-button>`);
    const tab = { opener: {}, closed: false, close() { this.closed = true; }, location: { replace: () => expect.fail('navigated') } };
    const open = spyOpen({ answer: tab as unknown as Window });
    const errors = recordErrors();
    try {
      inner(el).click();
      await until(() => pending.length === 1, 'the add');
      pending[0].reject(new Error('nope'));
      await until(() => tab.closed, 'the tab to close');
    } finally {
      open.restore();
      errors.stop();
    }
    expect($cart.get().lines).to.deep.equal([]);
    expect(errors.events[0].detail.code).to.equal('cart');
  });

  describe('a real click on checkout', () => {
    let channel: BroadcastChannel;
    beforeEach(() => (channel = new BroadcastChannel('livecart-test')));
    afterEach(async () => {
      channel.close();
      (window as unknown as { documentPictureInPicture?: { window: Window | null } }).documentPictureInPicture?.window?.close();
    });

    it('asks for picture-in-picture first, then opens the checkout in a new tab without opener', async () => {
      const template = new URL('/test/fixtures/opened.html?cart={lines}', location.href).href;
      configure({ cart: { adapter: 'permalink', template } });
      const show = showWith(item('ember-mug'));
      const root = await fixture(html`<div>
        <pip-player show=${show} src=${REPLAY} muted autoplay></pip-player>
        <buy-now-button show=${show} product="ember-mug" action="checkout" quantity="2"></buy-now-button>
      </div>`);
      const player = root.querySelector('pip-player') as PipPlayer;
      await until(() => player.state === 'playing', 'the show to play');
      const opened = new Promise<MessageEvent>((resolve) => (channel.onmessage = resolve));
      const pipChange = nextEvent<CustomEvent>(player, 'livecart-pip-change');
      await realClick(inner(root.querySelector('buy-now-button') as BuyNowButton));
      // Chromium's best rung: Document PiP.
      expect((await pipChange).detail).to.deep.equal({ show, mode: 'document' });
      expect((await opened).data).to.deep.equal({ href: template.replace('{lines}', 'ember-mug:2'), noopener: true });
      await player.exitPip();
    });
  });
});
