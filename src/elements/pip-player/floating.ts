import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

/**
 * The floating mini player's position: dragged by its handle with a pointer, it snaps to
 * the nearest corner of the viewport on release; arrow keys on the handle move it from
 * corner to corner.
 */
export class FloatingController implements ReactiveController {
  corner: Corner = 'bottom-right';
  /** Offset while dragging, in CSS pixels; null when not dragging. */
  drag: { x: number; y: number } | null = null;
  private start?: { x: number; y: number };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.drag = null;
  }

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
