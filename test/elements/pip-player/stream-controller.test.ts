import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ShowController } from '../../../src/controllers/show-controller.js';
import { StreamController, type StreamHost } from '../../../src/elements/pip-player/stream-controller.js';
import { liveHlsInstances, type HlsClass } from '../../../src/media/stream.js';
import type { PlayerHandle, PlayerStateName } from '../../../src/store/show.js';
import { freshShow, getShow, LIVE, nextEvent, recordErrors, until } from '../../helpers.js';

type Handler = (event: string, data: unknown) => void;

/**
 * hls.js as the stream drives it (media/hls-playback.ts): the events and error names it
 * listens for, the calls it makes, and the loader class it extends, each call recorded;
 * `emit` stands for hls.js firing an event. Unlike hls.js, `destroy()` keeps its listeners,
 * so a test can fire a destroyed instance's late event and see that nothing follows.
 */
class FakeHls {
  static readonly Events = { LEVEL_LOADED: 'hlsLevelLoaded', FRAG_BUFFERED: 'hlsFragBuffered', ERROR: 'hlsError' };
  static readonly ErrorTypes = { NETWORK_ERROR: 'networkError', MEDIA_ERROR: 'mediaError', OTHER_ERROR: 'otherError' };
  static readonly ErrorDetails = {
    MANIFEST_LOAD_ERROR: 'manifestLoadError',
    MANIFEST_LOAD_TIMEOUT: 'manifestLoadTimeOut',
    MANIFEST_PARSING_ERROR: 'manifestParsingError',
    FRAG_LOAD_ERROR: 'fragLoadError',
    BUFFER_APPEND_ERROR: 'bufferAppendError',
  };
  static readonly DefaultConfig = {
    loader: class {
      stats = { loading: {} };
      load(): void {}
      abort(): void {}
      destroy(): void {}
    },
  };
  static made: FakeHls[] = [];

  readonly calls: string[] = [];
  readonly listeners = new Map<string, Set<Handler>>();
  levels: { details?: { targetduration: number } }[] = [];
  currentLevel = -1;
  liveSyncPosition: number | null = null;
  playingDate: Date | null = null;
  source?: string;
  media?: HTMLMediaElement;
  destroyed = false;

  constructor(readonly config: Record<string, unknown>) {
    FakeHls.made.push(this);
  }

  on(event: string, handler: Handler): void {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(handler);
  }

  off(event: string, handler: Handler): void {
    this.listeners.get(event)?.delete(handler);
  }

  loadSource(url: string): void {
    this.calls.push('loadSource');
    this.source = url;
  }

  attachMedia(media: HTMLMediaElement): void {
    this.calls.push('attachMedia');
    this.media = media;
  }

  startLoad(): void {
    this.calls.push('startLoad');
  }

  stopLoad(): void {
    this.calls.push('stopLoad');
  }

  recoverMediaError(): void {
    this.calls.push('recoverMediaError');
  }

  destroy(): void {
    this.calls.push('destroy');
    this.destroyed = true;
  }

  emit(event: string, data: unknown): void {
    for (const handler of this.listeners.get(event) ?? []) handler(event, data);
  }

  /** hls.js's fatal (or not) error event. */
  fail(type: string, details: string, fatal = true, response?: { code: number }): void {
    this.emit(FakeHls.Events.ERROR, { type, details, fatal, response });
  }
}

/** The smallest player the stream controller runs in: the properties it reads, and the show's state. */
class StreamTestHost extends LitElement implements StreamHost {
  readonly video = document.createElement('video');
  src = LIVE;
  autoplay = false;
  muted = true;
  poster = '';
  startsAt: string | null = null;
  replay: string | null = null;
  structuredData = null;
  returnUrl: string | null = null;
  readonly showId = freshShow();
  // Bound to its show as the player is: by a ShowController, which also reports its errors.
  readonly show = this.showId;
  readonly playback = new StreamController(
    this,
    new ShowController(
      this,
      (show) => [show.stateOf(this)],
      (show) => show.attachPlayer(this as unknown as PlayerHandle),
    ),
    async () => FakeHls as unknown as HlsClass,
  );

  constructor() {
    super();
    this.addController(this.playback);
  }

  get state(): PlayerStateName {
    return getShow(this.showId).stateOf(this).get().state;
  }

