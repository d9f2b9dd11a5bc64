import { readJson, writeJson } from '../platform/storage.js';
import { safeUrl } from '../core/safe-url.js';
import { CartError, legacyId, type CartAdapter, type CartLine } from './types.js';

export interface ShopifyOptions {
  /** The shop's domain, e.g. `shop.example` or `my-shop.myshopify.com`. */
  domain: string;
  /** A Storefront API public access token. */
  token: string;
  /** Storefront API version (default `2025-01`). */
  version?: string;
  /** Milliseconds before a request counts as failed (default 30 000). */
  timeout?: number;
}

const LINE = `id quantity merchandise { ... on ProductVariant { id title price { amount currencyCode }
  image { url } product { id title onlineStoreUrl } } }`;
const CART = `id checkoutUrl lines(first: 250) { nodes { ${LINE} } }`;
const PAYLOAD = `cart { ${CART} } userErrors { field message }`;

const QUERIES = {
  cart: `query cart($id: ID!) { cart(id: $id) { ${CART} } }`,
  cartCreate: `mutation cartCreate($input: CartInput!) { cartCreate(input: $input) { ${PAYLOAD} } }`,
  cartLinesAdd: `mutation cartLinesAdd($cartId: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $cartId, lines: $lines) { ${PAYLOAD} } }`,
  cartLinesUpdate: `mutation cartLinesUpdate($cartId: ID!, $lines: [CartLineUpdateInput!]!) { cartLinesUpdate(cartId: $cartId, lines: $lines) { ${PAYLOAD} } }`,
  cartLinesRemove: `mutation cartLinesRemove($cartId: ID!, $lineIds: [ID!]!) { cartLinesRemove(cartId: $cartId, lineIds: $lineIds) { ${PAYLOAD} } }`,
} as const;

interface ApiLine {
  id: string;
  quantity: number;
  merchandise: {
    id: string;
    title?: string;
    price: { amount: string; currencyCode: string };
    image?: { url: string } | null;
    product: { id: string; title: string; onlineStoreUrl?: string | null };
  };
}
interface ApiCart {
  id: string;
  checkoutUrl: string;
  lines: { nodes: ApiLine[] };
}
interface Payload {
  cart: ApiCart | null;
  userErrors: { field?: string[] | null; message: string }[];
}

const variantGid = (id: string) => (id.startsWith('gid://') ? id : `gid://shopify/ProductVariant/${id}`);

/**
 * Shopify's Storefront API (GraphQL): the cart lives at Shopify, its id in localStorage,
 * and checkout is the cart's own `checkoutUrl`. `userErrors`, GraphQL errors, HTTP errors
 * and timeouts reject, so the store rolls the shopper's cart back.
 */
