import { LitElement, type PropertyValues } from 'lit';
import { localeOf, spokenLanguage } from '../i18n/strings.js';
import type { Show } from '../store/show.js';
import { takeOver, type Hydration } from './server-rendered.js';

/** What a livecart element hands down to those its template renders (see `renderedIn`). */
export interface RenderedIn {
  show: Show;
  locale: string;
}

/**
 * What every livecart element shares about server rendering (`@lit-labs/ssr`, docs/frameworks.md, "Server rendering").
 *
 * On the server an element cannot walk up to its `<live-stream>` to find its show and
 * language, so the element that renders it hands them down (`renderedIn`). In the browser, a shadow root
 * a server rendered is hydrated or drawn anew, never kept beside a second copy
 * (server-rendered.ts says when).
 */
export class LivecartElement extends LitElement {
  /**
   * Whether a server-rendered shadow root is hydrated; a player makes its video in the
   * browser, so it draws anew.
   * @internal
   */
  static hydrates = true;

  /**
   * The show and locale of the livecart element this one is rendered in, set by that
   * element's template; read on the server only.
   * @internal
   */
  renderedIn?: RenderedIn;

  /** How the first update takes over what a server rendered, when it did. */
  private hydration?: Hydration;

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    if (root instanceof ShadowRoot && root.firstChild) this.hydration = takeOver(this, root);
    return root;
  }

  protected override update(changed: PropertyValues): void {
    const hydration = this.hydration;
    this.hydration = undefined;
    if (hydration) hydration(() => super.update(changed));
    else super.update(changed);
  }

  /**
   * What a render shows that hydration cannot check, as the template marks it
   * (`data-rendered-as` on its first element): the language of its words so far and the
   * locale of its prices; an element adds its own state.
   * @internal
   */
  renderedAs(): string {
    return `${spokenLanguage(this)} ${localeOf(this)}`;
  }
}
