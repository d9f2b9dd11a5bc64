// A fault-injecting server for the fault tests, on the test runner's own origin.
//
//   /faults/<faults>/channel/...   the simulated live channel (demo/channel) with faults
//   /faults/<faults>/feed.json     the demo's product feed with faults
//   /faults-control?id=<id>&down=1|0  drops (or restores) every connection of session <id>
//
// <faults> is written like a query string (`id=a1&seg500=3`) but sits in the path, so the
// relative URLs inside playlists keep it. It picks:
//   id=<id>          the session: counters and the down switch are per session
//   manifest=<code>  the multivariant playlist answers <code>
//   seg500=<n>       every n-th segment request answers 500
//   stall=<n>        the n-th segment request waits `stallms` (default 20000) before answering
//   freeze=<ms>      the live playlists stop moving <ms> after the session's first request
//                    (the encoder died: no new segments, and no EXT-X-ENDLIST either)
//   feed=500|garbage|slow
//   feed=never       the feed never answers (no headers, no body)
//   feed=trickle     the feed answers 200, then sends a byte every 200 ms, forever
//   feed=endless     the feed answers 200, then 64 kB chunks of JSON-ish padding, forever
//   feed=big&items=<n>&mb=<m>  a valid native feed of n items, padded to about m MB
//   hang=<n>         the first n requests of the multivariant playlist never answer
//   trickle=<n>      the first n requests of the multivariant playlist trickle forever
import { readFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { channelResponse } from '../demo/channel/live-channel.mjs';

const FEED = fileURLToPath(new URL('../demo/public/products.json', import.meta.url));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Per session: segment and playlist request counts, whether the server is "down", first request time. */
const sessions = new Map();
const session = (id) => {
  if (!sessions.has(id)) sessions.set(id, { segments: 0, manifests: 0, down: false, started: Date.now() });
  return sessions.get(id);
};

/** Resolves when the client goes away: an answer that never comes holds nothing after that. */
const clientGone = (ctx) => new Promise((resolve) => ctx.req.socket.once('close', resolve));

/** A body that sends `chunk` every `ms` until the client goes. */
function endlessBody(ctx, chunk, ms) {
  const body = new PassThrough();
  const timer = setInterval(() => body.write(chunk), ms);
  ctx.req.socket.once('close', () => {
    clearInterval(timer);
    body.destroy();
  });
  return body;
}

/** The never-ending answers: none at all, a trickle, or a flood. */
async function endless(ctx, kind, type) {
  if (kind === 'never') {
    await clientGone(ctx);
    ctx.respond = false;
    return true;
  }
  const [chunk, ms] = kind === 'trickle' ? ['#', 200] : [' '.repeat(65_536), 1];
  ctx.status = 200;
  ctx.type = type;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = endlessBody(ctx, chunk, ms);
  return true;
}

/** Big feeds, made once per shape: ids `big-0`…, descriptions padded to the size asked. */
const bigFeeds = new Map();
function bigFeed(items, mb) {
  const key = `${items}/${mb}`;
  if (!bigFeeds.has(key)) {
    const pad = Math.max(0, Math.round((mb * 2 ** 20) / items) - 190);
    const description = 'Warm, light and packable. '.repeat(Math.ceil(pad / 26)).slice(0, pad);
    const products = Array.from({ length: items }, (_, i) => ({
      id: `big-${i}`,
      title: `Product ${i} "quoted" \\ and \u00e9`,
      description,
      link: `https://shop.example/p/${i}`,
      image_link: `https://shop.example/img/${i}.jpg`,
      price: `${(i % 500) + 1}.00 EUR`,
      availability: 'in_stock',
    }));
    bigFeeds.set(key, Buffer.from(JSON.stringify({ title: 'A big catalog', products })));
  }
  return bigFeeds.get(key);
}

async function feedResponse(kind, faults) {
  const json = { status: 200, type: 'application/json' };
  if (kind === 'big') return { ...json, body: bigFeed(Number(faults.get('items')), Number(faults.get('mb'))) };
  if (kind === '500') return { status: 500, type: 'text/plain', body: 'internal error' };
  if (kind === 'garbage') return { ...json, body: '{"products": [ {"id": "x", "title": <<<\u0000' };
  if (kind === 'slow') return (await sleep(4000), { ...json, body: await readFile(FEED) });
  return { ...json, body: await readFile(FEED) };
}

/** Koa-style middleware for @web/test-runner. */
export function faultKoaMiddleware(epoch = Date.now()) {
  return async (ctx, next) => {
    if (ctx.path === '/faults-control') {
      session(ctx.query.id).down = ctx.query.down === '1';
      ctx.body = 'ok';
      return;
    }
    const m = /^\/faults\/([^/]+)\/(.+)$/.exec(ctx.path);
    if (!m) return next();
    const faults = new URLSearchParams(decodeURIComponent(m[1]));
    const state = session(faults.get('id') ?? 'default');
    const rest = m[2];
    if (state.down) {
      // Not an HTTP error: the connection itself goes, as when a server or link drops.
      ctx.respond = false;
      ctx.req.socket.destroy();
      return;
    }
    let answer;
    if (rest === 'feed.json' && ['never', 'trickle', 'endless'].includes(faults.get('feed'))) {
      if (await endless(ctx, faults.get('feed'), 'application/json')) return;
    }
    if (rest === 'channel/live.m3u8' && (faults.has('hang') || faults.has('trickle'))) {
      const n = ++state.manifests;
      if (n <= Number(faults.get('hang') ?? 0)) return void (await endless(ctx, 'never'));
      if (n <= Number(faults.get('trickle') ?? 0)) return void (await endless(ctx, 'trickle', 'application/vnd.apple.mpegurl'));
    }
    if (rest === 'feed.json') {
      answer = await feedResponse(faults.get('feed'), faults);
    } else if (rest === 'channel/live.m3u8' && faults.has('manifest')) {
      answer = { status: Number(faults.get('manifest')), type: 'text/plain', body: 'no such stream' };
    } else if (/\.ts$/.test(rest)) {
      const n = ++state.segments;
      if (faults.has('seg500') && n % Number(faults.get('seg500')) === 0) {
        answer = { status: 500, type: 'text/plain', body: 'segment failed' };
      } else {
        if (Number(faults.get('stall')) === n) await sleep(Number(faults.get('stallms') ?? 20_000));
        answer = await channelResponse(`/${rest}`, { epoch });
      }
    } else {
      const freeze = faults.has('freeze') ? state.started + Number(faults.get('freeze')) : Infinity;
      answer = await channelResponse(`/${rest}`, { epoch, now: Math.min(Date.now(), freeze) });
    }
    if (!answer) return next();
    ctx.status = answer.status;
    ctx.type = answer.type;
    ctx.set('Cache-Control', 'no-store');
    // The test runner would mark paths with an extension as cacheable for a year; faults
    // must reach the browser on every request.
    const set = ctx.response.set.bind(ctx.response);
    ctx.response.set = (field, value) => (/^cache-control$/i.test(field) ? undefined : set(field, value));
    ctx.body = answer.body;
  };
}
