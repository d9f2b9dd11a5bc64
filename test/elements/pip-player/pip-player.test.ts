import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/pip-player.js';
import type { PipPlayer } from '../../../src/elements/pip-player/pip-player.js';
import { liveHlsInstances } from '../../../src/media/stream.js';
import { firstFrame, freshShow, getShow, LIVE, MP4, nextEvent, recordErrors, REPLAY, until } from '../../helpers.js';

const videoOf = (el: PipPlayer) => el.video!;

describe('<pip-player>', () => {
  it('is accessible and idle without a source', async () => {
    const el = await fixture<PipPlayer>(html`<pip-player></pip-player>`);
    await expect(el).to.be.accessible();
    expect(el.state).to.equal('idle');
    // Idle and inline are the defaults: no attribute until they change (hydration-safe).
    expect([el.state, el.pipMode]).to.deep.equal(['idle', 'inline']);
    expect(el.hasAttribute('state') || el.hasAttribute('pip-mode')).to.equal(false);
    expect(liveHlsInstances.size).to.equal(0);
  });

  it('plays the live channel through hls.js: first frame, state playing, LIVE badge', async () => {
    const el = await fixture<PipPlayer>(html`<pip-player src=${LIVE} autoplay muted></pip-player>`);
    expect(el.state).to.equal('loading');
    await firstFrame(videoOf(el));
    await until(() => el.state === 'playing', 'state playing');
    expect(el.getAttribute('state')).to.equal('playing');
    expect(liveHlsInstances.size).to.equal(1);
    await until(() => el.live, 'the stream to be known live');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="live-badge"]')?.textContent).to.equal('Live');
    // No scrubber and no clock in its controls: a live show's duration is Infinity, and the
    // controls' timeline and time (which Chromium's phone layout draws anyway) are hidden.
    expect(videoOf(el).duration).to.equal(Infinity);
    expect(videoOf(el).classList.contains('live')).to.equal(true);
    const rules = [...el.shadowRoot!.adoptedStyleSheets, ...[...el.shadowRoot!.styleSheets]].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText));
    if (navigator.userAgent.includes('Chrome/')) expect(rules.join('\n')).to.match(/video\.live::-webkit-media-controls-timeline[^{]*\{\s*display: none/);
    await expect(el).to.be.accessible();
  });

  it('follows the live channel as it advances', async () => {
    const el = await fixture<PipPlayer>(html`<pip-player src=${LIVE} autoplay muted></pip-player>`);
    await until(() => el.state === 'playing', 'state playing');
    const video = videoOf(el);
    // hls.js keeps the seekable range on the playlist's window: its end moves only when
    // the channel has published new segments and the player has reloaded the playlist.
    const windowEnd = () => (video.seekable.length ? video.seekable.end(video.seekable.length - 1) : 0);
    await until(() => windowEnd() > 0, 'a seekable live window');
    const firstWindowEnd = windowEnd();
    const started = performance.now();
    await until(() => windowEnd() >= firstWindowEnd + 4, 'two newly published segments', 20_000);
    expect(performance.now() - started).to.be.above(2000);
    expect(el.state).to.equal('playing');
    expect(video.currentTime).to.be.above(firstWindowEnd - 12);
  });

  it('starts on the lowest rendition', async () => {
    const el = await fixture<PipPlayer>(html`<pip-player src=${LIVE} autoplay muted></pip-player>`);
    const video = videoOf(el);
    // The size of the first picture: read when it is first known (`resize`, which WebKit
    // fires after `loadedmetadata` with MSE), not after the first frame, by which time a busy
    // machine may have let ABR climb already (a WebKit CI run).
    const first = await new Promise<number>((resolve) => {
      const known = () => video.videoHeight && (video.removeEventListener('resize', known), resolve(video.videoHeight));
      video.addEventListener('resize', known);
      known();
    });
    await firstFrame(video);
    expect(first).to.equal(180);
  });

  it('plays MP4 without loading hls.js', async () => {
    const el = await fixture<PipPlayer>(html`<pip-player src=${MP4} autoplay muted></pip-player>`);
    await firstFrame(videoOf(el));
    await until(() => el.state === 'playing', 'state playing');
    expect(liveHlsInstances.size).to.equal(0);
    expect(el.live).to.equal(false);
  });

  it('reflects pause, play and the properties as attributes', async () => {
    const el = await fixture<PipPlayer>(html`<pip-player src=${REPLAY} muted></pip-player>`);
    await until(() => videoOf(el).readyState >= 2, 'media data');
    await el.play();
    await until(() => el.state === 'playing', 'state playing');
    await el.pause();
    await until(() => el.state === 'paused', 'state paused');
    el.poster = '/demo/public/images/ember-mug.svg';
    el.controls = true;
    el.pip = 'off';
    await el.updateComplete;
    expect(el.getAttribute('poster')).to.equal('/demo/public/images/ember-mug.svg');
    expect(el.hasAttribute('controls')).to.equal(true);
    expect(el.getAttribute('pip')).to.equal('off');
    expect(videoOf(el).controls).to.equal(true);
    expect(videoOf(el).poster).to.match(/ember-mug\.svg$/);
  });

  it('never uses a javascript: poster', async () => {
    const el = await fixture<PipPlayer>(html`<pip-player poster="javascript:alert(1)"></pip-player>`);
    expect(videoOf(el).hasAttribute('poster')).to.equal(false);
  });

  it('destroys hls.js and its listeners on disconnect, and picks up again when reconnected', async () => {
    const el = await fixture<PipPlayer>(html`<pip-player src=${LIVE} autoplay muted></pip-player>`);
    await until(() => el.state === 'playing', 'state playing');
    const parent = el.parentNode!;
    el.remove();
    // Teardown waits for the microtask checkpoint, so that a move (remove + insert) keeps the stream.
    expect(liveHlsInstances.size).to.equal(1);
    await null;
    expect(liveHlsInstances.size).to.equal(0);
    const video = videoOf(el);
    // No MediaSource left attached, and no listener of ours still moves the state (a
    // player out of the page is idle).
    expect(video.src).to.equal('');
    expect(el.state).to.equal('idle');
    video.dispatchEvent(new Event('playing'));
    expect(el.state).to.equal('idle');
    parent.appendChild(el);
    await until(() => el.state === 'playing', 'state playing again');
    expect(liveHlsInstances.size).to.equal(1);
  });

  it('replaces its hls.js instance when src changes', async () => {
    const el = await fixture<PipPlayer>(html`<pip-player src=${LIVE} autoplay muted></pip-player>`);
    await until(() => el.state === 'playing', 'state playing');
    const [first] = liveHlsInstances;
    el.src = REPLAY;
    await until(() => liveHlsInstances.size === 1 && !liveHlsInstances.has(first), 'a new instance');
    await until(() => el.state === 'playing', 'state playing on the new source');
    el.src = MP4;
    await until(() => liveHlsInstances.size === 0, 'no hls.js for MP4');
  });

  it('shows an error with Retry and emits livecart-error for a 404 manifest, without throwing', async () => {
    const errors = recordErrors();
    const show = freshShow();
    const el = await fixture<PipPlayer>(html`<pip-player show=${show} src="/channel/missing.m3u8" autoplay muted></pip-player>`);
    const event = await nextEvent<CustomEvent>(el, 'livecart-error');
    errors.stop();
    expect(event.detail).to.include({ show, code: 'stream' });
    expect(event.detail.message).to.match(/missing\.m3u8.*the video was not found \(HTTP 404\)/);
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(liveHlsInstances.size).to.equal(0);
    const panel = el.shadowRoot!.querySelector('[part~="error"]')!;
    expect(panel.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    expect(errors.uncaught).to.deep.equal([]);

    // Retry loads again from scratch: still failing here, so a second event comes.
    const retry = panel.querySelector<HTMLButtonElement>('[part~="retry"]')!;
    const again = nextEvent(el, 'livecart-error');
    retry.click();
    await again;
    expect(el.state).to.equal('error');
  });

  it('Retry recovers once the stream is back', async () => {
    const el = await fixture<PipPlayer>(html`<pip-player src="/channel/missing.m3u8" autoplay muted></pip-player>`);
    await nextEvent(el, 'livecart-error');
    // The stream comes back (here: the page fixes the URL) and the shopper presses Retry.
    el.src = LIVE;
    await until(() => el.state === 'playing', 'state playing after retry');
    expect(el.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
  });

  it('registers with its show, publishing its state to $player', async () => {
    const show = freshShow();
    const el = await fixture<PipPlayer>(html`<pip-player show=${show} src=${REPLAY} autoplay muted></pip-player>`);
    await until(() => getShow(show).$player.get().state === 'playing', '$player playing');
    el.remove();
    await null;
    expect(getShow(show).$player.get().state).to.equal('idle');
  });

  it('two players in one show: the first is the show\'s, the second keeps its state to itself', async () => {
    const show = freshShow();
    const wrapper = await fixture<HTMLElement>(html`<div>
      <pip-player show=${show} src=${MP4} autoplay muted></pip-player>
      <pip-player show=${show} src="/nowhere/missing.mp4" muted></pip-player>
    </div>`);
    const [first, second] = wrapper.querySelectorAll('pip-player');
    await until(() => first.state === 'playing', 'the first playing');
    await until(() => second.state === 'error', 'the second failing on its own source');
    expect(first.state).to.equal('playing');
    expect(getShow(show).$player.get().state).to.equal('playing');
    expect(second.getAttribute('state')).to.equal('error');
    expect(first.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
    // The show's PiP requests go to its player, not to the second one.
    second.remove();
    await null;
    expect(getShow(show).$player.get().state).to.equal('playing');
  });

  it('when the show\'s player leaves the page, the next one becomes the show\'s: $player and its PiP requests', async () => {
    const show = freshShow();
    const wrapper = await fixture<HTMLElement>(html`<div>
      <pip-player show=${show} src=${MP4} autoplay muted></pip-player>
      <pip-player show=${show} src=${MP4} autoplay muted></pip-player>
    </div>`);
    const [first, second] = wrapper.querySelectorAll('pip-player');
    await until(() => first.state === 'playing' && second.state === 'playing', 'both playing');
    second.video.pause();
    await until(() => second.state === 'paused', 'the second paused');
    expect(getShow(show).$player.get().state).to.equal('playing');
    // A move within the page (out and back in at once) keeps the show's player, and $player's state through it.
    const states: string[] = [];
    const stop = getShow(show).$player.listen(({ state }) => states.push(state));
    wrapper.append(first);
    await null;
    await first.updateComplete;
    stop();
    expect(states).to.deep.equal([]);
    expect(getShow(show).$player.get().state).to.equal('playing');
    second.video.play();
    await until(() => second.state === 'playing', 'the second playing');
    second.video.pause();
    await until(() => second.state === 'paused', 'the second paused again');
    expect(getShow(show).$player.get().state).to.equal('playing');
    first.remove();
    await null;
    expect(getShow(show).$player.get().state).to.equal('paused');
    // Asked outside a click, the browser refuses PiP: the show's player floats.
    expect(await getShow(show).requestPip()).to.equal('floating');
    expect(second.pipMode).to.equal('floating');
    expect(getShow(show).$player.get().pipMode).to.equal('floating');
    second.remove();
    await null;
    expect(getShow(show).$player.get().state).to.equal('idle');
  });

  it('changing its show while in the page leaves nothing subscribed to the shows it left', async () => {
    const [a, b] = [freshShow(), freshShow()];
    const el = await fixture<PipPlayer>(html`<pip-player show=${a} src=${MP4} muted></pip-player>`);
    // The player listens to its show's product on screen (for the media session).
    const listeners = (id: string) => (getShow(id).$featured as unknown as { lc: number }).lc;
    const none = listeners(b);
    const inA = listeners(a);
    expect(inA).to.be.above(none);
    for (const next of [b, a, b, a, b]) {
      el.show = next;
      await el.updateComplete;
    }
    expect(listeners(a)).to.equal(none);
    expect(listeners(b)).to.equal(inA);
    el.remove();
    await null;
    expect(listeners(b)).to.equal(none);
  });

  it('answers the player keys: Space, M and P', async () => {
    const el = await fixture<PipPlayer>(html`<pip-player src=${MP4} autoplay muted></pip-player>`);
    await until(() => el.state === 'playing', 'playing');
    el.shadowRoot!.querySelector<HTMLElement>('[part~="frame"]')!.focus();
    await sendKeys({ press: ' ' }); // the space bar, by its key value (Firefox's BiDi knows no "Space")
    await until(() => el.state === 'paused', 'paused by Space');
    await sendKeys({ press: 'm' });
    // The key's action comes in its own chunk, a promise after the press (keys-controller.ts).
    await until(() => !el.video.muted, 'unmuted by M');
    expect(el.video.muted).to.equal(false);
    expect(el.muted).to.equal(false);
    await sendKeys({ press: 'k' });
    await until(() => el.state === 'playing', 'playing again by K');
    // A key press is a user gesture: P goes picture-in-picture.
    const change = nextEvent<CustomEvent>(el, 'livecart-pip-change');
    await sendKeys({ press: 'p' });
    expect((await change).detail.mode).to.equal('document');
    await el.exitPip();
    await until(() => el.pipMode === 'inline', 'back inline');
  });
});
