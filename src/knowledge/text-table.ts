/**
 * Many strings in one UTF-8 buffer, with where each starts: saved and loaded as two arrays, and
 * decoded one string at a time when read. Paragraph texts and per-paragraph facts of a large
 * corpus are read a few at a time, so decoding them all at start-up would only cost time and
 * memory (a JavaScript string of French text takes twice its UTF-8 size).
 */
import { Buffer } from 'node:buffer';

/** A {@link TextTable}'s two arrays as plain data, to send to another thread (a class does not survive structured cloning). */
export interface TableData {
  readonly bytes: Uint8Array;
  readonly offsets: Uint32Array;
}

/** A read-only list of strings stored as UTF-8. */
export class TextTable {
  private readonly view: Buffer;

  constructor(
    /** Every string's UTF-8 bytes, one after the other. */
    readonly bytes: Uint8Array,
    /** Where string `i` starts in `bytes`; it ends where `i + 1` starts (one more offset than strings). */
    readonly offsets: Uint32Array,
  ) {
    if (offsets.length === 0 || offsets[offsets.length - 1] !== bytes.length) throw new Error('recoupe: text table offsets do not end with its bytes');
    this.view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Encodes a list of strings. */
  static of(texts: readonly string[]): TextTable {
    const offsets = new Uint32Array(texts.length + 1);
    let total = 0;
    texts.forEach((text, i) => {
      total += Buffer.byteLength(text, 'utf8');
      offsets[i + 1] = total;
    });
    const bytes = Buffer.allocUnsafe(total);
    texts.forEach((text, i) => bytes.write(text, offsets[i] as number, 'utf8'));
    return new TextTable(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), offsets);
  }

  /** The table sent as {@link data} from another thread. */
  static fromData({ bytes, offsets }: TableData): TextTable {
    return new TextTable(bytes, offsets);
  }

  /** Its two arrays, to send to another thread ({@link fromData} there). */
  data(): TableData {
    return { bytes: this.bytes, offsets: this.offsets };
  }

  /** The strings of several tables, one table after the other. */
  static concat(tables: readonly TextTable[]): TextTable {
    const count = tables.reduce((n, t) => n + t.length, 0);
    const bytes = new Uint8Array(tables.reduce((n, t) => n + t.bytes.length, 0));
    const offsets = new Uint32Array(count + 1);
    let strings = 0;
    let at = 0;
    for (const table of tables) {
      bytes.set(table.bytes, at);
      for (let i = 1; i <= table.length; i++) offsets[strings + i] = (table.offsets[i] as number) + at;
      strings += table.length;
      at += table.bytes.length;
    }
    return new TextTable(bytes, offsets);
  }

  /** Number of strings. */
  get length(): number {
    return this.offsets.length - 1;
  }

  /** String `i`, decoded now. */
  get(i: number): string {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`recoupe: no string ${i} in a table of ${this.length}`);
    return this.view.toString('utf8', this.offsets[i], this.offsets[i + 1]);
  }
}
