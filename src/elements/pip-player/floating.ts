import { adoptStyles, html, nothing, type LitElement, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { PipMode } from '../../core/events.js';
import { safeUrl } from '../../core/safe-url.js';
import { floatingEnglish } from '../../i18n/en/floating.js';
import { addEnglish, type Strings } from '../../i18n/strings.js';
import type { PlayerStateName } from '../../store/show.js';
import { floatingStyles } from './floating.styles.js';

addEnglish(floatingEnglish);

/** What the floating mini player needs from its player. */
export interface FloatingHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly video: HTMLVideoElement;
  /** Where "Back to the show" goes (a show resumed on another page). */
  readonly returnUrl: string | null;
  readonly floatOnScroll: boolean;
  readonly state: PlayerStateName;
  readonly pipMode: PipMode;
  float(): Promise<void>;
  exitPip(): Promise<void>;
}

export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
const CORNERS: readonly Corner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];
/** The mini player's distance from the viewport's edges (floating.styles.ts). */
const MARGIN = 16;

/** What a floating player must not cover: the page's actions, its buy buttons and forms' submits most. */
const ACTIONS = 'buy-now-button, [data-livecart-keep-clear], button, [type=submit], a[href], input, select, textarea, [role=button]';
const PRIMARY = 'buy-now-button, [data-livecart-keep-clear], [type=submit]';

/** How much of the page's actions a box at `corner` would cover (a primary action counts ten times). */
function covered(corner: Corner, width: number, height: number, actions: readonly { box: DOMRect; weight: number }[]): number {
  const left = corner.endsWith('left') ? MARGIN : innerWidth - MARGIN - width;
  const top = corner.startsWith('top') ? MARGIN : innerHeight - MARGIN - height;
  let sum = 0;
  for (const { box, weight } of actions) {
    const x = Math.min(box.right, left + width) - Math.max(box.left, left);
    const y = Math.min(box.bottom, top + height) - Math.max(box.top, top);
    if (x > 0 && y > 0) sum += x * y * weight;
  }
  return sum;
}

/**
 * The floating mini player: its buttons, its styles and its position. It docks in the
 * corner where it covers the least of the page's actions (a product page's Buy button
 * first), again whenever the page stops scrolling or resizes, until the shopper places it:
 * dragged by its handle it snaps to the nearest corner on release, arrow keys on the
 * handle move it from corner to corner, and a button makes it smaller or larger. With
 * `float-on-scroll` it floats while playing out of view. The player loads this module the
 * first time it floats or plays: pages that never float do not need it up front.
 */
