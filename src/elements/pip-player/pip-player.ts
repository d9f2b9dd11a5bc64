import { html, isServer, nothing, type PropertyDeclarations } from 'lit';
import { safeUrl } from '../../core/safe-url.js';
import { ShowController } from '../../controllers/show-controller.js';
import type { PipMode } from '../../core/events.js';
import { stringsOf } from '../../i18n/strings.js';
import { afterStart } from '../../platform/start-gate.js';
import type { PlayerState, PlayerStateName } from '../../store/show.js';
import { LivecartElement } from '../livecart-element.js';
import { tokens } from '../theme.js';
import { KeysController } from './keys-controller.js';
import type { MediaSessionController } from './media-session-controller.js';
import { PipController } from './pip-controller.js';
import { placeholderStyles, styles } from './pip-player.styles.js';
import { bindToShow } from './show-binding.js';
import { StreamController } from './stream-controller.js';

/**
 * The livecart player. Plays HLS (live or VOD) through hls.js, fetched only when a
 * stream needs it, and MP4 through the video element itself; keeps near the live edge;
 * reads the product on screen from the stream's metadata cues (and an optional schedule)
 * into its show; and keeps the show running picture-in-picture: Document PiP with the
 * product card, else video PiP, else a floating mini player in the page.
 *
 * The element holds the properties, renders, and answers its public API; each concern is
 * a controller beside it (stream, picture-in-picture with the floating player and the
 * frame mode, product on screen, media session, keys). Its state is kept in its show
 * (`Show.stateOf`), and the show's `$player` follows it while it is the show's player:
 * the controllers write it, and the element reflects it.
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
 * @csspart float-controls - The floating mini player's buttons (`float-handle`, `float-size`, `float-expand`, `float-close`, `float-back`).
 * @csspart ended - The notice that a live show has ended (its playlist ended, or it stopped publishing).
 * @csspart replay - The ended notice's "Watch the replay" button (with `replay`).
 * @csspart upcoming - Before `starts-at`: the countdown, the start time and the calendar links.
 * @csspart countdown - "Starts in 2 hr, 5 min".
 * @csspart add-to-calendar - Downloads the show as an `.ics` file.
 * @csspart google-calendar - The show as a Google Calendar link.
 * @cssprop --livecart-accent - Badge and button colour.
 * @cssprop --livecart-radius - Corner radius.
 */
export class PipPlayer extends LivecartElement {
  static override properties: PropertyDeclarations = {
    src: { reflect: true, useDefault: true },
    poster: { reflect: true, useDefault: true },
    autoplay: { type: Boolean, reflect: true, useDefault: true },
    muted: { type: Boolean, reflect: true, useDefault: true },
    controls: { type: Boolean, reflect: true, useDefault: true },
    show: { reflect: true, useDefault: true },
    pip: { reflect: true, useDefault: true },
    pipMode: { attribute: 'pip-mode', reflect: true, useDefault: true },
    state: { reflect: true, useDefault: true },
    live: { type: Boolean, reflect: true, useDefault: true },
    schedule: { reflect: true, useDefault: true },
    floatOnScroll: { attribute: 'float-on-scroll', type: Boolean, reflect: true, useDefault: true },
    returnUrl: { attribute: 'return-url', reflect: true, useDefault: true },
    startsAt: { attribute: 'starts-at', reflect: true, useDefault: true },
    replay: { reflect: true, useDefault: true },
    structuredData: { attribute: 'structured-data', reflect: true, useDefault: true },
    continuity: { reflect: true, useDefault: true },
    behindLive: { state: true, attribute: false },
  };
  static override styles = [tokens, styles, placeholderStyles];
  // Its video is made in the browser: a server-rendered player (its frame, sized) is drawn anew.
  static override hydrates = false;

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
   * show never stops; unset: they load the next page, which resumes the show (docs/pip.md,
   * "The continuity mode").
   */
  declare continuity: 'frame' | null;

  /**
   * Read-only: where the video shows now: `inline | document | video | floating`.
   * @default 'inline'
   */
  get pipMode(): PipMode {
    return this.player.pipMode;
  }

  /**
   * Read-only: `idle | loading | playing | paused | buffering | ended | error`.
   * @default 'idle'
   */
  get state(): PlayerStateName {
    return this.player.state;
  }

  /**
   * Read-only: the stream is live.
   * @default false
   */
  get live(): boolean {
    return this.player.live;
  }

  /**
   * Read-only: live, and behind the live edge far enough to offer "go live".
   * @default false
   */
  get behindLive(): boolean {
    return this.player.behindLive;
  }

