import { expect } from '@open-wc/testing';
import { loadFrame, until } from '../helpers.js';

/** The demo's producer page as `npm run build:demo` builds it: a static host has no hub. */
describe('the demo producer page, built static', () => {
  it('features in its preview only, with no publish URL and no schedule left on either page', async () => {
    const frame = await loadFrame('/dist-demo/producer.html', { width: 1280, height: 900 });
    try {
      const doc = frame.contentDocument!;
      const el = doc.querySelector('show-console')!;
      await until(() => el.shadowRoot?.querySelectorAll('[part~="product"]').length === 5, 'the catalog');
      expect(el.getAttribute('publish') || null).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part~="message"]')!.textContent).to.equal('Preview only: no publish URL');
      const preview = doc.querySelector('live-stream')!;
      el.feature('fjord-beanie');
      await until(
        () => preview.shadowRoot!.querySelector('[part~="banner"] .product-title')?.textContent === 'Fjord Merino Beanie',
        'the preview to follow',
      );
      expect(el.queue.length).to.equal(0);
      const viewer = await (await fetch('/dist-demo/index.html')).text();
      expect(viewer).not.to.match(/schedule=|hub\//);
      expect(viewer).to.contain('href="producer.html"');
    } finally {
      frame.remove();
    }
  });
});
