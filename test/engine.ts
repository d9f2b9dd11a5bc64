import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { webkitExclusions } from './webkit-exclusions.mjs';

/** Which engine runs this page. WebKitGTK says Safari and no Chrome, as Safari does. */
export type Engine = 'chromium' | 'firefox' | 'webkit';
const ua = navigator.userAgent;
export const engine: Engine = /Firefox\//.test(ua) ? 'firefox' : /Chrom(e|ium)\//.test(ua) ? 'chromium' : 'webkit';

/**
 * A root hook: in WebKit, the tests listed in test/webkit-exclusions.mjs are skipped
 * (pending, with their reason in the title path) instead of run.
 */
export const excludedHere = (fullTitle: string): boolean =>
  engine === 'webkit' && Object.keys(webkitExclusions).some((key) => fullTitle === key || fullTitle.startsWith(`${key} `));

if (engine === 'webkit') {
  beforeEach(function () {
    const test = this.currentTest;
    if (excludedHere(test?.fullTitle() ?? '')) this.skip();
    // Where the run retries (CI: one retry, see web-test-runner.config.mjs), WebKit gets
    // two: GStreamer's MSE stalls a live start now and then (the comment on mseAudioStall
    // in test/webkit-exclusions.mjs), and a test that fails three times still fails.
    if (test && test.retries() > 0) test.retries(2);
  });
}

/**
 * Each test file is a page of its own, but puppeteer's Firefox runs them in one tab, whose
 * sessionStorage lives on: a show saved by one file's page (link-target="_self", the frame
 * mode's fallbacks) would be resumed by the next file's. Tests that want a saved show save it.
 */
sessionStorage.removeItem('livecart:resume');
// The same for the demo's language and theme (demo/page-look.ts), which a demo test may leave set.
sessionStorage.removeItem('fjellvik:look');

/** A phone's viewport (iPhone 14/15: 390×844 CSS pixels), in every engine. */
export const PHONE = { width: 390, height: 844 };

/** Sizes the page's viewport; over WebDriver (WebKit) by sizing the window (test/webkit.mjs). */
export async function resizeViewport(size: { width: number; height: number }): Promise<void> {
  if (engine === 'webkit') await executeServerCommand('set-window-viewport', size);
  else await setViewport(size);
}
