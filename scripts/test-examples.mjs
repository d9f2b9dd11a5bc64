// The example apps of examples/, as a developer builds and runs them: `npm test` runs this
// after its build. For each app: install it (its committed package-lock.json, then the
// livecart tarball packed from this checkout), type-check and build it with its own tool,
// serve the build on a free localhost port, and check in headless Chromium that
// - the products are shown (card titles inside the elements' shadow roots) and the video
//   plays (src, autoplay and muted reached the element through the framework),
// - the app's own handler heard `livecart-featured-change` (its "On screen: …" line; the
//   app's schedule.json features a product as the video starts),
// - a real mouse click on a buy button reaches `$cart` (the app's cart count) and the app's
//   own `livecart-add-to-cart` listener (its "Added: …" line).
// Next.js also: the products are in the server's HTML of <live-stream> (its declarative
// shadow root, rendered by livecart/react), and `next dev` logs no hydration warning.
//
// Installs are reused: each app's node_modules is kept in ~/.cache/livecart-examples
// under a hash of its package.json and package-lock.json (CI runs on the same machine,
// in a fresh clone), and npm's own cache is asked first (--prefer-offline). Only the
// livecart tarball is installed anew each run.
//
// Arguments: app names to run only those (e.g. `node scripts/test-examples.mjs vue`);
// `--lock` rewrites each app's package-lock.json after a change of its package.json
// (npm install, then livecart's integrity is taken out: it changes with every pack, and
// npm ci on a machine without that exact tarball in its cache would refuse it).
// LIVECART_EXAMPLES_TARBALL=<file> installs that livecart
// tarball instead of packing this checkout (which needs dist/ built);
// LIVECART_EXAMPLES_VERBOSE=1 prints each page's browser console.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(root, 'examples');
const tarball = join(examples, 'livecart.tgz');
const video = join(root, 'demo/channel/media/show.mp4');
const cacheRoot = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'livecart-examples');
const env = {
  ...process.env,
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  PUPPETEER_SKIP_DOWNLOAD: '1',
  NEXT_TELEMETRY_DISABLED: '1',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required',
];

// What each app shows; its products.ts has these.
const TITLES = ['Aurora Shell Jacket', 'Ember Enamel Mug', 'Fjord Merino Beanie'];
const FEATURED = 'Aurora Shell Jacket'; // at 0 s in each app's public/schedule.json
const BUY = { id: 'fjord-beanie', title: 'Fjord Merino Beanie' };

const vite = (port) => ['npx', 'vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'];
const APPS = [
  { name: 'react-vite', serve: vite },
  { name: 'vue', serve: vite },
  { name: 'svelte', serve: vite },
  {
    name: 'nextjs',
    serve: (port) => ['npx', 'next', 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    dev: (port) => ['npx', 'next', 'dev', '--port', String(port), '--hostname', '127.0.0.1'],
    serverHtml: true,
  },
];

const args = process.argv.slice(2);
const lockOnly = args.includes('--lock');
const only = args.filter((a) => !a.startsWith('--'));
const apps = APPS.filter((app) => !only.length || only.includes(app.name));
if (only.some((name) => !APPS.find((app) => app.name === name))) {
  console.error(`test-examples: unknown app in ${only.join(', ')}; the apps are ${APPS.map((a) => a.name).join(', ')}`);
  process.exit(2);
}

// ---- processes ------------------------------------------------------------------------

// Every command runs in a process group of its own, so that a server is stopped with its
// workers; the groups still running when this script ends (or is interrupted) are ended.
const running = new Set();
function start(command, cwd) {
  const child = spawn(command[0], command.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  child.on('exit', () => running.delete(child));
  return child;
}
process.on('exit', () => {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {} // gone already
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

/** Runs a command to its end; rejects with its output's tail when it fails. */
function run(command, { cwd = root, timeout = 10 * 60_000 } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = start(command, cwd);
    let output = '';
    const take = (chunk) => (output += chunk);
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const timer = setTimeout(() => {
      output += `\n(stopped after ${timeout / 1000} s)`;
      kill(child);
    }, timeout);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(output);
      else reject(new Error(`\`${command.join(' ')}\` in ${cwd} failed (${code}):\n${tail(output)}`));
    });
  });
}

/** Starts a server (its own process group) and waits until `url` answers. */
async function serve(command, cwd, url, timeout = 120_000) {
  const child = start(command, cwd);
  const server = { child, output: '', stop: () => kill(child) };
  child.stdout.on('data', (chunk) => (server.output += chunk));
  child.stderr.on('data', (chunk) => (server.output += chunk));
  const exited = new Promise((r) => child.on('exit', r));
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`\`${command.join(' ')}\` exited:\n${tail(server.output)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
      if (response.ok) return server;
    } catch {} // not listening yet
    await Promise.race([exited, sleep(300)]);
  }
  server.stop();
  throw new Error(`\`${command.join(' ')}\` did not answer ${url} within ${timeout / 1000} s:\n${tail(server.output)}`);
}

