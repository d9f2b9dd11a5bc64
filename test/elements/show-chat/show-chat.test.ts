import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../../src/define/live-stream.js';
import '../../../src/define/show-chat.js';
import type { LiveStream } from '../../../src/elements/live-stream/live-stream.js';
import { KEPT_MESSAGES, type ConversationState } from '../../../src/elements/show-chat/conversation-state.js';
import type { ShowChat } from '../../../src/elements/show-chat/show-chat.js';
import { hearChat } from '../../../src/store/conversation.js';
import { expectNoLongTask } from '../../abuse/long-tasks.js';
import { engine } from '../../engine.js';
import { FEED, freshShow, getShow, MP4, nextEvent, until } from '../../helpers.js';

/**
 * The show's conversation end to end through the demo's reference endpoint (demo/channel/
 * chat.mjs on the test server's hub): viewers' `<live-stream chat>` read it from the show's
 * event stream and post to the endpoint; the producer moderates with the publisher token.
 */
const TOKEN = 'demo-publisher-token';
const hubName = () => `chat-${Math.random().toString(36).slice(2, 10)}`;

/** A viewer's show: the replay's MP4, not played (the stream is what matters; WebKit took 3 minutes for this file with three live HLS players). */
async function viewer(hub: string, name?: string) {
  if (name) localStorage.setItem('livecart:chat-name', JSON.stringify(name));
  else localStorage.removeItem('livecart:chat-name');
  const show = freshShow();
  const el = await fixture<LiveStream>(
    html`<live-stream style="width: 1200px" show=${show} src=${MP4} products=${FEED} schedule=${`/hub/${hub}/events`} chat=${`/hub/${hub}/chat`} muted></live-stream>`,
  );
  await until(() => el.shadowRoot!.querySelector<ShowChat>('show-chat')?.shadowRoot?.querySelector('form'), 'the chat');
  const chat = el.shadowRoot!.querySelector<ShowChat>('show-chat')!;
  return { el, show, chat };
}

const root = (chat: ShowChat) => chat.shadowRoot!;
/** The messages' texts, oldest first (the list holds the newest first: it is drawn from the bottom). */
const texts = (chat: ShowChat) => [...root(chat).querySelectorAll('[part~="messages"] [part~="message"] .text')].map((t) => t.textContent).reverse();
const moderate = (hub: string, body: object) =>
  fetch(`/hub/${hub}/moderate`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(body) });

/** Types a message and sends it as a shopper would (the value set at once: WebKit's WebDriver drops keys of fast typing). */
async function say(chat: ShowChat, text: string, { question = false } = {}) {
  const input = root(chat).querySelector<HTMLInputElement>('input[name="text"]')!;
  input.focus();
  input.value = text;
  if (question) root(chat).querySelector<HTMLInputElement>('input[name="question"]')!.click();
  input.form!.requestSubmit();
}

