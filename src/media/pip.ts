// The browser's picture-in-picture rungs (Document PiP, video PiP, Safari's presentation
// mode): a chunk a player fetches as it enters the page, so livecart.js does not carry
// it and a page with pip="off" never fetches it.
import type { PipMode } from '../core/events.js';
import { playVideo } from './play.js';
import type { PipRung } from './pip-rung.js';

/** What the Document PiP rung needs from the player it moves. */
export interface DocumentPipHost {
  readonly video: HTMLVideoElement;
  /** Fills the PiP window (styles, product card) around the moved video; resolves to its cleanup. */
  furnish(pipWindow: Window, stage: HTMLElement, card: HTMLElement): Promise<() => void>;
  /** Takes the video back inline, as it was. */
  takeBack(): void;
  setMode(mode: PipMode): void;
}

interface DocumentPictureInPicture {
  requestWindow(options?: { width?: number; height?: number }): Promise<Window>;
  readonly window: Window | null;
}
const documentPictureInPicture = (): DocumentPictureInPicture | undefined =>
  (globalThis as { documentPictureInPicture?: DocumentPictureInPicture }).documentPictureInPicture;

/**
 * Document Picture-in-Picture (Chromium 116+, Firefox): the live video and a card of the
 * product on screen, with its buy button, in an always-on-top window. The mode follows
 * the window: `document` once it opened, `inline` at its `pagehide`.
 */
export function documentPip(host: DocumentPipHost): PipRung {
  let pipWindow: Window | null = null;
  return {
    mode: 'document',
    supported: () => !!documentPictureInPicture() && globalThis.isSecureContext,
    enter: async () => {
      const { video } = host;
      const wasPlaying = !video.paused;
      const width = Math.max(320, Math.min(480, video.clientWidth || 400));
      const opened = await documentPictureInPicture()!.requestWindow({ width, height: Math.round((width * 9) / 16) + 96 });
      pipWindow = opened;
      const doc = opened.document;
      const stage = doc.createElement('div');
      const card = doc.createElement('div');
      stage.append(video);
      doc.body.append(stage, card);
      // Moving a video between documents may pause it; the show goes on.
      if (wasPlaying) void playVideo(video);
      host.setMode('document');
      const cleanup = host.furnish(opened, stage, card);
      opened.addEventListener(
        'pagehide',
        () => {
          void cleanup.then((stop) => stop());
          const playing = !video.paused;
          host.takeBack();
          if (playing || wasPlaying) void playVideo(video);
          pipWindow = null;
          host.setMode('inline');
        },
        { once: true },
      );
    },
    exit: async () => {
      pipWindow?.close();
    },
  };
}

type WebkitVideo = HTMLVideoElement & {
  webkitSupportsPresentationMode?: (mode: string) => boolean;
  webkitSetPresentationMode?: (mode: string) => void;
  webkitPresentationMode?: string;
};

/**
 * How long Safari's presentation mode may take to report picture-in-picture before the
 * request counts as refused: `webkitSetPresentationMode` returns nothing and ignores a
 * call it does not allow, which would otherwise leave the shopper with no player at all.
 */
export const PRESENTATION_MODE_TIMEOUT = 1500;

/** Safari's own PiP: resolves once `webkitpresentationmodechanged` says so, rejects if it never does. */
function enterPresentationMode(video: WebkitVideo): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = new AbortController();
    const timer = setTimeout(() => {
      abort.abort();
      reject(new DOMException('the presentation mode did not change', 'NotAllowedError'));
    }, PRESENTATION_MODE_TIMEOUT);
    const entered = () => {
      if (video.webkitPresentationMode !== 'picture-in-picture') return;
      clearTimeout(timer);
      abort.abort();
      resolve();
    };
    video.addEventListener('webkitpresentationmodechanged', entered, { signal: abort.signal });
    try {
      video.webkitSetPresentationMode!('picture-in-picture');
    } catch (error) {
      clearTimeout(timer);
      abort.abort();
      reject(error);
      return;
    }
    entered();
  });
}

/**
 * Video picture-in-picture: `requestPictureInPicture`, else Safari's presentation mode.
 * Some Safari versions report `pictureInPictureEnabled` yet refuse the standard call:
 * then the presentation mode is tried, and when that is refused too the caller falls
 * through to the next rung (the floating player).
 */
export function videoPip(video: HTMLVideoElement): PipRung {
  const webkit = video as WebkitVideo;
  const standard = () => 'pictureInPictureEnabled' in document && document.pictureInPictureEnabled && !video.disablePictureInPicture;
  const presentationMode = () => !!webkit.webkitSupportsPresentationMode?.('picture-in-picture') && !!webkit.webkitSetPresentationMode;
  return {
    mode: 'video',
    supported: () => standard() || presentationMode(),
    enter: () => {
      if (!standard()) return enterPresentationMode(webkit);
      // Started synchronously, inside the click; the fallback keeps what is left of it.
      return video.requestPictureInPicture().then(
        () => undefined,
        (error: unknown) => (presentationMode() ? enterPresentationMode(webkit) : Promise.reject(error)),
      );
    },
    exit: async () => {
      if (document.pictureInPictureElement) await document.exitPictureInPicture();
      if (webkit.webkitPresentationMode === 'picture-in-picture') webkit.webkitSetPresentationMode!('inline');
    },
  };
}
