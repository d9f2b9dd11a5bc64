import { expect, fixture, html } from '@open-wc/testing';
import { copyText } from '../../demo/copy-text.js';

/**
 * The demo's Copy buttons (demo/copy-text.ts): "Copied" only when the text was copied
 * (issue 19: it said so on plain http, where there is no Clipboard API). The browser's
 * clipboard and copy command are replaced, so each way is taken for sure.
 */
describe('demo: copying a snippet', () => {
  const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
  const execCommand = document.execCommand;
  afterEach(() => {
    if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    else delete (Navigator.prototype as { clipboard?: unknown }).clipboard;
    document.execCommand = execCommand;
    getSelection()?.removeAllRanges();
  });
  const withClipboard = (writeText: (text: string) => Promise<void>) =>
    Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => ({ writeText }) });

  it('copies through the Clipboard API where there is one', async () => {
    const pre = await fixture<HTMLElement>(html`<pre>&lt;live-stream&gt;</pre>`);
    const written: string[] = [];
    withClipboard(async (text) => void written.push(text));
    expect(await copyText(pre)).to.equal('copied');
    expect(written).to.deep.equal(['<live-stream>']);
  });

  it('falls back to the copy command on the selected text when the Clipboard API refuses', async () => {
    const pre = await fixture<HTMLElement>(html`<pre>npm install livecart</pre>`);
    withClipboard(() => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')));
    let selected = '';
    document.execCommand = (command: string) => ((selected = `${command}: ${getSelection()}`), true);
    expect(await copyText(pre)).to.equal('copied');
    expect(selected).to.equal('copy: npm install livecart');
  });

  it('says "selected", with the text selected, when nothing could copy it (plain http, no Clipboard API)', async () => {
    const pre = await fixture<HTMLElement>(html`<pre>npm install livecart</pre>`);
    Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => undefined });
    document.execCommand = () => false;
    expect(await copyText(pre)).to.equal('selected');
    expect(String(getSelection())).to.equal('npm install livecart');
  });
});
