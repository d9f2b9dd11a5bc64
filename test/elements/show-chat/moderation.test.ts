import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/live-stream.js';
import '../../../src/define/show-console.js';
import type { LiveStream } from '../../../src/elements/live-stream/live-stream.js';
import type { ShowChat } from '../../../src/elements/show-chat/show-chat.js';
import type { ShowConsole } from '../../../src/elements/show-console/show-console.js';
import { FEED, freshShow, MP4, until } from '../../helpers.js';

/**
 * The producer moderates from `<show-console moderate>`: its chat has Hide, Pin, Ban and
 * Answer on each message and slow mode for the chat; the endpoint (the test server's hub)
 * enforces each for every viewer.
 */
const root = (chat: ShowChat) => chat.shadowRoot!;
const texts = (chat: ShowChat) => [...root(chat).querySelectorAll('[part~="messages"] [part~="message"] .text')].map((t) => t.textContent).reverse();
const post = (hub: string, name: string, text: string, extra = {}) =>
  fetch(`/hub/${hub}/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ show: 'x', name, text, ...extra }) });
const button = (chat: ShowChat, text: string, label: string) =>
  [
    ...[...root(chat).querySelectorAll<HTMLElement>('[part~="messages"] [part~="message"]')]
      .find((m) => m.textContent!.includes(text))!
    .querySelectorAll<HTMLButtonElement>('.actions button')]
    .find((b) => b.textContent === label)!;

describe('<show-console moderate>: the producer moderates the conversation', () => {
  it('hides, pins, answers, bans and slows the chat down for every viewer', async () => {
    const hub = `mod-${Math.random().toString(36).slice(2, 10)}`;
    const studio = freshShow();
    const page = await fixture(html`<div>
      <show-console show=${studio} products=${FEED} moderate=${`/hub/${hub}/moderate`}></show-console>
      <live-stream show=${studio} src=${MP4} schedule=${`/hub/${hub}/events`} muted></live-stream>
    </div>`);
    const console_ = page.querySelector<ShowConsole>('show-console')!;
    console_.token = 'demo-publisher-token';
    localStorage.setItem('livecart:chat-name', JSON.stringify('viewer'));
    const viewer = await fixture<LiveStream>(
      html`<live-stream show=${freshShow()} src=${MP4} products=${FEED} schedule=${`/hub/${hub}/events`} chat=${`/hub/${hub}/chat`} muted></live-stream>`,
    );
    const producerChat = () => console_.shadowRoot!.querySelector<ShowChat>('show-chat');
    await until(() => producerChat()?.shadowRoot?.querySelector('[part~="moderation"]'), "the producer's tools");
    const chat = producerChat()!;
    const viewerChat = () => viewer.shadowRoot!.querySelector<ShowChat>('show-chat')!;
    await until(() => viewerChat()?.shadowRoot?.querySelector('form'), "the viewer's chat");

    await post(hub, 'spam', 'cheap jackets at evil.example');
    await post(hub, 'lea', 'Does the lantern float?', { question: true });
    await until(() => texts(chat).length === 2 && texts(viewerChat()).length === 2, 'both messages in both chats');
    await expect(chat).to.be.accessible();

    button(chat, 'cheap jackets', 'Hide').click();
    await until(() => texts(viewerChat()).length === 1 && texts(chat).length === 1, 'hidden for the viewer and the producer');
    button(chat, 'lantern', 'Pin').click();
    await until(() => root(viewerChat()).querySelector('[part~="pinned"]'), 'pinned for the viewer');

    // Answer: the producer's next message is the host's, answering the question.
    button(chat, 'lantern', 'Answer').click();
    await until(() => root(chat).querySelector('.answering'), 'the answer under way');
    const answer = root(chat).querySelector<HTMLInputElement>('input[name="text"]')!;
    answer.focus();
    answer.value = 'It does not, but it is waterproof.';
    await sendKeys({ press: 'Enter' });
    await until(() => root(viewerChat()).querySelector('[part~="host"]'), "the host's answer for the viewer");
    expect(root(viewerChat()).querySelector('[part~="host"] .text')!.textContent).to.equal('It does not, but it is waterproof.');

    // Ban and slow mode, enforced by the endpoint.
    expect((await post(hub, 'spam', 'again')).status).to.equal(202);
    await until(() => texts(chat).includes('again'), 'the message to ban');
    button(chat, 'again', 'Ban').click();
    await until(() => root(chat).querySelector('[part~="moderation"] p')?.textContent?.includes('spam'), 'the banned name listed');
    expect((await post(hub, 'spam', 'and again')).status).to.equal(403);
    const slow = root(chat).querySelector<HTMLSelectElement>('[part~="moderation"] select')!;
    slow.value = '30';
    slow.dispatchEvent(new Event('change'));
    // Set once the endpoint answered the command (the select shows the state it answers).
    await until(() => !root(chat).querySelector('[part~="moderation"] .failed'), 'slow mode set');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await post(hub, 'newcomer', 'first')).status).to.equal(202);
    const second = await post(hub, 'newcomer', 'second');
    expect(second.status).to.equal(429);
    expect(Number(second.headers.get('Retry-After'))).to.be.within(25, 30);
    localStorage.removeItem('livecart:chat-name');
  }).timeout(60_000);
});
