import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { CartView } from '../../src/elements/cart-view/cart-view.js';
import { engine } from '../engine.js';
import { loadFrame, until } from '../helpers.js';

/**
 * The pitch demo follows its own language and theme everywhere (issue 19, item 7): its own
 * words and colours, and livecart's elements on it, from the configurator or the URL, kept
 * across its pages; its header's cart and nav work, on a phone too (item 10).
 */
const LOOK_KEY = 'fjellvik:look';

/** Relative luminance (0 black … 1 white) of a computed `rgb(…)` colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const text = (doc: Document, selector: string) => doc.querySelector(selector)!.textContent!.trim();
const carouselOf = (doc: Document) => doc.querySelector('.profile shop-carousel')!;
const cardsOf = (doc: Document) => [...carouselOf(doc).shadowRoot!.querySelectorAll<HTMLElement>('[part~="card"]:not(.placeholder *)')];

describe('demo: the page follows its language and theme', () => {
  let frame: HTMLIFrameElement | undefined;
  // The frames share this tab's sessionStorage, where the demo keeps the choice.
  beforeEach(() => sessionStorage.removeItem(LOOK_KEY));
  afterEach(async () => {
    frame?.remove();
    frame = undefined;
    sessionStorage.removeItem(LOOK_KEY);
    if (engine === 'chromium') await emulateMedia({ colorScheme: 'light' });
  });

  it('the configurator\'s Language translates the page\'s own words, the header and livecart\'s', async () => {
    frame = await loadFrame('/dist-demo/index.html', { width: 1280, height: 900 });
    const doc = frame.contentDocument!;
    expect(text(doc, '.profile h3')).to.equal('Shop the show');
    const form = doc.querySelector<HTMLFormElement>('#config')!;
    (form.elements.namedItem('lang') as HTMLSelectElement).value = 'de';
    form.requestSubmit();

    expect(doc.documentElement.lang).to.equal('de');
    expect(text(doc, '.profile h3')).to.equal('Shoppe die Show');
    expect([...doc.querySelectorAll('.site-header nav a')].map((a) => a.textContent)).to.deep.equal(['Live', 'Shop', 'Ausprobieren', 'Regie']);
    expect(text(doc, '#header-cart')).to.equal('Warenkorb (0)');
    expect(text(doc, '.kicker')).to.equal('Jetzt live');
    expect(text(doc, '#config button[type="submit"]')).to.equal('Anwenden');
    expect(text(doc, '#log-title')).to.equal('Was die Seite hört');
    expect(doc.querySelector('.chat')!.getAttribute('aria-label')).to.equal('Live-Chat');
    expect(doc.title).to.equal('Fjellvik Outdoor — Winter Trail Live');
    // livecart's own elements outside the show: the carousel and the post's lone buy button.
    await until(() => cardsOf(doc).length, 'the cards', 20_000);
    await until(() => /Auf Lager/.test(cardsOf(doc)[0].textContent!), 'the carousel in German');
    const lone = doc.querySelector('.post buy-now-button')!;
    await until(() => lone.shadowRoot!.textContent!.includes('Jetzt kaufen'), 'the post\'s buy button in German');
  });

  it('dark (from the URL) makes the page, its sections and livecart\'s elements dark, and light text', async () => {
    frame = await loadFrame('/dist-demo/index.html?theme=dark', { width: 1280, height: 900 });
    const doc = frame.contentDocument!;
    const win = frame.contentWindow!;
    // Read once, then out of the address (kept in the tab's sessionStorage instead).
    expect(win.location.search).to.equal('');
    expect(JSON.parse(sessionStorage.getItem(LOOK_KEY)!)).to.deep.equal({ lang: 'en', theme: 'dark' });
    const style = (selector: string) => win.getComputedStyle(doc.querySelector(selector)!);
    expect(luminance(style('html').backgroundColor), 'page').to.be.below(0.05);
    expect(luminance(style('html').color), 'page text').to.be.above(0.8);
    for (const section of ['.site-header', '.profile', '.post article', '.configurator', '.log']) {
      expect(luminance(style(section).backgroundColor), section).to.be.below(0.05);
    }
    expect((doc.querySelector('#config [name="theme"]') as HTMLSelectElement).value).to.equal('dark');
    for (const element of ['live-stream', '.profile shop-carousel', '.post buy-now-button', 'cart-view']) {
      expect(doc.querySelector(element)!.getAttribute('theme'), element).to.equal('dark');
      expect(luminance(style(element).color), `${element} text`).to.be.above(0.8);
    }
    await until(() => cardsOf(doc).length, 'the cards', 20_000);
    expect(luminance(win.getComputedStyle(cardsOf(doc)[0]).backgroundColor), 'a carousel card').to.be.below(0.05);

    // And back to light from the configurator.
    const form = doc.querySelector<HTMLFormElement>('#config')!;
    (form.elements.namedItem('theme') as HTMLSelectElement).value = 'light';
    form.requestSubmit();
    expect(luminance(style('.profile').backgroundColor)).to.be.above(0.9);
    expect(luminance(win.getComputedStyle(cardsOf(doc)[0]).backgroundColor), 'a carousel card').to.be.above(0.9);
  });

  it('System follows prefers-color-scheme, the page as livecart\'s elements', async function () {
    // Emulating the media feature takes CDP: Chromium's (Firefox runs over WebDriver BiDi).
    if (engine !== 'chromium') this.skip();
    await emulateMedia({ colorScheme: 'dark' });
    frame = await loadFrame('/dist-demo/index.html', { width: 1280, height: 900 });
    const doc = frame.contentDocument!;
    const win = frame.contentWindow!;
    expect(doc.querySelector('live-stream')!.hasAttribute('theme')).to.equal(false);
    expect(luminance(win.getComputedStyle(doc.querySelector('.profile')!).backgroundColor)).to.be.below(0.05);
    await until(() => cardsOf(doc).length, 'the cards', 20_000);
    expect(luminance(win.getComputedStyle(cardsOf(doc)[0]).backgroundColor), 'a carousel card').to.be.below(0.05);
  });

  it('the choice carries to the demo\'s other pages, and into the links it opens', async () => {
    frame = await loadFrame('/dist-demo/index.html?lang=de&theme=dark', { width: 1280, height: 900 });
    // A product link, as a buy button opens it (in a new tab, which gets no copy of sessionStorage).
    const opened: string[] = [];
    frame.contentWindow!.open = (url?: string | URL) => (opened.push(String(url)), null);
    const doc = frame.contentDocument!;
    await until(() => cardsOf(doc).length, 'the cards', 20_000);
    cardsOf(doc)[0].querySelector('buy-now-button')!.shadowRoot!.querySelector('button')!.click();
    await until(() => opened.length, 'the product link');
    const link = new URL(opened[0]);
    expect(link.pathname).to.match(/\/product\.html$/);
    expect(link.searchParams.get('lang')).to.equal('de');
    expect(link.searchParams.get('theme')).to.equal('dark');
    frame.remove();

    // The same tab's next page: from sessionStorage.
    const kickers = { 'product.html?id=ember-mug': 'Aus der Live-Show', 'checkout.html': 'Kasse', 'producer.html': 'Regiepult' };
    for (const [page, kicker] of Object.entries(kickers)) {
      frame = await loadFrame(`/dist-demo/${page}`, { width: 1280, height: 900 });
      const next = frame.contentDocument!;
      expect(next.documentElement.lang, page).to.equal('de');
      expect(next.documentElement.dataset.theme, page).to.equal('dark');
      expect(luminance(frame.contentWindow!.getComputedStyle(next.documentElement).backgroundColor), page).to.be.below(0.05);
      expect(text(next, '.kicker'), page).to.equal(kicker);
      frame.remove();
    }
    frame = undefined;
  });
});

describe('demo: the header', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => {
    frame?.remove();
    frame = undefined;
  });

  it('has no links to "#", and keeps the "Live" marker', async () => {
    frame = await loadFrame('/dist-demo/index.html', { width: 1280, height: 900 });
    const doc = frame.contentDocument!;
    expect(doc.querySelectorAll('a[href="#"]').length).to.equal(0);
    for (const link of doc.querySelectorAll<HTMLAnchorElement>('.site-header nav a[href^="#"]')) {
      expect(doc.querySelector(link.getAttribute('href')!), link.href).to.exist;
    }
    expect(text(doc, '.site-header nav [aria-current="page"]')).to.equal('Live');
  });

  it('"Cart (n)" is a button that opens the cart view; Escape closes it and focus comes back', async () => {
    frame = await loadFrame('/dist-demo/index.html', { width: 1280, height: 900 });
    const doc = frame.contentDocument!;
    const button = doc.querySelector<HTMLButtonElement>('#header-cart')!;
    expect(button.localName).to.equal('button');
    expect(button.getAttribute('aria-haspopup')).to.equal('dialog');
    const view = doc.querySelector<CartView>('cart-view')!;
    button.focus();
    button.click();
    const dialog = () => view.shadowRoot!.querySelector('dialog')!;
    await until(() => dialog()?.open, 'the cart dialog');
    expect(view.open).to.equal(true);
    expect(dialog().getAttribute('aria-labelledby')).to.equal('title');
    expect(view.shadowRoot!.activeElement, 'focus in the dialog').to.exist;
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog().open, 'the dialog to close');
    expect(view.open).to.equal(false);
    expect(doc.activeElement).to.equal(button);
  });

  it('at 390 px the Producer link and the cart button are on screen, one tap away', async () => {
    frame = await loadFrame('/dist-demo/index.html', { width: 390, height: 844 });
    const doc = frame.contentDocument!;
    for (const selector of ['.site-header a[href="producer.html"]', '#header-cart']) {
      const target = doc.querySelector(selector)!;
      const box = target.getBoundingClientRect();
      expect(box.width, selector).to.be.above(0);
      expect(box.right, selector).to.be.at.most(390);
      const hit = doc.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      expect(target.contains(hit), `${selector} is what a tap there reaches`).to.equal(true);
    }
    expect(doc.documentElement.scrollWidth).to.be.at.most(390);
  });
});

describe('demo: the checkout stub', () => {
  it('at 1280 px its text uses the page\'s width', async () => {
    const frame = await loadFrame('/dist-demo/checkout.html', { width: 1280, height: 800 });
    try {
      const doc = frame.contentDocument!;
      for (const selector of ['h1', '.hint']) expect(doc.querySelector(selector)!.getBoundingClientRect().width, selector).to.be.above(500);
    } finally {
      frame.remove();
    }
  });
});
