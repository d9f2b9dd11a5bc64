import { readJson, writeJson } from '../platform/storage.js';

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

export const RESUME_KEY = 'livecart:resume';

export function saveResume(state: ResumeState): void {
  // Without session storage the next page simply starts fresh.
  writeJson(RESUME_KEY, state, 'session');
}

/** Whether a show was saved for this page (cheap: decides whether to load the rest). */
export function hasSavedShow(): boolean {
  return readJson(RESUME_KEY, 'session') !== undefined;
}

// Taking and checking a saved show is takeResume() in elements/pip-player/resume-show.ts:
// only the page that resumes one loads it.
