import { takeResume } from '../../media/resume.js';
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
