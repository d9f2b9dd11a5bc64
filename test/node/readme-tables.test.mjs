// The README's element reference is generated from custom-elements.json (npm run manifest):
// this fails when someone edited one without the other.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { elementTables, withTables } from '../../scripts/readme-tables.mjs';

const read = async (path) => readFile(new URL(`../../${path}`, import.meta.url), 'utf8');

test('the README element tables are those custom-elements.json gives', async () => {
  const manifest = JSON.parse(await read('custom-elements.json'));
  const readme = await read('README.md');
  assert.equal(readme, withTables(readme, manifest), 'run `npm run manifest` to regenerate the README tables');
});

test('every element of the manifest has its section, counted from the manifest', async () => {
  const manifest = JSON.parse(await read('custom-elements.json'));
  const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement).map((d) => d.tagName);
  const tables = elementTables(manifest);
  for (const tag of tags) assert.match(tables, new RegExp(`### \`<${tag}>\``));
  assert.match(tables, new RegExp(`The ${tags.length} elements`));
});
