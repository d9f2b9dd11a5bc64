import { expect } from '@open-wc/testing';
import { loadFrame, until } from '../helpers.js';

const files = (frame: HTMLIFrameElement) =>
  frame.contentWindow!.performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname);
/** media/pip.ts's chunk: the browser's picture-in-picture rungs. */
const isPipChunk = (path: string) => /^\/dist\/pip-[\w-]{8}\.js$/.test(path);

/**
 * The built dist/livecart.js (npm test builds first) on a plain page with nothing but
 * the script tag and the elements.
 */
describe('dist/livecart.js on a plain page', () => {
  let frame: HTMLIFrameElement;
  const errors: unknown[] = [];

  before(async () => {
    frame = await loadFrame('/test/fixtures/script-tag.html');
    frame.contentWindow!.addEventListener('error', (e) => errors.push(e.error ?? e.message));
  });
  after(() => frame.remove());

  const doc = () => frame.contentDocument!;

  it('registers every element, once, even when loaded twice', async () => {
    const registry = frame.contentWindow!.customElements;
    await until(() => registry.get('live-stream'), 'the elements to be defined');
    for (const tag of ['live-stream', 'pip-player', 'shop-carousel', 'buy-now-button']) {
      expect(registry.get(tag), tag).to.be.a('function');
    }
    expect(errors).to.deep.equal([]);
  });

  it('plays the live show with shoppable products, hls.js fetched as its own chunk', async () => {
    const stream = doc().querySelector('live-stream')!;
    const player = () => stream.shadowRoot?.querySelector('pip-player');
    await until(() => player()?.getAttribute('state') === 'playing', 'the show to play');
    const carousel = stream.shadowRoot!.querySelector('shop-carousel')!;
    await until(() => carousel.shadowRoot!.querySelectorAll('[part~="card"]').length === 5, 'five product cards');
    await until(() => stream.shadowRoot!.querySelector<HTMLElement>('[part~="banner"]')?.hidden === false, 'the banner');

    const scripts = frame.contentWindow!.performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname);
    expect(scripts).to.include('/dist/livecart.js');
    expect(scripts.some((p) => /^\/dist\/hls[^/]*\.js$/.test(p))).to.equal(true);
    // The browser's picture-in-picture rungs come as a chunk of their own.
    await until(() => files(frame).some(isPipChunk), 'the picture-in-picture chunk');
    expect(errors).to.deep.equal([]);
  });

  it('enables a lone buy button of the same show once the feed is in', async () => {
    const button = doc().querySelector('buy-now-button')!;
    await until(() => button.shadowRoot?.querySelector('button')?.disabled === false, 'the lone button to be enabled');
  });

  it('applies the configure() call the page queued before it loaded: the lone button adds to the cart', async () => {
    const button = doc().querySelector('buy-now-button')!;
    await until(() => button.shadowRoot?.querySelector('button')?.disabled === false, 'the lone button to be enabled');
    try {
      button.shadowRoot!.querySelector('button')!.click();
      await until(() => frame.contentWindow!.localStorage.getItem('livecart:cart')?.includes('ember-mug'), 'the cart to hold the mug');
      const files = frame.contentWindow!.performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname);
      // Adapters a page does not use are never fetched.
      expect(files.some((p) => /^\/dist\/permalink-[^/]*\.js$/.test(p))).to.equal(true);
      expect(files.some((p) => /^\/dist\/shopify-[^/]*\.js$/.test(p))).to.equal(false);
      expect(errors).to.deep.equal([]);
    } finally {
      frame.contentWindow!.localStorage.removeItem('livecart:cart');
    }
  });
});

describe('dist/livecart.js on a page with only a player, pip="off" and no cart', () => {
  it('plays, and never downloads the picture-in-picture rungs', async () => {
    const frame = await loadFrame('/test/fixtures/plain-player.html');
    try {
      const player = () => frame.contentDocument!.querySelector('pip-player');
      await until(() => player()?.getAttribute('state') === 'playing', 'the show to play');
      // Long after a page with PiP has fetched them (above).
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(files(frame).filter(isPipChunk)).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
