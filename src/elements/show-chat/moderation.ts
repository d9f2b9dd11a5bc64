import { html, nothing } from 'lit';
import type { Strings } from '../../i18n/strings.js';
import { deadline } from '../../platform/deadline.js';
import { errorMessage } from '../../platform/errors.js';
import { configuredPublishToken } from '../../store/config.js';
import { inTheClear } from '../show-console/publish-target.js';
import type { ChatMessage } from './conversation-state.js';

/** What moderation needs from its chat. */
export interface ModeratedChat {
  /** The endpoint's moderation URL (`POST`, `Authorization: Bearer <token>`). */
  readonly moderate: string;
  /** The producer's token: the property, else `configure({ publishToken })`'s. */
  readonly token: string | null;
  requestUpdate(): void;
}

/** The endpoint's moderation state, as it answers each command. */
interface State {
  slow: number;
  blocked: string[];
  banned: string[];
}

const SLOW_STEPS = [0, 5, 15, 30, 60];
const TIMEOUT_MS = 15_000;


/**
 * The producer's side of the chat (a `<show-chat moderate>`, as `<show-console moderate>`
 * renders it): hide, pin, ban and answer on each message, slow mode and blocked words for
 * the whole chat. Each is a command to the endpoint, which enforces it for every viewer
 * (CONTRACT 11); the chat shows the result as the stream carries it back. Loaded only by
 * a moderating chat.
 */
export class Moderation {
  state: State = { slow: 0, blocked: [], banned: [] };
  /** The question the host's next message answers. */
  answering: ChatMessage | null = null;
  error = '';

  constructor(private readonly chat: ModeratedChat) {}

  /** Sends one command; the endpoint's answer is the new state. */
  async send(command: Record<string, unknown>): Promise<boolean> {
    const timer = deadline(TIMEOUT_MS, () => new Error(`no answer within ${TIMEOUT_MS / 1000} s`));
    try {
      const url = new URL(this.chat.moderate, document.baseURI);
      const configured = configuredPublishToken();
      const token = this.chat.token ?? (typeof configured === 'function' ? await configured() : configured) ?? null;
      if (token && inTheClear(url)) throw new Error(`the token is not sent in the clear to ${url.host}: moderate over https://`);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(command),
        signal: timer.signal,
      });
      const answer = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(typeof answer.error === 'string' ? answer.error : `HTTP ${response.status}`);
      if (Array.isArray(answer.blocked)) this.state = answer;
      this.error = '';
      return true;
    } catch (error) {
      this.error = errorMessage(timer.signal.aborted ? timer.signal.reason : error);
      return false;
    } finally {
      timer.release();
      this.chat.requestUpdate();
    }
  }

  /** The host's message (an answer when one is being written): in the host's voice, through the endpoint. */
  say(text: string): Promise<boolean> {
    const answers = this.answering?.id;
    this.answering = null;
    return this.send({ action: 'say', text, ...(answers ? { answers } : {}) });
  }

  /** Each message's actions: hide, pin (or unpin), ban its name, answer a question. */
  renderActions(message: ChatMessage, pinned: boolean, t: Strings) {
    if (message.own || message.role === 'host') return nothing;
    return html`<span class="actions">
      <button type="button" @click=${() => this.send({ action: 'hide', id: message.id })}>${t.hideMessage}</button>
      <button type="button" @click=${() => this.send({ action: 'pin', id: pinned ? null : message.id })}>${pinned ? t.unpin : t.pin}</button>
      <button type="button" @click=${() => this.send({ action: 'ban', name: message.name })}>${t.banName}</button>
      ${message.question
        ? html`<button type="button" @click=${() => ((this.answering = message), this.chat.requestUpdate())}>${t.answer}</button>`
        : nothing}
    </span>`;
  }

  /** Slow mode, blocked words and the banned names, for the whole chat. */
  renderBar(t: Strings) {
    const { slow, blocked, banned } = this.state;
    return html`<div part="moderation">
      <label
        >${t.slowModeLabel}
        <select @change=${(event: Event) => this.send({ action: 'slow', seconds: Number((event.target as HTMLSelectElement).value) })}>
          ${SLOW_STEPS.map((s) => html`<option value=${s} ?selected=${s === slow}>${s ? `${s} s` : t.off}</option>`)}
        </select>
      </label>
      <form
        @submit=${(event: SubmitEvent) => {
          event.preventDefault();
          const words = String(new FormData(event.target as HTMLFormElement).get('blocked') ?? '').split(',');
          void this.send({ action: 'blocked', words });
        }}
      >
        <label>${t.blockedWords} <input name="blocked" .value=${blocked.join(', ')} /></label>
        <button type="submit">${t.save}</button>
      </form>
      ${banned.length
        ? html`<p>
            ${t.banned}:
            ${banned.map((name) => html`<button type="button" title=${t.unban} @click=${() => this.send({ action: 'unban', name })}>${name} ✕</button>`)}
          </p>`
        : nothing}
      ${this.answering ? html`<p class="answering">${t.answering}: “${this.answering.text}”</p>` : nothing}
      ${this.error ? html`<p class="failed" role="alert">${t.notDone}: ${this.error}</p>` : nothing}
    </div>`;
  }
}
