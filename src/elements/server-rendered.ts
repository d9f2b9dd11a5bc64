import { adoptStyles, type LitElement } from 'lit';

/**
 * Lit's hydrate support (`@lit-labs/ssr-client/lit-element-hydrate-support.js`) announces
 * itself on this global, and marks each element whose server-rendered shadow root it will
 * adopt with a flag named `_$needsHydration` in Lit's development build and `_$AG` in its
 * production build (Lit's fixed mangling of cross-package names).
 */
const hydrateSupport = () => 'litElementHydrateSupport' in globalThis;
type Hydrating = LitElement & { _$needsHydration?: boolean; _$AG?: boolean };

interface ServerRenderable extends LitElement {
  renderedAs(): string;
}

/** Runs an element's first update over a server-rendered shadow root. */
export type Hydration = (update: () => void) => void;

/**
 * Takes over a shadow root a server rendered (declarative shadow DOM). It is hydrated
 * (kept and bound: no flash) when Lit's hydrate support is loaded, the element hydrates
 * (`static hydrates`), and the server showed what the browser would show now where
 * hydration cannot check it (`renderedAs`: hydration binds the server's text and
 * attributes as they are, so a server that spoke another language would be kept saying
 * it). Otherwise it is emptied and drawn anew, never a second copy beside the first.
 *
 * The script-tag build has its own Lit, which Lit's hydrate support cannot reach: there
 * this module is server-rendered.script-tag.ts, which always draws anew.
 */
export function takeOver(element: ServerRenderable, root: ShadowRoot): Hydration | undefined {
  const ctor = element.constructor as typeof LitElement & { hydrates?: boolean };
  const rendered = root.querySelector('[data-rendered-as]')?.getAttribute('data-rendered-as');
  if (hydrateSupport() && ctor.hydrates && (rendered == null || rendered === element.renderedAs())) {
    return (update) => {
      try {
        update();
      } catch (error) {
        // The browser's first render differs from the server's in a way hydration cannot
        // take (a cart button for the shopper's saved cart, say): draw it anew instead.
        console.debug('livecart: drawn anew instead of hydrated:', error);
        drawAnew(element, root);
        update();
      }
    };
  }
  drawAnew(element, root);
  return undefined;
}

/** Empties a server-rendered shadow root for a render of the browser's own. */
export function drawAnew(element: LitElement, root: ShadowRoot): void {
  root.replaceChildren();
  delete (root as { _$litPart$?: unknown })._$litPart$;
  // LitElement renders before the root's first child as it found it: a server's, gone now.
  element.renderOptions.renderBefore = null;
  adoptStyles(root, (element.constructor as typeof LitElement).elementStyles);
  Object.assign(element as Hydrating, { _$needsHydration: false, _$AG: false });
}
