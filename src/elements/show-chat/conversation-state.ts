import type { ChatEvent } from '../../store/conversation.js';

/** One message of the conversation, as a viewer's chat holds it. */
export interface ChatMessage {
  id: string;
  name: string;
  text: string;
  at: string;
  /** `host`: the show's own (a badge). */
  role?: 'host';
  /** Asked as a question (the host may answer it). */
  question?: boolean;
  /** The id of the question a host's message answers. */
  answers?: string;
  /** The shopper's own, until the stream carries it back: `pending`, then `sent`, or `failed` with Retry. */
  own?: 'pending' | 'sent' | 'failed';
  /** Why an own message failed, or how long slow mode asks to wait. */
  error?: string;
}

/** What a chat holds: enough to scroll back a while, bounded whatever the stream sends. */
export const KEPT_MESSAGES = 200;
/** Hidden ids remembered (a `hide` may come before its message, and replays repeat them). */
const KEPT_HIDDEN = 2000;
export const MAX_NAME = 40;
export const MAX_TEXT = 500;

/** Text as text: control and format characters out, runs of white space one space, at most `max` characters. */
export function plainText(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  const text = value.replace(/[\p{Cc}\p{Cf}]/gu, ' ').replace(/\s+/g, ' ').trim();
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

const idOf = (value: unknown) => (typeof value === 'string' && value.length <= 64 ? value : typeof value === 'number' ? String(value) : null);

/**
 * The conversation as events build it: messages in arrival order (the latest
 * KEPT_MESSAGES), hidden ones out, the pin, and the aggregated counts. An event that
 * does not parse, a message without an id, name or text, a repeat of a message already
 * held (a reconnection's replay) and a `hide` for an unknown id change nothing visible.
 */
export class ConversationState {
  messages: ChatMessage[] = [];
  pinned: string | null = null;
  reactions = 0;
  viewers = 0;
  /** Messages dropped as bad or repeated, for the chat's report. */
  skipped = 0;
  private readonly hidden = new Set<string>();

  /** Takes one event in; whether anything shown changed. */
  take({ type, data }: ChatEvent): boolean {
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(data);
      if (!value || typeof value !== 'object') throw new Error();
    } catch {
      this.skipped++;
      return false;
    }
    if (type === 'chat') return this.add(value);
    if (type === 'hide') return this.hide(idOf(value.id));
    if (type === 'pin') {
      const id = value.id === null ? null : idOf(value.id);
      if (id === undefined || (value.id !== null && id === null)) return false;
      this.pinned = id;
      return true;
    }
    const count = Number(value.count);
    if (!Number.isSafeInteger(count) || count < 0) return false;
    if (type === 'reaction') this.reactions = count;
    else if (type === 'viewers') this.viewers = count;
    else return false;
    return true;
  }

  /** The pinned message, when it is held and not hidden. */
  pinnedMessage(): ChatMessage | undefined {
    return this.pinned === null ? undefined : this.messages.find((m) => m.id === this.pinned);
  }

  /** The shopper's own message, shown at once as pending. */
  addOwn(message: ChatMessage): void {
    this.push(message);
  }

  private add(value: Record<string, unknown>): boolean {
    const id = idOf(value.id);
    const name = plainText(value.name, MAX_NAME);
    const text = plainText(value.text, MAX_TEXT);
    if (!id || !name || !text) return (this.skipped++, false);
    if (this.hidden.has(id) || this.messages.some((m) => m.id === id)) return false;
    const message: ChatMessage = { id, name, text, at: typeof value.at === 'string' ? value.at : new Date().toISOString() };
    if (value.role === 'host') message.role = 'host';
    if (value.question === true) message.question = true;
    const answers = idOf(value.answers);
    if (answers) message.answers = answers;
    // The shopper's own post, carried back: it replaces the one shown as pending or sent.
    const own = this.messages.findIndex((m) => m.own && m.own !== 'failed' && m.name === name && m.text === text);
    if (own >= 0) this.messages.splice(own, 1);
    this.push(message);
    return true;
  }

  private push(message: ChatMessage): void {
    this.messages.push(message);
    if (this.messages.length > KEPT_MESSAGES) this.messages.splice(0, this.messages.length - KEPT_MESSAGES);
  }

  private hide(id: string | null): boolean {
    if (!id) return false;
    this.hidden.add(id);
    if (this.hidden.size > KEPT_HIDDEN) this.hidden.delete(this.hidden.values().next().value!);
    const before = this.messages.length;
    this.messages = this.messages.filter((m) => m.id !== id);
    if (this.pinned === id) this.pinned = null;
    return this.messages.length !== before;
  }
}
