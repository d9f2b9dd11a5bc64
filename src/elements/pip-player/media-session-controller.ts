import type { PipMode } from '../../core/events.js';
import { claimMediaSession } from '../../media/media-session.js';
import { playVideo } from '../../media/play.js';
import { PlayerController, showTitle, type PlayerHost } from './player-controller.js';

export interface MediaSessionHost extends PlayerHost {
  enterPip(): Promise<PipMode>;
}

/**
 * The browser's media controls (lock screen, hardware keys, the automatic PiP of a tab
 * switch) speak for this player while it plays: the show's title, the product on screen
 * as artist and artwork, play, pause and picture-in-picture. The player loads this module
 * (and media/media-session.ts) when its video first plays.
 */
export class MediaSessionController extends PlayerController<MediaSessionHost> {
  private session?: ReturnType<typeof claimMediaSession>;

  protected attach(signal: AbortSignal): void {
    const { host } = this;
    const video = host.video;
    const claim = () => {
      this.session ??= claimMediaSession({
        play: () => void playVideo(video),
        pause: () => video.pause(),
        enterPictureInPicture: () => void host.enterPip(),
      });
      this.update();
    };
    video.addEventListener('playing', claim, { signal });
    if (!video.paused) claim();
    signal.addEventListener('abort', () => {
      this.session?.release();
      this.session = undefined;
    });
  }

  /** Says what is on screen now (the player calls it when the product on screen changes). */
  update(): void {
    const product = this.show().$featured.get();
    this.session?.update({ title: showTitle(this.host), artist: product?.title, artwork: product?.image_link });
  }
}
