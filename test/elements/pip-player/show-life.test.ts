import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/pip-player.js';
import '../../../src/define/live-stream.js';
import { googleCalendarUrl, icsFile } from '../../../src/elements/pip-player/calendar.js';
import type { LiveStream } from '../../../src/elements/live-stream/live-stream.js';
import type { PipPlayer } from '../../../src/elements/pip-player/pip-player.js';
import { formatCountdown } from '../../../src/elements/pip-player/upcoming.js';
import { scriptSafeJson } from '../../../src/media/structured-data.js';
import { liveHlsInstances } from '../../../src/media/stream.js';
import { whenStreamUp } from '../../../src/media/wait-for-stream.js';
import { FEED, freshShow, getShow, part, recordErrors, REPLAY, SHOW_ORDER, until } from '../../helpers.js';

/** The simulated live channel with a life: up at `startsAt`, over `endAfter` seconds later. */
const channel = (startsAt: Date, endAfter?: number) =>
  `/channel/live.m3u8?starts-at=${encodeURIComponent(startsAt.toISOString())}${endAfter ? `&end-after=${endAfter}` : ''}`;
/** Requests this page made for URLs containing `fragment` (the Resource Timing buffer). */
const requests = (fragment: string) =>
  performance.getEntriesByType('resource').filter((e) => e.name.includes(fragment)).length;
const jsonLd = () => [...document.head.querySelectorAll<HTMLScriptElement>('script[type="application/ld+json"]')];

before(() => performance.setResourceTimingBufferSize(10_000));

