import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { RolldownMagicString } from 'rolldown';
import { defineConfig, type Plugin } from 'vite';
// @ts-expect-error: plain JS module shared with the test runner
import { channelMiddleware, channelResponse } from './demo/channel/live-channel.mjs';
// @ts-expect-error: plain JS module shared with the test runner
import { hubMiddleware } from './demo/channel/hub.mjs';
// @ts-expect-error: plain JS module
import { startScriptedViewers } from './demo/channel/scripted-viewers.mjs';

/**
 * Gzip budgets of the script-tag build, in bytes. `npm run build` fails when one is
 * crossed. docs/performance.md lists them.
 */
const BUDGETS: { test: RegExp; name: string; max: number }[] = [
  { test: /^livecart\.js$/, name: 'dist/livecart.js', max: 25_750 },
  // The producer's console (never loaded by shoppers' pages); it imports livecart.js.
  { test: /^show-console\.js$/, name: 'dist/show-console.js', max: 6_000 },
  { test: /^show-chat-[\w-]+\.js$/, name: 'show-chat chunk', max: 6_000 },
  { test: /^hls\.light-[\w-]+\.js$/, name: 'hls.js light chunk', max: 120_000 },
  // Fetched instead of the light one only for streams that declare subtitles or captions.
  { test: /^hls-[\w-]+\.js$/, name: 'hls.js full chunk', max: 190_000 },
  // Fetched only for a NATS (`ws:`/`wss:`) schedule: src/media/nats-follow.ts with nats.js
  // (core and JetStream: CommonJS, so hardly tree-shaken; tweetnacl, for nkey auth that a
  // viewer never uses, is about 10.6 kB of it).
  { test: /^nats-follow-[\w-]+\.js$/, name: 'NATS follower chunk', max: 62_000 },
];

function sizeBudgets(): Plugin {
  return {
    name: 'livecart:size-budgets',
    apply: 'build',
    generateBundle(_options, bundle) {
      const over: string[] = [];
      for (const budget of BUDGETS) {
        const file = Object.values(bundle).find((f) => f.type === 'chunk' && budget.test.test(f.fileName));
        if (!file || file.type !== 'chunk') {
          over.push(`${budget.name}: missing from the build`);
          continue;
        }
        const size = gzipSync(file.code, { level: 9 }).length;
        console.log(`  ${budget.name.padEnd(20)} ${(size / 1000).toFixed(1)} kB gzip (budget ${budget.max / 1000} kB)`);
        if (size > budget.max) over.push(`${budget.name}: ${size} B gzip > ${budget.max} B`);
      }
      if (over.length) this.error(`size budget crossed:\n  ${over.join('\n  ')}`);
    },
  };
}

const distDir = fileURLToPath(new URL('./dist/', import.meta.url));
/** Module scripts fetched from another origin need this; the configurator's snippet does that. */
const CORS = { 'Access-Control-Allow-Origin': '*' };

/**
 * The demo serves livecart's script-tag build at dist/ beside itself, as a retailer's CDN
 * would (with the CORS header module scripts need): `npm start` serves the repository's
 * dist/ (after `npm run build`), `npm run build:demo` copies it into the static demo.
 */
