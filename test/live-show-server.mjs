// Test-only fixtures for live schedules and busy playlists, on the test runner's origin:
//
//   /show-schedule/<name>.json        a JSON schedule with an ETag (304 on If-None-Match)
//   /show-schedule-control?name=<n>&body=<json>  replaces it; &status=<code> makes it answer
//                                     that; without either: { reads, notModified }
//   /schedule-burst/<n>.events        an event stream that sends <n> future-dated schedule
//                                     events in one write, then one in effect now
//                                     (product "burst-end"), and stays open
//   /schedule-alternating/<n>.events  an event stream of <n> events in effect now, alternating
//                                     between two products, about one a millisecond
//   /schedule-bad/<n>.events          the same pace, each event not JSON
//   /schedule-storm/<name>.events     an event stream that says `retry: 0` and closes at once,
//                                     as a broken hub would; /schedule-storm/<name>.count says
//                                     how many connections it took
//   /schedule-hostile/never.json      a JSON schedule that never answers
//   /schedule-hostile/<n>mb.json      a JSON schedule of <n> MB (a valid array), streamed
//   /many-dateranges/<n>.tags/channel/...  the simulated live channel whose media playlists
//                                     carry <n> extra EXT-X-DATERANGE tags (X-PRODUCT-ID,
//                                     dated before the window), as a long live show
//                                     accumulates (the dot keeps the channel's own
//                                     middleware, which takes any /<word>/channel/, off it)
//   POST /payment-provider            a payment provider's answer to a form: a page that
//                                     lists the fields it was sent (continuity tests)
//
// Schedules over Server-Sent Events come from the demo's hub (demo/channel/hub.mjs), which
// the test runner mounts scripted: tests publish raw events, drop streams, read its stats.
import { channelResponse } from '../demo/channel/live-channel.mjs';

// The hostile routes below answer with `Connection: close`: a client that gives up on one
// (as livecart must) drops its connection instead of keeping it, or draining 150 MB, for
// reuse: a WebKit CI run timed out a later test's request behind them (suspected, not proven).

const schedules = new Map();
/** Connections each `retry: 0` hub took, by name. */
const storms = new Map();
const schedule = (name) => {
  if (!schedules.has(name)) schedules.set(name, { body: '[]', version: 0, reads: 0, notModified: 0, status: 200 });
  return schedules.get(name);
};

function withManyDateRanges(playlist, count) {
  const lines = playlist.split('\n');
  const first = lines.findIndex((line) => line.startsWith('#EXT-X-PROGRAM-DATE-TIME:'));
  if (first === -1) return playlist;
  const start = Date.parse(lines[first].slice('#EXT-X-PROGRAM-DATE-TIME:'.length));
  const extra = [];
  // One second each, ending where the window starts: history the player never plays.
  for (let i = count; i > 0; i--) {
    const date = new Date(start - i * 1000).toISOString();
    extra.push(`#EXT-X-DATERANGE:ID="past-${i}",CLASS="com.livecart.product",START-DATE="${date}",DURATION=1.000,X-PRODUCT-ID="past-product"`);
  }
  lines.splice(first, 0, ...extra);
  return lines.join('\n');
}

