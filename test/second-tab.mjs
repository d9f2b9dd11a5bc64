/**
 * Real tabs for the tests: `open-tab` opens a URL of the test server in a new tab of the
 * test page's browser (its own page, so its own renderer process where the browser gives
 * one), `close-tab` closes it. Chromium (Playwright) and Firefox (puppeteer) only: the
 * WebKit runner drives one MiniBrowser window, and answers false.
 */
export function secondTabPlugin() {
  const tabs = new Map();
  return {
    name: 'livecart-second-tab',
    async executeCommand({ command, payload, session }) {
      if (command === 'open-tab') {
        const { type } = session.browser;
        if (type !== 'playwright' && type !== 'puppeteer') return false;
        const page = session.browser.getPage(session.id);
        const tab = type === 'playwright' ? await page.context().newPage() : await page.browser().newPage();
        await tab.goto(new URL(payload.url, page.url()).href);
        tabs.set(payload.name, tab);
        return true;
      }
      if (command === 'close-tab') {
        await tabs.get(payload.name)?.close();
        tabs.delete(payload.name);
        return true;
      }
      return undefined;
    },
  };
}
