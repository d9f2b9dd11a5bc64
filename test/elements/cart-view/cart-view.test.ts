import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/cart-view.js';
import '../../../src/define/live-stream.js';
import { callbackAdapter, type CallbackOptions } from '../../../src/adapters/callback.js';
import type { CartLine } from '../../../src/adapters/types.js';
import type { CartView } from '../../../src/elements/cart-view/cart-view.js';
import type { LiveStream } from '../../../src/elements/live-stream/live-stream.js';
import { $cart, addToCart } from '../../../src/store/cart.js';
import { configure } from '../../../src/store/config.js';
import { allInShadow as qa, freshShow, inShadow as q, recordErrors, resetCart, until, cartLine } from '../../helpers.js';

const line = cartLine;
const quantities = () => Object.fromEntries($cart.get().lines.map((l) => [l.id, l.quantity]));
/** The focused element, inside shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function cartWith(lines: CartLine[], callbacks: CallbackOptions = {}) {
  configure({ cart: callbackAdapter(callbacks) });
  for (const l of lines) await addToCart(l);
  const el = await fixture<CartView>(html`<cart-view></cart-view>`);
  el.open = true;
  await el.updateComplete;
  return el;
}

describe('<cart-view>', () => {
  afterEach(() => resetCart());

  it('is accessible, and lists lines with a subtotal per currency', async () => {
    const el = await cartWith([
      line('a', { title: 'Aurora Shell Jacket', variant_title: 'M', quantity: 2, price: { value: 149, currency: 'EUR' } }),
      line('b', { title: 'Camp Mug', price: { value: 12.5, currency: 'USD' }, quantity: 3 }),
      line('c', { price: { value: 0.1, currency: 'EUR' }, quantity: 3 }),
    ]);
    await expect(el).to.be.accessible();
    expect(q<HTMLDialogElement>(el, 'dialog').open).to.equal(true);
    expect(q(el, 'dialog').matches(':modal')).to.equal(true);
    expect(qa(el, '[part~="line"]').map((l) => l.dataset.id)).to.deep.equal(['a', 'b', 'c']);
    expect(qa(el, '[part~="subtotal"]').map((s) => s.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Subtotal€298.30',
      'Subtotal$37.50',
    ]);
    expect(q(el, '[part~="line"] [part~="remove"]').getAttribute('aria-label')).to.equal('Remove: Aurora Shell Jacket (M)');
  });

  it('says when the cart is empty', async () => {
    const el = await cartWith([]);
    expect(q(el, '[part~="message"]').textContent).to.equal('Your cart is empty.');
    await expect(el).to.be.accessible();
  });

  it('changes quantities with the steppers and removes lines', async () => {
    const el = await cartWith([line('a'), line('b', { quantity: 2 })]);
    const [first, second] = qa(el, '[part~="line"]');
    const [minus, plus] = first.querySelectorAll('button');
    expect((minus as HTMLButtonElement).disabled).to.equal(true);
    (plus as HTMLButtonElement).click();
    await until(() => quantities().a === 2, 'a quantity of 2');
    await el.updateComplete;
    expect(first.querySelector('output')!.textContent).to.equal('2');
    (second.querySelector('[part~="remove"]') as HTMLButtonElement).click();
    await until(() => !('b' in quantities()), 'b to go');
    await el.updateComplete;
    expect(qa(el, '[part~="line"]')).to.have.length(1);
    // Focus stays in the dialog when the focused line goes away.
    expect(focused()).to.equal(q(el, '[part~="close"]'));
  });

  it('shows the error and keeps the quantity when the cart refuses a change', async () => {
    const el = await cartWith([line('a', { quantity: 2 })], { update: () => Promise.reject(new Error('only 2 left')) });
    const errors = recordErrors();
    const plus = qa(el, '[part~="stepper"] button')[1] as HTMLButtonElement;
    plus.click();
    await until(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the error message');
    errors.stop();
    expect(q(el, '[role="alert"]').textContent).to.match(/could not be updated.*only 2 left/);
    expect(quantities()).to.deep.equal({ a: 2 });
    expect(errors.events[0].detail.code).to.equal('cart');
    await expect(el).to.be.accessible();
  });

  it('checks out through a cancelable livecart-checkout', async () => {
    const el = await cartWith([line('a')], { checkoutUrl: () => 'https://shop.example/checkout/42' });
    const tab = { opener: {}, closed: false, url: '', close() {}, location: { replace: (u: string) => (tab.url = u) } };
    const original = window.open;
    window.open = () => tab as unknown as Window;
    let event!: CustomEvent;
    const onCheckout = (e: Event) => (event = e as CustomEvent);
    document.addEventListener('livecart-checkout', onCheckout);
    try {
      q<HTMLButtonElement>(el, '[part~="checkout"]').click();
      await until(() => tab.url, 'the checkout to open');
    } finally {
      window.open = original;
      document.removeEventListener('livecart-checkout', onCheckout);
    }
    expect(tab.url).to.equal('https://shop.example/checkout/42');
    expect(tab.opener).to.equal(null);
    expect(event.detail.url).to.equal('https://shop.example/checkout/42');
    expect(event.cancelable).to.equal(true);
  });

  it('opens from <live-stream>, traps focus while open, and returns it to the cart button', async () => {
    configure({ cart: callbackAdapter({}) });
    await addToCart(line('a', { quantity: 2 }));
    const stream = await fixture<LiveStream>(html`<live-stream show=${freshShow()}></live-stream>`);
    const button = stream.shadowRoot!.querySelector<HTMLButtonElement>('[part~="cart-button"]')!;
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Cart 2');
    await expect(stream).to.be.accessible();
    const view = stream.shadowRoot!.querySelector('cart-view')!;
    button.focus();
    button.click();
    await view.updateComplete;
    expect(view.open).to.equal(true);
    const inside = (n: Element | null) => !!n && view.shadowRoot!.contains(n);
    for (let i = 0; i < 8; i++) {
      // Key chords as down/press/up: Firefox's WebDriver BiDi knows no "Shift+Tab".
      if (i % 3 === 2) {
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
      } else await sendKeys({ press: 'Tab' });
      expect(inside(focused()), `focus after ${i + 1} tab(s): ${focused()?.outerHTML.slice(0, 60)}`).to.equal(true);
    }
    await sendKeys({ press: 'Escape' });
    await until(() => !view.open, 'the dialog to close');
    expect(focused()).to.equal(button);
  });

  it('lets go of the cart store when disconnected', async () => {
    const listeners = () => ($cart as unknown as { lc: number }).lc;
    const before = listeners();
    const el = await cartWith([line('a')]);
    expect(listeners()).to.equal(before + 1);
    el.remove();
    expect(listeners()).to.equal(before);
    expect(q<HTMLDialogElement>(el, 'dialog').open).to.equal(false);
  });
});
