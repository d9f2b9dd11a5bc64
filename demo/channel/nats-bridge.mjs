// The reference endpoint's side of NATS (docs/live-show.md, "With NATS"): it publishes a
// show's featured products and conversation to JetStream as the `publisher` user, and
// aggregates reactions and the watching count (aggregate-counts.mjs) so viewers get one
// event a second, not one per viewer. NATS does the fan-out.
//
// It also serves a show's conversation (chat.mjs) as one of several endpoint instances:
// `conversation(show)` keeps the moderation state in JetStream KV (kv-moderation.mjs), so
// a ban, slow mode or blocked word set through any instance holds on all, and learns every
// instance's messages from the stream (for pins). Message ids start with the instance's id.
import { randomBytes } from 'node:crypto';
import { DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { aggregateCounts } from './aggregate-counts.mjs';
import { Conversation } from './chat.mjs';
import { KvModeration, moderationBucket } from './kv-moderation.mjs';
import { STREAM, STREAM_CONFIG, SUBJECT_ROOT } from './nats-config.mjs';

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
 * `livecart.<show>.<type>` and resolves once JetStream has kept it. `instance` names this
 * endpoint instance (a random id by default); `reconnectTimeWait` is nats.js's.
 */
export async function natsBridge({ servers, user, pass, windowMs = 1000, instance = randomBytes(3).toString('hex'), reconnectTimeWait }) {
  const nc = await connect({ servers, user, pass, name: `livecart bridge ${instance}`, maxReconnectAttempts: -1, reconnectTimeWait });
  await ensureStream(nc);
  const js = jetstream(nc);
  const send = (show, type, value) => {
    if (!SHOW.test(show)) return Promise.reject(new Error(`"${show}" is not a show id (letters, digits, _ and -)`));
    return js.publish(`${SUBJECT_ROOT}.${show}.${type}`, JSON.stringify(value));
  };
  const counts = aggregateCounts((show, type, value) => void send(show, type, value).catch(() => {}), { windowMs });
  let bucket;
  const conversations = new Map();
  const closing = [];
  async function serve(show) {
    if (!SHOW.test(show)) throw Object.assign(new Error(`"${show}" is not a show id`), { status: 400 });
    const moderation = await new KvModeration(await (bucket ??= moderationBucket(nc)), show).open();
    // Waited for by hub.mjs's converse (a failed publish answers 500); caught here for other callers.
    const publish = (type, data) => {
      const sent = send(show, type, data);
      sent.catch(() => {});
      return sent;
    };
    const conversation = new Conversation(publish, { moderation, idPrefix: `${instance}-` });
    // Hearts, within the show's cap, go to the aggregator.
    const react = conversation.react.bind(conversation);
    conversation.react = (now) => {
      const answer = react(now);
      counts.react(show);
      return answer;
    };
    // Every instance's messages (and this one's, once more: kept once), for pins.
    const consumer = await js.consumers.get(STREAM, { filter_subjects: `${SUBJECT_ROOT}.${show}.chat`, deliver_policy: DeliverPolicy.All });
    const messages = await consumer.consume({ callback: (msg) => conversation.remember(msg.json()) });
    closing.push(() => moderation.close(), () => messages.stop());
    return conversation;
  }
  return {
    instance,
    /** The show's conversation as this instance serves it (chat.mjs), for hub.mjs's `converse`. */
    conversation(show) {
      let found = conversations.get(show);
      if (!found) {
        conversations.set(show, (found = serve(show)));
        // A show that could not be opened (a bad id, NATS away) is tried again at the next request.
        found.catch(() => conversations.delete(show));
      }
      return found;
    },
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
      closing.forEach((stop) => stop());
      counts.stop();
      await nc.drain();
    },
  };
}
