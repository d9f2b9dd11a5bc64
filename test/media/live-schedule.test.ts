import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/pip-player.js';
import type { PipPlayer } from '../../src/elements/pip-player/pip-player.js';
import { ScheduleFollower } from '../../src/media/schedule.js';
import { followSchedule, scheduleLimits } from '../../src/media/schedule-follow.js';
import type { Stream } from '../../src/media/stream.js';
import { eventually, freshShow, getShow, LIVE, MP4, recordErrors, recordErrorsInEachTest, until } from '../helpers.js';

// The SSE hub is the demo's (demo/channel/hub.mjs), scripted: it sends what a test
// publishes as it is, good or bad, and drops connections on demand. The editable JSON
// schedule is test/live-show-server.mjs.
const events = (topic: string) => `/hub/${topic}/events`;
const hub = (topic: string) => fetch(`/hub/${topic}/stats`).then((r) => r.json());
const drop = (topic: string) => fetch(`/hub/${topic}/drop`, { method: 'POST' });
const publish = (topic: string, data: unknown) =>
  fetch(`/hub/${topic}/raw`, { method: 'POST', body: typeof data === 'string' ? data : JSON.stringify(data) }).then((r) => r.json());
const setSchedule = (name: string, body: unknown) =>
  fetch(`/show-schedule-control?name=${name}&body=${encodeURIComponent(JSON.stringify(body))}`).then((r) => r.json());
