import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ShowController } from '../../controllers/show-controller.js';
import type { ErrorDetail } from '../../core/events.js';
import { closestAcross } from '../../platform/dom.js';
import type { PlayerState, Show } from '../../store/show.js';

/** The player's binding to its show: its ShowController. */
export type ShowBinding = Pick<ShowController, 'show' | 'report'>;

/** What every controller of the player reads from it. */
export interface PlayerHost extends ReactiveControllerHost, HTMLElement {
  readonly video: HTMLVideoElement;
}

/**
 * One concern of `<pip-player>` that holds resources while the player is in the page
 * (listeners, a stream, a media session). Lit calls `hostDisconnected` on a move too (a
 * single-page app's route change takes the player out and puts it back at once), so the
 * resources are let go only when the player is still out once the current microtasks are
 * done: a move keeps the stream playing.
 *
 * The player adds each one (`addController`) once it is made, not its constructor: one
 * that arrives by a dynamic import joins a player already in the page, and Lit connects
 * it at once, which must not happen before its own fields are set.
 */
export abstract class PlayerController<Host extends PlayerHost = PlayerHost> implements ReactiveController {
  /** Aborted when the player has left the page; undefined while it is out. */
  protected signal?: AbortSignal;
  private abort?: AbortController;

  constructor(
    protected readonly host: Host,
    private readonly shows: ShowBinding,
  ) {}

  /** The player's show, as it resolves now. */
  protected show(): Show {
    return this.shows.show;
  }

  hostConnected(): void {
    if (this.abort) return this.moved();
    this.abort = new AbortController();
    this.attach((this.signal = this.abort.signal));
  }

  hostDisconnected(): void {
    queueMicrotask(() => {
      if (this.host.isConnected || !this.abort) return;
      this.abort.abort();
      this.abort = this.signal = undefined;
    });
  }

  /** The player is in the page: take what this concern needs, and let go of it when `signal` aborts. */
  protected abstract attach(signal: AbortSignal): void;

  /** The player moved within the page: everything is kept. */
  protected moved(): void {}

  /** Writes the player's state in its show (`$player` follows it for the show's player); the element reflects it. */
  protected setState(patch: Partial<PlayerState>): void {
    this.show().setPlayerState(this.host, patch);
  }

  /** A `livecart-error` from the player, as every element reports one (ShowController). */
  protected report(code: ErrorDetail['code'], message: string, problems?: ErrorDetail['problems']): void {
    this.shows.report(code, message, problems);
  }
}

/** The show's title: the nearest `title` up the tree (a `<live-stream title>`, across its shadow root), else the page's. */
export const showTitle = (player: Element): string =>
  closestAcross(player, (n): n is Element => n instanceof Element && n.hasAttribute('title'))?.getAttribute('title') || document.title;
