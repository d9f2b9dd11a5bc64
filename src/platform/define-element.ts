/**
 * Registers `tag` unless something already has: loading livecart twice, or two
 * versions of it, never throws. The first definition wins.
 */
export function define(tag: string, element: CustomElementConstructor): void {
  if (typeof customElements !== 'undefined' && !customElements.get(tag)) customElements.define(tag, element);
}
