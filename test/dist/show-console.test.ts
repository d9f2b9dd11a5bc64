import { expect } from '@open-wc/testing';
import { loadFrame, until } from '../helpers.js';

/** The built dist/show-console.js (npm test builds first) on a producer's page with nothing but its script tag. */
describe('dist/show-console.js on a plain page', () => {
  it('registers the console, shares livecart.js, and publishes a Mercure update to the demo hub', async () => {
    const frame = await loadFrame('/test/fixtures/console-script-tag.html');
    try {
      const win = frame.contentWindow!;
      const el = frame.contentDocument!.querySelector('show-console')!;
      await until(() => el.shadowRoot?.querySelectorAll('[part~="product"]').length === 5, 'the catalog');
      // Its own file, importing what it shares from livecart.js, once: no chunk in between.
      // (Its other static import, the chunk it shares with the chat, may arrive first: Firefox
      // lists resources as they end.)
      const files = win.performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => p.startsWith('/dist/'));
      expect(files[0]).to.equal('/dist/show-console.js');
      expect(files.slice(1, 3)).to.include('/dist/livecart.js');
      expect(files.filter((file) => file === '/dist/livecart.js')).to.have.length(1);
      expect(win.customElements.get('live-stream')).to.be.a('function');

      el.feature('glow-lantern');
      await until(() => el.queue.length === 0, 'the publish');
      const events = await fetch('/hub/script-tag/events', { headers: { 'Last-Event-ID': '0' } });
      const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      while (!text.includes('glow-lantern')) text += (await reader.read()).value;
      await reader.cancel();
      expect(text).to.contain(`data: {"product":"glow-lantern","at":"${el.current!.at}"}`);
      expect(el.outerHTML).not.to.contain('demo-publisher-token');
    } finally {
      frame.remove();
    }
  });

  it('stays out of dist/livecart.js: a shopper\'s page never fetches it', async () => {
    const frame = await loadFrame('/test/fixtures/script-tag.html');
    try {
      await until(() => frame.contentWindow!.customElements.get('live-stream'), 'livecart');
      await new Promise((resolve) => setTimeout(resolve, 500));
      const files = frame.contentWindow!.performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname);
      expect(files.some((p) => p.includes('show-console'))).to.equal(false);
      expect(frame.contentWindow!.customElements.get('show-console')).to.equal(undefined);
      const source = await (await fetch('/dist/livecart.js')).text();
      expect(source).not.to.contain('show-console');
    } finally {
      frame.remove();
    }
  });
});
