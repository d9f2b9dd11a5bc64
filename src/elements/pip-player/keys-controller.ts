import type { ReactiveController } from 'lit';
import type { PipMode } from '../../core/events.js';
import { playVideo } from '../../media/play.js';
import type { PlayerHost } from './player-controller.js';

export interface KeysHost extends PlayerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  muted: boolean;
  readonly pipMode: PipMode;
  enterPip(): Promise<PipMode>;
  exitPip(): Promise<void>;
}

/**
 * The player's keys, as on video sites, while focus is in the player (not on one of its
 * buttons or links): Space or K play/pause, M mute, F fullscreen, P picture-in-picture (a
 * key press is a user gesture, so P may open a PiP window).
 */
export class KeysController implements ReactiveController {
  constructor(private readonly host: KeysHost) {}

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeydown);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeydown);
  }

  private onKeydown = (event: KeyboardEvent) => {
    const target = event.composedPath()[0] as Element;
    if (event.ctrlKey || event.metaKey || event.altKey || target.closest?.('button, a, input, select')) return;
    const { host } = this;
    const video = host.video;
    const actions: Record<string, () => unknown> = {
      ' ': () => (video.paused ? playVideo(video) : video.pause()),
      k: () => actions[' '](),
      m: () => (host.muted = video.muted = !video.muted),
      f: () =>
        document.fullscreenElement
          ? document.exitFullscreen()
          : host.renderRoot.querySelector<HTMLElement>('[part~="frame"]')?.requestFullscreen().catch(() => {}),
      p: () => (host.pipMode === 'inline' ? host.enterPip() : host.exitPip()),
    };
    const action = actions[event.key.toLowerCase()];
    if (!action) return;
    event.preventDefault();
    action();
  };
}
