/** Other viewers' hearts risen in a second at most: a busy show is a few hearts, not a storm. */
const OTHERS_PER_SECOND = 5;
/** Hearts on screen at most (a hidden page's animations may wait until it shows again). */
const MAX_RISING = 20;

/**
 * The hearts that rise when someone taps ♥. In a `<live-stream>` they rise over its video
 * (a layer of the chat's own in the stream's stage, over the player's grid cell: the
 * stage's first row); a chat on its own has them rise over its header. Other viewers'
 * hearts, seen as the show's aggregated count grows, rise too, OTHERS_PER_SECOND a second
 * at most, so the show feels alive. None with reduced motion, none of others' while the
 * page is hidden; each heart is gone when it has risen, and the layer when the chat is.
 */
export class Hearts {
  /** Over the video: made in the stream's stage at the first heart, removed with the chat. */
  private layer?: HTMLElement;
  /** The last count heard; none yet: a late joiner's total is no burst of hearts. */
  private heard?: number;
  /** This viewer's taps the stream's count has not carried back yet: not others' hearts. */
  private mine = 0;
  /** Others' hearts wait until then: one burst a second. */
  private quiet = 0;

  constructor(private readonly chat: HTMLElement & { renderRoot: ParentNode }) {}

  /** This viewer's heart: it rises at once. */
  tap(): void {
    this.mine++;
    this.rise(0);
  }

  /** The show's total: what other viewers added rises, staggered. */
  count(total: number): void {
    // The first count is where this viewer came in: no one's hearts, this viewer's taps in it.
    const others = total - (this.heard ?? total - this.mine) - this.mine;
    this.heard = total;
    this.mine = Math.max(0, -others);
    const now = performance.now();
    if (others < 1 || now < this.quiet || document.hidden) return;
    this.quiet = now + 1000;
    for (let i = 0; i < Math.min(others, OTHERS_PER_SECOND); i++) this.rise(i * (1000 / OTHERS_PER_SECOND));
  }

  remove(): void {
    this.layer?.remove();
    this.layer = undefined;
  }

  private rise(delay: number): void {
    const where = this.where();
    if (!where || where.childElementCount >= MAX_RISING || matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    const heart = where.appendChild(document.createElement('span'));
    heart.textContent = '♥';
    // Styled through the CSSOM, which a strict style-src allows (a style attribute it does not): the layer is in another element's shadow root.
    heart.style.cssText = 'position:absolute;inset-inline-end:8%;bottom:15%';
    heart.animate([{ opacity: 0 }, { opacity: 1, offset: 0.1 }, { transform: 'translateY(-140px) scale(1.4)', opacity: 0 }], { duration: 1600, delay, fill: 'both' }).onfinish = () =>
      heart.remove();
  }

  /** Over the video of the `<live-stream>` the chat is in, else over the chat's header. */
  private where(): Element | null {
    const root = this.chat.getRootNode() as ShadowRoot;
    const stage = root.host?.localName === 'live-stream' && root.querySelector('[part~="stage"]');
    if (!stage) return this.chat.renderRoot.querySelector('.hearts');
    if (!this.layer) {
      this.layer = stage.appendChild(document.createElement('div'));
      this.layer.ariaHidden = 'true';
      // An absolute child of a grid placed between row lines has that row as its box: the player's, whatever its height.
      this.layer.style.cssText = 'position:absolute;grid-row:1/2;inset:0;overflow:hidden;pointer-events:none;color:var(--_accent);font-size:1.6rem;text-shadow:0 1px 3px #0008';
    }
    return this.layer;
  }
}
