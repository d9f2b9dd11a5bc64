import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { createHubs, hubKoaMiddleware } from '../demo/channel/hub.mjs';
import { channelKoaMiddleware } from '../demo/channel/live-channel.mjs';
import { natsEsm, reactEsm } from './commonjs-esm.mjs';
import { faultKoaMiddleware } from './fault-server.mjs';
import { liveShowKoaMiddleware } from './live-show-server.mjs';
import { natsKoaMiddleware } from './nats-server.mjs';
import { secondTabPlugin } from './second-tab.mjs';
import { ssrKoaMiddleware } from './ssr/ssr-server.mjs';
import { slowFilesReporter } from './slow-files-reporter.mjs';
import { webdriverViewportPlugin, webkitLauncher } from './webkit.mjs';
import { webkitExclusions } from './webkit-exclusions.mjs';

const require = createRequire(import.meta.url);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/**
 * `LIVECART_BROWSERS=chromium` (or `firefox`, `webkit`, or a comma-separated list) runs
 * those; by default all three run. Playwright cannot drive Debian's Firefox (it needs its
 * own patched build), so Firefox goes through puppeteer over WebDriver BiDi; WebKit is
 * Debian's WebKitGTK over its own WebDriver (test/webkit.mjs).
 */
const only = process.env.LIVECART_BROWSERS?.split(',');
const wanted = (name) => !only || only.includes(name);

/** msw's worker must be served from the root, so its scope covers the test pages. */
function mockServiceWorker() {
  const file = require.resolve('msw/mockServiceWorker.js');
  return async (ctx, next) => {
    if (ctx.path !== '/mockServiceWorker.js') return next();
    ctx.type = 'application/javascript';
    ctx.body = await readFile(file);
  };
}

/**
 * The strictest policy livecart supports, sent with test/fixtures/strict-csp.html: no
 * inline script or style, no eval, Trusted Types for every DOM script sink. What it needs
 * from a page is in docs/security.md (Content-Security-Policy): `media-src blob:` for MediaSource,
 * `data:` for hls.js's metadata text track; no `worker-src` (hls.js transmuxes on the main thread).
 */
export const STRICT_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "media-src 'self' blob: data:",
  "require-trusted-types-for 'script'",
].join('; ');

function strictPageHeaders() {
  return async (ctx, next) => {
    await next();
    if (ctx.path !== '/test/fixtures/strict-csp.html') return;
    // ?trusted-types=a,b: a page that allows only the policies it lists.
    const allowed = ctx.query['trusted-types'];
    ctx.set('Content-Security-Policy', allowed ? `${STRICT_POLICY}; trusted-types ${allowed.split(',').join(' ')}` : STRICT_POLICY);
  };
}

/**
 * The demo's SSE hub under /hub/, the one hub of the tests: scripted (raw events, dropped
 * streams, stats; see demo/channel/hub.mjs), its streams ended when the test server stops.
 */
const hub = hubKoaMiddleware(createHubs({ scripted: true }));

/** A real nats-server and the reference bridge under /test/nats/ (test/nats-server.mjs), started by the first NATS test. */
const nats = natsKoaMiddleware();

/**
 * For the snippet test: the test runner's origin is localhost, and 127.0.0.1 serves as "a
 * retailer's page on another origin". The demo's dist/ (and its feed) answer that page with
 * the CORS header a CDN sends for module scripts; /test/paste?snippet=... is that page: the
 * snippet verbatim and a paragraph after it, then a reporter that tells the test
 * (postMessage) once the show plays with its products, and whether the paragraph moved.
 */
function retailerOrigin() {
  return async (ctx, next) => {
    if (ctx.path === '/test/paste') {
      ctx.type = 'text/html';
      ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>pasted</title></head><body>
${ctx.query.snippet}
<p id="after">A retailer's paragraph after the show: it must not move as the show arrives.</p>
<script>
  // From the first frame (a classic script runs before the page's first paint): where the
  // paragraph after the show is, for engines without layout-shift entries.
  window.afterTops = new Set();
  const record = () => {
    window.afterTops.add(Math.round(document.getElementById('after').getBoundingClientRect().top));
    if (!window.reported) requestAnimationFrame(record);
  };
  requestAnimationFrame(record);
</script>
<script type="module">
  const tick = () => {
    const show = document.querySelector('live-stream')?.shadowRoot;
    const player = show?.querySelector('pip-player');
    const cards = show?.querySelector('shop-carousel')?.shadowRoot?.querySelectorAll('[part~="card"]:not(.placeholder *)').length ?? 0;
    const banner = show?.querySelector('[part~="banner"]:not([hidden])');
    if (player?.getAttribute('state') === 'playing' && player.video.currentTime > 0.5 && cards > 0 && banner) {
      setTimeout(() => {
        const shifts = PerformanceObserver.supportedEntryTypes.includes('layout-shift') ? performance.getEntriesByType('layout-shift') : null;
        window.reported = true;
        parent.postMessage({
          playing: true, origin: location.origin, cards, script: document.querySelector('script[src]').src,
          cls: shifts && shifts.reduce((sum, shift) => sum + shift.value, 0), afterTops: [...window.afterTops],
        }, '*');
      }, 500);
    } else setTimeout(tick, 100);
  };
  tick();
</script></body></html>`;
      return;
    }
    await next();
    if (ctx.path.startsWith('/dist-demo/')) ctx.set('Access-Control-Allow-Origin', '*');
  };
}

/**
 * `/dist-demo/<page>.html?hub=<name>`: the built demo page wired to the test server's hub as
 * `npm start` wires the source page to its own (the static build strips that wiring: a static
 * host has no hub). Each tag of demo/<page>.html that has hub attributes (`schedule`,
 * `publish`, `chat`, `moderate`) gets them back, pointing at `/hub/<name>/…`: a test's own
 * hub. A tag the built page no longer has answers 500, so this cannot drift from the demo.
 */
const HUB_ATTRIBUTE = /\s(?:schedule|publish|chat|moderate)="hub\/[^"]*"/g;
function demoWithHub() {
  return async (ctx, next) => {
    const m = /^\/dist-demo\/(index|producer)\.html$/.exec(ctx.path);
    const name = ctx.query.hub;
    if (!m || typeof name !== 'string' || !/^[\w-]{1,64}$/.test(name)) return next();
    const source = await readFile(new URL(`../demo/${m[1]}.html`, import.meta.url), 'utf8');
    let built = await readFile(new URL(`../dist-demo/${m[1]}.html`, import.meta.url), 'utf8');
    for (const [tag] of source.matchAll(/<[\w-]+\s[^>]*>/g)) {
      if (!tag.match(HUB_ATTRIBUTE)) continue;
      // As the static build wrote it (vite.config.ts, livecart:static-channel).
      const stripped = tag.replace(/channel\/(?:live|studio)\.m3u8/, 'channel/replay.m3u8').replace(HUB_ATTRIBUTE, '');
      if (!built.includes(stripped)) {
        ctx.status = 500;
        ctx.body = `dist-demo/${m[1]}.html has no ${stripped}: run npm run build:demo`;
        return;
      }
      built = built.replace(stripped, stripped.replace(/\s*>$/, tag.match(HUB_ATTRIBUTE).map((a) => a.replace('"hub/', `"/hub/${name}/`)).join('') + '>'));
    }
    ctx.type = 'text/html';
    ctx.body = built;
  };
}