  get live(): boolean {
    return getShow(this.showId).stateOf(this).get().live;
  }
}
customElements.define('stream-test-host', StreamTestHost);

/**
 * Every listener added to `targets` while it records, so a test can see that each one is
 * gone again: removed, or added with a signal that has aborted.
 */
function recordListeners(targets: EventTarget[]) {
  const added: { target: EventTarget; type: string; listener: unknown; signal?: AbortSignal; removed: boolean }[] = [];
  const { addEventListener, removeEventListener } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type, listener, options) {
    if (targets.includes(this)) added.push({ target: this, type, listener, signal: typeof options === 'object' ? options.signal : undefined, removed: false });
    return addEventListener.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type, listener, options) {
    for (const entry of added) if (entry.target === this && entry.type === type && entry.listener === listener) entry.removed = true;
    return removeEventListener.call(this, type, listener, options);
  };
  return {
    added,
    /** The listeners still in place, as `type` names. */
    left: () => added.filter((entry) => !entry.removed && !entry.signal?.aborted).map((entry) => entry.type),
    stop: () => Object.assign(EventTarget.prototype, { addEventListener, removeEventListener }),
  };
}

describe('StreamController, against a stand-in for hls.js', () => {
  let host: StreamTestHost;
  let errors: ReturnType<typeof recordErrors>;
  /** The hls.js instance made for the current load. */
  const hls = () => FakeHls.made[FakeHls.made.length - 1];
  async function connect(setUp?: (host: StreamTestHost) => void): Promise<StreamTestHost> {
    host = document.createElement('stream-test-host') as StreamTestHost;
    setUp?.(host);
    const before = FakeHls.made.length;
    document.body.append(host);
    await until(() => FakeHls.made.length > before && hls().media, 'hls.js attached to the video');
    return host;
  }

  beforeEach(() => {
    FakeHls.made = [];
    errors = recordErrors();
  });
  afterEach(() => {
    host?.remove();
    errors.stop();
    expect(errors.uncaught).to.deep.equal([]);
  });

  it('loads the source into the video through hls.js, and the show says it is loading', async () => {
    await connect();
    expect(hls().calls).to.deep.equal(['loadSource', 'attachMedia']);
    expect(hls().source).to.equal(new URL(LIVE, location.href).href);
    expect(hls().media).to.equal(host.video);
    expect(liveHlsInstances.has(hls() as never)).to.equal(true);
    expect(host.state).to.equal('loading');
    // A live playlist makes the show live.
    hls().emit(FakeHls.Events.LEVEL_LOADED, { details: { live: true, endSN: 3, targetduration: 2 } });
    expect(host.live).to.equal(true);
  });

  it('a fatal error: state error with the reason in words, one livecart-error, hls.js destroyed; Retry loads anew', async () => {
    await connect();
    const failed = hls();
    const reported = nextEvent<CustomEvent>(host, 'livecart-error');
    failed.fail(FakeHls.ErrorTypes.NETWORK_ERROR, FakeHls.ErrorDetails.MANIFEST_LOAD_ERROR, true, { code: 404 });
    const { detail } = await reported;
    expect(detail).to.include({ show: host.showId, code: 'stream' });
    expect(detail.message).to.match(/live\.m3u8 cannot be played: the video was not found \(HTTP 404\)$/);
    expect(host.state).to.equal('error');
    expect(host.playback.error).to.equal('the video was not found (HTTP 404)');
    expect(failed.destroyed).to.equal(true);
    expect(liveHlsInstances.has(failed as never)).to.equal(false);
    expect(host.playback.stream).to.equal(undefined);

    host.playback.load(); // what Retry does
    await until(() => hls() !== failed && hls().media, 'a new hls.js instance');
    expect(hls().calls).to.deep.equal(['loadSource', 'attachMedia']);
    expect(host.state).to.equal('loading');
    expect(host.playback.error).to.equal('');
    expect(errors.events).to.have.length(1);
  });

  it('recovers as hls.js documents: media errors by recoverMediaError, network ones by startLoad, three times in a row at most', async () => {
    await connect();
    const instance = hls();
    instance.fail(FakeHls.ErrorTypes.NETWORK_ERROR, FakeHls.ErrorDetails.FRAG_LOAD_ERROR, false);
    expect(instance.calls).to.deep.equal(['loadSource', 'attachMedia']);
    instance.fail(FakeHls.ErrorTypes.MEDIA_ERROR, FakeHls.ErrorDetails.BUFFER_APPEND_ERROR);
    instance.fail(FakeHls.ErrorTypes.NETWORK_ERROR, FakeHls.ErrorDetails.FRAG_LOAD_ERROR);
    expect(instance.calls.slice(2)).to.deep.equal(['recoverMediaError', 'startLoad']);
    // A buffered fragment means playback went on: the count starts again.
    instance.emit(FakeHls.Events.FRAG_BUFFERED, {});
    for (let i = 0; i < 3; i++) instance.fail(FakeHls.ErrorTypes.MEDIA_ERROR, FakeHls.ErrorDetails.BUFFER_APPEND_ERROR);
    expect(instance.calls.slice(4)).to.deep.equal(['recoverMediaError', 'recoverMediaError', 'recoverMediaError']);
    expect(host.state).to.equal('loading');
    expect(errors.events).to.deep.equal([]);
    const reported = nextEvent<CustomEvent>(host, 'livecart-error');
    instance.fail(FakeHls.ErrorTypes.MEDIA_ERROR, FakeHls.ErrorDetails.BUFFER_APPEND_ERROR);
    expect((await reported).detail.message).to.match(/cannot play the video’s format$/);
    expect(host.state).to.equal('error');
    expect(instance.calls.at(-1)).to.equal('destroy');
  });

  it('back online after a failure, loads again by itself', async () => {
    await connect();
    const failed = hls();
    const reported = nextEvent(host, 'livecart-error');
    failed.fail(FakeHls.ErrorTypes.NETWORK_ERROR, FakeHls.ErrorDetails.MANIFEST_LOAD_ERROR);
    await reported;
    window.dispatchEvent(new Event('online'));
    await until(() => hls() !== failed && hls().media, 'a new hls.js instance once online');
    expect(host.state).to.equal('loading');
  });

  it('with autoplay, plays muted where the policy refuses sound, and a tap on the video gives it back', async () => {
    const played: boolean[] = [];
    await connect((el) => {
      el.autoplay = true;
      el.muted = false;
      // The policy phones have: no sound without a gesture (the stand-in plays no media).
      el.video.play = () => (played.push(el.video.muted), el.video.muted ? Promise.resolve() : Promise.reject(new DOMException('needs a gesture', 'NotAllowedError')));
    });
    await until(() => played.length === 2, 'a second, muted play');
    expect(played).to.deep.equal([false, true]);
    expect(host.muted).to.equal(true);
    expect(host.video.muted).to.equal(true);
    host.video.click();
    expect(host.muted).to.equal(false);
    expect(host.video.muted).to.equal(false);
    expect(played).to.deep.equal([false, true, false]);
  });

  it('on disconnect destroys hls.js and removes every listener it added; a move keeps them all', async () => {
    let listeners!: ReturnType<typeof recordListeners>;
    let left: string[];
    try {
      // From before the host connects: the window's, the document's and the video's listeners.
      await connect((el) => (listeners = recordListeners([window, document, el.video])));
      const instance = hls();
      host.remove();
      document.body.append(host); // a move within the page (a route change): nothing is let go
      await null;
      expect(instance.destroyed).to.equal(false);
      expect(listeners.left()).to.include.members(['online', 'playing', 'timeupdate', 'error']);
      host.remove();
      await null;
      expect(instance.destroyed).to.equal(true);
      expect(liveHlsInstances.has(instance as never)).to.equal(false);
      left = listeners.left();
    } finally {
      listeners.stop();
    }
    expect(left).to.deep.equal([]);
    // Nothing of the player still listens: not the video, not the window, and a destroyed
    // hls.js that fires once more (the stand-in keeps its listeners) changes nothing.
    const { state } = host;
    const instance = hls();
    host.video.dispatchEvent(new Event('playing'));
    window.dispatchEvent(new Event('online'));
    instance.fail(FakeHls.ErrorTypes.NETWORK_ERROR, FakeHls.ErrorDetails.MANIFEST_LOAD_ERROR);
    instance.fail(FakeHls.ErrorTypes.MEDIA_ERROR, FakeHls.ErrorDetails.BUFFER_APPEND_ERROR);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(host.state).to.equal(state);
    expect(instance.calls.at(-1)).to.equal('destroy');
    expect(FakeHls.made).to.have.length(1);
    expect(errors.events).to.deep.equal([]);
  });
});
