import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/cart-view.js';
import type { CartView } from '../../src/elements/cart-view/cart-view.js';
import { permalinkAdapter } from '../../src/adapters/permalink.js';
import { beginCheckout } from '../../src/actions/checkout.js';
import { callbackAdapter } from '../../src/adapters/callback.js';
import { cartLineFor, type CartLine } from '../../src/core/cart-lines.js';
import {
  $cart,
  $cartPageOnly,
  addToCart,
  CART_KEY,
  checkoutUrl,
  MAX_LINES,
  MAX_QUANTITY,
  subtotals,
} from '../../src/store/cart.js';
import { configure, type AnalyticsEvent } from '../../src/store/config.js';
import { executeServerCommand } from '@web/test-runner-commands';
import { setStorageEngine } from '../../src/platform/storage.js';
import { expectNoLongTask } from './long-tasks.js';
import { cartLine, freshShow, getShow, item, loadFrame, nextEvent, resetCart, until } from '../helpers.js';

type CartModule = typeof import('../../src/store/cart.js');

/** A second copy of the store, as the next page load would evaluate it. */
const freshStore = async (): Promise<CartModule> => import(`../../src/store/cart.ts?load=${Math.random()}`);

async function reset() {
  setStorageEngine('local', undefined);
  await resetCart();
  localStorage.clear();
}

