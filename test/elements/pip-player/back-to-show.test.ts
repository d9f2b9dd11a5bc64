import { expect } from '@open-wc/testing';
import type { LiveStream } from '../../../src/elements/live-stream/live-stream.js';
import type { PipPlayer } from '../../../src/elements/pip-player/pip-player.js';
import { bannerBuyButton, LIVE, loadFrame, nextEvent, until } from '../../helpers.js';

const RESUME_KEY = 'livecart:resume';
type FrameWindow = Window & typeof globalThis;

/** The show page's player, in the frame. */
const showPlayer = (frame: HTMLIFrameElement) =>
  frame.contentDocument?.querySelector<LiveStream>('live-stream')?.shadowRoot?.querySelector<PipPlayer>('pip-player') ?? null;

async function playingShow(frame: HTMLIFrameElement, past = 0): Promise<PipPlayer> {
  await until(() => showPlayer(frame)?.state === 'playing', 'the show to play');
  const player = showPlayer(frame)!;
  await until(() => player.video.currentTime > past, `the show past ${past} s`);
  return player;
}

describe('back to the show (link-target="_self")', () => {
  beforeEach(() => sessionStorage.clear());

  it('Back from the product page (a fresh load of the show page) plays on where the shopper was, then clears the entry', async () => {
    const frame = await loadFrame('/test/fixtures/back-to-show.html');
    try {
      const player = await playingShow(frame, 2);
      const stream = frame.contentDocument!.querySelector('live-stream')!;
      await until(() => bannerBuyButton(stream), 'the banner buy button');
      const left = nextEvent(frame, 'load');
      bannerBuyButton(stream)!.click();
      expect(player.video.currentTime).to.be.above(2);
      await left;
      // On the product page: the mini player, playing on.
      const mini = () => frame.contentDocument!.querySelector<PipPlayer>('pip-player');
      await until(() => mini()?.state === 'playing' && mini()!.video.currentTime > 4, 'the mini player past 4 s');
      const back = nextEvent(frame, 'load');
      frame.contentWindow!.history.back();
      await back;
      const loaded = performance.now();
      expect(frame.contentWindow!.location.pathname).to.equal('/test/fixtures/back-to-show.html');
      // Not from the start: at least where the mini player was when the page went, sooner
      // than playing from 0 could have got there.
      const again = await playingShow(frame);
      await until(() => again.video.currentTime >= 4, 'the show at the saved time');
      expect(performance.now() - loaded).to.be.below(3500);
      expect((frame.contentWindow as FrameWindow).sessionStorage.getItem(RESUME_KEY)).to.equal(null);
      expect(frame.contentDocument!.querySelectorAll('body > pip-player')).to.have.length(0);
    } finally {
      frame.remove();
    }
  }).timeout(40_000);

  // An iframe never enters the back/forward cache, and a top-level navigation would take
  // the test page away: the restore is driven by the PageTransitionEvent a browser sends.
  it('restored from the back/forward cache (pageshow, persisted): a paused replay plays on at the saved time', async () => {
    const frame = await loadFrame('/test/fixtures/back-to-show.html');
    try {
      const player = await playingShow(frame, 1);
      player.saveForNextPage();
      const saved = JSON.parse(sessionStorage.getItem(RESUME_KEY)!).time as number;
      player.video.pause();
      player.video.currentTime = 0;
      await until(() => player.state === 'paused', 'paused, as a page in the cache');
      const win = frame.contentWindow as FrameWindow;
      win.dispatchEvent(new win.PageTransitionEvent('pageshow', { persisted: true }));
      await until(() => player.state === 'playing', 'playing again');
      expect(player.video.currentTime).to.be.at.least(saved);
      expect(player.video.currentTime).to.be.below(saved + 3);
      expect(win.sessionStorage.getItem(RESUME_KEY)).to.equal(null);
    } finally {
      frame.remove();
    }
  });

  it('restored from the back/forward cache: a live show plays on near its live edge', async () => {
    const frame = await loadFrame(`/test/fixtures/back-to-show.html?src=${encodeURIComponent(LIVE)}`);
    try {
      const player = await playingShow(frame);
      await until(() => player.video.seekable.length && player.video.seekable.end(0) - player.video.seekable.start(0) > 8, 'a live window');
      player.saveForNextPage();
      player.video.pause();
      // Left behind while away: far from the edge.
      player.video.currentTime = player.video.seekable.start(0);
      await until(() => player.state === 'paused', 'paused, as a page in the cache');
      const win = frame.contentWindow as FrameWindow;
      win.dispatchEvent(new win.PageTransitionEvent('pageshow', { persisted: true }));
      await until(() => player.state === 'playing', 'playing again');
      const { seekable } = player.video;
      expect(seekable.end(seekable.length - 1) - player.video.currentTime).to.be.below(8);
      expect(player.behindLive).to.equal(false);
    } finally {
      frame.remove();
    }
  });
});
