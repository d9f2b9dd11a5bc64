// `npm start` serves the repository's dist/ beside the demo, as a retailer's CDN would: the
// configurator's snippet loads dist/livecart.js. Run before vite, this builds dist/ when it
// is missing or older than a source file, so the snippet never points at nothing (it was
// the demo's HTML after a fresh `npm install` + `npm start`: a blank retailer page).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The newest modification time of any file under `dir`. */
function newest(dir) {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

/** Whether `built` (dist/livecart.js) is missing, or older than something under `sources`. */
export function isStale(built, sources) {
  return !existsSync(built) || statSync(built).mtimeMs < newest(sources);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (isStale(join(root, 'dist/livecart.js'), join(root, 'src'))) {
    console.log('livecart: building dist/ first, for the configurator’s snippet (npm run build)…');
    execSync('npm run build', { cwd: root, stdio: 'inherit' });
  }
}