/** localStorage as a browser with a full quota has it: reads work, writes that `refuses` throw. */
function fullStorage(refuses: (value: string) => boolean = () => true): Storage {
  return new Proxy(localStorage, {
    get(target, key) {
      if (key === 'setItem') {
        return (k: string, v: string) => {
          if (refuses(v)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          target.setItem(k, v);
        };
      }
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('abuse: the stored cart', () => {
  beforeEach(reset);
  after(reset);

  it('a stored line with a 150,000-space price loads fast, and is dropped from storage for good', async () => {
    const bad = { ...cartLine('bad'), price: `1${' '.repeat(150_000)}x` };
    localStorage.setItem(CART_KEY, JSON.stringify({ lines: [cartLine('ok'), bad] }));
    // Measured as the page's longest task (Chromium), never a wall-clock time: quadratic
    // reading was seconds. Loaded once more per try, from the same stored value.
    let store!: CartModule;
    await expectNoLongTask('a 150,000-space stored price', async () => {
      localStorage.setItem(CART_KEY, JSON.stringify({ lines: [cartLine('ok'), bad] }));
      store = await freshStore();
    });
    expect(store.$cart.get().lines.map((l) => l.id)).to.deep.equal(['ok']);
    // Rewritten: the next load does not meet it again.
    expect(localStorage.getItem(CART_KEY)).to.not.contain('bad');
  });

  it('60,000 stored lines: read in a blink, capped to the line limit, rewritten', async () => {
    // Short lines, so 60,000 fit in the quota.
    const lines = Array.from({ length: 60_000 }, (_, i) => ({ id: `p${i}`, title: 't', price: '1 EUR', quantity: 1 }));
    const stored = JSON.stringify({ lines });
    let store!: CartModule;
    await expectNoLongTask('60,000 stored lines', async () => {
      localStorage.setItem(CART_KEY, stored);
      store = await freshStore();
    });
    expect(store.$cart.get().lines).to.have.length(MAX_LINES);
    expect(JSON.parse(localStorage.getItem(CART_KEY)!).lines).to.have.length(MAX_LINES);
  });

  it('a 4.5-million-character title and a quantity of 1e21 are clipped and clamped; the checkout URL stays an integer', async () => {
    const line = { ...cartLine('big'), title: 'x'.repeat(4_500_000), variant_title: 'y'.repeat(1000), quantity: 1e21 };
    localStorage.setItem(CART_KEY, JSON.stringify({ lines: [line] }));
    const store = await freshStore();
    const [read] = store.$cart.get().lines;
    expect(read.title.length).to.be.at.most(301);
    expect(read.variant_title!.length).to.be.at.most(301);
    expect(read.quantity).to.equal(MAX_QUANTITY);
    // This page's store: adds clamp too, and so does the checkout URL.
    localStorage.clear();
    configure({ cart: permalinkAdapter({ template: 'https://shop.example/cart/{lines}' }) });
    await addToCart(cartLine('q', { quantity: 1e21 }));
    await addToCart(cartLine('q', { quantity: 50 }));
    expect($cart.get().lines[0].quantity).to.equal(MAX_QUANTITY);
    expect(await checkoutUrl()).to.equal(`https://shop.example/cart/q:${MAX_QUANTITY}`);
  });

  it(`refuses the ${MAX_LINES + 1}th line with a CartError, keeping the rest`, async () => {
    $cart.set({ lines: Array.from({ length: MAX_LINES }, (_, i) => cartLine(`p${i}`)) });
    configure({ cart: permalinkAdapter({ template: 'https://shop.example/cart/{lines}' }) });
    let refused: unknown;
    await addToCart(cartLine('one-more')).catch((error: unknown) => (refused = error));
    expect(String(refused)).to.match(/full/);
    expect($cart.get().lines).to.have.length(MAX_LINES);
    await addToCart(cartLine('p0'));
    expect($cart.get().lines[0].quantity).to.equal(2);
  });

  it('shows the feed’s current price, not a stored 0.01, for a product the feed knows', async () => {
    const jacket = item('jacket', { price: '149.00 EUR' });
    localStorage.setItem(CART_KEY, JSON.stringify({ lines: [cartLine('jacket', { price: { value: 0.01, currency: 'EUR' } }), cartLine('unknown')] }));
    window.dispatchEvent(new StorageEvent('storage', { key: CART_KEY }));
    expect(subtotals($cart.get())).to.deep.equal([{ value: 10.01, currency: 'EUR' }]);
    const show = freshShow();
    getShow(show).addProducts([{ ...jacket, price: { value: 149, currency: 'EUR' }, availability: 'in_stock' } as never]);
    const el = await fixture<CartView>(html`<cart-view show=${show} open></cart-view>`);
    const subtotal = () => el.shadowRoot!.querySelector('[part~="subtotal"]')?.textContent ?? '';
    expect(subtotal()).to.match(/159\.00/);
    expect(el.shadowRoot!.querySelector('[data-id="jacket"]')?.textContent).to.match(/149\.00/);
    // The feed changes its price: the view follows.
    getShow(show).addProducts([{ ...jacket, price: { value: 99, currency: 'EUR' }, availability: 'in_stock' } as never]);
    await el.updateComplete;
    expect(subtotal()).to.match(/109\.00/);
  });

  it('checks out at the feed’s price: GA4 begin_checkout and livecart-checkout never carry a stored one (L5)', async () => {
    const seen: AnalyticsEvent[] = [];
    configure({ analytics: (e) => void seen.push(e), cart: callbackAdapter({ checkoutUrl: () => 'https://shop.example/checkout' }) });
    localStorage.setItem(CART_KEY, JSON.stringify({ lines: [cartLine('jacket', { title: 'Edited', price: { value: 1.99, currency: 'EUR' } })] }));
    window.dispatchEvent(new StorageEvent('storage', { key: CART_KEY }));
    const show = freshShow();
    getShow(show).addProducts([{ ...item('jacket', { title: 'Aurora Jacket' }), price: { value: 991, currency: 'EUR' }, availability: 'in_stock' } as never]);
    const el = await fixture<CartView>(html`<cart-view show=${show} open></cart-view>`);
    expect(el.shadowRoot!.querySelector('[data-id="jacket"]')!.textContent).to.match(/Aurora Jacket[\s\S]*991\.00/);
    const checkout = nextEvent<CustomEvent>(document, 'livecart-checkout');
    const original = window.open;
    window.open = () => ({ opener: null, close() {}, location: { replace() {} } }) as unknown as Window;
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="checkout"]')!.click();
      const { detail } = await checkout;
      expect(detail.cart.lines.map((l: CartLine) => [l.title, l.price.value])).to.deep.equal([['Aurora Jacket', 991]]);
      await until(() => seen.some((e) => e.event === 'begin_checkout'), 'begin_checkout');
    } finally {
      window.open = original;
      configure({ analytics: null });
    }
    const begin = seen.find((e) => e.event === 'begin_checkout')!;
    expect(begin.ecommerce.value).to.equal(991);
    expect(begin.ecommerce.items[0].price).to.equal(991);
  });

  it('a line whose id the feed does not list for its product is no longer available: no price, no subtotal, no checkout until removed (L5)', async () => {
    configure({ cart: callbackAdapter({ checkoutUrl: () => 'https://shop.example/checkout' }) });
    localStorage.setItem(CART_KEY, JSON.stringify({ lines: [cartLine('ghost', { product: 'jacket', title: 'Stored', price: { value: 0, currency: 'EUR' } }), cartLine('mug')] }));
    window.dispatchEvent(new StorageEvent('storage', { key: CART_KEY }));
    const show = freshShow();
    getShow(show).addProducts([
      { ...item('jacket', { title: 'Aurora Jacket' }), price: { value: 149, currency: 'EUR' }, availability: 'in_stock' } as never,
      { ...item('mug'), price: { value: 10, currency: 'EUR' }, availability: 'in_stock' } as never,
    ]);
    const el = await fixture<CartView>(html`<cart-view show=${show} open></cart-view>`);
    const ghost = el.shadowRoot!.querySelector('[data-id="ghost"]')!;
    expect(ghost.textContent).to.contain('No longer available');
    expect(ghost.textContent).not.to.contain('0.00');
    expect(el.shadowRoot!.querySelector('[part~="subtotal"]')!.textContent).to.match(/10\.00/);
    const checkoutButton = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="checkout"]')!;
    expect(checkoutButton().disabled).to.equal(true);
    expect(el.shadowRoot!.textContent).to.contain('Remove what is no longer available to check out.');
    // Called anyway (a page's own button): refused, with the reason.
    const refused = await beginCheckout(el, getShow(show), '_self').catch((e: Error) => e);
    expect(String(refused)).to.contain('Aurora Jacket is no longer available');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-id="ghost"] [part~="remove"]')!.click();
    await until(() => !checkoutButton().disabled, 'the checkout, once it is removed');
  });
});

describe('abuse: storage refuses the cart', () => {
  beforeEach(reset);
  after(reset);

  it('reports it once (livecart-error, cart), keeps the adds, and the cart view says it is for this page only', async () => {
    localStorage.setItem(CART_KEY, JSON.stringify({ lines: [cartLine('old')] }));
    window.dispatchEvent(new StorageEvent('storage', { key: CART_KEY }));
    setStorageEngine('local', fullStorage());
    configure({ cart: permalinkAdapter({ template: 'https://shop.example/cart/{lines}' }) });
    const reported = nextEvent<CustomEvent>(document, 'livecart-error');
    await addToCart(cartLine('new'));
    const { detail } = await reported;
    expect(detail.code).to.equal('cart');
    expect(detail.message).to.match(/this page only/);
    expect($cartPageOnly.get()).to.equal(true);
    // Later adds build on this page's cart, not on the stale stored one.
    await addToCart(cartLine('newer'));
    expect($cart.get().lines.map((l) => l.id)).to.deep.equal(['old', 'new', 'newer']);
    const el = await fixture<CartView>(html`<cart-view open></cart-view>`);
    expect(el.shadowRoot!.querySelector('[data-page-only]')?.textContent).to.match(/this page only/);
    await expect(el).to.be.accessible();
    // Storage back: the cart is stored again and the notice goes.
    setStorageEngine('local', undefined);
    await addToCart(cartLine('new'));
    expect(JSON.parse(localStorage.getItem(CART_KEY)!).lines.map((l: { id: string }) => l.id)).to.deep.equal(['old', 'new', 'newer']);
    expect($cartPageOnly.get()).to.equal(false);
  });

  it('keeps the cart kept on this page only when the page comes back from the back/forward cache', async () => {
    configure({ cart: permalinkAdapter({ template: 'https://shop.example/cart/{lines}' }) });
    await addToCart(cartLine('stored'));
    setStorageEngine('local', fullStorage());
    await addToCart(cartLine('page-only'));
    expect($cartPageOnly.get()).to.equal(true);
    // Storage still holds the older cart: it does not replace this page's only copy.
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect($cart.get().lines.map((l) => l.id)).to.deep.equal(['stored', 'page-only']);
  });

  it('stores a compact form (no images or links) when the full one does not fit', async () => {
    let limit = Infinity;
    setStorageEngine('local', fullStorage((value) => value.length > limit));
    configure({ cart: permalinkAdapter({ template: 'https://shop.example/cart/{lines}' }) });
    const line = cartLineFor({ ...item('a'), price: { value: 1, currency: 'EUR' }, availability: 'in_stock' } as never, 1);
    limit = JSON.stringify({ lines: [{ ...line, link: undefined, image_link: undefined }], rev: 1 }).length + 5;
    await addToCart(line);
    await until(() => localStorage.getItem(CART_KEY), 'the compact form');
    const stored = JSON.parse(localStorage.getItem(CART_KEY)!);
    expect(stored.lines[0]).to.include({ id: 'a', quantity: 1 });
    expect(stored.lines[0].image_link).to.equal(undefined);
    await until(() => !$cartPageOnly.get(), 'the compact form to count as stored');
  });
});

describe('abuse: two tabs adding at once', () => {
  beforeEach(reset);
  after(reset);

  it('10 trials of two same-origin tabs adding in the same moment: no add lost, both show the same cart', async () => {
    const frames = await Promise.all([loadFrame('/test/fixtures/cart-tab.html'), loadFrame('/test/fixtures/cart-tab.html')]);
    try {
      const [a, b] = frames.map((f) => f.contentWindow as Window & { cart: CartModule });
      await until(() => a.cart && b.cart, 'both tabs');
      for (let trial = 0; trial < 10; trial++) {
        // Both clicks in one task: neither tab has heard of the other's add yet.
        await Promise.all([a.cart.addToCart(cartLine(`a${trial}`)), b.cart.addToCart(cartLine(`b${trial}`))]);
        const ids = (cart: CartModule) => cart.$cart.get().lines.map((l) => l.id).sort();
        await until(() => ids(a.cart).length === 2 * (trial + 1) && ids(b.cart).length === 2 * (trial + 1), `trial ${trial} in both tabs`, 5000);
        expect(ids(a.cart)).to.deep.equal(ids(b.cart));
      }
      expect(JSON.parse(localStorage.getItem(CART_KEY)!).lines).to.have.length(20);
    } finally {
      for (const f of frames) f.remove();
    }
  });

  // Real tabs: separate pages of the browser (renderer processes), where storage is not
  // one synchronous map as it is for two frames of one page (the test above).
  it('two real tabs adding in the same moment, 10 trials, and 10 ms apart, 10 more: no add lost, both show the same cart', async function () {
    this.timeout(90_000);
    const channel = new BroadcastChannel('livecart-cart-tab');
    const messages: { ready?: true; ids?: string[] }[] = [];
    channel.onmessage = ({ data }) => messages.push(data);
    const opened = await executeServerCommand<boolean>('open-tab', { name: 'cart', url: '/test/fixtures/cart-tab.html' });
    if (!opened) {
      channel.close();
      return this.skip(); // WebKit's runner has one window
    }
    try {
      const heard = async (what: (m: (typeof messages)[number]) => unknown) => {
        for (const start = performance.now(); !messages.some(what); await new Promise((resolve) => setTimeout(resolve, 20))) {
          if (performance.now() - start > 10_000) throw new Error('the other tab does not answer');
        }
        return messages.find(what)!;
      };
      await heard((m) => m.ready);
      const theirs = async () => {
        messages.length = 0;
        channel.postMessage({ lines: true });
        return (await heard((m) => m.ids)).ids!;
      };
      const ours = () => $cart.get().lines.map((l) => l.id).sort();
      const trials = 20;
      for (let trial = 0; trial < trials; trial++) {
        const at = Date.now() + 150;
        channel.postMessage({ add: `b${trial}`, at: at + (trial < 10 ? 0 : 10) });
        await new Promise((resolve) => setTimeout(resolve, at - Date.now()));
        await addToCart(cartLine(`a${trial}`));
        const count = 2 * (trial + 1);
        // Polled with timers: a page behind another tab gets no animation frames.
        for (const start = performance.now(); ours().length !== count || (await theirs()).length !== count; ) {
          if (performance.now() - start > 5000) throw new Error(`trial ${trial}: this tab shows ${ours().length}, the other ${(await theirs()).length} of ${count} lines`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      expect(await theirs()).to.deep.equal(ours());
      expect(JSON.parse(localStorage.getItem(CART_KEY)!).lines).to.have.length(2 * trials);
    } finally {
      channel.close();
      await executeServerCommand('close-tab', { name: 'cart' });
    }
  });
});
