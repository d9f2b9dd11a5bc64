import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/buy-now-button.js';
import '../../src/define/pip-player.js';
import type { BuyNowButton } from '../../src/elements/buy-now-button/buy-now-button.js';
import type { PipPlayer } from '../../src/elements/pip-player/pip-player.js';
import { openLink } from '../../src/commerce/open-link.js';
import { freshShow, getShow, item, nextEvent, realClick, recordErrors, REPLAY, until } from '../helpers.js';
import { validateItems } from '../../src/commerce/feed.js';

const inner = (el: BuyNowButton) => el.shadowRoot!.querySelector('button')!;

/** Replaces window.open while `run` runs, recording its calls. */
async function spyOpen(run: () => Promise<void>): Promise<unknown[][]> {
  const calls: unknown[][] = [];
  const original = window.open;
  window.open = (...args: unknown[]) => (calls.push(args), null);
  try {
    await run();
  } finally {
    window.open = original;
  }
  return calls;
}

function showWith(...items: ReturnType<typeof item>[]) {
  const show = freshShow();
  getShow(show).addProducts(validateItems(items).products);
  return show;
}

describe('<buy-now-button>', () => {
  it('is accessible and labelled with the product', async () => {
    const show = showWith(item('a', { title: 'Ember Enamel Mug' }));
    const el = await fixture<BuyNowButton>(html`<buy-now-button show=${show} product="a"></buy-now-button>`);
    await expect(el).to.be.accessible();
    expect(inner(el).textContent!.trim()).to.equal('Buy now');
    expect(inner(el).getAttribute('aria-label')).to.equal('Buy now: Ember Enamel Mug');
    expect(inner(el).disabled).to.equal(false);
    expect(el.getAttribute('quantity')).to.equal('1');
    expect(el.getAttribute('action')).to.equal('auto');
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

  it('never follows a javascript: link, and reports the product as unlinkable', async () => {
    // The feed drops such a link; a product without one cannot be opened.
    const show = showWith(item('js', { link: 'javascript:alert(1)' }));
    const el = await fixture<BuyNowButton>(html`<buy-now-button show=${show} product="js"></buy-now-button>`);
    const errors = recordErrors();
    const calls = await spyOpen(async () => inner(el).click());
    errors.stop();
    expect(calls).to.deep.equal([]);
    expect(errors.events[0].detail).to.include({ show, code: 'cart' });
    expect(errors.events[0].detail.message).to.match(/no http\(s\) link/);
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
      const root = await fixture(html`<div>
        <pip-player show=${show} src=${REPLAY} muted autoplay></pip-player>
        <buy-now-button show=${show} product="ember-mug"></buy-now-button>
      </div>`);
      const player = root.querySelector('pip-player') as PipPlayer;
      await until(() => player.state === 'playing', 'the show to play');
      return { show, link, player, button: root.querySelector('buy-now-button') as BuyNowButton };
    }

    it('opens the product page and puts the show in picture-in-picture, in one gesture', async () => {
      const { show, link, player, button } = await playingShow();
      const opened = new Promise<MessageEvent>((resolve) => (channel.onmessage = resolve));
      const pipChange = nextEvent<CustomEvent>(player, 'livecart-pip-change');
      await realClick(inner(button));
      expect((await opened).data).to.deep.equal({ href: link, noopener: true });
      // Chromium has Document PiP, the best rung (test/elements/pip-ladder.test.ts has them all).
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
