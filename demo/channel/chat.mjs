// The reference endpoint of a show's conversation (CONTRACT 11), as the demo's hub serves it
// beside the featured products (hub.mjs): it takes viewers' posts, moderates them and
// publishes what passes to the show's event stream; the producer's console moderates it.
//
//   POST /hub[/<name>]/chat      a viewer's post, JSON `{ show, name, text, question? }`,
//                                or a reaction `{ show, reaction: "heart" }`
//                                → 202 `{ id }`; 400 a bad post; 403 `{ error }` banned or
//                                a blocked word; 429 + Retry-After: slow mode, or too fast
//   POST /hub[/<name>]/moderate  the producer, `Authorization: Bearer <publisher token>`,
//                                JSON `{ action, … }`: `hide {id}`, `pin {id|null}`,
//                                `ban {name}`, `unban {name}`, `slow {seconds}`,
//                                `blocked {words}`, `say {text, name?, answers?}`
//                                → 200 the moderation state `{ slow, blocked, banned }`
//
// Viewers never post to the hub itself and never hold its token. Reactions and the number
// watching are aggregated: one `reaction` `{ count }` and one `viewers` `{ count }` event a
// second at most, and only when they changed, however many viewers send hearts. A viewer
// who joins late gets the last messages (hidden ones left out), the pin and both counts.

/** What a post may be: longer is refused, not cut (the viewer sees why and keeps the text). */
export const CHAT_LIMITS = { text: 500, name: 40, history: 200, burst: 5, burstMs: 10_000, reactionsPerSecond: 1000 };

/** Control and format characters (a name of them is no name), and runs of white space. */
const clean = (value) =>
  typeof value === 'string' ? value.replace(/[\p{Cc}\p{Cf}]/gu, ' ').replace(/\s+/g, ' ').trim() : '';

export const fail = (status, message, headers = {}) => Object.assign(new Error(message), { status, headers });

/** The moderation state of a show that has none yet. */
export const NO_MODERATION = Object.freeze({ hidden: [], pinned: null, slow: 0, blocked: [], banned: [] });

/**
 * Where a show's moderation state lives when one endpoint instance serves it: in memory.
 * A store has `state` (the current state, read at each post) and `change(apply)`, which
 * stores `apply(state)` and answers `{ before, after }`, the state it was applied to and
 * the result. kv-moderation.mjs keeps it in JetStream KV instead, for several instances.
 */
export class MemoryModeration {
  state = NO_MODERATION;

  async change(apply) {
    const before = this.state;
    // Applied at once (before the first await): a caller that does not wait sees it next.
    this.state = apply(before);
    return { before, after: this.state };
  }
}

/** One show's conversation: its messages, moderation state and counts. */
export class Conversation {
  /**
   * `send(type, data, keep)` publishes one event to the show's stream (hub.mjs).
   * `moderation`: where hide, pin, ban, slow and blocked live (in memory by default).
   * `idPrefix`: what each message id starts with, so that several instances' ids never meet.
   */
  constructor(send, { moderation = new MemoryModeration(), idPrefix = '' } = {}) {
    this.send = send;
    this.moderation = moderation;
    this.idPrefix = idPrefix;
    this.messages = [];
    /** Each name's recent posts (times), for the burst limit and slow mode. */
    this.posts = new Map();
    this.reactions = 0;
    this.reactionsSent = 0;
    this.reactionWindow = { second: 0, count: 0 };
    this.viewersSent = 0;
    this.nextId = 0;
    /** Each message's publish, when `send` answers a promise: the endpoint answers the post once it is out. */
    this.published = new WeakMap();
  }

  /** A viewer's post; answers the new message, or throws with an HTTP status. */
  post(body, now = Date.now()) {
    if (!body || typeof body !== 'object') throw fail(400, 'the post is not a JSON object');
    if (body.reaction !== undefined) return this.react(now);
    const name = clean(body.name);
    const text = clean(body.text);
    if (!name) throw fail(400, 'a name is needed');
    if (!text) throw fail(400, 'the message is empty');
    if ([...name].length > CHAT_LIMITS.name) throw fail(400, `a name is at most ${CHAT_LIMITS.name} characters`);
    if ([...text].length > CHAT_LIMITS.text) throw fail(400, `a message is at most ${CHAT_LIMITS.text} characters`);
    const who = name.toLowerCase();
    const { banned, blocked, slow } = this.moderation.state;
    if (banned.includes(who)) throw fail(403, 'you can no longer post in this chat');
    const word = blocked.find((w) => new RegExp(`(^|\\P{L})${escape(w)}($|\\P{L})`, 'iu').test(text));
    if (word) throw fail(403, 'the message has a word this chat does not allow');
    const before = this.posts.get(who) ?? [];
    const times = before.filter((t) => now - t < CHAT_LIMITS.burstMs);
    const waitSlow = slow && before.length ? before.at(-1) + slow * 1000 - now : 0;
    const waitBurst = times.length >= CHAT_LIMITS.burst ? times[0] + CHAT_LIMITS.burstMs - now : 0;
    const wait = Math.max(waitSlow, waitBurst);
    if (wait > 0) throw fail(429, slow ? `slow mode: one message every ${slow} s` : 'too many messages', { 'Retry-After': String(Math.ceil(wait / 1000)) });
    times.push(now);
    this.posts.delete(who);
    this.posts.set(who, times);
    // The map of names is bounded too: the quietest go first.
    if (this.posts.size > 10_000) this.posts.delete(this.posts.keys().next().value);
    return this.publish({ name, text, ...(body.question === true ? { question: true } : {}) }, now);
  }

