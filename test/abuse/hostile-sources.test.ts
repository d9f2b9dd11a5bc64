import { expect } from '@open-wc/testing';
import type { FeedProblem } from '../../src/core/events.js';
import { DateRangeProducts } from '../../src/media/product-on-screen.js';
import { MAX_ENTRIES, ScheduleFollower } from '../../src/media/schedule.js';
import { followSchedule, scheduleLimits, type ScheduleOptions } from '../../src/media/schedule-follow.js';
import { lowestVariant, startSegment } from '../../src/media/hls-start.js';
import { parseFeed } from '../../src/core/feed.js';
import { until } from '../helpers.js';
import { expectNoLongTask, longTasksOf } from './long-tasks.js';

// What a stream, a hub or a schedule sends must never freeze the page it plays on: each
// input the page reads, at sizes past what a real show sends, with the longest main-thread
// task measured (Chromium) and the outcome checked (every engine).

describe('hostile sources: playlists', () => {
  /** A multivariant playlist whose variants sit after `comments` comment lines. */
  const padded = (comments: number) =>
    ['#EXTM3U', '#EXT-X-STREAM-INF:BANDWIDTH=900000', ...Array(comments).fill('# padding'), 'hi.m3u8', '#EXT-X-STREAM-INF:BANDWIDTH=200000', 'low.m3u8'].join('\n');
  /** A live DVR media playlist of `hours` at 2-second segments, program date-times included. */
  const dvr = (hours: number) => {
    const lines = ['#EXTM3U', '#EXT-X-VERSION:6', '#EXT-X-TARGETDURATION:2', '#EXT-X-PLAYLIST-TYPE:EVENT'];
    const start = Date.UTC(2026, 11, 7);
    for (let i = 0; i < hours * 1800; i++) lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(start + i * 2000).toISOString()}`, '#EXTINF:2.000,', `seg${i}.m4s`);
    return lines.join('\n');
  };
  const url = 'https://cdn.example/show/master.m3u8';

  it('reads the lowest variant of a playlist of 600,000 comment lines with no long task (H1: it was quadratic)', async function () {
    this.timeout(60_000);
    const text = padded(600_000);
    let lowest: string | undefined;
    await expectNoLongTask('600,000-line multivariant playlist', () => (lowest = lowestVariant({ url, text })));
    expect(lowest).to.equal('https://cdn.example/show/low.m3u8');
  });

  it('reads a 240-hour DVR media playlist (4.3 million lines) with no long task: no variants, and its first segment from the end', async function () {
    this.timeout(60_000);
    const text = dvr(240);
    let lowest: string | undefined = 'not read';
    await expectNoLongTask('240-hour DVR media playlist, variants', () => (lowest = lowestVariant({ url, text })));
    expect(lowest).to.equal(undefined);
    let first: string | undefined;
    await expectNoLongTask('240-hour DVR media playlist, first segment', () => (first = startSegment({ url, text })));
    // Three target durations behind the edge of 432,000 segments.
    expect(first).to.equal('https://cdn.example/show/seg431997.m4s');
  });
});

describe('hostile sources: DATERANGE tags', () => {
  const start = Date.UTC(2026, 11, 7);
  /** `count` one-second product date ranges, one a second from `start`, as a long live show accumulates them. */
  const productRanges = (count: number) =>
    Array.from({ length: count }, (_, i) => `#EXT-X-DATERANGE:ID="r${i}",START-DATE="${new Date(start + i * 1000).toISOString()}",DURATION=1.0,X-PRODUCT-ID="p${i % 40}"`);

  for (const [count, why] of [
    [30_000, 'M4: pruning was quadratic, 1.4-1.9 s a reload'],
    [250_000, '10x: only the latest 20,000 are read'],
  ] as const) {
    it(`keeps the latest 20,000 of ${count.toLocaleString('en')} product date ranges with no long task (${why})`, async function () {
      this.timeout(60_000);
      const tags = productRanges(count);
      let kept: readonly { start: number }[] = [];
      await expectNoLongTask(`${count.toLocaleString('en')} DATERANGE tags`, () => (kept = new DateRangeProducts().update(tags)));
      expect(kept).to.have.length(20_000);
      expect(kept[0].start).to.equal(start + (count - 20_000) * 1000);
    });
  }
});

