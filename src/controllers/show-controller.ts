import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';
import { getShow, resolveShowId, type Show } from '../store/show.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Binds an element to its show: resolves which show it belongs to, re-renders the
 * element when the stores it reads change, and lets go of all of it on disconnect.
 */
export class ShowController implements ReactiveController {
  private current: Show = getShow();
  private release: (() => void)[] = [];

  constructor(
    private readonly host: Host,
    /** The stores whose changes re-render the host. */
    private readonly watch: (show: Show) => ReadableAtom<unknown>[],
    /** Called after each (re)binding, e.g. to register a player with the show. */
    private readonly onBind?: (show: Show) => (() => void) | void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.bind();
  }

  hostDisconnected(): void {
    this.unbind();
  }

  /**
   * The host's show. Always current: a `show` set before the element upgraded, a changed
   * attribute or a move to another `<live-stream>` rebinds on the next read.
   */
  get show(): Show {
    if (this.host.isConnected && resolveShowId(this.host) !== this.current.id) {
      this.unbind();
      this.bind();
    }
    return this.current;
  }

  hostUpdate(): void {
    void this.show;
  }

  private bind(): void {
    const show = (this.current = getShow(resolveShowId(this.host)));
    this.release = this.watch(show).map((store) => store.listen(() => this.host.requestUpdate()));
    this.release.push(show.connect(this.host));
    const unbind = this.onBind?.(show);
    if (unbind) this.release.push(unbind);
  }

  private unbind(): void {
    for (const release of this.release.splice(0)) release();
  }
}