  /**
   * The producer's command (the token is checked by the caller); resolves to the
   * moderation state once it is stored, or rejects with an HTTP status.
   */
  async moderate(body, now = Date.now()) {
    const { action } = body ?? {};
    if (action === 'say') {
      const text = clean(body.text);
      if (!text || [...text].length > CHAT_LIMITS.text) throw fail(400, `a message is 1 to ${CHAT_LIMITS.text} characters`);
      const answers = body.answers == null ? {} : { answers: String(body.answers) };
      this.publish({ name: clean(body.name) || 'Host', text, role: 'host', ...answers }, now);
      return this.state();
    }
    const { before, after } = await this.moderation.change(this.command(action, body));
    // Stored first, then told (a `send` that publishes elsewhere may be waited for).
    if (action === 'hide') await this.send('hide', { id: String(body.id) }, true);
    // A hidden pinned message is unpinned too.
    if (after.pinned !== before.pinned || action === 'pin') await this.send('pin', { id: after.pinned }, true);
    return this.state();
  }

  /**
   * A command as a change of the moderation state, `(state) => state`, checked first
   * (400). A store that lost a race applies it again to the state that won: each change
   * is written so that it means the same then (a ban bans that name, whoever else was
   * banned meanwhile; new blocked words are added to the other producer's).
   */
  command(action, body) {
    if (action === 'hide') {
      const id = String(body.id ?? '');
      if (!id) throw fail(400, 'hide needs an id');
      // Ids of the messages kept: older ones are in no history any more.
      return (s) => ({ ...s, hidden: [...s.hidden.filter((h) => h !== id), id].slice(-CHAT_LIMITS.history), pinned: s.pinned === id ? null : s.pinned });
    }
    if (action === 'pin') {
      const id = body.id == null ? null : String(body.id);
      return (s) => {
        if (id !== null && (s.hidden.includes(id) || !this.messages.some((m) => m.id === id))) throw fail(404, 'no such message');
        return { ...s, pinned: id };
      };
    }
    if (action === 'ban' || action === 'unban') {
      const name = clean(body.name).toLowerCase();
      if (!name) throw fail(400, `${action} needs a name`);
      return (s) => ({ ...s, banned: [...s.banned.filter((n) => n !== name), ...(action === 'ban' ? [name] : [])] });
    }
    if (action === 'slow') {
      const seconds = Number(body.seconds);
      if (!(seconds >= 0 && seconds <= 3600)) throw fail(400, 'slow takes 0 to 3600 seconds');
      return (s) => ({ ...s, slow: Math.round(seconds) });
    }
    if (action === 'blocked') {
      if (!Array.isArray(body.words)) throw fail(400, 'blocked takes a list of words');
      const words = [...new Set(body.words.map(clean).filter(Boolean))].slice(0, 500);
      // The producer edited the list this instance had: what they added and removed is the command.
      const base = this.moderation.state.blocked;
      const added = words.filter((w) => !base.includes(w));
      const removed = base.filter((w) => !words.includes(w));
      return (s) => ({ ...s, blocked: [...s.blocked.filter((w) => !removed.includes(w)), ...added.filter((w) => !s.blocked.includes(w))].slice(0, 500) });
    }
    throw fail(400, 'action is one of hide, pin, ban, unban, slow, blocked, say');
  }

  state() {
    const { slow, blocked, banned, pinned } = this.moderation.state;
    return { slow, blocked, banned, pinned };
  }

  publish(fields, now) {
    return this.remember({ id: `${this.idPrefix}m${++this.nextId}`, ...fields, at: new Date(now).toISOString() }, true);
  }

  /** Keeps a message (once: another instance's comes back from the stream); `send` publishes it too. */
  remember(message, send = false) {
    if (this.messages.some((m) => m.id === message.id)) return message;
    this.messages.push(message);
    if (this.messages.length > CHAT_LIMITS.history) this.messages.shift();
    if (send) this.published.set(message, this.send('chat', message, true));
    return message;
  }

  /** One more heart, counted (at most reactionsPerSecond a second for the whole show: a flood is a count, not a load). */
  react(now) {
    const second = Math.floor(now / 1000);
    if (this.reactionWindow.second !== second) this.reactionWindow = { second, count: 0 };
    if (++this.reactionWindow.count > CHAT_LIMITS.reactionsPerSecond) throw fail(429, 'too many reactions', { 'Retry-After': '1' });
    this.reactions++;
    return { reaction: true };
  }

  /** Once a second: the counts, each only when it changed. */
  tick(viewers) {
    if (this.reactions !== this.reactionsSent) this.send('reaction', { count: (this.reactionsSent = this.reactions) }, false);
    if (viewers !== this.viewersSent) this.send('viewers', { count: (this.viewersSent = viewers) }, false);
  }

  /**
   * What a viewer who (re)joins now is sent: the visible messages, a `hide` for each hidden
   * one it may have seen before a reconnection, the pin and the counts.
   */
  history() {
    const { hidden, pinned } = this.moderation.state;
    const visible = this.messages.filter((m) => !hidden.includes(m.id)).map((m) => ['chat', m]);
    const gone = this.messages.filter((m) => hidden.includes(m.id)).map((m) => ['hide', { id: m.id }]);
    return [
      ...visible,
      ...gone,
      ...(pinned ? [['pin', { id: pinned }]] : []),
      ...(this.reactions ? [['reaction', { count: this.reactions }]] : []),
      ...(this.viewersSent ? [['viewers', { count: this.viewersSent }]] : []),
    ];
  }
}

const escape = (word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