/** Ends a command this script started, with its children (its process group). */
function kill(child) {
  for (const [signal, delay] of [['SIGTERM', 0], ['SIGKILL', 5000]]) {
    setTimeout(() => {
      try {
        process.kill(-child.pid, signal);
      } catch {} // gone already
    }, delay).unref();
  }
  return new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.on('exit', r)));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const tail = (text, lines = 30) => text.trim().split('\n').slice(-lines).join('\n');
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const exists = (path) => stat(path).then(() => true, () => false);

function freePort() {
  return new Promise((r, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => r(port));
    });
    server.on('error', reject);
  });
}

// ---- livecart and the installs ----------------------------------------------------------

async function pack() {
  if (process.env.LIVECART_EXAMPLES_TARBALL) return cp(resolve(process.env.LIVECART_EXAMPLES_TARBALL), tarball);
  if (!(await exists(join(root, 'dist/index.js')))) await run(['npm', 'run', 'build']);
  const out = join(cacheRoot, 'pack');
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  // dist/ is built already (npm test builds first): not again through prepack.
  await run(['npm', 'pack', '--ignore-scripts', '--pack-destination', out]);
  const [file] = (await readdir(out)).filter((name) => name.endsWith('.tgz'));
  await cp(join(out, file), tarball);
}

/** The lockfile may not pin livecart's integrity: it is the tarball packed just now. */
async function checkLock(dir) {
  const lock = JSON.parse(await readFile(join(dir, 'package-lock.json'), 'utf8'));
  if (lock.packages?.['node_modules/livecart']?.integrity) {
    throw new Error(`${dir}/package-lock.json pins livecart's integrity: run \`node scripts/test-examples.mjs --lock ${dir.split('/').pop()}\``);
  }
}

async function relock(app) {
  const dir = join(examples, app.name);
  // Named, so that npm reads the tarball again (its dependencies may have changed).
  await run(['npm', 'install', '--prefer-offline', '../livecart.tgz'], { cwd: dir });
  const file = join(dir, 'package-lock.json');
  const lock = JSON.parse(await readFile(file, 'utf8'));
  delete lock.packages['node_modules/livecart'].integrity;
  await writeFile(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`${app.name}: package-lock.json written`);
}

/** A copy of a directory tree: coreutils' cp is three times faster than fs.cp on a node_modules. */
async function copyTree(from, to) {
  await rm(to, { recursive: true, force: true });
  try {
    await run(['cp', '-a', from, to]);
  } catch {
    await rm(to, { recursive: true, force: true });
    await cp(from, to, { recursive: true, verbatimSymlinks: true });
  }
}

/** node_modules from the cache when the lockfile is unchanged, else npm ci (then cached); then livecart. */
async function install(app, dir) {
  await checkLock(dir);
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) hash.update(await readFile(join(dir, file)));
  const key = `${app.name}-${hash.digest('hex').slice(0, 16)}`;
  const cached = join(cacheRoot, key, 'node_modules');
  const modules = join(dir, 'node_modules');
  const marker = join(modules, '.livecart-examples-key');
  let how;
  if ((await readFile(marker, 'utf8').catch(() => '')) === key) how = 'kept';
  else if (await exists(cached)) {
    await rm(modules, { recursive: true, force: true });
    await copyTree(cached, modules);
    how = 'from cache';
  } else {
    await run(['npm', 'ci', '--prefer-offline'], { cwd: dir });
    await writeFile(marker, key);
    // Kept for the next run (written aside, then renamed: a run stopped halfway leaves no half cache).
    for (const old of await readdir(cacheRoot).catch(() => [])) {
      if (old.startsWith(`${app.name}-`)) await rm(join(cacheRoot, old), { recursive: true, force: true });
    }
    const aside = join(cacheRoot, `${key}.partial`);
    await mkdir(aside, { recursive: true });
    await copyTree(modules, join(aside, 'node_modules'));
    await rename(aside, join(cacheRoot, key));
    how = 'npm ci';
  }
  // The tarball changes with every pack; --no-save keeps package.json and the lockfile as committed.
  await run(['npm', 'install', '--no-save', '--prefer-offline', '../livecart.tgz'], { cwd: dir });
  return how;
}

// ---- the checks in the browser -----------------------------------------------------------

