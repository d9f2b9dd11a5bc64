import { configuredPublishToken } from '../../store/config.js';
import type { PublishFormat, PublishTarget } from './publish-queue.js';

/** What a console says of where it publishes: its attributes and its token property. */
export interface PublishSettings {
  publish: string;
  publishFormat: string;
  topic: string;
  /** The `token` property; null: `configure({ publishToken })`'s (a string, or a function asked each time). */
  token: string | null;
}

/** Plain http:// to another host than the page's own or this machine: a token there travels in the clear. */
export const inTheClear = (url: URL): boolean =>
  url.protocol === 'http:' && url.host !== location.host && !/^(localhost|127\.0\.0\.1|\[::1\])$|\.localhost$/.test(url.hostname);

/**
 * Where and how the next try publishes (null: preview only, no `publish`). Read again for
 * every try, so a changed URL or token applies to the next one. Rejects when the token would
 * go over plain http:// to another host (L3): anyone on the way could read it and publish
 * to every viewer.
 */
export async function publishTarget({ publish, publishFormat, topic, token }: PublishSettings): Promise<PublishTarget | null> {
  if (!publish) return null;
  const configured = configuredPublishToken();
  const bearer = token ?? (typeof configured === 'function' ? await configured() : configured) ?? null;
  const format: PublishFormat = publishFormat === 'mercure' ? 'mercure' : 'json';
  const url = new URL(publish, document.baseURI);
  if (bearer && inTheClear(url)) throw new Error(`the token is not sent in the clear to ${url.host}: publish over https://`);
  return { url: url.href, format, topic, token: bearer };
}
