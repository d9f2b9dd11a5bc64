import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { buy } from '../../actions/buy.js';
import type { Product } from '../../core/product.js';
import { safeUrl } from '../../core/safe-url.js';
import { ShowController } from '../../controllers/show-controller.js';
import { emit, type PipMode } from '../../core/events.js';
import { localeOf, stringsOf } from '../../i18n/strings.js';
import { claimMediaSession } from '../../media/media-session.js';
import { documentPip, floatingPip, videoPip, watchVideoPip, type PipRung } from '../../media/pip.js';
import type { ProductOnScreen } from '../../media/product-on-screen.js';
import { saveResume } from '../../media/resume.js';
import { Stream } from '../../media/stream.js';
import { linkTargetOf, type PlayerStateName } from '../../store/show.js';
import { diagnostics, warn } from '../../core/warn.js';
import { tokens } from '../theme.js';
import type { FloatingController } from './floating.js';
import type { ShowLife } from './show-life.js';
import type { Continuity } from './frame-continuity.js';
import { placeholderStyles, styles } from './pip-player.styles.js';

/** Seconds of playback without a featured product after which a show counts as unshoppable. */
const UNSHOPPABLE_AFTER_S = 3;

/**
 * The livecart player. Plays HLS (live or VOD) through hls.js, fetched only when a
 * stream needs it, and MP4 through the video element itself; keeps near the live edge;
 * reads the product on screen from the stream's metadata cues (and an optional schedule)
 * into its show; and keeps the show running picture-in-picture: Document PiP with the
 * product card, else video PiP, else a floating mini player in the page.
 *
 * @tag pip-player
 * @summary A live HLS player that can keep playing picture-in-picture.
 * @fires livecart-pip-change - The player entered or left picture-in-picture (`document`, `video`, `floating`).
 * @fires livecart-add-to-cart - From the buy button in the Document PiP window; cancelable.
 * @fires livecart-error - `stream` when the stream cannot be played; `pip` when PiP was refused; `schedule` for a bad schedule.
 * @slot - Overlays drawn over the video.
 * @csspart frame - The box holding the video and its overlays (it floats in `floating` mode).
 * @csspart video - The video element.
 * @csspart badge - The LIVE badge (also `live-badge`).
 * @csspart go-live - The button back to the live edge, shown when behind it.
 * @csspart error - The error panel.
 * @csspart retry - The error panel's Retry button.
 * @csspart placeholder - What stays in the page while the video is in a Document PiP window.
 * @csspart float-controls - The floating mini player's buttons (`float-handle`, `float-expand`, `float-close`, `float-back`).
 * @csspart ended - The notice that a live show has ended (its playlist ended, or it stopped publishing).
 * @csspart replay - The ended notice's "Watch the replay" button (with `replay`).
 * @csspart upcoming - Before `starts-at`: the countdown, the start time and the calendar links.
 * @csspart countdown - "Starts in 2 hr, 5 min".
 * @csspart add-to-calendar - Downloads the show as an `.ics` file.
 * @csspart google-calendar - The show as a Google Calendar link.
 * @cssprop --livecart-accent - Badge and button colour.
 * @cssprop --livecart-radius - Corner radius.
 */
export class PipPlayer extends LitElement {
  static override properties: PropertyDeclarations = {
    src: { reflect: true },
    poster: { reflect: true },
    autoplay: { type: Boolean, reflect: true },
    muted: { type: Boolean, reflect: true },
    controls: { type: Boolean, reflect: true },
    show: { reflect: true },
    pip: { reflect: true },
    pipMode: { attribute: 'pip-mode', reflect: true },
    state: { reflect: true },
    live: { type: Boolean, reflect: true },
    schedule: { reflect: true },
    floatOnScroll: { attribute: 'float-on-scroll', type: Boolean, reflect: true },
    returnUrl: { attribute: 'return-url', reflect: true },
    startsAt: { attribute: 'starts-at', reflect: true },
    replay: { reflect: true },
    structuredData: { attribute: 'structured-data', reflect: true },
    continuity: { reflect: true },
    behindLive: { state: true, attribute: false },
    errorMessage: { state: true, attribute: false },
  };
  static override styles = [tokens, styles, placeholderStyles];