const scheduleStats = (name: string) => fetch(`/show-schedule-control?name=${name}`).then((r) => r.json());
const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 9)}`;

const streamOf = (el: PipPlayer) => (el as unknown as { playback: { stream: Stream } }).playback.stream;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A live viewer deliberately behind: playing from near the start of the live window. */
async function behindLive(show: string, schedule: string) {
  const el = await fixture<PipPlayer>(html`<pip-player show=${show} src=${LIVE} schedule=${schedule} muted autoplay></pip-player>`);
  await until(() => el.state === 'playing' && streamOf(el)?.playingDate(), 'live playback with program date-times', 20_000);
  const { seekable } = el.video;
  el.video.currentTime = seekable.start(0) + 2;
  await until(() => !el.video.seeking && el.state === 'playing', 'playback behind live', 20_000);
  return el;
}

/**
 * Waits for `id` to be featured and measures when it changed against when the viewer's
 * playing program date-time reached `at` (interpolated between animation frames).
 */
async function measure(el: PipPlayer, show: string, id: string, at: Date, timeout = 30_000) {
  let changed = NaN;
  const stop = getShow(show).$featuredId.listen((value) => value === id && Number.isNaN(changed) && (changed = performance.now()));
  let reached = NaN;
  let before: [number, number] | undefined;
  const start = performance.now();
  while (Number.isNaN(changed) || Number.isNaN(reached)) {
    if (performance.now() - start > timeout) break;
    const now = performance.now();
    const date = +(streamOf(el).playingDate() ?? 0);
    if (Number.isNaN(reached) && date >= +at) {
      reached = before && date > before[1] ? before[0] + ((+at - before[1]) / (date - before[1])) * (now - before[0]) : now;
    }
    before = [now, date];
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  stop();
  return { changed, reached, offset: changed - reached };
}

describe('a live schedule over Server-Sent Events', () => {
  const errors = recordErrorsInEachTest();

  it('features the product when the frame the host saw reaches the viewer behind live, not on arrival', async () => {
    const show = freshShow();
    const topic = unique('behind');
    const el = await behindLive(show, events(topic));
    await eventually(async () => (await hub(topic)).subscribers > 0, 'the subscription');
    // The host features it now (wall clock); this viewer's frame is seconds behind that.
    const at = new Date();
    const behind = +at - +streamOf(el).playingDate()!;
    const arrived = performance.now();
    await publish(topic, { product: 'fjord-beanie', at: at.toISOString() });
    const { changed, reached, offset } = await measure(el, show, 'fjord-beanie', at);
    console.log(`SSE: viewer ${(behind / 1000).toFixed(1)} s behind; changed ${((changed - arrived) / 1000).toFixed(1)} s after arrival, ${offset.toFixed(0)} ms after the playing date reached "at"`);
    expect(behind).to.be.above(5000);
    expect(changed - arrived).to.be.above(4000);
    expect(offset).to.be.within(-50, 300);
  }).timeout(60_000);

  it('applies on arrival when the stream has no program date-times', async () => {
    const show = freshShow();
    const topic = unique('nodate');
    await fixture<PipPlayer>(html`<pip-player show=${show} src=${MP4} schedule=${events(topic)} muted autoplay></pip-player>`);
    await eventually(async () => (await hub(topic)).subscribers > 0, 'the subscription');
    await publish(topic, { product: 'ember-mug', at: new Date(Date.now() + 60_000).toISOString() });
    await until(() => getShow(show).$featuredId.get() === 'ember-mug', 'the product, on arrival');
    await publish(topic, { product: null, at: new Date().toISOString() });
    await until(() => getShow(show).$featuredId.get() === null, 'cleared');
  });

  it('keeps the product through a dropped connection and gets what it missed with Last-Event-ID', async () => {
    const show = freshShow();
    const topic = unique('drop');
    await fixture<PipPlayer>(html`<pip-player show=${show} src=${MP4} schedule=${events(topic)} muted autoplay></pip-player>`);
    await eventually(async () => (await hub(topic)).subscribers > 0, 'the subscription');
    const { id: first } = await publish(topic, { product: 'ember-mug', at: new Date().toISOString() });
    await until(() => getShow(show).$featuredId.get() === 'ember-mug', 'the first product');
    await drop(topic);
    await publish(topic, { product: 'glow-lantern', at: new Date().toISOString() });
    expect(getShow(show).$featuredId.get()).to.equal('ember-mug');
    await until(() => getShow(show).$featuredId.get() === 'glow-lantern', 'the product published while disconnected');
    const { lastEventIds } = await hub(topic);
    // The request that found out it is an event stream, the EventSource, its reconnection.
    expect(lastEventIds).to.deep.equal(['', '', first]);
    expect(errors.events).to.deep.equal([]);
  });

  it('reports and skips bad entries, refuses oversized events, and goes on', async () => {
    const show = freshShow();
    const topic = unique('bad');
    await fixture<PipPlayer>(html`<pip-player show=${show} src=${MP4} schedule=${events(topic)} muted autoplay></pip-player>`);
    await eventually(async () => (await hub(topic)).subscribers > 0, 'the subscription');
    await publish(topic, 'not json');
    await publish(topic, { product: '', at: new Date().toISOString() });
    await publish(topic, { product: 'ember-mug', at: 'soon' });
    await publish(topic, { product: 'ember-mug', at: new Date().toISOString(), pad: 'x'.repeat(5000) });
    await publish(topic, { product: 'drift-backpack', at: new Date().toISOString() });
    await until(() => getShow(show).$featuredId.get() === 'drift-backpack', 'the good entry');
    // Told at once, then gathered: at most one error in scheduleLimits.reportEvery (L7).
    const reasons = () => errors.events.flatMap((e) => (expect(e.detail.code).to.equal('schedule'), e.detail.problems.map((p) => p.reason)));
    await until(() => reasons().length === 4, 'the four problems', scheduleLimits.reportEvery + 5000);
    expect(reasons()).to.deep.equal(['not JSON', 'no product id', '"at" must be seconds or an ISO date-time', 'an event over 4096 bytes is refused']);
    expect(errors.events.length).to.be.at.most(2);
  });

  it('opens no event stream when the player leaves while the schedule\'s first answer is coming', async () => {
    // The first read tells an event stream by its Content-Type; the player leaves just then.
    const abort = new AbortController();
    const realFetch = window.fetch;
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      const response = await realFetch(...args);
      abort.abort();
      return response;
    };
    const opened: EventSource[] = [];
    const RealEventSource = window.EventSource;
    window.EventSource = class extends RealEventSource {
      constructor(...args: ConstructorParameters<typeof EventSource>) {
        super(...args);
        opened.push(this);
      }
    };
    try {
      const follower = new ScheduleFollower({ time: () => 0, date: () => null });
      const options = { signal: abort.signal, follower, live: () => true, interval: () => 1000, onChange() {}, report() {} };
      await followSchedule(new URL(events(unique('race')), location.href).href, options);
    } finally {
      window.fetch = realFetch;
      window.EventSource = RealEventSource;
    }
    opened.forEach((source) => source.close());
    expect(opened).to.have.length(0);
  });

  it('closes the connection when the player leaves the page', async () => {
    const topic = unique('leave');
    const el = await fixture<PipPlayer>(html`<pip-player src=${MP4} schedule=${events(topic)} muted></pip-player>`);
    await eventually(async () => (await hub(topic)).subscribers > 0, 'the subscription');
    el.remove();
    let left: unknown;
    await eventually(async () => ((left = await hub(topic)), (left as { subscribers: number }).subscribers === 0), 'no subscriber left').catch((error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(left)}`);
    });
    // Room for both waits to tell what they waited for, on a loaded machine.
  }).timeout(40_000);
});

