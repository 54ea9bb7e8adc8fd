/**
 * One file holding JSON and typed arrays: a small JSON header, then each array's raw bytes,
 * aligned so that loading is a view over the file's bytes rather than a parse. The start-up cache
 * is written this way: at 100 000 paragraphs its arrays are most of 200 MB, which JSON took
 * seconds to parse and this loads in the time it takes to read the file.
 *
 * Layout: `RECOUPE\0` · header length (uint32, little-endian) · header JSON (UTF-8) · padding to
 * 8 bytes · arrays, each padded to 8 bytes. The header says each array's type, offset and length.
 * The arrays are in this machine's byte order, which is fine for a cache that never leaves it.
 * The header also holds a CRC-32 of everything after it: a flipped byte in an array would not
 * break any length check, only the answers, so it is checked on every read (80 ms for 220 MB).
 */
import { Buffer } from 'node:buffer';
import { crc32 } from 'node:zlib';

/** Array types a container holds. */
export type StoredArray = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array;

const CONSTRUCTORS = { Int32Array, Uint32Array, Uint16Array, Uint8Array, Float64Array } as const;
type ArrayType = keyof typeof CONSTRUCTORS;

/** What a container holds: any JSON, and named typed arrays. */
export interface ContainerContent {
  readonly json: unknown;
  readonly arrays: Readonly<Record<string, StoredArray>>;
}

const MAGIC: Buffer = Buffer.from('RECOUPE\u0000', 'latin1');
const ALIGN = 8;

interface ArrayEntry {
  readonly type: ArrayType;
  readonly offset: number;
  readonly length: number;
}

const padded = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

function typeOf(array: StoredArray): ArrayType {
  const name = array.constructor.name;
  if (!(name in CONSTRUCTORS)) throw new Error(`recoupe: cannot store a ${name}`);
  return name as ArrayType;
}

/** The container's bytes, as chunks to write one after the other. */
export function encodeContainer(content: ContainerContent): Buffer[] {
  const entries: Record<string, ArrayEntry> = {};
  let offset = 0;
  for (const [name, array] of Object.entries(content.arrays)) {
    entries[name] = { type: typeOf(array), offset, length: array.length };
    offset += padded(array.byteLength);
  }
  const body: Buffer[] = [];
  let crc = 0;
  for (const array of Object.values(content.arrays)) {
    const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    const padding = Buffer.alloc(padded(array.byteLength) - array.byteLength);
    // Node's crc32 forgets the running value on a view of an empty ArrayBuffer: skip empty parts.
    if (bytes.length > 0) crc = crc32(bytes, crc);
    if (padding.length > 0) crc = crc32(padding, crc);
    body.push(bytes, padding);
  }
  const header = Buffer.from(JSON.stringify({ json: content.json, arrays: entries, crc }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const start = MAGIC.length + 4 + header.length;
  return [MAGIC, length, header, Buffer.alloc(padded(start) - start), ...body];
}

/**
 * Reads a container's content; arrays are views over `bytes` (copied only when the buffer is not
 * aligned). Throws on anything that is not a whole container.
 */
export function decodeContainer(bytes: Buffer): ContainerContent {
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a recoupe container');
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  const headerStart = MAGIC.length + 4;
  if (headerStart + headerLength > bytes.length) throw new Error('container header is truncated');
  const header = JSON.parse(bytes.toString('utf8', headerStart, headerStart + headerLength)) as { json: unknown; arrays: Record<string, ArrayEntry>; crc: number };
  const base = padded(headerStart + headerLength);
  if (base > bytes.length || crc32(bytes.subarray(base)) !== header.crc) throw new Error('container checksum does not match its content');
  const aligned = bytes.byteOffset % ALIGN === 0 ? bytes : Buffer.from(bytes);
  const arrays: Record<string, StoredArray> = {};
  for (const [name, entry] of Object.entries(header.arrays ?? {})) {
    const Type = CONSTRUCTORS[entry.type];
    if (!Type || !Number.isInteger(entry.offset) || !Number.isInteger(entry.length) || entry.offset < 0 || entry.length < 0) throw new Error(`container array ${name} is malformed`);
    const start = base + entry.offset;
    if (start + entry.length * Type.BYTES_PER_ELEMENT > aligned.length) throw new Error(`container array ${name} is truncated`);
    arrays[name] = new Type(aligned.buffer as ArrayBuffer, aligned.byteOffset + start, entry.length);
  }
  return { json: header.json, arrays };
}