async function checkPage(browser, url, { hydration = false } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && messages.push(`http ${r.status()}: ${r.url()}`));
  const step = async (what, check) => {
    try {
      await check();
    } catch (error) {
      throw new Error(`${what}: ${error.message.split('\n')[0]}\n  browser console:\n    ${messages.join('\n    ') || '(nothing)'}`);
    }
  };
  try {
    await step(`load ${url}`, () => page.goto(url, { waitUntil: 'load', timeout: 60_000 }));
    // Playwright's locators go through open shadow roots.
    await step('products shown', async () => {
      for (const title of TITLES) {
        await page.locator('shop-carousel').getByText(title, { exact: true }).first().waitFor({ state: 'visible', timeout: 20_000 });
      }
    });
    // src, autoplay and muted reached the element through the framework.
    await step('the video plays', () => page.locator('live-stream pip-player[state="playing"]').waitFor({ state: 'attached', timeout: 20_000 }));
    await step('the app heard livecart-featured-change', () =>
      page.locator('#on-screen').getByText(`On screen: ${FEATURED}`).waitFor({ timeout: 20_000 }));
    await step('cart count starts at 0', () => page.locator('#cart-count').getByText('0', { exact: true }).waitFor({ timeout: 5_000 }));
    await step('buy click', () =>
      page.locator(`shop-carousel buy-now-button[product="${BUY.id}"] button`).click({ timeout: 10_000 }));
    await step('the app heard livecart-add-to-cart', () =>
      page.locator('#last-added').getByText(`Added: ${BUY.title}`).waitFor({ timeout: 10_000 }));
    await step('$cart reached the app (cart count 1)', () =>
      page.locator('#cart-count').getByText('1', { exact: true }).waitFor({ timeout: 10_000 }));
    const errors = messages.filter((m) => m.startsWith('pageerror:'));
    if (errors.length) throw new Error(`uncaught errors in the page:\n    ${errors.join('\n    ')}`);
    if (hydration) {
      await sleep(1000); // React reports a recoverable hydration error after the commit
      const warnings = messages.filter((m) => /hydrat/i.test(m));
      if (warnings.length) throw new Error(`hydration warnings in next dev:\n    ${warnings.join('\n    ')}`);
    }
    // What livecart itself said (a misuse it warns of): printed, not failed on.
    return messages.filter((m) => /^(warning|error): livecart/.test(m));
  } finally {
    if (process.env.LIVECART_EXAMPLES_VERBOSE) console.log(`  browser console at ${url}:\n    ${messages.join('\n    ') || '(nothing)'}`);
    await context.close();
  }
}

/** The titles in the server's rendering of `<live-stream>` (its declarative shadow DOM), not in a script's data. */
async function checkServerHtml(url) {
  const html = await (await fetch(url)).text();
  const start = html.indexOf('<live-stream');
  const end = html.indexOf('</live-stream>', start);
  if (start === -1 || end === -1) throw new Error(`no <live-stream> in the server's HTML`);
  const markup = html.slice(start, end).replace(/<script\b[\s\S]*?<\/script>/g, '');
  const missing = TITLES.filter((title) => !markup.includes(title));
  if (missing.length) throw new Error(`not in the server's HTML of <live-stream>: ${missing.join(', ')}`);
}

// ---- one app ------------------------------------------------------------------------------

async function testApp(app, browser) {
  const dir = join(examples, app.name);
  const times = [];
  const notes = [];
  const timed = async (what, fn) => {
    const start = Date.now();
    const result = await fn();
    times.push(`${what} ${seconds(Date.now() - start)}${typeof result === 'string' ? ` (${result})` : ''}`);
  };
  await timed('install', () => install(app, dir));
  await cp(video, join(dir, 'public/show.mp4'));
  await timed('build', async () => void (await run(['npm', 'run', 'build'], { cwd: dir })));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  await timed('browser', async () => {
    const server = await serve(app.serve(port), dir, url);
    try {
      if (app.serverHtml) await checkServerHtml(url);
      notes.push(...(await checkPage(browser, url)).map((m) => `build: ${m}`));
    } finally {
      await server.stop();
    }
  });
  if (app.dev) {
    await timed('dev', async () => {
      const devPort = await freePort();
      const devUrl = `http://127.0.0.1:${devPort}/`;
      const server = await serve(app.dev(devPort), dir, devUrl, 180_000);
      try {
        notes.push(...(await checkPage(browser, devUrl, { hydration: true })).map((m) => `dev: ${m}`));
      } finally {
        await server.stop();
      }
    });
  }
  return { times: times.join(', '), notes: [...new Set(notes)] };
}

// ---- main ---------------------------------------------------------------------------------

await mkdir(cacheRoot, { recursive: true });
if (lockOnly) {
  await pack();
  for (const app of apps) await relock(app);
  process.exit(0);
}

const { chromium } = await import('playwright-core');
let passed = 0;
let failed = 0;
const started = Date.now();
let browser;
try {
  await pack();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  for (const app of apps) {
    const start = Date.now();
    try {
      const { times, notes } = await testApp(app, browser);
      passed++;
      console.log(`✅ example ${app.name}: ${seconds(Date.now() - start)} (${times})`);
      for (const note of notes) console.log(`   ${note}`);
    } catch (error) {
      failed++;
      console.log(`❌ example ${app.name}: ${error.message}`);
    }
  }
} catch (error) {
  failed = apps.length - passed;
  console.log(`❌ examples: ${error.message}`);
} finally {
  await browser?.close();
}
console.log(`examples took ${seconds(Date.now() - started)}`);
console.log(`examples: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
