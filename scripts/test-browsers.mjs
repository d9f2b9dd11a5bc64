// The browser half of `npm test`: the suite in Chromium and Firefox ESR, then in WebKitGTK.
// WebKit runs on its own because it is driven over classic WebDriver, where a web process
// that hangs (WebKitGTK's watchdog then ends it) leaves a navigation unanswered. A WebKit
// run that ended on the runner's failure, not a test's, is started once more, and says so:
// - "Error while running tests" or a WebDriverError: the runner stopped with no result;
// - "did not finish within": a file's page stopped answering for testsFinishTimeout (4 min;
//   the slowest file takes 1.5 min under load);
// - silence: no output for STALL_MS, when even that timeout is stuck (the run is stopped;
//   test/slow-files-reporter.mjs has named any file running past 90 s).
// A failed assertion is never retried here. Arguments (e.g. --port 8123) go to every run;
// LIVECART_BROWSERS=... runs those engines in one run instead.
import { spawn } from 'node:child_process';

const args = ['--config', 'test/web-test-runner.config.mjs', ...process.argv.slice(2)];
const RUNNER_FAILED = /Error while running tests|WebDriverError|did not finish within/;
const STALL_MS = 5 * 60_000;

function run(browsers) {
  return new Promise((resolve) => {
    const env = browsers ? { ...process.env, LIVECART_BROWSERS: browsers } : process.env;
    // Its own process group, so that a stalled run is stopped with its driver and browser.
    const child = spawn('npx', ['wtr', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    let stalled = false;
    const stop = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {} // already gone
    };
    const watchdog = () => {
      stalled = true;
      console.error(`\n--- the ${browsers ?? 'test'} run printed nothing for ${STALL_MS / 1000} s: stopping it`);
      stop('SIGTERM');
      setTimeout(() => stop('SIGKILL'), 10_000).unref();
    };
    let timer = setTimeout(watchdog, STALL_MS);
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        clearTimeout(timer);
        timer = setTimeout(watchdog, STALL_MS);
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: stalled ? 1 : (code ?? 1), output: stalled ? `${output}\nError while running tests: stalled` : output });
    });
  });
}

if (process.env.LIVECART_BROWSERS) process.exit((await run()).code);

const others = await run('chromium,firefox');
let webkit = await run('webkit');
if (webkit.code !== 0 && RUNNER_FAILED.test(webkit.output)) {
  console.log('\n--- the WebKit run stopped on a WebDriver error or stalled, not on a test failure: running WebKit once more\n');
  webkit = await run('webkit');
}
process.exit(others.code || webkit.code);
