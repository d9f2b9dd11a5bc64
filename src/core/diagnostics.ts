import type { ErrorCode, ErrorDetail } from './events.js';

export { describeHlsError, describeMediaError } from './stream-errors.js';

/**
 * Every console warning livecart gives a page's developer: what happened, on which
 * element, and what to do about it. Fetched (a dynamic import) only when there is
 * something to say, so the words weigh nothing on a page where all is well.
 */
export type Problem =
  | { kind: 'error'; detail: ErrorDetail }
  | { kind: 'attribute'; name: string; value: string; allowed: readonly string[]; used: string }
  | { kind: 'no-src' }
  | { kind: 'unshoppable'; seconds: number }
  | { kind: 'no-link'; product: string };

/** What a developer can do about each kind of `livecart-error`. */
const FIXES: Record<ErrorCode, string> = {
  stream:
    'check that src is an HLS (.m3u8) or MP4 URL that answers, and that a video server on another origin sends Access-Control-Allow-Origin',
  feed: 'check the products URL: it must answer native JSON, Google Merchant RSS or a Shopify /products.json (with Access-Control-Allow-Origin from another origin)',
  schedule:
    'check the schedule URL: it must answer JSON [{ "product": "<id>", "at": <seconds> | "<ISO date-time>" }] or be a text/event-stream of { "product", "at" } events',
  cart: 'check configure({ cart }) and that the product has an http(s) link in the feed',
  publish: 'check the console\'s publish URL and, for Mercure, its topic and token; unsent picks stay queued and are retried in order',
  pip: 'none needed: the player floats in the page instead (picture-in-picture needs a click and a secure context)',
};

/** The feed was read; some of its items were not: the URL is fine, the items are not. */
const FEED_ITEMS_FIX = 'correct those items in the feed (the others show); each problem names the item, the field and the reason';

/** An array that reached an element as an attribute (FeedController): a framework rendered the tag before livecart defined it. */
const stringified = ({ code, message }: ErrorDetail) => code === 'feed' && message.includes('"[object Object]"');
const STRINGIFIED_FIX =
  'import livecart before the framework renders the tag, so products is set as a property (or use livecart/react, which always sets it as one)';

export function print(target: EventTarget, problem: Problem): void {
  const [cause, fix, ...extra] = words(problem);
  // Page-wide trouble (the cart store, configure()) comes from the document: no element to name.
  const where = typeof Element !== 'undefined' && target instanceof Element ? `${describe(target)}: ` : '';
  console.warn(`livecart: ${where}${cause}${fix ? `. Fix: ${fix}` : ''}`, ...extra);
}

function words(problem: Problem): [string, string, ...unknown[]] {
  switch (problem.kind) {
    case 'error': {
      const { code, message, problems } = problem.detail;
      const fix = stringified(problem.detail) ? STRINGIFIED_FIX : code === 'feed' && problems?.length ? FEED_ITEMS_FIX : FIXES[code];
      return [message, fix, ...(problems ? [problems] : [])];
    }
    case 'attribute': {
      const { name, value, allowed, used } = problem;
      return [
        `${name}="${value}" is not one of ${allowed.map((option) => `"${option}"`).join(', ')}; using ${used}`,
        `set ${name} to one of those, or remove it`,
      ];
    }
    case 'no-src':
      return ['no src is set, so there is nothing to play', 'set src to the show’s HLS (.m3u8) or MP4 URL'];
    case 'unshoppable':
      return [
        `the show has played ${problem.seconds} s without featuring a product: the stream has no product cues and there is no schedule`,
        'add #EXT-X-DATERANGE tags with X-PRODUCT-ID (or ID3 TXXX frames) to the stream, or set schedule to a JSON timeline; see docs/live-show.md, "Running a live show"',
      ];
    case 'no-link':
      return [
        `product "${problem.product}" has no http(s) link, so its buy button is disabled`,
        'give the product a link in the feed, or configure a cart adapter with configure({ cart })',
      ];
  }
}

/**
 * `<live-stream id="a">`: enough to find the element on the page. One inside another's
 * shadow root is named through the element the page wrote: `<live-stream> (its <pip-player>)`.
 */
function describe(target: Element): string {
  const root = target.getRootNode();
  return root instanceof ShadowRoot ? `${describe(root.host)} (its <${target.localName}>)` : tag(target);
}

function tag(element: Element): string {
  const id = element.id ? ` id="${element.id}"` : '';
  const src = element.getAttribute('src');
  return `<${element.localName}${id}${src ? ` src="${src}"` : ''}>`;
}
