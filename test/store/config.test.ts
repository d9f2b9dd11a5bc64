import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/buy-now-button.js';
import { callbackAdapter } from '../../src/adapters/callback.js';
import { beginCheckout } from '../../src/actions/checkout.js';
import type { BuyNowButton } from '../../src/elements/buy-now-button/buy-now-button.js';
import { installGlobal } from '../../src/global.js';
import { $cart, $hasCart, addToCart, checkoutUrl, syncCart } from '../../src/store/cart.js';
import { configure, type AnalyticsEvent } from '../../src/store/config.js';
import { getShow, item, recordErrors, resetCart, showWith, spyConsole, until } from '../helpers.js';

type Layer = { dataLayer?: unknown[] };

/** Runs `run` with console.warn silenced. */
const warnings = (run: () => unknown) => spyConsole('warn', run);
const layer = () => ((window as unknown as Layer).dataLayer ??= []);

async function reset() {
  await resetCart({ analytics: null, linkDecorator: undefined, currency: undefined });
  delete (window as unknown as Layer).dataLayer;
}

describe('configure', () => {
  beforeEach(reset);
  after(reset);

  it('pushes GA4 e-commerce events to dataLayer: view_item, add_to_cart, begin_checkout; no cookie, no request', async () => {
    configure({ analytics: 'dataLayer', cart: callbackAdapter({ checkoutUrl: () => 'https://shop.example/checkout' }) });
    const cookies = document.cookie;
    // livecart's own analytics module loads on demand; after it, nothing may be fetched.
    await import('../../src/actions/analytics.js');
    // Requests other than livecart's own code (the checkout's chunk loads with the click).
    const sent = () => performance.getEntriesByType('resource').filter((entry) => !/\.[jt]s$/.test(new URL(entry.name).pathname)).length;
    const requests = sent();
    const show = showWith(item('mug', { title: 'Ember Mug', brand: 'Fjellvik', price: '24.00 EUR', sale_price: '19.00 EUR' }));
    getShow(show).feature('mug');
    await until(() => layer().length === 2, 'view_item');
    expect(layer().slice(-2)).to.deep.equal([
      { ecommerce: null },
      {
        event: 'view_item',
        ecommerce: { currency: 'EUR', value: 19, items: [{ item_id: 'mug', item_name: 'Ember Mug', item_brand: 'Fjellvik', price: 19, quantity: 1 }] },
      },
    ]);

    const button = await fixture<BuyNowButton>(html`<buy-now-button show=${show} product="mug" quantity="3"></buy-now-button>`);
    button.shadowRoot!.querySelector('button')!.click();
    await until(() => button.state === 'added' && layer().length === 4, 'add_to_cart');
    expect(layer().at(-1)).to.deep.equal({
      event: 'add_to_cart',
      ecommerce: { currency: 'EUR', value: 57, items: [{ item_id: 'mug', item_name: 'Ember Mug', item_brand: 'Fjellvik', price: 19, quantity: 3 }] },
    });

    const original = window.open;
    window.open = () => null;
    try {
      await beginCheckout(button, null, '_blank');
    } finally {
      window.open = original;
    }
    await until(() => layer().length === 6, 'begin_checkout');
    expect(layer().at(-1)).to.deep.equal({
      event: 'begin_checkout',
      ecommerce: { currency: 'EUR', value: 57, items: [{ item_id: 'mug', item_name: 'Ember Mug', price: 19, quantity: 3 }] },
    });
    expect(document.cookie).to.equal(cookies);
    expect(sent()).to.equal(requests);
  });

  it('counts a view_item though the page stops the show\'s event on its way up', async () => {
    const seen: AnalyticsEvent[] = [];
    configure({ analytics: (e) => void seen.push(e) });
    const show = showWith(item('a'));
    // The show's events come from its elements: here, its one buy button.
    await fixture(html`<div @livecart-featured-change=${(e: Event) => e.stopPropagation()}>
      <buy-now-button show=${show} product="a"></buy-now-button>
    </div>`);
    getShow(show).feature('a');
    await until(() => seen.length, 'view_item');
    expect(seen.map((e) => [e.event, e.ecommerce.items[0].item_id])).to.deep.equal([['view_item', 'a']]);
  });

  it('hands the events to a function instead, and survives one that throws', async () => {
    const seen: AnalyticsEvent[] = [];
    configure({ analytics: (e) => void seen.push(e) });
    const show = showWith(item('a'), item('b'));
    getShow(show).feature('a');
    await until(() => seen.length, 'view_item');
    expect(seen.map((e) => [e.event, e.ecommerce.items[0].item_id])).to.deep.equal([['view_item', 'a']]);
    expect(layer()).to.deep.equal([]);
    configure({
      analytics: () => {
        throw new Error('broken tag');
      },
    });
    const { calls: warned, restore } = spyConsole('warn');
    const errors = recordErrors();
    try {
      expect(() => getShow(show).feature('b')).not.to.throw();
      await until(() => warned.length, 'the warning');
    } finally {
      restore();
      errors.stop();
    }
    expect(String(warned[0][0])).to.match(/analytics callback failed/);
    expect(errors.uncaught).to.deep.equal([]);
  });

  it('pushes nothing without analytics configured', async () => {
    const show = showWith(item('a'));
    getShow(show).feature('a');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as unknown as Layer).dataLayer).to.equal(undefined);
  });

  it('decorates product links, and still refuses one the decorator turns into javascript:', async () => {
    const show = showWith(item('a'));
    const el = await fixture<BuyNowButton>(html`<buy-now-button show=${show} product="a"></buy-now-button>`);
    const opened: unknown[][] = [];
    const original = window.open;
    window.open = (...args: unknown[]) => (opened.push(args), null);
    const errors = recordErrors();
    try {
      configure({ linkDecorator: (url, product) => `${url}?utm_source=livecart&utm_content=${product.id}` });
      el.shadowRoot!.querySelector('button')!.click();
      configure({ linkDecorator: () => 'javascript:alert(1)' });
      el.shadowRoot!.querySelector('button')!.click();
      await null; // a refused buy is reported when its promise settles
    } finally {
      window.open = original;
      errors.stop();
    }
    expect(opened).to.deep.equal([['https://shop.example/p/a?utm_source=livecart&utm_content=a', '_blank', 'noopener']]);
    expect(errors.events[0].detail.code).to.equal('cart');
  });

  it('rolls back the first add when a described adapter cannot be built (a permalink without a template)', async () => {
    await warnings(async () => {
      configure({ cart: { adapter: 'permalink' } });
      await syncCart().catch(() => undefined);
    });
    const error = await addToCart({ id: 'a', product: 'a', title: 'A', price: { value: 1, currency: 'EUR' }, quantity: 1 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as Error).message).to.match(/permalink template .* needs \{lines\}/);
    expect($cart.get().lines).to.deep.equal([]);
  });

  it('takes a bare adapter object with just the five functions', async () => {
    const added: string[] = [];
    configure({
      cart: {
        add: async (line) => void added.push(line.id),
        update: async () => undefined,
        remove: async () => undefined,
        get: async () => null,
        checkoutUrl: async () => 'https://shop.example/pay',
      },
    });
    expect($hasCart.get()).to.equal(true);
    await addToCart({ id: 'a', product: 'a', title: 'A', price: { value: 1, currency: 'EUR' }, quantity: 1 });
    expect(added).to.deep.equal(['a']);
    expect(await checkoutUrl()).to.equal('https://shop.example/pay');
  });

  it('refuses an unknown adapter name', () => {
    expect(() => configure({ cart: { adapter: 'magento' } as never })).to.throw(TypeError, /unknown cart adapter "magento"/);
    expect(() => configure({ cart: { adapter: 'toString' } as never })).to.throw(TypeError, /unknown cart adapter "toString"/);
  });

  it('replays what a script-tag page queued before livecart loaded, then answers directly', async () => {
    const w = window as unknown as { livecart?: { q?: unknown[]; configure: (o: unknown) => void } };
    const saved = w.livecart;
    // The stub of docs/javascript.md, as a page pastes it.
    w.livecart = {
      configure: function (this: { q?: unknown[] }) {
        // eslint-disable-next-line prefer-rest-params
        (this.q = this.q || []).push(arguments);
      },
    };
    w.livecart.configure({ cart: { adapter: 'permalink', template: 'https://shop.example/cart/{lines}' } });
    w.livecart.configure({ analytics: 'dataLayer' });
    expect($hasCart.get()).to.equal(false);
    try {
      installGlobal();
      expect($hasCart.get()).to.equal(true);
      $cart.set({ lines: [{ id: '7', product: '7', title: 'x', price: { value: 1, currency: 'EUR' }, quantity: 2 }] });
      expect(await checkoutUrl()).to.equal('https://shop.example/cart/7:2');
      w.livecart.configure({ cart: { adapter: 'link' } });
      expect($hasCart.get()).to.equal(false);
    } finally {
      w.livecart = saved;
    }
  });
});
