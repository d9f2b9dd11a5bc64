import { html, nothing } from 'lit';
import type { Strings } from '../../i18n/strings.js';
import { MAX_NAME, MAX_TEXT } from './conversation-state.js';

export interface ComposerOptions {
  t: Strings;
  /** The shopper's name in the chat ('' until given). */
  name: string;
  /** The producer's chat: no name asked, the host speaks. */
  moderating: boolean;
  /** Slow mode: seconds before the next post (0 or less: none). */
  wait: number;
  submit(event: SubmitEvent): void;
  saveName(event: SubmitEvent): void;
  changeName(): void;
}

/** Where the shopper writes: a name asked once, then the message, "Ask as a question" and slow mode's wait. */
export function renderComposer({ t, name, moderating, wait, submit, saveName, changeName }: ComposerOptions) {
  if (!name && !moderating)
    return html`<form part="form" @submit=${saveName}>
      <label>${t.yourName} <input name="name" maxlength=${MAX_NAME} required autocomplete="nickname" /></label>
      <button type="submit">${t.joinChat}</button>
    </form>`;
  return html`<form part="form" @submit=${submit}>
    <label class="visually-hidden" for="text">${t.chatMessage}</label>
    <input id="text" name="text" maxlength=${MAX_TEXT} required placeholder=${`${moderating ? t.host : name}: ${t.chatMessage}`} autocomplete="off" />
    <button type="submit" ?disabled=${wait > 0}>${t.send}</button>
    ${moderating
      ? nothing
      : html`<label class="ask"><input type="checkbox" name="question" /> ${t.askQuestion}</label>
          <button class="link" type="button" @click=${changeName}>${t.changeName}</button>`}
    ${wait > 0 ? html`<p class="wait" role="status">${t.slowMode.replace('{seconds}', String(wait))}</p>` : nothing}
  </form>`;
}
