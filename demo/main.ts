import 'livecart';

// Show the retailer what livecart tells the page.
const log = document.querySelector('#event-log')!;
const names = ['ready', 'featured-change', 'add-to-cart', 'cart-change', 'checkout', 'pip-change', 'error'] as const;
for (const name of names) {
  document.addEventListener(`livecart-${name}`, (event) => {
    const { detail } = event as CustomEvent<Record<string, unknown>>;
    const summary = Object.entries(detail)
      .map(([key, value]) => `${key}: ${value && typeof value === 'object' && 'id' in value ? value.id : JSON.stringify(value)}`)
      .join(', ');
    const entry = document.createElement('li');
    entry.textContent = `${new Date().toLocaleTimeString()}  livecart-${name}  { ${summary} }`;
    log.prepend(entry);
    while (log.children.length > 12) log.lastElementChild!.remove();
  });
}