  /** HLS (`.m3u8`) or MP4 URL. */
  declare src: string;
  declare poster: string;
  /** Starts playing once loaded; muted if the browser's autoplay policy asks for it. */
  declare autoplay: boolean;
  declare muted: boolean;
  /** Shows the browser's own video controls. */
  declare controls: boolean;
  /** The show this player belongs to (default: its `<live-stream>`'s, else `default`). */
  declare show: string | null;
  /** `auto`: the best picture-in-picture mode the browser has; `off`: never. */
  declare pip: 'auto' | 'off';
  /** Read-only: where the video shows now: `inline | document | video | floating`. */
  declare pipMode: PipMode;
  /** Read-only: `idle | loading | playing | paused | buffering | ended | error`. */
  declare state: PlayerStateName;
  /** Read-only: the stream is live. */
  declare live: boolean;
  /**
   * Where featured products come from besides the stream's own tags: a JSON timeline
   * `[{ product, at }]` (re-read while live), or a `text/event-stream` URL whose events are
   * `{ product, at }`; `at` applies when the playing program date-time reaches it.
   */
  declare schedule: string;
  /** Float as a mini player while playing and scrolled out of view. */
  declare floatOnScroll: boolean;
  /** Where the floating mini player's "Back to the show" link goes (set when a show resumes on another page). */
  declare returnUrl: string | null;
  /**
   * When the show starts (ISO date-time), read when `src` loads. Before it: the poster, a
   * countdown and "Add to calendar", while the player looks for the stream now and then;
   * it plays by itself once the stream is up.
   */
  declare startsAt?: string | null;
  /** URL of the show's replay, offered ("Watch the replay", in this player) once the live show has ended. */
  declare replay?: string | null;
  /** `off`: no schema.org `VideoObject` / `BroadcastEvent` JSON-LD for search engines. */
  declare structuredData?: 'on' | 'off' | null;
  /**
   * `frame`: same-site links open in a full-window frame under the floating player, so the
   * show never stops; unset: they load the next page, which resumes the show (README:
   * "The continuity mode").
   */
  declare continuity: 'frame' | null;
  /** Read-only: live, and behind the live edge far enough to offer "go live". */
  declare behindLive: boolean;
  declare private errorMessage: string;

  /**
   * The video element, made once and kept for the element's life so that a source can
   * load before the first render, and so the video can move to a Document PiP window
   * and back without being rebuilt.
   */
  readonly video: HTMLVideoElement = document.createElement('video');
  private readonly showController = new ShowController(
    this,
    () => [],
    (show) => {
      const detachPlayer = show.attachPlayer(this);
      const stopSession = show.$featured.listen(() => this.updateMediaSession());
      return () => (detachPlayer(), stopSession());
    },
  );
  /** The floating mini player's position, buttons and styles: loaded when it first floats (or the video first plays). */
  private floating?: FloatingController;
  private floatingLoad?: Promise<void>;
  private stream?: Stream;
  /** The `src` the current stream was made for. */
  private loadedSrc: string | null = null;
  private detachVideo?: AbortController;
  /**
   * Decides the product on screen from the stream's cues and the schedule. Its code loads
   * beside hls.js, off the path to the first frame.
   */
  private productOnScreen?: ProductOnScreen;
  /** Where checkShoppable started counting (a live stream starts far from 0); true once it has looked. */
  private shoppableFrom: number | true | null = null;
  private mediaSession?: ReturnType<typeof claimMediaSession>;
  private pendingTeardown = false;
  /** With `continuity="frame"`, while connected (its code loads only then). */
  private frameMode?: Promise<Continuity>;
  /** The picture-in-picture ladder, best first; the last (floating) always works. */
  private readonly rungs: PipRung[] = [
    documentPip({
      video: this.video,
      // Only a Document PiP window needs its card: fetched when one opens.
      furnish: async (pipWindow, stage, card) =>
        (await import('./pip-window.js')).furnishPipWindow(pipWindow, stage, card, {
          show: this.showController.show,
          locale: localeOf(this),
          themeFrom: this,
          onBuy: (product) => this.buyFromPip(product),
        }),
      takeBack: () => this.renderRoot.querySelector('[part~="frame"]')?.prepend(this.video),
      setMode: (mode) => this.setPipMode(mode),
    }),
    videoPip(this.video),
    this.floatingRung(),
  ];
  /** The live show ended (or stopped publishing): `ended` stays until the next load. */
  private streamEnded = false;
  /** A live or upcoming show's countdown and JSON-LD (its code loads only for such shows). */
  private life?: ShowLife;
  /** The stream came up after a wait, or the shopper chose the replay: play without `autoplay`. */
  private playOnLoad = false;

