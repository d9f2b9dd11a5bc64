// React for the test pages: react and react-dom are CommonJS, which the test runner serves
// as is, so this plugin answers their imports (`react`, `react-dom`, `react-dom/client`,
// `react-dom/server`, the browser builds) with ES modules bundled by esbuild on first use,
// sharing one copy of React through a common chunk. Tests import React as an app does.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../', import.meta.url));
const PREFIX = '/__react-esm/';
/** Specifier → the module its browser build is. */
const MODULES = {
  react: 'react',
  'react-dom': 'react-dom',
  'react-dom/client': 'react-dom/client',
  'react-dom/server': 'react-dom/server.browser',
};

/**
 * An ES module entry re-exporting a CommonJS module's names. They are read in a child
 * process: React's scheduler, once loaded, keeps a process alive (its MessageChannel).
 */
async function entry(path) {
  const script = `process.stdout.write(JSON.stringify(Object.keys(require(${JSON.stringify(path)})))); process.exit(0);`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: root });
  const names = JSON.parse(stdout).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
  return `export { ${names.join(', ')} } from '${path}';\nimport all from '${path}';\nexport default all;\n`;
}

async function bundle() {
  const esbuild = await import('esbuild');
  const entries = Object.fromEntries(await Promise.all(Object.entries(MODULES).map(async ([name, path]) => [name, await entry(path)])));
  const result = await esbuild.build({
    entryPoints: Object.keys(MODULES).map((name) => ({ in: `entry:${name}`, out: name })),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    outdir: '/out',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
    plugins: [
      {
        name: 'entries',
        setup(build) {
          build.onResolve({ filter: /^entry:/ }, (args) => ({ path: args.path.slice('entry:'.length), namespace: 'entry' }));
          build.onLoad({ filter: /.*/, namespace: 'entry' }, (args) => ({ contents: entries[args.path], resolveDir: root, loader: 'js' }));
        },
      },
    ],
  });
  // Never esbuild.stop(): the service is the one @web/dev-server-esbuild transforms with.
  return new Map(result.outputFiles.map((file) => [file.path.slice('/out/'.length), file.text]));
}

/** The dev-server plugin. */
export function reactEsm() {
  let built;
  return {
    name: 'react-esm',
    resolveImport({ source }) {
      if (!Object.hasOwn(MODULES, source)) return;
      // Bundled from the first import on (in the background: the server keeps serving).
      if (!built) (built = bundle()).catch(() => {}); // a failure is answered by serve()
      return `${PREFIX}${source}.js`;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return;
      const files = await (built ??= bundle());
      const body = files.get(context.path.slice(PREFIX.length));
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}
