/**
 * Web storage that never throws: private modes, quotas and sandboxed frames refuse it,
 * and a value written by something else may not be JSON. A refusal warns once per key
 * (writes repeat on every change) and the caller carries on in memory. localStorage by
 * default; `session` for what lasts only as long as the tab.
 */
type Area = 'local' | 'session';
const warned = new Set<string>();

function warn(key: string, why: string, error?: unknown, once = true): void {
  if (once && warned.has(`${why}|${key}`)) return;
  warned.add(`${why}|${key}`);
  console.warn(`livecart: ${why} "${key}"; keeping it in memory for this page only`, error ?? '');
}

const engines: Partial<Record<Area, Storage | null>> = {};

/**
 * Puts another engine behind an area, e.g. one that refuses writes as a full quota does;
 * undefined gives the browser's back.
 */
export function setStorageEngine(area: Area, engine: Storage | null | undefined): void {
  if (engine === undefined) delete engines[area];
  else engines[area] = engine;
}

function storage(area: Area): Storage | null {
  if (area in engines) return engines[area]!;
  try {
    return area === 'session' ? window.sessionStorage : window.localStorage;
  } catch {
    return null;
  }
}

/** The parsed value under `key`, or undefined when there is none or it cannot be read. */
export function readJson(key: string, area: Area = 'local'): unknown {
  let raw: string | null;
  try {
    raw = storage(area)?.getItem(key) ?? null;
  } catch (error) {
    warn(key, `${area}Storage cannot be read for`, error);
    return undefined;
  }
  return raw === null ? undefined : parseJson(key, raw);
}

export function parseJson(key: string, raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (error) {
    // Not deduplicated: it happens once per load or per write from another tab.
    warn(key, 'ignoring a value that is not JSON in', error, false);
    return undefined;
  }
}

/** Stores `value` (undefined removes it); false when the browser refused. */
export function writeJson(key: string, value: unknown, area: Area = 'local'): boolean {
  try {
    const store = storage(area);
    if (!store) throw new Error(`no ${area}Storage`);
    if (value === undefined) store.removeItem(key);
    else store.setItem(key, JSON.stringify(value));
    return true;
  } catch (error) {
    warn(key, `${area}Storage refused to store`, error);
    return false;
  }
}
