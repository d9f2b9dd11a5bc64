import { html, nothing, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ShowController } from '../../controllers/show-controller.js';
import { emit } from '../../core/events.js';
import type { Product } from '../../core/product.js';
import { chatEnglish } from '../../i18n/en/chat.js';
import { addEnglish, localeOf, stringsOf, type Strings } from '../../i18n/strings.js';
import { readJson, writeJson } from '../../platform/storage.js';
import { listenChat, type ChatEvent } from '../../store/conversation.js';
import { productCard } from '../product-card.js';
import { tokens } from '../theme.js';
import { LivecartElement } from '../livecart-element.js';
import { renderComposer } from './chat-composer.js';
import { postToChat } from './chat-post.js';
import { Hearts } from './hearts.js';
import { ConversationState, MAX_NAME, MAX_TEXT, plainText, type ChatMessage } from './conversation-state.js';
import { BAG, productMentions } from './mentions.js';
import type { Moderation } from './moderation.js';
import { styles } from './show-chat.styles.js';

addEnglish(chatEnglish);

/** The messages drawn: the latest ones (the state keeps more, the list stays light whatever the flood). */
const DRAWN = 60;
/** However fast events come, the list is drawn at most this often. */
const DRAW_EVERY_MS = 150;
const NAME_KEY = 'livecart:chat-name';

/**
 * The show's conversation beside the video: messages with names and a host badge, the
 * pinned message on top, hearts and the number watching, questions the host answers. A
 * message that names a product of the show (its title, `#id` or its link) carries a chip
 * that opens the product's card with its buy button. It reads the conversation from the
 * show's event stream (the player's `schedule`) and posts the shopper's messages to
 * `chat`, the retailer's endpoint (CONTRACT 11), showing each at once as pending, then
 * sent, or failed with Retry (slow mode says how long to wait).
 *
 * @tag show-chat
 * @summary The show's live chat: messages, pin, hearts, questions, shoppable mentions.
 * @fires livecart-chat-message - Cancelable, before a message is sent; `{ show, message }`.
 * @csspart header - The title, the number watching and the hearts.
 * @csspart pinned - The pinned message.
 * @csspart messages - The list of messages.
 * @csspart message - One message (also `host`, `own`, `question`).
 * @csspart name - A message's name.
 * @csspart badge - The host's badge and a question's flag.
 * @csspart chip - A product named in a message.
 * @csspart product - The product card a chip opens.
 * @csspart form - The name or message form.
 * @csspart heart - The hearts button.
 * @csspart retry - A failed message's Retry.
 * @csspart moderation - With `moderate`: slow mode, blocked words, banned names.
 */
export class ShowChat extends LivecartElement {
  static override properties: PropertyDeclarations = {
    show: { reflect: true, useDefault: true },
    chat: { reflect: true, useDefault: true },
    moderate: { reflect: true, useDefault: true },
    token: { attribute: false },
    theme: { reflect: true, useDefault: true },
    name: { state: true },
    waitUntil: { state: true },
    open: { state: true },
  };
  static override styles = [tokens, styles];
  // Its content is this shopper's conversation: drawn anew in the browser.
  static override hydrates = false;

  /** The show whose conversation this is (default: the enclosing `<live-stream>`'s). */
  declare show: string | null;
  /** The retailer's endpoint that takes a viewer's post (`POST`, JSON `{ show, name, text }`). */
  declare chat: string;
  /**
   * The producer's chat: the endpoint's moderation URL. Each message then has Hide, Pin,
   * Ban (and Answer on a question), the chat has slow mode and blocked words, and what the
   * producer writes goes out in the host's voice.
   */
  declare moderate: string;
  declare theme: 'light' | 'dark' | null;
  /** The producer's token for `moderate` (never an attribute; else `configure({ publishToken })`'s); kept if set before upgrade. */
  declare token: string | null;
  declare private name: string;
  /** Slow mode: no post before this time (ms). */
  declare private waitUntil: number;
  /** The product card a chip opened: `<message id> <product id>`. */
  declare private open: string | null;

