export interface MediaSessionInfo {
  title: string;
  artist?: string;
  artwork?: string;
}

export interface MediaSessionActions {
  play(): void;
  pause(): void;
  /** Chromium's automatic picture-in-picture (e.g. on tab switch) calls this without a click. */
  enterPictureInPicture(): void;
}

type Action = MediaSessionAction | 'enterpictureinpicture';

/**
 * Makes the browser's media controls (lock screen, hardware keys, tab switch) speak for
 * this player. Returns the function that lets go, if nothing else took over meanwhile.
 */
export function claimMediaSession(actions: MediaSessionActions): {
  update(info: MediaSessionInfo): void;
  release(): void;
} {
  const session = typeof navigator !== 'undefined' ? navigator.mediaSession : undefined;
  if (!session) return { update() {}, release() {} };
  const handlers: [Action, (() => void) | null][] = [
    ['play', actions.play],
    ['pause', actions.pause],
    ['enterpictureinpicture', actions.enterPictureInPicture],
  ];
  const set = (action: Action, handler: (() => void) | null) => {
    try {
      session.setActionHandler(action as MediaSessionAction, handler);
    } catch {
      // This browser does not know the action (enterpictureinpicture outside Chromium).
    }
  };
  for (const [action, handler] of handlers) set(action, handler);
  let metadata: MediaMetadata | null = null;
  return {
    update(info) {
      metadata = new MediaMetadata({
        title: info.title,
        artist: info.artist ?? '',
        artwork: info.artwork ? [{ src: info.artwork }] : [],
      });
      session.metadata = metadata;
    },
    release() {
      if (session.metadata !== metadata) return;
      session.metadata = null;
      for (const [action] of handlers) set(action, null);
    },
  };
}
