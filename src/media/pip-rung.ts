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
