/**
 * WebKit for the test runner: Debian's WebKitGTK (the engine of Safari, with GStreamer
 * instead of Apple's media stack) driven through its own WebDriver, `WebKitWebDriver`
 * (package webkit2gtk-driver). Nothing is downloaded: webdriverio only talks to the
 * driver started here. WebKitGTK's MiniBrowser needs a display; without one an Xvfb
 * (package xvfb) is started for the run and stopped with it.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

const driverPath = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
const miniBrowser = process.env.WEBKIT_BROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** An Xvfb on a display number it picks itself (`-displayfd`), so parallel runs never collide. */
function startXvfb() {
  return new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    xvfb.once('error', (error) => reject(new Error(`WebKit needs a display: Xvfb (Debian's xvfb) failed: ${error.message}`)));
    xvfb.stdout.once('data', (data) => resolve({ display: `:${String(data).trim()}`, process: xvfb }));
  });
}

/** Resolves once the driver answers /status: it takes a moment to listen. */
async function driverReady(port, timeout = 10_000) {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within ${timeout} ms`);
}

class WebkitLauncher extends WebdriverLauncher {
  constructor() {
    super({
      hostname: '127.0.0.1',
      port: 0,
      logLevel: 'error',
      // WebKitWebDriver speaks classic WebDriver only; webdriverio would ask for BiDi.
      capabilities: {
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] },
      },
    });
    this.children = [];
  }

  async initialize(config) {
    await super.initialize(config);
    this.name = 'WebKit';
    // WebKitGTK takes navigator.language from the POSIX locale: a bare CI shell's `C` is
    // no language tag (Intl throws on it), so the pages get the others' en-US.
    const env = { ...process.env, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US' };
    if (!env.DISPLAY) {
      const xvfb = await startXvfb();
      this.children.push(xvfb.process);
      env.DISPLAY = xvfb.display;
    }
    this.options.port = await freePort();
    const driver = spawn(driverPath, [`--port=${this.options.port}`], { env, stdio: 'ignore' });
    this.children.push(driver);
    await Promise.race([
      driverReady(this.options.port),
      new Promise((_, reject) =>
        driver.once('error', (error) => reject(new Error(`${driverPath} (Debian's webkit2gtk-driver): ${error.message}`))),
      ),
    ]);
    process.once('exit', () => this.children.forEach((child) => child.kill()));
  }

  async stop() {
    await super.stop();
    for (const child of this.children.splice(0)) child.kill();
  }
}

export const webkitLauncher = () => new WebkitLauncher();

/**
 * `setViewport` from @web/test-runner-commands supports playwright and puppeteer only.
 * Over WebDriver the window is sized so that its viewport (not its outer frame) has the
 * asked size: `set-window-viewport`, used by test/engine.ts `phoneViewport()`.
 */
export function webdriverViewportPlugin() {
  return {
    name: 'webdriver-viewport',
    async executeCommand({ command, payload, session }) {
      if (command !== 'set-window-viewport' || session.browser.type !== 'webdriver') return undefined;
      const { driver } = session.browser;
      const { width, height } = payload;
      for (let attempt = 0; attempt < 3; attempt++) {
        const inner = await driver.execute(() => [innerWidth, innerHeight]);
        if (inner[0] === width && inner[1] === height) return true;
        const outer = await driver.getWindowRect();
        await driver.setWindowRect(null, null, outer.width + width - inner[0], outer.height + height - inner[1]);
      }
      const inner = await driver.execute(() => [innerWidth, innerHeight]);
      if (inner[0] !== width || inner[1] !== height) throw new Error(`viewport stayed ${inner.join('×')}, not ${width}×${height}`);
      return true;
    },
  };
}
