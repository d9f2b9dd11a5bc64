import { expect } from '@open-wc/testing';
import { recordErrors, until } from '../helpers.js';

type Livecart = typeof import('../../src/index.js');
// Two copies of the built file under two URLs are two module instances: two "versions".
const load = (version: string): Promise<Livecart> => import(/* @vite-ignore */ `/dist/livecart.js?version=${version}`);

describe('two versions of dist/livecart.js on one page', () => {
  it('the first to load keeps every tag; the second loads without throwing, and the elements work', async () => {
    const errors = recordErrors();
    const first = await load('1');
    const second = await load('2');
    expect(first.LiveStream).to.not.equal(second.LiveStream);
    expect(customElements.get('live-stream')).to.equal(first.LiveStream);
    expect(customElements.get('pip-player')).to.equal(first.PipPlayer);
    expect(customElements.get('shop-carousel')).to.equal(first.ShopCarousel);
    expect(customElements.get('buy-now-button')).to.equal(first.BuyNowButton);

    const stream = document.createElement('live-stream');
    Object.assign(stream, { src: '/channel/live.m3u8', products: '/demo/public/products.json', autoplay: true, muted: true });
    document.body.append(stream);
    await until(() => stream.shadowRoot?.querySelector('pip-player')?.getAttribute('state') === 'playing', 'the show to play');
    stream.remove();
    errors.stop();
    expect(errors.uncaught).to.deep.equal([]);
  });
});