export class FloatingController implements ReactiveController {
  corner: Corner = 'bottom-right';
  /** Made smaller by the shopper. */
  small = false;
  /** Offset while dragging, in CSS pixels; null when not dragging. */
  drag: { x: number; y: number } | null = null;
  private start?: { x: number; y: number };
  private styled = false;
  private scroll?: IntersectionObserver;
  /** Where the shopper put it: docking then leaves it there. */
  private placed = false;
  private docking = false;
  private dockTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: FloatingHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.watchScroll();
    // Once per shadow root (it outlives a move), beside the player's own styles, the way Lit
    // adopts those: adoptedStyleSheets, which strict CSPs allow.
    const root = this.host.renderRoot;
    if (this.styled || !(root instanceof ShadowRoot)) return;
    this.styled = true;
    adoptStyles(root, [...(this.host.constructor as typeof LitElement).elementStyles, floatingStyles]);
  }

  hostDisconnected(): void {
    this.drag = null;
    this.scroll?.disconnect();
    this.watchPage(false);
  }

  hostUpdated(): void {
    // The drag offset goes through the CSSOM: a style attribute would need 'unsafe-inline'.
    const { drag } = this;
    const frame = this.frame();
    frame?.style.setProperty('transform', drag ? `translate(${drag.x}px, ${drag.y}px)` : '');
    const floating = this.host.pipMode === 'floating';
    if (floating !== this.docking) {
      this.watchPage(floating);
      if (floating) this.dock();
    }
  }

  /** The frame's classes while floating. */
  frameClass(): string {
    return `floating ${this.corner}${this.small ? ' small' : ''}${this.drag ? ' dragging' : ''}`;
  }

  private frame() {
    return this.host.renderRoot.querySelector<HTMLElement>('[part~="frame"]');
  }

  /** While floating: docks again once the page stops scrolling or resizing. */
  private watchPage(on: boolean): void {
    this.docking = on;
    clearTimeout(this.dockTimer);
    for (const type of ['scroll', 'resize'] as const) {
      if (on) addEventListener(type, this.dockSoon, { passive: true });
      else removeEventListener(type, this.dockSoon);
    }
  }

  private dockSoon = () => {
    clearTimeout(this.dockTimer);
    this.dockTimer = setTimeout(() => this.dock(), 150);
  };

  /** Moves to the corner that covers the least of the page's actions, unless the shopper placed it. */
  private dock(): void {
    const box = this.frame()?.getBoundingClientRect();
    if (this.placed || !box?.width) return;
    const actions = [...document.querySelectorAll(ACTIONS)]
      .filter((element) => !this.host.contains(element))
      .map((element) => ({ box: element.getBoundingClientRect(), weight: element.matches(PRIMARY) ? 10 : 1 }))
      .filter(({ box }) => box.width && box.height && box.bottom > 0 && box.top < innerHeight);
    // The current corner first: it moves only for a corner that covers less.
    const order = [this.corner, ...CORNERS.filter((corner) => corner !== this.corner)];
    const scores = order.map((corner) => covered(corner, box.width, box.height, actions));
    const best = order[scores.indexOf(Math.min(...scores))];
    if (best === this.corner) return;
    this.corner = best;
    this.host.requestUpdate();
  }

  render(t: Strings) {
    const back = safeUrl(this.host.returnUrl, document.baseURI);
    return html`<div part="float-controls">
      <button
        part="float-handle"
        type="button"
        aria-label=${t.movePlayer}
        title=${t.movePlayer}
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerUp}
        @keydown=${this.onKeydown}
      >
        ⠿
      </button>
      ${back ? html`<a part="float-back" href=${back}>${t.backToShow}</a>` : nothing}
      <button
        part="float-size"
        type="button"
        aria-label=${this.small ? t.largerPlayer : t.smallerPlayer}
        title=${this.small ? t.largerPlayer : t.smallerPlayer}
        @click=${this.resize}
      >
        ${this.small ? '+' : '−'}
      </button>
      <button part="float-expand" type="button" aria-label=${t.expand} title=${t.expand} @click=${this.expand}>⤢</button>
      <button part="float-close" type="button" aria-label=${t.closePlayer} title=${t.closePlayer} @click=${this.close}>✕</button>
    </div>`;
  }

  /** With `float-on-scroll`: float while playing and out of view, come back when in view. */
  private watchScroll(): void {
    const { host } = this;
    if (!host.floatOnScroll || typeof IntersectionObserver === 'undefined') return;
    this.scroll = new IntersectionObserver(([entry]) => {
      if (!entry.isIntersecting && host.pipMode === 'inline' && host.state === 'playing') void host.float();
      else if (entry.isIntersecting && host.pipMode === 'floating') void host.exitPip();
    });
    this.scroll.observe(host);
  }

  /** Smaller or larger, in the same corner: the page's actions it then covers are the shopper's choice. */
  private resize = () => {
    this.small = !this.small;
    this.placed = true;
    this.host.requestUpdate();
  };

  /** Back into the page; for a show resumed on another page, back to the show's page. */
  private expand = async () => {
    const back = safeUrl(this.host.returnUrl, document.baseURI);
    if (back) return location.assign(back);
    await this.host.exitPip();
    this.host.scrollIntoView({ block: 'center' });
  };

  /** The shopper is done watching: pause; a resumed show's player goes away. */
  private close = async () => {
    this.host.video.pause();
    await this.host.exitPip();
    if (this.host.returnUrl) this.host.remove();
  };

  onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    (event.currentTarget as Element).setPointerCapture(event.pointerId);
    this.start = { x: event.clientX, y: event.clientY };
    this.drag = { x: 0, y: 0 };
    this.host.requestUpdate();
  };

  onPointerMove = (event: PointerEvent) => {
    if (!this.start) return;
    this.drag = { x: event.clientX - this.start.x, y: event.clientY - this.start.y };
    this.host.requestUpdate();
  };

  onPointerUp = (event: PointerEvent) => {
    if (!this.start) return;
    this.start = undefined;
    this.drag = null;
    const right = event.clientX > innerWidth / 2;
    const bottom = event.clientY > innerHeight / 2;
    this.corner = `${bottom ? 'bottom' : 'top'}-${right ? 'right' : 'left'}`;
    this.placed = true;
    this.host.requestUpdate();
  };

  onKeydown = (event: KeyboardEvent) => {
    const [vertical, horizontal] = this.corner.split('-') as ['top' | 'bottom', 'left' | 'right'];
    const next: Record<string, Corner> = {
      ArrowUp: `top-${horizontal}`,
      ArrowDown: `bottom-${horizontal}`,
      ArrowLeft: `${vertical}-left`,
      ArrowRight: `${vertical}-right`,
    };
    if (!next[event.key]) return;
    event.preventDefault();
    this.corner = next[event.key];
    this.placed = true;
    this.host.requestUpdate();
  };
}
