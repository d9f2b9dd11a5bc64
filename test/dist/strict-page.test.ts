import { expect } from '@open-wc/testing';
import { loadFrame, until } from '../helpers.js';

/**
 * dist/livecart.js on a page served with a strict Content-Security-Policy and Trusted
 * Types required (STRICT_POLICY in test/web-test-runner.config.mjs).
 */
describe('dist/livecart.js under a strict CSP with Trusted Types', () => {
  let frame: HTMLIFrameElement;
  type StrictWindow = Window & { violations: string[] };

  before(async () => {
    frame = await loadFrame('/test/fixtures/strict-csp.html');
  });
  after(() => frame.remove());

  it('is really served strict: an inline script is refused', async () => {
    const response = await fetch('/test/fixtures/strict-csp.html');
    expect(response.headers.get('content-security-policy')).to.contain("require-trusted-types-for 'script'");
    const doc = frame.contentDocument!;
    // Trusted Types refuse the plain string (an exception), and report it as a violation.
    expect(() => {
      const script = doc.createElement('script');
      script.textContent = 'window.inlineRan = true';
      doc.body.append(script);
    }).to.throw();
    await until(() => (frame.contentWindow as StrictWindow).violations.length > 0, 'a violation report');
    expect((frame.contentWindow as unknown as { inlineRan?: boolean }).inlineRan).to.equal(undefined);
    (frame.contentWindow as StrictWindow).violations.length = 0;
  });

  it('plays the show with its products and breaks no rule of the policy', async () => {
    const stream = frame.contentDocument!.querySelector('live-stream')!;
    const player = () => stream.shadowRoot?.querySelector('pip-player');
    await until(() => player()?.getAttribute('state') === 'playing', 'the show to play');
    const carousel = stream.shadowRoot!.querySelector('shop-carousel')!;
    await until(() => carousel.shadowRoot!.querySelectorAll('[part~="card"]').length === 5, 'five product cards');
    await until(() => stream.shadowRoot!.querySelector<HTMLElement>('[part~="banner"]')?.hidden === false, 'the banner');
    // The live show's JSON-LD got its text through Trusted Types, not past them.
    const jsonLd = () => frame.contentDocument!.head.querySelector('script[type="application/ld+json"]');
    await until(jsonLd, 'the JSON-LD');
    expect(JSON.parse(jsonLd()!.textContent!).publication.isLiveBroadcast).to.equal(true);
    expect((frame.contentWindow as StrictWindow).violations).to.deep.equal([]);
  });
});
