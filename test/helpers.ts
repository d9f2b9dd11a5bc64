// The test kit: what more than one test file needs, in one place. Fixtures' URLs, polling
// and events, real clicks, errors recorded, pages in frames, shows with products (and a
// playing player with a buy button), DOM queries into shadow roots, spies on window.open
// and the console, the cart put back between tests, msw for what is remote by nature.
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { RequestHandler } from 'msw';
import type { CartLine } from '../src/adapters/types.js';
import { validateItems } from '../src/core/feed.js';
import type { BuyNowButton } from '../src/elements/buy-now-button/buy-now-button.js';
import type { PipPlayer } from '../src/elements/pip-player/pip-player.js';
import { $cart, CART_KEY, syncCart } from '../src/store/cart.js';
import { configure, type LivecartOptions } from '../src/store/config.js';
import { getShow } from '../src/store/show.js';
// Registers the WebKit exclusions (a root hook) on every page that uses these helpers.
import './engine.js';

/** The simulated live channel and its replay, served by the test runner (demo/channel). */
export const LIVE = '/channel/live.m3u8';
export const REPLAY = '/channel/replay.m3u8';
export const MP4 = '/channel/media/show.mp4';
/** The same show as fMP4 whose product cues are ID3 TXXX frames (no DATERANGE tags). */
export const ID3 = '/channel/media/id3/vod.m3u8';
/** The demo's real product feed. */
export const FEED = '/demo/public/products.json';

/** Product order and slot length of the fixture show (demo/channel/live-channel.mjs). */
export const SHOW_ORDER = ['aurora-jacket', 'ember-mug', 'drift-backpack', 'glow-lantern'];
export const SLOT_SECONDS = 6;

/** A valid Google Merchant style item, to vary in tests. */
export const item = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Product ${id}`,
  link: `https://shop.example/p/${id}`,
  image_link: `https://shop.example/img/${id}.svg`,
  price: '10.00 EUR',
  availability: 'in_stock',
  ...extra,
});

let showCount = 0;
/** A show id no other test uses, so stores never leak between tests. */
export const freshShow = () => `test-show-${++showCount}-${Math.random().toString(36).slice(2, 7)}`;

/** Resolves when `predicate` holds, polling each frame; rejects with `what` on timeout. */
export async function until(predicate: () => unknown, what: string, timeout = 15_000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Like until(), for what only the server can answer: asks again every 100 ms. */
export async function eventually(predicate: () => Promise<unknown>, what: string, timeout = 15_000): Promise<void> {
  const start = performance.now();
  while (!(await predicate())) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The next `name` event on `target`. */
export function nextEvent<T extends Event = CustomEvent>(target: EventTarget, name: string, timeout = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} event within ${timeout} ms`)), timeout);
    target.addEventListener(
      name,
      (event) => {
        clearTimeout(timer);
        resolve(event as T);
      },
      { once: true },
    );
  });
}

/** A real mouse click at the centre of `element`: the browser counts it as a user gesture. */
export async function realClick(element: Element): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const rect = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)] });
}

/** Resolves once the video has presented a frame. */
export function firstFrame(video: HTMLVideoElement, timeout = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no video frame was presented')), timeout);
    video.requestVideoFrameCallback(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Records livecart-error events and uncaught errors on the window while a test runs. */
export function recordErrors() {
  const events: CustomEvent[] = [];
  const uncaught: unknown[] = [];
  const onEvent = (e: Event) => events.push(e as CustomEvent);
  const onError = (e: ErrorEvent) => uncaught.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => uncaught.push(e.reason);
  document.addEventListener('livecart-error', onEvent);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    events,
    uncaught,
    stop() {
      document.removeEventListener('livecart-error', onEvent);
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/**
 * recordErrors() around each test of the describe() that calls it, failing a test after
 * which anything was thrown uncaught: whatever the test did to the page, it never throws.
 * The recorder it returns is the running test's.
 */
export function recordErrorsInEachTest(): Pick<ReturnType<typeof recordErrors>, 'events' | 'uncaught'> {
  let current: ReturnType<typeof recordErrors>;
  beforeEach(() => (current = recordErrors()));
  afterEach(() => {
    current.stop();
    expect(current.uncaught).to.deep.equal([]);
  });
  return {
    get events() {
      return current.events;
    },
    get uncaught() {
      return current.uncaught;
    },
  };
}

/** A page of its own, in an iframe: for built files and pages with their own headers. `css` adds to its style. */
export async function loadFrame(src: string, size = { width: 1024, height: 800 }, css = ''): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${size.width}px; height: ${size.height}px; border: 0${css ? `; ${css}` : ''}`;
  const loaded = nextEvent(frame, 'load');
  frame.src = src;
  document.body.append(frame);
  await loaded;
  return frame;
}

/** A cart line to vary in tests. */
export const cartLine = (id: string, extra: Partial<CartLine> = {}): CartLine => ({
  id,
  product: id,
  title: `Product ${id}`,
  price: { value: 10, currency: 'EUR' },
  quantity: 1,
  ...extra,
});

let worker: SetupWorker | undefined;

/** msw for what is remote by nature: a retailer's feed URL. */
export async function mockRemote(...handlers: RequestHandler[]): Promise<void> {
  if (!worker) {
    worker = setupWorker();
    await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });
  }
  worker.resetHandlers(...handlers);
}

