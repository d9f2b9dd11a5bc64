import { safeUrl } from '../core/safe-url.js';

/** What the player knows of a live show, for search engines. */
export interface ShowFacts {
  name: string;
  src: string;
  poster: string;
  /** `starts-at`, when the page announced it. */
  startsAt?: string | null;
  live: boolean;
  /** The live show is over. */
  ended: boolean;
}

/** JSON that is safe inside a `<script>` element: `<` never starts a tag (`</script>`, `<!--`). */
export const scriptSafeJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/**
 * The schema.org `VideoObject` of a live show with its `BroadcastEvent`, as Google's
 * livestream rich result reads it (the LIVE badge): `isLiveBroadcast`, `startDate`, and
 * `endDate` once it has ended. `uploadDate` is when the show began (or begins).
 */
export function videoObject(facts: ShowFacts, startDate: string, endDate: string | null): Record<string, unknown> {
  const description = document.querySelector<HTMLMetaElement>('meta[name="description"]')?.content.trim();
  const thumbnail = safeUrl(facts.poster, document.baseURI);
  const content = safeUrl(facts.src, document.baseURI);
  const publication: Record<string, unknown> = { '@type': 'BroadcastEvent', isLiveBroadcast: true, startDate };
  if (endDate) publication.endDate = endDate;
  return {
    '@context': 'https://schema.org',
    '@type': 'VideoObject',
    name: facts.name,
    description: description || facts.name,
    ...(thumbnail ? { thumbnailUrl: [thumbnail] } : {}),
    uploadDate: startDate,
    ...(content ? { contentUrl: content } : {}),
    url: location.href,
    publication,
  };
}

interface ScriptPolicy {
  createScript(input: string): string;
}
let policy: ScriptPolicy | null | undefined;

/**
 * The JSON as a `<script>`'s text. Under Trusted Types every way of giving a script text
 * is a sink (the `textContent` setter throws; an appended text node is reported when the
 * script is inserted), whatever the script's type, so the text goes through a `livecart`
 * policy. It passes only this module's own JSON, whose `<` is escaped, for a JSON-LD
 * script that never runs. Null when the page's `trusted-types` list does not allow it.
 */
function scriptText(json: string): string | null {
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: ScriptPolicy): ScriptPolicy } }).trustedTypes;
  if (!tt) return json;
  if (policy === undefined) {
    try {
      policy = tt.createPolicy('livecart', { createScript: (input) => input });
    } catch {
      policy = null;
    }
  }
  return policy && policy.createScript(json);
}

/**
 * A player's JSON-LD in the document's head, where crawlers that render JavaScript read
 * it (Google does: "Generate structured data with JavaScript"). Made through the DOM,
 * never markup, its text through Trusted Types where the page enforces them; kept in
 * step and removed with the player.
 */
export class ShowDescription {
  private script?: HTMLScriptElement;
  /** When the show was first seen live, for shows that did not announce `starts-at`. */
  private liveSince?: string;
  private endedAt?: string;

  update(facts: ShowFacts | null): void {
    if (!facts) return this.remove();
    const now = new Date().toISOString();
    if (facts.live) this.liveSince ??= now;
    if (facts.ended) this.endedAt ??= now;
    else this.endedAt = undefined;
    const start = (facts.startsAt && !Number.isNaN(Date.parse(facts.startsAt)) && new Date(facts.startsAt).toISOString()) || this.liveSince;
    const text = scriptSafeJson(videoObject(facts, start ?? now, this.endedAt ?? null));
    if (this.script?.isConnected && this.script.textContent === text) return;
    const trusted = scriptText(text);
    if (trusted === null) return;
    if (!this.script) {
      this.script = document.createElement('script');
      this.script.type = 'application/ld+json';
      this.script.dataset.livecart = 'show';
    }
    this.script.textContent = trusted;
    if (!this.script.isConnected) document.head.append(this.script);
  }

  remove(): void {
    this.script?.remove();
  }
}
