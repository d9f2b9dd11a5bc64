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
  try {
    sessionStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    // No session storage (private mode, sandboxed frame): the next page simply starts fresh.
  }
}

/** Whether a show was saved for this page (cheap: decides whether to load the rest). */
export function hasSavedShow(): boolean {
  try {
    return sessionStorage.getItem(KEY) !== null;
  } catch {
    return false;
  }
}

/** The saved show, once: reading it removes it. */
export function takeResume(now = Date.now()): ResumeState | null {
  let raw: string | null = null;
  try {
    raw = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const state = JSON.parse(raw) as Partial<ResumeState>;
    const valid =
      typeof state.src === 'string' &&
      /^https?:/.test(state.src) &&
      typeof state.time === 'number' &&
      typeof state.savedAt === 'number' &&
      now - state.savedAt < MAX_AGE_MS &&
      typeof state.returnUrl === 'string' &&
      /^https?:/.test(state.returnUrl);
    return valid ? (state as ResumeState) : null;
  } catch {
    return null;
  }
}
