import { localeOf, stringsOf } from '../../i18n/strings.js';
import { ShowDescription } from '../../media/structured-data.js';
import { showTitle } from './player-controller.js';
import type { StreamHost } from './stream-controller.js';
import { UpcomingShow } from './upcoming.js';

/** A show lasts an hour in the shopper's calendar unless the page says otherwise (it cannot yet). */
const CALENDAR_MS = 60 * 60_000;

/**
 * The parts of a show's life around the live part, fetched by a player only for a live or
 * upcoming show (most pages play a show that is live already and need only the JSON-LD):
 * before `starts-at`, the countdown, the calendar and the wait for the stream; all along,
 * the show's JSON-LD for search engines.
 */
export class ShowLife {
  private upcoming?: UpcomingShow;
  private readonly description = new ShowDescription();
  /** The show has been live in this player: its `ended` is the end of the show. */
  private wasLive = false;

  constructor(
    private readonly player: StreamHost,
    /** Loads the stream, which is up now. */
    private readonly onUp: () => void,
  ) {}

  /** Counts down to `starts-at` and waits for the stream to come up. */
  wait(): void {
    this.stopWaiting();
    const player = this.player;
    const start = new Date(player.startsAt!);
    this.upcoming = new UpcomingShow(player, {
      src: new URL(player.src, document.baseURI).href,
      startsAt: start,
      event: () => ({ title: showTitle(player), start, end: new Date(+start + CALENDAR_MS), url: player.returnUrl || location.href }),
      onUp: () => {
        this.upcoming = undefined;
        this.onUp();
      },
    });
  }

  stopWaiting(): void {
    this.upcoming?.stop();
    this.upcoming = undefined;
  }

  /** Keeps the JSON-LD in step with the player: live, upcoming or ended; gone with `structured-data="off"`. */
  update(): void {
    const { player } = this;
    this.wasLive ||= player.live;
    const ended = this.wasLive && player.state === 'ended';
    const described = player.structuredData !== 'off' && (player.live || ended || !!this.upcoming);
    this.description.update(
      described
        ? { name: showTitle(player), src: player.src, poster: player.poster, startsAt: player.startsAt, live: player.live, ended }
        : null,
    );
  }

  render() {
    return this.upcoming?.render(stringsOf(this.player), localeOf(this.player));
  }

  stop(): void {
    this.stopWaiting();
    this.description.remove();
  }
}
