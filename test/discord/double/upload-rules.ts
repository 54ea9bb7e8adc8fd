/**
 * Discord's rules for files uploaded with a message (multipart/form-data: the JSON as
 * `payload_json`, each file as a `files[n]` part), which the OpenAPI schema cannot express
 * because it sees only the JSON: every part named `files[n]` with a file name, at most 10 of them,
 * none over the size limit; every `attachments` placeholder id naming an uploaded part; every
 * embed image or thumbnail `attachment://NAME` naming an uploaded image (or an attachment the
 * payload keeps).
 */
import { UPLOADS } from './constants.js';
import type { SpecOperation } from './openapi-validator.js';
import type { RecordedFile, ViolationIssue } from './types.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Placeholder ids are the `n` of `files[n]`: small integers, never snowflakes (17 digits and more). */
const PLACEHOLDER = /^\d{1,4}$/u;

/** The message a request carries: an interaction callback's `data` (types 4 and 7), a webhook's body. */
function messageOf(operation: Pick<SpecOperation, 'template'>, body: unknown): { message: Obj; base: string } | null {
  if (!isObj(body)) return null;
  if (operation.template === '/interactions/{interaction_id}/{interaction_token}/callback') {
    return (body.type === 4 || body.type === 7) && isObj(body.data) ? { message: body.data, base: '/data' } : null;
  }
  return operation.template.startsWith('/webhooks/{webhook_id}/{webhook_token}') ? { message: body, base: '' } : null;
}

/** Every way the uploaded files and the payload's references to them break Discord's rules. */
export function uploadIssues(operation: Pick<SpecOperation, 'template'>, body: unknown, files: readonly RecordedFile[]): ViolationIssue[] {
  const issues: ViolationIssue[] = [];
  const issue = (path: string, code: string, message: string) => issues.push({ path, code, message });
  const placeholders = new Map<string, RecordedFile>();
  for (const file of files) {
    const n = UPLOADS.FIELD.exec(file.field)?.[1];
    if (n === undefined) issue('', 'UPLOAD_FIELD_INVALID', `File part "${file.field}" is not named files[n].`);
    else if (placeholders.has(n)) issue('', 'UPLOAD_FIELD_DUPLICATE', `Two file parts are named files[${n}].`);
    else placeholders.set(n, file);
    if (file.filename === '') issue('', 'UPLOAD_FILENAME_REQUIRED', `File part "${file.field}" has no filename.`);
    if (file.size > UPLOADS.FILE_MAX_BYTES) issue('', 'UPLOAD_FILE_TOO_LARGE', `File "${file.filename}" is ${file.size} bytes, over ${UPLOADS.FILE_MAX_BYTES}.`);
  }
  if (files.length > UPLOADS.FILES_MAX) issue('', 'UPLOAD_TOO_MANY_FILES', `${files.length} files, over ${UPLOADS.FILES_MAX}.`);
  const found = messageOf(operation, body);
  if (found === null) return issues;
  const { message, base } = found;
  const kept = new Set<string>();
  const attachments = Array.isArray(message.attachments) ? message.attachments : [];
  attachments.forEach((a, i) => {
    if (!isObj(a)) return;
    const id = String(a.id);
    const file = placeholders.get(id);
    if (PLACEHOLDER.test(id) && !file) issue(`${base}/attachments/${i}/id`, 'UPLOAD_PLACEHOLDER_UNKNOWN', `Attachment ${id} names no uploaded files[${id}].`);
    const name = typeof a.filename === 'string' ? a.filename : file?.filename;
    if (name) kept.add(name);
  });
  for (const file of files) kept.add(file.filename);
  const embeds = Array.isArray(message.embeds) ? message.embeds : [];
  embeds.forEach((embed, i) => {
    if (!isObj(embed)) return;
    for (const slot of ['image', 'thumbnail'] as const) {
      const media = embed[slot];
      const url = isObj(media) && typeof media.url === 'string' ? media.url : '';
      if (!url.startsWith('attachment://')) continue;
      const name = url.slice('attachment://'.length);
      if (!kept.has(name)) issue(`${base}/embeds/${i}/${slot}/url`, 'UPLOAD_ATTACHMENT_UNKNOWN', `${url} names no file of this message.`);
      else if (!UPLOADS.EMBED_IMAGE.test(name)) issue(`${base}/embeds/${i}/${slot}/url`, 'UPLOAD_NOT_AN_IMAGE', `${url} is not a .jpg, .png, .webp or .gif file.`);
    }
  });
  return issues;
}
