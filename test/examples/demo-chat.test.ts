import { expect } from '@open-wc/testing';
import type { LiveStream } from '../../src/elements/live-stream/live-stream.js';
import { loadFrame, until } from '../helpers.js';

/**
 * The demo's conversation (issue 20, item 7). `npm start` wires the pitch page's show to the
 * dev server's hub (`chat`) and the producer page's console to its moderation (`moderate`);
 * the test server serves the built pages wired so to a hub of the test's own
 * (`?hub=<name>`, test/web-test-runner.config.mjs). The static build has no hub: its pitch
 * page keeps a hand-written chat column.
 */
const messages = (chatHost: Element | null | undefined) =>
  [...(chatHost?.shadowRoot?.querySelectorAll<HTMLElement>('[part~="messages"] [part~="message"]') ?? [])];
const viewerChat = (doc: Document) => doc.querySelector<LiveStream>('#show')!.shadowRoot!.querySelector('show-chat');
const consoleChat = (doc: Document) => doc.querySelector('show-console')!.shadowRoot!.querySelector('show-chat');

describe('the demo\'s chat', () => {
  it('the source pages ask for the hub\'s chat and moderation; the static build strips both', async () => {
    const index = await (await fetch('/demo/index.html')).text();
    const producer = await (await fetch('/demo/producer.html')).text();
    expect(index).to.match(/<live-stream\s[^>]*chat="hub\/chat"/);
    expect(producer).to.match(/<show-console\s[^>]*moderate="hub\/moderate"/);
    // The preview follows the hub: the console's chat hears the conversation through it.
    expect(producer).to.match(/<live-stream\s[^>]*show="studio"[^>]*schedule="hub\/events"/);
    for (const page of ['index', 'producer']) {
      expect(await (await fetch(`/dist-demo/${page}.html`)).text()).not.to.match(/(?:chat|moderate)="hub\//);
    }
  });

  it('built static, the pitch page keeps its hand-written chat column beside the show', async () => {
    const frame = await loadFrame('/dist-demo/index.html', { width: 1280, height: 900 });
    try {
      const doc = frame.contentDocument!;
      const show = doc.querySelector<LiveStream>('#show')!;
      await until(() => show.shadowRoot?.querySelector('[part~="base"]'), 'the show');
      const aside = doc.querySelector<HTMLElement>('#show > aside.chat[slot="feed"]')!;
      expect(aside, 'the hand-written chat').to.exist;
      expect(aside.querySelectorAll('li').length).to.be.at.least(3);
      expect(viewerChat(doc), 'no live chat without a hub').to.equal(null);
      const box = aside.getBoundingClientRect();
      expect(box.width).to.be.greaterThan(150);
      expect(box.height).to.be.greaterThan(150);
    } finally {
      frame.remove();
    }
  });

  it('wired to a hub: the viewer page\'s live chat, which the producer page\'s console hides a message from', async () => {
    const hub = `demo-${Math.random().toString(36).slice(2, 10)}`;
    const viewer = await loadFrame(`/dist-demo/index.html?hub=${hub}`, { width: 1280, height: 900 });
    const producer = await loadFrame(`/dist-demo/producer.html?hub=${hub}`, { width: 1280, height: 900 });
    try {
      const doc = viewer.contentDocument!;
      expect(doc.querySelector('#show > [slot="feed"]'), 'the hand-written chat is gone').to.equal(null);
      await until(() => viewerChat(doc)?.shadowRoot?.querySelector('[part~="messages"]'), 'the viewer page\'s live chat', 20_000);

      // A viewer's post, as the scripted viewers make theirs: naming a product, a chip.
      const body = { show: 'demo', name: 'maja.h', text: 'Is the Aurora Shell Jacket warm enough?', question: true };
      const posted = await fetch(`/hub/${hub}/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      expect(posted.status).to.equal(202);
      const { id } = await posted.json();
      await until(() => messages(viewerChat(doc)).some((m) => m.dataset.id === id), 'the message on the viewer page');
      await until(() => messages(viewerChat(doc)).find((m) => m.dataset.id === id)!.querySelector('[part~="chip"]'), 'its product chip');

      // The console hears it (through its preview, which follows the hub) and hides it.
      const pdoc = producer.contentDocument!;
      await until(() => messages(consoleChat(pdoc)).some((m) => m.dataset.id === id), 'the message in the console', 20_000);
      const hide = messages(consoleChat(pdoc))
        .find((m) => m.dataset.id === id)!
        .querySelector<HTMLButtonElement>('.actions button')!;
      hide.click();
      await until(() => !messages(viewerChat(doc)).some((m) => m.dataset.id === id), 'the message gone from the viewer page');
      await until(() => !messages(consoleChat(pdoc)).some((m) => m.dataset.id === id), 'and from the console');
      expect(consoleChat(pdoc)!.shadowRoot!.querySelector('[part~="moderation"] .failed'), 'the token was taken').to.equal(null);
    } finally {
      viewer.remove();
      producer.remove();
    }
  }).timeout(60_000);
});
