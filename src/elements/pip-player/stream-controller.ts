import { html, nothing } from 'lit';
import { safeUrl } from '../../core/safe-url.js';
import { diagnostics, warn } from '../../core/warn.js';
import type { Strings } from '../../i18n/strings.js';
import { playOrMute, playVideo } from '../../media/play.js';
import { saveResume } from '../../media/resume.js';
import { loadHls, Stream } from '../../media/stream.js';
import { afterStart } from '../../platform/start-gate.js';
import type { PlayerStateName } from '../../store/show.js';
import { PlayerController, type PlayerHost, type ShowBinding } from './player-controller.js';
import type { ShowLife } from './show-life.js';

/** What the stream reads from its player (and, for a live or upcoming show, what show-life.ts does). */
export interface StreamHost extends PlayerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Set to the replay when the shopper chooses it. */
  src: string;
  readonly autoplay: boolean;
  /** Set when the autoplay policy wants the show muted, and by the video's own volume changes. */
  muted: boolean;
  readonly poster: string;
  readonly startsAt?: string | null;
  readonly replay?: string | null;
  readonly structuredData?: 'on' | 'off' | null;
  readonly returnUrl: string | null;
  readonly state: PlayerStateName;
  readonly live: boolean;
}

/** How long a player waits for a `src` before it warns that it has none. */
const NO_SRC_GRACE_MS = 1000;

/**
 * The player's stream: loads `src` (hls.js or the video element's own playback, see
 * media/stream.ts), plays it with `autoplay` (muted where the browser wants that), follows
 * the video into the show's player state, and keeps going: Retry, back online, the live
 * edge, the end of a live show and its replay. Before `starts-at` it waits, through
 * show-life.ts (loaded only for live and upcoming shows).
 */
export class StreamController extends PlayerController<StreamHost> {
  /** The stream being played; none without `src`, after a failure, and before `starts-at`. */
  stream?: Stream;
  /** Why the stream cannot be played, for the error panel; empty when it can. */
  error = '';
  /** The live show ended (or stopped publishing): `ended` stays until the next load. */
  ended = false;
  /** A live or upcoming show's countdown and JSON-LD (its code loads only for such shows). */
  life?: ShowLife;
  /** The `src` the current stream was made for. */
  private loadedSrc: string | null = null;
  /** The stream came up after a wait, or the shopper chose the replay: play without `autoplay`. */
  private playOnLoad = false;
  /** Where the next load starts (a resumed replay's saved time), once. */
  startAt?: number;

  constructor(
    host: StreamHost,
    shows: ShowBinding,
    /** Where hls.js comes from: a test passes a stand-in with its API. */
    private readonly hls = loadHls,
  ) {
    super(host, shows);
  }

  protected attach(signal: AbortSignal): void {
    const { host } = this;
    const video = host.video;
    const on = (type: string, listener: () => void) => video.addEventListener(type, listener, { signal });
    const follow = (state: PlayerStateName) => () => {
      if (host.state !== 'error' && !this.ended) this.setState({ state });
    };
    on('loadstart', follow('loading'));
    on('playing', follow('playing'));
    on('waiting', follow('buffering'));
    on('ended', follow('ended'));
    on('pause', () => video.ended || follow('paused')());
    on('error', () => {
      const { error } = video;
      if (error) void diagnostics().then((m) => signal.aborted || this.fail(m.describeMediaError(error, host.src)));
    });
    on('volumechange', () => (host.muted = video.muted));
    on('timeupdate', () => {
      const edge = this.stream?.liveEdge();
      this.setState({ behindLive: host.live && edge != null && edge - video.currentTime > (this.stream?.liveTolerance() ?? 6) });
    });
    // Back online after a failure: load again without waiting for the shopper's Retry.
    window.addEventListener('online', () => host.state === 'error' && this.load(), { signal });
    signal.addEventListener('abort', () => {
      this.drop();
      this.life?.stop();
      this.life = undefined;
      this.loadedSrc = null;
    });
    this.load();
  }

  protected override moved(): void {
    // Some engines pause a video taken out of the page, even for a moment.
    if (this.host.state === 'playing' || this.host.autoplay) void playVideo(this.host.video);
  }

  hostUpdate(): void {
    if (this.signal && this.host.src !== this.loadedSrc) this.load();
  }

  hostUpdated(): void {
    if (this.life) this.life.update();
    else if (this.host.live) this.showLife();
  }

  /**
   * A framework sets `src` just after the tag is in the page (React in a layout effect, as
   * livecart/react does after hydration): only a player still without one a moment later
   * is told it has nothing to play.
   */
  private warnIfNoSrc(): void {
    const { host, signal } = this;
    setTimeout(() => host.src || signal?.aborted || warn(host, { kind: 'no-src' }, 'no-src'), NO_SRC_GRACE_MS);
  }