describe('a JSON schedule re-read while live', () => {
  it('picks up an entry added during the show (ETag, 304s meanwhile) and applies it at the viewer\'s frame', async () => {
    const show = freshShow();
    const name = unique('json');
    await setSchedule(name, []);
    const el = await behindLive(show, `/show-schedule/${name}.json`);
    await eventually(async () => (await scheduleStats(name)).notModified > 0, 'a re-read answered 304', 15_000);
    // The producer schedules a feature 3 s from now (wall clock); the viewer is ~10 s behind.
    const at = new Date(Date.now() + 3000);
    await setSchedule(name, [{ product: 'fjord-beanie', at: at.toISOString() }]);
    const edited = performance.now();
    const { changed, offset } = await measure(el, show, 'fjord-beanie', at);
    console.log(`JSON: changed ${((changed - edited) / 1000).toFixed(1)} s after the edit, ${offset.toFixed(0)} ms after the playing date reached "at"`);
    expect(offset).to.be.within(-50, 300);
  }).timeout(60_000);

  it('reports a failing schedule once, backs off, and picks it up again once it answers', async () => {
    const errors = recordErrors();
    const show = freshShow();
    const name = unique('failing');
    await fetch(`/show-schedule-control?name=${name}&status=503`);
    await behindLive(show, `/show-schedule/${name}.json`);
    await until(() => errors.events.length, 'the error');
    expect(errors.events[0].detail).to.include({ show, code: 'schedule' });
    expect(errors.events[0].detail.message).to.match(/HTTP 503/);
    await eventually(async () => (await scheduleStats(name)).reads >= 2, 'a retry', 20_000);
    // Now on the host's clock: later than the stream's current DATERANGE slot, so it wins.
    await setSchedule(name, [{ product: 'fjord-beanie', at: new Date().toISOString() }]);
    await fetch(`/show-schedule-control?name=${name}&status=200`);
    await until(() => getShow(show).$featuredId.get() === 'fjord-beanie', 'the schedule once it answers', 40_000);
    errors.stop();
    // Once per outage, not at every retry.
    expect(errors.events).to.have.length(1);
  }).timeout(60_000);

  it('applies dated entries on arrival when the stream has no program date-times', async () => {
    const name = unique('arrival');
    await setSchedule(name, [{ product: 'ember-mug', at: '2031-01-01T00:00:00Z' }]);
    const show = freshShow();
    await fixture<PipPlayer>(html`<pip-player show=${show} src=${MP4} schedule=${`/show-schedule/${name}.json`} muted autoplay></pip-player>`);
    await until(() => getShow(show).$featuredId.get() === 'ember-mug', 'the dated entry, on arrival');
  });

  it('stops re-reading when the player leaves the page', async () => {
    const name = unique('leave');
    await setSchedule(name, []);
    const el = await fixture<PipPlayer>(html`<pip-player src=${LIVE} schedule=${`/show-schedule/${name}.json`} muted autoplay></pip-player>`);
    await eventually(async () => (await scheduleStats(name)).reads >= 2, 'a re-read', 20_000);
    el.remove();
    const { reads } = await scheduleStats(name);
    await sleep(6000);
    expect((await scheduleStats(name)).reads).to.equal(reads);
  }).timeout(40_000);

  it('reads a replay\'s schedule once', async () => {
    const name = unique('once');
    await setSchedule(name, [{ product: 'ember-mug', at: 0 }]);
    const show = freshShow();
    await fixture<PipPlayer>(html`<pip-player show=${show} src=${MP4} schedule=${`/show-schedule/${name}.json`} muted autoplay></pip-player>`);
    await until(() => getShow(show).$featuredId.get() === 'ember-mug', 'the scheduled product');
    await sleep(6000);
    expect((await scheduleStats(name)).reads).to.equal(1);
  }).timeout(20_000);
});
