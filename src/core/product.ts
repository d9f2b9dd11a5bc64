/** Google Merchant Center availability values. */
export type Availability = 'in_stock' | 'out_of_stock' | 'preorder' | 'backorder';

export interface Price {
  value: number;
  /** ISO 4217 code, upper case. */
  currency: string;
}

/**
 * A product as livecart holds it: Google Merchant Center field names, every value
 * checked. Links and images are absolute http(s) URLs or absent.
 */
export interface Product {
  id: string;
  title: string;
  link?: string;
  image_link?: string;
  price: Price;
  sale_price?: Price;
  availability: Availability;
  brand?: string;
  description?: string;
  /** The sizes, colours… a shopper picks from; the buy button then adds the chosen one. */
  variants?: Variant[];
}

/** One purchasable option of a product. `id` is what the shop's cart takes (e.g. a Shopify variant id). */
export interface Variant {
  id: string;
  title: string;
  price: Price;
  sale_price?: Price;
  availability: Availability;
  image_link?: string;
}

export const isBuyable = (item: Product | Variant): boolean => item.availability !== 'out_of_stock';

/** What the shopper pays now: the sale price when there is one. */
export const currentPrice = (item: Product | Variant): Price => item.sale_price ?? item.price;

/** The variant a buy adds: the one asked for, else the first in stock, else the first. */
export const pickVariant = (product: Product, id?: string | null): Variant | undefined =>
  product.variants?.find((v) => v.id === id) ?? product.variants?.find(isBuyable) ?? product.variants?.[0];
