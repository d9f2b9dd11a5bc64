import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/live-stream.js';
import '../../src/define/pip-player.js';
import type { LiveStream } from '../../src/elements/live-stream/live-stream.js';
import type { PipPlayer } from '../../src/elements/pip-player/pip-player.js';
import { sendMouse } from '@web/test-runner-commands';
import { excludedHere, PHONE, resizeViewport } from '../engine.js';
import { FEED, firstFrame, freshShow, nextEvent, playingShowPage, realClick, REPLAY, until } from '../helpers.js';

/**
 * A phone's screen: the viewport set to 390×844 (WebKit: see test/webkit-exclusions.mjs).
 * Taps are real mouse clicks: the runner's commands have no touch input in any engine,
 * so pointerType stays `mouse` (the player's handlers take any pointer).
 */
describe('on a phone-sized screen (390×844)', () => {
  let desktop = { width: 0, height: 0 };
  before(async function () {
    if (excludedHere(this.test!.parent!.fullTitle())) this.skip();
    desktop = { width: innerWidth, height: innerHeight };
    await resizeViewport(PHONE);
  });
  after(() => desktop.width && resizeViewport(desktop));

  it('fits the screen: the show takes the width, nothing scrolls sideways, the video plays inline', async () => {
    expect([innerWidth, innerHeight]).to.deep.equal([PHONE.width, PHONE.height]);
    const el = await fixture<LiveStream>(html`<live-stream show=${freshShow()} products=${FEED} src=${REPLAY} autoplay muted></live-stream>`);
    const player = () => el.shadowRoot!.querySelector('pip-player') as PipPlayer;
    await until(() => player()?.state === 'playing', 'the show to play');
    expect(el.getBoundingClientRect().width).to.be.at.most(PHONE.width);
    expect(document.documentElement.scrollWidth).to.be.at.most(PHONE.width);
    // iOS Safari would take the video fullscreen on play without it.
    expect(player().video.hasAttribute('playsinline')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('following a same-site link resumes the show on the next page: how long the show is lost', async () => {
    sessionStorage.clear();
    const { frame, buy } = await playingShowPage(PHONE, 'position: fixed; inset: 0');
    try {
      const doc = () => frame.contentDocument!;
      buy.scrollIntoView({ block: 'center' });
      const box = buy.getBoundingClientRect();
      const left = nextEvent(frame, 'load');
      const clicked = performance.now();
      // The frame sits at the top-left corner: its coordinates are the page's.
      await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
      await left;
      const resumed = () => doc().querySelector('pip-player');
      await until(() => resumed()?.getAttribute('state') === 'playing', 'the show to resume on the next page');
      const lost = performance.now() - clicked;
      console.log(`show lost following a same-site link (resume on the next page, phone-sized): ${Math.round(lost)} ms`);
      expect(frame.contentWindow!.location.pathname).to.equal('/test/fixtures/product-page.html');
      expect(lost).to.be.below(15_000);
      // The mini player docks clear of the page's own primary action ("Add to bag", under
      // both bottom corners of a phone), and is a phone's size, not the page's width.
      const mini = resumed()!.shadowRoot!.querySelector('[part~="frame"]')!;
      const bag = doc().querySelector('#add-to-bag')!.getBoundingClientRect();
      const covers = () => {
        const box = mini.getBoundingClientRect();
        return box.left < bag.right && bag.left < box.right && box.top < bag.bottom && bag.top < box.bottom;
      };
      await until(() => !covers(), 'the mini player clear of "Add to bag"');
      expect(mini.getBoundingClientRect().width).to.be.at.most(PHONE.width / 2);
    } finally {
      frame.remove();
      // The resumed player saved its place again as its page went (the frame shares this
      // tab's sessionStorage): left there, the next test page would resume the show too.
      sessionStorage.clear();
    }
  });
});

describe('where autoplay with sound is refused until a tap', () => {
  // Phone browsers refuse unmuted autoplay without a gesture, whatever the launch flags of
  // the suite allow: the page itself refuses it here, the way they answer (NotAllowedError),
  // until the page sees a trusted pointer event.
  const play = HTMLMediaElement.prototype.play;
  let gesture = false;
  const onGesture = (event: Event) => (gesture ||= event.isTrusted);
  beforeEach(() => {
    gesture = false;
    document.addEventListener('pointerdown', onGesture, true);
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      if (!this.muted && !gesture) return Promise.reject(new DOMException('play() needs a user gesture', 'NotAllowedError'));
      return play.call(this);
    };
  });
  afterEach(() => {
    HTMLMediaElement.prototype.play = play;
    document.removeEventListener('pointerdown', onGesture, true);
  });

  it('starts muted, and the first tap on the video turns the sound on', async () => {
    const player = await fixture<PipPlayer>(html`<pip-player src=${REPLAY} autoplay></pip-player>`);
    await firstFrame(player.video);
    await until(() => player.state === 'playing', 'muted autoplay');
    expect(player.video.muted).to.equal(true);
    expect(player.muted).to.equal(true);
    const unmuted = nextEvent(player.video, 'volumechange');
    await realClick(player.video);
    await unmuted;
    expect(gesture).to.equal(true);
    expect(player.video.muted).to.equal(false);
    await until(() => player.state === 'playing' && !player.video.paused, 'playing with sound');
    expect(player.hasAttribute('muted')).to.equal(false);
  });
});