describe('<show-chat>: the show\'s conversation', () => {
  afterEach(() => localStorage.removeItem('livecart:chat-name'));

  it('asks a name once, then a post shows at once as pending and reaches every viewer', async () => {
    const hub = hubName();
    const a = await viewer(hub);
    // No name yet: the form asks for one, and remembers it.
    const nameField = root(a.chat).querySelector<HTMLInputElement>('input[name="name"]')!;
    nameField.focus();
    nameField.value = 'maja.h';
    await sendKeys({ press: 'Enter' });
    await until(() => root(a.chat).querySelector('input[name="text"]'), 'the message field');
    expect(JSON.parse(localStorage.getItem('livecart:chat-name')!)).to.equal('maja.h');
    const b = await viewer(hub, 'tomasz_k');
    await expect(a.chat).to.be.accessible();

    const heard = nextEvent<CustomEvent>(a.el, 'livecart-chat-message');
    await say(a.chat, 'Is the Aurora Shell Jacket warm enough?', { question: true });
    const posted = await heard;
    const sent = posted.timeStamp;
    expect(posted.detail.message).to.include({ name: 'maja.h', text: 'Is the Aurora Shell Jacket warm enough?', question: true });
    await a.chat.updateComplete;
    expect(root(a.chat).querySelector('[part~="own"]'), 'shown at once').to.exist;
    await until(() => texts(b.chat).includes('Is the Aurora Shell Jacket warm enough?'), 'the other viewer to see it', 10_000);
    console.log(`chat: post → seen by another viewer in ${Math.round(performance.now() - sent)} ms`);
    // Carried back to its author: the pending one is replaced, once.
    await until(() => !root(a.chat).querySelector('[part~="own"]') && texts(a.chat).length === 1, 'the own message confirmed');
    const message = root(b.chat).querySelector('[part~="message"]')!;
    expect(message.getAttribute('part')).to.contain('question');
    expect(message.querySelector('[part~="name"]')!.textContent).to.equal('maja.h');

    // The message names a product of the show: its chip opens the card with a buy button.
    const chip = message.querySelector<HTMLButtonElement>('[part~="chip"]')!;
    expect(chip.textContent).to.contain('Aurora Shell Jacket');
    chip.click();
    await b.chat.updateComplete;
    expect(message.querySelector('[part~="product"] buy-now-button')!.getAttribute('product')).to.equal('aurora-jacket');
  }).timeout(40_000);

  it('the producer hides, pins, answers, bans and slows it down: every viewer and a late joiner follow, the endpoint enforces', async () => {
    const hub = hubName();
    const a = await viewer(hub, 'lea.b');
    const b = await viewer(hub, 'troll');
    await say(b.chat, 'buy elsewhere, cheaper!!');
    await say(a.chat, 'When does the lantern come back?');
    await until(() => texts(a.chat).length === 2 && texts(b.chat).length === 2, 'both messages everywhere');
    const id = (chat: ShowChat, text: string) => [...root(chat).querySelectorAll<HTMLElement>('[part~="message"]')].find((m) => m.textContent!.includes(text))!.dataset.id!;

    const hidden = performance.now();
    expect((await moderate(hub, { action: 'hide', id: id(a.chat, 'cheaper') })).status).to.equal(200);
    await until(() => !texts(a.chat).some((t) => t!.includes('cheaper')) && !texts(b.chat).some((t) => t!.includes('cheaper')), 'the message gone everywhere');
    console.log(`chat: hide → gone for every viewer in ${Math.round(performance.now() - hidden)} ms`);
    const question = id(a.chat, 'lantern');
    await moderate(hub, { action: 'pin', id: question });
    await moderate(hub, { action: 'say', text: 'Early December, Lea!', answers: question });
    await until(() => root(a.chat).querySelector('[part~="pinned"]')?.textContent?.includes('lantern'), 'the pin');
    await until(() => root(a.chat).querySelector('[part~="host"]'), "the host's answer");
    expect(root(a.chat).querySelector('[part~="host"] [part~="badge"]')!.textContent).to.equal('Host');
    await until(() => root(a.chat).querySelector('[role="status"]')!.textContent!.includes('Early December'), 'the answer read out');

    // Banned: the endpoint refuses, the shopper is told, the text stays with Retry.
    await moderate(hub, { action: 'ban', name: 'troll' });
    await say(b.chat, 'hello?');
    await until(() => root(b.chat).querySelector('[part~="own"][data-state="failed"]'), 'the refusal');
    expect(root(b.chat).querySelector('.failed')!.textContent).to.contain('can no longer post');
    expect(root(b.chat).querySelector('[part~="retry"]')).to.exist;
    expect(texts(a.chat)).not.to.include('hello?');

    // A viewer who joins now (the banned one has left: two streams open at most, as WebKit
    // starved posts behind more): the visible messages and the pin, not the hidden one.
    b.el.remove();
    const late = await viewer(hub, 'late');
    await until(() => texts(late.chat).length === 2 && root(late.chat).querySelector('[part~="pinned"]'), 'history for a late joiner');
    expect(texts(late.chat).join(' ')).not.to.contain('cheaper');

    // Slow mode: a second message within 30 s waits, and the form says how long.
    await moderate(hub, { action: 'slow', seconds: 30 });
    await say(late.chat, 'one');
    await until(() => texts(late.chat).includes('one') && !root(late.chat).querySelector('[part~="own"]'), 'the first');
    await say(late.chat, 'two');
    await until(() => root(late.chat).querySelector('.wait'), 'the wait');
    expect(root(late.chat).querySelector('.wait')!.textContent).to.match(/Slow mode: you can write again in (2\d|30) s/);
    expect(root(late.chat).querySelector<HTMLButtonElement>('form button[type="submit"]')!.disabled).to.equal(true);
  }).timeout(60_000);

  it('hearts and the number watching reach viewers aggregated, once a second at most', async () => {
    const hub = hubName();
    const a = await viewer(hub, 'a');
    const b = await viewer(hub, 'b');
    const events: string[] = [];
    const source = new EventSource(`/hub/${hub}/events`);
    source.addEventListener('reaction', (event) => events.push((event as MessageEvent).data));
    try {
      const heart = root(a.chat).querySelector<HTMLButtonElement>('[part~="heart"]')!;
      for (let i = 0; i < 30; i++) heart.click();
      await until(() => root(b.chat).querySelector('.count')!.textContent === '30', "the other viewer's count", 10_000);
      await until(() => root(b.chat).querySelector('.watching')?.textContent?.match(/^[2-9] watching$/), 'the number watching', 10_000);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // 30 hearts within a moment: one or two aggregated events, not thirty.
      expect(events.length).to.be.within(1, 3);
      expect(JSON.parse(events.at(-1)!)).to.deep.equal({ count: 30 });
    } finally {
      source.close();
    }
  }).timeout(30_000);

  it("a heart rises over the video, other viewers' a few a second, none with reduced motion; the layer leaves with the chat", async () => {
    const hub = hubName();
    const a = await viewer(hub, 'a');
    const b = await viewer(hub, 'b');
    const stage = (v: typeof a) => v.el.shadowRoot!.querySelector('[part~="stage"]')!;
    const layer = (v: typeof a) => stage(v).querySelector<HTMLElement>(':scope > div[aria-hidden="true"]');
    const count = (v: typeof a) => root(v.chat).querySelector('.count')!.textContent;
    // When each heart came, per viewer: the layer is made at the first one, so the stage is watched.
    const risen = (v: typeof a) => {
      const times: number[] = [];
      new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => n.nodeName === 'SPAN' && times.push(performance.now())))).observe(stage(v), {
        childList: true,
        subtree: true,
      });
      return times;
    };
    const aRisen = risen(a);
    const bRisen = risen(b);
    const heart = root(a.chat).querySelector<HTMLButtonElement>('[part~="heart"]')!;
    try {
      heart.click();
      // Over a's video, not over its chat; the layer takes no click and says nothing.
      const rising = layer(a)!.querySelector('span')!;
      const video = a.el.shadowRoot!.querySelector('pip-player')!.getBoundingClientRect();
      const box = rising.getBoundingClientRect();
      const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
      expect(x, 'within the video, across').to.be.within(video.left, video.right);
      expect(y, 'within the video, down').to.be.within(video.top, video.bottom);
      expect(getComputedStyle(layer(a)!).pointerEvents).to.equal('none');
      expect(root(a.chat).querySelector('.hearts')!.childElementCount, "over the chat's header").to.equal(0);
      // b's first count is where b stands: no burst for what came before.
      await until(() => count(b) === '1', "b's first count", 10_000);
      expect(bRisen).to.have.length(0);

      // 30 taps at once: a's own hearts, 20 on screen at most; b sees a few of them rise, 5 a second at most.
      for (let i = 0; i < 30; i++) heart.click();
      expect(layer(a)!.childElementCount).to.be.at.most(20);
      await new Promise((resolve) => setTimeout(resolve)); // mutation records come a microtask later
      const own = aRisen.length;
      expect(own).to.be.within(2, 20);
      await until(() => count(b) === '31', "b's count", 10_000);
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(bRisen.length, "others' hearts rise").to.be.at.least(1);
      for (const t of bRisen) expect(bRisen.filter((u) => u >= t && u < t + 1000).length, 'within a second').to.be.at.most(5);
      expect(aRisen.length, "a's own taps, carried back in the count, do not rise again").to.equal(own);

      // Reduced motion: the count moves, nothing rises. Emulating it takes CDP (Chromium's; Firefox runs over WebDriver BiDi).
      if (engine === 'chromium') {
        await emulateMedia({ reducedMotion: 'reduce' });
        expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
        await until(() => !layer(a)!.childElementCount, "a's hearts risen");
        heart.click();
        await until(() => count(a) === '32', "a's count");
        expect(aRisen.length).to.equal(own);
      }

      // The chat leaves the stream (no `chat` any more): its layer leaves with it.
      expect(layer(a)).to.exist;
      a.el.removeAttribute('chat');
      await until(() => !a.el.shadowRoot!.querySelector('show-chat'), 'the chat gone');
      expect(layer(a)).to.equal(null);
    } finally {
      if (engine === 'chromium') await emulateMedia({ reducedMotion: 'no-preference' });
    }
  }).timeout(30_000);

  it('a chat on its own: the heart rises over its header', async () => {
    const chat = await fixture<ShowChat>(html`<show-chat show=${freshShow()}></show-chat>`);
    root(chat).querySelector<HTMLButtonElement>('[part~="heart"]')!.click();
    expect(root(chat).querySelector('.hearts')!.textContent).to.equal('♥');
    await chat.updateComplete;
    expect(root(chat).querySelector('.count')!.textContent).to.equal('1');
  });

  it('a cancelled livecart-chat-message is not sent', async () => {
    const a = await viewer(hubName(), 'quiet');
    a.el.addEventListener('livecart-chat-message', (event) => event.preventDefault(), { once: true });
    await say(a.chat, 'never sent');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(texts(a.chat)).to.deep.equal([]);
  });
});

