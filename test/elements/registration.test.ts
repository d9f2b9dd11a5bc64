import { expect } from '@open-wc/testing';
import { define } from '../../src/platform/define-element.js';
import { BuyNowButton, LiveStream, PipPlayer, ShopCarousel } from '../../src/index.js';
import { freshShow, item, until } from '../helpers.js';

describe('registration', () => {
  it('registers every element, and a second registration of a tag is a no-op', () => {
    for (const [tag, element] of [
      ['live-stream', LiveStream],
      ['pip-player', PipPlayer],
      ['shop-carousel', ShopCarousel],
      ['buy-now-button', BuyNowButton],
    ] as const) {
      expect(customElements.get(tag)).to.equal(element);
      // A second copy of livecart (another version, the script tag twice) defines again.
      expect(() => define(tag, class extends element {})).not.to.throw();
      expect(customElements.get(tag)).to.equal(element);
    }
  });

  it('lets a page register the classes under other names', async () => {
    define('shop-strip', class extends ShopCarousel {});
    const el = document.createElement('shop-strip') as ShopCarousel;
    el.show = freshShow();
    el.products = [item('a', { title: 'Trail Socks' })];
    document.body.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.equal('Trail Socks');
    el.remove();
  });

  it('keeps properties set before the element was defined', async () => {
    const el = document.createElement('late-carousel') as ShopCarousel;
    el.show = freshShow();
    el.products = [item('early', { title: 'Set before upgrade' })];
    document.body.append(el);
    define('late-carousel', class extends ShopCarousel {});
    await until(() => el.shadowRoot?.querySelector('[part~="title"]'), 'the upgraded element to render');
    expect(el.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.equal('Set before upgrade');
    el.remove();
  });
});
