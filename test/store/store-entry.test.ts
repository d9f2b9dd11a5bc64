import { expect } from '@open-wc/testing';
import { configure, getShow, type AnalyticsEvent } from '../../src/store-entry.js';

// This page loads `livecart/store` and nothing else: no element, no action of its own.
describe('livecart/store alone', () => {
  it('counts a product featured from JavaScript as a view_item, as the elements\' pages do', async () => {
    expect(customElements.get('buy-now-button')).to.equal(undefined);
    const seen: AnalyticsEvent[] = [];
    configure({ analytics: (event) => void seen.push(event) });
    const show = getShow('store-only');
    show.addProducts([{ id: 'mug', title: 'Ember Mug', price: { value: 24, currency: 'EUR' }, availability: 'in_stock' }]);
    show.feature('mug');
    for (const start = performance.now(); !seen.length; await new Promise((r) => setTimeout(r, 20))) {
      if (performance.now() - start > 3000) throw new Error('no view_item within 3 s');
    }
    expect(seen.map((e) => [e.event, e.ecommerce.items[0].item_id])).to.deep.equal([['view_item', 'mug']]);
  });
});
