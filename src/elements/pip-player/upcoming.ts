import { css, html, type ReactiveControllerHost } from 'lit';
import { countdownEnglish } from '../../i18n/en/countdown.js';
import { addEnglish, type Strings } from '../../i18n/strings.js';
import { whenStreamUp } from '../../media/wait-for-stream.js';
import { downloadIcs, googleCalendarUrl, type CalendarEvent } from './calendar.js';

addEnglish(countdownEnglish);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Unit = 'day' | 'hour' | 'minute' | 'second';
interface DurationFormatLike {
  format(duration: Partial<Record<`${Unit}s`, number>>): string;
}

/**
 * "2 hr, 5 min", "3 days, 4 hr", "45 sec": the time left, in the two largest units that
 * matter, through Intl.DurationFormat where the browser has it, else unit NumberFormats.
 * Minutes round up, so the countdown never says "0 min" before the start.
 */
export function formatCountdown(ms: number, locale: string): string {
  const minutes = Math.ceil(ms / MINUTE);
  const parts: [Unit, number][] =
    ms >= DAY
      ? [['day', Math.floor(ms / DAY)], ['hour', Math.floor((ms % DAY) / HOUR)]]
      : minutes >= 60
        ? [['hour', Math.floor(minutes / 60)], ['minute', minutes % 60]]
        : ms > MINUTE
          ? [['minute', minutes]]
          : [['second', Math.max(1, Math.ceil(ms / 1000))]];
  const shown = parts.filter(([, n], i) => n > 0 || i === 0);
  const DurationFormat = (Intl as { DurationFormat?: new (locale: string, options: object) => DurationFormatLike }).DurationFormat;
  if (DurationFormat) {
    return new DurationFormat(locale, { style: 'short' }).format(Object.fromEntries(shown.map(([unit, n]) => [`${unit}s`, n])));
  }
  return shown
    .map(([unit, n]) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(n))
    .join(' ');
}

/** Loaded with this module, adopted by the player's shadow root (constructed sheets pass a strict CSP). */
const styles = css`
  .upcoming {
    position: absolute;
    inset: auto 0 0;
    display: grid;
    justify-items: center;
    gap: 4px;
    padding: 12px;
    background: linear-gradient(transparent, rgb(0 0 0 / 0.8) 30%);
    color: #fff;
    text-align: center;
  }
  [part~='countdown'] {
    margin: 0;
    font-size: 1.25em;
    font-weight: 700;
  }
  .calendar {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 8px;
  }
  .calendar > * {
    padding: 6px 14px;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    font: inherit;
    font-weight: 700;
    text-decoration: none;
    cursor: pointer;
  }
`;

export interface UpcomingOptions {
  /** The stream to wait for. */
  src: string;
  startsAt: Date;
  /** The show as a calendar entry (read when the shopper asks for it). */
  event: () => CalendarEvent;
  /** The stream is up: the player loads it. */
  onUp: () => void;
}

/**
 * A show that has not started: counts down to `starts-at`, offers it for the shopper's
 * calendar, and waits for its stream to come up. Loaded only by players with a
 * `starts-at` still ahead (most shows are already live).
 */
export class UpcomingShow {
  private timer?: ReturnType<typeof setTimeout>;
  private readonly stopWaiting: () => void;

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment },
    private readonly options: UpcomingOptions,
  ) {
    const root = host.renderRoot;
    const sheet = styles.styleSheet;
    if (sheet && root instanceof ShadowRoot && !root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
    this.stopWaiting = whenStreamUp(options.src, +options.startsAt, () => {
      this.stop();
      options.onUp();
    });
    this.tick();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.stopWaiting();
  }

  render(t: Strings, locale: string) {
    const left = +this.options.startsAt - Date.now();
    const start = this.options.startsAt;
    return html`<div part="upcoming" class="upcoming">
      <p part="countdown" role="timer">
        ${left > 0 ? t.startsIn.replace('{time}', formatCountdown(left, locale)) : t.startingSoon}
      </p>
      <time datetime=${start.toISOString()}
        >${new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(start)}</time
      >
      <span class="calendar">
        <button part="add-to-calendar" type="button" @click=${() => downloadIcs(this.options.event())}>${t.addToCalendar}</button>
        <a part="google-calendar" href=${googleCalendarUrl(this.options.event())} target="_blank" rel="noopener">${t.googleCalendar}</a>
      </span>
    </div>`;
  }

  /** Re-renders when the countdown's text changes: each second in the last minute, else each minute. */
  private tick(): void {
    this.host.requestUpdate();
    const left = +this.options.startsAt - Date.now();
    if (left <= 0) return;
    const step = left > MINUTE + 1000 ? MINUTE : 1000;
    this.timer = setTimeout(() => this.tick(), left % step || step);
  }
}
