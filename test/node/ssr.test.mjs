// Every element renders under Lit SSR (@lit-labs/ssr) in Node, as a storefront's server
// renders it (docs/frameworks.md, "Server rendering"): from the npm build (npm test builds first),
// nothing touching document or window. The show's products, prices and buy buttons are
// in the HTML, in declarative shadow DOM. Its own process (node --test runs each file in
// one): Lit's DOM shim goes on the globals.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';

await import('../../dist/index.js');
await import('../../dist/define/cart-view.js');
await import('../../dist/define/show-console.js');
const { products } = JSON.parse(await readFile(new URL('../../demo/public/products.json', import.meta.url), 'utf8'));
const serverRender = async (template) => collectResult(render(template));
/** The text a reader sees, markup and Lit's markers gone. */
const text = (out) => out.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

for (const tag of ['live-stream', 'pip-player', 'shop-carousel', 'buy-now-button', 'cart-view', 'show-console']) {
  test(`<${tag}> renders on the server into declarative shadow DOM`, async () => {
    const name = unsafeStatic(tag);
    const out = await serverRender(staticHtml`<${name} src="/show.m3u8" product="ember-mug"></${name}>`);
    assert.match(out, new RegExp(`<${tag}[^>]*><template shadowroot(mode)?="open"`));
  });
}

test('<live-stream> given products renders its catalog: titles, prices and buy buttons', async () => {
  const out = await serverRender(html`<live-stream src="/show.m3u8" .products=${products}></live-stream>`);
  const words = text(out);
  for (const product of products) assert.ok(words.includes(product.title), product.title);
  assert.ok(words.includes('€149.00') && words.includes('€179.00'), 'the sale price and the price it was');
  assert.match(out, /<button\s+part="button"[^>]*aria-label="Buy now: Aurora Shell Jacket"/);
  assert.match(out, /<button\s+part="button"[^>]*disabled[^>]*aria-label="Sold out: Glow Camp Lantern"/);
  // Relative links stay relative: the browser resolves them against the real page.
  assert.match(out, /<img part="image" src="images\/aurora-jacket.svg"/);
  // The tag itself carries only what was given: nothing for a framework's hydration to call a mismatch.
  assert.match(out, /<live-stream\s+src="\/show.m3u8"><template/);
});

test('<shop-carousel> given products renders them; a feed URL is left for the browser to fetch', async () => {
  assert.ok(text(await serverRender(html`<shop-carousel .products=${products}></shop-carousel>`)).includes('Fjord Merino Beanie'));
  const url = await serverRender(html`<shop-carousel products="https://shop.example/feed.json"></shop-carousel>`);
  assert.ok(text(url).includes('Loading products') || text(url).includes('No products yet'));
});

test('two pages rendered in one process share nothing: each show keeps its own catalog', async () => {
  const [first, second] = [products.slice(0, 2), products.slice(2, 4)];
  await serverRender(html`<live-stream .products=${first}></live-stream>`);
  const out = text(await serverRender(html`<live-stream .products=${second}></live-stream>`));
  assert.ok(out.includes(second[0].title));
  assert.ok(!out.includes(first[0].title), 'the first page\'s product is not on the second');
});

test('a show in French renders French words and prices', async () => {
  const { configure } = await import('../../dist/store-entry.js');
  const { loadStrings } = await import('../../dist/i18n/strings.js');
  await loadStrings('fr');
  const out = text(await serverRender(html`<shop-carousel lang="fr" .products=${products}></shop-carousel>`));
  configure({});
  assert.ok(out.includes('Acheter') && out.includes('149,00'), out.slice(0, 300));
});