/** Hides a browser API for one test, as a browser without it would look; returns the undo. */
export function without(target: object, key: string): () => void {
  const own = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value: undefined, configurable: true, writable: true });
  return () => (own ? Object.defineProperty(target, key, own) : delete (target as Record<string, unknown>)[key]);
}

/** A show no other test uses, with these products (Merchant-style items, see `item`). */
export function showWith(...items: ReturnType<typeof item>[]): string {
  const show = freshShow();
  getShow(show).addProducts(validateItems(items).products);
  return show;
}

/**
 * The cart as a page starts with it: the link adapter (or `options` over it), no lines,
 * nothing stored under the cart's key. Files whose tests store more clear localStorage
 * themselves.
 */
export async function resetCart(options: LivecartOptions = {}): Promise<void> {
  configure({ cart: { adapter: 'link' }, ...options });
  await syncCart();
  $cart.set({ lines: [] });
  localStorage.removeItem(CART_KEY);
}

// DOM queries into shadow roots. Typed as found: use them where the element is there.

/** The first match of `selector` in `host`'s shadow root. */
export const inShadow = <T extends Element = HTMLElement>(host: Element, selector: string) => host.shadowRoot!.querySelector<T>(selector)!;
/** Every match of `selector` in `host`'s shadow root. */
export const allInShadow = (host: Element, selector: string) => [...host.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
/** `host`'s shadow part `name` (the first element whose part list has it). */
export const part = <T extends Element = HTMLElement>(host: Element, name: string) => inShadow<T>(host, `[part~="${name}"]`);
/** The `<pip-player>` a `<live-stream>` renders. */
export const playerOf = (stream: Element) => inShadow<PipPlayer>(stream, 'pip-player');
/** The real `<button>` inside a `<buy-now-button>`. */
export const buyButtonOf = (el: Element) => inShadow<HTMLButtonElement>(el, 'button');
/** The real `<button>` of the buy button in a `<live-stream>`'s product banner, or null until it is there. */
export const bannerBuyButton = (stream: Element) =>
  stream.shadowRoot?.querySelector('[part~="banner"] buy-now-button')?.shadowRoot?.querySelector('button') ?? null;
/** Every match of `selector` in `root` and in every shadow root below it. */
export const deepAll = (root: ParentNode, selector: string): Element[] => [
  ...root.querySelectorAll(selector),
  ...[...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? deepAll(el.shadowRoot, selector) : [])),
];
/** The text of every shadow root below `root` (and of `root`, when it is one). */
export const deepText = (root: ParentNode): string =>
  [...root.querySelectorAll('*')].map((el) => (el.shadowRoot ? deepText(el.shadowRoot) : '')).join('') +
  (root instanceof ShadowRoot ? root.textContent ?? '' : '');

