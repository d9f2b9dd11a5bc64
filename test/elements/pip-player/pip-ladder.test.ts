import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/buy-now-button.js';
import '../../../src/define/pip-player.js';
import type { CartLine } from '../../../src/adapters/types.js';
import type { PipPlayer } from '../../../src/define/pip-player.js';
import { $cart } from '../../../src/store/cart.js';
import { configure } from '../../../src/store/config.js';
import {
  buyButtonOf,
  getShow,
  item,
  MP4,
  nextEvent,
  playerWithBuyButton,
  realClick,
  recordErrors,
  resetCart,
  showWith,
  spyOpen,
  until,
  without,
} from '../../helpers.js';

type DocPip = { window: Window | null };
const docPip = () => (window as unknown as { documentPictureInPicture?: DocPip }).documentPictureInPicture;

/** A playing show (MP4: no cues to change the product under the test) with a buy button. */
async function playingShow() {
  const show = showWith(
    item('ember-mug', { title: 'Ember Enamel Mug', link: 'https://shop.example/mug' }),
    item('fjord-beanie', { title: 'Fjord Merino Beanie' }),
  );
  getShow(show).feature('ember-mug');
  const { player, button } = await playerWithBuyButton(show, MP4, 'ember-mug');
  return { show, player, button };
}

