/**
 * Gives the page a turn: input, rendering and other tasks run before the caller goes
 * on. Long work (a big feed) calls it every few milliseconds so the page keeps responding.
 */
export const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));
