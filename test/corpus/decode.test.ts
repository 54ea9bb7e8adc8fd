import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecodeError, decodeInput, decodeInputWithEncoding, MAX_INPUT_BYTES, readInputFile, type DecodeErrorCode } from '../../src/corpus/decode.js';

const FILE = 'article.txt';
const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The refusal `decodeInput` gives, as code and message. */
function refusal(input: Uint8Array): { code: DecodeErrorCode; message: string } {
  try {
    decodeInput(input, FILE);
  } catch (error) {
    if (error instanceof DecodeError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('not refused');
}

describe('GIVEN text in the encodings French text is found in', () => {
  it('WHEN it is UTF-8, with or without a byte-order mark THEN it is read as is, without the mark', () => {
    const utf8 = new TextEncoder().encode('Choïgou à Pyongyang – « 1 000 sapeurs »');
    expect(decodeInputWithEncoding(utf8, FILE)).toEqual({ text: 'Choïgou à Pyongyang – « 1 000 sapeurs »', encoding: 'utf-8' });
    expect(decodeInput(bytes(0xef, 0xbb, 0xbf, ...utf8), FILE)).toBe('Choïgou à Pyongyang – « 1 000 sapeurs »');
  });

  it('WHEN it is Windows-1252 (’ œ € in 0x80–0x9F) THEN it is detected and converted', () => {
    const cp1252 = bytes(...ascii("L"), 0x92, ...ascii('ann'), 0xe9, ...ascii('e co'), 0xfb, ...ascii('te 5 '), 0x80, ...ascii(' au c'), 0x9c, ...ascii('ur'));
    expect(decodeInputWithEncoding(cp1252, FILE)).toEqual({ text: 'L’année coûte 5 € au cœur', encoding: 'windows-1252' });
  });

  it('WHEN it is Latin-1 (accents only) THEN it is detected and converted', () => {
    expect(decodeInputWithEncoding(bytes(...ascii('D'), 0xe9, ...ascii('but juin, '), 0xe0, ...ascii(' Kiev')), FILE)).toEqual({ text: 'Début juin, à Kiev', encoding: 'latin-1' });
  });

  it('WHEN it is UTF-16 with a byte-order mark THEN it is read', () => {
    const le = bytes(0xff, 0xfe, ...[...'Été'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(decodeInputWithEncoding(le, FILE)).toEqual({ text: 'Été', encoding: 'utf-16le' });
  });
});

describe('GIVEN input that is not text', () => {
  it.each<[string, Uint8Array, DecodeErrorCode, string]>([
    ['empty', bytes(), 'empty', 'article.txt: empty (no text to ingest)'],
    ['only white space', bytes(0x20, 0x0a, 0x0d, 0x0a), 'empty', 'article.txt: empty (no text to ingest)'],
    ['UTF-16 without a byte-order mark', bytes(...[...'Le texte'].flatMap((c) => [c.charCodeAt(0), 0])), 'utf-16-without-bom', 'article.txt: looks like UTF-16 without a byte-order mark; save it as UTF-8'],
    ['binary with NUL bytes', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x08, 0x41, 0x42, 0x43, 0x44, 0x45), 'binary', 'article.txt: binary data (NUL byte at offset 5), not text'],
    ['a PDF', bytes(...ascii('%PDF-1.7\n'), 0xe2, 0xe3), 'pdf', 'article.txt: a PDF document, not text; copy its text into a .txt file'],
    ['a byte Windows-1252 leaves undefined', bytes(...ascii('abc'), 0x81, ...ascii('def')), 'undecodable', 'article.txt: neither UTF-8 nor Windows-1252 nor Latin-1 (byte 0x81 at offset 3); save it as UTF-8'],
    ['full of control characters', bytes(...ascii('ab'), 0x01, 0x02, 0x03, ...ascii('cd')), 'undecodable', 'article.txt: not text (3 control characters when read as utf-8); save it as UTF-8 text or HTML'],
  ])('WHEN it is %s THEN it is refused with a message naming the file', (_, input, code, message) => {
    expect(refusal(input)).toEqual({ code, message });
  });

  it('WHEN it is over 5 MB THEN it is refused', () => {
    expect(refusal(new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x61)).code).toBe('too-large');
  });
});

describe('readInputFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'recoupe-decode-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN a Windows-1252 file WHEN read THEN it gives the text and the encoding', async () => {
    const file = path.join(dir, 'cp1252.txt');
    await writeFile(file, bytes(...ascii('L'), 0x92, ...ascii('AFP')));
    expect(await readInputFile(file)).toEqual({ text: 'L’AFP', encoding: 'windows-1252' });
  });

  it('GIVEN a file over 5 MB WHEN read THEN it is refused by its size, unread', async () => {
    const file = path.join(dir, 'big.txt');
    await writeFile(file, '');
    // A sparse file: its size says 6 MB, and reading it would give NUL bytes, refused differently.
    await truncate(file, 6 * 1024 * 1024);
    await expect(readInputFile(file)).rejects.toMatchObject({ code: 'too-large', message: `${file}: 6291456 bytes, more than the 5242880 allowed; refusing to read it` });
  });

  it('GIVEN a missing file WHEN read THEN the message names it and the reason', async () => {
    const file = path.join(dir, 'missing.txt');
    await expect(readInputFile(file)).rejects.toMatchObject({ code: 'unreadable', message: `${file}: cannot read (ENOENT)` });
  });
});
