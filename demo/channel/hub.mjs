// The demo's SSE hub: what a producer's <show-console> publishes to and what viewers'
// <live-stream schedule> reads, as a fixture of the dev server beside the simulated live
// channel (served by vite.config.ts and by web-test-runner.config.mjs):
//
//   POST /hub/publish   JSON `{ "product": "sku-3", "at": "<ISO time>" }` (product null clears),
//                       or a Mercure update: a form with one `topic` and `data` (that JSON),
//                       `Authorization: Bearer demo-publisher-token`. Answers the event's id.
//   GET  /hub/events    text/event-stream: `id: <n>` and `data: {"product","at"}` per event,
//                       every kept event first (or those after `Last-Event-ID`), then new ones
//                       as they come; a comment line as heartbeat.
//
//   POST /hub/chat      a viewer's post, and POST /hub/moderate the producer's moderation:
//                       the show's conversation (chat.mjs), on the same event stream as
//                       `event: chat | hide | pin | reaction | viewers` events.
//
// `/hub/<name>/publish` and `/hub/<name>/events` are hubs of their own (tests use one each).
// Memory is bounded: each hub keeps its last MAX_EVENTS events, at most MAX_HUBS hubs live,
// and at most MAX_CLIENTS streams are open per hub.
//
// `createHubs({ scripted: true })` adds what tests script, as a faulty hub or network would
// behave (test/web-test-runner.config.mjs turns it on; the demo's dev server does not):
//
//   POST /hub/<name>/raw    the body, unchecked, as one event's data (a malformed update);
//                           answers `{ "id": "<n>" }`
//   POST /hub/<name>/drop   cuts every open stream, as a dropped connection does
//   GET  /hub/<name>/stats  `{ "subscribers": <open streams>, "lastEventIds": [...], "open": [<Accept of each>] }`: the
//                           Last-Event-ID each subscription came with ('' for none), in order

import { Conversation } from './chat.mjs';

/** The publisher token the demo's Mercure form shape wants (a real hub checks a JWT). */
export const HUB_TOKEN = 'demo-publisher-token';
const MAX_EVENTS = 200;
const MAX_HUBS = 50;
const MAX_CLIENTS = 100;
const MAX_BODY = 16 * 1024;

/** One hub's events and open streams. */
class Hub {
  events = [];
  clients = new Set();
  lastId = 0;
  /** What each subscription asked to resume after; kept only for a scripted hub. */
  lastEventIds = undefined;
  /** The show's conversation (chat.mjs): its events go to every open stream, not into `events`. */
  conversation = new Conversation((type, data) => this.sendTyped(type, data));

  /** A conversation event to every open stream, with no id: Last-Event-ID stays the products'. */
  sendTyped(type, data) {
    const text = typedFrame(type, data);
    for (const res of this.clients) res.write(text);
  }

  publish(product, at) {
    return this.send(JSON.stringify({ product, at }));
  }

  /** Sends `data` (one event's text, as it is) to every open stream, and keeps it. */
  send(data) {
    const event = { id: ++this.lastId, data };
    this.events.push(event);
    if (this.events.length > MAX_EVENTS) this.events.shift();
    for (const res of this.clients) res.write(frame(event));
    return event;
  }

  /** Streams events after `lastEventId` (all kept ones without it), then each new one. */
  subscribe(res, lastEventId) {
    if (this.clients.size >= MAX_CLIENTS) return false;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'Access-Control-Allow-Origin': '*',
    });
    // Reconnect quickly: the dev server restarts, a laptop wakes up.
    res.write('retry: 1000\n\n');
    this.lastEventIds?.push(lastEventId ?? '');
    const after = Number(lastEventId);
    for (const event of this.events) if (!(event.id <= after)) res.write(frame(event));
    // The conversation so far, to a late joiner and to a viewer coming back alike (it drops repeats by id).
    for (const [type, data] of this.conversation.history()) res.write(typedFrame(type, data));
    this.clients.add(res);
    // Gone when either side says so (the request's close comes first when a client hangs up).
    const gone = () => this.clients.delete(res);
    res.on('close', gone);
    res.req?.on('close', gone);
    return true;
  }

  heartbeat() {
    for (const res of this.clients) res.write(': heartbeat\n\n');
  }

  close() {
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  /** Cuts every open stream without ending it, as a dropped connection does. */
  drop() {
    for (const res of this.clients) res.destroy();
    this.clients.clear();
  }
}

