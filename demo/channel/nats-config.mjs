// The NATS side of a show's event stream (docs/live-show.md, "With NATS"): the JetStream
// stream that keeps every show's subjects, and a nats-server configuration with its two
// users. Shared by the reference bridge (nats-bridge.mjs) and the tests' server
// (test/nats-server.mjs), so what the docs describe is what runs.

/** Every show's subjects live under this: `livecart.<show>.<type>`. */
export const SUBJECT_ROOT = 'livecart';
export const STREAM = 'LIVECART';
/** What a late joiner gets back per subject: the last 50 chat messages, hides, pins, products, counts. */
export const HISTORY_PER_SUBJECT = 50;
/** The JetStream KV bucket of the shows' moderation state (kv-moderation.mjs): one key per show, endpoints only. */
export const MODERATION_BUCKET = 'livecart-moderation';
/** The limit a viewer enforces too (MAX_EVENT_BYTES in src/media/schedule.ts). */
export const MAX_EVENT_BYTES = 4096;
const DAY_NS = 24 * 3600 * 1e9;

/** The stream's configuration (JetStream API names): a day of history, 50 per subject, bounded in bytes. */
export const STREAM_CONFIG = {
  name: STREAM,
  subjects: [`${SUBJECT_ROOT}.>`],
  max_msgs_per_subject: HISTORY_PER_SUBJECT,
  max_age: DAY_NS,
  max_bytes: 256 * 2 ** 20,
  max_msg_size: MAX_EVENT_BYTES,
  discard: 'old',
  storage: 'file',
  num_replicas: 1,
};

/**
 * What a viewer may do: read the shows' subjects, and the JetStream API calls an ordered
 * consumer of the stream makes (nats.js: stream info, create its ephemeral consumer, pull
 * the next messages, delete it when it starts over). Nothing else: it cannot publish to a
 * show, create or change a stream, or read another stream.
 */
export const VIEWER_PERMISSIONS = {
  publish: {
    allow: [
      `$JS.API.STREAM.INFO.${STREAM}`,
      `$JS.API.CONSUMER.CREATE.${STREAM}.>`,
      `$JS.API.CONSUMER.MSG.NEXT.${STREAM}.>`,
      `$JS.API.CONSUMER.INFO.${STREAM}.>`,
      `$JS.API.CONSUMER.DELETE.${STREAM}.>`,
    ],
  },
  subscribe: { allow: [`${SUBJECT_ROOT}.>`, '_INBOX.>'] },
};

/**
 * What the bridge (the retailer's endpoint) may do: publish to the shows, manage the
 * stream, and read and write the moderation bucket (which viewers cannot even read).
 */
export const PUBLISHER_PERMISSIONS = {
  publish: { allow: [`${SUBJECT_ROOT}.>`, '$JS.API.>', `$KV.${MODERATION_BUCKET}.>`] },
  subscribe: { allow: ['_INBOX.>'] },
};

/**
 * A nats-server configuration: client port, WebSocket (plain `ws:` when `tls` is not
 * given; put TLS on it or in front of it in production), monitoring, JetStream in
 * `storeDir`, and the two users. nats-server's config format accepts JSON.
 */
export function natsServerConfig({ host = '127.0.0.1', port, wsPort, httpPort, storeDir, viewer, publisher, tls }) {
  const config = {
    host,
    port,
    http: `${host}:${httpPort}`,
    max_payload: 64 * 1024,
    websocket: { host, port: wsPort, ...(tls ? { tls } : { no_tls: true }) },
    jetstream: { store_dir: storeDir, max_memory_store: 64 * 2 ** 20, max_file_store: 1024 * 2 ** 20 },
    authorization: {
      users: [
        { user: viewer.user, password: viewer.pass, permissions: VIEWER_PERMISSIONS },
        { user: publisher.user, password: publisher.pass, permissions: PUBLISHER_PERMISSIONS },
      ],
    },
  };
  return JSON.stringify(config, null, 2);
}
