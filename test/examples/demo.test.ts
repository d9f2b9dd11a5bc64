import { expect } from '@open-wc/testing';
import type { LiveStream } from '../../src/elements/live-stream/live-stream.js';
import { loadFrame, until } from '../helpers.js';

/** The pitch demo survives its own use, on a phone and on a desktop. */
describe('the demo page', () => {
  it('on a phone: adding to the cart shows "Adding…", the event log wraps, and the checkout gets the cart', async () => {
    const frame = await loadFrame('/dist-demo/index.html', { width: 390, height: 844 });
    try {
      const doc = frame.contentDocument!;
      localStorage.removeItem('livecart:cart');
      const form = doc.querySelector<HTMLFormElement>('#config')!;
      (form.elements.namedItem('buy') as HTMLSelectElement).value = 'cart';
      form.requestSubmit();
      const show = doc.querySelector<LiveStream>('live-stream')!;
      const carousel = () => show.shadowRoot!.querySelector('shop-carousel')!.shadowRoot!;
      await until(() => carousel().querySelector('[part~="card"] buy-now-button'), 'the cards', 20_000);
      const button = carousel().querySelector('[data-id="ember-mug"] buy-now-button')!;
      const states: string[] = [];
      const inner = button.shadowRoot!.querySelector('button')!;
      const observer = new MutationObserver(() => states.push(inner.textContent!.trim()));
      observer.observe(inner, { childList: true, subtree: true, characterData: true });
      inner.click();
      await until(() => states.includes('Added'), 'the add to finish', 10_000);
      observer.disconnect();
      expect(states).to.include('Adding…');
      await until(() => doc.querySelectorAll('#event-log li').length > 2, 'the event log');
      expect(doc.documentElement.scrollWidth, 'page width after an add to cart').to.be.at.most(390);

      // The checkout: the URL the shop's cart answers, cancelled here and opened in a frame of its own.
      let url = '';
      doc.addEventListener('livecart-checkout', (event) => {
        event.preventDefault();
        url = (event as CustomEvent).detail.url;
      });
      show.openCart();
      const view = show.shadowRoot!.querySelector('cart-view')!;
      await until(() => view.shadowRoot?.querySelector('[part~="checkout"]'), 'the cart');
      view.shadowRoot!.querySelector<HTMLButtonElement>('[part~="checkout"]')!.click();
      await until(() => url, 'the checkout URL');
      const checkout = await loadFrame(url, { width: 390, height: 600 });
      try {
        await until(() => checkout.contentDocument!.querySelectorAll('#received li').length === 1, 'the received cart');
        expect(checkout.contentDocument!.querySelector('#received li')!.textContent).to.match(/^1 × Ember Enamel Mug — €24\.00$/);
        expect(checkout.contentDocument!.querySelector('#received-empty')!.hasAttribute('hidden')).to.equal(true);
      } finally {
        checkout.remove();
      }
    } finally {
      frame.remove();
      localStorage.removeItem('livecart:cart');
    }
  }).timeout(40_000);

  for (const width of [390, 1280]) {
    it(`at ${width} px the configurator's controls do not overlap`, async () => {
      const frame = await loadFrame('/dist-demo/index.html', { width, height: 800 });
      try {
        const labels = [...frame.contentDocument!.querySelectorAll('#config label, #config button')].map((l) => l.getBoundingClientRect());
        labels.forEach((a, i) =>
          labels.slice(i + 1).forEach((b) => {
            const overlap = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
            expect(overlap, `controls ${i} and another overlap`).to.equal(false);
          }),
        );
        for (const control of frame.contentDocument!.querySelectorAll('#config label > :is(input, select)')) {
          const label = control.parentElement!.getBoundingClientRect();
          expect(control.getBoundingClientRect().right).to.be.at.most(label.right + 0.5);
        }
        expect(frame.contentDocument!.documentElement.scrollWidth).to.be.at.most(width);
      } finally {
        frame.remove();
      }
    });
  }

  // Issue 19: on a static host the show was the fixture's 24 s replay, then "ended" mid-pitch.
  it('the static build\'s show plays on past the fixture\'s 24 s (48 minutes of it, looped)', async () => {
    const response = await fetch('/dist-demo/channel/replay/180p.m3u8');
    const playlist = await response.text();
    const seconds = [...playlist.matchAll(/#EXTINF:([\d.]+)/g)].reduce((sum, [, s]) => sum + Number(s), 0);
    expect(seconds).to.be.at.least(48 * 60);
    const frame = await loadFrame('/dist-demo/index.html');
    try {
      const player = () => frame.contentDocument!.querySelector<LiveStream>('live-stream')!.shadowRoot!.querySelector('pip-player')!;
      await until(() => player()?.state === 'playing', 'the show', 20_000);
      // Across the end of the fixture's first loop (a discontinuity), and on.
      player().video.currentTime = 21;
      await until(() => player().video.currentTime > 27, 'playback past 24 s', 20_000);
      expect(player().state).to.equal('playing');
    } finally {
      frame.remove();
    }
  }).timeout(60_000);
});
