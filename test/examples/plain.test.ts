import { expect } from '@open-wc/testing';
import { loadFrame, until } from '../helpers.js';

describe('the plain HTML example', () => {
  it('plays the show and the page hears which product is on screen', async () => {
    const frame = await loadFrame('/demo/examples/plain.html');
    try {
      const text = () => frame.contentDocument!.querySelector('#on-screen')!.textContent;
      await until(() => text() === 'On screen: Aurora Shell Jacket', 'the page to hear the product on screen');
      const player = frame.contentDocument!.querySelector('live-stream')!.shadowRoot!.querySelector('pip-player')!;
      await until(() => player.getAttribute('state') === 'playing', 'the show to play');
      expect(frame.contentDocument!.querySelector('#on-screen')!.getAttribute('aria-live')).to.equal('polite');
    } finally {
      frame.remove();
    }
  });
});
