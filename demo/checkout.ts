// The demo shop's checkout: shows the cart it was handed (demo/main.ts puts it in the URL).
import { currentLook, startPageLook } from './page-look.js';

startPageLook();
interface Line {
  title: string;
  quantity: number;
  price: { value: number; currency: string };
}

let lines: Line[] = [];
try {
  const parsed: unknown = JSON.parse(new URLSearchParams(location.search).get('cart') ?? '[]');
  if (Array.isArray(parsed)) lines = parsed.filter((l): l is Line => typeof l?.title === 'string' && Number.isFinite(l?.quantity));
} catch {
  // A hand-edited URL: an empty cart.
}

const list = document.querySelector('#received')!;
const money = (value: number, currency: string) => new Intl.NumberFormat(currentLook().lang, { style: 'currency', currency }).format(value);
for (const line of lines) {
  const item = document.createElement('li');
  item.textContent = `${line.quantity} × ${line.title} — ${money(line.price.value * line.quantity, line.price.currency)}`;
  list.append(item);
}
document.querySelector('#received-empty')!.toggleAttribute('hidden', lines.length > 0);
