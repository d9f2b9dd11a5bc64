import { playOrMute } from '../../media/play.js';
import { RESUME_KEY, type ResumeState } from '../../media/resume.js';
import { readJson, writeJson } from '../../platform/storage.js';
import { resolveShowId } from '../../store/show.js';
import type { PipPlayer } from './pip-player.js';

/** How far behind the live edge a restored live show plays: hls.js's own default, three 2 s segments. */
const LIVE_MARGIN_S = 6;

/**
 * On a page loaded after a shopper followed a same-site link (`link-target="_self"`):
 * resumes the saved show as a floating mini player, muted until the shopper taps, with a
 * way back to the show's page. A page that plays the same stream itself (the show's page,
 * come back to) plays on from where the shopper was instead.
 */
export function resumeSavedShow(tag = 'pip-player'): PipPlayer | null {
  const state = takeResume();
  if (!state) return null;
  const players = [...document.querySelectorAll<HTMLElement & { src?: string }>('live-stream, pip-player')];
  const own = players.find((el) => el.src && new URL(el.src, document.baseURI).href === state.src);
  if (own) {
    void playOn(own, state);
    return null;
  }
  const player = document.createElement(tag) as PipPlayer;
  player.src = state.src;
  // A page that plays a show of its own under the same id keeps it: the mini player then
  // joins a show of its own, so neither takes the other's banner, state or PiP requests.
  player.show = players.some((el) => resolveShowId(el) === state.show) ? `${state.show}-resumed` : state.show;
  player.muted = true;
  player.autoplay = true;
  player.returnUrl = state.returnUrl;
  if (state.poster) player.poster = state.poster;
  // A replay picks up where it was (loading from there); a live show starts at its live edge.
  if (!state.live && state.time > 0) player.resumeAt(state.time);
  document.body.append(player);
  void player.float();
  // Wherever the shopper goes next, Back to the show included, the show goes on from here.
  window.addEventListener('pagehide', () => player.isConnected && player.saveForNextPage());
  return player;
}

/**
 * The show's own page, come back to (restored from the back/forward cache, where its
 * video may have been paused, or loaded again): plays on at the saved time of a replay,
 * or near the live edge of a live show (where a fresh load starts anyway).
 */
async function playOn(el: HTMLElement, state: ResumeState): Promise<void> {
  let player = el as PipPlayer;
  if (el.localName !== 'pip-player') {
    await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
    player = el.shadowRoot!.querySelector('pip-player')!;
  }
  const video = player.video;
  const seek = () => {
    const { seekable } = video;
    if (!state.live) video.currentTime = state.time;
    // Restored: the page stood still while the show went on. Back near its edge, as hls.js starts.
    else if (seekable.length) video.currentTime = Math.max(seekable.start(0), seekable.end(seekable.length - 1) - LIVE_MARGIN_S);
    void playOrMute(video, () => (player.muted = true));
  };
  if (video.readyState >= HTMLMediaElement.HAVE_METADATA) seek();
  else if (!state.live) video.addEventListener('loadedmetadata', seek, { once: true });
}

/** A saved show older than this is not resumed: the shopper has moved on. */
const MAX_AGE_MS = 30 * 60_000;

/** The saved show, once: reading it removes it. */
export function takeResume(now = Date.now()): ResumeState | null {
  const state = readJson(RESUME_KEY, 'session') as Partial<ResumeState> | undefined;
  writeJson(RESUME_KEY, undefined, 'session');
  const valid =
    !!state &&
    typeof state.src === 'string' &&
    playable(state.src) &&
    typeof state.time === 'number' &&
    typeof state.savedAt === 'number' &&
    now - state.savedAt < MAX_AGE_MS &&
    typeof state.returnUrl === 'string' &&
    sameOrigin(state.returnUrl);
  return valid ? (state as ResumeState) : null;
}

/**
 * The way back is a link the mini player shows: only to a page of this site (the saved
 * show came from one), never to wherever a tampered value points.
 */
const sameOrigin = (url: string): boolean => {
  try {
    return new URL(url).origin === location.origin;
  } catch {
    return false;
  }
};

/** The stream: this site's, or https (streams are usually on a CDN); never plain http elsewhere. */
const playable = (url: string): boolean => sameOrigin(url) || /^https:\/\/[^/]/i.test(url);