  constructor() {
    super();
    this.src = '';
    this.poster = '';
    this.autoplay = false;
    this.muted = false;
    this.controls = false;
    this.show = null;
    this.pip = 'auto';
    this.pipMode = 'inline';
    this.state = 'idle';
    this.live = false;
    this.schedule = '';
    this.floatOnScroll = false;
    this.returnUrl = null;
    this.continuity = null;
    this.behindLive = false;
    this.errorMessage = '';
    this.video.setAttribute('part', 'video');
    // The attribute, not the property: Firefox has no playsInline property to reflect it.
    this.video.setAttribute('playsinline', '');
  }

  play(): Promise<void> {
    return this.video.play();
  }

  async pause(): Promise<void> {
    this.video.pause();
  }

  /**
   * Goes picture-in-picture in the best mode available: Document PiP, else video PiP,
   * else the floating mini player. Call it inside a click: the browser request starts
   * synchronously, as browsers require. A refused request falls back to the floating
   * player. Resolves to the mode reached; `pip-mode` follows the browser's own reports.
   */
  enterPip(): Promise<PipMode> {
    if (this.pip === 'off' || this.pipMode !== 'inline') return Promise.resolve(this.pipMode);
    // The floating rung is always supported, so there is always one.
    const rung = this.rungs.find((r) => r.supported())!;
    return rung.enter().then(
      () => rung.mode,
      (error: unknown) => {
        this.reportPip(`${rung.mode} picture-in-picture was refused (${(error as Error)?.message ?? error}); floating instead`);
        return this.float().then(() => this.pipMode);
      },
    );
  }

  /** Returns the video inline from whichever mode it is in. */
  async exitPip(): Promise<void> {
    await Promise.all(this.rungs.map((rung) => rung.exit()));
  }

  /**
   * With `continuity="frame"`, opens a same-origin URL in the frame under the floating
   * player and returns true; false otherwise, and the caller navigates.
   */
  continueAt(url: string): boolean {
    if (!this.frameMode || new URL(url, document.baseURI).origin !== location.origin) return false;
    void this.frameMode.then((mode) => mode.open(url) || location.assign(url));
    return true;
  }

  /** Saves where the show is, for the next page of the site to resume (`link-target="_self"`). */
  saveForNextPage(returnUrl?: string): void {
    if (!this.src) return;
    saveResume({
      src: new URL(this.src, document.baseURI).href,
      time: this.video.currentTime,
      live: this.live,
      muted: this.video.muted,
      show: this.showController.show.id,
      poster: safeUrl(this.poster, document.baseURI) ?? undefined,
      returnUrl: returnUrl || this.returnUrl || location.href,
      savedAt: Date.now(),
    });
  }

