import { isServer } from 'lit';
/**
 * Resolves `value` against `base` and returns it only when it is an http(s) URL.
 * Everything else (javascript:, data:, blob:, garbage) gives null: livecart never
 * follows, loads or renders such a URL.
 */
export function safeUrl(value: unknown, base?: string): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const url = new URL(value.trim(), base);
    if (base === SERVER_PAGE && url.origin === new URL(SERVER_PAGE).origin) return value.trim();
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The page a server renders for, which it cannot know: relative URLs are checked against
 * this stand-in and kept relative, for the browser to resolve against the real page.
 */
const SERVER_PAGE = 'https://server-rendered.invalid/';

/** What relative URLs of the page resolve against: the document's base, or on a server the stand-in. */
export const pageBase = (): string => (isServer ? SERVER_PAGE : document.baseURI);