  /** (Re)loads `src` from scratch: also what Retry does. */
  load = () => {
    const { host } = this;
    this.loadedSrc = host.src;
    this.drop();
    this.life?.stopWaiting();
    this.error = '';
    this.ended = false;
    this.setState({ state: 'idle', live: false, behindLive: false });
    host.requestUpdate();
    if (!host.src) return this.warnIfNoSrc();
    // Before `starts-at`: the countdown, until the stream is up (then this loads again).
    if (!this.playOnLoad && Date.parse(host.startsAt!) > Date.now()) return this.showLife(true);
    this.setState({ state: 'loading' });
    const stream = (this.stream = new Stream(
      host.video,
      new URL(host.src, document.baseURI).href,
      {
        onFatal: (message) => this.stream === stream && this.fail(message),
        onLive: (live) => this.setState({ live }),
        onEnded: () => {
          if (this.stream !== stream) return;
          this.ended = true;
          this.setState({ state: 'ended' });
          // The video's own `ended` may have set the state already: the notice still needs drawing.
          host.requestUpdate();
        },
      },
      this.hls,
    ));
    const play = host.autoplay || this.playOnLoad;
    this.playOnLoad = false;
    const startAt = this.startAt;
    this.startAt = undefined;
    void stream.start(startAt, play).then(() => play && this.stream === stream && this.autoplay());
  };

  /** Seeks to the live edge. */
  goLive = () => {
    const edge = this.stream?.liveEdge();
    if (edge != null) this.host.video.currentTime = edge;
    void playVideo(this.host.video);
  };

  /** The shopper chose the replay of a show that ended: it plays in this player, still shoppable. */
  watchReplay = () => {
    this.playOnLoad = true;
    this.host.src = this.host.replay!;
  };

  /** The error panel with Retry, a live or upcoming show's notices (show-life.ts), and the end with its replay. */
  renderNotices(t: Strings) {
    const { host } = this;
    return html`${host.state === 'error'
        ? html`<div part="error" role="alert" data-reason=${this.error}>
            <p>${t.streamError}</p>
            <button part="retry" type="button" @click=${this.load}>${t.retry}</button>
          </div>`
        : nothing}
      ${this.life?.render() ?? nothing}
      ${this.ended
        ? html`<div part="ended" class="notice" role="status"><p>${t.streamEnded}</p>${host.replay
              ? html`<button part="replay" type="button" @click=${this.watchReplay}>${t.watchReplay}</button>`
              : nothing}</div>`
        : nothing}`;
  }

  /** Saves where the show is, for the next page of the site to resume (`link-target="_self"`). */
  saveForNextPage(returnUrl?: string): void {
    const { host } = this;
    if (!host.src) return;
    saveResume({
      src: new URL(host.src, document.baseURI).href,
      time: host.video.currentTime,
      live: host.live,
      muted: host.video.muted,
      show: this.show().id,
      poster: safeUrl(host.poster, document.baseURI) ?? undefined,
      returnUrl: returnUrl || host.returnUrl || location.href,
      savedAt: Date.now(),
    });
  }

  /** Plays; where the autoplay policy refuses sound, plays muted instead. */
  private autoplay(): void {
    const { host } = this;
    const video = host.video;
    void playOrMute(video, () => {
      host.muted = true;
      // The policy wanted a gesture for sound (phones do): the shopper's first tap on the video gives it.
      const unmute = () => {
        host.muted = video.muted = false;
        void playVideo(video);
      };
      video.addEventListener('click', unmute, { once: true, signal: this.signal });
    });
  }

  private fail(message: string): void {
    this.drop();
    this.error = message;
    this.setState({ state: 'error' });
    this.host.requestUpdate();
    this.report('stream', `The stream ${this.host.src} cannot be played: ${message}`);
  }

  /** Lets go of the stream being played (hls.js and the MediaSource, or the video's source). */
  private drop(): void {
    this.stream?.destroy();
    this.stream = undefined;
  }

  /** Fetches the show's life module (a live or upcoming show), then waits for the stream or updates it. */
  private showLife(wait = false): void {
    // An upcoming show's countdown is all there is to see; a live show's life waits for its first frame.
    const after = wait ? Promise.resolve() : afterStart();
    void after.then(() => import('./show-life.js')).then((module) => {
      if (!this.signal || (wait && this.stream)) return;
      this.life ??= new module.ShowLife(this.host, () => {
        this.playOnLoad = true;
        this.load();
      });
      if (wait) this.life.wait();
      this.life.update();
    });
  }
}