/** An event as text/event-stream frames it: each line of its data a `data:` field. */
const frame = ({ id, data }) => `id: ${id}\n${data.split('\n').map((line) => `data: ${line}`).join('\n')}\n\n`;

/** A conversation event: its type, then its JSON data on one line. */
const typedFrame = (type, data) => `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;

/** A valid entry, or a reason why not. */
function entry(value) {
  if (!value || typeof value !== 'object') return 'the update is not a JSON object';
  const { product, at } = value;
  if (product !== null && (typeof product !== 'string' || !product.trim())) return '"product" must be an id or null';
  if (typeof at !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(at) || Number.isNaN(Date.parse(at))) return '"at" must be an ISO date-time';
  return { product, at };
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > MAX_BODY) reject(Object.assign(new Error('the update is too large'), { status: 413 }));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

/** The update a publish request carries, by its content type; throws with `status` when it is not one. */
async function update(req) {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const body = await readBody(req);
  const fail = (status, message) => Object.assign(new Error(message), { status });
  let value;
  if (type === 'application/x-www-form-urlencoded') {
    // Mercure: a bearer token, exactly one topic, the update as `data`.
    if (req.headers.authorization !== `Bearer ${HUB_TOKEN}`) throw fail(401, 'a valid bearer token is needed');
    const form = new URLSearchParams(body);
    if (form.getAll('topic').length !== 1) throw fail(400, 'exactly one topic is needed');
    try {
      value = JSON.parse(form.get('data') ?? '');
    } catch {
      throw fail(400, '"data" is not JSON');
    }
  } else if (type === 'application/json') {
    try {
      value = JSON.parse(body);
    } catch {
      throw fail(400, 'the body is not JSON');
    }
  } else {
    throw fail(415, 'send application/json or a Mercure form');
  }
  const checked = entry(value);
  if (typeof checked === 'string') throw fail(400, checked);
  return checked;
}

/**
 * The conversation's two routes (chat.mjs): a viewer's post, from any origin (a retailer's
 * page; JSON asks for a CORS preflight), and the producer's moderation, with the token.
 */
export async function converse(what, conversation, req, res) {
  const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Retry-After' };
  const json = (status, value, headers = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...cors, ...headers });
    res.end(JSON.stringify(value));
  };
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { ...cors, 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'Content-Type, Authorization' });
    return res.end();
  }
  if (req.method !== 'POST') return json(405, { error: `POST to ${what}` });
  if (what === 'moderate' && req.headers.authorization !== `Bearer ${HUB_TOKEN}`) return json(401, { error: 'a valid bearer token is needed' }, { 'WWW-Authenticate': 'Bearer' });
  try {
    let body;
    try {
      body = JSON.parse(await readBody(req));
    } catch (error) {
      throw error.status ? error : Object.assign(new Error('the body is not JSON'), { status: 400 });
    }
    if (what === 'moderate') return json(200, await conversation.moderate(body));
    const answer = conversation.post(body);
    // Published (NATS: kept by JetStream) before it is taken: a failed publish is the viewer's to retry, not lost.
    await conversation.published.get(answer);
    json(202, answer.id ? { id: answer.id } : answer);
  } catch (error) {
    json(error.status ?? 500, { error: error.message }, error.headers);
  }
}

/** A scripted hub's routes (raw, drop, stats: see the top of this file). */
async function script(what, hub, req, res) {
  const json = (status, value) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  if (what === 'stats') {
    // Who holds each open stream (a fetch asks for JSON too; an EventSource for events only).
    const open = [...hub.clients].map((client) => client.req?.headers.accept ?? '');
    return json(200, { subscribers: hub.clients.size, lastEventIds: hub.lastEventIds, open });
  }
  if (req.method !== 'POST') return json(405, { error: `POST to ${what}` });
  if (what === 'drop') {
    hub.drop();
    return json(200, { dropped: true });
  }
  const data = await readBody(req);
  json(200, { id: String(hub.send(data).id) });
}

/**
 * The hubs of one server. `handle(req, res)` answers a Node request under /hub/ and returns
 * true, or returns false when the path is not ours; `close()` ends every stream (call it
 * when the server stops: an open stream would keep it from closing).
 */
export function createHubs({ heartbeatMs = 15_000, scripted = false } = {}) {
  const hubs = new Map();
  const hub = (name) => {
    let found = hubs.get(name);
    if (!found) {
      hubs.set(name, (found = new Hub()));
      if (scripted) found.lastEventIds = [];
      // The oldest hub goes first.
      if (hubs.size > MAX_HUBS) {
        const [oldest, old] = hubs.entries().next().value;
        old.close();
        hubs.delete(oldest);
      }
    }
    return found;
  };
  const heartbeat = setInterval(() => hubs.forEach((h) => h.heartbeat()), heartbeatMs);
  heartbeat.unref?.();
  // The conversation's counts, aggregated: one event a second at most per hub, whatever the viewers do.
  const counts = setInterval(() => hubs.forEach((h) => h.conversation.tick(h.clients.size)), 1000);
  counts.unref?.();

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://hub');
    const m = /^\/hub\/(?:([\w-]{1,64})\/)?(publish|events|chat|moderate|raw|drop|stats)$/.exec(url.pathname);
    if (!m || (!scripted && !['publish', 'events', 'chat', 'moderate'].includes(m[2]))) return false;
    const [, name = 'default', what] = m;
    const plain = (status, text) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...(status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {}) });
      res.end(text);
    };
    if (what === 'raw' || what === 'drop' || what === 'stats') {
      await script(what, hub(name), req, res).catch((error) => plain(error.status ?? 500, error.message));
      return true;
    }
    if (what === 'chat' || what === 'moderate') {
      await converse(what, hub(name).conversation, req, res);
      return true;
    }
    if (what === 'events') {
      if (req.method !== 'GET') return plain(405, 'GET the events'), true;
      const lastEventId = req.headers['last-event-id'] ?? url.searchParams.get('lastEventID') ?? undefined;
      if (!hub(name).subscribe(res, lastEventId)) plain(503, 'too many listeners');
      return true;
    }
    if (req.method !== 'POST') return plain(405, 'POST an update'), true;
    try {
      const { product, at } = await update(req);
      plain(200, String(hub(name).publish(product, at).id));
    } catch (error) {
      plain(error.status ?? 500, error.message);
    }
    return true;
  }

  function close() {
    clearInterval(heartbeat);
    clearInterval(counts);
    hubs.forEach((h) => h.close());
  }

  /**
   * One show's conversation and how many streams are open on it, for what runs beside the
   * hub in the same server (the dev server's scripted viewers, scripted-viewers.mjs). Looked
   * up anew each time: a hub evicted past MAX_HUBS comes back as a new one.
   */
  const show = (name = 'default') => ({ conversation: hub(name).conversation, watching: hub(name).clients.size });

  return { handle, close, show };
}

/** Connect-style middleware (vite); `close()` on the server's close. */
export function hubMiddleware(hubs = createHubs()) {
  const middleware = (req, res, next) =>
    void hubs.handle(req, res).then((handled) => handled || next(), next);
  return Object.assign(middleware, { close: hubs.close, show: hubs.show });
}

/** Koa-style middleware (@web/test-runner); `close()` on the server's stop. */
export function hubKoaMiddleware(hubs = createHubs()) {
  const middleware = async (ctx, next) => {
    if (!/^\/hub\//.test(ctx.path)) return next();
    // The stream outlives this request's middleware chain: answer on the raw response.
    ctx.respond = false;
    if (!(await hubs.handle(ctx.req, ctx.res))) {
      ctx.respond = true;
      return next();
    }
  };
  return Object.assign(middleware, { close: hubs.close });
}