describe('before the show: calendar entries', () => {
  const event = {
    title: 'Winter Trail Live; jackets, mugs & more',
    start: new Date('2026-12-24T17:30:00.000Z'),
    end: new Date('2026-12-24T18:30:00.000Z'),
    url: 'https://shop.example/live?show=winter,trail',
    description: 'Line one\nLine two with a \\ backslash',
  };

  it('makes an RFC 5545 .ics: CRLF lines, UTC times, UID, DTSTAMP, escaped text, folded long lines', () => {
    const ics = icsFile(event, new Date('2026-12-01T10:00:00.000Z'));
    expect(ics.endsWith('\r\n')).to.equal(true);
    expect(ics.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
    const lines = ics.split('\r\n');
    for (const line of lines) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
    // Unfolded (RFC 5545 3.1): a CRLF followed by one space joins two lines.
    const unfolded = ics.replace(/\r\n /g, '').split('\r\n');
    expect(unfolded.slice(0, 6)).to.deep.equal(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//livecart//live show//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'BEGIN:VEVENT']);
    expect(unfolded).to.include('DTSTAMP:20261201T100000Z');
    expect(unfolded).to.include('DTSTART:20261224T173000Z');
    expect(unfolded).to.include('DTEND:20261224T183000Z');
    expect(unfolded).to.include('SUMMARY:Winter Trail Live\\; jackets\\, mugs & more');
    expect(unfolded).to.include('DESCRIPTION:Line one\\nLine two with a \\\\ backslash\\nhttps://shop.example/live?show=winter\\,trail');
    expect(unfolded).to.include('URL:https://shop.example/live?show=winter,trail');
    expect(unfolded.find((l) => l.startsWith('UID:'))).to.match(/^UID:20261224T173000Z-\w+@shop\.example$/);
    expect(unfolded.slice(-3)).to.deep.equal(['END:VEVENT', 'END:VCALENDAR', '']);
    // The same show gets the same UID (a second add updates the entry), another show another.
    expect(icsFile(event)).to.contain(unfolded.find((l) => l.startsWith('UID:'))!.slice(0, 40));
    expect(icsFile({ ...event, url: 'https://shop.example/other' })).not.to.contain(unfolded.find((l) => l.startsWith('UID:')));
  });

  it('folds between characters, never inside one', () => {
    const ics = icsFile({ ...event, title: 'Ünïcödé ✨ '.repeat(20) });
    for (const line of ics.split('\r\n')) {
      expect(new TextEncoder().encode(line).length).to.be.at.most(75);
      expect(line).not.to.contain('\uFFFD');
    }
    expect(ics.replace(/\r\n /g, '')).to.contain(`SUMMARY:${'Ünïcödé ✨ '.repeat(20)}`);
  });

  it('makes a Google Calendar link', () => {
    const url = new URL(googleCalendarUrl(event));
    expect(url.origin + url.pathname).to.equal('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('action')).to.equal('TEMPLATE');
    expect(url.searchParams.get('text')).to.equal(event.title);
    expect(url.searchParams.get('dates')).to.equal('20261224T173000Z/20261224T183000Z');
    // The page without its query (L10): event.url is https://shop.example/live?show=winter,trail.
    expect(url.searchParams.get('details')).to.equal(`${event.description}\nhttps://shop.example/live`);
  });

  it('sends Google the show\'s page without its query or fragment (L10: they may carry a session or a campaign)', () => {
    const url = new URL(googleCalendarUrl({ ...event, url: 'https://shop.example/live?session=s3cr3t&utm_source=mail#chat' }));
    expect(url.searchParams.get('details')).to.equal(`${event.description}\nhttps://shop.example/live`);
  });

  const countdowns: [number, string, string][] = [
    [2 * 3600_000 + 5 * 60_000, 'en', '2 hr, 5 min'],
    [2 * 3600_000 + 4 * 60_000 + 1000, 'en', '2 hr, 5 min'],
    [59 * 60_000 + 30_000, 'en', '1 hr'],
    [3 * 86400_000 + 4 * 3600_000 + 999, 'en', '3 days, 4 hr'],
    [12 * 60_000, 'en', '12 min'],
    [42_000, 'en', '42 sec'],
  ];
  for (const [ms, locale, expected] of countdowns) {
    it(`counts ${ms} ms down as "${expected}" (${locale})`, () => {
      // Intl.DurationFormat and the unit fallback word units alike in English ("hr", "min").
      expect(formatCountdown(ms, locale).replace(/\s+/g, ' ')).to.equal(
        (Intl as { DurationFormat?: unknown }).DurationFormat ? expected : expected.replace(/,/g, ''),
      );
    });
  }

  it('counts down with unit NumberFormats where Intl.DurationFormat is missing', () => {
    const intl = Intl as { DurationFormat?: unknown };
    const DurationFormat = intl.DurationFormat;
    delete intl.DurationFormat;
    try {
      expect(formatCountdown(2 * 3600_000 + 5 * 60_000, 'en')).to.equal('2 hr 5 min');
      expect(formatCountdown(3 * 86400_000 + 3600_000, 'fr').replace(/\s/g, ' ')).to.equal('3 j 1 h');
    } finally {
      if (DurationFormat) intl.DurationFormat = DurationFormat;
    }
  });

  it('counts down in the viewer’s language', () => {
    expect(formatCountdown(2 * 3600_000 + 5 * 60_000, 'de')).to.match(/2 Std\.?,? 5 Min/);
  });
});

describe('before the show: the player waits for the stream', () => {
  it('shows the poster, a countdown and the calendar links, then plays by itself once the stream is up', async () => {
    const errors = recordErrors();
    // Far enough ahead that the checks before it (axe is slow on a busy machine) end before it.
    const startsAt = new Date(Date.now() + 6000);
    const src = channel(startsAt);
    const before = requests(src);
    const el = await fixture<PipPlayer>(
      html`<div title="Winter Trail Live">
        <pip-player src=${src} starts-at=${startsAt.toISOString()} poster="/demo/public/images/poster.svg" muted></pip-player>
      </div>`,
    );
    const player = el.querySelector('pip-player')!;
    await until(() => part(player, 'countdown'), 'the countdown');
    await player.updateComplete;
    expect(part(player, 'countdown')!.textContent!.trim()).to.match(/^Starts in [1-6] sec/);
    expect(player.state).to.equal('idle');
    expect(liveHlsInstances.size).to.equal(0);
    expect(player.video.poster).to.match(/poster\.svg$/);
    expect(part<HTMLTimeElement>(player, 'upcoming')!.querySelector('time')!.dateTime).to.equal(startsAt.toISOString());
    const google = new URL(part<HTMLAnchorElement>(player, 'google-calendar')!.href);
    expect(google.searchParams.get('text')).to.equal('Winter Trail Live');
    expect(google.searchParams.get('details')).to.equal(location.origin + location.pathname);
    await expect(player).to.be.accessible();
    // It plays by itself (no autoplay attribute) once the channel is up.
    await until(() => player.state === 'playing', 'playback once the stream is up', 15_000);
    expect(Date.now()).to.be.at.least(+startsAt);
    expect(part(player, 'upcoming')).to.equal(null);
    errors.stop();
    // Politely: one look at once, one right after the announced start, then the stream itself.
    expect(requests(src) - before).to.be.within(2, 4);
    expect(errors.events).to.deep.equal([]);
    expect(errors.uncaught).to.deep.equal([]);
  });

  it('"Add to calendar" downloads the show as an .ics made in the page', async () => {
    const startsAt = new Date(Date.now() + 3 * 3600_000);
    const el = await fixture<PipPlayer>(
      html`<pip-player src=${channel(startsAt)} starts-at=${startsAt.toISOString()} muted></pip-player>`,
    );
    await until(() => part(el, 'add-to-calendar'), 'the calendar button');
    expect(part(el, 'countdown')!.textContent!.trim()).to.match(/^Starts in (2 hr, 60 min|3 hr)$/);
    const blobs: Blob[] = [];
    const clicked: HTMLAnchorElement[] = [];
    const createObjectURL = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob) => (blobs.push(blob), createObjectURL(blob));
    // The download itself is the browser's; a test can only see the link it was asked to follow.
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      part<HTMLButtonElement>(el, 'add-to-calendar')!.click();
    } finally {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(clicked).to.have.length(1);
    expect(clicked[0].href).to.match(/^blob:/);
    expect(clicked[0].download).to.match(/\.ics$/);
    expect(blobs[0].type).to.equal('text/calendar;charset=utf-8');
    const ics = await blobs[0].text();
    expect(ics).to.contain(`DTSTART:${startsAt.toISOString().replace(/-|:|\.\d{3}/g, '')}`);
    expect(ics).to.contain('SUMMARY:livecart tests');
  });

  it('stops looking for the stream, and counting down, once the player is gone', async () => {
    const startsAt = new Date(Date.now() + 2000);
    const src = channel(startsAt);
    const el = await fixture<PipPlayer>(html`<pip-player src=${src} starts-at=${startsAt.toISOString()} muted></pip-player>`);
    await until(() => part(el, 'countdown') && requests(src) === 1, 'the countdown and the first look');
    let updates = 0;
    const requestUpdate = el.requestUpdate.bind(el);
    el.requestUpdate = (...args: Parameters<PipPlayer['requestUpdate']>) => (updates++, requestUpdate(...args));
    el.remove();
    // Past the announced start, when a connected player would have looked again and re-rendered.
    await new Promise((r) => setTimeout(r, Math.max(0, +startsAt - Date.now()) + 1500));
    expect(requests(src)).to.equal(1);
    expect(updates).to.equal(0);
  });

  it('looks for the stream only while the page is shown, and reports no error for a stream not up yet', async () => {
    const errors = recordErrors();
    const startsAt = new Date(Date.now() + 60_000);
    const src = new URL(channel(startsAt), location.href).href;
    const hidden = Object.getOwnPropertyDescriptor(Document.prototype, 'hidden')!;
    let isHidden = true;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => isHidden });
    let up = false;
    const stop = whenStreamUp(src, +startsAt, () => (up = true));
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect(requests(src)).to.equal(0);
      isHidden = false;
      document.dispatchEvent(new Event('visibilitychange'));
      await until(() => requests(src) === 1, 'a look once shown');
      await new Promise((r) => setTimeout(r, 300));
      expect(requests(src)).to.equal(1);
      expect(up).to.equal(false);
    } finally {
      stop();
      Object.defineProperty(document, 'hidden', hidden);
      delete (document as { hidden?: boolean }).hidden;
      errors.stop();
    }
    expect(errors.events).to.deep.equal([]);
  });
});

