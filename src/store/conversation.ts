import type { Show } from './show.js';

/** One event of a show's conversation as its stream carried it: the type and the unparsed data. */
export interface ChatEvent {
  type: string;
  data: string;
}

/** What a show keeps of its conversation until a `<show-chat>` reads it (a late joiner's history is about as long). */
const KEPT = 300;

interface Relay {
  heard: ChatEvent[];
  listeners: Set<(event: ChatEvent) => void>;
}
const relays = new WeakMap<Show, Relay>();
const relayOf = (show: Show): Relay => {
  let relay = relays.get(show);
  if (!relay) relays.set(show, (relay = { heard: [], listeners: new Set() }));
  return relay;
};

/**
 * Between a show's event stream (media/schedule-follow.ts hears it) and its `<show-chat>`:
 * an event of the conversation (`chat`, `hide`, `pin`, `reaction`, `viewers`; data
 * unparsed). Neither is in livecart.js: pages without a chat never load this.
 */
export function hearChat(show: Show, event: ChatEvent): void {
  const { heard, listeners } = relayOf(show);
  if (listeners.size) for (const listener of listeners) listener(event);
  else if (heard.push(event) > KEPT) heard.shift();
}

/** Follows the show's conversation: first what was heard before, then each event. */
export function listenChat(show: Show, listener: (event: ChatEvent) => void): () => void {
  const { heard, listeners } = relayOf(show);
  heard.splice(0).forEach(listener);
  listeners.add(listener);
  return () => listeners.delete(listener);
}
