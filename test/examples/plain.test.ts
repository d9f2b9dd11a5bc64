import { expect } from '@open-wc/testing';
import { nextEvent, until } from '../helpers.js';

describe('the plain HTML example', () => {
  it('plays the show and the page hears which product is on screen', async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1000px; height: 700px; border: 0';
    frame.src = '/demo/examples/plain.html';
    document.body.append(frame);
    try {
      await nextEvent(frame, 'load');
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
