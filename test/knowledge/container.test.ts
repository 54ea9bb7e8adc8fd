/** The cache's file format: JSON and typed arrays in, the same out; damage is refused, never read. */
import fc from 'fast-check';
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { decodeContainer, encodeContainer } from '../../src/knowledge/container.js';
import { TextTable } from '../../src/knowledge/text-table.js';

const bytesOf = (chunks: Buffer[]) => Buffer.concat(chunks);

describe('GIVEN a container of JSON and typed arrays', () => {
  const content = {
    json: { key: 'k', words: ['armée', 'Kiev'], nested: { n: 1 } },
    arrays: { a: Int32Array.of(-1, 2, 3), b: Uint16Array.of(7), c: Uint8Array.of(1, 2, 3, 4, 5), d: Float64Array.of(0.5), e: new Uint32Array(0) },
  };

  it('WHEN it is written and read back THEN the JSON and every array come back equal, with their types', () => {
    const back = decodeContainer(bytesOf(encodeContainer(content)));
    expect(back.json).toEqual(content.json);
    for (const [name, array] of Object.entries(content.arrays)) {
      expect(back.arrays[name]).toBeInstanceOf(array.constructor);
      expect([...(back.arrays[name] as Int32Array)]).toEqual([...array]);
    }
  });

  it('WHEN the buffer starts at an odd offset THEN the arrays are still read right', () => {
    const bytes = bytesOf(encodeContainer(content));
    const shifted = Buffer.concat([Buffer.alloc(1), bytes]).subarray(1);
    expect([...(decodeContainer(shifted).arrays.a as Int32Array)]).toEqual([-1, 2, 3]);
  });

  it('WHEN any byte is flipped or the file is cut (fast-check) THEN reading throws', () => {
    const bytes = bytesOf(encodeContainer(content));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), fc.boolean(), (at, flip, cut) => {
        const damaged = Buffer.from(bytes);
        if (cut) expect(() => decodeContainer(damaged.subarray(0, at))).toThrow();
        else {
          damaged[at] = (damaged[at] as number) ^ flip;
          expect(() => decodeContainer(damaged)).toThrow();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('WHEN the bytes are not a container THEN reading says so', () => {
    expect(() => decodeContainer(Buffer.from('{"key":"k"}'))).toThrow(/not a recoupe container/);
    expect(() => decodeContainer(Buffer.alloc(0))).toThrow();
  });
});

describe('GIVEN strings in a text table', () => {
  it('WHEN any strings are stored (fast-check) THEN each reads back exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 20 }), (texts) => {
        const table = TextTable.of(texts);
        expect(table.length).toBe(texts.length);
        texts.forEach((t, i) => expect(table.get(i)).toBe(t));
      }),
      { numRuns: 200 },
    );
  });

  it('WHEN a string out of range is asked for THEN it throws rather than reading garbage', () => {
    const table = TextTable.of(['Poutine', 'Choïgou']);
    expect(() => table.get(2)).toThrow(RangeError);
    expect(() => new TextTable(table.bytes, Uint32Array.of(0, 3))).toThrow(/offsets/);
  });
});
