/**
 * The file a moderator attaches to `/article add`, checked before a byte is read: it must be on
 * Discord's CDN (an attachment option's `url` always is; anything else was not attached), named
 * like a text article (.txt, .md, .html, .htm), typed as one (`text/plain`, `text/markdown`,
 * `text/html`, with a charset recoupe decodes), and within the corpus's 5 MB. Then it is fetched
 * through the ingest's guarded client, which enforces the size again while downloading (the size
 * Discord states is the uploader's word) and the type the CDN answers with.
 *
 * `RECOUPE_FETCH_ALLOW` (the ingest's test-only allow list, `src/corpus/fetch.ts`) also opens the
 * hosts and private addresses it lists, so that the tests' local Discord double can serve files.
 */
import { isIP } from 'node:net';
import { FetchError, fetchUrl, isForbiddenAddress } from '../../corpus/fetch.js';
import { ModerationError } from '../../moderation/types.js';
import { ATTACHMENT, OURS } from '../limits.js';
import { ModeratorRefusal } from './refusal.js';

/** What Discord says of an attachment (`data.resolved.attachments[id]`). */
export interface AttachmentFacts {
  readonly url: string;
  readonly name: string;
  /** In bytes, as the uploader's client stated it. */
  readonly size: number;
  /** `content_type`, when Discord gives one. */
  readonly contentType: string | null;
}

/** File name endings of the articles `/article add` reads. */
export const ACCEPTED_EXTENSIONS: readonly string[] = ['.txt', '.md', '.html', '.htm'];

/** Media types of those files (any charset parameter is checked apart). */
export const ACCEPTED_TYPES: readonly string[] = ['text/plain', 'text/markdown', 'text/html'];

/** Charsets the ingest decodes (`src/corpus/decode.ts`: UTF-8, Windows-1252, Latin-1, and ASCII within them). */
export const READABLE_CHARSETS: readonly string[] = ['utf-8', 'utf8', 'us-ascii', 'ascii', 'iso-8859-1', 'latin1', 'windows-1252', 'cp1252'];

/** `5`: the cap in megabytes, as the refusal quotes it (the unit is the message's, MB or Mo). */
const MAX_SHOWN = String(OURS.ATTACHMENT_MAX_BYTES / (1024 * 1024));

/** Whether `url` is on Discord's CDN over https, or on a host the test-only allow list opens. */
export function isDiscordCdn(url: string, env: NodeJS.ProcessEnv = process.env): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  if (parsed.protocol === 'https:' && (ATTACHMENT.CDN_HOSTS as readonly string[]).includes(host)) return true;
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  const listed = (env.RECOUPE_FETCH_ALLOW ?? '').split(',').map((e) => e.trim().toLowerCase());
  // An address only a listed range opens: private by default, allowed by the list.
  const bare = host.replace(/^\[|\]$/gu, '');
  return listed.includes(host) || (isIP(bare) !== 0 && isForbiddenAddress(bare, {}) && !isForbiddenAddress(bare, env));
}

/** The media type and charset of a `Content-Type` value, lower-cased (`text/html`, `utf-8`). */
export function parseContentType(value: string): { type: string; charset: string | undefined } {
  const [type = '', ...params] = value.split(';').map((p) => p.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/^"|"$/gu, '');
  return { type, charset };
}

/** Why an attachment is refused before it is read, or `undefined` when it may be fetched. */
export function attachmentRefusal(a: AttachmentFacts, env: NodeJS.ProcessEnv = process.env): ModeratorRefusal | undefined {
  if (!isDiscordCdn(a.url, env)) return new ModeratorRefusal('attachment-host');
  const lower = a.name.toLowerCase();
  if (!ACCEPTED_EXTENSIONS.some((e) => lower.endsWith(e))) return new ModeratorRefusal('attachment-type', a.name.slice(0, 60));
  // Without a type, Discord did not recognise the file: the extension was checked, and the CDN's answer will be.
  if (a.contentType !== null) {
    const refusal = typeRefusal(a.contentType);
    if (refusal) return refusal;
  }
  if (!Number.isFinite(a.size) || a.size > OURS.ATTACHMENT_MAX_BYTES) return new ModeratorRefusal('attachment-too-large', MAX_SHOWN);
  return undefined;
}

/** A refusal of a `Content-Type` value: not text, or a charset the ingest does not decode. */
function typeRefusal(contentType: string): ModeratorRefusal | undefined {
  const { type, charset } = parseContentType(contentType);
  if (!ACCEPTED_TYPES.includes(type)) return new ModeratorRefusal('attachment-type', type.slice(0, 60) || '?');
  if (charset !== undefined && !READABLE_CHARSETS.includes(charset)) return new ModeratorRefusal('attachment-encoding', charset.slice(0, 30));
  return undefined;
}

/** An attachment's bytes, as the service reads a file. */
export interface DownloadedFile {
  readonly name: string;
  readonly contentType?: string;
  readonly bytes: Uint8Array;
}

/**
 * Checks an attachment, then downloads it through the guarded client with the same caps.
 * Throws {@link ModeratorRefusal} (host, type, encoding, size, during the download too) or
 * `ModerationError('fetch-failed')` naming the file (never the CDN's signed URL).
 */
export async function downloadAttachment(a: AttachmentFacts, env: NodeJS.ProcessEnv = process.env): Promise<DownloadedFile> {
  const refused = attachmentRefusal(a, env);
  if (refused) throw refused;
  let fetched;
  try {
    fetched = await fetchUrl(a.url, { maxBytes: OURS.ATTACHMENT_MAX_BYTES, acceptTypes: ACCEPTED_TYPES, timeoutMs: OURS.ATTACHMENT_TIMEOUT_MS, maxRedirects: 0, env });
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    if (error.code === 'too-large') throw new ModeratorRefusal('attachment-too-large', MAX_SHOWN);
    if (error.code === 'bad-content-type') throw new ModeratorRefusal('attachment-type', a.name.slice(0, 60));
    throw new ModerationError('fetch-failed', a.name.slice(0, 60));
  }
  const refusal = fetched.contentType ? typeRefusal(fetched.contentType) : undefined;
  if (refusal) throw refusal;
  return { name: a.name, bytes: fetched.bytes, ...(fetched.contentType || a.contentType ? { contentType: fetched.contentType || (a.contentType ?? '') } : {}) };
}