/** Koa-style middleware for @web/test-runner. */
export function liveShowKoaMiddleware() {
  return async (ctx, next) => {
    if (ctx.path === '/payment-provider' && ctx.method === 'POST') {
      let body = '';
      for await (const chunk of ctx.req) body += chunk;
      const fields = [...new URLSearchParams(body)].map(([k, v]) => `<li>${k}=${v.replace(/[<&]/g, '')}</li>`).join('');
      ctx.type = 'html';
      ctx.body = `<!doctype html><title>Payment</title><h1>Payment received</h1><ul id="posted">${fields}</ul>`;
      return;
    }
    if (ctx.path === '/show-schedule-control') {
      const s = schedule(ctx.query.name);
      if (ctx.query.body !== undefined) {
        s.body = ctx.query.body;
        s.version++;
      }
      if (ctx.query.status) s.status = Number(ctx.query.status);
      ctx.body = { reads: s.reads, notModified: s.notModified };
      return;
    }
    const file = /^\/show-schedule\/([\w-]+)\.json$/.exec(ctx.path);
    if (file) {
      const s = schedule(file[1]);
      s.reads++;
      if (s.status !== 200) {
        ctx.status = s.status;
        ctx.body = 'unavailable';
        return;
      }
      const etag = `"v${s.version}"`;
      ctx.set('ETag', etag);
      ctx.set('Cache-Control', 'no-cache');
      if (ctx.get('If-None-Match') === etag) {
        s.notModified++;
        ctx.status = 304;
        return;
      }
      ctx.type = 'application/json';
      ctx.body = s.body;
      return;
    }
    const burst = /^\/schedule-burst\/(\d+)\.events$/.exec(ctx.path);
    if (burst) {
      // The stream outlives this request's middleware chain: answer on the raw response.
      ctx.respond = false;
      ctx.res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'close' });
      const hour = Date.now() + 3_600_000;
      const events = Array.from({ length: Number(burst[1]) }, (_, i) =>
        `data: ${JSON.stringify({ product: `future-${i % 50}`, at: new Date(hour + i * 1000).toISOString() })}\n\n`);
      events.push(`data: ${JSON.stringify({ product: 'burst-end', at: new Date(Date.now() - 1000).toISOString() })}\n\n`);
      ctx.res.write(events.join(''));
      await new Promise((resolve) => ctx.req.on('close', resolve));
      return;
    }
    const alternating = /^\/schedule-(alternating|bad)\/(\d+)\.events$/.exec(ctx.path);
    if (alternating) {
      const bad = alternating[1] === 'bad';
      ctx.respond = false;
      ctx.res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'close' });
      let closed = false;
      ctx.req.on('close', () => (closed = true));
      for (let i = 0; i < Number(alternating[2]) && !closed; i++) {
        const entry = { product: i % 2 ? 'ember-mug' : 'glow-lantern', at: new Date().toISOString() };
        ctx.res.write(`data: ${bad ? `not JSON ${i}` : JSON.stringify(entry)}\n\n`);
        if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await new Promise((resolve) => (closed ? resolve() : ctx.req.on('close', resolve)));
      return;
    }
    const storm = /^\/schedule-storm\/([\w-]+)\.(events|count)$/.exec(ctx.path);
    if (storm) {
      const count = (storms.get(storm[1]) ?? 0) + (storm[2] === 'events' ? 1 : 0);
      storms.set(storm[1], count);
      if (storm[2] === 'count') return void (ctx.body = { connections: count });
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Connection', 'close');
      ctx.type = 'text/event-stream';
      ctx.body = 'retry: 0\n\n';
      return;
    }
    const hostile = /^\/schedule-hostile\/(never|(\d+)mb)\.json$/.exec(ctx.path);
    if (hostile) {
      ctx.respond = false;
      ctx.res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', Connection: 'close' });
      if (hostile[1] === 'never') return void (await new Promise((resolve) => ctx.req.on('close', resolve)));
      // Valid entries, far in the future, until <n> MB; written as the client reads.
      const entry = `{"product":"p","at":"2099-01-01T00:00:00Z"},`;
      const chunk = entry.repeat(Math.floor(65536 / entry.length));
      let left = Number(hostile[2]) * 2 ** 20;
      let closed = false;
      ctx.req.on('close', () => (closed = true));
      ctx.res.write('[');
      while (left > 0 && !closed) {
        if (!ctx.res.write(chunk)) await new Promise((resolve) => (ctx.res.once('drain', resolve), ctx.req.once('close', resolve)));
        left -= chunk.length;
      }
      ctx.res.end('{"product":"p","at":0}]');
      return;
    }
    const many = /^\/many-dateranges\/(\d+)\.tags(\/channel\/.+)$/.exec(ctx.path);
    if (many) {
      const answer = await channelResponse(many[2], { epoch: liveShowKoaMiddleware.epoch });
      if (!answer) return next();
      ctx.status = answer.status;
      ctx.type = answer.type;
      const set = ctx.response.set.bind(ctx.response);
      ctx.set('Cache-Control', 'no-store');
      ctx.response.set = (field, value) => (/^cache-control$/i.test(field) ? undefined : set(field, value));
      const media = /\/(live|replay)\/\w+\.m3u8$/.test(many[2]);
      ctx.body = media ? withManyDateRanges(String(answer.body), Number(many[1])) : answer.body;
      return;
    }
    return next();
  };
}
liveShowKoaMiddleware.epoch = Date.now();
