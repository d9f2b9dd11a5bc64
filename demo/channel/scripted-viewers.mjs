// A few scripted viewers in the dev server's show (`npm start` only, vite.config.ts), so the
// pitch page's chat is never empty in front of a customer: a handful of named viewers who
// ask, chat, name the show's products (their chips show) and send hearts.
//
// They post as a viewer's browser would, through the show's Conversation.post (chat.mjs):
// moderation applies to them as to anyone (a hidden message stays hidden, a banned name
// goes quiet, a blocked word or slow mode refuses a line, which is then skipped). Bounded:
// one line every `everyMs` and a few hearts, only while someone watches (the conversation
// keeps its last CHAT_LIMITS.history messages), on one unref'd timer that stop() clears.
// Quiet: a refused line is no error, nothing is logged.
import { readFileSync } from 'node:fs';

/**
 * What they say, in order and then again. `{product-id}` is that product's title in the
 * show's catalog (demo/public/products.json): the chat turns a title into the product's chip.
 */
export const SCRIPT = [
  { name: 'maja.h', text: 'Is the {aurora-jacket} warm enough for ski touring?', question: true },
  { name: 'tomasz_k', text: 'Just ordered the {ember-mug} in orange!' },
  { name: 'sofia.r', text: 'Hello from Trondheim!' },
  { name: 'lea.b', text: 'When does the {glow-lantern} come back in stock?', question: true },
  { name: 'jonas.w', text: 'The {fjord-beanie} in that grey, so nice' },
  { name: 'maja.h', text: 'Love that you repair what you sell' },
  { name: 'tomasz_k', text: 'Does a 15" laptop fit in the {drift-backpack}?', question: true },
  { name: 'sofia.r', text: 'The {glow-lantern} on the table looks so cosy' },
  { name: 'lea.b', text: 'Ingrid, what do you wear under the shell?', question: true },
  { name: 'jonas.w', text: 'Mine is on its way: the {drift-backpack} and a mug' },
];

/** Hearts sent per tick, in turn: a show's hearts come in bursts, not a metronome. */
const HEARTS = [2, 0, 1, 3, 0, 1];

/** The catalog's titles by id, read once. */
function titles(productsUrl) {
  try {
    const { products } = JSON.parse(readFileSync(productsUrl, 'utf8'));
    return new Map(products.map((p) => [p.id, p.title]));
  } catch {
    return new Map();
  }
}

/** A line's text with its products' titles, or null when it names one the catalog has not. */
function said(line, catalog) {
  let missing = false;
  const text = line.text.replace(/\{([\w-]+)\}/g, (_, id) => catalog.get(id) ?? ((missing = true), ''));
  return missing ? null : text;
}

/**
 * Starts the scripted viewers in one show of a hub server (`hubs.show(name)`, hub.mjs):
 * `seed` lines at once, so the first viewer to come finds a conversation, then one line and
 * a few hearts every `everyMs` while anyone watches. Returns `{ stop() }`.
 */
export function startScriptedViewers(
  hubs,
  { show = 'default', everyMs = 5000, seed = 4, products = new URL('../public/products.json', import.meta.url) } = {},
) {
  const catalog = titles(products);
  const lines = SCRIPT.map((line) => ({ ...line, text: said(line, catalog) })).filter((line) => line.text);
  let next = 0;
  let beat = 0;
  const post = (body) => {
    try {
      hubs.show(show).conversation.post(body);
    } catch {
      // Refused (banned, a blocked word, slow mode): a viewer's post would be too. Skipped.
    }
  };
  const say = () => {
    if (!lines.length) return;
    const { name, text, question } = lines[next++ % lines.length];
    post({ show, name, text, ...(question ? { question: true } : {}) });
  };
  for (let i = 0; i < Math.min(seed, lines.length); i++) say();
  const timer = setInterval(() => {
    if (!hubs.show(show).watching) return;
    say();
    for (let i = HEARTS[beat++ % HEARTS.length]; i > 0; i--) post({ show, reaction: 'heart' });
  }, everyMs);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