describe('hostile sources: a live schedule over Server-Sent Events', () => {
  /** Follows a hub that sends `count` future-dated events in one write, until the one after them is in effect. */
  async function followBurst(count: number) {
    const abort = new AbortController();
    const follower = new ScheduleFollower({ time: () => 0, date: () => new Date() });
    const outcome = { follower, decisions: 0, reports: [] as { message: string; problems?: FeedProblem[] }[] };
    void followSchedule(`${location.origin}/schedule-burst/${count}.events`, {
      signal: abort.signal,
      follower,
      live: () => true,
      interval: () => 5000,
      onChange: () => outcome.decisions++,
      report: (message, problems) => outcome.reports.push({ message, problems }),
    });
    try {
      // Past MAX_ENTRIES, the refusal's report too (it comes in a task of its own).
      await until(() => follower.now()?.id === 'burst-end' && (count <= MAX_ENTRIES || outcome.reports.length), 'the event after the burst', 60_000);
    } finally {
      abort.abort();
    }
    return outcome;
  }

  it('takes a burst of 3,000 future-dated events with no long task (H2: each event cost O(pending), 3.8 s in all)', async function () {
    this.timeout(120_000);
    await expectNoLongTask('schedule burst of 3,000 events', () => followBurst(3000));
  });

  it('takes a burst of 20,000 in a few decisions and one report of what it refused (H2: 75 s, 10,000 errors)', async function () {
    this.timeout(120_000);
    const count = 20_000;
    // Chromium's own EventSource delivers such a burst in one task of about 250 ms with a
    // handler that does nothing: logged here, the growth is held by the counts below.
    const { result, longest } = await longTasksOf(() => followBurst(count));
    const { follower, decisions, reports } = result;
    console.log(`schedule burst: ${count} events, ${decisions} decisions, ${reports.length} reports, longest task ${longest.toFixed(0)} ms`);
    // One decision for each burst the browser delivers, not one for each event.
    expect(decisions).to.be.below(count / 100);
    // The 10,000 earliest are kept (MAX_ENTRIES); the refusal is one report, not 10,000.
    expect(reports.length).to.be.below(10);
    const refused = reports.flatMap((r) => r.problems ?? []).map((p) => Number(/more than 10000 pending entries: the (\d+) latest refused/.exec(p.reason)?.[1]));
    expect(refused.reduce((a, b) => a + b, 0)).to.equal(count + 1 - 10_000);
    expect(follower.untilNext()).to.be.above(3_500_000);
  });
});

