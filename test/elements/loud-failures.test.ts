import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/pip-player.js';
import '../../src/define/live-stream.js';
import '../../src/define/shop-carousel.js';
import '../../src/define/buy-now-button.js';
import '../../src/define/show-console.js';
import type { BuyNowButton } from '../../src/elements/buy-now-button/buy-now-button.js';
import type { LiveStream } from '../../src/elements/live-stream/live-stream.js';
import type { PipPlayer } from '../../src/elements/pip-player/pip-player.js';
import type { ShopCarousel } from '../../src/elements/shop-carousel/shop-carousel.js';
import { getShow } from '../../src/store/show.js';
import { validateItems } from '../../src/core/feed.js';
import { freshShow, item, LIVE, MP4, nextEvent, realClick, recordErrorsInEachTest, spyConsole, until } from '../helpers.js';

/** Every console.warn while a test runs, as one string per call. */
function recordWarnings() {
  const spy = spyConsole('warn');
  const text = () => spy.calls.map((args) => args.map(String).join(' '));
  return {
    get warnings() {
      return text();
    },
    /** The first warning matching `pattern`, once it has come (the words load on demand). */
    async next(pattern: RegExp | string): Promise<string> {
      const match = (w: string) => (typeof pattern === 'string' ? w.includes(pattern) : pattern.test(w));
      await until(() => text().some(match), `a warning matching ${pattern}`);
      return text().find(match)!;
    },
    stop: spy.restore,
  };
}

