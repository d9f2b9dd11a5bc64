import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/live-stream.js';
import type { LiveStream } from '../../src/elements/live-stream/live-stream.js';
import { liveHlsInstances } from '../../src/media/stream.js';
import { FEED, freshShow, LIVE, playerOf, recordErrors, REPLAY, until } from '../helpers.js';

/**
 * Counts what an element could leak across the page: MediaSource object URLs, listeners
 * on window and document, and pending timers. Each counter goes up on creation and down
 * on release, so equal counts before and after many cycles mean nothing piled up.
 */
function trackResources() {
  const urls = new Set<string>();
  const listeners = new Map<string, number>();
  const timers = new Set<number>();
  const originals = {
    createObjectURL: URL.createObjectURL,
    revokeObjectURL: URL.revokeObjectURL,
    add: EventTarget.prototype.addEventListener,
    remove: EventTarget.prototype.removeEventListener,
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
  };
  const key = (target: EventTarget, type: string, listener: unknown, capture: boolean) =>
    `${target === window ? 'window' : 'document'}:${type}:${String(capture)}:${listenerId(listener)}`;
  const ids = new WeakMap<object, number>();
  let nextId = 0;
  const listenerId = (listener: unknown) => {
    if (!listener || typeof listener !== 'object' && typeof listener !== 'function') return 'none';
    if (!ids.has(listener as object)) ids.set(listener as object, ++nextId);
    return ids.get(listener as object);
  };
  const global = (target: EventTarget) => target === window || target === document;
  const capture = (options?: boolean | AddEventListenerOptions) => (typeof options === 'boolean' ? options : !!options?.capture);

  URL.createObjectURL = (object: Blob | MediaSource) => {
    const url = originals.createObjectURL(object);
    if (!(object instanceof Blob)) urls.add(url);
    return url;
  };
  URL.revokeObjectURL = (url: string) => (urls.delete(url), originals.revokeObjectURL(url));
  EventTarget.prototype.addEventListener = function (this: EventTarget, type, listener, options) {
    if (global(this) && listener) {
      const k = key(this, type, listener, capture(options));
      if (!listeners.has(k)) {
        listeners.set(k, 1);
        const signal = typeof options === 'object' ? options.signal : undefined;
        signal?.addEventListener('abort', () => listeners.delete(k), { once: true });
      }
    }
    return originals.add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type, listener, options) {
    if (global(this) && listener) listeners.delete(key(this, type, listener, capture(options)));
    return originals.remove.call(this, type, listener, options);
  };
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
    const id: number = originals.setTimeout.call(
      window,
      (...args: unknown[]) => (timers.delete(id), typeof handler === 'function' ? handler(...args) : undefined),
      ms,
      ...rest,
    );
    timers.add(id);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = (id?: number) => (id !== undefined && timers.delete(id), originals.clearTimeout.call(window, id));
  window.setInterval = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
    const id = originals.setInterval.call(window, handler, ms, ...rest);
    timers.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = (id?: number) => (id !== undefined && timers.delete(id), originals.clearInterval.call(window, id));

  return {
    counts: () => ({ hls: liveHlsInstances.size, mediaSources: urls.size, listeners: listeners.size, timers: timers.size }),
    stop() {
      Object.assign(URL, { createObjectURL: originals.createObjectURL, revokeObjectURL: originals.revokeObjectURL });
      Object.assign(EventTarget.prototype, { addEventListener: originals.add, removeEventListener: originals.remove });
      Object.assign(window, {
        setTimeout: originals.setTimeout,
        clearTimeout: originals.clearTimeout,
        setInterval: originals.setInterval,
        clearInterval: originals.clearInterval,
      });
    },
  };
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const playing = (el: LiveStream, what: string) => until(() => playerOf(el)?.state === 'playing', what, 20_000);

describe('lifecycle', () => {
  let tracker: ReturnType<typeof trackResources>;
  let errors: ReturnType<typeof recordErrors>;
  beforeEach(() => ((tracker = trackResources()), (errors = recordErrors())));
  afterEach(() => {
    tracker.stop();
    errors.stop();
    expect(errors.uncaught).to.deep.equal([]);
  });

  it('200 connect/disconnect cycles and route-change moves leave no hls.js, MediaSource, listener or timer behind', async () => {
    const el = await fixture<LiveStream>(html`<live-stream show=${freshShow()} src=${LIVE} products=${FEED} autoplay muted></live-stream>`);
    await playing(el, 'the first start');
    const settled = tracker.counts();
    expect(settled.hls).to.equal(1);
    expect(settled.mediaSources).to.equal(1);

    const home = el.parentElement!;
    const other = document.createElement('main');
    document.body.append(other);
    for (let cycle = 0; cycle < 200; cycle++) {
      if (cycle % 4 === 3) {
        // A route change: the element moves to another part of the page in one step.
        (el.parentElement === home ? other : home).append(el);
      } else {
        el.remove();
        // Sometimes straight back, sometimes after loading had time to start.
        if (cycle % 2) await frame();
        home.append(el);
      }
      if (cycle % 3 === 0) await frame();
    }
    await playing(el, 'playback after the cycles');
    const after = tracker.counts();
    expect({ ...after, timers: 0 }).to.deep.equal({ ...settled, timers: 0 });
    // hls.js's own one-shot timers (playlist reloads, retries) come and go while it plays:
    // a few either way is its rhythm; a leak of 200 cycles is not a few.
    expect(after.timers).to.be.at.most(settled.timers + 3);

    // A route change that throws the whole view away.
    other.remove();
    el.remove();
    await frame();
    expect(tracker.counts()).to.include({ hls: 0, mediaSources: 0 });
    expect(tracker.counts().listeners).to.be.at.most(settled.listeners);
    expect(tracker.counts().timers).to.be.at.most(settled.timers);
  }).timeout(60_000);

  it('two shows on one page play side by side, each with its own player and catalog', async () => {
    const [a, b] = [freshShow(), freshShow()];
    const page = await fixture<HTMLElement>(html`<div>
      <live-stream show=${a} src=${LIVE} products=${FEED} autoplay muted></live-stream>
      <live-stream show=${b} src=${REPLAY} .products=${[{ id: 'only', title: 'Only', link: 'https://shop.example/only', price: '1.00 EUR', availability: 'in_stock' }]} autoplay muted></live-stream>
    </div>`);
    const [first, second] = page.querySelectorAll('live-stream');
    await playing(first, 'the first show');
    await playing(second, 'the second show');
    expect(liveHlsInstances.size).to.equal(2);
    expect(playerOf(first).live).to.equal(true);
    expect(playerOf(second).live).to.equal(false);
    const cards = (el: LiveStream) => el.shadowRoot!.querySelector('shop-carousel')!.shadowRoot!.querySelectorAll('[part~="card"]').length;
    await until(() => cards(first) === 5 && cards(second) === 1, 'each show with its own catalog');
    page.remove();
    await null; // teardown waits out the microtask in which a move would reconnect
    expect(liveHlsInstances.size).to.equal(0);
  }).timeout(40_000);
});
