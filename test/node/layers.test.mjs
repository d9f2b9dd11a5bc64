// The source is layered, and every import points down: a module may import its own layer
// or any layer below it, never one above. The order is docs/contributing.md's ("The code"); this
// test reads every import of src/ (static, dynamic and type-only alike: a type import
// ties the layers together as much as a value does) and names each one that points up.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, normalize, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Bottom to top. A path is in the first layer whose prefix it starts with. */
export const LAYERS = [
  ['platform', 'platform/'], // storage, dom, yielding, guarded define: the browser, wrapped
  ['core', 'core/'], // products, prices, safe URLs, feeds, cart lines, events, warnings
  ['adapters', 'adapters/'], // cart back ends, and the one place that picks one
  ['store', 'store/'], // the cart, the shows, the page's options
  ['i18n', 'i18n/'], // strings per language (the page's locale is an option)
  ['actions', 'actions/'], // buy, checkout, open a link, analytics
  ['media', 'media/'], // hls.js, PiP, media session, product cues and schedules
  ['controllers', 'controllers/'], // what elements share: their show, strings, errors
  ['elements', 'elements/'], // one folder per element
  ['define', 'define/'], // one side-effect file per tag
  ['entries', ''], // index.ts, show-console.ts, show-chat.ts, store-entry.ts, global.ts, react/: what package.json exports
];

export const layerOf = (path) => LAYERS.findIndex(([, prefix]) => path.startsWith(prefix));

const IMPORT = /(?:^|[^.\w])(?:import|export)\s*(?:type\s+)?(?:[\w*{}\s,$]+from\s*)?\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every relative import of a source text, static or dynamic. */
export function importsOf(text) {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(IMPORT)].map((m) => m[1]);
}

/** `from → to` for each import in `files` ({ path: text }, paths relative to src/) that points up. */
export function upwardImports(files) {
  const found = [];
  for (const [path, text] of Object.entries(files)) {
    for (const spec of importsOf(text)) {
      const target = normalize(join(dirname(path), spec)).replace(/\.js$/, '.ts');
      if (target.startsWith('..')) continue;
      if (layerOf(target) > layerOf(path)) found.push(`${path} → ${target} (${LAYERS[layerOf(path)][0]} imports ${LAYERS[layerOf(target)][0]})`);
    }
  }
  return found;
}

async function sources(dir = SRC) {
  const files = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const full = join(entry.parentPath ?? entry.path, entry.name);
    files[relative(SRC, full)] = await readFile(full, 'utf8');
  }
  return files;
}

test('every import in src/ points to its own layer or one below', async () => {
  const files = await sources();
  assert.ok(Object.keys(files).length > 50, 'reads the whole source');
  assert.deepEqual(upwardImports(files), []);
});

test('the check sees an import that points up, static, dynamic or type-only', () => {
  const files = {
    'core/price.ts': "import { getShow } from '../store/show.js';",
    'store/cart.ts': "const queue = () => import('../actions/buy.js');",
    'platform/dom.ts': "import type { Product } from '../core/product.js';",
    'elements/x/x.ts': "import { emit } from '../../core/events.js';\nimport './x.styles.js';",
    'media/pip.ts': "// import { x } from '../elements/x/x.js';\nexport {};",
  };
  assert.deepEqual(upwardImports(files), [
    'core/price.ts → store/show.ts (core imports store)',
    'store/cart.ts → actions/buy.ts (store imports actions)',
    'platform/dom.ts → core/product.ts (platform imports core)',
  ]);
});

test('every source file is in a layer, and each layer has files', async () => {
  const files = Object.keys(await sources());
  for (const [name, prefix] of LAYERS.slice(0, -1)) {
    assert.ok(files.some((f) => f.startsWith(prefix)), `layer ${name} has files`);
  }
  const entries = files.filter((f) => layerOf(f) === LAYERS.length - 1);
  // react/: `livecart/react` (its browser and server modules).
  assert.deepEqual(entries.filter((f) => !f.startsWith('react/')).sort(), ['global.ts', 'hls-light.d.ts', 'index.ts', 'show-chat.ts', 'show-console.ts', 'store-entry.ts']);
  assert.ok(entries.includes('react/index.ts'));
});
