// A show's moderation state (chat.mjs: hidden, pinned, slow, blocked, banned) in JetStream
// KV, for an endpoint that runs as several instances on one NATS (nats-bridge.mjs): one
// key per show in the MODERATION_BUCKET bucket, its JSON the state. Every instance watches
// the key, so its copy (read at each post, no round trip) follows what any instance
// stored; each command is written with compare-and-set (the revision it was applied to),
// and applied again to the state that won when another instance wrote first, so two
// producers' commands at once both land, or the second fails with 409: never one lost.
import { JetStreamApiCodes } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { fail, NO_MODERATION } from './chat.mjs';
import { MODERATION_BUCKET } from './nats-config.mjs';

/** Tries of one command before it fails with 409 (each lost only to another instance's write). */
const TRIES = 8;

/** JetStream refused the write: the key is no longer at the revision the command was applied to. */
const lostRace = (error) => error?.code === JetStreamApiCodes.StreamWrongLastSequence || error?.code === JetStreamApiCodes.StreamWrongLastSequenceUnknown;

/** The moderation bucket on `nc` (created, or bound when it exists): one revision kept per key. */
export const moderationBucket = (nc) => new Kvm(nc).create(MODERATION_BUCKET, { history: 1 });

/** One show's moderation state in `kv` under `key`: a store for chat.mjs's Conversation. */
export class KvModeration {
  state = NO_MODERATION;
  /** The revision `state` is at: 0 before the key's first write. */
  revision = 0;

  constructor(kv, key) {
    this.kv = kv;
    this.key = key;
  }

  /** Starts following the key (the watch, then its value now); resolves once the copy is current. */
  async open() {
    this.watch = await this.kv.watch({ key: this.key });
    void (async () => {
      for await (const entry of this.watch) this.take(entry);
    })();
    this.take(await this.kv.get(this.key));
    return this;
  }

  /** An entry newer than the copy replaces it, from the watch or a read, in whatever order they come. */
  take(entry) {
    if (!entry || entry.revision <= this.revision) return;
    this.revision = entry.revision;
    this.state = entry.operation === 'PUT' ? { ...NO_MODERATION, ...entry.json() } : NO_MODERATION;
  }

  /** Races lost to another instance so far (each one's command applied again). */
  lostRaces = 0;
  /** This instance's commands, one at a time: they race only other instances'. */
  queue = Promise.resolve();

  change(apply) {
    const done = this.queue.then(() => this.store(apply));
    this.queue = done.catch(() => {});
    return done;
  }

  async store(apply) {
    for (let i = 0; i < TRIES; i++) {
      const before = this.state;
      const revision = this.revision;
      const after = apply(before);
      const value = JSON.stringify(after);
      try {
        const stored = revision ? await this.kv.update(this.key, value, revision) : await this.kv.create(this.key, value);
        // This instance's next post sees it at once, before its own watch brings it back.
        this.take({ revision: stored, operation: 'PUT', json: () => after });
        return { before, after };
      } catch (error) {
        if (!lostRace(error)) throw error;
        this.lostRaces++;
        // Another instance wrote first: its state, then this command on it.
        this.take(await this.kv.get(this.key));
      }
    }
    throw fail(409, 'the moderation state kept changing under this command; send it again');
  }

  close() {
    this.watch?.stop();
  }
}
