/**
 * Copies `source`'s text, and says what happened: `copied` through the Clipboard API (a
 * secure context only: not a plain-http page on another host), else through the page's
 * own copy command on the text, now selected; `selected` when neither copied it: the text
 * stays selected for the shopper's own Ctrl+C.
 */
export async function copyText(source: HTMLElement): Promise<'copied' | 'selected'> {
  try {
    await navigator.clipboard.writeText(source.textContent ?? '');
    return 'copied';
  } catch {
    // No Clipboard API here, or the write was refused.
  }
  getSelection()?.selectAllChildren(source);
  try {
    // Deprecated, and the one way left on a plain-http page.
    if (document.execCommand('copy')) return 'copied';
  } catch {
    // Refused.
  }
  return 'selected';
}
