// Renders a test page on the server with Lit SSR (@lit-labs/ssr), as a storefront's Node
// server would: `node test/ssr/render-page.mjs '<json options>'` prints the page. Run in a
// process of its own by the test server (test/ssr/ssr-server.mjs): Lit's DOM shim goes
// on the globals of the process it runs in, which must not be the test runner's.
//
// Options: { page: 'stream' | 'stream-and-button' | 'button', lang, hydrate, setProducts }
// - lang: the page's <html lang>; the server always renders with its own (English).
// - hydrate: the page loads Lit's hydrate support before livecart.
// - setProducts: the page sets `products` on the element before livecart loads (as a
//   framework does, or a page that hydrates); without it the element gets none.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { readFile } from 'node:fs/promises';
import { html } from 'lit';

const options = JSON.parse(process.argv[2] ?? '{}');
const { products } = JSON.parse(await readFile(new URL('../../demo/public/products.json', import.meta.url), 'utf8'));
// The npm build, as a storefront's server imports it (npm test builds first).
await import('../../dist/index.js');

const MP4 = '/channel/media/show.mp4';
const stream = html`<live-stream src=${MP4} muted .products=${products}></live-stream>`;
const button = html`<p>Also on this page: <buy-now-button product="ember-mug"></buy-now-button></p>`;
const body = { stream, 'stream-and-button': html`${stream}${button}`, button }[options.page ?? 'stream'];

const params = new URLSearchParams({ hydrate: options.hydrate ? '1' : '', products: options.setProducts ? '1' : '' });
process.stdout.write(`<!doctype html>
<html lang="${options.lang ?? 'en'}">
<head><meta charset="utf-8"><title>Server-rendered show</title>
<!-- The feed's relative links and images resolve here, in the browser. -->
<base href="/demo/public/">
<script src="/test/fixtures/dev-env.js"></script></head>
<body>
${await collectResult(render(body))}
<script type="application/json" id="products">${JSON.stringify(products).replace(/</g, '\\u003c')}</script>
<script type="module" src="/test/ssr/client.ts?${params}"></script>
</body>
</html>
`);
