// `npm run screenshots`: the demo at desktop and phone widths, light and dark, in English
// and German, through headless Chromium, into demo/screenshots/. desktop.png and
// phone.png are the light English ones (the README shows them, so they stay true); the
// others are named <size>-<theme>-<lang>.png. The demo takes its theme and language from
// its URL (?theme=dark&lang=de, demo/page-look.ts).
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
const THEMES = ['light', 'dark'];
const LANGS = ['en', 'de'];
const shots = Object.entries(SIZES).flatMap(([size, viewport]) =>
  THEMES.flatMap((theme) =>
    LANGS.map((lang) => ({ viewport, theme, lang, name: theme === 'light' && lang === 'en' ? size : `${size}-${theme}-${lang}`, tall: size === 'phone' })),
  ),
);
const out = new URL('./screenshots/', import.meta.url);
await mkdir(out, { recursive: true });

// `npm run screenshots -- --port 9161`: another port, where 5174 is taken.
const portFlag = process.argv.indexOf('--port');
const port = portFlag > 0 ? Number(process.argv[portFlag + 1]) : 5174;
const server = await createServer({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, server: { port } });
await server.listen();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--autoplay-policy=no-user-gesture-required'],
});
try {
  for (const { viewport, theme, lang, name, tall } of shots) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1, colorScheme: theme });
    await page.goto(`http://localhost:${port}/?theme=${theme}&lang=${lang}`);
    // Wait for the show: playing, with the product on screen in the banner.
    await page.waitForFunction(
      () => {
        const show = document.querySelector('live-stream');
        const player = show?.shadowRoot?.querySelector('pip-player');
        const banner = show?.shadowRoot?.querySelector('[part~="banner"]');
        return player?.getAttribute('state') === 'playing' && banner && !banner.hidden;
      },
      null,
      { timeout: 20_000 },
    );
    await page.waitForTimeout(800);
    const path = new URL(`${name}.png`, out).pathname;
    await page.screenshot({ path, clip: { x: 0, y: 0, width: viewport.width, height: tall ? 1400 : 1000 } });
    console.log(`wrote ${path}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
