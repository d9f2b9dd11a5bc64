// The framework types (dist/types, written by scripts/framework-types.mjs from
// custom-elements.json) and `livecart/react` (src/react/), after `npm run build`:
// the React snippets type-check and the wrong props stay errors (test/types), and the
// components' settings and callbacks are the manifest's.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { elementsOf } from '../../scripts/framework-types.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const manifest = JSON.parse(await readFile(new URL('custom-elements.json', `file://${root}`), 'utf8'));
const elements = new Map(elementsOf(manifest).map((e) => [e.tag, e]));

test('dist/types is current with custom-elements.json', async () => {
  await run(process.execPath, ['scripts/framework-types.mjs', '--check'], { cwd: root });
});

test('the React snippets type-check with livecart/types/react and livecart/react, and wrong props do not', async () => {
  // test/types: docs/frameworks.md's React snippet (demo/examples/react-app.tsx), raw tags and the
  // components; every @ts-expect-error there must meet its error.
  const tsc = fileURLToPath(new URL('node_modules/typescript/bin/tsc', `file://${root}`));
  const result = await run(process.execPath, [tsc, '-p', 'test/types/tsconfig.json'], { cwd: root }).catch((error) => error);
  assert.equal(result.code ?? 0, 0, `${result.stdout}${result.stderr}`);
});

test("livecart/react's modules keep their 'use client' directive", async () => {
  for (const file of ['dist/react/index.js', 'dist/react/index.node.js']) {
    const js = await readFile(new URL(file, `file://${root}`), 'utf8').catch(() => null);
    if (js === null && file.endsWith('.node.js')) continue; // only when there is a server build
    assert.match(js, /^'use client';\n/, file);
  }
});

test("livecart/react's components take the manifest's settings and hear the events that reach their elements", async () => {
  const dir = new URL('src/react/', `file://${root}`);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ts'));
  const source = (await Promise.all(files.map((f) => readFile(new URL(f, dir), 'utf8')))).join('\n');
  const callbacks = Object.fromEntries([...source.matchAll(/^\s+(on\w+): '(livecart-[\w-]+)',$/gm)].map((m) => [m[1], m[2]]));
  // `wrap<LiveStreamElement, LiveStreamSettings>()('live-stream', LiveStreamElement, 'LiveStream', ['onReady', ...])`
  const components = [...source.matchAll(/wrap(?:\(\w+\))?<\w+, (\w+)>\(\)\('([\w-]+)', \w+, '(\w+)', \[([^\]]*)\]\)/g)];
  assert.deepEqual(components.map((m) => m[2]).sort(), ['buy-now-button', 'cart-view', 'live-stream', 'pip-player', 'shop-carousel']);
  for (const [, settingsType, tag, name, events] of components) {
    const element = elements.get(tag);
    assert.ok(element, `<${tag}> is in custom-elements.json`);
    const settings = source.match(new RegExp(`export type ${settingsType} =([^;]+);`))[1].match(/'(\w+)'/g).map((s) => s.slice(1, -1));
    assert.deepEqual(settings.sort(), element.props.map((p) => p.name).sort(), `${name}'s settings`);
    const heard = events.match(/'(\w+)'/g).map((s) => callbacks[s.slice(1, -1)]);
    assert.deepEqual(heard.sort(), [...element.events].sort(), `${name}'s callbacks`);
  }
});
