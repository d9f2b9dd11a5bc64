// Reactions and the watching count, aggregated before they reach viewers: however many
// viewers react or join, each show's viewers get at most one `reaction` and one `viewers`
// event per window (a second), and none when nothing changed. NATS fans each one out.

/**
 * `send(show, type, { count })` once per `windowMs` per show and type:
 * - `reaction`: the show's total so far (`react(show, n)` adds), as the SSE hub sends it and
 *   `<show-chat>` shows it; nothing after a quiet window;
 * - `viewers`: the latest watching count (`watching(show, count)`), when it differs from the last sent.
 */
export function aggregateCounts(send, { windowMs = 1000 } = {}) {
  const reactions = new Map();
  const totals = new Map();
  const watching = new Map();
  const sentWatching = new Map();
  const flush = () => {
    for (const [show, count] of reactions) {
      const total = (totals.get(show) ?? 0) + count;
      totals.set(show, total);
      send(show, 'reaction', { count: total });
    }
    reactions.clear();
    for (const [show, count] of watching) {
      if (sentWatching.get(show) !== count) send(show, 'viewers', { count });
      sentWatching.set(show, count);
    }
    watching.clear();
  };
  const timer = setInterval(flush, windowMs);
  timer.unref?.();
  return {
    react: (show, n = 1) => void reactions.set(show, (reactions.get(show) ?? 0) + n),
    watching: (show, count) => void watching.set(show, count),
    /** Sends what is pending now, and stops. */
    stop() {
      clearInterval(timer);
      flush();
    },
  };
}
