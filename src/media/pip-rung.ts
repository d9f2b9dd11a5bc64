// What of picture-in-picture every player needs at once: the rungs' shape, the floating
// rung, and following what the browser reports (its own controls and menus offer video
// PiP too, even with pip="off"). The browser's rungs are in media/pip.ts, loaded later.
import type { PipMode } from '../core/events.js';

/**
 * One rung of the picture-in-picture ladder, shaped like Vidstack's adapters. `enter()`
 * must start its browser request synchronously: the browser grants PiP to the click
 * being handled, and a later `await` or `window.open` would use that up.
 */
export interface PipRung {
  readonly mode: Exclude<PipMode, 'inline'>;
  supported(): boolean;
  enter(): Promise<void>;
  exit(): Promise<void>;
}

/** The floating in-page mini player: always there, needs no permission and no gesture. */
export function floatingPip(setMode: (mode: PipMode) => void, current: () => PipMode): PipRung {
  return {
    mode: 'floating',
    supported: () => true,
    enter: async () => setMode('floating'),
    exit: async () => {
      if (current() === 'floating') setMode('inline');
    },
  };
}

/**
 * Follows what the browser reports, never what was only requested: the mode changes on
 * `enterpictureinpicture` / `leavepictureinpicture` (and iOS's presentation mode events).
 */
export function watchVideoPip(video: HTMLVideoElement, onMode: (mode: PipMode) => void): () => void {
  const abort = new AbortController();
  const { signal } = abort;
  video.addEventListener('enterpictureinpicture', () => onMode('video'), { signal });
  video.addEventListener('leavepictureinpicture', () => onMode('inline'), { signal });
  video.addEventListener(
    'webkitpresentationmodechanged',
    () => onMode((video as HTMLVideoElement & { webkitPresentationMode?: string }).webkitPresentationMode === 'picture-in-picture' ? 'video' : 'inline'),
    { signal },
  );
  return () => abort.abort();
}
