// Says which test file a run is stuck in. The default reporter only prints a file once it
// has finished, so a page that hangs (a spinning web process, a WebDriver call never
// answered) leaves a progress bar and no name. This one prints a file, with its browser,
// once it has run past `after` ms, and at the end the slowest files of each browser.
// (The runner writes a session's first status, INITIALIZING, without an event: a session
// is timed from the first poll or event that finds it started.)
const now = () => performance.now();
const relative = (file) => file.replace(`${process.cwd()}/`, '');
const RUNNING = new Set(['INITIALIZING', 'TEST_STARTED', 'TEST_FINISHED']);

export function slowFilesReporter({ after = 90_000, slowest = 3 } = {}) {
  const started = new Map(); // session id -> start time
  const warned = new Set();
  const took = []; // { browser, file, ms }
  let timer;
  const write = (line) => process.stdout.write(`${line}\n`);
  return {
    start({ sessions }) {
      const poll = () => {
        for (const session of sessions.all()) {
          if (!RUNNING.has(session.status)) continue;
          if (!started.has(session.id)) started.set(session.id, now());
          const ms = now() - started.get(session.id);
          if (ms < after || warned.has(session.id)) continue;
          warned.add(session.id);
          write(`\n⏳ ${session.browser.name}: ${relative(session.testFile)} has been running for ${Math.round(ms / 1000)} s (${session.status})\n`);
        }
      };
      sessions.on('session-status-updated', (session) => {
        if (RUNNING.has(session.status) && !started.has(session.id)) started.set(session.id, now());
        if (session.status === 'FINISHED' && started.has(session.id)) {
          took.push({ browser: session.browser.name, file: session.testFile, ms: now() - started.get(session.id) });
          started.delete(session.id);
        }
      });
      timer = setInterval(poll, 1_000);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      for (const browser of new Set(took.map((t) => t.browser))) {
        const top = took.filter((t) => t.browser === browser).sort((a, b) => b.ms - a.ms).slice(0, slowest);
        write(`${browser}: slowest files ${top.map((t) => `${relative(t.file)} ${(t.ms / 1000).toFixed(1)} s`).join(', ')}`);
      }
    },
  };
}
