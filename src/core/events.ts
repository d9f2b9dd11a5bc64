import type { Cart } from './cart-lines.js';
import type { Product } from './product.js';
import { warn } from './warn.js';

/** Where the player is showing: in the page, a Document PiP window, video PiP, or the floating mini player. */
export type PipMode = 'inline' | 'document' | 'video' | 'floating';
/** `publish`: `<show-console>` could not publish (it retries). */
export type ErrorCode = 'stream' | 'feed' | 'schedule' | 'cart' | 'pip' | 'publish';

export interface ReadyDetail {
  show: string;
}
export interface FeaturedChangeDetail {
  show: string;
  /** The product now on screen, null when none is. */
  product: Product | null;
}
export interface AddToCartDetail {
  show: string;
  product: Product;
  quantity: number;
}
export interface CartChangeDetail {
  /** The cart after the change (also after a rollback, or a change made in another tab). */
  cart: Cart;
}
export interface CheckoutDetail {
  cart: Cart;
  /** Where the shopper is about to go; cancel the event to stop it. */
  url: string;
}
export interface PipChangeDetail {
  show: string;
  mode: PipMode;
}
/** One feed item (or schedule entry) that was skipped, or one of its fields that was dropped. */
export interface FeedProblem {
  /** Position of the item in the feed. */
  index: number;
  id?: string;
  field?: string;
  reason: string;
}
export interface ErrorDetail {
  show: string;
  code: ErrorCode;
  message: string;
  /** For `feed`: the items skipped and the fields dropped; for `schedule`: the entries skipped; each with its reason. */
  problems?: FeedProblem[];
}

/** A shopper's message to the show's chat, before it is sent (cancel the event to keep it from being sent). */
export interface ChatMessageDetail {
  show: string;
  message: { id: string; name: string; text: string; at: string; question?: boolean };
}

export interface LivecartEventMap {
  'livecart-ready': CustomEvent<ReadyDetail>;
  'livecart-featured-change': CustomEvent<FeaturedChangeDetail>;
  'livecart-add-to-cart': CustomEvent<AddToCartDetail>;
  'livecart-cart-change': CustomEvent<CartChangeDetail>;
  'livecart-checkout': CustomEvent<CheckoutDetail>;
  'livecart-pip-change': CustomEvent<PipChangeDetail>;
  'livecart-error': CustomEvent<ErrorDetail>;
  'livecart-chat-message': CustomEvent<ChatMessageDetail>;
}

/**
 * Dispatches a livecart event: always bubbling and composed, so a page hears it on
 * `document` whichever shadow root it started in. Returns false when it was cancelled.
 * A `livecart-error` is also a console warning naming the element, the cause and the fix,
 * so a page that listens to nothing still hears of it.
 */
export function emit<K extends keyof LivecartEventMap>(
  target: EventTarget,
  name: K,
  detail: LivecartEventMap[K]['detail'],
  options: { cancelable?: boolean } = {},
): boolean {
  if (name === 'livecart-error') {
    warn(target, { kind: 'error', detail: detail as ErrorDetail });
  }
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}

declare global {
  interface GlobalEventHandlersEventMap extends LivecartEventMap {}
}
