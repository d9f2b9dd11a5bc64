// Test-only fixtures for live schedules and busy playlists, on the test runner's origin:
//
//   /show-hub/<topic>                 an SSE hub (Mercure-like): subscribers get each event
//                                     published to <topic>, and on reconnect (Last-Event-ID
//                                     header or ?lastEventID=) the ones they missed
//   /show-hub-control?topic=<t>&publish=<data>   publishes one event (id: <t>-<n>)
//   /show-hub-control?topic=<t>&drop=1           drops every subscriber's connection
//   /show-hub-control?topic=<t>                  { subscribers, lastEventIds } as JSON
//   /show-schedule/<name>.json        a JSON schedule with an ETag (304 on If-None-Match)
//   /show-schedule-control?name=<n>&body=<json>  replaces it; &status=<code> makes it answer
//                                     that; without either: { reads, notModified }
//   /many-dateranges/<n>.tags/channel/...  the simulated live channel whose media playlists
//                                     carry <n> extra EXT-X-DATERANGE tags (X-PRODUCT-ID,
//                                     dated before the window), as a long live show
//                                     accumulates (the dot keeps the channel's own
//                                     middleware, which takes any /<word>/channel/, off it)
//
// The demo's own hub for the producer console lives in demo/channel/ (issue 9c); this one
// only needs what tests script: publish, drop, and look at what subscribers sent.
import { channelResponse } from '../demo/channel/live-channel.mjs';

const topics = new Map();
const topic = (name) => {
  if (!topics.has(name)) topics.set(name, { events: [], subscribers: new Set(), lastEventIds: [] });
  return topics.get(name);
};
const schedules = new Map();
const schedule = (name) => {
  if (!schedules.has(name)) schedules.set(name, { body: '[]', version: 0, reads: 0, notModified: 0, status: 200 });
  return schedules.get(name);
};

const sseFrame = ({ id, data }) => `id: ${id}\n${String(data).split('\n').map((line) => `data: ${line}`).join('\n')}\n\n`;

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
    if (ctx.path === '/show-hub-control') {
      const t = topic(ctx.query.topic);
      if (ctx.query.publish !== undefined) {
        const event = { id: `${ctx.query.topic}-${t.events.length + 1}`, data: ctx.query.publish };
        t.events.push(event);
        for (const res of t.subscribers) res.write(sseFrame(event));
        ctx.body = { id: event.id };
      } else if (ctx.query.drop) {
        for (const res of t.subscribers) res.destroy();
        t.subscribers.clear();
        ctx.body = { dropped: true };
      } else {
        ctx.body = { subscribers: t.subscribers.size, lastEventIds: t.lastEventIds };
      }
      return;
    }
    const hub = /^\/show-hub\/([\w-]+)$/.exec(ctx.path);
    if (hub) {
      const t = topic(hub[1]);
      const last = ctx.get('Last-Event-ID') || ctx.query.lastEventID || '';
      t.lastEventIds.push(last);
      ctx.respond = false;
      const res = ctx.res;
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      // Reconnect fast after a drop: the tests script drops.
      res.write('retry: 300\n\n');
      const missed = last ? t.events.slice(t.events.findIndex((e) => e.id === last) + 1) : [];
      for (const event of missed) res.write(sseFrame(event));
      t.subscribers.add(res);
      ctx.req.on('close', () => t.subscribers.delete(res));
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
