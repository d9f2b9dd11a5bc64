/** How often to look for a stream that is not up yet, far from and near its start. */
const FAR_MS = 30_000;
const NEAR_MS = 10_000;
/** Nearer than this to the start, look every NEAR_MS. */
const NEAR_START_MS = 10 * 60_000;
/** The longest wait between looks after server errors. */
const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * Looks, politely, for a stream announced for `startsAt` (ms) until its manifest answers:
 * at once, then every 30 s, every 10 s from ten minutes before the start (once right at
 * it), with ±20 % jitter so a crowd of viewers does not arrive in step; never while the
 * page is hidden (it looks again when shown); backing off on server and network errors.
 * A 404 (or 403, 410) is "not up yet", not an error: nothing is reported while waiting.
 * Calls `onUp` once; the returned function stops looking.
 */
export function whenStreamUp(url: string, startsAt: number, onUp: () => void): () => void {
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let dueWhileHidden = false;

  const delay = () => {
    const untilStart = startsAt - Date.now();
    const base = failures ? Math.min(MAX_BACKOFF_MS, NEAR_MS * 2 ** failures) : untilStart > NEAR_START_MS ? FAR_MS : NEAR_MS;
    const jittered = base * (0.8 + Math.random() * 0.4);
    // Shows often go up on the dot: one look just after the announced start.
    return !failures && untilStart > 0 && untilStart < jittered ? untilStart + Math.random() * 1000 : jittered;
  };
  const probe = async () => {
    if (document.hidden) {
      dueWhileHidden = true;
      return;
    }
    try {
      const response = await fetch(url, { cache: 'no-store', signal: abort.signal });
      if (response.ok) {
        stop();
        onUp();
        return;
      }
      failures = response.status >= 500 || response.status === 429 ? failures + 1 : 0;
    } catch {
      if (abort.signal.aborted) return;
      failures++;
    }
    timer = setTimeout(probe, delay());
  };
  const onVisibility = () => {
    if (document.hidden || !dueWhileHidden) return;
    dueWhileHidden = false;
    void probe();
  };
  const stop = () => {
    clearTimeout(timer);
    abort.abort();
    document.removeEventListener('visibilitychange', onVisibility);
  };
  document.addEventListener('visibilitychange', onVisibility);
  void probe();
  return stop;
}
