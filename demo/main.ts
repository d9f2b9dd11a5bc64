import { configure, type LiveStream } from 'livecart';
import reservedBoxCss from '../src/elements/live-stream/reserved-box.css?raw';
import { copyText } from './copy-text.js';
import { startHeaderCart } from './header-cart.js';
import { t } from './page-i18n.js';
import { currentLook, setLook, startPageLook, withLook, type Look } from './page-look.js';

// First: the page's language and theme (before the configurator reads the show's attributes).
startPageLook();
startHeaderCart();

// Show the retailer what livecart tells the page.
const log = document.querySelector('#event-log')!;
const names = ['ready', 'featured-change', 'add-to-cart', 'cart-change', 'checkout', 'pip-change', 'error'] as const;
for (const name of names) {
  document.addEventListener(`livecart-${name}`, (event) => {
    const detail: object = event.detail;
    const summary = Object.entries(detail)
      .map(([key, value]) => `${key}: ${value && typeof value === 'object' && 'id' in value ? value.id : JSON.stringify(value)}`)
      .join(', ');
    const entry = document.createElement('li');
    entry.textContent = `${new Date().toLocaleTimeString()}  livecart-${name}  { ${summary} }`;
    log.prepend(entry);
    while (log.children.length > 12) log.lastElementChild!.remove();
  });
}

// The configurator: change the show on this page and copy the embed that does the same.
const show = document.querySelector<LiveStream>('#show')!;
// The show's own live chat where it has an endpoint (the dev server's hub): the hand-written
// one, for a static host (whose build strips `chat`), would replace it as a slotted feed.
if (show.hasAttribute('chat')) show.querySelector(':scope > [slot="feed"]')?.remove();
// Opened from the producer page (`/?studio`, dev server only: a static host has no hub): the
// studio feed, whose product on screen comes from the producer alone, not from the stream's tags.
if (new URLSearchParams(location.search).has('studio') && show.hasAttribute('schedule')) show.setAttribute('src', 'channel/studio.m3u8');
const form = document.querySelector<HTMLFormElement>('#config')!;
const ATTRIBUTES = ['src', 'products', 'theme', 'layout', 'lang', 'link-target'] as const;
const absolute = (value: string) => new URL(value, location.href).href;

for (const name of ATTRIBUTES) {
  const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
  const current = show.getAttribute(name);
  field.value = current && (name === 'src' || name === 'products') ? absolute(current) : (current ?? field.value);
}

/**
 * Where this page serves livecart's script-tag build from (`dist/` beside it: the dev server
 * serves the repository's dist/, the static demo carries a copy), so the snippet runs as
 * pasted, on any page that can reach this one.
 */
const SCRIPT_URL = new URL('dist/livecart.js', location.href).href;

function snippets(values: Record<string, string>, cart: boolean) {
  const attributes = ATTRIBUTES.filter((name) => values[name])
    .map((name) => `  ${name}="${values[name]}"`)
    .join('\n');
  const tag = `<live-stream\n${attributes}\n  autoplay\n  muted\n></live-stream>`;
  const stub = cart
    ? `<script>\n  // Before livecart loads: livecart's queue stub (docs/javascript.md), then your cart.\n  window.livecart = window.livecart || { configure: function () { (this.q = this.q || []).push(arguments); } };\n  livecart.configure({ cart: { adapter: 'permalink', template: 'https://your-shop.example/cart/{lines}' } });\n</script>\n`
    : '';
  const configureCall = cart
    ? `\nconfigure({ cart: { adapter: 'permalink', template: 'https://your-shop.example/cart/{lines}' } });\n`
    : '';
  return {
    // The style keeps the show's room from the page's first paint, wherever the snippet is pasted.
    html: `${stub}<style>\n${reservedBoxCss}\n</style>\n<script type="module" src="${SCRIPT_URL}"></script>\n\n${tag}`,
    npm: `// npm install livecart\nimport { configure } from 'livecart';\n${configureCall}\n// then, in your page or template:\n${tag}`,
  };
}

// "Add to the shop's cart": the shop's own cart, answered here as a retailer's page would
// answer livecart's callback adapter (a real shop would call its cart API, which takes a
// moment: so does this one, and the buttons show "Adding…" meanwhile).
interface ShopLine {
  id: string;
  title: string;
  quantity: number;
  price: { value: number; currency: string };
}
const shopCart = new Map<string, ShopLine>();
const slowly = () => new Promise<void>((resolve) => setTimeout(resolve, 600));
const demoCart = {
  adapter: 'callback' as const,
  add: async (line: ShopLine) => {
    await slowly();
    const quantity = (shopCart.get(line.id)?.quantity ?? 0) + line.quantity;
    shopCart.set(line.id, { id: line.id, title: line.title, price: line.price, quantity });
  },
  update: async (line: ShopLine) => {
    await slowly();
    const known = shopCart.get(line.id);
    if (known) shopCart.set(line.id, { ...known, quantity: line.quantity });
  },
  remove: async (id: string) => {
    await slowly();
    shopCart.delete(id);
  },
  // The checkout receives the cart in its URL, as a shop's cart permalink would carry it.
  checkoutUrl: async () => {
    const url = new URL('checkout.html', location.href);
    url.searchParams.set('cart', JSON.stringify([...shopCart.values()]));
    return withLook(url).href;
  },
};

function apply() {
  const buy = String(new FormData(form).get('buy'));
  configure({ cart: buy === 'cart' ? demoCart : { adapter: 'link' } });
  const values = Object.fromEntries(ATTRIBUTES.map((name) => [name, String(new FormData(form).get(name) ?? '')]));
  for (const name of ATTRIBUTES) {
    if (values[name]) show.setAttribute(name, values[name]);
    else show.removeAttribute(name);
  }
  setLook({ lang: values.lang, theme: values.theme } as Partial<Look>);
  const { html, npm } = snippets(values, buy === 'cart');
  document.querySelector('#snippet-html')!.textContent = html;
  document.querySelector('#snippet-npm')!.textContent = npm;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  apply();
});
document.querySelectorAll<HTMLButtonElement>('[data-copy]').forEach((button) =>
  button.addEventListener('click', async () => {
    const done = await copyText(document.getElementById(button.dataset.copy!)!);
    // Said only when it is true: otherwise the text is selected for the shopper's own copy.
    const { lang } = currentLook();
    button.textContent = done === 'copied' ? t(lang, 'copied') : t(lang, 'selected', { keys: `${/Mac|iP/.test(navigator.platform) ? '⌘' : 'Ctrl+'}C` });
    setTimeout(() => (button.textContent = t(currentLook().lang, 'copy')), done === 'copied' ? 1500 : 4000);
  }),
);
apply();
