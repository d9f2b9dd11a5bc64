import { readJson, writeJson } from '../../platform/storage.js';

// What a console keeps of its session: what it featured, when, and what it has not yet
// published, so a reload of the producer's tab loses nothing.

/** A product featured (null: cleared) at an ISO date-time. */
export interface Moment {
  product: string | null;
  at: string;
}

/** What a console keeps in sessionStorage, so a reload of the producer's tab loses nothing. */
export interface Saved {
  current: Moment | null;
  queue: Moment[];
}

export const isMoment = (value: unknown): value is Moment => {
  const { product, at } = (value ?? {}) as Partial<Moment>;
  return (product === null || typeof product === 'string') && typeof at === 'string' && !Number.isNaN(Date.parse(at));
};

/** The sessionStorage key of a show's console. */
export const sessionKey = (show: string) => `livecart:show-console:${show}`;

/** What this tab's console of the show left (a reload, a page of the producer's site), if anything. */
export function readSession(key: string): Partial<Saved> | undefined {
  return readJson(key, 'session') as Partial<Saved> | undefined;
}

export function writeSession(key: string, saved: Saved): void {
  writeJson(key, saved, 'session');
}

/** "12 seconds ago", "in 4 seconds", "3 minutes ago": from `ms` (a `Date.now()` time) to now. */
export function relative(ms: number, now: number, locale: string): string {
  const seconds = Math.round((ms - now) / 1000);
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    Math.abs(seconds) < 60 ? [seconds, 'second'] : Math.abs(seconds) < 3600 ? [Math.trunc(seconds / 60), 'minute'] : [Math.trunc(seconds / 3600), 'hour'];
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(value, unit);
}

