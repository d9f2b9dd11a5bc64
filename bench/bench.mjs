// `npm run bench`: start-up cost of livecart against a bare hls.js page and against the
// physical floor (the first segment as a plain file, no JS), on the simulated live channel
// served over loopback with an emulated network. Run `npm run build` first (the bench
// script does, the same build as `npm run build`, so dist/ stays a complete package). Results: a table on stdout and JSON in bench/results/.
//
//   npm run bench                    9 interleaved runs of each page (floor, native HLS, bare hls.js, livecart)
//   npm run bench -- --runs 11
//   npm run bench -- --soak 30       a 30-minute live session, heap and DOM sampled every 30 s
//   npm run bench -- --serve         only serve the pages (/page/floor, /page/livecart, /page/bare%20hls.js),
//                                    to look at them in a browser's network panel
//   npm run bench -- --preload       one more row: livecart with a <link rel="modulepreload"> of the hls.js chunk in the page
//   npm run bench -- --profile       also a CPU profile of every run: main-thread time before the first frame and in the
//                                    2 s after it, by script, and livecart's busiest functions
//   npm run bench -- --waterfall     also each page's median run as a waterfall: every request up to the first frame
//   npm run bench -- --compare before=/tmp/old-dist
//                                    one more row per --compare: livecart from another build's dist/ (a lever, measured
//                                    interleaved against this build)
//   npm run bench -- --chat          the conversation's delays on the SSE hub (demo/channel/hub.mjs): a post → on another
//                                    viewer's screen, the producer's Hide → gone from every viewer's; --samples 20
//
// Chromium only (playwright-core, CDP): CDP is what emulates the network and reads the heap.
import { createServer } from 'node:http';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createHubs, HUB_TOKEN } from '../demo/channel/hub.mjs';
import { channelResponse } from '../demo/channel/live-channel.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    soak: { type: 'string' },
    serve: { type: 'boolean', default: false },
    'sample-seconds': { type: 'string', default: '30' },
    preload: { type: 'boolean', default: false },
    waterfall: { type: 'boolean', default: false },
    compare: { type: 'string', multiple: true, default: [] },
    profile: { type: 'boolean', default: false },
    chat: { type: 'boolean', default: false },
    samples: { type: 'string', default: '20' },
  },
});
const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** What the issue fixes for every run: 40 ms per request, 20 Mbit/s both ways. */
const NETWORK = { offline: false, latency: 40, downloadThroughput: 20e6 / 8, uploadThroughput: 20e6 / 8 };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required', '--enable-precise-memory-info'];

// ---------- the pages -------------------------------------------------------------------

/**
 * Both pages report through window.__bench: the first presented video frame (rVFC), the
 * long tasks and layout shifts until 2 s after it, and which scripts were fetched before it.
 */
const PROBE = `<script>
  window.__bench = { tasks: [], cls: 0 };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) __bench.tasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) __bench.cls += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
  // A millisecond of work the CPU profile (--profile) finds: the frame's moment on its clock.
  function __benchFrameMark() { const t = performance.now(); while (performance.now() - t < 1); }
  window.__benchWatch = (video) => video.requestVideoFrameCallback((now) => {
    __bench.firstFrame = now;
    __benchFrameMark();
    __bench.scripts = performance.getEntriesByType('resource')
      .filter((r) => /\\.m?js(\\?|$)/.test(r.name) && r.responseEnd <= now)
      .map((r) => ({ url: new URL(r.name).pathname, bytes: r.encodedBodySize }));
    __bench.timeline = performance.getEntriesByType('resource').filter((r) => r.startTime <= now)
      .map((r) => ({ url: new URL(r.name).pathname, start: r.startTime, firstByte: r.responseStart, end: r.responseEnd }));
    // Long tasks (and shifts) are counted from the page's start until 2 s after the frame.
    setTimeout(() => (__bench.done = true), 2000);
  });
</script>`;

