// `npm start` builds dist/ when it would serve none, or an old one (scripts/ensure-dist.mjs):
// the configurator's snippet loads dist/livecart.js (issue 19: after `npm install` and
// `npm start` it was the demo's HTML, and the retailer page stayed blank).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isStale } from '../../scripts/ensure-dist.mjs';

test('npm start runs the build first', () => {
  const scripts = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url))).scripts;
  assert.match(scripts.start, /^node scripts\/ensure-dist\.mjs && vite$/);
});

test('dist/ is built when missing, or older than a source file, and not otherwise', () => {
  const root = mkdtempSync(join(tmpdir(), 'livecart-dist-'));
  const built = join(root, 'dist', 'livecart.js');
  const source = join(root, 'src', 'elements', 'x.ts');
  mkdirSync(join(root, 'src', 'elements'), { recursive: true });
  writeFileSync(source, '');
  assert.equal(isStale(built, join(root, 'src')), true, 'missing');
  mkdirSync(join(root, 'dist'));
  writeFileSync(built, '');
  utimesSync(source, new Date(1000), new Date(1000));
  utimesSync(built, new Date(2000), new Date(2000));
  assert.equal(isStale(built, join(root, 'src')), false, 'newer than its sources');
  utimesSync(source, new Date(3000), new Date(3000));
  assert.equal(isStale(built, join(root, 'src')), true, 'a source changed since');
});