/**
 * A `<pip-player>` of `show` playing `src`, beside a `<buy-now-button>` for `product`;
 * resolves once it plays. `button` is the buy button's real `<button>`.
 */
export async function playerWithBuyButton(show: string, src: string, product: string) {
  const root = await fixture(html`<div>
    <pip-player show=${show} src=${src} muted autoplay></pip-player>
    <buy-now-button show=${show} product=${product}></buy-now-button>
  </div>`);
  const player = root.querySelector('pip-player') as PipPlayer;
  const buyNow = root.querySelector('buy-now-button') as BuyNowButton;
  await until(() => player.state === 'playing', 'the show to play');
  return { player, buyNow, button: buyButtonOf(buyNow) };
}

/**
 * test/fixtures/show-page.html (built livecart, link-target="_self") in an iframe of `size`
 * (`css` adds to its style), once its show plays and its banner's buy button is there.
 * The frame is removed if the page never gets there.
 */
export async function playingShowPage(size: { width: number; height: number }, css = '') {
  const frame = await loadFrame('/test/fixtures/show-page.html', size, css);
  try {
    const stream = frame.contentDocument!.querySelector('live-stream')!;
    await until(() => stream.shadowRoot?.querySelector('pip-player')?.getAttribute('state') === 'playing', 'the show to play');
    await until(() => bannerBuyButton(stream), 'the banner buy button');
    return { frame, stream, buy: bannerBuyButton(stream)! };
  } catch (error) {
    frame.remove();
    throw error;
  }
}

/** A spy's calls so far (each call's arguments), and the undo. */
export interface Spy {
  calls: unknown[][];
  restore(): void;
}

/** Replaces the method `key` of `target` with a recorder answering `answer`; with `run`, only while it runs. */
function spyOn(target: object, key: string, answer: unknown, run?: () => unknown): Spy | Promise<unknown[][]> {
  const methods = target as Record<string, unknown>;
  const calls: unknown[][] = [];
  const original = methods[key];
  methods[key] = (...args: unknown[]) => (calls.push(args), answer);
  const spy = { calls, restore: () => void (methods[key] = original) };
  if (!run) return spy;
  return (async () => {
    try {
      await run();
    } finally {
      spy.restore();
    }
    return calls;
  })();
}

export interface SpyOpenOptions {
  /** What each call returns (a fake tab); by default null, as a blocked popup. */
  answer?: Window | null;
  /** Whose `open` (a frame's window); by default this page's. */
  target?: Window;
}

/**
 * Replaces `window.open` with a recorder, so a test sees what would open without a real
 * tab leaving it. With `run`: spies while it runs and resolves to the calls. Without: spies
 * until `restore()`.
 */
export function spyOpen(options?: SpyOpenOptions): Spy;
export function spyOpen(run: () => unknown, options?: SpyOpenOptions): Promise<unknown[][]>;
export function spyOpen(first?: (() => unknown) | SpyOpenOptions, second?: SpyOpenOptions): Spy | Promise<unknown[][]> {
  if (typeof first === 'function') return spyOn(second?.target ?? window, 'open', second?.answer ?? null, first);
  return spyOn(first?.target ?? window, 'open', first?.answer ?? null);
}

/** Records (and silences) `console[method]`: while `run` runs, resolving to the calls, or until `restore()`. */
export function spyConsole(method: 'warn' | 'error'): Spy;
export function spyConsole(method: 'warn' | 'error', run: () => unknown): Promise<unknown[][]>;
export function spyConsole(method: 'warn' | 'error', run?: () => unknown): Spy | Promise<unknown[][]> {
  return spyOn(console, method, undefined, run);
}

export { getShow };
