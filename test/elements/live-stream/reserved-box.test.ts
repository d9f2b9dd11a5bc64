import { expect } from '@open-wc/testing';
import { getShow } from '../../../src/store/show.js';
import { freshShow, item, until } from '../../helpers.js';

/**
 * reserved-box.css (the style in the configurator's snippet) keeps a `<live-stream>`'s box
 * before its script runs: each height it reserves must be the height the show then takes,
 * at every width and layout, or the page under it moves. This file defines the element
 * itself, after measuring the boxes the style alone gives.
 */
const CASES = [
  { width: 360, layout: '' },
  { width: 700, layout: '' },
  { width: 800, layout: '' },
  { width: 1264, layout: '' },
  { width: 1264, layout: '', feed: true },
  { width: 390, layout: 'split' },
  { width: 1264, layout: 'split' },
  { width: 390, layout: 'overlay' },
  { width: 1000, layout: 'overlay' },
];

describe('the box a pasted snippet reserves', () => {
  it('is the box the show takes, at every width and layout', async () => {
    const style = document.createElement('style');
    style.textContent = await (await fetch('/src/elements/live-stream/reserved-box.css')).text();
    document.head.append(style);
    const shows = CASES.map(({ width, layout, feed }) => {
      const wrapper = document.createElement('div');
      wrapper.style.width = `${width}px`;
      const show = freshShow();
      wrapper.innerHTML = `<live-stream show="${show}" ${layout ? `layout="${layout}"` : ''}>${feed ? '<aside slot="feed">Chat</aside>' : ''}</live-stream>`;
      document.body.append(wrapper);
      const element = wrapper.firstElementChild as HTMLElement;
      return { wrapper, show, element, reserved: element.getBoundingClientRect().height };
    });
    try {
      expect(customElements.get('live-stream'), 'measured before the element is defined').to.equal(undefined);
      await import('../../../src/define/live-stream.js');
      for (const { show, element } of shows) {
        (element as HTMLElement & { products: unknown[] }).products = [item('a'), item('b'), item('c')];
        await until(() => getShow(show).$products.get().length === 3, 'the products');
        getShow(show).feature('a');
      }
      for (const { element } of shows) {
        const carousel = () => element.shadowRoot?.querySelector('shop-carousel')?.shadowRoot;
        await until(() => carousel()?.querySelectorAll('[part~="card"]:not(.placeholder *)').length === 3, 'the cards');
        await until(() => element.shadowRoot!.querySelector<HTMLElement>('[part~="banner"]')?.hidden === false, 'the banner');
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const rows = shows.map(({ element, reserved }, i) => ({ ...CASES[i], reserved: Math.round(reserved), rendered: Math.round(element.getBoundingClientRect().height) }));
      for (const row of rows) expect(Math.abs(row.reserved - row.rendered), JSON.stringify(row)).to.be.at.most(1);
    } finally {
      style.remove();
      for (const { wrapper } of shows) wrapper.remove();
    }
  }).timeout(30_000);
});
