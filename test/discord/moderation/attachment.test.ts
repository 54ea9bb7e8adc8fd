/**
 * An attachment checked before it is read (host, name, type, charset, stated size), then
 * downloaded through the guarded client with the same caps, here from a local server the test
 * allow list opens (as the Discord double's CDN is).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModerationError } from '../../../src/moderation/types.js';
import { attachmentRefusal, downloadAttachment, isDiscordCdn, parseContentType, type AttachmentFacts } from '../../../src/discord/moderation/attachment.js';
import { ModeratorRefusal } from '../../../src/discord/moderation/refusal.js';
import { OURS } from '../../../src/discord/limits.js';

const CDN = 'https://cdn.discordapp.com/attachments/1/2/depeche.md?ex=1&is=2&hm=3';
const facts = (over: Partial<AttachmentFacts> = {}): AttachmentFacts => ({ url: CDN, name: 'depeche.md', size: 1_000, contentType: 'text/markdown; charset=utf-8', ...over });
const code = (a: AttachmentFacts, env: NodeJS.ProcessEnv = {}) => attachmentRefusal(a, env)?.code;

describe('GIVEN what Discord says of an attachment', () => {
  it('WHEN it is on Discord’s CDN over https THEN its host passes; anywhere else it is refused', () => {
    expect(isDiscordCdn(CDN, {})).toBe(true);
    expect(isDiscordCdn('https://media.discordapp.net/attachments/1/2/a.txt', {})).toBe(true);
    for (const url of ['http://cdn.discordapp.com/a.txt', 'https://cdn.discordapp.com.evil.example/a.txt', 'https://evil.example/cdn.discordapp.com/a.txt', 'ftp://cdn.discordapp.com/a.txt', 'not a url', 'http://127.0.0.1:8080/a.txt']) {
      expect([url, code(facts({ url }))]).toEqual([url, 'attachment-host']);
    }
  });

  it('WHEN the test allow list opens a host or a loopback address THEN it passes too, and only what the list names', () => {
    expect(isDiscordCdn('http://127.0.0.1:8080/attachments/a.txt', { RECOUPE_FETCH_ALLOW: '127.0.0.1' })).toBe(true);
    expect(isDiscordCdn('http://127.0.0.2:8080/a.txt', { RECOUPE_FETCH_ALLOW: '127.0.0.0/8' })).toBe(true);
    expect(isDiscordCdn('http://10.0.0.1/a.txt', { RECOUPE_FETCH_ALLOW: '127.0.0.1' })).toBe(false);
    expect(isDiscordCdn('http://files.test/a.txt', { RECOUPE_FETCH_ALLOW: 'files.test' })).toBe(true);
    // A public address is not "opened" by a list that names something else.
    expect(isDiscordCdn('http://93.184.216.34/a.txt', { RECOUPE_FETCH_ALLOW: '127.0.0.1' })).toBe(false);
  });

  it('WHEN its name is not a text article’s THEN attachment-type, naming the file', () => {
    for (const name of ['rapport.pdf', 'image.png', 'article.docx', 'article.md.exe', 'sans-extension']) expect(code(facts({ name }))).toBe('attachment-type');
    for (const name of ['a.txt', 'A.MD', 'page.html', 'page.HTM']) expect(code(facts({ name, contentType: 'text/plain' }))).toBeUndefined();
    expect(attachmentRefusal(facts({ name: 'rapport.pdf' }), {})?.detail).toBe('rapport.pdf');
  });

  it('WHEN its type is not text, Markdown or HTML THEN attachment-type; a charset the ingest cannot decode THEN attachment-encoding', () => {
    for (const contentType of ['application/pdf', 'text/csv', 'application/octet-stream', 'image/png']) expect(code(facts({ contentType }))).toBe('attachment-type');
    for (const contentType of ['text/plain', 'text/html; charset=UTF-8', 'text/markdown;charset="windows-1252"', 'text/plain; charset=iso-8859-1']) expect(code(facts({ contentType }))).toBeUndefined();
    for (const contentType of ['text/plain; charset=utf-16', 'text/html; charset=shift_jis', 'text/plain; charset=UTF-16LE']) expect(code(facts({ contentType }))).toBe('attachment-encoding');
    expect(attachmentRefusal(facts({ contentType: 'text/plain; charset=UTF-16LE' }), {})?.detail).toBe('utf-16le');
    // Discord did not recognise the type: the name was checked, and the CDN's answer will be.
    expect(code(facts({ contentType: null }))).toBeUndefined();
    expect(parseContentType('Text/HTML; Charset="UTF-8"; boundary=x')).toEqual({ type: 'text/html', charset: 'utf-8' });
  });

  it('WHEN it states more than 5 MB THEN attachment-too-large, before anything is read', () => {
    expect(code(facts({ size: OURS.ATTACHMENT_MAX_BYTES }))).toBeUndefined();
    expect(code(facts({ size: OURS.ATTACHMENT_MAX_BYTES + 1 }))).toBe('attachment-too-large');
    expect(code(facts({ size: Number.NaN }))).toBe('attachment-too-large');
    expect(OURS.ATTACHMENT_MAX_BYTES).toBe(5 * 1024 * 1024);
  });
});

describe('GIVEN a file served by a local CDN', () => {
  let server: Server;
  let base = '';
  const files = new Map<string, { type?: string; body: Buffer; status?: number; location?: string }>();
  const env = { RECOUPE_FETCH_ALLOW: '127.0.0.1' };
  beforeAll(async () => {
    server = createServer((req, res) => {
      const f = files.get(req.url ?? '');
      res.statusCode = f?.status ?? (f ? 200 : 404);
      if (f?.type) res.setHeader('content-type', f.type);
      if (f?.location) res.setHeader('location', f.location);
      res.end(f?.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const serve = (path: string, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: { status?: number; location?: string } = {}) => {
    files.set(path, { body: Buffer.from(body), type, ...extra });
    return facts({ url: `${base}${path}`, name: path.slice(1), size: Buffer.byteLength(body), contentType: type });
  };
  const failure = (a: AttachmentFacts) => downloadAttachment(a, env).then(() => undefined, (e: unknown) => e);

  it('WHEN it is a text article THEN its bytes come back as the service reads a file, with the CDN’s type', async () => {
    const got = await downloadAttachment(serve('/a.txt', 'Un texte, déjà.'), env);
    expect({ ...got, bytes: Buffer.from(got.bytes).toString('utf8') }).toEqual({ name: 'a.txt', contentType: 'text/plain; charset=utf-8', bytes: 'Un texte, déjà.' });
  });

  it('WHEN the client under-stated its size THEN the download is cut at 5 MB all the same', async () => {
    const big = { ...serve('/big.txt', Buffer.alloc(OURS.ATTACHMENT_MAX_BYTES + 10, 0x61)), size: 10 };
    const error = await failure(big);
    expect(error).toBeInstanceOf(ModeratorRefusal);
    expect((error as ModeratorRefusal).code).toBe('attachment-too-large');
  });

  it('WHEN the CDN answers another type or charset than Discord stated THEN the CDN’s answer is refused', async () => {
    const pdf = { ...serve('/b.txt', '%PDF-1.7', 'application/pdf'), contentType: 'text/plain' };
    expect((await failure(pdf) as ModeratorRefusal).code).toBe('attachment-type');
    const utf16 = { ...serve('/c.txt', 'x', 'text/plain; charset=utf-16'), contentType: 'text/plain' };
    expect((await failure(utf16) as ModeratorRefusal).code).toBe('attachment-encoding');
  });

  it('WHEN the file is gone or redirects elsewhere THEN fetch-failed, naming the file and not the URL', async () => {
    const gone = facts({ url: `${base}/missing.txt`, name: 'missing.txt', contentType: 'text/plain' });
    const error = await failure(gone);
    expect(error).toBeInstanceOf(ModerationError);
    expect(error).toMatchObject({ code: 'fetch-failed', detail: 'missing.txt' });
    const moved = serve('/moved.txt', '', 'text/plain', { status: 302, location: 'https://evil.example/x.txt' });
    expect(await failure(moved)).toMatchObject({ code: 'fetch-failed' });
  });

  it('WHEN the check refuses THEN nothing is downloaded', async () => {
    const refused = await failure(facts({ url: 'https://evil.example/a.txt' }));
    expect((refused as ModeratorRefusal).code).toBe('attachment-host');
  });
});
