/**
 * The path to the first frame is the player's alone. What a page shows besides the video
 * (the catalog's reading, the product on screen, PiP's rungs, a live show's countdown and
 * JSON-LD; analytics reports its first product on screen only after that) waits, with
 * `afterStart()`, until every show starting on the page has put its first frame on
 * screen, failed, gone, or taken `startHold.ms`. A page with no show starting waits for
 * nothing (a task).
 */

/** The longest a starting show holds the rest of the page back (tests change it). */
export const startHold = { ms: 2500 };

let holds = 0;
let opened = () => {};
/** Resolves when the last hold is let go. */
let open = Promise.resolve();

/** Holds the page's other work back until the returned function is called (or `startHold.ms` has passed). */
export function holdStart(): () => void {
  if (!holds++) open = new Promise((resolve) => (opened = resolve));
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    clearTimeout(timer);
    if (!--holds) opened();
  };
  const timer = setTimeout(release, startHold.ms);
  return release;
}

/**
 * Resolves once no show is starting on the page. Asked after the current task: a player
 * that the same render puts on the page (a `<live-stream>` renders its own) starts by then.
 */
export const afterStart = (): Promise<void> => new Promise((resolve) => setTimeout(resolve)).then(() => open);

/** Calls `presented` once `video` has put its first frame on screen (or has it to show, where frames cannot be watched). */
export function onFirstFrame(video: HTMLVideoElement, presented: () => void, signal: AbortSignal): void {
  // requestVideoFrameCallback: when the frame is composited. Without it, `loadeddata` and a
  // moment for the frame to be drawn. `presented` may be called twice.
  video.requestVideoFrameCallback?.(presented);
  video.addEventListener('loadeddata', () => setTimeout(presented, 250), { once: true, signal });
}