function servedDist(): Plugin {
  return {
    name: 'livecart:served-dist',
    configureServer: (server) =>
      void server.middlewares.use('/dist', async (req, res, next) => {
        const file = join(distDir, normalize(decodeURIComponent((req.url ?? '/').split('?')[0])));
        if (!file.startsWith(distDir) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.writeHead(200, { ...CORS, 'Content-Type': file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream', 'Cache-Control': 'no-cache' });
        res.end(await readFile(file));
      }),
    async generateBundle() {
      if (!existsSync(join(distDir, 'livecart.js'))) {
        this.warn('no dist/livecart.js: run `npm run build` first, or the configurator’s snippet points at nothing');
        return;
      }
      // The script-tag build: livecart.js and its hashed chunks (not the npm build's modules beside them).
      for (const name of readdirSync(distDir).filter((f) => f === 'livecart.js' || /-[\w-]{8}\.js$/.test(f))) {
        this.emitFile({ type: 'asset', fileName: `dist/${name}`, source: await readFile(join(distDir, name)) });
      }
    },
  };
}

/** Serves the simulated live channel (demo/channel) under /channel/. */
function liveChannel(): Plugin {
  return {
    name: 'livecart:live-channel',
    configureServer: (server) => void server.middlewares.use(channelMiddleware()),
  };
}

/**
 * Serves the demo's SSE hub (demo/channel/hub.mjs) under /hub/: the producer page publishes
 * and moderates, the viewer page listens and chats, with a few scripted viewers in the show's
 * conversation (demo/channel/scripted-viewers.mjs) so the pitch page's chat is never empty.
 */
function showHub(): Plugin {
  const hub = hubMiddleware();
  let viewers: { stop(): void } | undefined;
  return {
    name: 'livecart:show-hub',
    apply: 'serve',
    configureServer: (server) => {
      server.middlewares.use(hub);
      viewers = startScriptedViewers(hub);
    },
    // Open event streams would hold the server open: end them when it closes, and the viewers' timer.
    closeBundle: () => {
      viewers?.stop();
      hub.close();
    },
  };
}

/**
 * `npm run build:demo`: the demo as a static site for any static host. A static host has
 * no live channel, so the show plays its replay (the same show as a VOD, still shoppable
 * through its DATERANGE tags), written out with its segments, looped for 48 minutes
 * (STATIC_SHOW_LOOPS): a pitch outlasts the fixture's 24 s (issue 19: the show ended then).
 * 120 loops are 480 product tags, under DATERANGE_CUE_LIMIT (500), past which the player
 * warns that it reads them from the playlist.
 */
const STATIC_SHOW_LOOPS = 120;
function staticChannel(): Plugin {
  const files = [
    'replay.m3u8',
    'replay/180p.m3u8',
    'replay/360p.m3u8',
    ...['180p', '360p'].flatMap((r) => Array.from({ length: 12 }, (_, i) => `media/${r}/${String(i).padStart(2, '0')}.ts`)),
  ];
  return {
    name: 'livecart:static-channel',
    apply: 'build',
    // No hub either: the viewer page keeps the replay's own product tags and its hand-written
    // chat (demo/main.ts drops it only where the show has a `chat` endpoint), and the producer
    // page features in its preview only, with no conversation to moderate.
    transformIndexHtml: (html) =>
      html.replace(/channel\/(?:live|studio)\.m3u8/, 'channel/replay.m3u8').replace(/\s(?:schedule|publish|chat|moderate)="hub\/[^"]*"/g, ''),
    async generateBundle() {
      for (const file of files) {
        const loops = /^replay\/\w+\.m3u8$/.test(file) ? `?loops=${STATIC_SHOW_LOOPS}` : '';
        const answer = await channelResponse(`/channel/${file}${loops}`, { epoch: Date.now() });
        if (answer?.status !== 200) this.error(`static channel: no ${file}`);
        this.emitFile({ type: 'asset', fileName: `channel/${file}`, source: answer.body });
      }
    },
  };
}

/**
 * dist/show-console.js is an entry of its own, and what it shares with dist/livecart.js
 * must stay in livecart.js: a common chunk between them would cost every shopper's page a
 * round trip before the first frame. So every module the script-tag entry loads up front
 * (its static imports, not the chunks it loads later) goes in livecart.js, whose chunk
 * the console's entry then imports.
 */
function inLivecartJs(): (id: string, ctx: { getModuleInfo(id: string): { importedIds: readonly string[] } | null }) => string | null {
  let upFront: Set<string> | undefined;
  return (id, ctx) => {
    if (!upFront) {
      upFront = new Set();
      const walk = (module: string) => {
        if (upFront!.has(module)) return;
        upFront!.add(module);
        for (const next of ctx.getModuleInfo(module)?.importedIds ?? []) walk(next);
      };
      walk(fileURLToPath(new URL('./src/index.ts', import.meta.url)));
    }
    return upFront.has(id) ? 'livecart' : null;
  };
}

/**
 * Vite rewrites a page's module script and drops `blocking="render"`; the demo keeps it,
 * so its first paint waits for the elements and nothing shifts as they upgrade.
 */
function renderBlockingScripts(): Plugin {
  return {
    name: 'livecart:render-blocking',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace(/<script type="module" crossorigin/g, '<script type="module" blocking="render" crossorigin'),
    },
  };
}

/** Whitespace and comments of one piece of a css`` template (between its interpolations). */
function minifyCss(piece: string): string {
  return (
    piece
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      // A colon followed by a space is always a declaration's (or a media feature's): a
      // pseudo-class has none. The space before a colon is a descendant combinator: kept.
      .replace(/:\s/g, ':')
      .replace(/;}/g, '}')
  );
}

/** Whitespace of one piece of an html`` template: a run holding a line break renders as one space. */
const minifyHtml = (piece: string): string => piece.replace(/\s*\n\s*/g, ' ');

/**
 * Lit's css`` and html`` templates ship as written: comments, indentation and all. In the
 * script-tag build they lose what renders the same without it (CSS comments and the
 * whitespace around its punctuation, the line breaks and indentation between tags), so the
 * sources can keep explaining themselves at no cost to a page. Each piece between two
 * `${…}` is minified on its own: the space after an interpolated selector is kept.
 */
function minifyTemplates(): Plugin {
  type Node = { type: string; start: number; end: number; [key: string]: unknown };
  return {
    name: 'livecart:minify-templates',
    apply: 'build',
    transform: {
      filter: { id: /\/src\/.*\.ts$/, code: /(?:css|html)`/ },
      handler(code) {
        const s = new RolldownMagicString(code);
        const walk = (node: unknown): void => {
          if (!node || typeof node !== 'object') return;
          if (Array.isArray(node)) return node.forEach(walk);
          const n = node as Node;
          const tag = n.type === 'TaggedTemplateExpression' && (n.tag as Node).type === 'Identifier' ? (n.tag as { name: string }).name : '';
          const minify = tag === 'css' ? minifyCss : tag === 'html' ? minifyHtml : null;
          if (minify) {
            const quasis = (n.quasi as { quasis: (Node & { value: { raw: string } })[] }).quasis;
            quasis.forEach((q, i) => {
              let raw = minify(q.value.raw);
              // A stylesheet's own ends hold nothing (an html`` one's may be text: kept).
              if (tag === 'css' && i === 0) raw = raw.trimStart();
              if (tag === 'css' && i === quasis.length - 1) raw = raw.trimEnd();
              if (raw !== q.value.raw) s.update(q.start, q.end, raw);
            });
          }
          for (const key in n) if (key !== 'type' && key !== 'start' && key !== 'end') walk(n[key]);
        };
        walk(this.parse(code));
        return s.hasChanged() ? { code: s } : null;
      },
    },
  };
}

/**
 * Vite wraps every dynamic `import()` in its preload helper (about 1.2 kB in livecart.js),
 * which fetches a chunk's static imports beside it and CSS files. Here every chunk's only
 * static import is livecart.js itself, already loaded, and there is no CSS, so the helper
 * would never preload anything: the plain `import()` does the same with none of its bytes.
 * `build.modulePreload: false` empties its lists but keeps the wrapper; Vite 8 has no
 * option to drop it outside library mode, so this turns off the (native) pass that adds it.
 */
function plainDynamicImports(): Plugin {
  return {
    name: 'livecart:plain-dynamic-imports',
    apply: 'build',
    configResolved(config) {
      const pass = config.plugins.find((p) => p.name === 'native:import-analysis-build');
      if (!pass) throw new Error('livecart:plain-dynamic-imports: Vite no longer has its import-analysis pass; drop this plugin');
      (pass as { applyToEnvironment?: unknown }).applyToEnvironment = () => false;
    },
  };
}

/**
 * The script-tag build bundles its own Lit, which Lit's hydrate support cannot patch: its
 * elements never hydrate a server-rendered shadow root, they draw it anew
 * (src/elements/server-rendered.script-tag.ts), without the hydration code.
 */
function scriptTagNeverHydrates(): Plugin {
  return {
    name: 'livecart:script-tag-never-hydrates',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './server-rendered.js' && importer?.endsWith('/src/elements/livecart-element.ts')) {
        return fileURLToPath(new URL('./src/elements/server-rendered.script-tag.ts', import.meta.url));
      }
      return null;
    },
  };
}

const alias = { livecart: fileURLToPath(new URL('./src/index.ts', import.meta.url)) };
const demoRoot = fileURLToPath(new URL('./demo/', import.meta.url));

export default defineConfig(({ command, mode }) =>
  command === 'serve'
    ? // `npm start`: the demo retailer page and its simulated live channel.
      { root: 'demo', resolve: { alias }, plugins: [liveChannel(), showHub(), servedDist()], server: { port: 5173, strictPort: true } }
    : mode === 'demo'
      ? {
          root: 'demo',
          base: './',
          resolve: { alias },
          plugins: [staticChannel(), renderBlockingScripts(), servedDist()],
          build: {
            outDir: '../dist-demo',
            emptyOutDir: true,
            target: 'es2022',
            rolldownOptions: {
              input: {
                index: `${demoRoot}index.html`,
                producer: `${demoRoot}producer.html`,
                product: `${demoRoot}product.html`,
                checkout: `${demoRoot}checkout.html`,
                'examples/react': `${demoRoot}examples/react.html`,
              },
            },
          },
        }
      : // `npm run build`: dist/livecart.js for the script tag, hls.js in its own chunk beside it.
      {
        plugins: [scriptTagNeverHydrates(), minifyTemplates(), plainDynamicImports(), sizeBudgets()],
        build: {
          outDir: 'dist',
          emptyOutDir: true,
          target: 'es2022',
          sourcemap: true,
          copyPublicDir: false,
          // hls.js's full build (fetched only for captioned streams) is 580 kB; the gzip
          // budgets above are the limits that matter.
          chunkSizeWarningLimit: 600,
          // A normal build, not library mode: library mode keeps whitespace in ES output,
          // which is right for npm but not for a script tag, and leaves process.env.NODE_ENV
          // (nanostores reads it) for a bundler that a script-tag page does not have.
          rolldownOptions: {
            input: { livecart: 'src/index.ts', 'show-console': 'src/show-console.ts', 'show-chat': 'src/show-chat.ts' },
            // Everything a page needs up front stays in livecart.js, and the chunks loaded
            // later (hls.js, the Document PiP card, schedules, a resumed show,
            // the cart view, adapters, other feed formats) import what
            // they share from it: a separate shared chunk would cost a round trip before the
            // first frame. That lets the entry export a few internal (minified) names.
            preserveEntrySignatures: 'allow-extension',
            output: {
              entryFileNames: '[name].js',
              chunkFileNames: '[name]-[hash].js',
              codeSplitting: { groups: [{ name: inLivecartJs() }] },
            },
          },
        },
      },
);
