import { expect } from '@open-wc/testing';
import { until } from '../helpers.js';

/**
 * Nothing on the demo page moves as the elements upgrade and the banner and catalog
 * arrive (CLS 0). Chromium reports `layout-shift` entries; Firefox has none, so there the
 * test reads the page's boxes every frame from the first one it can see and asserts that
 * none moved.
 */
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
/** The boxes below and around the show, which a growing show would push. */
const WATCHED = ['live-stream', '.profile', '.profile shop-carousel', '.post'];

for (const size of SIZES) {
  it(`the demo does not shift at ${size.width} px as the banner and catalog arrive`, async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = `width: ${size.width}px; height: ${size.height}px; border: 0`;
    const tops = new Map<string, Set<string>>();
    let watching = true;
    // The framed page's own animation frames run only once it renders (its script blocks
    // rendering until the elements are defined): read every box each frame, from the first.
    let started = false;
    const record = (doc: Document) => {
      for (const selector of WATCHED) {
        const box = doc.querySelector(selector)?.getBoundingClientRect();
        if (!box) continue;
        const seen = tops.get(selector) ?? new Set<string>();
        seen.add(`top ${Math.round(box.top)} left ${Math.round(box.left)} height ${Math.round(box.height)}`);
        tops.set(selector, seen);
      }
    };
    const start = () => {
      const doc = frame.contentDocument;
      const win = frame.contentWindow;
      if (!started && doc?.URL.includes('dist-demo') && win) {
        started = true;
        const tick = () => {
          // Firefox ESR has no blocking="render": the demo hides its content until the elements are defined.
          if (win.customElements.get('live-stream')) record(doc);
          if (watching) win.requestAnimationFrame(tick);
        };
        win.requestAnimationFrame(tick);
      }
      if (!started && watching) requestAnimationFrame(start);
    };
    requestAnimationFrame(start);
    frame.src = '/dist-demo/index.html';
    document.body.append(frame);
    try {
      await until(() => frame.contentDocument?.readyState === 'complete' && frame.contentDocument.URL.includes('dist-demo'), 'the demo');
      const doc = frame.contentDocument!;
      const show = doc.querySelector('live-stream')!;
      const banner = () => show.shadowRoot?.querySelector('[part~="banner"]:not([hidden])');
      const cards = (root: ParentNode | null | undefined) => root?.querySelector('shop-carousel')?.shadowRoot?.querySelectorAll('[part~="card"]:not(.placeholder *)').length ?? 0;
      await until(() => banner() && cards(show.shadowRoot) > 0 && cards(doc.querySelector('.profile')) > 0, 'banner and catalogs', 20_000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const win = frame.contentWindow as Window & typeof globalThis;
      if (win.PerformanceObserver.supportedEntryTypes.includes('layout-shift')) {
        const entries = await new Promise<PerformanceEntryList>((resolve) => {
          const observer = new win.PerformanceObserver((list) => {
            observer.disconnect();
            resolve(list.getEntries());
          });
          observer.observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve([]), 500);
        });
        const cls = entries.reduce((sum, e) => sum + (e as PerformanceEntry & { value: number }).value, 0);
        // Sub-pixel text reflow inside a button (1e-5) is not a shift anyone sees; 0.001 is 1/100 of "good".
        expect(cls, `CLS at ${size.width} px`).to.be.below(0.001);
      }
      // Every browser: the boxes stayed where the first frame put them.
      for (const selector of WATCHED) expect([...(tops.get(selector) ?? [])], `${selector} at ${size.width} px`).to.deep.equal([[...(tops.get(selector) ?? [])][0]]);
    } finally {
      watching = false;
      frame.remove();
    }
  }).timeout(40_000);
}
