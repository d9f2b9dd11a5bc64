// The browser half of `npm test`: the suite in Chromium and Firefox ESR, then in WebKitGTK.
// WebKit runs on its own because it is driven over classic WebDriver, where a web process
// that hangs (WebKitGTK's watchdog then ends it) leaves a navigation unanswered: the test
// runner stops with "Error while running tests" and no test result. That is the runner's
// failure, not a test's, so such a WebKit run is started once more, and says so. Test
// failures are never retried here. Arguments (e.g. --port 8123) go to every run;
// LIVECART_BROWSERS=... runs those engines in one run instead.
import { spawn } from 'node:child_process';

const args = ['--config', 'test/web-test-runner.config.mjs', ...process.argv.slice(2)];
const RUNNER_FAILED = /Error while running tests|WebDriverError/;

function run(browsers) {
  return new Promise((resolve) => {
    const env = browsers ? { ...process.env, LIVECART_BROWSERS: browsers } : process.env;
    const child = spawn('npx', ['wtr', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

if (process.env.LIVECART_BROWSERS) process.exit((await run()).code);

const others = await run('chromium,firefox');
let webkit = await run('webkit');
if (webkit.code !== 0 && RUNNER_FAILED.test(webkit.output)) {
  console.log('\n--- the WebKit run stopped on a WebDriver error, not a test failure: running WebKit once more\n');
  webkit = await run('webkit');
}
process.exit(others.code || webkit.code);
