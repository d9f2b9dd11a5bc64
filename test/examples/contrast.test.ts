import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/live-stream.js';
import type { LiveStream } from '../../src/elements/live-stream/live-stream.js';
import { getShow } from '../../src/store/show.js';
import { freshShow, item, loadFrame, until } from '../helpers.js';

/** axe's colour-contrast rule, among the others, in both themes: every part readable. */
describe('contrast in both themes', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`every part of the show is readable in the ${theme} theme`, async () => {
      const show = freshShow();
      const el = await fixture<LiveStream>(html`<live-stream show=${show} theme=${theme} muted></live-stream>`);
      el.products = [item('a', { sale_price: '8.00 EUR' }), item('b', { availability: 'out_of_stock' }), item('c', { image_link: undefined })];
      getShow(show).feature('a');
      await el.updateComplete;
      await until(() => el.shadowRoot!.querySelector('shop-carousel')!.shadowRoot!.querySelectorAll('[part~="card"]').length === 3, 'cards');
      await expect(el).to.be.accessible();
    });

    // The whole page in that theme (demo/page-look.ts), not only the show: its own sections too.
    it(`the demo is readable in the ${theme} theme`, async () => {
      const frame = await loadFrame(`/dist-demo/index.html?theme=${theme}`, { width: 1280, height: 900 });
      try {
        const doc = frame.contentDocument!;
        const el = doc.querySelector<LiveStream>('live-stream')!;
        expect(el.getAttribute('theme')).to.equal(theme);
        await until(() => el.shadowRoot?.querySelector('[part~="banner"]:not([hidden])'), 'the banner', 20_000);
        // axe runs in the demo's own window (it audits one document).
        const script = doc.createElement('script');
        script.src = '/node_modules/axe-core/axe.min.js';
        const loaded = new Promise((resolve) => script.addEventListener('load', resolve));
        doc.head.append(script);
        await loaded;
        const axe = (frame.contentWindow as Window & { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { html: string; failureSummary: string }[] }[] }> } }).axe;
        await new Promise((resolve) => setTimeout(resolve, 500));
        const { violations } = await axe.run(doc, { runOnly: ['color-contrast'] });
        expect(violations.flatMap((v) => v.nodes.map((n) => `${n.html}: ${n.failureSummary}`))).to.deep.equal([]);
      } finally {
        frame.remove();
        sessionStorage.removeItem('fjellvik:look');
      }
    }).timeout(30_000);
  }
});