  /** Floats as the mini player in the page, whatever the browser offers. */
  float(): Promise<void> {
    return this.rungs[this.rungs.length - 1].enter();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.pendingTeardown) {
      // Moved within the page (a single-page app's route change): keep the stream.
      this.pendingTeardown = false;
      if (this.state === 'playing' || this.autoplay) void this.video.play().catch(() => {});
      return;
    }
    this.attachVideo();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move is a disconnect followed at once by a connect: only tear down once the
    // current task's microtasks are done and the element is still out of the page.
    this.pendingTeardown = true;
    queueMicrotask(() => {
      if (!this.pendingTeardown) return;
      this.pendingTeardown = false;
      this.detach();
    });
  }

  /** Chromium's atomic `moveBefore()` keeps media playing; nothing to do. */
  connectedMoveCallback(): void {}

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.detachVideo && this.src !== this.loadedSrc) this.load();
    if (changed.has('schedule') && this.detachVideo) void this.productOnScreen?.setSchedule(this.scheduleUrl());
    if (changed.has('continuity') && this.detachVideo) this.watchContinuity();
    const video = this.video;
    const poster = safeUrl(this.poster, document.baseURI);
    if (poster) video.poster = poster;
    else video.removeAttribute('poster');
    // Without a source, controls would be buttons that do nothing.
    video.controls = !!this.src && (this.controls || this.pipMode === 'floating');
    video.muted = this.muted;
    video.setAttribute('aria-label', stringsOf(this).player);
    if (changed.has('state') || changed.has('pipMode') || changed.has('live') || changed.has('behindLive')) {
      this.showController.show.setPlayerState({
        state: this.state,
        pipMode: this.pipMode,
        live: this.live,
        behindLive: this.behindLive,
      });
    }
  }

  protected override updated(): void {
    if (this.life) this.life.update();
    else if (this.live) this.showLife();
    // The drag offset goes through the CSSOM: a style attribute would need 'unsafe-inline'.
    const drag = this.floating?.drag;
    const frame = this.renderRoot.querySelector<HTMLElement>('[part~="frame"]');
    frame?.style.setProperty('transform', drag ? `translate(${drag.x}px, ${drag.y}px)` : '');
  }

  protected override render() {
    const t = stringsOf(this);
    const floating = this.pipMode === 'floating';
    return html`<div
      part="frame"
      class=${(floating && this.floating?.frameClass()) || ''}
      role="group"
      aria-label=${t.player}
      aria-keyshortcuts=${this.src ? 'Space K M F P' : nothing}
      tabindex=${this.src ? '0' : nothing}
      @keydown=${this.onKeydown}
    >
      ${this.pipMode === 'document'
        ? html`<div part="placeholder">
            <p>${t.inPip}</p>
            <button type="button" @click=${this.exitPip}>${t.bringBack}</button>
          </div>`
        : this.video}
      ${this.live ? html`<span part="badge live-badge" class="badge">${t.live}</span>` : nothing}
      ${this.live && this.behindLive && !floating
        ? html`<button part="go-live" type="button" @click=${this.goLive}>${t.goLive}</button>`
        : nothing}
      ${this.state === 'error'
        ? html`<div part="error" role="alert">
            <p>${t.streamError}</p>
            <p class="detail">${this.errorMessage}</p>
            <button part="retry" type="button" @click=${this.load}>${t.retry}</button>
          </div>`
        : nothing}
      ${this.life?.render() ?? nothing}
      ${this.streamEnded
        ? html`<div part="ended" class="notice" role="status"><p>${t.streamEnded}</p>${this.replay
              ? html`<button part="replay" type="button" @click=${this.watchReplay}>${t.watchReplay}</button>`
              : nothing}</div>`
        : nothing}
      ${floating ? (this.floating?.render(t) ?? nothing) : nothing}
      <slot></slot>
    </div>`;
  }

  /** Player keys, as on video sites: Space or K play/pause, M mute, F fullscreen, P picture-in-picture. */
  private onKeydown = (event: KeyboardEvent) => {
    const target = event.composedPath()[0] as Element;
    if (event.ctrlKey || event.metaKey || event.altKey || target.closest?.('button, a, input, select')) return;
    const video = this.video;
    const actions: Record<string, () => unknown> = {
      ' ': () => (video.paused ? video.play().catch(() => {}) : video.pause()),
      k: () => actions[' '](),
      m: () => (this.muted = video.muted = !video.muted),
      f: () =>
        document.fullscreenElement
          ? document.exitFullscreen()
          : this.renderRoot.querySelector<HTMLElement>('[part~="frame"]')?.requestFullscreen().catch(() => {}),
      p: () => (this.pipMode === 'inline' ? this.enterPip() : this.exitPip()),
    };
    const action = actions[event.key.toLowerCase()];
    if (!action) return;
    event.preventDefault();
    action();
  };

  /** Seeks to the live edge. */
  private goLive = () => {
    const edge = this.stream?.liveEdge();
    if (edge != null) this.video.currentTime = edge;
    void this.video.play().catch(() => {});
  };

  /** The floating rung, entered once the floating mini player's code is in. */
  private floatingRung(): PipRung {
    const rung = floatingPip(
      (mode) => this.setPipMode(mode),
      () => this.pipMode,
    );
    return { ...rung, enter: () => this.loadFloating().then(rung.enter) };
  }

  private loadFloating(): Promise<void> {
    this.floatingLoad ??= import('./floating.js').then(
      (module) => void (this.floating ??= new module.FloatingController(this)),
      (error: unknown) => {
        this.floatingLoad = undefined;
        throw error;
      },
    );
    return this.floatingLoad;
  }

  private attachVideo(): void {
    const video = this.video;
    this.detachVideo?.abort();
    const abort = (this.detachVideo = new AbortController());
    const { signal } = abort;
    const on = (type: string, listener: () => void) => video.addEventListener(type, listener, { signal });
    const setState = (state: PlayerStateName) => () => {
      if (this.state !== 'error' && !this.streamEnded) this.state = state;
    };
    on('loadstart', setState('loading'));
    on('playing', () => {
      setState('playing')();
      this.claimMediaSession();
      // Before the shopper may need it: a refused PiP or a scroll floats the player at once.
      void this.loadFloating().catch(() => {});
    });
    on('waiting', setState('buffering'));
    on('ended', setState('ended'));
    on('pause', () => {
      if (!video.ended) setState('paused')();
    });
    on('error', () => {
      const { error } = video;
      if (error) void diagnostics().then((m) => this.fail(m.describeMediaError(error, this.src)));
    });
    on('volumechange', () => (this.muted = video.muted));
    on('timeupdate', () => {
      const edge = this.stream?.liveEdge();
      this.behindLive = this.live && edge != null && edge - video.currentTime > (this.stream?.liveTolerance() ?? 6);
      this.checkShoppable();
    });
    const stops = [
      watchVideoPip(video, (mode) => this.setPipMode(mode)),
      this.watchScroll(),
    ];
    signal.addEventListener('abort', () => stops.forEach((stop) => stop()));
    // Back online after a failure: load again without waiting for the shopper's Retry.
    window.addEventListener('online', () => this.state === 'error' && this.load(), { signal });
    this.load();
    void import('../../media/product-on-screen.js').then(({ ProductOnScreen }) => {
      if (signal.aborted) return;
      const product = (this.productOnScreen = new ProductOnScreen({
        video,
        show: () => this.showController.show,
        stream: () => this.stream,
        live: () => this.live || this.state === 'loading' || this.state === 'idle',
        report: (message, problems) => emit(this, 'livecart-error', { show: this.showController.show.id, code: 'schedule', message, problems }),
      }));
      signal.addEventListener('abort', () => product.stop());
      void product.setSchedule(this.scheduleUrl());
    });
    this.watchContinuity();
  }

  private detach(): void {
    void this.exitPip();
    this.detachVideo?.abort();
    this.detachVideo = undefined;
    this.productOnScreen = undefined;
    void this.frameMode?.then((mode) => mode.release());
    this.frameMode = undefined;
    this.stream?.destroy();
    this.stream = undefined;
    this.life?.stop();
    this.life = undefined;
    this.loadedSrc = null;
    this.mediaSession?.release();
    this.mediaSession = undefined;
  }

  /** (Re)loads `src` from scratch: also what Retry does. */
  private load = () => {
    const video = this.video;
    this.loadedSrc = this.src;
    this.stream?.destroy();
    this.stream = undefined;
    this.life?.stopWaiting();
    this.errorMessage = '';
    this.streamEnded = false;
    this.live = false;
    this.behindLive = false;
    this.state = 'idle';
    if (!this.src) {
      warn(this, { kind: 'no-src' }, 'no-src');
      return;
    }
    // Before `starts-at`: the countdown, until the stream is up (then this loads again).
    if (!this.playOnLoad && Date.parse(this.startsAt!) > Date.now()) return this.showLife(true);
    this.state = 'loading';
    const stream = (this.stream = new Stream(video, new URL(this.src, document.baseURI).href, {
      onFatal: (message) => this.stream === stream && this.fail(message),
      onLive: (live) => (this.live = live),
      onEnded: () => {
        if (this.stream !== stream) return;
        this.streamEnded = true;
        this.state = 'ended';
        // The video's own `ended` may have set the state already: the notice still needs drawing.
        this.requestUpdate();
      },
    }));
    const play = this.autoplay || this.playOnLoad;
    this.playOnLoad = false;
    void stream.start().then(() => {
      if (play && this.stream === stream) this.autoplayVideo(video);
    });
  };

  /** The shopper chose the replay of a show that ended: it plays in this player, still shoppable. */
  private watchReplay = () => {
    this.playOnLoad = true;
    this.src = this.replay!;
  };

  /** Fetches the show's life module (a live or upcoming show), then waits for the stream or updates it. */
  private showLife(wait = false): void {
    void import('./show-life.js').then((module) => {
      if (!this.detachVideo || (wait && this.stream)) return;
      this.life ??= new module.ShowLife(this, () => {
        this.playOnLoad = true;
        this.load();
      });
      if (wait) this.life.wait();
      this.life.update();
    });
  }

  /** Plays; where the autoplay policy refuses sound, plays muted instead. */
  private autoplayVideo(video: HTMLVideoElement): void {
    video.play().catch((error: DOMException) => {
      if (error?.name !== 'NotAllowedError' || video.muted) return;
      this.muted = video.muted = true;
      video.play().catch(() => {});
      // The policy wanted a gesture for sound (phones do): the shopper's first tap on the video gives it.
      const unmute = () => {
        this.muted = video.muted = false;
        void video.play().catch(() => {});
      };
      video.addEventListener('click', unmute, { once: true, signal: this.detachVideo?.signal });
    });
  }

  private fail(message: string): void {
    this.stream?.destroy();
    this.stream = undefined;
    this.errorMessage = message;
    this.state = 'error';
    const show = this.showController.show.id;
    emit(this, 'livecart-error', { show, code: 'stream', message: `The stream ${this.src} cannot be played: ${message}` });
  }

  private scheduleUrl(): string {
    return this.schedule && new URL(this.schedule, document.baseURI).href;
  }

  /**
   * A show that plays for a while and has featured nothing, with no schedule and no product
   * cues in the stream, is a video without shopping: most likely a set-up mistake, so say
   * once how to make it shoppable.
   */
  private checkShoppable(): void {
    if (this.shoppableFrom === true) return;
    this.shoppableFrom ??= this.video.currentTime;
    if (this.video.currentTime - this.shoppableFrom < UNSHOPPABLE_AFTER_S) return;
    this.shoppableFrom = true;
    // Any product id from the stream counts, even one the catalog does not list (yet).
    const cues = [...this.video.textTracks].some((track) => track.cues?.length) || !!this.stream?.dateRangeTags();
    if (cues || this.schedule || this.showController.show.$featuredId.get() !== null) return;
    warn(this, { kind: 'unshoppable', seconds: UNSHOPPABLE_AFTER_S }, 'unshoppable');
  }

  private watchContinuity(): void {
    void this.frameMode?.then((mode) => mode.release());
    this.frameMode =
      this.continuity === 'frame' ? import('./frame-continuity.js').then((m) => m.continueInFrame(this)) : undefined;
  }

  /** With `float-on-scroll`: float while playing and out of view, come back when in view. */
  private watchScroll(): () => void {
    if (!this.floatOnScroll || typeof IntersectionObserver === 'undefined') return () => {};
    const observer = new IntersectionObserver(([entry]) => {
      if (!entry.isIntersecting && this.pipMode === 'inline' && this.state === 'playing') void this.float();
      else if (entry.isIntersecting && this.pipMode === 'floating') void this.exitPip();
    });
    observer.observe(this);
    return () => observer.disconnect();
  }

  private claimMediaSession(): void {
    this.mediaSession ??= claimMediaSession({
      play: () => void this.video.play().catch(() => {}),
      pause: () => this.video.pause(),
      enterPictureInPicture: () => void this.enterPip(),
    });
    this.updateMediaSession();
  }

  private updateMediaSession(): void {
    const product = this.showController.show.$featured.get();
    const title = this.closest('[title]')?.getAttribute('title') || document.title;
    this.mediaSession?.update({ title, artist: product?.title, artwork: product?.image_link });
  }

  private setPipMode = (mode: PipMode) => {
    if (mode === this.pipMode) return;
    this.pipMode = mode;
    emit(this, 'livecart-pip-change', { show: this.showController.show.id, mode });
  };

  private reportPip(message: string): void {
    emit(this, 'livecart-error', { show: this.showController.show.id, code: 'pip', message });
  }

  /** A buy from the Document PiP window does what a buy button with action="auto" does. */
  private buyFromPip = (product: Product) => {
    const show = this.showController.show;
    buy(this, show, product, { target: linkTargetOf(this) }).catch((error: unknown) =>
      emit(this, 'livecart-error', { show: show.id, code: 'cart', message: (error as Error).message ?? String(error) }),
    );
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pip-player': PipPlayer;
  }
}
