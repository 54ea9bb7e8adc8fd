/**
 * Bytes of an input to ingest (a file, standard input, a fetched body) turned into text, or
 * refused with one message that names the input and says what is wrong with it.
 *
 * Accepted: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, and the
 * two single-byte encodings French text is still found in, Windows-1252 and Latin-1. Anything
 * that is not valid UTF-8 is read as Windows-1252 (its superset in practice: the two differ only
 * on 0x80–0x9F, which are control codes in Latin-1 and letters and punctuation such as `’ œ €`
 * in Windows-1252). Refused: empty input, more than {@link MAX_INPUT_BYTES}, NUL bytes (binary
 * data, or UTF-16 without a byte-order mark), PDF, and text full of control characters.
 */
import { open, stat } from 'node:fs/promises';

/** Largest input read, in bytes: the same cap as the corpus loader's. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** Why an input was refused. Stable: tests and callers match on it. */
export type DecodeErrorCode = 'empty' | 'too-large' | 'binary' | 'utf-16-without-bom' | 'pdf' | 'undecodable' | 'unreadable';

/** An input that cannot be read as text. The message names the input and is meant for the user. */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  constructor(
    readonly code: DecodeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The encoding an input was read in. */
export type InputEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'latin-1';

/** Text of an input and the encoding it was read in. */
export interface DecodedInput {
  /** The text, without byte-order mark. Not NFC-normalised: cleaning does that. */
  readonly text: string;
  readonly encoding: InputEncoding;
}

/** Bytes 0x80–0x9F that Windows-1252 leaves undefined: a text holding one is not Windows-1252. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Control characters that plain text never holds (tab, line feed, form feed, carriage return are fine). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/gu;

/** Share of control characters above which a "text" is taken for binary data. */
const MAX_CONTROL_SHARE = 0.001;

/**
 * Decodes the bytes of one input.
 *
 * @param file names the input in messages (a path, `standard input`, a URL).
 * @throws {DecodeError} when the input is empty, too large, binary or undecodable.
 * @example decodeInput(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'a.txt') === 'café' // Windows-1252
 */
export function decodeInput(bytes: Uint8Array, file: string): string {
  return decodeInputWithEncoding(bytes, file).text;
}

/** {@link decodeInput}, also saying which encoding was detected (for the command to report it). */
export function decodeInputWithEncoding(bytes: Uint8Array, file: string): DecodedInput {
  if (bytes.length > MAX_INPUT_BYTES) throw new DecodeError('too-large', `${file}: ${bytes.length} bytes, more than the ${MAX_INPUT_BYTES} allowed`);
  const bom = byteOrderMark(bytes);
  const decoded = bom ? { text: new TextDecoder(bom.encoding, { fatal: true, ignoreBOM: false }).decode(bytes), encoding: bom.encoding } : decodeWithoutBom(bytes, file);
  if (decoded.text.trim() === '') throw new DecodeError('empty', `${file}: empty (no text to ingest)`);
  const controls = decoded.text.match(CONTROL)?.length ?? 0;
  if (controls > decoded.text.length * MAX_CONTROL_SHARE) {
    throw new DecodeError('undecodable', `${file}: not text (${controls} control characters when read as ${decoded.encoding}); save it as UTF-8 text or HTML`);
  }
  return decoded;
}

function byteOrderMark(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be' };
  return undefined;
}

function decodeWithoutBom(bytes: Uint8Array, file: string): DecodedInput {
  if (bytes.length === 0) throw new DecodeError('empty', `${file}: empty (no text to ingest)`);
  if (startsWith(bytes, '%PDF-')) throw new DecodeError('pdf', `${file}: a PDF document, not text; copy its text into a .txt file`);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    // ASCII text in UTF-16 has a NUL in every other byte; other binary data has them anywhere.
    if (looksLikeUtf16(bytes)) throw new DecodeError('utf-16-without-bom', `${file}: looks like UTF-16 without a byte-order mark; save it as UTF-8`);
    throw new DecodeError('binary', `${file}: binary data (NUL byte at offset ${nul}), not text`);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return decodeSingleByte(bytes, file);
  }
}

/**
 * Not UTF-8: Windows-1252 or Latin-1. Without any byte in 0x80–0x9F the two read the same and
 * the text is reported as Latin-1; with some, they are Windows-1252's letters and punctuation
 * (Latin-1 has only control codes there), unless one is undefined in Windows-1252 too.
 */
function decodeSingleByte(bytes: Uint8Array, file: string): DecodedInput {
  const undefinedAt = bytes.findIndex((b) => UNDEFINED_IN_1252.has(b));
  if (undefinedAt !== -1) {
    const byte = (bytes[undefinedAt] ?? 0).toString(16).toUpperCase();
    throw new DecodeError('undecodable', `${file}: neither UTF-8 nor Windows-1252 nor Latin-1 (byte 0x${byte} at offset ${undefinedAt}); save it as UTF-8`);
  }
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? b) : b);
  return { text, encoding: bytes.some((b) => b >= 0x80 && b <= 0x9f) ? 'windows-1252' : 'latin-1' };
}

/**
 * What Windows-1252 puts at 0x80–0x9F (undefined bytes map to themselves; they are refused
 * earlier). Written out because Node 20's `TextDecoder('windows-1252')` decodes those bytes as
 * Latin-1 control codes.
 */
const CP1252_HIGH: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  return [...ascii].every((c, i) => bytes[i] === c.charCodeAt(0));
}

/** At least 40% of the even or of the odd bytes of the first 1 000 are NUL. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 1000);
  let even = 0;
  let odd = 0;
  sample.forEach((b, i) => {
    if (b !== 0) return;
    if (i % 2 === 0) even++;
    else odd++;
  });
  const half = sample.length / 2;
  return even >= half * 0.4 || odd >= half * 0.4;
}

/**
 * Reads and decodes one input file, refusing a file over {@link MAX_INPUT_BYTES} by its size,
 * before reading it.
 *
 * @throws {DecodeError} as {@link decodeInput}, or `unreadable` when the file cannot be read.
 */
export async function readInputFile(file: string): Promise<DecodedInput> {
  let handle;
  try {
    const { size } = await stat(file);
    if (size > MAX_INPUT_BYTES) throw new DecodeError('too-large', `${file}: ${size} bytes, more than the ${MAX_INPUT_BYTES} allowed; refusing to read it`);
    handle = await open(file, 'r');
    return decodeInputWithEncoding(await handle.readFile(), file);
  } catch (error) {
    if (error instanceof DecodeError) throw error;
    throw new DecodeError('unreadable', `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  } finally {
    await handle?.close();
  }
}
