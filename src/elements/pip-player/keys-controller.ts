import type { ReactiveController } from 'lit';
import type { PipMode } from '../../core/events.js';
import type { PlayerHost } from './player-controller.js';

export interface KeysHost extends PlayerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  muted: boolean;
  readonly pipMode: PipMode;
  enterPip(): Promise<PipMode>;
  exitPip(): Promise<void>;
}

const KEYS = [' ', 'k', 'm', 'f', 'p'] as const;
export type PlayerKey = (typeof KEYS)[number];

/**
 * The player's keys, as on video sites, while focus is in the player (not on one of its
 * buttons or links): Space or K play/pause, M mute, F fullscreen, P picture-in-picture (a
 * key press is a user gesture, so P may open a PiP window). The key is taken at once (no
 * page scroll on Space); what it does comes in a chunk of its own, player-keys.ts.
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
    const key = event.key.toLowerCase() as PlayerKey;
    if (!KEYS.includes(key)) return;
    event.preventDefault();
    void import('./player-keys.js').then(({ pressKey }) => pressKey(this.host, key));
  };
}
