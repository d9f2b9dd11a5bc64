import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/buy-now-button.js';
import '../../src/define/pip-player.js';
import type { PipPlayer } from '../../src/elements/pip-player/pip-player.js';
import { PRESENTATION_MODE_TIMEOUT } from '../../src/media/pip.js';
import { canUseMediaSource, liveHlsInstances } from '../../src/media/stream.js';
import { firstFrame, getShow, item, nextEvent, playerWithBuyButton, realClick, recordErrors, REPLAY, showWith, until, without } from '../helpers.js';

const hasManagedMediaSource = () => typeof (globalThis as { ManagedMediaSource?: unknown }).ManagedMediaSource === 'function';

describe('Apple paths: ManagedMediaSource and native HLS', () => {
  let restores: (() => void)[] = [];
  afterEach(() => {
    restores.forEach((restore) => restore());
    restores = [];
  });

  it('plays HLS through hls.js on the engine’s own MediaSource, with remote playback off under ManagedMediaSource', async () => {
    // WebKitGTK has Apple's ManagedMediaSource (as Safari 17.1+ does); Chromium and Firefox have MediaSource.
    expect(canUseMediaSource()).to.equal(true);
    const player = await fixture<PipPlayer>(html`<pip-player src=${REPLAY} muted autoplay></pip-player>`);
    await firstFrame(player.video);
    expect(liveHlsInstances.size).to.equal(1);
    expect(player.video.src.startsWith('blob:') || !!player.video.querySelector('source[src^="blob:"]')).to.equal(true);
    // Firefox has no Remote Playback API at all (undefined).
    expect(!!player.video.disableRemotePlayback).to.equal(hasManagedMediaSource());
    expect(player.video.hasAttribute('playsinline')).to.equal(true);
  });

  it('with ManagedMediaSource alone (no MediaSource), still takes hls.js', async function () {
    if (!hasManagedMediaSource()) {
      // What this engine does instead: hidden MediaSource means native playback (next test).
      restores.push(without(globalThis, 'MediaSource'));
      expect(canUseMediaSource()).to.equal(false);
      return;
    }
    restores.push(without(globalThis, 'MediaSource'));
    expect(canUseMediaSource()).to.equal(true);
    const player = await fixture<PipPlayer>(html`<pip-player src=${REPLAY} muted autoplay></pip-player>`);
    await firstFrame(player.video);
    expect(liveHlsInstances.size).to.equal(1);
    expect(player.video.disableRemotePlayback).to.equal(true);
  });

  it('without any MediaSource, hands the playlist to the video element (native HLS, as on iOS before 17.1)', async () => {
    restores.push(without(globalThis, 'MediaSource'), without(globalThis, 'ManagedMediaSource'));
    expect(canUseMediaSource()).to.equal(false);
    const errors = recordErrors();
    restores.push(() => errors.stop());
    const player = await fixture<PipPlayer>(html`<pip-player src=${REPLAY} muted autoplay></pip-player>`);
    expect(liveHlsInstances.size).to.equal(0);
    expect(player.video.src).to.equal(new URL(REPLAY, location.href).href);
    if (player.video.canPlayType('application/vnd.apple.mpegurl')) {
      // Chromium plays HLS natively nowadays: the native path really plays here.
      await firstFrame(player.video);
      await until(() => player.state === 'playing', 'native HLS to play');
    } else {
      // Firefox and WebKitGTK have no native HLS: the shopper is told, as on any unplayable stream.
      await until(() => player.state === 'error', 'the error state');
      expect(errors.events[0].detail.code).to.equal('stream');
    }
  });
});

/** A playing show with a link-out buy button, Document PiP hidden: the rung under test is video PiP. */
async function playingShow() {
  const show = showWith(item('ember-mug', { link: 'https://shop.example/mug' }));
  getShow(show).feature('ember-mug');
  const { player, button } = await playerWithBuyButton(show, REPLAY, 'ember-mug');
  return { player, button };
}

