import { readJson, writeJson } from '../store/storage.js';

/**
 * Same-site shopping with `link-target="_self"`: before the page goes, the player saves
 * where the show was; the next page that loads livecart picks it up as a floating mini
 * player, muted until the shopper taps.
 */
export interface ResumeState {
  src: string;
  time: number;
  live: boolean;
  muted: boolean;
  show: string;
  poster?: string;
  /** The show page, for the mini player's way back. */
  returnUrl: string;
  savedAt: number;
}

const KEY = 'livecart:resume';
/** A saved show older than this is not resumed: the shopper has moved on. */
const MAX_AGE_MS = 30 * 60_000;

export function saveResume(state: ResumeState): void {
  // Without session storage the next page simply starts fresh.
  writeJson(KEY, state, 'session');
}

/** Whether a show was saved for this page (cheap: decides whether to load the rest). */
export function hasSavedShow(): boolean {
  return readJson(KEY, 'session') !== undefined;
}

/** The saved show, once: reading it removes it. */
export function takeResume(now = Date.now()): ResumeState | null {
  const state = readJson(KEY, 'session') as Partial<ResumeState> | undefined;
  writeJson(KEY, undefined, 'session');
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
