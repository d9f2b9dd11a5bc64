import { expect } from '@open-wc/testing';
import { loadFrame, nextEvent, until } from '../helpers.js';

/**
 * The configurator's script-tag snippet, copied as a retailer would and pasted verbatim
 * into a page on another origin (127.0.0.1 where the demo is on localhost), plays the show.
 */
describe("the configurator's snippet", () => {
  it('runs as pasted, on a page of another origin', async () => {
    const demo = await loadFrame('/dist-demo/index.html');
    let snippet: string;
    try {
      const code = () => demo.contentDocument!.querySelector('#snippet-html')!.textContent ?? '';
      await until(() => code().includes('<live-stream'), 'the snippet');
      snippet = code();
    } finally {
      demo.remove();
    }
    const script = `${location.origin}/dist-demo/dist/livecart.js`;
    expect(snippet).to.contain(`<script type="module" src="${script}"></script>`);
    expect(snippet).not.to.contain('example/');

    const other = `http://127.0.0.1:${location.port}`;
    expect(other).not.to.equal(location.origin);
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1024px; height: 700px; border: 0';
    const report = nextEvent<MessageEvent>(window, 'message', 30_000);
    frame.src = `${other}/test/paste?snippet=${encodeURIComponent(snippet)}`;
    document.body.append(frame);
    try {
      const { data, origin } = await report;
      expect(origin).to.equal(other);
      expect(data).to.include({ playing: true, origin: other, script });
      expect(data.cards).to.be.above(0);
    } finally {
      frame.remove();
    }
  }).timeout(45_000);
});