describe('after the show', () => {
  it('EXT-X-ENDLIST on a live show: "The show has ended", and the replay plays in the same player, still shoppable', async () => {
    const show = freshShow();
    const errors = recordErrors();
    const el = await fixture<LiveStream>(
      html`<live-stream show=${show} products=${FEED} src=${channel(new Date(Date.now() - 2000), 6)} replay=${REPLAY} muted autoplay></live-stream>`,
    );
    const player = part<PipPlayer>(el, 'player')!;
    await until(() => player.state === 'playing' && player.live, 'the live show');
    await until(() => player.state === 'ended', 'the end of the show', 30_000);
    await player.updateComplete;
    const ended = part(player, 'ended')!;
    expect(ended.querySelector('p')!.textContent).to.equal('The show has ended.');
    expect(player.live).to.equal(false);
    await expect(player).to.be.accessible();
    // The ended live show is described with its end.
    await until(() => jsonLd().some((s) => JSON.parse(s.textContent!).publication.endDate), 'the endDate in JSON-LD');
    part<HTMLButtonElement>(player, 'replay')!.click();
    await until(() => player.state === 'playing' && !player.live, 'the replay playing');
    expect(player.src).to.equal(REPLAY);
    expect(part(player, 'ended')).to.equal(null);
    // Still shoppable: the replay's DATERANGE cues feature its products.
    await until(() => SHOW_ORDER.includes(getShow(show).$featured.get()?.id ?? ''), 'a featured product in the replay');
    errors.stop();
    expect(errors.events).to.deep.equal([]);
  }).timeout(45_000);

  it('without a replay, the ended notice offers none, and the schedule\'s connection closes', async () => {
    const topic = `ended-${Math.random().toString(36).slice(2, 9)}`;
    const subscribers = () => fetch(`/hub/${topic}/stats`).then((r) => r.json()).then((stats) => stats.subscribers as number);
    const el = await fixture<PipPlayer>(
      html`<pip-player src=${channel(new Date(Date.now() - 2000), 3)} schedule=${`/hub/${topic}/events`} muted autoplay></pip-player>`,
    );
    await until(() => el.live, 'the live show');
    for (const start = performance.now(); (await subscribers()) === 0; ) {
      if (performance.now() - start > 5000) throw new Error('the schedule was never subscribed to');
      await new Promise((r) => setTimeout(r, 100));
    }
    await until(() => part(el, 'ended'), 'the ended notice', 30_000);
    expect(el.state).to.equal('ended');
    expect(part(el, 'ended')!.textContent).to.equal('The show has ended.');
    expect(part(el, 'replay')).to.equal(null);
    // Still in the page, the player holds no connection to a schedule of a show that is over.
    for (const start = performance.now(); (await subscribers()) > 0; ) {
      if (performance.now() - start > 5000) throw new Error('the schedule\'s event stream is still open after the show ended');
      await new Promise((r) => setTimeout(r, 100));
    }
  }).timeout(40_000);
});

