// Server-rendered apps import livecart in Node, where there is no DOM: every entry of
// the package must import there without throwing (and without defining anything).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
// `livecart/livecart.js` is the script-tag bundle, built with Lit's browser build for
// pages; server code imports `livecart` or one of its entries instead.
const entries = Object.entries(pkg.exports).filter(([subpath, target]) => typeof target === 'object' && subpath !== './livecart.js');

for (const [subpath] of entries) {
  const specifier = subpath === '.' ? 'livecart' : `livecart/${subpath.slice(2)}`;
  if (specifier.includes('*')) continue;
  test(`import '${specifier}' in Node does not throw`, async () => {
    const module = await import(specifier);
    assert.ok(module);
  });
}

test("the main entry exports the element classes and the store", async () => {
  const livecart = await import('livecart');
  for (const name of ['LiveStream', 'PipPlayer', 'ShopCarousel', 'BuyNowButton', 'getShow']) {
    assert.equal(typeof livecart[name], 'function', name);
  }
  assert.equal(livecart.getShow('x'), livecart.getShow('x'));
});
