import { delay, http, HttpResponse } from 'msw';

export const SHOP = 'shop.example';
export const ENDPOINT = `https://${SHOP}/api/2025-01/graphql.json`;
export const TOKEN = 'public-storefront-token';

/** The shop's catalogue: variant id → what the Storefront API says about it. */
const VARIANTS: Record<string, { title: string; amount: string; product: string; productTitle: string }> = {
  '111': { title: 'M / Blue', amount: '149.0', product: '1', productTitle: 'Aurora Shell Jacket' },
  '112': { title: 'L / Blue', amount: '149.0', product: '1', productTitle: 'Aurora Shell Jacket' },
  '221': { title: 'Default Title', amount: '24.5', product: '2', productTitle: 'Ember Enamel Mug' },
};

interface Line {
  id: string;
  merchandiseId: string;
  quantity: number;
}

/**
 * A small Storefront API: answers cartCreate, cartLinesAdd, cartLinesUpdate,
 * cartLinesRemove and the cart query with the real API's shapes, `userErrors` included.
 * `fail` makes the next request answer with one of the API's failure modes.
 */
export function fakeShopify() {
  const carts = new Map<string, Line[]>();
  const log: { operation: string; variables: Record<string, unknown>; token: string | null }[] = [];
  let nextLine = 1;
  let failNext: null | 'http500' | 'http401' | 'throttled' | 'slow' = null;

  const cartOf = (id: string) => {
    const lines = carts.get(id)!;
    return {
      id,
      checkoutUrl: `https://${SHOP}/cart/c/${encodeURIComponent(id.split('/').pop()!)}?key=abc`,
      lines: {
        nodes: lines.map((l) => {
          const legacy = l.merchandiseId.split('/').pop()!;
          const v = VARIANTS[legacy];
          return {
            id: l.id,
            quantity: l.quantity,
            merchandise: {
              id: l.merchandiseId,
              title: v.title,
              price: { amount: v.amount, currencyCode: 'EUR' },
              image: { url: `https://cdn.shopify.example/${legacy}.jpg` },
              product: { id: `gid://shopify/Product/${v.product}`, title: v.productTitle, onlineStoreUrl: `https://${SHOP}/products/${v.product}` },
            },
          };
        }),
      },
    };
  };
  const userError = (field: string[], message: string) => ({ cart: null, userErrors: [{ field, message, code: 'INVALID' }] });
  const checkLines = (lines: { merchandiseId: string }[]) => {
    const bad = lines.findIndex((l) => !VARIANTS[l.merchandiseId.split('/').pop()!]);
    return bad < 0 ? null : userError(['lines', String(bad), 'merchandiseId'], `The merchandise with id ${lines[bad].merchandiseId} does not exist.`);
  };
  const addLines = (cart: Line[], lines: { merchandiseId: string; quantity: number }[]) => {
    for (const l of lines) {
      const existing = cart.find((c) => c.merchandiseId === l.merchandiseId);
      if (existing) existing.quantity += l.quantity;
      else cart.push({ id: `gid://shopify/CartLine/${nextLine++}?cart=x`, merchandiseId: l.merchandiseId, quantity: l.quantity });
    }
  };

  const handler = http.post(ENDPOINT, async ({ request }) => {
    const token = request.headers.get('X-Shopify-Storefront-Access-Token');
    const { query, variables } = (await request.json()) as { query: string; variables: Record<string, never> };
    const operation = /^(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? '';
    log.push({ operation, variables, token });
    const mode = failNext;
    failNext = null;
    if (mode === 'http500') return HttpResponse.json({ errors: [{ message: 'Internal error' }] }, { status: 500 });
    if (mode === 'http401' || token !== TOKEN) {
      return HttpResponse.json({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' }, { status: 401 });
    }
    if (mode === 'throttled') return HttpResponse.json({ errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }] });
    if (mode === 'slow') await delay(5_000);

    switch (operation) {
      case 'cart':
        return HttpResponse.json({ data: { cart: carts.has(variables.id) ? cartOf(variables.id) : null } });
      case 'cartCreate': {
        const lines = (variables.input as { lines: Line[] }).lines;
        const error = checkLines(lines);
        if (error) return HttpResponse.json({ data: { cartCreate: error } });
        const id = `gid://shopify/Cart/c${carts.size + 1}`;
        carts.set(id, []);
        addLines(carts.get(id)!, lines);
        return HttpResponse.json({ data: { cartCreate: { cart: cartOf(id), userErrors: [] } } });
      }
      case 'cartLinesAdd': {
        const error = checkLines(variables.lines);
        if (error) return HttpResponse.json({ data: { cartLinesAdd: error } });
        addLines(carts.get(variables.cartId)!, variables.lines);
        return HttpResponse.json({ data: { cartLinesAdd: { cart: cartOf(variables.cartId), userErrors: [] } } });
      }
      case 'cartLinesUpdate': {
        const cart = carts.get(variables.cartId)!;
        for (const u of variables.lines as { id: string; quantity: number }[]) {
          const line = cart.find((l) => l.id === u.id);
          if (!line) return HttpResponse.json({ data: { cartLinesUpdate: userError(['lines', '0', 'id'], 'The specified cart line does not exist.') } });
          if (u.quantity > 10) return HttpResponse.json({ data: { cartLinesUpdate: userError(['lines', '0', 'quantity'], 'Only 10 items were added to your cart due to availability.') } });
          line.quantity = u.quantity;
        }
        return HttpResponse.json({ data: { cartLinesUpdate: { cart: cartOf(variables.cartId), userErrors: [] } } });
      }
      case 'cartLinesRemove': {
        const ids = variables.lineIds as string[];
        carts.set(variables.cartId, carts.get(variables.cartId)!.filter((l) => !ids.includes(l.id)));
        return HttpResponse.json({ data: { cartLinesRemove: { cart: cartOf(variables.cartId), userErrors: [] } } });
      }
      default:
        return HttpResponse.json({ errors: [{ message: `Field '${operation}' doesn't exist on type 'QueryRoot'` }] });
    }
  });

  return {
    handler,
    log,
    carts,
    fail(mode: typeof failNext) {
      failNext = mode;
    },
  };
}
