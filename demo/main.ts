import 'livecart';
import type { LiveStream } from 'livecart';

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
const form = document.querySelector<HTMLFormElement>('#config')!;
const ATTRIBUTES = ['src', 'products', 'theme', 'layout', 'lang', 'link-target'] as const;
const absolute = (value: string) => new URL(value, location.href).href;

for (const name of ATTRIBUTES) {
  const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
  const current = show.getAttribute(name);
  field.value = current && (name === 'src' || name === 'products') ? absolute(current) : (current ?? field.value);
}

function snippets(values: Record<string, string>) {
  const attributes = ATTRIBUTES.filter((name) => values[name])
    .map((name) => `  ${name}="${values[name]}"`)
    .join('\n');
  const tag = `<live-stream\n${attributes}\n  autoplay\n  muted\n></live-stream>`;
  return {
    html: `<script type="module" src="https://unpkg.com/livecart/dist/livecart.js"></script>\n\n${tag}`,
    npm: `// npm install livecart\nimport 'livecart';\n\n// then, in your page or template:\n${tag}`,
  };
}

function apply() {
  const values = Object.fromEntries(ATTRIBUTES.map((name) => [name, String(new FormData(form).get(name) ?? '')]));
  for (const name of ATTRIBUTES) {
    if (values[name]) show.setAttribute(name, values[name]);
    else show.removeAttribute(name);
  }
  const { html, npm } = snippets(values);
  document.querySelector('#snippet-html')!.textContent = html;
  document.querySelector('#snippet-npm')!.textContent = npm;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  apply();
});
document.querySelectorAll<HTMLButtonElement>('[data-copy]').forEach((button) =>
  button.addEventListener('click', async () => {
    const text = document.getElementById(button.dataset.copy!)!.textContent ?? '';
    await navigator.clipboard?.writeText(text).catch(() => {});
    button.textContent = 'Copied';
    setTimeout(() => (button.textContent = 'Copy'), 1500);
  }),
);
apply();