describe('failures say what happened, in plain words', () => {
  let warnings: ReturnType<typeof recordWarnings>;
  beforeEach(() => (warnings = recordWarnings()));
  afterEach(() => warnings.stop());
  const errors = recordErrorsInEachTest();

  it('a 404 stream: the shopper reads words, not hls.js codes; the console names the element, cause and fix', async () => {
    const el = await fixture<PipPlayer>(html`<pip-player id="stage" src="/channel/missing.m3u8" controls autoplay muted></pip-player>`);
    await nextEvent(el, 'livecart-error');
    await el.updateComplete;
    const panel = el.shadowRoot!.querySelector<HTMLElement>('[part~="error"]')!;
    // Plain words for the shopper (issue 19: a developer's lowercase reason was shown too);
    // the reason is the developer's, in the console and on the panel's data-reason.
    expect(panel.textContent!.replace(/\s+/g, ' ').trim()).to.equal('The video could not be played. Retry');
    expect(panel.dataset.reason).to.equal('the video was not found (HTTP 404)');
    expect(panel.dataset.reason).not.to.match(/manifest|LoadError/i);
    // No browser controls (0:00, a seek bar) under the panel.
    expect(el.video.controls).to.equal(false);
    const warning = await warnings.next('not found');
    expect(warning).to.match(/^livecart: <pip-player id="stage" src="\/channel\/missing\.m3u8">: /);
    expect(warning).to.contain('Fix: check that src is an HLS');
  });

  it('a stream on another origin without CORS headers says it is likely CORS', async () => {
    // The fault server's copy of the channel sends no Access-Control-Allow-Origin (the channel itself does).
    const src = `http://127.0.0.1:${location.port}/faults/${encodeURIComponent('id=no-cors')}/channel/live.m3u8`;
    const el = await fixture<PipPlayer>(html`<pip-player src=${src} autoplay muted></pip-player>`);
    const event = await nextEvent<CustomEvent>(el, 'livecart-error');
    expect(event.detail.message).to.match(/CORS header, Access-Control-Allow-Origin/);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part~="error"]')!.dataset.reason).to.contain('likely a missing CORS header');
  });

  it('every livecart-error is also one console warning, whichever element sent it', async () => {
    const show = freshShow();
    await fixture(html`<shop-carousel show=${show} products="/demo/public/missing-feed.json"></shop-carousel>`);
    await until(() => errors.events.length === 1, 'the feed error');
    await warnings.next('HTTP 404');
    const warning = warnings.warnings.filter((w) => w.includes('HTTP 404'));
    expect(warning).to.have.length(1);
    expect(warning[0]).to.match(/^livecart: <shop-carousel>: the feed could not be read: HTTP 404 \(.*missing-feed\.json\)\. Fix: /);
  });

  it('an element inside a <live-stream> is named through it', async () => {
    const el = await fixture<LiveStream>(html`<live-stream id="show" show=${freshShow()}></live-stream>`);
    await el.updateComplete;
    expect(await warnings.next('no src')).to.match(/^livecart: <live-stream id="show"> \(its <pip-player>\): no src is set/);
  });

  it('a show that plays without product cues or schedule warns once how to make it shoppable', async () => {
    const el = await fixture<PipPlayer>(html`<pip-player show=${freshShow()} src=${MP4} autoplay muted></pip-player>`);
    await until(() => el.video.currentTime > 3.5, 'three seconds of playback', 20_000);
    await warnings.next('without featuring a product');
    await until(() => el.video.currentTime > 4.5, 'more playback');
    const shoppable = warnings.warnings.filter((w) => w.includes('without featuring a product'));
    expect(shoppable).to.have.length(1);
    expect(shoppable[0]).to.contain('#EXT-X-DATERANGE');
    expect(shoppable[0]).to.contain('schedule');
    expect(shoppable[0]).to.contain('"Running a live show"');
    expect(errors.events).to.deep.equal([]);
  }).timeout(30_000);

  it('a show with product cues, with a schedule, or with a producer\'s console does not warn', async () => {
    const cued = await fixture<PipPlayer>(html`<pip-player show=${freshShow()} src=${LIVE} autoplay muted></pip-player>`);
    await until(() => cued.video.currentTime > 3.5, 'three seconds of the cued show', 20_000);
    const scheduled = await fixture<PipPlayer>(
      html`<pip-player show=${freshShow()} src=${MP4} schedule="/test/fixtures/schedule.json" autoplay muted></pip-player>`,
    );
    await until(() => scheduled.video.currentTime > 3.5, 'three seconds of the scheduled show', 20_000);
    // The console's own preview (issue 19: it warned on every load of the producer page).
    const studio = freshShow();
    const page = await fixture(html`<div>
      <show-console show=${studio}></show-console>
      <pip-player show=${studio} src=${MP4} autoplay muted></pip-player>
    </div>`);
    const preview = page.querySelector<PipPlayer>('pip-player')!;
    await until(() => preview.video.currentTime > 3.5, 'three seconds of the preview', 20_000);
    expect(warnings.warnings.filter((w) => w.includes('without featuring'))).to.deep.equal([]);
  }).timeout(60_000);

  it('an unknown layout warns once and says which layout is used', async () => {
    const el = await fixture<LiveStream>(html`<live-stream show=${freshShow()} layout="sideways" src=${LIVE} muted></live-stream>`);
    el.title = 'again';
    await el.updateComplete;
    el.requestUpdate();
    await el.updateComplete;
    await warnings.next('layout=');
    const layout = warnings.warnings.filter((w) => w.includes('layout='));
    expect(layout).to.have.length(1);
    expect(layout[0]).to.contain('layout="sideways" is not one of "split", "overlay"; using the layout picked by width');
    expect(el.shadowRoot!.querySelector('[part~="base"]')!.className).to.equal('auto');
  });

  it('a bad link-target warns and says what is used instead', async () => {
    const show = freshShow();
    await fixture(html`<div>
      <live-stream show=${show} link-target="_top"></live-stream>
    </div>`);
    await warnings.next('link-target="_top" is not one of "_blank", "_self"; using "_blank"');
  });

  it('<pip-player> without src warns and shows nothing clickable', async () => {
    const el = await fixture<PipPlayer>(html`<pip-player controls></pip-player>`);
    await el.updateComplete;
    await warnings.next(/<pip-player>: no src is set.*Fix: set src/);
    expect(el.video.controls).to.equal(false);
    const focusable = el.shadowRoot!.querySelectorAll('button, a, [tabindex]');
    expect([...focusable].map((n) => n.outerHTML)).to.deep.equal([]);
    el.src = MP4;
    await el.updateComplete;
    expect(el.video.controls).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('a web page served as a feed says so, in one message', async () => {
    const el = await fixture<ShopCarousel>(html`<shop-carousel show=${freshShow()} products="/test/fixtures/opened.html"></shop-carousel>`);
    const event = await nextEvent<CustomEvent>(el, 'livecart-error');
    expect(event.detail.message).to.contain('the feed URL answers a web page (HTML), not a feed');
    await el.updateComplete;
    const messages = el.shadowRoot!.querySelectorAll('[part~="message"]');
    expect(messages).to.have.length(1);
    expect(messages[0].textContent!.replace(/\s+/g, ' ').trim()).to.equal('Products could not be loaded.');
    expect((messages[0] as HTMLElement).dataset.reason).to.equal('the feed URL answers a web page (HTML), not a feed');
    await expect(el).to.be.accessible();
  });

  it('a product without a link, in link mode: a disabled button that says why, and no add-to-cart event', async () => {
    const show = freshShow();
    const { link: _link, ...linkless } = item('bare');
    const added: Event[] = [];
    const onAdd = (e: Event) => added.push(e);
    document.addEventListener('livecart-add-to-cart', onAdd);
    const el = await fixture<BuyNowButton>(html`<buy-now-button show=${show} product="bare" action="link"></buy-now-button>`);
    getShow(show).addProducts(validateItems([linkless]).products);
    await el.updateComplete;
    const button = el.shadowRoot!.querySelector('button')!;
    expect(button.disabled).to.equal(true);
    expect(button.textContent!.trim()).to.equal('No shop link');
    await realClick(el);
    await new Promise((resolve) => setTimeout(resolve, 100));
    document.removeEventListener('livecart-add-to-cart', onAdd);
    expect(added).to.deep.equal([]);
    await warnings.next('product "bare" has no http(s) link, so its buy button is disabled');
    await expect(el).to.be.accessible();
  });
});
