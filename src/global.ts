import { isServer } from 'lit';
import { configure, type LivecartOptions } from './store/config.js';

// `window.livecart`: the script-tag page's way in.

/** What a script-tag page's stub leaves on `window.livecart`: calls made before livecart loaded. */
interface Stub {
  q?: ArrayLike<unknown>[];
  configure?: unknown;
}

/**
 * Installs `window.livecart.configure` and replays the calls the page's stub queued. The
 * script-tag entry runs it; module users import `configure` instead.
 */
export function installGlobal(): void {
  // Server-side imports have no window to answer on.
  if (isServer) return;
  const w = window as unknown as { livecart?: Stub & Record<string, unknown> };
  const stub = w.livecart ?? {};
  const queued = Array.isArray(stub.q) ? stub.q : [];
  w.livecart = Object.assign(stub, { configure, q: { push: (args: ArrayLike<unknown>) => configure(args[0] as LivecartOptions) } });
  for (const args of queued) {
    try {
      configure(args[0] as LivecartOptions);
    } catch (error) {
      console.error('livecart: a queued configure() call failed', error);
    }
  }
}
