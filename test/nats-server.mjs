// A real nats-server for the NATS tests (Debian's `nats-server`, WebSocket and JetStream
// built in), never a mock: started on free ports with a generated configuration
// (demo/channel/nats-config.mjs: the viewer and publisher users, JetStream in a temporary
// directory) at the first request under /test/nats/, so runs that do not test NATS never
// start it; stopped with the test server. The test pages reach it through these routes:
//
//   GET  /test/nats/config      `{ "ws": "ws://127.0.0.1:<port>", "viewer": { user, pass } }`
//   POST /test/nats/<action>    JSON `{ "show", ... }`: the reference bridge's feature,
//                               chat, hide, pin, react (`times`), watching, raw (subject, data)
//   GET  /test/nats/connz       nats-server's monitoring list of open connections
//   POST /test/nats/server      JSON `{ "state": "down" }` stops nats-server; `{ "state": "up",
//                               "websocket"?: false }` starts it again (same ports and store)
//   POST /test/nats/endpoint/<instance>/<show>/chat|moderate
//                               the reference endpoint's routes (hub.mjs's, token and all),
//                               served by one of several instances (`a`, `b`: KV moderation)
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { converse } from '../demo/channel/hub.mjs';
import { natsBridge } from '../demo/channel/nats-bridge.mjs';
import { natsServerConfig } from '../demo/channel/nats-config.mjs';

const binary = process.env.NATS_SERVER_PATH ?? '/usr/sbin/nats-server';
const VIEWER = { user: 'viewer', pass: 'viewer' };
const PUBLISHER = { user: 'publisher', pass: 'test-publisher-secret' };

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Resolves once `url` answers (the monitoring port is the last to open), or rejects after `ms`. */
async function answering(url, ms, exited) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (exited()) throw new Error(`${binary} exited at start`);
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${binary} did not answer ${url} within ${ms} ms`);
}

/**
 * Starts nats-server and the bridge: `{ ws, servers, monitor, bridge, endpoint(name), down(),
 * up({ websocket }), stop() }`. `endpoint(name)` is one more instance of the reference endpoint
 * (its own connection, made once per name). `down()` stops the server and `up()` starts it
 * again on the same ports and JetStream directory, resolving once the bridges are back;
 * `websocket: false` leaves viewers out (the endpoint can publish, no viewer can connect).
 */
export async function startNatsServer() {
  const [port, wsPort, httpPort] = [await freePort(), await freePort(), await freePort()];
  const dir = await mkdtemp(join(tmpdir(), 'livecart-nats-'));
  const conf = join(dir, 'nats.conf');
  const monitor = `http://127.0.0.1:${httpPort}`;
  let child;
  let exited = true;
  async function up({ websocket = true } = {}) {
    const config = JSON.parse(natsServerConfig({ port, wsPort, httpPort, storeDir: join(dir, 'js'), viewer: VIEWER, publisher: PUBLISHER }));
    if (!websocket) delete config.websocket;
    await writeFile(conf, JSON.stringify(config, null, 2));
    child = spawn(binary, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    exited = false;
    let log = '';
    child.stderr.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
    child.once('exit', () => (exited = true));
    child.once('error', (error) => ((exited = true), (log += `\n${error.message} (install Debian's nats-server)`)));
    try {
      await answering(`${monitor}/healthz`, 10_000, () => exited);
    } catch (error) {
      child.kill();
      throw new Error(`${error.message}\n${log}`);
    }
  }
  async function down() {
    const stopping = child;
    if (exited) return;
    const gone = new Promise((resolve) => stopping.once('exit', resolve));
    stopping.kill();
    await gone;
  }
  const servers = `nats://127.0.0.1:${port}`;
  let bridge;
  const endpoints = new Map();
  /** Starts the server again, and waits until every bridge made so far is connected again (nats.js reconnects it). */
  async function start(options) {
    await up(options);
    const names = new Set((await Promise.all([bridge, ...endpoints.values()])).map((b) => `livecart bridge ${b.instance}`));
    for (const end = Date.now() + 10_000; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) {
      const { connections = [] } = await fetch(`${monitor}/connz`).then((r) => r.json());
      if (connections.filter((c) => names.has(c.name)).length === names.size) return;
    }
    throw new Error('the bridges did not reconnect within 10 s');
  }
  await up();
  // Back within a tenth of a second of a restart, so a test's outage is the server's, not the bridge's.
  bridge = await natsBridge({ servers, ...PUBLISHER, reconnectTimeWait: 100 });
  const endpoint = (name) => {
    if (!endpoints.has(name)) endpoints.set(name, natsBridge({ servers, ...PUBLISHER, instance: name, reconnectTimeWait: 100 }));
    return endpoints.get(name);
  };
  return {
    ws: `ws://127.0.0.1:${wsPort}`,
    servers,
    monitor,
    bridge,
    endpoint,
    down,
    up: start,
    async stop() {
      await Promise.all([bridge, ...endpoints.values()].map((b) => Promise.resolve(b).then((open) => open.close()).catch(() => {})));
      await down();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const ACTIONS = {
  feature: (b, { show, product, at }) => b.feature(show, product, at),
  chat: (b, { show, message }) => b.chat(show, message),
  hide: (b, { show, id }) => b.hide(show, id),
  pin: (b, { show, id }) => b.pin(show, id),
  react: (b, { show, times = 1 }) => {
    for (let i = 0; i < times; i++) b.react(show);
  },
  watching: (b, { show, count }) => b.watching(show, count),
  raw: (b, { subject, data }) => b.raw(subject, data),
};

async function jsonBody(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return JSON.parse(body || '{}');
}

/** Koa middleware for /test/nats/; `close()` stops the server when the test server stops. */
export function natsKoaMiddleware() {
  let started;
  const middleware = async (ctx, next) => {
    const endpoint = /^\/test\/nats\/endpoint\/(\w+)\/([\w-]+)\/(chat|moderate)$/.exec(ctx.path);
    if (endpoint) {
      const [, name, show, what] = endpoint;
      const nats = await (started ??= startNatsServer());
      const conversation = await (await nats.endpoint(name)).conversation(show);
      // hub.mjs answers on the raw response, as the hub does.
      ctx.respond = false;
      return converse(what, conversation, ctx.req, ctx.res);
    }
    const m = /^\/test\/nats\/(\w+)$/.exec(ctx.path);
    if (!m) return next();
    const nats = await (started ??= startNatsServer());
    if (m[1] === 'server' && ctx.method === 'POST') {
      const { state, websocket } = await jsonBody(ctx.req);
      await (state === 'down' ? nats.down() : nats.up({ websocket }));
      ctx.body = { state };
      return;
    }
    const [, what] = m;
    if (what === 'config') {
      ctx.body = { ws: nats.ws, viewer: VIEWER };
    } else if (what === 'connz') {
      ctx.body = await (await fetch(`${nats.monitor}/connz?subs=1`)).json();
    } else if (ctx.method === 'POST' && Object.hasOwn(ACTIONS, what)) {
      try {
        await ACTIONS[what](nats.bridge, await jsonBody(ctx.req));
        ctx.body = { ok: true };
      } catch (error) {
        ctx.status = 400;
        ctx.body = { error: error.message };
      }
    } else return next();
  };
  return Object.assign(middleware, { close: async () => (await started?.catch(() => undefined))?.stop() });
}