describe('search engines: JSON-LD', () => {
  it('describes a live show as a VideoObject with a live BroadcastEvent, escaped, and removes it on disconnect', async () => {
    const title = 'Winter </script><script>alert(1)</script> Live';
    const wrapper = await fixture(html`<div title=${title}>
      <pip-player src=${channel(new Date(Date.now() - 1000))} poster="/demo/public/images/poster.svg" muted autoplay></pip-player>
    </div>`);
    const player = wrapper.querySelector('pip-player')!;
    await until(() => player.live, 'live');
    await until(() => jsonLd().length === 1, 'the JSON-LD');
    const [script] = jsonLd();
    expect(script.textContent).not.to.match(/<\/script/i);
    const data = JSON.parse(script.textContent!);
    expect(data['@context']).to.equal('https://schema.org');
    expect(data['@type']).to.equal('VideoObject');
    expect(data.name).to.equal(title);
    expect(data.description).to.equal(title);
    expect(data.thumbnailUrl).to.deep.equal([new URL('/demo/public/images/poster.svg', location.href).href]);
    expect(data.contentUrl).to.match(/^http:\/\/localhost:\d+\/channel\/live\.m3u8\?/);
    expect(Number.isNaN(Date.parse(data.uploadDate))).to.equal(false);
    expect(data.publication['@type']).to.equal('BroadcastEvent');
    expect(data.publication.isLiveBroadcast).to.equal(true);
    expect(data.publication.startDate).to.equal(data.uploadDate);
    expect(data.publication).not.to.have.property('endDate');
    wrapper.remove();
    await new Promise((r) => setTimeout(r));
    expect(jsonLd()).to.deep.equal([]);
  });

  it('an upcoming show is described with its start; structured-data="off" describes nothing', async () => {
    const startsAt = new Date(Date.now() + 3600_000);
    const el = await fixture<PipPlayer>(html`<pip-player src=${channel(startsAt)} starts-at=${startsAt.toISOString()}></pip-player>`);
    await until(() => jsonLd().length === 1, 'the JSON-LD');
    expect(JSON.parse(jsonLd()[0].textContent!).publication.startDate).to.equal(startsAt.toISOString());
    el.structuredData = 'off';
    await until(() => jsonLd().length === 0, 'the JSON-LD removed');
    el.remove();
    const off = await fixture<LiveStream>(
      html`<live-stream structured-data="off" src=${channel(new Date(Date.now() - 1000))} muted autoplay></live-stream>`,
    );
    await until(() => part<PipPlayer>(off, 'player')!.live, 'live');
    await new Promise((r) => setTimeout(r, 200));
    expect(jsonLd()).to.deep.equal([]);
  });

  it('keeps `<` out of the JSON text', () => {
    const text = scriptSafeJson({ a: '</script><!-- \u2028' });
    expect(text).not.to.match(/[<\u2028]/);
    expect(JSON.parse(text)).to.deep.equal({ a: '</script><!-- \u2028' });
  });
});
