import { deadline } from '../../platform/deadline.js';
import { errorMessage } from '../../platform/errors.js';

/** How a post to the retailer's chat endpoint ended (CONTRACT 11). */
export type PostResult =
  | { ok: true }
  /** Slow mode (429): the endpoint asks to wait this many seconds. */
  | { ok: false; wait: number; reason: string }
  /** Refused (403, 400) or not delivered: the reason, for the shopper. */
  | { ok: false; wait?: undefined; reason: string };

/** A post that gets no answer within this long failed (the shopper may retry). */
const POST_TIMEOUT_MS = 15_000;

/**
 * POSTs `body` as JSON to the chat endpoint: a viewer's message `{ show, name, text }` or
 * a reaction `{ show, reaction }`. Never to the hub itself and never with a publisher
 * token: the endpoint moderates, then publishes. A `429`'s `Retry-After` (seconds, or an
 * HTTP date) is the wait; another refusal's JSON `error` is its reason.
 */
export async function postToChat(url: string, body: object): Promise<PostResult> {
  const timer = deadline(POST_TIMEOUT_MS, () => new Error(`no answer within ${POST_TIMEOUT_MS / 1000} s`));
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: timer.signal,
      credentials: 'same-origin',
    });
    if (response.ok) return { ok: true };
    const reason = await response
      .json()
      .then((answer: { error?: unknown }) => (typeof answer?.error === 'string' ? answer.error.slice(0, 200) : ''))
      .catch(() => '');
    if (response.status === 429) return { ok: false, wait: retryAfter(response.headers.get('Retry-After')), reason };
    return { ok: false, reason: reason || `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, reason: errorMessage(timer.signal.aborted ? timer.signal.reason : error) };
  } finally {
    timer.release();
  }
}

/** Seconds to wait from a Retry-After header: a number of seconds or a date; 5 when it says neither. */
function retryAfter(header: string | null): number {
  const seconds = Number(header);
  if (header && Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const date = header ? Date.parse(header) : NaN;
  return Number.isNaN(date) ? 5 : Math.max(1, Math.ceil((date - Date.now()) / 1000));
}
