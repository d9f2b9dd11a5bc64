import { expect } from '@open-wc/testing';
import { loadFrame, nextEvent, until } from '../helpers.js';

interface PastedReport {
  playing: boolean;
  origin: string;
  cards: number;
  script: string;
  /** The page's cumulative layout shift (Chromium), or null where the engine has no such entries. */
  cls: number | null;
  /** Every top the paragraph after the show had, frame by frame from the first. */
  afterTops: number[];
}

/** The configurator's script-tag snippet, as the static demo shows it. */
async function configuratorSnippet(): Promise<string> {
  const demo = await loadFrame('/dist-demo/index.html');
  try {
    const code = () => demo.contentDocument!.querySelector('#snippet-html')!.textContent ?? '';
    await until(() => code().includes('<live-stream'), 'the snippet');
    return code();
  } finally {
    demo.remove();
  }
}

/** Pastes the snippet verbatim into a plain page of another origin (127.0.0.1 where the demo is on localhost). */
async function paste(snippet: string, size: { width: number; height: number }): Promise<{ data: PastedReport; origin: string }> {
  const other = `http://127.0.0.1:${location.port}`;
  expect(other).not.to.equal(location.origin);
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${size.width}px; height: ${size.height}px; border: 0`;
  const report = nextEvent<MessageEvent<PastedReport>>(window, 'message', 30_000);
  frame.src = `${other}/test/paste?snippet=${encodeURIComponent(snippet)}`;
  document.body.append(frame);
  try {
    const { data, origin } = await report;
    expect(origin).to.equal(other);
    return { data, origin };
  } finally {
    frame.remove();
  }
}

/**
 * The configurator's script-tag snippet, copied as a retailer would and pasted verbatim
 * into a page on another origin, plays the show, and the page around it never moves.
 */
describe("the configurator's snippet", () => {
  let snippet: string;
  before(async () => {
    snippet = await configuratorSnippet();
  });

  it('runs as pasted, on a page of another origin', async () => {
    const script = `${location.origin}/dist-demo/dist/livecart.js`;
    expect(snippet).to.contain(`<script type="module" src="${script}"></script>`);
    expect(snippet).not.to.contain('example/');
    const { data, origin } = await paste(snippet, { width: 1024, height: 700 });
    expect(data).to.include({ playing: true, origin, script });
    expect(data.cards).to.be.above(0);
  }).timeout(45_000);

  // Pasted in <body>, the show's module arrives after the page's first paint: its style
  // keeps the show's room from that paint on (it was CLS 0.2 at 1280 px, 0.6 at 390).
  for (const size of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`does not move the retailer's paragraph after it, at ${size.width} px`, async () => {
      const { data } = await paste(snippet, size);
      expect(data.playing).to.equal(true);
      expect(data.afterTops, 'the paragraph after the show, frame by frame').to.have.length(1);
      if (data.cls !== null) expect(data.cls, `CLS at ${size.width} px`).to.be.below(0.01);
    }).timeout(45_000);
  }
});
