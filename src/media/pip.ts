import type { PipMode } from '../events.js';

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

/** Video picture-in-picture (`requestPictureInPicture`). */
export function videoPip(video: HTMLVideoElement): PipRung {
  return {
    mode: 'video',
    supported: () =>
      'pictureInPictureEnabled' in document && document.pictureInPictureEnabled && !video.disablePictureInPicture,
    enter: async () => {
      await video.requestPictureInPicture();
    },
    exit: async () => {
      if (document.pictureInPictureElement) await document.exitPictureInPicture();
    },
  };
}

/**
 * Follows what the browser reports, never what was only requested: the mode changes on
 * `enterpictureinpicture` / `leavepictureinpicture`.
 */
export function watchVideoPip(video: HTMLVideoElement, onMode: (mode: PipMode) => void): () => void {
  const abort = new AbortController();
  video.addEventListener('enterpictureinpicture', () => onMode('video'), { signal: abort.signal });
  video.addEventListener('leavepictureinpicture', () => onMode('inline'), { signal: abort.signal });
  return () => abort.abort();
}
