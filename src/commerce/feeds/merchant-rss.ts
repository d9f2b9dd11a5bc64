/** Google's product namespace, used by Merchant Center RSS 2.0 (and Atom) feeds. */
export const G = 'http://base.google.com/ns/1.0';

/** Merchant fields livecart reads; the rest of an item is ignored. */
const FIELDS = ['id', 'title', 'link', 'image_link', 'price', 'sale_price', 'availability', 'brand', 'description'] as const;
/** Attributes that tell one variant of an item group from another. */
const VARIANT_ATTRIBUTES = ['color', 'size', 'material', 'pattern'] as const;
const PLAIN = new Set(['title', 'link', 'description']);

/**
 * Reads a Google Merchant Center RSS 2.0 feed (`<rss>`, `<channel>`, `<item>` with `g:`
 * fields) into native items for `validateItems`. Items that share a `g:item_group_id`
 * become one product whose variants they are. Throws with a readable reason when the
 * document is not such a feed.
 */
export function merchantRssItems(xml: string): unknown[] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) throw new Error('the feed is not well-formed XML');
  const channel = doc.documentElement.localName === 'rss' ? doc.documentElement.querySelector(':scope > channel') : null;
  if (!channel) throw new Error('the XML feed is not RSS 2.0 (no <rss><channel>)');

  const items: Record<string, unknown>[] = [];
  const groups = new Map<string, Record<string, unknown>>();
  for (let node = channel.firstElementChild; node; node = node.nextElementSibling) {
    if (node.localName !== 'item') continue;
    const fields = fieldsOf(node);
    const item = readItem(fields);
    const group = fields.get('g:item_group_id');
    if (!group) {
      items.push(item);
      continue;
    }
    const label = VARIANT_ATTRIBUTES.map((a) => fields.get(`g:${a}`)).filter(Boolean).join(' / ');
    const variant = { ...item, title: label || item.title };
    const product = groups.get(group);
    if (product) (product.variants as unknown[]).push(variant);
    else {
      // The group is the product; its first item gives the shared fields.
      const first = { ...item, id: group, variants: [variant] };
      groups.set(group, first);
      items.push(first);
    }
  }
  return items;
}

/** An item's fields in one pass: `g:<name>` for Google's, `<name>` for plain RSS ones. */
function fieldsOf(node: Element): Map<string, string> {
  const fields = new Map<string, string>();
  for (let child = node.firstElementChild; child; child = child.nextElementSibling) {
    const key = child.namespaceURI === G ? `g:${child.localName}` : child.namespaceURI ? '' : child.localName;
    if (key && !fields.has(key)) fields.set(key, (child.textContent ?? '').trim());
  }
  return fields;
}

function readItem(fields: Map<string, string>): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const name of FIELDS) {
    // Plain RSS <title>, <link>, <description> stand in for the g: ones.
    const value = fields.get(`g:${name}`) ?? (PLAIN.has(name) ? fields.get(name) : undefined);
    if (value !== undefined) item[name] = value;
  }
  return item;
}