const PAGES = {
  // The physical floor: the first segment of the lowest rendition as one progressive file
  // in a plain <video>, no JavaScript. No player can show a frame sooner than this.
  floor: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title>${PROBE}</head><body>
    <video muted autoplay playsinline src="/channel/media/floor/180p.mp4"
      style="display:block;width:640px;aspect-ratio:16/9;background:#000"></video>
    <script>__benchWatch(document.querySelector('video'));</script></body></html>`,
  // The anchor for an HLS start: the browser's own HLS engine (Chromium plays .m3u8 itself
  // since 14x; the row is left out where it cannot), the same playlist round trips as any
  // player, and no script at all.
  native: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>native</title>${PROBE}</head><body>
    <video muted autoplay playsinline src="/channel/live.m3u8"
      style="display:block;width:640px;aspect-ratio:16/9;background:#000"></video>
    <script>
      const video = document.querySelector('video');
      // An engine without HLS of its own: no row (a first frame of 0 says so).
      if (video.canPlayType('application/vnd.apple.mpegurl')) __benchWatch(video);
      else Object.assign(__bench, { firstFrame: 0, scripts: [], timeline: [], done: true });
    </script></body></html>`,
  // The baseline: what a page would do with hls.js and nothing else.
  'bare hls.js': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare hls.js</title>${PROBE}
    <script src="/hls/hls.min.js"></script></head><body>
    <video muted autoplay playsinline style="display:block;width:640px;aspect-ratio:16/9;background:#000"></video>
    <script>
      const video = document.querySelector('video');
      __benchWatch(video);
      const hls = new Hls();
      hls.loadSource('/channel/live.m3u8');
      hls.attachMedia(video);
    </script></body></html>`,
  // livecart as the README shows it: the script tag and one element.
  livecart: livecartPage('/dist/'),
};

/** The README's snippet: livecart.js from `dist` (a path ending in /), `head` before it. */
function livecartPage(dist, head = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>livecart</title>${PROBE}
    ${head}<script type="module" src="${dist}livecart.js"></script></head><body style="width:1024px">
    <live-stream src="/channel/live.m3u8" products="/demo/public/products.json" autoplay muted></live-stream>
    <script type="module">
      await customElements.whenDefined('live-stream');
      const stream = document.querySelector('live-stream');
      await stream.updateComplete;
      __benchWatch(stream.shadowRoot.querySelector('pip-player').video);
    </script></body></html>`;
}

if (args.preload) {
  const light = (await readdir(`${ROOT}dist`)).find((f) => /^hls\.light-[\w-]+\.js$/.test(f));
  PAGES['livecart + modulepreload'] = livecartPage('/dist/', `<link rel="modulepreload" href="/dist/${light}">`);
}
/** Other builds' dist/ directories, served under /compare/<n>/. */
const COMPARED = args.compare.map((spec) => {
  const [label, dir] = spec.includes('=') ? spec.split(/=(.*)/s) : [spec, spec];
  return { label: `livecart (${label})`, dir: dir.replace(/\/?$/, '/') };
});
COMPARED.forEach(({ label }, i) => (PAGES[label] = livecartPage(`/compare/${i}/`)));

/**
 * --chat: two viewers' `<live-stream chat>` and the producer's `<show-console moderate>` on
 * one hub of the demo's SSE hub, from the built dist/. Each viewer notes, by the machine's
 * clock (performance.timeOrigin + now, the same for every page), when each `bench <n>`
 * message is first drawn in its chat and when it is gone, both at the next animation frame
 * (on screen).
 */
