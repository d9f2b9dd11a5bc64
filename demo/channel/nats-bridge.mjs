// The reference endpoint's side of NATS (docs/live-show.md, "With NATS"): it publishes a
// show's featured products and conversation to JetStream as the `publisher` user, and
// aggregates reactions and the watching count (aggregate-counts.mjs) so viewers get one
// event a second, not one per viewer. NATS does the fan-out.
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { aggregateCounts } from './aggregate-counts.mjs';
import { STREAM_CONFIG, SUBJECT_ROOT } from './nats-config.mjs';

const SHOW = /^[\w-]{1,64}$/;

/** Creates the stream, or brings an existing one to STREAM_CONFIG. */
async function ensureStream(nc) {
  const jsm = await jetstreamManager(nc);
  try {
    await jsm.streams.info(STREAM_CONFIG.name);
    await jsm.streams.update(STREAM_CONFIG.name, STREAM_CONFIG);
  } catch {
    await jsm.streams.add(STREAM_CONFIG);
  }
}

/**
 * Connects to `servers` (nats://, TCP) as the publisher. Each method publishes to
 * `livecart.<show>.<type>` and resolves once JetStream has kept it.
 */
export async function natsBridge({ servers, user, pass, windowMs = 1000 }) {
  const nc = await connect({ servers, user, pass, name: 'livecart bridge', maxReconnectAttempts: -1 });
  await ensureStream(nc);
  const js = jetstream(nc);
  const send = (show, type, value) => {
    if (!SHOW.test(show)) return Promise.reject(new Error(`"${show}" is not a show id (letters, digits, _ and -)`));
    return js.publish(`${SUBJECT_ROOT}.${show}.${type}`, JSON.stringify(value));
  };
  const counts = aggregateCounts((show, type, value) => void send(show, type, value).catch(() => {}), { windowMs });
  return {
    feature: (show, product, at = new Date().toISOString()) => send(show, 'featured', { product, at }),
    chat: (show, message) => send(show, 'chat', message),
    hide: (show, id) => send(show, 'hide', { id }),
    pin: (show, id) => send(show, 'pin', { id }),
    /** One viewer's reaction (aggregated). */
    react: counts.react,
    /** The show's watching count now (aggregated). */
    watching: counts.watching,
    /** Any other event, as it is (tests send malformed ones). */
    raw: (subject, data) => js.publish(subject, data),
    async close() {
      counts.stop();
      await nc.drain();
    },
  };
}
