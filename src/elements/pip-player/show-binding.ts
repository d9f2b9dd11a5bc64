import type { ReactiveElement } from 'lit';
import { IDLE, type PlayerHandle, type PlayerState, type Show } from '../../store/show.js';

/** The player state the element reflects, all of it from its show (`$player` follows the show's player's). */
const REFLECTED = ['state', 'pipMode', 'live', 'behindLive'] as const;

/**
 * How a player follows its show (the ShowController's binding): its state is kept in the
 * show (`Show.stateOf`), carried over when it moves or changes show in one go, reflected
 * into the element's properties as it changes, and `onFeatured` heard at each product on
 * screen. Returns what lets go of the show.
 */
export function bindToShow(player: PlayerHandle & ReactiveElement, onFeatured: () => void): (show: Show) => () => void {
  /** The state carried from one binding to the next (a move, or another show). */
  let carried: PlayerState | undefined;
  // From idle: an idle player writes no attribute a framework did not render (hydration).
  const reflect = (now: PlayerState, before: PlayerState = IDLE) => {
    for (const key of REFLECTED) if (now[key] !== before[key]) player.requestUpdate(key, before[key]);
  };
  return (show) => {
    // Its state first: the show's `$player` takes it from the moment it follows this player.
    if (carried) show.setPlayerState(player, carried);
    const detach = show.attachPlayer(player);
    const $state = show.stateOf(player);
    reflect($state.get());
    const stops = [show.$featured.listen(onFeatured), $state.listen(reflect), detach];
    return () => {
      carried = $state.get();
      queueMicrotask(() => (carried = undefined));
      // Detached first, while still reflecting: a player out of the page is idle.
      for (const stop of stops.reverse()) stop();
    };
  };
}
