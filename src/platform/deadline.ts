/**
 * An abort signal for one request: it follows `signal` and gives up after `ms`, aborting
 * with `timeout()`'s error. A controller of our own, not `AbortSignal.any`: Firefox may
 * collect a signal `any` made while the fetch still runs, and the fetch is then never
 * aborted; WebKit reports an abort through it as a plain AbortError, not its reason.
 * `release()` once the request is done.
 */
export function deadline(ms: number, timeout: () => Error, signal?: AbortSignal) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(timeout()), ms);
  const follow = () => abort.abort(signal!.reason);
  signal?.addEventListener('abort', follow, { once: true });
  return {
    signal: abort.signal,
    /** The request runs on without the time limit (an event stream), still tied to `signal`. */
    untimed: () => clearTimeout(timer),
    release() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', follow);
    },
  };
}
