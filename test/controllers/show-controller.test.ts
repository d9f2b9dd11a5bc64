import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/live-stream.js';
import '../../src/define/buy-now-button.js';
import '../../src/define/shop-carousel.js';
import '../../src/define/pip-player.js';
import type { BuyNowButton } from '../../src/elements/buy-now-button/buy-now-button.js';
import type { PipPlayer } from '../../src/elements/pip-player/pip-player.js';
import { freshShow, item, recordErrors, until } from '../helpers.js';

/**
 * What every element gets from its ShowController (src/controllers/show-controller.ts):
 * its show, re-resolved when it moves; its language, followed while connected; and one
 * way to report trouble.
 */

const button = (el: BuyNowButton) => el.shadowRoot!.querySelector('button')!;

/** Records console warnings while a test runs. */
function recordWarnings() {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  return { warnings, stop: () => (console.warn = original) };
}

/** One frame: what a change would have set off (a render, a mutation record) has happened by then. */
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe('an element moved to another show', () => {
  it('renders the new show’s product and reports its trouble as the new show’s', async () => {
    const [a, b] = [freshShow(), freshShow()];
    const page = await fixture(html`<div>
      <live-stream show=${a} .products=${[item('x', { title: 'Jacket in A' })]}>
        <buy-now-button product="x" action="cart"></buy-now-button>
      </live-stream>
      <live-stream show=${b} .products=${[item('x', { title: 'Jacket in B' })]}></live-stream>
    </div>`);
    const el = page.querySelector<BuyNowButton>('buy-now-button')!;
    await until(() => button(el)?.getAttribute('aria-label')?.endsWith('Jacket in A'), 'the product of show A');

    page.querySelectorAll('live-stream')[1].append(el);
    await until(() => button(el)?.getAttribute('aria-label')?.endsWith('Jacket in B'), 'the product of show B, once moved');

    // No cart is configured: the cart action fails, and says so once, from the button, for show B.
    const fromButton = (warning: string) => warning.startsWith('livecart: <buy-now-button>');
    const errors = recordErrors();
    const console = recordWarnings();
    try {
      button(el).click();
      await until(() => errors.events.length && console.warnings.some(fromButton), 'the error and its warning');
      await nextFrame();
    } finally {
      errors.stop();
      console.stop();
    }
    expect(errors.events).to.have.length(1);
    expect(errors.events[0].target).to.equal(el);
    expect(errors.events[0].detail).to.include({ show: b, code: 'cart' });
    expect(errors.events[0].detail).not.to.have.property('problems');
    expect(console.warnings.filter(fromButton)).to.have.length(1);
    expect(console.warnings.find(fromButton)).to.match(/: the "cart" action needs a cart adapter/);
    await expect(page).to.be.accessible();
  });
});

describe('an element’s language', () => {
  it('follows a lang changed on an ancestor, the player too', async () => {
    const show = freshShow();
    const page = await fixture(html`<div lang="en">
      <pip-player show=${show}></pip-player>
      <buy-now-button show=${show} product="x"></buy-now-button>
    </div>`);
    const player = page.querySelector<PipPlayer>('pip-player')!;
    const el = page.querySelector<BuyNowButton>('buy-now-button')!;
    const playerLabel = () => player.shadowRoot!.querySelector('[part~="frame"]')!.getAttribute('aria-label');
    expect(playerLabel()).to.equal('Live video');
    expect(button(el).textContent!.trim()).to.equal('Unavailable');

    page.setAttribute('lang', 'fr');
    await until(() => playerLabel() === 'Vidéo en direct', 'the player in French');
    await until(() => button(el).textContent!.trim() === 'Indisponible', 'the button in French');
    await expect(page).to.be.accessible();
  });

  it('stops following once the element is removed', async () => {
    const show = freshShow();
    const page = await fixture(html`<div lang="en">
      <buy-now-button show=${show} product="x"></buy-now-button>
      <buy-now-button show=${show} product="x"></buy-now-button>
    </div>`);
    const [stays, removed] = page.querySelectorAll<BuyNowButton>('buy-now-button');
    removed.remove();
    let updates = 0;
    const requestUpdate = removed.requestUpdate.bind(removed);
    removed.requestUpdate = (...args: Parameters<BuyNowButton['requestUpdate']>) => (updates++, requestUpdate(...args));

    page.setAttribute('lang', 'de');
    await until(() => button(stays).textContent!.trim() === 'Nicht verfügbar', 'the button left on the page in German');
    await nextFrame();
    expect(updates).to.equal(0);
    // Back on the page, it follows again.
    page.append(removed);
    page.setAttribute('lang', 'fr');
    await until(() => button(removed).textContent!.trim() === 'Indisponible', 'the button put back, in French');
  });
});

describe('a feed problem', () => {
  it('is reported once, from the element that loaded the feed, as its enclosing show’s', async () => {
    const show = freshShow();
    const errors = recordErrors();
    const console = recordWarnings();
    let page: HTMLElement;
    try {
      page = await fixture(html`<live-stream show=${show}>
        <shop-carousel slot="catalog" products="/test/fixtures/feeds/missing.json"></shop-carousel>
      </live-stream>`);
      await until(() => errors.events.length && console.warnings.some((w) => w.includes('<shop-carousel>')), 'the feed error and its warning');
      await nextFrame();
    } finally {
      errors.stop();
      console.stop();
    }
    const carousel = page.querySelector('shop-carousel')!;
    expect(errors.events).to.have.length(1);
    expect(errors.events[0].target).to.equal(carousel);
    expect(errors.events[0].detail).to.include({ show, code: 'feed' });
    expect(errors.events[0].detail.message).to.match(/HTTP 404/);
    expect(console.warnings.filter((w) => w.includes('<shop-carousel>'))).to.have.length(1);
  });
});
