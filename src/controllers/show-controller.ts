import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';
import { emit, type ErrorCode, type FeedProblem } from '../core/events.js';
import { followLang } from '../i18n/strings.js';
import { getShow, resolveShowId, Show } from '../store/show.js';

type Host = ReactiveControllerHost & HTMLElement & { renderedIn?: { show: Show } };

/**
 * What every livecart element shares, in one controller: it binds the element to its show
 * (resolves which show it belongs to, re-renders it when the stores it reads change) and
 * to its language (re-renders it when a `lang` changes on it or an ancestor; it reads its
 * words with `stringsOf` and `localeOf`), lets go of all of it on disconnect, and reports
 * the element's trouble as its show's (`report`).
 */
export class ShowController implements ReactiveController {
  private current: Show = getShow();
  private serverShow?: Show;
  private release: (() => void)[] = [];
  private rebinding = false;

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
    const before = this.current;
    this.bind();
    // Moved into another show (another <live-stream>): what it shows is that show's now.
    if (this.current !== before) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.unbind();
  }

  /**
   * The host's show. Always current: a `show` set before the element upgraded, a changed
   * attribute or a move to another `<live-stream>` rebinds on the next read.
   */
  get show(): Show {
    // A server renders many pages for many shoppers: an element there keeps its catalog to
    // itself (or shares the one of the element it is rendered in), never in a show of the process.
    if (isServer) return (this.serverShow ??= this.host.renderedIn?.show ?? new Show(resolveShowId(this.host)));
    // Not again from inside a rebinding (a release that re-renders the host reads this):
    // a nested bind would be overwritten, its subscriptions never released.
    if (!this.rebinding && this.host.isConnected && resolveShowId(this.host) !== this.current.id) {
      this.rebinding = true;
      this.unbind();
      this.bind();
      this.rebinding = false;
    }
    return this.current;
  }

  /**
   * The one way an element reports trouble: a `livecart-error` from the element (bubbling,
   * composed) naming its current show, and a console warning naming the element.
   */
  report(code: ErrorCode, message: string, problems?: FeedProblem[]): void {
    emit(this.host, 'livecart-error', { show: this.show.id, code, message, ...(problems && { problems }) });
  }

  hostUpdate(): void {
    void this.show;
  }

  private bind(): void {
    const show = (this.current = getShow(resolveShowId(this.host)));
    this.release = this.watch(show).map((store) => store.listen(() => this.host.requestUpdate()));
    this.release.push(show.connect(this.host), followLang(this.host));
    const unbind = this.onBind?.(show);
    if (unbind) this.release.push(unbind);
  }

  private unbind(): void {
    for (const release of this.release.splice(0)) release();
  }
}