export function shopifyAdapter(options: ShopifyOptions): CartAdapter {
  if (!options.domain || !options.token) throw new TypeError('livecart: the shopify adapter needs a domain and a token');
  // Admin API, custom-app and app secret tokens read and write the whole shop: on a public
  // page anyone could copy one. Refused before any request, so it is never sent.
  if (/^\s*shp(?:at|ca|pa|ss)_/i.test(options.token)) {
    throw new CartError(
      'livecart: refusing a Shopify Admin or secret token (shpat_, shpca_, shppa_, shpss_): it must never be on a public page. ' +
        'Use the public Storefront API access token, and revoke this one if it was published.',
    );
  }
  const endpoint = `https://${options.domain.replace(/^https?:\/\//, '').replace(/\/+$/, '')}/api/${options.version ?? '2025-01'}/graphql.json`;
  const storageKey = `livecart:shopify-cart:${options.domain}`;
  let cart: ApiCart | null = null;
  const storedId = () => {
    const id = readJson(storageKey);
    return typeof id === 'string' ? id : null;
  };
  let cartId = storedId();

  async function call<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Shopify-Storefront-Access-Token': options.token },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(options.timeout ?? 30_000),
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      throw new CartError(timedOut ? 'Shopify did not answer in time' : 'Shopify could not be reached (network or CORS)');
    }
    const body = (await response.json().catch(() => null)) as { data?: T; errors?: unknown } | null;
    if (!response.ok) throw new CartError(`Shopify answered HTTP ${response.status}${messages(body?.errors)}`);
    if (body?.errors) throw new CartError(`Shopify refused the request${messages(body.errors)}`);
    if (!body?.data) throw new CartError('Shopify answered without data');
    return body.data;
  }

  /** The cart lines a mutation answered (remembering its cart); its `userErrors` reject. */
  function answeredLines(payload: Payload | undefined): CartLine[] {
    if (payload?.userErrors?.length) throw new CartError(`Shopify: ${payload.userErrors.map((error) => error.message).join('; ')}`);
    if (!payload?.cart) throw new CartError('Shopify answered without a cart');
    return remember(payload.cart);
  }

  function remember(apiCart: ApiCart): CartLine[] {
    cart = apiCart;
    if (cartId !== apiCart.id) writeJson(storageKey, (cartId = apiCart.id));
    return apiCart.lines.nodes.map(toLine);
  }

  async function current(): Promise<ApiCart | null> {
    if (cart) return cart;
    // Another tab of the shop may have created the cart since.
    cartId ??= storedId();
    if (!cartId) return null;
    const data = await call<{ cart: ApiCart | null }>(QUERIES.cart, { id: cartId });
    if (data.cart) remember(data.cart);
    else writeJson(storageKey, (cartId = null)); // expired or completed: the next add starts a new one
    return cart;
  }

  async function lineIdOf(id: string): Promise<string> {
    const gid = variantGid(id);
    const find = (apiCart: ApiCart | null) => apiCart?.lines.nodes.find((apiLine) => apiLine.merchandise.id === gid);
    let line = find(await current());
    if (!line) {
      // Added from another tab: this tab's copy of the cart is older than the shop's.
      cart = null;
      line = find(await current());
    }
    if (!line) throw new CartError(`Shopify's cart has no line for ${id}`);
    return line.id;
  }

  return {
    name: 'shopify',
    hasCart: true,
    timeout: options.timeout,
    async add(line) {
      const lines = [{ merchandiseId: variantGid(line.id), quantity: line.quantity }];
      const existing = await current();
      if (!existing) {
        const data = await call<{ cartCreate: Payload }>(QUERIES.cartCreate, { input: { lines } });
        return answeredLines(data.cartCreate);
      }
      const data = await call<{ cartLinesAdd: Payload }>(QUERIES.cartLinesAdd, { cartId: existing.id, lines });
      return answeredLines(data.cartLinesAdd);
    },
    async update(line) {
      const id = await lineIdOf(line.id);
      const data = await call<{ cartLinesUpdate: Payload }>(QUERIES.cartLinesUpdate, {
        cartId: cartId,
        lines: [{ id, quantity: line.quantity }],
      });
      return answeredLines(data.cartLinesUpdate);
    },
    async remove(lineId) {
      const id = await lineIdOf(lineId);
      const data = await call<{ cartLinesRemove: Payload }>(QUERIES.cartLinesRemove, { cartId, lineIds: [id] });
      return answeredLines(data.cartLinesRemove);
    },
    async get() {
      cart = null; // always ask: another tab or the shop itself may have changed it
      const had = cartId !== null;
      const fresh = await current();
      // A cart that expired or was checked out is empty now; with none yet, the local cart stands.
      return fresh ? fresh.lines.nodes.map(toLine) : had ? [] : null;
    },
    async checkoutUrl() {
      const fresh = await current();
      return fresh ? safeUrl(fresh.checkoutUrl) : null;
    },
  };
}

function toLine(line: ApiLine): CartLine {
  const merchandise = line.merchandise;
  const out: CartLine = {
    id: legacyId(merchandise.id),
    product: legacyId(merchandise.product.id),
    title: merchandise.product.title,
    price: { value: Number(merchandise.price.amount), currency: merchandise.price.currencyCode },
    quantity: line.quantity,
  };
  const image = safeUrl(merchandise.image?.url);
  if (image) out.image_link = image;
  const link = safeUrl(merchandise.product.onlineStoreUrl);
  if (link) out.link = link;
  if (merchandise.title && merchandise.title !== 'Default Title') out.variant_title = merchandise.title;
  return out;
}

function messages(errors: unknown): string {
  if (!Array.isArray(errors)) return '';
  const text = errors.map((error) => (error as { message?: unknown })?.message).filter((message) => typeof message === 'string');
  return text.length ? `: ${text.join('; ')}` : '';
}
