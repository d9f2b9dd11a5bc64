/** The node's ancestors, nearest first, stepping from a shadow root to its host. */
export function* ancestors(node: Node): Generator<Node> {
  for (let n = node.parentNode; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) yield n;
}

/** The nearest of the node and its ancestors (across shadow roots) that `test` accepts. */
export function closestAcross<T extends Node>(node: Node, test: (n: Node) => n is T): T | null;
export function closestAcross(node: Node, test: (n: Node) => boolean): Node | null;
export function closestAcross(node: Node, test: (n: Node) => boolean): Node | null {
  if (test(node)) return node;
  for (const n of ancestors(node)) if (test(n)) return n;
  return null;
}
