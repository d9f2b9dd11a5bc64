import { yieldToPage } from '../../platform/yield.js';

/** Google's product namespace, used by Merchant Center RSS 2.0 (and Atom) feeds. */
export const GOOGLE_NS = 'http://base.google.com/ns/1.0';

/** Merchant fields livecart reads; the rest of an item is ignored. */
const FIELDS = ['id', 'title', 'link', 'image_link', 'price', 'sale_price', 'availability', 'brand', 'description'] as const;
/** Attributes that tell one variant of an item group from another. */
const VARIANT_ATTRIBUTES = ['color', 'size', 'material', 'pattern'] as const;
/** Fields RSS 2.0 itself has: an item may give them without the `g:` prefix. */
const UNPREFIXED_FIELDS = new Set(['title', 'link', 'description']);

/** Items per `DOMParser` call: each call is one short task. */
const ITEMS_PER_CHUNK = 500;

/**
 * Reads a Google Merchant Center RSS 2.0 feed (`<rss>`, `<channel>`, `<item>` with `g:`
 * fields) into native items for `validateItems`. Items that share a `g:item_group_id`
 * become one product whose variants they are. Throws with a readable reason when the
 * document is not such a feed.
 *
 * A big feed is read in slices of items, each wrapped in the feed's own `<rss>` tag (for
 * its namespaces) and parsed on its own with a yield to the page between them: one
 * `DOMParser` call on a 4 MB feed would freeze the page for a quarter of a second or more.
 * When a slice does not parse (a `</item>` inside CDATA, say), the whole document is parsed
 * at once instead.
 */
export async function merchantRssItems(xml: string): Promise<unknown[]> {
  // A DOCTYPE declares entities, which the XML parser expands (a billion laughs): refused,
  // as SECURITY.md says. No RSS feed needs one.
  if (/<!DOCTYPE/i.test(xml)) throw new Error('the XML feed has a DOCTYPE (entities), which livecart refuses');
  const reader = new ItemReader();
  const chunks = slices(xml);
  if (chunks) {
    try {
      for (let i = 0; i < chunks.length; i++) {
        if (i) await yieldToPage();
        reader.readChannel(channelOf(chunks[i]));
      }
      return reader.items;
    } catch {
      // Fall through: read the whole document, which also says what is wrong with it.
    }
  }
  const whole = new ItemReader();
  whole.readChannel(channelOf(xml));
  return whole.items;
}

/** The feed cut into well-formed documents of ITEMS_PER_CHUNK items; null when it cannot be. */
function slices(xml: string): string[] | null {
  const rss = /<rss\b[^>]*>/.exec(xml);
  const channel = rss ? xml.indexOf('<channel>', rss.index) : -1;
  if (!rss || channel < 0) return null;
  const open = `${rss[0]}<channel>`;
  const close = '</channel></rss>';
  const chunks: string[] = [];
  let start = channel + '<channel>'.length;
  let count = 0;
  for (let end = xml.indexOf('</item>', start); end >= 0; end = xml.indexOf('</item>', end + 7)) {
    if (++count % ITEMS_PER_CHUNK === 0) {
      chunks.push(open + xml.slice(start, end + 7) + close);
      start = end + 7;
    }
  }
  const last = xml.lastIndexOf('</channel>');
  const rest = xml.slice(start, last >= start ? last : undefined);
  if (rest.trim()) chunks.push(open + rest + close);
  return chunks.length > 1 ? chunks : null;
}

function channelOf(xml: string): Element {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) throw new Error('the feed is not well-formed XML');
  const channel = doc.documentElement.localName === 'rss' ? doc.documentElement.querySelector(':scope > channel') : null;
  if (!channel) throw new Error('the XML feed is not RSS 2.0 (no <rss><channel>)');
  return channel;
}

class ItemReader {
  readonly items: Record<string, unknown>[] = [];
  private readonly groups = new Map<string, Record<string, unknown>>();

  readChannel(channel: Element): void {
    for (let node = channel.firstElementChild; node; node = node.nextElementSibling) {
      if (node.localName !== 'item') continue;
      const fields = fieldsOf(node);
      const item = readItem(fields);
      const group = fields.get('g:item_group_id');
      if (!group) {
        this.items.push(item);
        continue;
      }
      const label = VARIANT_ATTRIBUTES.map((attribute) => fields.get(`g:${attribute}`)).filter(Boolean).join(' / ');
      const variant = { ...item, title: label || item.title };
      const product = this.groups.get(group);
      if (product) (product.variants as unknown[]).push(variant);
      else {
        // The group is the product; its first item gives the shared fields.
        const first = { ...item, id: group, variants: [variant] };
        this.groups.set(group, first);
        this.items.push(first);
      }
    }
  }
}

/** An item's fields in one pass: `g:<name>` for Google's, `<name>` for plain RSS ones. */
function fieldsOf(node: Element): Map<string, string> {
  const fields = new Map<string, string>();
  for (let child = node.firstElementChild; child; child = child.nextElementSibling) {
    const key = child.namespaceURI === GOOGLE_NS ? `g:${child.localName}` : child.namespaceURI ? '' : child.localName;
    if (key && !fields.has(key)) fields.set(key, (child.textContent ?? '').trim());
  }
  return fields;
}

function readItem(fields: Map<string, string>): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const name of FIELDS) {
    // Plain RSS <title>, <link>, <description> stand in for the g: ones.
    const value = fields.get(`g:${name}`) ?? (UNPREFIXED_FIELDS.has(name) ? fields.get(name) : undefined);
    if (value !== undefined) item[name] = value;
  }
  return item;
}
