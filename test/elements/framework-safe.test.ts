import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import '../../src/define/cart-view.js';
import '../../src/define/show-console.js';
import { freshShow, recordErrorsInEachTest, until } from '../helpers.js';

// What a framework that renders the tags (React, Vue, Svelte, a server) meets: the
// elements add no attribute of their own to a tag it wrote, and an array it wrote as text
// is named for what it is.

describe('elements under a framework', () => {
  const errors = recordErrorsInEachTest();

  for (const tag of ['live-stream', 'pip-player', 'shop-carousel', 'buy-now-button', 'cart-view', 'show-console']) {
    it(`<${tag}> reflects no default attribute: the tag keeps what the page wrote`, async () => {
      const el = document.createElement(tag);
      el.setAttribute('show', freshShow());
      document.body.append(el);
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(el.getAttributeNames()).to.deep.equal(['show']);
      el.remove();
    });
  }

  it('a property set to its default still reflects once the page sets it', async () => {
    const el = await fixture<HTMLElement & { linkTarget: string; updateComplete: Promise<unknown> }>(html`<live-stream></live-stream>`);
    el.linkTarget = '_self';
    await el.updateComplete;
    expect(el.getAttribute('link-target')).to.equal('_self');
  });

  it('an array written as the text "[object Object]" is reported as such, never fetched as a feed URL', async () => {
    const show = freshShow();
    const el = await fixture(html`<live-stream show=${show} products="[object Object],[object Object]"></live-stream>`);
    await until(() => errors.events.length, 'the report');
    const { code, message } = errors.events[0].detail;
    expect(code).to.equal('feed');
    expect(message).to.include('[object Object]');
    expect(message).to.include('not as an array');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(performance.getEntriesByType('resource').some((r) => r.name.includes('object%20Object'))).to.equal(false);
    // The shopper reads plain words; the reason is on data-reason for the developer.
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part~="message"]')!.dataset.reason).to.include('[object Object]');
  });
});
