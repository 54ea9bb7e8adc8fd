/**
 * One file holding JSON and typed arrays: a small JSON header, then each array's raw bytes,
 * aligned so that loading is a view over the file's bytes rather than a parse. The start-up cache
 * is written this way: at 100 000 paragraphs its arrays are most of its 170 MB, which JSON took
 * seconds to parse and this loads in the time it takes to read the file.
 *
 * Layout: `RECOUPE\0` · header length · CRC-32 of everything after it (both uint32, little-endian)
 * · header JSON (UTF-8) · padding to 8 bytes · arrays, each padded to 8 bytes. The header says
 * each array's type, offset and length. The arrays are in this machine's byte order, which is
 * fine for a cache that never leaves it. A flipped byte would break no length check, only the
 * answers, so the CRC is checked on every read (about 0.1 s for 220 MB on the 2-core
 * development machine).
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

/** Bytes before the header: magic, header length, CRC. */
const PREAMBLE = MAGIC.length + 8;

/** The container's bytes, as chunks to write one after the other. */
export function encodeContainer(content: ContainerContent): Buffer[] {
  const entries: Record<string, ArrayEntry> = {};
  let offset = 0;
  for (const [name, array] of Object.entries(content.arrays)) {
    entries[name] = { type: typeOf(array), offset, length: array.length };
    offset += padded(array.byteLength);
  }
  const header = Buffer.from(JSON.stringify({ json: content.json, arrays: entries }), 'utf8');
  const chunks: Buffer[] = [header, Buffer.alloc(padded(PREAMBLE + header.length) - PREAMBLE - header.length)];
  for (const array of Object.values(content.arrays)) {
    chunks.push(Buffer.from(array.buffer, array.byteOffset, array.byteLength), Buffer.alloc(padded(array.byteLength) - array.byteLength));
  }
  let crc = 0;
  // Node's crc32 forgets the running value on a view of an empty ArrayBuffer: skip empty parts.
  for (const chunk of chunks) if (chunk.length > 0) crc = crc32(chunk, crc);
  const preamble = Buffer.alloc(8);
  preamble.writeUInt32LE(header.length, 0);
  preamble.writeUInt32LE(crc, 4);
  return [MAGIC, preamble, ...chunks];
}

/**
 * Reads a container's content; arrays are views over `bytes` (copied only when the buffer is not
 * aligned). Throws on anything that is not a whole container.
 */
export function decodeContainer(bytes: Buffer): ContainerContent {
  if (bytes.length < PREAMBLE || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a recoupe container');
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  if (crc32(bytes.subarray(PREAMBLE)) !== bytes.readUInt32LE(MAGIC.length + 4)) throw new Error('container checksum does not match its content');
  const headerStart = PREAMBLE;
  if (headerStart + headerLength > bytes.length) throw new Error('container header is truncated');
  const header = JSON.parse(bytes.toString('utf8', headerStart, headerStart + headerLength)) as { json: unknown; arrays: Record<string, ArrayEntry> };
  const base = padded(headerStart + headerLength);
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
