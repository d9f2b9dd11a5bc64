// The server half of `livecart/react` (docs/frameworks.md, "Next.js"): each livecart element's shadow
// root rendered into the page's HTML, as declarative shadow DOM, so its products are in the
// server's HTML and paint before any script. No global DOM shim: Lit's server build brings
// the registry the elements are defined in, and livecart reads no `window` there.
import { getElementRenderer } from '@lit-labs/ssr/lib/element-renderer.js';
import { LitElementRenderer } from '@lit-labs/ssr/lib/lit-element-renderer.js';
import type { RenderInfo } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';

type CreateElement = (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;

/** React's own props, which are no element's settings. */
const REACT_PROPS = new Set(['children', 'ref', 'key', 'style', 'className', 'suppressHydrationWarning', 'dangerouslySetInnerHTML']);

/**
 * React's `createElement`, for @lit/react's `createComponent` on the server: a livecart tag
 * gets its shadow root as a `<template shadowrootmode>` child, and `defer-hydration`, so in
 * the browser it hydrates only once the component has set its properties (the `products`
 * array among them), which @lit/react does in a layout effect, then removes the attribute.
 * @lit/react hands the element's properties over as `_$litProps$` to a function named
 * `litPatchedCreateElement`: its hook for server rendering.
 */
export function serverCreateElement(createElement: CreateElement): CreateElement {
  const litPatchedCreateElement: CreateElement = (type, props, ...children) => {
    if (typeof type !== 'string' || !customElements.get(type) || !props) return createElement(type, props, ...children);
    const renderInfo = {
      elementRenderers: [LitElementRenderer],
      customElementInstanceStack: [],
      customElementHostStack: [],
      eventTargetStack: [],
      slotStack: [],
      deferHydration: false,
    } as unknown as RenderInfo;
    const renderer = getElementRenderer(renderInfo, type);
    const { _$litProps$: properties, children: childrenProp, ...rest } = props as { _$litProps$?: Record<string, unknown>; children?: unknown };
    for (const [name, value] of Object.entries(rest)) {
      if (!REACT_PROPS.has(name) && value != null && typeof value !== 'object' && typeof value !== 'function') renderer.setAttribute(name, String(value));
    }
    for (const [name, value] of Object.entries(properties ?? {})) renderer.setProperty(name, value);
    renderer.connectedCallback();
    renderInfo.customElementInstanceStack.push(renderer);
    renderInfo.customElementHostStack.push(renderer);
    const shadow = renderer.renderShadow(renderInfo);
    // React takes children given as arguments over `props.children`.
    const light = children.length ? children : childrenProp === undefined ? [] : [childrenProp].flat();
    if (!shadow) return createElement(type, rest, ...light);
    const template = createElement('template', {
      shadowrootmode: 'open',
      dangerouslySetInnerHTML: { __html: collectResultSync(shadow) },
    });
    return createElement(type, { ...rest, ...(properties && { 'defer-hydration': '' }) }, template, ...light);
  };
  // By name: a minifier that renames the function must not hide it from @lit/react.
  return Object.defineProperty(litPatchedCreateElement, 'name', { value: 'litPatchedCreateElement' });
}
