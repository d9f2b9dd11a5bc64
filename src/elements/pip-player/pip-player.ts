import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { safeUrl } from '../../commerce/safe-url.js';
import { ShowController } from '../../controllers/show-controller.js';
import { emit, type PipMode } from '../../events.js';
import { localeOf, stringsFor } from '../../i18n/strings.js';
import { videoPip, watchVideoPip, type PipRung } from '../../media/pip.js';
import { watchProductCues } from '../../media/product-cues.js';
import { Stream } from '../../media/stream.js';
import type { PlayerStateName } from '../../store/show.js';
import { tokens } from '../theme.js';
import { styles } from './pip-player.styles.js';

/**
 * The livecart player. Plays HLS (live or VOD) through hls.js, fetched only when a
 * stream needs it, and MP4 through the video element itself; keeps near the live edge;
 * reads the product on screen from the stream's metadata cues into its show; and goes
 * picture-in-picture when a buy button asks it to.
 *
 * @tag pip-player
 * @summary A live HLS player that can keep playing picture-in-picture.
 * @fires livecart-pip-change - The browser entered or left picture-in-picture.
 * @fires livecart-error - `code: 'stream'` when the stream cannot be played; `'pip'` when PiP was refused.
 * @slot - Overlays drawn over the video.
 * @csspart frame - The box holding the video and its overlays.
 * @csspart video - The video element.
 * @csspart badge - The LIVE badge (also `live-badge`).
 * @csspart go-live - The button back to the live edge, shown when behind it.
 * @csspart error - The error panel.
 * @csspart retry - The error panel's Retry button.
 * @csspart ended - The notice that a live show stopped publishing.
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
    behindLive: { state: true, attribute: false },
    errorMessage: { state: true, attribute: false },
  };
  static override styles = [tokens, styles];

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
  /** Read-only: where the video shows now. */
  declare pipMode: PipMode;
  /** Read-only: `idle | loading | playing | paused | buffering | ended | error`. */
  declare state: PlayerStateName;
  /** Read-only: the stream is live. */
  declare live: boolean;
  /** Read-only: live, and behind the live edge far enough to offer "go live". */
  declare behindLive: boolean;
  declare private errorMessage: string;

  /**
   * The video element, made once and kept for the element's life so that a source can
   * load before the first render, and so the video can be moved (Document PiP) without
   * being rebuilt.
   */
  readonly video: HTMLVideoElement = document.createElement('video');
  private readonly showController = new ShowController(this, () => [], (show) => show.attachPlayer(this));
  private stream?: Stream;
  /** The `src` the current stream was made for. */
  private loadedSrc: string | null = null;
  private detachVideo?: AbortController;
  /** The live show stopped publishing: `ended` stays until the next load. */
  private streamEnded = false;

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
    this.behindLive = false;
    this.errorMessage = '';
    this.video.setAttribute('part', 'video');
    this.video.playsInline = true;
  }

  play(): Promise<void> {
    return this.video.play();
  }

  async pause(): Promise<void> {
    this.video.pause();
  }

  /**
   * Goes picture-in-picture in the best mode available. Call it inside a click: the
   * request starts synchronously, as browsers require. Resolves to the mode reached;
   * `pip-mode` follows the browser's own events.
   */
  enterPip(): Promise<PipMode> {
    if (this.pip === 'off' || this.pipMode !== 'inline') return Promise.resolve(this.pipMode);
    const rung = this.pipLadder().find((r) => r.supported());
    if (!rung) return Promise.resolve(this.reportPip('picture-in-picture is not available in this browser'));
    return rung.enter().then(
      () => rung.mode,
      (error: unknown) => this.reportPip(`picture-in-picture was refused: ${(error as Error)?.message ?? error}`),
    );
  }

  async exitPip(): Promise<void> {
    await Promise.all(this.pipLadder().map((rung) => rung.exit()));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.attachVideo();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detach();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.detachVideo && this.src !== this.loadedSrc) this.load();
    const video = this.video;
    const poster = safeUrl(this.poster, document.baseURI);
    if (poster) video.poster = poster;
    else video.removeAttribute('poster');
    video.controls = this.controls;
    video.muted = this.muted;
    video.setAttribute('aria-label', stringsFor(localeOf(this)).player);
    if (changed.has('state') || changed.has('pipMode') || changed.has('live') || changed.has('behindLive')) {
      this.showController.show.setPlayerState({
        state: this.state,
        pipMode: this.pipMode,
        live: this.live,
        behindLive: this.behindLive,
      });
    }
  }

  protected override render() {
    const t = stringsFor(localeOf(this));
    return html`<div part="frame">
      ${this.video}
      ${this.live ? html`<span part="badge live-badge" class="badge">${t.live}</span>` : nothing}
      ${this.live && this.behindLive
        ? html`<button part="go-live" type="button" @click=${this.goLive}>${t.goLive}</button>`
        : nothing}
      ${this.state === 'error'
        ? html`<div part="error" role="alert">
            <p>${t.streamError}</p>
            <p class="detail">${this.errorMessage}</p>
            <button part="retry" type="button" @click=${this.load}>${t.retry}</button>
          </div>`
        : nothing}
      ${this.streamEnded ? html`<p part="ended" class="notice" role="status">${t.streamEnded}</p>` : nothing}
      <slot></slot>
    </div>`;
  }

  /** Seeks to the live edge. */
  private goLive = () => {
    const edge = this.stream?.liveEdge();
    if (edge != null) this.video.currentTime = edge;
    void this.video.play().catch(() => {});
  };

  private attachVideo(): void {
    const video = this.video;
    this.detachVideo?.abort();
    const abort = (this.detachVideo = new AbortController());
    const on = (type: string, listener: () => void) => video.addEventListener(type, listener, { signal: abort.signal });
    const setState = (state: PlayerStateName) => () => {
      if (this.state !== 'error' && !this.streamEnded) this.state = state;
    };
    on('loadstart', setState('loading'));
    on('playing', setState('playing'));
    on('waiting', setState('buffering'));
    on('ended', setState('ended'));
    on('pause', () => {
      if (!video.ended) setState('paused')();
    });
    on('error', () => video.error && this.fail(video.error.message || `media error ${video.error.code}`));
    on('volumechange', () => (this.muted = video.muted));
    on('timeupdate', () => {
      const edge = this.stream?.liveEdge();
      this.behindLive = this.live && edge != null && edge - video.currentTime > (this.stream?.liveTolerance() ?? 6);
    });
    const stopCues = watchProductCues(video, (id) => this.showController.show.feature(id));
    const stopPip = watchVideoPip(video, (mode) => this.setPipMode(mode));
    abort.signal.addEventListener('abort', () => (stopCues(), stopPip()));
    // Back online after a failure: load again without waiting for the shopper's Retry.
    window.addEventListener('online', () => this.state === 'error' && this.load(), { signal: abort.signal });
    this.load();
  }

  private detach(): void {
    this.detachVideo?.abort();
    this.detachVideo = undefined;
    this.stream?.destroy();
    this.stream = undefined;
    this.loadedSrc = null;
  }

  /** (Re)loads `src` from scratch: also what Retry does. */
  private load = () => {
    const video = this.video;
    this.loadedSrc = this.src;
    this.stream?.destroy();
    this.stream = undefined;
    this.errorMessage = '';
    this.streamEnded = false;
    this.live = false;
    this.behindLive = false;
    this.state = 'idle';
    if (!this.src) return;
    this.state = 'loading';
    const stream = (this.stream = new Stream(video, new URL(this.src, document.baseURI).href, {
      onFatal: (message) => this.stream === stream && this.fail(message),
      onLive: (live) => (this.live = live),
      onStale: () => {
        if (this.stream !== stream) return;
        this.streamEnded = true;
        this.state = 'ended';
      },
    }));
    void stream.start().then(() => {
      if (this.autoplay && this.stream === stream) this.autoplayVideo(video);
    });
  };

  /** Plays; where the autoplay policy refuses sound, plays muted instead. */
  private autoplayVideo(video: HTMLVideoElement): void {
    video.play().catch((error: DOMException) => {
      if (error?.name !== 'NotAllowedError' || video.muted) return;
      this.muted = video.muted = true;
      video.play().catch(() => {});
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

  private setPipMode(mode: PipMode): void {
    if (mode === this.pipMode) return;
    this.pipMode = mode;
    emit(this, 'livecart-pip-change', { show: this.showController.show.id, mode });
  }

  private reportPip(message: string): PipMode {
    emit(this, 'livecart-error', { show: this.showController.show.id, code: 'pip', message });
    return this.pipMode;
  }

  private pipLadder(): PipRung[] {
    return [videoPip(this.video)];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pip-player': PipPlayer;
  }
}