const CHAT_HUB = '/hub/bench-chat';
const CHAT_PAGES = {
  'chat viewer': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>chat viewer</title>
    <script type="module" src="/dist/livecart.js"></script></head><body style="width:1200px">
    <live-stream show="bench-show" src="/channel/media/show.mp4" products="/demo/public/products.json"
      schedule="${CHAT_HUB}/events" chat="${CHAT_HUB}/chat" muted></live-stream>
    <script type="module">
      const clock = () => performance.timeOrigin + performance.now();
      window.__chat = { seen: {}, gone: {} };
      const stream = document.querySelector('live-stream');
      const chat = () => stream.shadowRoot?.querySelector('show-chat');
      while (!chat()?.shadowRoot?.querySelector('form')) await new Promise((r) => setTimeout(r, 50));
      const root = chat().shadowRoot;
      const note = () => requestAnimationFrame(() => {
        const now = clock();
        const shown = new Set([...root.querySelectorAll('[part~="messages"] .text')].map((t) => t.textContent));
        for (const text of shown) if (text.startsWith('bench ')) __chat.seen[text] ??= now;
        for (const text of Object.keys(__chat.seen)) if (!shown.has(text)) __chat.gone[text] ??= now;
      });
      new MutationObserver(note).observe(root, { subtree: true, childList: true, characterData: true });
      window.__chat.say = (text) => {
        const input = root.querySelector('input[name="text"]');
        input.value = text;
        const at = clock();
        input.form.requestSubmit();
        return at;
      };
      __chat.ready = true;
    </script></body></html>`,
  'chat producer': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>chat producer</title>
    <script type="module" src="/dist/show-console.js"></script></head><body style="width:1200px">
    <show-console show="bench-studio" products="/demo/public/products.json" moderate="${CHAT_HUB}/moderate"></show-console>
    <live-stream show="bench-studio" src="/channel/media/show.mp4" schedule="${CHAT_HUB}/events" muted></live-stream>
    <script type="module">
      const clock = () => performance.timeOrigin + performance.now();
      await customElements.whenDefined('show-console');
      const producer = document.querySelector('show-console');
      producer.token = '${HUB_TOKEN}';
      const chat = () => producer.shadowRoot?.querySelector('show-chat');
      while (!chat()?.shadowRoot?.querySelector('[part~="moderation"]')) await new Promise((r) => setTimeout(r, 50));
      /** The message's Hide, as the producer clicks it: when, or null while the message is not there yet. */
      window.__hide = (text) => {
        const message = [...chat().shadowRoot.querySelectorAll('[part~="messages"] [part~="message"]')].find((m) => m.querySelector('.text')?.textContent === text);
        const hide = [...(message?.querySelectorAll('.actions button') ?? [])].find((b) => b.textContent === 'Hide');
        if (!hide) return null;
        const at = clock();
        hide.click();
        return at;
      };
      window.__ready = true;
    </script></body></html>`,
};

// ---------- the server ------------------------------------------------------------------

const TYPES = { js: 'text/javascript', json: 'application/json', svg: 'image/svg+xml', html: 'text/html' };
/** The demo's SSE hub and chat endpoint (--chat), under /hub/ as the dev server has them. */
const hubs = createHubs();

