import { buy } from '../../actions/buy.js';
import { emit, type PipMode } from '../../core/events.js';
import type { Product } from '../../core/product.js';
import { localeOf } from '../../i18n/strings.js';
import { floatingPip, watchVideoPip, type PipRung } from '../../media/pip-rung.js';
import { errorMessage } from '../../platform/errors.js';
import { afterStart } from '../../platform/start-gate.js';
import { linkTargetOf } from '../../store/show.js';
import type { FloatingController, FloatingHost } from './floating.js';
import type { Continuity, ContinuityHost } from './frame-continuity.js';
import { PlayerController } from './player-controller.js';

/** What picture-in-picture reads from its player (and what the floating player and the frame mode do). */
export interface PipHost extends FloatingHost, ContinuityHost {
  readonly pip: 'auto' | 'off';
  readonly pipMode: PipMode;
  readonly continuity: 'frame' | null;
}

/**
 * Where the show keeps running when the shopper looks elsewhere: the picture-in-picture
 * ladder of media/pip.ts (Document PiP with the product card, else video PiP) with the
 * floating mini player as its last rung, and `continuity="frame"`. The mode is the show's
 * player state, and follows what the browser reports, never what was only asked for.
 */
export class PipController extends PlayerController<PipHost> {
  /** The floating mini player's position, buttons and styles: loaded when it first floats (or the video first plays). */
  floating?: FloatingController;
  private floatingLoad?: Promise<void>;
  /** With `continuity="frame"`, while connected (its code loads only then). */
  private frameMode?: Promise<Continuity>;
  /** The `continuity` the frame mode was set up for. */
  private continuity?: string | null;

  private readonly setMode = (mode: PipMode) => {
    if (mode === this.host.pipMode) return;
    this.setState({ pipMode: mode });
    emit(this.host, 'livecart-pip-change', { show: this.show().id, mode });
  };

  private readonly floatingRung = floatingPip(this.setMode, () => this.host.pipMode);

  /**
   * The ladder, best first; the last (floating, entered once its code is in) always works.
   * The browser's rungs join it once their code is in, fetched as the player enters the
   * page (beside hls.js, not in livecart.js), never with `pip="off"`.
   */
  private get rungs(): PipRung[] {
    return [...(this.browserRungs ?? []), this.lastRung];
  }
  private readonly lastRung: PipRung = { ...this.floatingRung, enter: () => this.loadFloating().then(this.floatingRung.enter) };
  /** The browser's rungs, once media/pip.ts is in. */
  private browserRungs?: PipRung[];
  private browserRungsLoad?: Promise<void>;

  protected attach(signal: AbortSignal): void {
    signal.addEventListener('abort', watchVideoPip(this.host.video, this.setMode));
    // Once the first frame is up (start-gate.ts): a click before it waits for them (enter()).
    if (this.host.pip !== 'off') void afterStart().then(() => this.loadBrowserRungs()).catch(() => {});
    // A refused PiP or a scroll floats the player at once.
    this.host.video.addEventListener('playing', () => void this.loadFloating().catch(() => {}), { signal });
    signal.addEventListener('abort', () => {
      void this.exit();
      void this.frameMode?.then((mode) => mode.release());
      this.frameMode = undefined;
    });
    this.watchContinuity();
  }

  hostUpdate(): void {
    if (this.signal && this.host.continuity !== this.continuity) this.watchContinuity();
  }

  /**
   * See `PipPlayer.enterPip`: the first supported rung's request starts synchronously, inside
   * the caller's click. The browser's rungs are in by then (fetched as the player entered
   * the page, well before its first frame). A call in the moment before waits for them:
   * the browser still grants PiP to a click that opened no tab meanwhile (enterPip(), the
   * P key); a buy button's click has opened the retailer's tab by then, and floats.
   */
  enter(): Promise<PipMode> {
    const { host } = this;
    if (host.pip === 'off' || host.pipMode !== 'inline') return Promise.resolve(host.pipMode);
    if (!this.browserRungs) return this.loadBrowserRungs().then(() => this.enter(), () => this.climb());
    return this.climb();
  }

  /** Enters the first supported rung; the floating one is always supported, so there is always one. */
  private climb(): Promise<PipMode> {
    const { host } = this;
    const rung = this.rungs.find((r) => r.supported())!;
    return rung.enter().then(
      () => rung.mode,
      (error: unknown) => {
        this.report('pip', `${rung.mode} picture-in-picture was refused (${errorMessage(error)}); floating instead`);
        return this.float().then(() => host.pipMode);
      },
    );
  }

  /** Back inline from whichever mode the player is in. */
  async exit(): Promise<void> {
    await Promise.all(this.rungs.map((rung) => rung.exit()));
  }

  float(): Promise<void> {
    return this.lastRung.enter();
  }

  /** See `PipPlayer.continueAt`. */
  continueAt(url: string): boolean {
    if (!this.frameMode || new URL(url, document.baseURI).origin !== location.origin) return false;
    void this.frameMode.then((mode) => mode.open(url) || location.assign(url));
    return true;
  }

  private loadBrowserRungs(): Promise<void> {
    this.browserRungsLoad ??= import('../../media/pip.js').then(
      (pip) => {
        this.browserRungs = [
          pip.documentPip({
            video: this.host.video,
            // Only a Document PiP window needs its card: fetched when one opens.
            furnish: async (pipWindow, stage, card) =>
              (await import('./pip-window.js')).furnishPipWindow(pipWindow, stage, card, {
                show: this.show(),
                locale: localeOf(this.host),
                themeFrom: this.host,
                onBuy: (product) => this.buy(product),
              }),
            takeBack: () => this.host.renderRoot.querySelector('[part~="frame"]')?.prepend(this.host.video),
            setMode: this.setMode,
          }),
          pip.videoPip(this.host.video),
        ];
      },
      (error: unknown) => {
        this.browserRungsLoad = undefined;
        throw error;
      },
    );
    return this.browserRungsLoad;
  }

  private loadFloating(): Promise<void> {
    this.floatingLoad ??= import('./floating.js').then(
      (module) => void (this.floating ??= new module.FloatingController(this.host)),
      (error: unknown) => {
        this.floatingLoad = undefined;
        throw error;
      },
    );
    return this.floatingLoad;
  }

  private watchContinuity(): void {
    void this.frameMode?.then((mode) => mode.release());
    this.continuity = this.host.continuity;
    this.frameMode = this.continuity === 'frame' ? import('./frame-continuity.js').then((m) => m.continueInFrame(this.host)) : undefined;
  }

  /** A buy from the Document PiP window does what a buy button with action="auto" does. */
  private buy(product: Product): void {
    buy(this.host, this.show(), product, { target: linkTargetOf(this.host) }).catch((error: unknown) => this.report('cart', errorMessage(error)));
  }
}
