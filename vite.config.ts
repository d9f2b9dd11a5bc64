import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
// @ts-expect-error: plain JS module shared with the test runner
import { channelMiddleware } from './demo/channel/live-channel.mjs';

/**
 * Gzip budgets of the script-tag build, in bytes. `npm run build` fails when one is
 * crossed. The README lists them.
 */
const BUDGETS: { test: RegExp; name: string; max: number }[] = [
  { test: /^livecart\.js$/, name: 'dist/livecart.js', max: 24_000 },
  { test: /^hls\.light-[\w-]+\.js$/, name: 'hls.js light chunk', max: 120_000 },
  // Fetched instead of the light one only for streams that declare subtitles or captions.
  { test: /^hls-[\w-]+\.js$/, name: 'hls.js full chunk', max: 190_000 },
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

/** Serves the simulated live channel (demo/channel) under /channel/. */
function liveChannel(): Plugin {
  return {
    name: 'livecart:live-channel',
    configureServer: (server) => void server.middlewares.use(channelMiddleware()),
  };
}

const alias = { livecart: fileURLToPath(new URL('./src/index.ts', import.meta.url)) };

export default defineConfig(({ command }) =>
  command === 'serve'
    ? // `npm start`: the demo retailer page and its simulated live channel.
      { root: 'demo', resolve: { alias }, plugins: [liveChannel()], server: { port: 5173, strictPort: true } }
    : // `npm run build`: dist/livecart.js for the script tag, hls.js in its own chunk beside it.
      {
        plugins: [sizeBudgets()],
        build: {
          outDir: 'dist',
          emptyOutDir: true,
          target: 'es2022',
          sourcemap: true,
          copyPublicDir: false,
          // A normal build, not library mode: library mode keeps whitespace in ES output,
          // which is right for npm but not for a script tag.
          rolldownOptions: {
            input: { livecart: 'src/index.ts' },
            preserveEntrySignatures: 'exports-only',
            output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
          },
        },
      },
);
