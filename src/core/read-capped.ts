import { yieldToPage } from '../platform/yield.js';

/**
 * A response's body as text, read as it streams and counted: a body longer than it said,
 * or endless, stops at `maxBytes` with `tooLarge()`'s error instead of filling the tab's
 * memory. Chunks already received resolve as microtasks: it yields to the page every few
 * milliseconds, or one task would read them all.
 */
export async function readCapped(response: Response, maxBytes: number, tooLarge: () => Error): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  let deadline = performance.now() + 8;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    if (performance.now() > deadline) {
      await yieldToPage();
      deadline = performance.now() + 8;
    }
    bytes += chunk.value.byteLength;
    if (bytes > maxBytes) {
      void reader.cancel();
      throw tooLarge();
    }
    parts.push(decoder.decode(chunk.value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}