type WebkitVideo = HTMLVideoElement & {
  webkitSupportsPresentationMode?: (mode: string) => boolean;
  webkitSetPresentationMode?: (mode: string) => void;
  webkitPresentationMode?: string;
};

/**
 * Safari's presentation mode on this one video, where the engine has none (WebKitGTK,
 * Chromium and Firefox do not): `accept` reports the change as Safari does, with
 * `webkitpresentationmodechanged`; otherwise the call is ignored, as Safari ignores a
 * call it does not allow.
 */
function presentationMode(video: WebkitVideo, accept: boolean) {
  const calls: string[] = [];
  let mode = 'inline';
  Object.defineProperty(video, 'webkitPresentationMode', { get: () => mode, configurable: true });
  video.webkitSupportsPresentationMode = (m) => m === 'picture-in-picture';
  video.webkitSetPresentationMode = (m) => {
    calls.push(m);
    if (!accept) return;
    setTimeout(() => {
      mode = m;
      video.dispatchEvent(new Event('webkitpresentationmodechanged'));
    });
  };
  return calls;
}

describe('Apple paths: video PiP where the standard call is refused', () => {
  let restores: (() => void)[] = [];
  const open = window.open;
  beforeEach(() => {
    // The buy button's link would open a tab; the test needs only the gesture.
    window.open = () => null;
    restores.push(without(window, 'documentPictureInPicture'));
  });
  afterEach(async () => {
    window.open = open;
    restores.forEach((restore) => restore());
    restores = [];
    if (document.pictureInPictureElement) await document.exitPictureInPicture();
  });

  /** The standard call rejects, as some Safari versions do while reporting pictureInPictureEnabled. */
  const refuseStandard = (video: HTMLVideoElement) =>
    (video.requestPictureInPicture = () => Promise.reject(new DOMException('not allowed', 'NotAllowedError')));

  it('falls through to the floating player when nothing else is there, and says why', async () => {
    const { player, button } = await playingShow();
    refuseStandard(player.video);
    const errors = recordErrors();
    const change = nextEvent<CustomEvent>(player, 'livecart-pip-change');
    await realClick(button);
    expect((await change).detail.mode).to.equal('floating');
    errors.stop();
    expect(errors.events.map((e) => e.detail.code)).to.deep.equal(
      // WebKitGTK reports no pictureInPictureEnabled: floating is its first supported rung, nothing is refused.
      document.pictureInPictureEnabled ? ['pip'] : [],
    );
  });

  it('tries Safari’s presentation mode next, and takes its word for the mode', async () => {
    const { player, button } = await playingShow();
    refuseStandard(player.video);
    const calls = presentationMode(player.video, true);
    const change = nextEvent<CustomEvent>(player, 'livecart-pip-change');
    await realClick(button);
    expect((await change).detail.mode).to.equal('video');
    expect(calls).to.deep.equal(['picture-in-picture']);
    const back = nextEvent<CustomEvent>(player, 'livecart-pip-change');
    await player.exitPip();
    expect((await back).detail.mode).to.equal('inline');
    expect(calls).to.deep.equal(['picture-in-picture', 'inline']);
  });

  it('floats when the presentation mode ignores the call too: the shopper is never stranded', async () => {
    const { player, button } = await playingShow();
    refuseStandard(player.video);
    const calls = presentationMode(player.video, false);
    const errors = recordErrors();
    const started = performance.now();
    const change = nextEvent<CustomEvent>(player, 'livecart-pip-change', PRESENTATION_MODE_TIMEOUT + 5_000);
    await realClick(button);
    expect((await change).detail.mode).to.equal('floating');
    errors.stop();
    expect(calls).to.deep.equal(['picture-in-picture']);
    expect(performance.now() - started).to.be.below(PRESENTATION_MODE_TIMEOUT + 2_000);
    expect(errors.events[0].detail.message).to.match(/video picture-in-picture was refused/);
  });
});
