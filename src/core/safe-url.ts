/**
 * Resolves `value` against `base` and returns it only when it is an http(s) URL.
 * Everything else (javascript:, data:, blob:, garbage) gives null: livecart never
 * follows, loads or renders such a URL.
 */
export function safeUrl(value: unknown, base?: string): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
