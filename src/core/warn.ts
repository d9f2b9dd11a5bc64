import type { Problem } from './diagnostics.js';

const warned = new WeakMap<EventTarget, Set<string>>();

/** The words for what went wrong (warnings, and a failed stream's reason), fetched on first need. */
export const diagnostics = () => import('./diagnostics.js');

/**
 * The one way livecart tells a page's developer that something is wrong: a console warning
 * naming the element, the cause and the fix (the words are in diagnostics.ts, fetched the
 * first time one is needed). Every `livecart-error` comes through here (see `emit`).
 * With `once`, a key: the same problem on the same element warns once, not every render.
 */
export function warn(target: EventTarget, problem: Problem, once?: string): void {
  if (once) {
    const keys = warned.get(target) ?? new Set<string>();
    warned.set(target, keys);
    if (keys.has(once)) return;
    keys.add(once);
  }
  void diagnostics().then(({ print }) => print(target, problem));
}

/**
 * Warns when an attribute holds none of the values it takes, saying which one is used
 * instead. Returns whether `value` is one of `allowed` (or unset).
 */
export function checkAttribute(element: Element, name: string, value: string | null | undefined, allowed: readonly string[], used: string): boolean {
  if (value == null || value === '' || allowed.includes(value)) return true;
  warn(element, { kind: 'attribute', name, value, allowed, used }, `${name}=${value}`);
  return false;
}
