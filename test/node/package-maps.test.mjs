// The package ships source maps (vite's and tsc's): each must resolve inside the package,
// or a debugger and an auditor meet dangling references to files that are not there.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('every source a shipped source map names is shipped, or embedded in the map', async () => {
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }));
  const shipped = new Set(pack.files.map((f) => normalize(f.path)));
  const maps = [...shipped].filter((f) => f.endsWith('.map'));
  assert.ok(maps.length > 0, 'the package has source maps (run npm run build first)');
  const missing = [];
  for (const map of maps) {
    const { sources, sourcesContent = [] } = JSON.parse(await readFile(join(root, map), 'utf8'));
    sources.forEach((source, i) => {
      if (typeof sourcesContent[i] === 'string') return;
      const path = normalize(join(dirname(map), source));
      if (!shipped.has(path)) missing.push(`${map} → ${path}`);
    });
  }
  assert.deepEqual(missing.slice(0, 5), []);
});
