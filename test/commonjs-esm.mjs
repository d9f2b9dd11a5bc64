// CommonJS packages for the test pages, which the test runner serves as they are: a plugin
// answers their imports with ES modules bundled by esbuild on first use, sharing one copy
// of each package through common chunks. Tests import them as an app does (a bundler
// converts them for an app). React: `react`, `react-dom`, `react-dom/client`,
// `react-dom/server` (the browser builds), for test/react/; nats.js: `@nats-io/nats-core`
// and `@nats-io/jetstream`, for src/media/nats-follow.ts and its tests.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../', import.meta.url));
/** Specifier → the module its browser build is. */
const REACT = {
  react: 'react',
  'react-dom': 'react-dom',
  'react-dom/client': 'react-dom/client',
  'react-dom/server': 'react-dom/server.browser',
};
const NATS = { '@nats-io/nats-core': '@nats-io/nats-core', '@nats-io/jetstream': '@nats-io/jetstream' };

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

async function bundle(modules) {
  const esbuild = await import('esbuild');
  const entries = Object.fromEntries(await Promise.all(Object.entries(modules).map(async ([name, path]) => [name, await entry(path)])));
  const result = await esbuild.build({
    entryPoints: Object.keys(modules).map((name) => ({ in: `entry:${name}`, out: name })),
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

/** The dev-server plugin for `modules` (specifier → module), served under /__<name>/. */
function commonJsEsm(name, modules) {
  const PREFIX = `/__${name}/`;
  let built;
  return {
    name,
    resolveImport({ source }) {
      if (!Object.hasOwn(modules, source)) return;
      // Bundled from the first import on (in the background: the server keeps serving).
      if (!built) (built = bundle(modules)).catch(() => {}); // a failure is answered by serve()
      return `${PREFIX}${source}.js`;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return;
      const files = await (built ??= bundle(modules));
      const body = files.get(context.path.slice(PREFIX.length));
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}

export const reactEsm = () => commonJsEsm('react-esm', REACT);
export const natsEsm = () => commonJsEsm('nats-esm', NATS);
