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

/**
 * The floating mini player: its buttons, its styles and its position. Dragged by its
 * handle with a pointer, it snaps to the nearest corner of the viewport on release; arrow
 * keys on the handle move it from corner to corner. With `float-on-scroll` it floats while
 * playing out of view. The player loads this module the first time it floats or plays:
 * pages that never float do not need it up front.
 */
export class FloatingController implements ReactiveController {
  corner: Corner = 'bottom-right';
  /** Offset while dragging, in CSS pixels; null when not dragging. */
  drag: { x: number; y: number } | null = null;
  private start?: { x: number; y: number };
  private styled = false;
  private scroll?: IntersectionObserver;

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
  }

  hostUpdated(): void {
    // The drag offset goes through the CSSOM: a style attribute would need 'unsafe-inline'.
    const { drag } = this;
    const frame = this.host.renderRoot.querySelector<HTMLElement>('[part~="frame"]');
    frame?.style.setProperty('transform', drag ? `translate(${drag.x}px, ${drag.y}px)` : '');
  }

  /** The frame's classes while floating. */
  frameClass(): string {
    return `floating ${this.corner}${this.drag ? ' dragging' : ''}`;
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
    this.host.requestUpdate();
  };
}