  /**
   * The video element, made once and kept for the element's life so that a source can
   * load before the first render, and so the video can move to a Document PiP window
   * and back without being rebuilt.
   */
  readonly video: HTMLVideoElement = isServer ? (undefined as never) : document.createElement('video');
  private readonly showController = new ShowController(
    this,
    () => [],
    bindToShow(this, () => this.mediaSession?.update()),
  );
  // Added in this order, they let go in it too: out of picture-in-picture before the stream goes.
  private readonly pipLadder = new PipController(this, this.showController);
  private readonly playback = new StreamController(this, this.showController);
  /** Loaded when the video first plays. */
  private mediaSession?: MediaSessionController;

  constructor() {
    super();
    this.src = '';
    this.poster = '';
    this.autoplay = false;
    this.muted = false;
    this.controls = false;
    this.show = null;
    this.pip = 'auto';
    this.schedule = '';
    this.floatOnScroll = false;
    this.returnUrl = null;
    this.continuity = null;
    // A server renders the frame only: everything that plays is the browser's.
    if (isServer) return;
    for (const controller of [this.pipLadder, this.playback, new KeysController(this)]) this.addController(controller);
    // These load after the page's first frame (start-gate.ts), and join the player as they arrive.
    void afterStart()
      .then(() => import('./product-controller.js')).then((m) => this.addController(new m.ProductController(this, this.showController, () => this.playback.stream)));
    const session = () =>
      import('./media-session-controller.js').then((m) => this.addController((this.mediaSession ??= new m.MediaSessionController(this, this.showController))));
    this.video.addEventListener('playing', session, { once: true });
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
    return this.pipLadder.enter();
  }

  /** Returns the video inline from whichever mode it is in. */
  exitPip(): Promise<void> {
    return this.pipLadder.exit();
  }

  /**
   * With `continuity="frame"`, opens a same-origin URL in the frame under the floating
   * player and returns true; false otherwise, and the caller navigates.
   */
  continueAt(url: string): boolean {
    return this.pipLadder.continueAt(url);
  }

  /**
   * The next load of the stream starts at `seconds` (a replay resumed on the next page):
   * hls.js loads from there instead of loading the start and seeking.
   * @internal
   */
  resumeAt(seconds: number): void {
    this.playback.startAt = seconds;
  }

  /** Saves where the show is, for the next page of the site to resume (`link-target="_self"`). */
  saveForNextPage(returnUrl?: string): void {
    this.playback.saveForNextPage(returnUrl);
  }

  /** Floats as the mini player in the page, whatever the browser offers. */
  float(): Promise<void> {
    return this.pipLadder.float();
  }

  /** Chromium's atomic `moveBefore()` keeps media playing; nothing to do. */
  connectedMoveCallback(): void {}

  protected override willUpdate(): void {
    if (isServer) return;
    const video = this.video;
    const poster = safeUrl(this.poster, document.baseURI);
    if (poster) video.poster = poster;
    else video.removeAttribute('poster');
    // Without a source, or under the error panel, controls would be buttons that do nothing.
    video.controls = !!this.src && this.state !== 'error' && (this.controls || this.pipMode === 'floating');
    video.muted = this.muted;
    video.classList.toggle('live', this.live);
    video.setAttribute('aria-label', stringsOf(this).player);
  }

  protected override render() {
    const t = stringsOf(this);
    const { playback } = this;
    const floating = this.pipMode === 'floating';
    return html`<div
      part="frame"
      class=${(floating && this.pipLadder.floating?.frameClass()) || ''}
      role="group"
      aria-label=${t.player}
      aria-keyshortcuts=${this.src ? 'Space K M F P' : nothing}
      tabindex=${this.src ? '0' : nothing}
    >
      ${this.pipMode === 'document'
        ? html`<div part="placeholder">
            <p>${t.inPip}</p>
            <button type="button" @click=${this.exitPip}>${t.bringBack}</button>
          </div>`
        : (this.video ?? nothing)}
      ${this.live ? html`<span part="badge live-badge" class="badge">${t.live}</span>` : nothing}
      ${this.live && this.behindLive && !floating
        ? html`<button part="go-live" type="button" @click=${playback.goLive}>${t.goLive}</button>`
        : nothing}
      ${playback.renderNotices(t)}
      ${floating ? (this.pipLadder.floating?.render(t) ?? nothing) : nothing}
      <slot></slot>
    </div>`;
  }

  /** The player's state, as the controllers wrote it in its show. */
  private get player(): PlayerState {
    return this.showController.show.stateOf(this).get();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pip-player': PipPlayer;
  }
}