describe('picture-in-picture ladder', () => {
  let restores: (() => unknown)[] = [];
  afterEach(async () => {
    for (const restore of restores) await restore();
    restores = [];
    docPip()?.window?.close();
    if (document.pictureInPictureElement) await document.exitPictureInPicture();
  });

  it('1. Document PiP: the video and the product card move to the PiP window, and come back playing', async () => {
    const { show, player, button } = await playingShow();
    const open = spyOpen();
    restores.push(open.restore);
    const change = nextEvent<CustomEvent>(player, 'livecart-pip-change');
    await realClick(button);
    expect((await change).detail).to.deep.equal({ show, mode: 'document' });
    expect(open.calls).to.deep.equal([['https://shop.example/mug', '_blank', 'noopener']]);
    const pipWindow = docPip()!.window!;
    const pipDoc = pipWindow.document;
    expect(pipDoc.querySelector('video')).to.equal(player.video);
    await player.updateComplete;
    expect(player.getAttribute('pip-mode')).to.equal('document');
    expect(player.shadowRoot!.querySelector('[part~="placeholder"]')).to.exist;
    await expect(player).to.be.accessible();

    // The card follows the show, and buying there works like a buy button. Its code loads
    // once the window is open (the mode changes first): wait for it, not for a time.
    await until(() => pipDoc.querySelector('.product-title'), 'the product card in the PiP window');
    expect(pipDoc.querySelector('.product-title')!.textContent).to.equal('Ember Enamel Mug');
    getShow(show).feature('fjord-beanie');
    expect(pipDoc.querySelector('.product-title')!.textContent).to.equal('Fjord Merino Beanie');
    const bought = nextEvent<CustomEvent>(player, 'livecart-add-to-cart');
    pipDoc.querySelector('button')!.click();
    expect((await bought).detail.product.id).to.equal('fjord-beanie');
    expect(open.calls[1]).to.deep.equal(['https://shop.example/p/fjord-beanie', '_blank', 'noopener']);
    // The page's theme came along.
    expect(getComputedStyle(pipDoc.querySelector('button')!).backgroundColor).to.equal('rgb(190, 18, 60)');

    const back = nextEvent<CustomEvent>(player, 'livecart-pip-change');
    pipWindow.close();
    expect((await back).detail.mode).to.equal('inline');
    await player.updateComplete;
    expect(player.shadowRoot!.contains(player.video)).to.equal(true);
    await until(() => !player.video.paused && player.state === 'playing', 'playing again inline');
  });

  it('a buy in the Document PiP window adds to the cart when the page has one, like a buy button', async () => {
    const { player } = await playingShow();
    const added: string[] = [];
    configure({ cart: { adapter: 'callback', add: async (line: CartLine) => void added.push(line.id) } });
    restores.push(resetCart);
    const open = spyOpen();
    restores.push(open.restore);
    const change = nextEvent<CustomEvent>(player, 'livecart-pip-change');
    // With a cart, the page's button adds instead of linking out: ask for PiP with a key.
    player.shadowRoot!.querySelector<HTMLElement>('[part~="frame"]')!.focus();
    await sendKeys({ press: 'p' });
    expect((await change).detail.mode).to.equal('document');
    await until(() => docPip()!.window?.document.querySelector('.card button'), 'the card in the PiP window');
    docPip()!.window!.document.querySelector<HTMLButtonElement>('.card button')!.click();
    await until(() => added.length === 1, 'the cart to take the line');
    expect(added).to.deep.equal(['ember-mug']);
    expect($cart.get().lines.map((l) => l.id)).to.deep.equal(['ember-mug']);
    expect(open.calls).to.deep.equal([]);
  });

  it('a click that opens no tab before the browser\'s rungs are in still gets Document PiP: they load within its grace', async function () {
    if (!docPip()) this.skip();
    const show = showWith(item('ember-mug', { link: 'https://shop.example/mug' }));
    getShow(show).feature('ember-mug');
    const root = await fixture(html`<div>
      <pip-player show=${show} src=${MP4} muted></pip-player>
      <buy-now-button show=${show} product="ember-mug"></buy-now-button>
    </div>`);
    const player = root.querySelector<PipPlayer>('pip-player')!;
    const button = buyButtonOf(root.querySelector('buy-now-button')!);
    await until(() => !button.disabled, 'the buy button');
    // As if the rungs' chunk had not come yet (it came as the player entered the page).
    const ladder = (player as unknown as { pipLadder: { browserRungs?: unknown; browserRungsLoad?: unknown } }).pipLadder;
    ladder.browserRungs = ladder.browserRungsLoad = undefined;
    // No tab opens (a real one would use the click's permission up before PiP's turn).
    restores.push(spyOpen().restore);
    const change = nextEvent<CustomEvent>(player, 'livecart-pip-change');
    await realClick(button);
    expect((await change).detail).to.deep.equal({ show, mode: 'document' });
  });

  it('2. video PiP where Document PiP does not exist', async () => {
    restores.push(without(window, 'documentPictureInPicture'));
    const { show, player, button } = await playingShow();
    const open = spyOpen();
    restores.push(open.restore);
    const change = nextEvent<CustomEvent>(player, 'livecart-pip-change');
    await realClick(button);
    expect((await change).detail).to.deep.equal({ show, mode: 'video' });
    expect(document.pictureInPictureElement).to.equal(player);
    expect(open.calls).to.have.length(1);
    const back = nextEvent<CustomEvent>(player, 'livecart-pip-change');
    await player.exitPip();
    expect((await back).detail.mode).to.equal('inline');
  });

  it('3. the floating mini player where neither exists: keyboard reachable, movable, expandable', async () => {
    restores.push(without(window, 'documentPictureInPicture'), without(document, 'pictureInPictureEnabled'));
    const { player, button } = await playingShow();
    const open = spyOpen();
    restores.push(open.restore);
    const change = nextEvent<CustomEvent>(player, 'livecart-pip-change');
    await realClick(button);
    expect((await change).detail.mode).to.equal('floating');
    await player.updateComplete;
    const frame = player.shadowRoot!.querySelector<HTMLElement>('[part~="frame"]')!;
    expect(getComputedStyle(frame).position).to.equal('fixed');
    const box = frame.getBoundingClientRect();
    expect(box.right).to.be.closeTo(innerWidth - 16, 1);
    expect(box.bottom).to.be.closeTo(innerHeight - 16, 1);
    await expect(player).to.be.accessible();

    const handle = player.shadowRoot!.querySelector<HTMLButtonElement>('[part~="float-handle"]')!;
    handle.focus();
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowLeft' });
    await player.updateComplete;
    const moved = frame.getBoundingClientRect();
    expect(moved.left).to.be.closeTo(16, 1);
    expect(moved.top).to.be.closeTo(16, 1);

    const back = nextEvent<CustomEvent>(player, 'livecart-pip-change');
    player.shadowRoot!.querySelector<HTMLButtonElement>('[part~="float-expand"]')!.click();
    expect((await back).detail.mode).to.equal('inline');
    await player.updateComplete;
    expect(getComputedStyle(frame).position).to.equal('absolute');
  });

  it("docks clear of the page's actions, again after a scroll, until the shopper places it", async () => {
    restores.push(without(window, 'documentPictureInPicture'), without(document, 'pictureInPictureEnabled'));
    // A page's primary action where the mini player would go (the bottom-right corner).
    const form = document.createElement('form');
    form.innerHTML = '<button type="submit" style="position: fixed; right: 24px; bottom: 24px; width: 200px; height: 48px">Add to bag</button>';
    document.body.append(form);
    restores.push(() => form.remove());
    const bag = form.querySelector('button')!;
    const { player, button } = await playingShow();
    restores.push(spyOpen().restore);
    const change = nextEvent<CustomEvent>(player, 'livecart-pip-change');
    await realClick(button);
    expect((await change).detail.mode).to.equal('floating');
    await player.updateComplete;
    const frame = player.shadowRoot!.querySelector<HTMLElement>('[part~="frame"]')!;
    const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    await until(() => !overlaps(frame.getBoundingClientRect(), bag.getBoundingClientRect()), 'the mini player clear of the button');

    // The button moves under it: once the page settles, it docks again.
    bag.style.right = '';
    bag.style.left = '24px';
    dispatchEvent(new Event('scroll'));
    await until(() => !overlaps(frame.getBoundingClientRect(), bag.getBoundingClientRect()), 'docked again');

    // The shopper puts it back over the button, and makes it smaller: it stays.
    const handle = player.shadowRoot!.querySelector<HTMLButtonElement>('[part~="float-handle"]')!;
    handle.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowDown' });
    const size = player.shadowRoot!.querySelector<HTMLButtonElement>('[part~="float-size"]')!;
    expect(size.getAttribute('aria-label')).to.equal('Smaller player');
    const wide = frame.getBoundingClientRect().width;
    size.click();
    await player.updateComplete;
    expect(frame.getBoundingClientRect().width).to.be.below(wide);
    expect(size.getAttribute('aria-label')).to.equal('Larger player');
    dispatchEvent(new Event('scroll'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(overlaps(frame.getBoundingClientRect(), bag.getBoundingClientRect()), 'where the shopper put it').to.equal(true);
    const closed = nextEvent(player, 'livecart-pip-change');
    player.shadowRoot!.querySelector<HTMLButtonElement>('[part~="float-close"]')!.click();
    await closed;
  });

  it('a refused request falls back to the floating player and says why', async () => {
    const { player, button } = await playingShow();
    // The browser's answer to a denied request (as in-app web views and some settings give).
    const api = docPip() as unknown as { requestWindow: () => Promise<Window> };
    const requestWindow = api.requestWindow;
    api.requestWindow = () => Promise.reject(new DOMException('denied by the user agent', 'NotAllowedError'));
    restores.push(() => (api.requestWindow = requestWindow));
    const open = spyOpen();
    restores.push(open.restore);
    const errors = recordErrors();
    const change = nextEvent<CustomEvent>(player, 'livecart-pip-change');
    await realClick(button);
    const mode = (await change).detail.mode;
    errors.stop();
    expect(mode).to.equal('floating');
    expect(player.pipMode).to.equal('floating');
    expect(errors.events[0].detail.code).to.equal('pip');
    expect(errors.events[0].detail.message).to.match(/document picture-in-picture was refused/);
    const closed = nextEvent(player, 'livecart-pip-change');
    player.shadowRoot!.querySelector<HTMLButtonElement>('[part~="float-close"]')!.click();
    await closed;
    expect(player.pipMode).to.equal('inline');
    expect(player.video.paused).to.equal(true);
  });

  it('with float-on-scroll, floats while playing out of view and comes back in view', async () => {
    const { player } = await playingShow();
    player.floatOnScroll = true;
    // The option is read when the video is attached: reattach as a page would set it up.
    player.remove();
    await null;
    const page = document.createElement('div');
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    page.append(player, spacer);
    document.body.prepend(page);
    restores.push(() => page.remove());
    await until(() => player.state === 'playing', 'playing');
    window.scrollTo(0, 2500);
    await until(() => player.pipMode === 'floating', 'floating when scrolled away');
    window.scrollTo(0, 0);
    await until(() => player.pipMode === 'inline', 'inline when back in view');
  });

  it('pip="off" still follows the browser\'s own picture-in-picture (its controls and menu offer it)', async function () {
    if (!('pictureInPictureEnabled' in document && document.pictureInPictureEnabled)) this.skip();
    const player = await fixture<PipPlayer>(html`<pip-player src=${MP4} pip="off" autoplay muted></pip-player>`);
    await until(() => player.state === 'playing', 'playing');
    const trigger = document.createElement('button');
    trigger.textContent = 'PiP';
    trigger.addEventListener('click', () => void player.video.requestPictureInPicture());
    document.body.append(trigger);
    restores.push(() => trigger.remove());
    const change = nextEvent<CustomEvent>(player, 'livecart-pip-change');
    await realClick(trigger);
    expect((await change).detail.mode).to.equal('video');
    expect(player.pipMode).to.equal('video');
  });

  it('pip="off" never leaves the page', async () => {
    const { player } = await playingShow();
    player.pip = 'off';
    expect(await player.enterPip()).to.equal('inline');
    expect(player.pipMode).to.equal('inline');
  });
});