  private readonly state = new ConversationState();
  /** With `moderate`: the producer's tools (their code comes then). */
  private moderation?: Moderation;
  private drawTimer?: ReturnType<typeof setTimeout>;
  private announcement = '';
  private ownCount = 0;
  private readonly hearts = new Hearts(this);
  private readonly showController = new ShowController(
    this,
    (show) => [show.$products],
    (show) => listenChat(show, this.hear),
  );

  constructor() {
    super();
    this.show = null;
    this.chat = '';
    this.moderate = '';
    this.token = null;
    this.theme = null;
    this.name = plainText(readJson(NAME_KEY), MAX_NAME);
    this.waitUntil = 0;
    this.open = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.drawTimer);
    this.drawTimer = undefined;
    this.hearts.remove();
  }

  /** One event of the conversation. The host's words are read out (politely); the crowd's are not, or a busy chat never stops talking. */
  private hear = (event: ChatEvent) => {
    const last = this.state.messages.at(-1);
    if (!this.state.take(event)) return;
    const now = this.state.messages.at(-1);
    if (now !== last && now?.role === 'host') this.announcement = `${stringsOf(this).host}: ${now.text}`;
    if (event.type === 'reaction') this.hearts.count(this.state.reactions);
    this.drawSoon();
  };

  /** Draws at most every DRAW_EVERY_MS: a flood of messages is a few draws a second. */
  private drawSoon(): void {
    this.drawTimer ??= setTimeout(() => {
      this.drawTimer = undefined;
      this.requestUpdate();
    }, DRAW_EVERY_MS);
  }

  protected override willUpdate(): void {
    if (this.moderate && !this.moderation) void import('./moderation.js').then(({ Moderation }) => (this.moderation ??= new Moderation(this), this.requestUpdate()));
  }

  protected override render() {
    const t = stringsOf(this);
    const { state } = this;
    const pinned = state.pinnedMessage();
    const drawn = state.messages.slice(-DRAWN);
    return html`<section aria-label=${t.liveChat}>
      <header part="header">
        <h2>${t.liveChat}</h2>
        ${state.viewers ? html`<span class="watching">${t.watching.replace('{count}', this.count(state.viewers))}</span>` : nothing}
        <button part="heart" type="button" title=${t.sendHeart} @click=${this.sendHeart}>
          <span aria-hidden="true">♥</span> <span class="visually-hidden">${t.sendHeart}:</span> <span class="count">${this.count(state.reactions)}</span>
        </button>
        <span class="hearts" aria-hidden="true"></span>
      </header>
      ${pinned ? html`<div part="pinned"><span part="badge">${t.pinned}</span> ${this.renderMessage(pinned, t, true)}</div>` : nothing}
      <ol part="messages" aria-label=${t.liveChat}>
        ${drawn.length ? repeat(drawn.reverse(), (m) => m.id, (m) => html`<li>${this.renderMessage(m, t)}</li>`) : html`<li class="empty">${t.noMessages}</li>`}
      </ol>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.moderation ? this.moderation.renderBar(t) : nothing}
      ${this.chat || this.moderation
        ? renderComposer({
            t,
            name: this.name,
            moderating: !!this.moderation,
            wait: Math.ceil((this.waitUntil - Date.now()) / 1000),
            submit: this.submit,
            saveName: this.saveName,
            changeName: this.changeName,
          })
        : nothing}
    </section>`;
  }

  private renderMessage(message: ChatMessage, t: Strings, inPin = false) {
    const parts = ['message', message.role === 'host' ? 'host' : '', message.own ? 'own' : '', message.question ? 'question' : ''].filter(Boolean).join(' ');
    const products = productMentions(message.text, this.showController.show.$products.get());
    const opened = products.find((p) => this.open === `${message.id} ${p.id}`);
    return html`<div part=${parts} data-id=${message.id} data-state=${message.own ?? nothing}>
      <span part="name">${message.name}</span>
      ${message.role === 'host' ? html`<span part="badge" class="host">${t.host}</span>` : nothing}
      ${message.question ? html`<span part="badge" class="question">${t.question}</span>` : nothing}
      ${message.answers ? html`<span part="badge" class="question">${t.answer}</span>` : nothing}
      <span class="text">${message.text}</span>
      ${inPin
        ? nothing
        : products.map(
            (product) =>
              html`<button part="chip" type="button" aria-expanded=${String(opened === product)} @click=${() => this.toggle(message.id, product.id)}>
                ${BAG} ${product.title}
              </button>`,
          )}
      ${message.own === 'pending' ? html`<span class="state">${t.sending}</span>` : nothing}
      ${message.own === 'failed'
        ? html`<span class="state failed">${t.notSent}${message.error ? `: ${message.error}` : ''}</span>
            <button part="retry" type="button" @click=${() => this.retry(message)}>${t.retry}</button>`
        : nothing}
      ${inPin ? nothing : this.moderation?.renderActions(message, this.state.pinned === message.id, t)}
      ${opened ? this.renderProduct(opened) : nothing}
    </div>`;
  }

  private renderProduct(product: Product) {
    const show = this.showController.show;
    return html`<div part="product">
      ${productCard(product, localeOf(this), html`<buy-now-button .renderedIn=${{ show, locale: localeOf(this) }} show=${show.id} product=${product.id}></buy-now-button>`)}
    </div>`;
  }

  private count(n: number): string {
    const locale = localeOf(this);
    if (this.counting?.locale !== locale) this.counting = { locale, format: new Intl.NumberFormat(locale, { notation: 'compact' }) };
    return this.counting.format.format(n);
  }
  private counting?: { locale: string; format: Intl.NumberFormat };

  private toggle(messageId: string, productId: string): void {
    const key = `${messageId} ${productId}`;
    this.open = this.open === key ? null : key;
  }

  private saveName = (event: SubmitEvent) => {
    event.preventDefault();
    const name = plainText(new FormData(event.target as HTMLFormElement).get('name'), MAX_NAME);
    if (!name) return;
    writeJson(NAME_KEY, name);
    this.name = name;
  };

  private changeName = () => {
    this.name = '';
  };

  private submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = plainText(data.get('text'), MAX_TEXT);
    if (!text || Date.now() < this.waitUntil) return;
    // The producer speaks as the host, through the moderation endpoint; the stream carries it back.
    if (this.moderation) return void this.moderation.say(text).then((done) => done && form.reset());
    const message: ChatMessage = { id: `own-${++this.ownCount}`, name: this.name, text, at: new Date().toISOString(), own: 'pending' };
    if (data.get('question')) message.question = true;
    const show = this.showController.show.id;
    if (!emit(this, 'livecart-chat-message', { show, message }, { cancelable: true })) return;
    form.reset();
    this.state.addOwn(message);
    void this.send(message);
  };

  private retry(message: ChatMessage): void {
    if (Date.now() < this.waitUntil) return;
    message.own = 'pending';
    message.error = undefined;
    void this.send(message);
  }

  /** Posts one of the shopper's messages; it stays shown whatever happens, with what did. */
  private async send(message: ChatMessage): Promise<void> {
    this.requestUpdate();
    const { name, text, question } = message;
    const result = await postToChat(this.chat, { show: this.showController.show.id, name, text, ...(question ? { question } : {}) });
    if (message.own !== 'pending') return;
    message.own = result.ok ? 'sent' : 'failed';
    if (!result.ok) {
      message.error = result.reason;
      if (result.wait) this.slowDown(result.wait);
      this.announcement = `${stringsOf(this).notSent}: ${text}`;
    }
    this.requestUpdate();
  }

  /** Slow mode: the form says how long, and counts down. */
  private slowDown(seconds: number): void {
    this.waitUntil = Date.now() + seconds * 1000;
    const tick = () => {
      if (!this.isConnected || Date.now() >= this.waitUntil) return this.requestUpdate();
      this.requestUpdate();
      setTimeout(tick, 1000);
    };
    setTimeout(tick, 1000);
  }

  private sendHeart = () => {
    this.state.reactions++;
    this.requestUpdate();
    this.hearts.tap();
    if (this.chat) void postToChat(this.chat, { show: this.showController.show.id, reaction: 'heart' });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'show-chat': ShowChat;
  }
}
