// server-rendered.ts for dist/livecart.js (vite.config.ts aliases it): the script-tag
// build bundles its own Lit, which Lit's hydrate support cannot patch, so a shadow root a
// server rendered is always drawn anew.
import type { LitElement } from 'lit';
import type { Hydration } from './server-rendered.js';
import { drawAnew } from './server-rendered.js';

export type { Hydration };
export { drawAnew };

export function takeOver(element: LitElement, root: ShadowRoot): Hydration | undefined {
  drawAnew(element, root);
  return undefined;
}