describe('hostile sources: schedules that misbehave', () => {
  /** Follows `url` for `ms`, with what it reported. */
  async function follow(url: string, ms: number, options: Partial<ScheduleOptions> = {}) {
    const abort = new AbortController();
    const reports: string[] = [];
    const follower = new ScheduleFollower({ time: () => 0, date: () => new Date() });
    void followSchedule(new URL(url, location.origin).href, {
      signal: abort.signal,
      follower,
      live: () => true,
      interval: () => 5000,
      onChange: () => {},
      report: (message) => reports.push(message),
      ...options,
    });
    await new Promise((resolve) => setTimeout(resolve, ms));
    abort.abort();
    return { reports, follower };
  }

  it('a hub that answers retry: 0 and closes is not stormed: livecart backs off, and says so once (M1)', async function () {
    this.timeout(30_000);
    const name = `storm-${Math.random().toString(36).slice(2, 8)}`;
    const { reports } = await follow(`/schedule-storm/${name}.events`, 6000);
    const { connections } = await (await fetch(`/schedule-storm/${name}.count`)).json();
    console.log(`retry: 0 hub: ${connections} connections in 6 s`);
    // EventSource alone: hundreds (547 in 10 s). Three brief ones, then 1 s, 2 s... jittered.
    expect(connections).to.be.below(10);
    expect(reports.filter((r) => r.includes('dropped; reconnecting'))).to.have.length(1);
  });

  it('a JSON schedule that never answers is an error, not a silence (M3)', async function () {
    this.timeout(30_000);
    const timeout = scheduleLimits.timeout;
    scheduleLimits.timeout = 500;
    try {
      const { reports } = await follow('/schedule-hostile/never.json', 1500);
      expect(reports[0]).to.match(/could not be read \(no answer within 0\.5 s\)/);
    } finally {
      scheduleLimits.timeout = timeout;
    }
  });

  it('a JSON schedule of 150 MB is refused at its cap, with no long task (M3: one 30 s task, re-read every 5 s)', async function () {
    this.timeout(60_000);
    let reports: string[] = [];
    await expectNoLongTask('150 MB JSON schedule', async () => {
      reports = (await follow('/schedule-hostile/150mb.json', 3000)).reports;
    }, { tries: 2 });
    expect(reports[0]).to.match(/could not be read \(larger than 4 MB\)/);
  });

  it('a hub that alternates 2,000 times changes the product on screen a few times, not 2,000 (M6: no settle time)', async function () {
    this.timeout(30_000);
    let decisions = 0;
    const { follower } = await follow('/schedule-alternating/2000.events', 4000, { onChange: () => decisions++ });
    console.log(`2,000 alternating events: ${decisions} decisions`);
    // Each decision is at most one featured-change (and one view_item): once a settle time (120 ms) at most.
    expect(decisions).to.be.below(60);
    expect(follower.now()?.id).to.equal('ember-mug');
  });

  it('a hub that sends a bad event every millisecond is reported once a while, counted, not once each (L7)', async function () {
    this.timeout(30_000);
    const every = scheduleLimits.reportEvery;
    scheduleLimits.reportEvery = 1000;
    try {
      const reports: { message: string; problems?: FeedProblem[] }[] = [];
      await follow('/schedule-bad/2000.events', 5000, { report: (message, problems) => reports.push({ message, problems }) });
      console.log(`2,000 bad events: ${reports.length} reports`);
      // About 2 s of bad events: told at once, then at most once a second.
      expect(reports.length).to.be.within(1, 5);
      const counted = reports.map((r) => Number(/^(\d+) schedule entr/.exec(r.message)![1]));
      expect(counted.reduce((a, b) => a + b, 0)).to.equal(2000);
      expect(reports.every((r) => r.problems!.length <= 100)).to.equal(true);
      expect(reports[0].problems![0].reason).to.equal('not JSON');
    } finally {
      scheduleLimits.reportEvery = every;
    }
  });

  it('a hub that sends 600,000 distinct entries (10x) to a stream without program date-times keeps 10,000 arrivals (M2)', function () {
    this.timeout(60_000);
    const follower = new ScheduleFollower({ time: () => 0, date: () => null });
    for (let i = 0; i < 600_000; i += 1000) {
      follower.add(Array.from({ length: 1000 }, (_, j) => ({ product: `p${i + j}`, at: new Date(Date.UTC(2026, 0, 1) + (i + j) * 1000) })));
    }
    // Private, and what grew without end: each (at, product) pair's arrival time.
    expect((follower as unknown as { arrivals: Map<string, number> }).arrivals.size).to.equal(MAX_ENTRIES);
  });
});

describe('hostile sources: feeds', () => {
  it('a Shopify body_html of 400 KB of unclosed "<" is read with no long task (L9: the tag pattern backtracked)', async function () {
    this.timeout(60_000);
    const body = JSON.stringify({
      products: [{ id: 1, title: 'Pack', handle: 'pack', body_html: `<p>Roll-top</p>${'<'.repeat(400_000)}`, variants: [{ id: 11, title: 'One', price: '10.00', available: true }] }],
    });
    let description: unknown;
    await expectNoLongTask('400 KB of "<" in body_html', async () => {
      description = (await parseFeed(body, 'https://shop.example/products.json', { currency: 'EUR' })).products[0].description;
    });
    expect(String(description).startsWith('Roll-top')).to.equal(true);
  });

  it('a Merchant RSS feed with a DOCTYPE is refused: no entity is ever expanded (L6)', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
      <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><item><g:id>a</g:id><g:title>&lol2;</g:title>
      <g:link>https://shop.example/a</g:link><g:price>10.00 EUR</g:price></item></channel></rss>`;
    const error = await parseFeed(laughs).catch((e: Error) => e);
    expect((error as Error).message).to.match(/DOCTYPE/);
  });
});