/** test/fixtures/refuses-framing.html refuses to be framed, as many checkouts do: `?by=xfo` or `?by=csp`. */
function framingRefused() {
  return async (ctx, next) => {
    await next();
    if (ctx.path !== '/test/fixtures/refuses-framing.html') return;
    if (ctx.query.by === 'csp') ctx.set('Content-Security-Policy', "frame-ancestors 'none'");
    else ctx.set('X-Frame-Options', 'DENY');
  };
}

/**
 * What WebKitGTK cannot run, each with its reason (test/webkit-exclusions.mjs, applied
 * in the page by test/engine.ts), printed so every WebKit run says what it left out.
 */
export { webkitExclusions };
if (wanted('webkit')) {
  const excluded = Object.entries(webkitExclusions);
  console.log(`WebKit excludes ${excluded.length} test(s):${excluded.map(([test, why]) => `\n  - ${test}: ${why}`).join('')}`);
}

export default {
  rootDir: '.',
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser'] },
  // One page at a time: picture-in-picture and focus are page-wide, and the machine has two cores.
  concurrency: 1,
  concurrentBrowsers: 1,
  // A file that hangs fails after 4 minutes (the slowest, live-schedule in WebKit, takes 1.5 under load).
  testsFinishTimeout: 4 * 60_000,
  // A test page that has not started its tests after 20 s (the default) failed a CI run in
  // Firefox once (strict-page, mid-run on the busy 2-core machine): give it a minute.
  testsStartTimeout: 60_000,
  // A file running past 90 s is named while it runs (a hung page otherwise leaves no name).
  reporters: [defaultReporter(), slowFilesReporter()],
  // CI (CI=true, as .ci/run is run) gives a failing test one more try: the media tests
  // play real live streams on a 2-core machine, where a start can stall once under load.
  // A test that fails twice fails the run; locally every failure shows at once.
  testFramework: { config: { timeout: 20_000, retries: process.env.CI ? 1 : 0 } },
  // Bundlers replace nanostores' process.env.NODE_ENV checks; the test pages are unbundled.
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en"><head><meta charset="utf-8"><title>livecart tests</title></head><body>
    <script src="/test/fixtures/dev-env.js"></script>
    <script type="module" src="${testFramework}"></script>
    </body></html>`,
  // reactEsm, natsEsm: React and nats.js (CommonJS) as ES modules, for test/react/ and the NATS follower.
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), reactEsm(), natsEsm(), secondTabPlugin(), { name: 'livecart-hub', serverStop: hub.close }, { name: 'livecart-nats', serverStop: nats.close }, webdriverViewportPlugin()],
  middleware: [ssrKoaMiddleware(), demoWithHub(), retailerOrigin(), strictPageHeaders(), framingRefused(), liveShowKoaMiddleware(), channelKoaMiddleware(), hub, nats, faultKoaMiddleware(), mockServiceWorker()],
  browsers: [
    wanted('chromium') &&
      playwrightLauncher({
        product: 'chromium',
        launchOptions: {
          executablePath: chromium,
          // Playwright turns the back/forward cache off; the cart's restore after it is tested
          // with a real navigation away and back (test/store/cart.test.ts).
          ignoreDefaultArgs: ['--disable-back-forward-cache'],
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--autoplay-policy=no-user-gesture-required',
            // performance.memory as it is (not rounded, not cached for minutes) and gc(): the chat's flood test reads the heap.
            '--enable-precise-memory-info',
            '--js-flags=--expose-gc',
          ],
        },
      }),
    wanted('firefox') &&
      puppeteerLauncher({
        launchOptions: {
          browser: 'firefox',
          executablePath: firefox,
          headless: true,
          // As --autoplay-policy=no-user-gesture-required does for Chromium: autoplay with
          // sound without a click, so both browsers start from the same policy.
          extraPrefsFirefox: { 'media.autoplay.default': 0 },
        },
      }),
    // Serial like the others (concurrency 1 above): one MiniBrowser window, one page at a time.
    wanted('webkit') && webkitLauncher(),
  ].filter(Boolean),
};
