// docs/elements.md's element reference is generated from custom-elements.json
// (npm run manifest, run by npm run build): this fails when someone edited one without the other.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { elementTables, withTables } from '../../scripts/element-docs.mjs';

const read = async (path) => readFile(new URL(`../../${path}`, import.meta.url), 'utf8');

test('the element reference in docs/elements.md is what custom-elements.json gives', async () => {
  const manifest = JSON.parse(await read('custom-elements.json'));
  const page = await read('docs/elements.md');
  assert.equal(page, withTables(page, manifest), 'run `npm run manifest` to regenerate docs/elements.md');
});

test('every element of the manifest has its section, counted from the manifest', async () => {
  const manifest = JSON.parse(await read('custom-elements.json'));
  const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement).map((d) => d.tagName);
  const tables = elementTables(manifest);
  for (const tag of tags) assert.match(tables, new RegExp(`### \`<${tag}>\``));
  assert.match(tables, new RegExp(`The ${tags.length} elements`));
});
