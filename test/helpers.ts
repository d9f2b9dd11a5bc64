import { sendMouse } from '@web/test-runner-commands';
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { RequestHandler } from 'msw';
import type { CartLine } from '../src/adapters/types.js';
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

/** A page of its own, in an iframe: for built files and pages with their own headers. */
export async function loadFrame(src: string, size = { width: 1024, height: 800 }): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${size.width}px; height: ${size.height}px; border: 0`;
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

export { getShow };