describe('<show-chat> under hostile input', () => {
  async function standalone() {
    const show = freshShow();
    const chat = await fixture<ShowChat>(html`<show-chat show=${show}></show-chat>`);
    const hear = (type: string, value: unknown) => hearChat(getShow(show), { type, data: typeof value === 'string' ? value : JSON.stringify(value) });
    return { show, chat, hear };
  }
  const drawn = async (chat: ShowChat) => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    await chat.updateComplete;
    return texts(chat);
  };

  it('shows markup and links as text, drops a message without a name, and cuts a 1 MB one', async () => {
    const { chat, hear } = await standalone();
    hear('chat', { id: '1', name: 'x', text: '<img src=x onerror="window.hacked=1"> see https://evil.example/' });
    hear('chat', { id: '2', name: '\u0000\u0007\u200b', text: 'no name' });
    hear('chat', { id: '3', name: 'big', text: 'a'.repeat(1024 * 1024) });
    hear('chat', 'not json');
    const list = await drawn(chat);
    expect(list[0]).to.equal('<img src=x onerror="window.hacked=1"> see https://evil.example/');
    expect(root(chat).querySelector('[part~="messages"] img, [part~="messages"] a')).to.equal(null);
    expect(list).to.have.length(2);
    expect([...list[1]!]).to.have.length(500);
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
  });

  it('a replayed event is shown once; a hide for an unknown id hides it when it comes; an old pin is replaced', async () => {
    const { chat, hear } = await standalone();
    const message = { id: 'm1', name: 'a', text: 'hello', at: new Date().toISOString() };
    hear('chat', message);
    hear('chat', message);
    hear('hide', { id: 'm9' });
    hear('chat', { id: 'm9', name: 'b', text: 'hidden before it came' });
    hear('pin', { id: 'm1' });
    hear('pin', { id: null });
    expect(await drawn(chat)).to.deep.equal(['hello']);
    expect(root(chat).querySelector('[part~="pinned"]')).to.equal(null);
  });

  // The issue's figure is a minute: that runs once, in Chromium, where long tasks and the
  // heap can be read (about 65 s: 10 s, the heap read, 50 s more); the other engines keep
  // 2 s of it, for the outcome.
  const FLOOD = engine === 'chromium' ? [10, 50] : [2];
  const FLOOD_SECONDS = FLOOD.reduce((a, b) => a + b);
  it(`1,000 messages a second for ${FLOOD_SECONDS} s keep every task short, the list bounded and memory flat`, async () => {
    const { chat, hear } = await standalone();
    const held = () => (chat as unknown as { state: ConversationState }).state.messages.length;
    const nodes = () => root(chat).querySelectorAll('*').length;
    // performance.memory is precise with --enable-precise-memory-info, and gc() is there with
    // --expose-gc (test/web-test-runner.config.mjs gives Chromium both). Read between the
    // floods: a collection is a long task of its own.
    const heap = () => {
      (window as { gc?: () => void }).gc?.();
      return (performance as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
    };
    let n = 0;
    let mostNodes = 0;
    let mostHeld = 0;
    // One message a millisecond of the flood's clock, as an event stream delivers bursts:
    // each task takes what is due (at most 50), so a late timer does not lower the rate.
    const flood = (seconds: number) =>
      new Promise<void>((resolve) => {
        const start = performance.now();
        const first = n;
        let ticks = 0;
        const timer = setInterval(() => {
          const due = Math.min(seconds * 1000, Math.floor(performance.now() - start)) - (n - first);
          for (let i = 0; i < Math.min(due, 50); i++) hear('chat', { id: `f${n}`, name: `viewer${n % 97}`, text: `message ${n++} about the mug` });
          // About once a second: the peaks.
          if (++ticks % 100 === 0) (mostNodes = Math.max(mostNodes, nodes())), (mostHeld = Math.max(mostHeld, held()));
          if (n - first >= seconds * 1000) {
            clearInterval(timer);
            resolve();
          }
        }, 10);
      }).then(() => drawn(chat));
    const heaps: number[] = [];
    for (const seconds of FLOOD) {
      // Chromium runs each once; under 50 ms is the goal (the machine is shared), over 300 ms fails.
      await expectNoLongTask(`a chat flooded with 1,000 messages a second, ${seconds} s (to ${n / 1000 + seconds} s)`, () => flood(seconds), { goal: 50, ceiling: 300, tries: 1 });
      heaps.push(heap());
    }
    const heapRead = heaps.every(Boolean) ? `; heap after each part: ${heaps.map((h) => `${(h / 1e6).toFixed(1)} MB`).join(', ')}` : '';
    console.log(`flood of ${n} messages: at most ${mostNodes} elements in the chat, ${mostHeld} messages held${heapRead}`);
    expect(root(chat).querySelectorAll('[part~="messages"] > li').length).to.be.at.most(60);
    expect(texts(chat).at(-1)).to.equal(`message ${n - 1} about the mug`);
    expect(Math.max(mostHeld, held()), 'messages held').to.be.at.most(KEPT_MESSAGES);
    // 60 drawn messages of a few elements each, and the chat's own: a list that grew would be thousands.
    expect(Math.max(mostNodes, nodes()), 'elements in the chat').to.be.below(600);
    // 50,000 messages after the first 10 s: a leak of 100 bytes each would be 5 MB.
    if (engine === 'chromium') expect(heaps[1]! - heaps[0]!, 'heap growth after the first 10 s').to.be.below(5e6);
  }).timeout(FLOOD_SECONDS * 1000 + 30_000);
});
