/**
 * The double's stand-in for Discord's CDN: files "uploaded" by a test (an attachment a user
 * attached to a slash command) are served on the double's own 127.0.0.1 server under
 * `/attachments/<channel>/<attachment>/<filename>`, the path shape of `cdn.discordapp.com`, with
 * the content type the test chose. The attachment object (`data.resolved.attachments[id]`)
 * carries that URL, the file's size (or the size a test wants the client to claim) and type.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIAttachment } from 'discord-api-types/v10';
import { DEFAULT_CHANNEL_ID } from './fixtures.js';
import { snowflake } from './snowflake.js';

/** Path prefix of the files the double serves. */
export const CDN_PREFIX = '/attachments/';

/** A file a test attaches. */
export interface UploadOptions {
  readonly filename: string;
  /** The bytes served (a string is UTF-8). */
  readonly content: string | Uint8Array;
  /** `content_type` Discord states, and the `Content-Type` served unless `servedContentType` says otherwise. [`text/plain; charset=utf-8`] */
  readonly contentType?: string | null;
  /** The `Content-Type` the CDN answers with, when it differs from `contentType` (a lying client). */
  readonly servedContentType?: string;
  /** The size the attachment object states (default: the real one), to test a client that lies. */
  readonly statedSize?: number;
  /** The channel it was uploaded in (only its URL shows it). [`DEFAULT_CHANNEL_ID`] */
  readonly channelId?: string;
}

/** One download from the CDN. */
export interface CdnRequest {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** Bytes sent. */
  readonly bytes: number;
}

interface StoredFile {
  readonly bytes: Uint8Array;
  readonly contentType: string | null;
}

/** Files uploaded by tests, and the requests for them. */
export class Cdn {
  readonly #files = new Map<string, StoredFile>();
  readonly #requests: CdnRequest[] = [];
  #baseUrl = '';

  /** `http://127.0.0.1:PORT`, once the server listens. */
  setBaseUrl(url: string): void {
    this.#baseUrl = url;
  }

  get requests(): readonly CdnRequest[] {
    return [...this.#requests];
  }

  /** Stores a file and returns the attachment object Discord would put in `resolved.attachments`. */
  upload(options: UploadOptions): APIAttachment {
    const id = snowflake();
    const bytes = typeof options.content === 'string' ? new TextEncoder().encode(options.content) : options.content;
    const path = `${CDN_PREFIX}${options.channelId ?? DEFAULT_CHANNEL_ID}/${id}/${encodeURIComponent(options.filename)}`;
    const stated = options.contentType === undefined ? 'text/plain; charset=utf-8' : options.contentType;
    this.#files.set(path, { bytes, contentType: options.servedContentType ?? stated });
    const url = `${this.#baseUrl}${path}`;
    return {
      id,
      filename: options.filename,
      size: options.statedSize ?? bytes.byteLength,
      url,
      proxy_url: url,
      ...(stated !== null ? { content_type: stated } : {}),
    } as APIAttachment;
  }

  /** Whether the request is for the CDN (the REST API is everything else). */
  handles(req: IncomingMessage): boolean {
    return (req.url ?? '').startsWith(CDN_PREFIX);
  }

  /** Serves a stored file (404 for any other path, 405 for anything but GET and HEAD). */
  serve(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    const file = this.#files.get(path);
    const status = method !== 'GET' && method !== 'HEAD' ? 405 : file ? 200 : 404;
    res.statusCode = status;
    if (status === 200 && file) {
      if (file.contentType !== null) res.setHeader('content-type', file.contentType);
      res.setHeader('content-length', String(file.bytes.byteLength));
      res.end(method === 'HEAD' ? undefined : Buffer.from(file.bytes));
    } else {
      res.end();
    }
    this.#requests.push({ method, path, status, bytes: status === 200 && method === 'GET' && file ? file.bytes.byteLength : 0 });
  }
}
