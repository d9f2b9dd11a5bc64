import { wsconnect, type NatsConnection } from '@nats-io/nats-core';
import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import { errorMessage } from '../platform/errors.js';
import { MAX_EVENT_BYTES } from './schedule.js';
import { backoff, CHAT_EVENTS, entryIntake, skippedEntries, sleep, type ScheduleOptions } from './schedule-follow.js';

// The show's event stream from NATS over WebSocket (docs/live-show.md, "With NATS"): the
// featured product and the conversation, fanned out by NATS, with JetStream's history so
// a viewer who joins late sees the product on screen, the pin, the counts and the last
// messages. This module (and nats.js with it) loads only for a `ws:`/`wss:` schedule.
//
//   ws[s]://[user:password@]host[:port][/path]?subject=<prefix>[&stream=<name>]
//
// `<prefix>.featured` carries `{ product, at }`; `<prefix>.chat`, `.hide`, `.pin`,
// `.reaction`, `.viewers` the conversation's events (CONTRACT 11), as SSE names them.

/** The JetStream stream that keeps every show's subjects, unless the URL names another. */
export const DEFAULT_STREAM = 'LIVECART';
/** The subject of the product on screen, after the show's prefix. */
export const FEATURED = 'featured';
/** A connection attempt (WebSocket and NATS handshake) that takes longer failed. */
const CONNECT_TIMEOUT_MS = 10_000;
/** The first wait before reconnecting; doubled per attempt (jittered, at most a minute). */
const RETRY_MS = 1000;

const TOKENS = /^[\w-]+(?:\.[\w-]+)*$/;

/** Whether a schedule URL names a NATS WebSocket rather than SSE or a JSON schedule. */
export const isNatsUrl = (url: string): boolean => /^wss?:\/\//i.test(url);

interface NatsAddress {
  server: string;
  user?: string;
  pass?: string;
  stream: string;
  prefix: string;
}

/** The server, credentials, stream and subject prefix a NATS schedule URL names, or what is wrong with it. */
export function natsAddress(url: string): NatsAddress | string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  const prefix = parsed.searchParams.get('subject') ?? '';
  const stream = parsed.searchParams.get('stream') ?? DEFAULT_STREAM;
  if (!TOKENS.test(prefix)) return 'it needs ?subject=<prefix>, dot-separated letters, digits, _ and -';
  if (!/^[\w-]+$/.test(stream)) return '"stream" must be one name';
  const user = decodeURIComponent(parsed.username) || undefined;
  const pass = decodeURIComponent(parsed.password) || undefined;
  parsed.username = parsed.password = parsed.search = parsed.hash = '';
  return { server: parsed.href, user, pass, stream, prefix };
}

/**
 * Follows a show's NATS subjects until `signal` aborts: connects (retrying with back-off
 * until it can), then reads the show's JetStream history and what comes after it through
 * one ordered consumer, which nats.js recreates after a gap or a reconnection from the
 * last message it delivered. An outage is reported once; abort closes the connection.
 */
export async function followNats(url: string, options: ScheduleOptions): Promise<void> {
  const { signal, report } = options;
  const address = natsAddress(url);
  if (typeof address === 'string') return report(`the schedule ${url} is not a NATS address (${address})`);
  const retry = retries();
  while (!signal.aborted) {
    let nc: NatsConnection | undefined;
    try {
      nc = await connect(address, retry.wait);
      if (signal.aborted) return void (await nc.close());
      await follow(nc, address, url, options, retry);
      return;
    } catch (error) {
      if (signal.aborted) return;
      // Once per outage, not at every retry.
      if (!retry.failures) report(`the schedule ${url} could not be followed (${errorMessage(error)})`);
      void nc?.close().catch(() => {});
      await sleep(retry.next(), signal);
    }
  }
}

type Retries = ReturnType<typeof retries>;

/**
 * Attempts in a row that failed (the first connection's here, nats.js's reconnections as
 * it reports them) and the wait before the next. nats.js asks `wait` at every turn of its
 * reconnection loop, not once per attempt, and dials only once the wait it is told has
 * passed since the last attempt: a wait that grew at each question (as `backoff(…,
 * failures++)` did) kept it from ever dialling again. So the answer changes per attempt only.
 */
function retries() {
  let failures = 0;
  let wait = backoff(RETRY_MS, 0);
  return {
    get failures() {
      return failures;
    },
    /** One more attempt failed (or is under way): the wait after it. */
    next: () => (wait = backoff(RETRY_MS, failures++)),
    wait: () => wait,
    connected() {
      failures = 0;
      wait = backoff(RETRY_MS, 0);
    },
  };
}

function connect({ server, user, pass, prefix }: NatsAddress, delay: () => number): Promise<NatsConnection> {
  return wsconnect({
    servers: server,
    user,
    pass,
    // What the server's monitoring (connz) lists it as.
    name: `livecart viewer of ${prefix}`,
    timeout: CONNECT_TIMEOUT_MS,
    // Once connected, nats.js reconnects by itself, for ever, backing off as livecart does.
    maxReconnectAttempts: -1,
    reconnectDelayHandler: delay,
    // A viewer publishes nothing: its own messages would never come back anyway.
    noEcho: true,
  });
}

/** Reads the show's history and live events from `nc` until `options.signal` aborts. */
async function follow(nc: NatsConnection, { stream, prefix }: NatsAddress, url: string, options: ScheduleOptions, retry: Retries): Promise<void> {
  const { signal, follower, onChange, report, onChat } = options;
  const consumer = await jetstream(nc).consumers.get(stream, { filter_subjects: `${prefix}.>`, deliver_policy: DeliverPolicy.All });
  const intake = entryIntake(follower, onChange, skippedEntries(report, signal));
  const chatTypes = new Set<string>(CHAT_EVENTS);
  const messages = await consumer.consume({
    callback: (msg) => {
      const type = msg.subject.slice(prefix.length + 1);
      const data = msg.string();
      // The intake refuses an oversized product event (and reports it); an oversized chat event is dropped, as over SSE.
      if (type === FEATURED) intake.take(data);
      else if (onChat && chatTypes.has(type) && data.length <= MAX_EVENT_BYTES) onChat({ type, data });
    },
  });
  retry.connected();
  // Once per outage: the first drop is told, the reconnection ends the outage.
  let outage = false;
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect' && !outage) {
        outage = true;
        report(`the schedule ${url} dropped; reconnecting`);
      } else if (status.type === 'reconnecting') retry.next();
      else if (status.type === 'reconnect') {
        outage = false;
        retry.connected();
      }
    }
  })();
  await new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  intake.stop();
  messages.stop();
  await nc.close();
}
