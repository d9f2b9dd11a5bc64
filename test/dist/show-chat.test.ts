import { expect } from '@open-wc/testing';
import { loadFrame, until } from '../helpers.js';

/** dist/show-chat.js on a plain page: `<show-chat show chat>` on its own, beside its show's player. */
describe('dist/show-chat.js on a plain page', () => {
  it("registers <show-chat>, which hears its show's stream beside a lone player", async () => {
    const frame = await loadFrame('/test/fixtures/show-chat-page.html');
    try {
      const win = frame.contentWindow!;
      await until(() => win.customElements.get('show-chat') && win.customElements.get('pip-player'), 'the elements');
      await fetch('/hub/standalone-chat/chat', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ show: 'alone', name: 'ana', text: `hello ${Date.now()}` }),
      });
      const chat = frame.contentDocument!.querySelector('show-chat')!;
      await until(() => chat.shadowRoot?.querySelector('[part~="message"] .text')?.textContent?.startsWith('hello'), 'the message', 15_000);
      expect(chat.shadowRoot!.querySelector('form')).to.exist;
    } finally {
      frame.remove();
    }
  }).timeout(30_000);
});
