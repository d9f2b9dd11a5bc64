/** A show to put in the shopper's calendar. */
export interface CalendarEvent {
  title: string;
  start: Date;
  end: Date;
  /** The show's page. */
  url: string;
  description?: string;
}

/** `20261201T180000Z`: the UTC form both iCalendar and Google Calendar read. */
const utc = (date: Date) => date.toISOString().replace(/-|:|\.\d{3}/g, '');

/** RFC 5545 3.3.11 TEXT: backslash, semicolon and comma escaped; line breaks as `\n`. */
const text = (value: string) => value.replace(/[\\;,]/g, '\\$&').replace(/\r\n?|\n/g, '\\n');

/**
 * RFC 5545 3.1: content lines of at most 75 octets, folded with CRLF and one space, never
 * inside a UTF-8 character.
 */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines lose one octet to their leading space.
    if (octets + size > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A stable id for the event, so adding the same show twice updates one calendar entry. */
function uid(event: CalendarEvent): string {
  let hash = 5381;
  for (const char of event.url) hash = ((hash * 33) ^ char.charCodeAt(0)) >>> 0;
  const host = /^https?:\/\/([^/:]+)/.exec(event.url)?.[1] ?? 'livecart';
  return `${utc(event.start)}-${hash.toString(36)}@${host}`;
}

/** The show as an iCalendar file (RFC 5545): one VEVENT, in UTC, lines ending CRLF. */
export function icsFile(event: CalendarEvent, now = new Date()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//livecart//live show//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${uid(event)}`,
    `DTSTAMP:${utc(now)}`,
    `DTSTART:${utc(event.start)}`,
    `DTEND:${utc(event.end)}`,
    `SUMMARY:${text(event.title)}`,
    `DESCRIPTION:${text(event.description ? `${event.description}\n${event.url}` : event.url)}`,
    // A URI value, not TEXT: not escaped, but it must stay on its (folded) line.
    `URL:${event.url.replace(/[\r\n]/g, '')}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** The same show as a Google Calendar "add event" link. */
export function googleCalendarUrl(event: CalendarEvent): string {
  const url = new URL('https://calendar.google.com/calendar/render');
  url.searchParams.set('action', 'TEMPLATE');
  url.searchParams.set('text', event.title);
  url.searchParams.set('dates', `${utc(event.start)}/${utc(event.end)}`);
  // The show's page without its query or fragment: they may carry the shopper's session or campaign.
  const page = new URL(event.url);
  page.search = page.hash = '';
  url.searchParams.set('details', event.description ? `${event.description}\n${page.href}` : page.href);
  return url.href;
}

/** Offers the `.ics` as a download made in the page (no server needed). */
export function downloadIcs(event: CalendarEvent): void {
  const href = URL.createObjectURL(new Blob([icsFile(event)], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = href;
  link.download = `${event.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'show'}.ics`;
  link.click();
  // After the click has handed the file over: revoking at once can cancel it in Firefox.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