async function serve() {
  const epoch = Date.now();
  const server = createServer(async (req, res) => {
    if (await hubs.handle(req, res)) return;
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const channel = await channelResponse(path, { epoch });
    if (channel) {
      res.writeHead(channel.status, { 'Content-Type': channel.type, 'Cache-Control': channel.cache });
      return res.end(channel.body);
    }
    const page = /^\/page\/(.+)$/.exec(path);
    let file;
    if (page && (PAGES[page[1]] || CHAT_PAGES[page[1]])) {
      res.writeHead(200, { 'Content-Type': TYPES.html, 'Cache-Control': 'no-store' });
      return res.end(PAGES[page[1]] ?? CHAT_PAGES[page[1]]);
    }
    const compared = /^\/compare\/(\d+)\/([\w.-]+)$/.exec(path);
    if (path.startsWith('/hls/')) file = `${ROOT}node_modules/hls.js/dist/${path.slice(5)}`;
    else if (compared && COMPARED[compared[1]]) file = COMPARED[compared[1]].dir + compared[2];
    else if (/^\/(dist|demo)\/[\w./-]+$/.test(path) && !path.includes('..')) file = ROOT + path.slice(1);
    try {
      let body = await readFile(file);
      const type = TYPES[path.split('.').pop()] ?? 'application/octet-stream';
      const headers = { 'Content-Type': type, 'Cache-Control': 'no-store' };
      // Scripts and JSON gzip-encoded, as any CDN serves them: the bytes counted are these.
      if (/javascript|json|svg/.test(type) && /gzip/.test(req.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body, { level: 9 });
        headers['Content-Encoding'] = 'gzip';
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

// ---------- one run ---------------------------------------------------------------------

async function openPage(browser, origin, name) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (args.profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.goto(`${origin}/page/${encodeURIComponent(name)}`);
  return { context, page, cdp, errors };
}

async function heap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  return { heap: usedSize, nodes, listeners: jsEventListeners };
}

async function run(browser, origin, name) {
  const { context, page, cdp, errors } = await openPage(browser, origin, name);
  try {
    await page.waitForFunction(() => window.__bench?.done, null, { timeout: 30_000 });
    const b = await page.evaluate(() => window.__bench);
    const cpu = args.profile ? await profileWindows(cdp) : undefined;
    const own = b.scripts.filter((s) => /^\/(?:dist|compare\/\d+)\/livecart\.js$/.test(s.url)).reduce((n, s) => n + s.bytes, 0);
    return {
      ttff: b.firstFrame,
      jsBytes: b.scripts.reduce((n, s) => n + s.bytes, 0),
      ownBytes: own,
      longTasks: b.tasks.reduce((n, [, duration]) => n + duration, 0),
      /** Each long task: [start, duration] in ms. */
      longTaskList: b.tasks,
      longTasksBefore: b.tasks.filter(([start]) => start < b.firstFrame).reduce((n, [, duration]) => n + duration, 0),
      cls: b.cls,
      heap: (await heap(cdp)).heap,
      scripts: b.scripts,
      timeline: b.timeline,
      cpu,
      errors,
    };
  } finally {
    await context.close();
  }
}

// ---------- report ----------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const stat = (xs, fmt) => `${fmt(median(xs))} (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})`;
const ms = (x) => `${Math.round(x)} ms`;
const kb = (x) => `${(x / 1000).toFixed(1)} kB`;
const mb = (x) => `${(x / 1e6).toFixed(1)} MB`;
const ratio = (x) => `${x.toFixed(2)}x`;

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n');
}

async function save(kind, data) {
  const dir = `${ROOT}bench/results/`;
  await mkdir(dir, { recursive: true });
  const file = `${dir}${kind}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  await writeFile(file, JSON.stringify(data, null, 2) + '\n');
  return file;
}

async function startup(browser, origin) {
  const runs = Number(args.runs);
  const names = Object.keys(PAGES);
  const results = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < runs; i++) {
    // Interleaved, and the order rotates each run, so drift on the machine hits all alike.
    const order = names.map((_, k) => names[(i + k) % names.length]);
    for (const name of order) results[name].push(await run(browser, origin, name));
    process.stderr.write(`run ${i + 1}/${runs}\n`);
  }
  const { floor, native, 'bare hls.js': bare } = results;
  const rows = [
    ['page', 'first frame', 'TTFF / floor', 'TTFF / native', 'TTFF / bare', 'JS before frame (gzip)', 'of it livecart', 'long tasks to frame', 'to frame + 2 s', 'CLS', 'heap after start'],
  ];
  for (const [name, rs] of Object.entries(results)) {
    rows.push([
      name,
      stat(rs.map((r) => r.ttff), ms),
      stat(rs.map((r, i) => r.ttff / floor[i].ttff), ratio),
      native.every((r) => r.ttff) ? stat(rs.map((r, i) => r.ttff / native[i].ttff), ratio) : 'no native HLS',
      stat(rs.map((r, i) => r.ttff / bare[i].ttff), ratio),
      stat(rs.map((r) => r.jsBytes), kb),
      stat(rs.map((r) => r.ownBytes), kb),
      stat(rs.map((r) => r.longTasksBefore), ms),
      stat(rs.map((r) => r.longTasks), ms),
      stat(rs.map((r) => r.cls), (x) => x.toFixed(3)),
      stat(rs.map((r) => r.heap), mb),
    ]);
  }
  console.log(`\n${runs} interleaved runs each; median (min–max); network ${NETWORK.latency} ms, 20 Mbit/s\n`);
  console.log(table(rows));
  if (args.profile) console.log(`\nCPU profile, median of each bucket (sampled every 0.2 ms)\n${cpuSummary(results)}`);
  if (args.waterfall) for (const [name, rs] of Object.entries(results)) console.log(`\n${waterfall(name, rs)}`);
  const errors = Object.values(results).flat().flatMap((r) => r.errors);
  if (errors.length) console.log(`\npage errors: ${errors.join('; ')}`);
  console.log(`\n${await save('startup', { network: NETWORK, runs: results })}`);
}

/**
 * The main thread's busy time before the first frame and in the 2 s after it (the long-task
 * window), from a sampling CPU profile, in ms by what ran: livecart's own scripts, hls.js,
 * the page's inline scripts, the engine's own work (garbage collection, parsing, compiling,
 * style and layout: "(program)" and kin). Idle time is left out.
 */
async function profileWindows(cdp) {
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // The frame's moment on the profile's clock: the first sample in the probe's __benchFrameMark.
  let frame = profile.startTime;
  const mark = profile.samples.findIndex((id, i) => ((frame += profile.timeDeltas[i]), byId.get(id).callFrame.functionName === '__benchFrameMark'));
  if (mark === -1) frame = Infinity;
  const windows = { before: { buckets: {}, functions: {} }, after: { buckets: {}, functions: {} } };
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    const next = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const window = t <= frame ? windows.before : t <= frame + 2e6 ? windows.after : undefined;
    if (!window) return;
    const { callFrame } = byId.get(id);
    const url = callFrame.url && new URL(callFrame.url).pathname;
    const bucket = !url ? callFrame.functionName || '(native)' : /\/hls[.\w-]*\.m?js$/.test(url) && !url.includes('hls-playback') ? 'hls.js' : /^\/page\//.test(url) ? 'page' : 'livecart';
    if (bucket === '(idle)') return;
    window.buckets[bucket] = (window.buckets[bucket] ?? 0) + next;
    if (bucket === 'livecart' || bucket === 'hls.js') {
      const key = `${callFrame.functionName || '(anonymous)'} ${url.split('/').pop()}:${callFrame.lineNumber + 1}:${callFrame.columnNumber + 1}`;
      window.functions[key] = (window.functions[key] ?? 0) + next;
    }
  });
  return windows;
}

/** Each page's median main-thread time in each window, by what ran, and livecart's busiest functions. */
function cpuSummary(results) {
  const lines = [];
  for (const [name, rs] of Object.entries(results)) {
    for (const [window, label] of [['before', 'before the frame'], ['after', 'in the 2 s after it']]) {
      const cpu = rs.map((r) => r.cpu?.[window] ?? { buckets: {}, functions: {} });
      const keys = [...new Set(cpu.flatMap((c) => Object.keys(c.buckets)))];
      const medians = keys.map((k) => [k, median(cpu.map((c) => c.buckets[k] ?? 0))]).sort((a, b) => b[1] - a[1]);
      const total = median(cpu.map((c) => Object.values(c.buckets).reduce((n, x) => n + x, 0)));
      lines.push(`${name}: ${ms(total)} busy ${label}: ${medians.filter(([, v]) => v >= 1).map(([k, v]) => `${k} ${ms(v)}`).join(', ')}`);
      if (!/livecart/.test(name)) continue;
      const fns = [...new Set(cpu.flatMap((c) => Object.keys(c.functions)))]
        .map((k) => [k, median(cpu.map((c) => c.functions[k] ?? 0))])
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10);
      for (const [k, v] of fns) lines.push(`    ${ms(v).padStart(6)}  ${k}`);
    }
  }
  return lines.join('\n');
}

/** A page's median run (by first frame): when each request started, got its first byte and ended, in ms. */
function waterfall(name, runs) {
  const run = [...runs].sort((a, b) => a.ttff - b.ttff)[Math.floor((runs.length - 1) / 2)];
  const rows = [['start', 'first byte', 'end', `${name}: first frame at ${Math.round(run.ttff)} ms`]];
  for (const r of run.timeline) rows.push([r.start, r.firstByte, r.end].map((t) => String(Math.round(t))).concat(r.url));
  return table(rows);
}

async function soak(browser, origin, minutes) {
  const every = Number(args['sample-seconds']) * 1000;
  const { context, page, cdp, errors } = await openPage(browser, origin, 'livecart');
  await page.waitForFunction(() => window.__bench?.done, null, { timeout: 30_000 });
  const samples = [];
  const start = Date.now();
  for (;;) {
    const player = await page.evaluate(() =>
      document.querySelector('live-stream').shadowRoot.querySelector('pip-player').getAttribute('state'),
    );
    samples.push({ seconds: Math.round((Date.now() - start) / 1000), state: player, ...(await heap(cdp)) });
    const s = samples.at(-1);
    console.log(`${String(s.seconds).padStart(5)} s  heap ${mb(s.heap)}  nodes ${s.nodes}  listeners ${s.listeners}  ${s.state}`);
    if (Date.now() - start >= minutes * 60_000) break;
    await page.waitForTimeout(every);
  }
  await context.close();
  // The first minute is warm-up (hls.js fills its buffers, ABR climbs); growth counts after it.
  const settled = samples.find((s) => s.seconds >= 60) ?? samples[0];
  const last = samples.at(-1);
  console.log(
    `\nsoak ${minutes} min: heap ${mb(settled.heap)} -> ${mb(last.heap)} (${mb(last.heap - settled.heap)}), ` +
      `DOM nodes ${settled.nodes} -> ${last.nodes}, listeners ${settled.listeners} -> ${last.listeners}` +
      `${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`,
  );
  console.log(await save('soak', { minutes, samples, errors }));
}

// ---------- the conversation's delays (--chat) ------------------------------------------

async function chatDelays(browser, origin) {
  const samples = Number(args.samples);
  const open = async (name, chatName) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    if (chatName) await context.addInitScript((n) => localStorage.setItem('livecart:chat-name', JSON.stringify(n)), chatName);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/page/${encodeURIComponent(name)}`);
    return { context, page, errors };
  };
  const [a, b, producer] = [await open('chat viewer', 'bench-a'), await open('chat viewer', 'bench-b'), await open('chat producer')];
  const pages = [a, b, producer];
  try {
    await Promise.all([a.page.waitForFunction(() => window.__chat?.ready), b.page.waitForFunction(() => window.__chat?.ready), producer.page.waitForFunction(() => window.__ready)]);
    const posts = [];
    const hides = [];
    // One warm-up, then the samples; a post every 2.5 s: the endpoint takes 5 a name in 10 s.
    for (let i = 0; i <= samples; i++) {
      const text = `bench ${i}`;
      const started = Date.now();
      const sent = await a.page.evaluate((t) => window.__chat.say(t), text);
      await b.page.waitForFunction((t) => window.__chat.seen[t], text, { timeout: 10_000 });
      const seen = await b.page.evaluate((t) => window.__chat.seen[t], text);
      let hidden = null;
      while (!(hidden = await producer.page.evaluate((t) => window.__hide(t), text))) await producer.page.waitForTimeout(20);
      const gone = [];
      for (const viewer of [a, b]) {
        await viewer.page.waitForFunction((t) => window.__chat.gone[t], text, { timeout: 10_000 });
        gone.push(await viewer.page.evaluate((t) => window.__chat.gone[t], text));
      }
      if (i > 0) {
        posts.push(seen - sent);
        hides.push(Math.max(...gone) - hidden);
        process.stderr.write(`sample ${i}/${samples}: post → seen ${Math.round(seen - sent)} ms, hide → gone ${Math.round(Math.max(...gone) - hidden)} ms\n`);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 2500 - (Date.now() - started))));
    }
    console.log(`\nthe conversation on the SSE hub (demo/channel/hub.mjs), loopback, no emulated network; ${samples} samples, median (min–max)\n`);
    console.log(
      table([
        ['delay', 'median (min–max)'],
        ["a post → on another viewer's screen", stat(posts, ms)],
        ["the producer's Hide → gone from every viewer's", stat(hides, ms)],
      ]),
    );
    const errors = pages.flatMap((p) => p.errors);
    if (errors.length) console.log(`\npage errors: ${errors.join('; ')}`);
    console.log(`\n${await save('chat', { samples, posts, hides, errors })}`);
  } finally {
    for (const { context } of pages) await context.close();
  }
}

const { server, origin } = await serve();
if (args.serve) {
  console.log(`serving ${Object.keys(PAGES).map((name) => `${origin}/page/${encodeURIComponent(name)}`).join(", ")} (no network emulation here)`);
  await new Promise(() => {});
}
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
try {
  if (args.soak) await soak(browser, origin, Number(args.soak));
  else if (args.chat) await chatDelays(browser, origin);
  else await startup(browser, origin);
} finally {
  await browser.close();
  hubs.close();
  server.close();
}
