interface ShopifyVariant {
  id?: unknown;
  title?: unknown;
  price?: unknown;
  compare_at_price?: unknown;
  available?: unknown;
  featured_image?: { src?: unknown } | null;
}
interface ShopifyProduct {
  id?: unknown;
  title?: unknown;
  handle?: unknown;
  body_html?: unknown;
  vendor?: unknown;
  variants?: unknown;
  images?: { src?: unknown }[];
}

/** `/cart.js` answers, one per shop origin: asked once however many feeds a page reads. */
const cartCurrencies = new Map<string, Promise<string | undefined>>();

/**
 * The currency of a Shopify `/products.json`, which carries none: the storefront's own
 * (`window.Shopify.currency.active`, when the feed is this page's shop), else the page's
 * `configure({ currency })`, else the `currency` of the shop's `/cart.js` on the feed's
 * origin (fetched once; a shop on another origin may not allow it by CORS). Undefined when
 * none of them says.
 */
export async function shopifyCurrency(feedUrl: string | undefined, configured?: string): Promise<string | undefined> {
  const origin = feedUrl && /^https?:/.test(feedUrl) ? new URL(feedUrl).origin : undefined;
  const storefront = (globalThis as { Shopify?: { currency?: { active?: unknown } } }).Shopify?.currency?.active;
  if (typeof storefront === 'string' && storefront && origin === location.origin) return storefront;
  if (configured) return configured;
  if (!origin) return undefined;
  let answer = cartCurrencies.get(origin);
  if (!answer) {
    answer = fetch(`${origin}/cart.js`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : undefined))
      .then((cart: { currency?: unknown } | undefined) => (typeof cart?.currency === 'string' ? cart.currency : undefined))
      .catch(() => undefined);
    cartCurrencies.set(origin, answer);
  }
  return answer;
}

/**
 * Maps Shopify's `/products.json` to native items for `validateItems`, its prices in
 * `currency` (see `shopifyCurrency`). `compare_at_price` is the regular price and `price` the sale
 * price; the product page is `/products/<handle>` on the feed's own origin.
 */
export function shopifyProductItems(data: { products: unknown[] }, currency: string, base?: string): unknown[] {
  const money = (amount: unknown) => (amount == null || amount === '' ? undefined : { value: amount, currency });
  return data.products.map((raw) => {
    if (!raw || typeof raw !== 'object') return raw;
    const product = raw as ShopifyProduct;
    const variants = (Array.isArray(product.variants) ? product.variants : []) as ShopifyVariant[];
    const mapped = variants.map((variant) => {
      const regular = Number(variant.compare_at_price) > Number(variant.price) ? variant.compare_at_price : variant.price;
      return {
        id: variant.id,
        title: variant.title,
        price: money(regular),
        sale_price: regular === variant.price ? undefined : money(variant.price),
        availability: variant.available === false ? 'out_of_stock' : 'in_stock',
        image_link: variant.featured_image?.src,
      };
    });
    const lead = mapped.find((variant) => variant.availability === 'in_stock') ?? mapped[0];
    return {
      id: product.id,
      title: product.title,
      link: typeof product.handle === 'string' && base ? new URL(`/products/${encodeURIComponent(product.handle)}`, base).href : undefined,
      image_link: product.images?.[0]?.src,
      price: lead?.price,
      sale_price: lead?.sale_price,
      availability: mapped.some((variant) => variant.availability === 'in_stock') ? 'in_stock' : 'out_of_stock',
      brand: product.vendor,
      description: typeof product.body_html === 'string' ? textOf(product.body_html) : undefined,
      // Kept even when there is one ("Default Title"): the cart takes the variant id, not the product's.
      variants: mapped.length ? mapped : undefined,
    };
  });
}

/**
 * The text of an HTML fragment; it is only ever rendered as text. A tag is `<` up to the
 * next `>` with no `<` between: linear, where `<[^>]*>` backtracks over every unclosed `<`
 * (40 KB of them: seconds).
 */
const textOf = (html: string) =>
  html.replace(/<[^<>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
