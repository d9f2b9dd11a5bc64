import type { Price } from './product.js';

let knownCurrencies: Set<string> | undefined;

/** True for an ISO 4217 code this browser's Intl knows. */
export function isCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  knownCurrencies ??= new Set(Intl.supportedValuesOf?.('currency') ?? []);
  // Engines without supportedValuesOf: accept any well-formed code.
  return knownCurrencies.size === 0 || knownCurrencies.has(code);
}

/** Longer than any real price string: more is refused before a regex ever sees it. */
const MAX_PRICE_LENGTH = 40;

/**
 * Reads a price in either Google Merchant form: `"79.00 EUR"` (the currency may also come
 * first) or `{ value: 79, currency: "EUR" }`. Returns a reason string when it cannot.
 */
export function parsePrice(input: unknown): Price | string {
  let value: unknown;
  let currency: unknown;
  if (typeof input === 'string') {
    // Trimmed and clipped first, and no two optional whitespace runs side by side: a
    // hostile "1" + 150,000 spaces + "x" once made the match quadratic (seconds per price).
    const text = input.trim();
    const m = text.length <= MAX_PRICE_LENGTH ? /^(?:([A-Za-z]{3})\s*)?(\d+(?:[.,]\d{1,4})?)(?:\s*([A-Za-z]{3}))?$/.exec(text) : null;
    if (!m || !!m[1] === !!m[3]) return `price "${clip(input)}" is not like "79.00 EUR"`;
    value = Number(m[2].replace(',', '.'));
    currency = m[1] ?? m[3];
  } else if (input && typeof input === 'object') {
    ({ value, currency } = input as { value?: unknown; currency?: unknown });
    if (typeof value === 'string' && value.trim() !== '') value = Number(value);
  } else {
    return 'price is missing';
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return 'price has no valid amount';
  if (typeof currency !== 'string' || !isCurrency(currency.toUpperCase())) {
    return `price currency "${clip(String(currency))}" is not an ISO 4217 code`;
  }
  return { value, currency: currency.toUpperCase() };
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * The price for people, in `locale` (see canonicalLocale). Never throws: what Intl refuses
 * shows as the plain amount and code, so one bad value cannot stop a whole render.
 */
export function formatPrice(price: Price, locale: string): string {
  const key = `${locale}|${price.currency}`;
  let format = formatters.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency: price.currency });
    } catch {
      return `${price.value.toFixed(2)} ${price.currency}`;
    }
    formatters.set(key, format);
  }
  return format.format(price.value);
}

export const clip = (text: string, max = 60): string => (text.length > max ? `${text.slice(0, max)}…` : text);
