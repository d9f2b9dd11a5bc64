import { RESUME_KEY, type ResumeState } from '../../media/resume.js';
import { readJson, writeJson } from '../../store/storage.js';
import type { PipPlayer } from './pip-player.js';

/**
 * On a page loaded after a shopper followed a same-site link (`link-target="_self"`):
 * resumes the saved show as a floating mini player, muted until the shopper taps, with a
 * way back to the show's page. A page that plays the same stream itself resumes nothing.
 */
export function resumeSavedShow(tag = 'pip-player'): PipPlayer | null {
  const state = takeResume();
  if (!state) return null;
  const playing = [...document.querySelectorAll<HTMLElement & { src?: string }>('live-stream, pip-player')].some(
    (el) => el.src && new URL(el.src, document.baseURI).href === state.src,
  );
  if (playing) return null;
  const player = document.createElement(tag) as PipPlayer;
  player.src = state.src;
  player.show = state.show;
  player.muted = true;
  player.autoplay = true;
  player.returnUrl = state.returnUrl;
  if (state.poster) player.poster = state.poster;
  // A replay picks up where it was; a live show starts at its live edge.
  if (!state.live && state.time > 0) {
    player.video.addEventListener('loadedmetadata', () => (player.video.currentTime = state.time), { once: true });
  }
  document.body.append(player);
  void player.float();
  return player;
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
