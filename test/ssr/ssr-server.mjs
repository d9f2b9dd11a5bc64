// Test-only: /ssr/<page>.html?lang=fr&hydrate=1&products=1 answers a page rendered on the
// server with Lit SSR (test/ssr/render-page.mjs, in a process of its own), once per query.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const pages = new Map();

/** Koa-style middleware for @web/test-runner. */
export function ssrKoaMiddleware() {
  return async (ctx, next) => {
    const m = /^\/ssr\/([\w-]+)\.html$/.exec(ctx.path);
    if (!m) return next();
    const options = { page: m[1], lang: ctx.query.lang, hydrate: !!ctx.query.hydrate, setProducts: !!ctx.query.products };
    const key = JSON.stringify(options);
    if (!pages.has(key)) {
      const script = new URL('./render-page.mjs', import.meta.url).pathname;
      pages.set(key, run(process.execPath, [script, key], { maxBuffer: 16 << 20 }).then((r) => r.stdout));
    }
    ctx.type = 'text/html';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await pages.get(key);
  };
}
