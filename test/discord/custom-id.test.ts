/**
 * Button ids: what a button needs after a restart, within 100 characters, and nothing we did not write.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/commands/table.js';
import { carries, decodeButton, encodeButton, fitsCustomId, shortHash, type ButtonAction } from '../../src/discord/custom-id.js';
import { COMPONENT } from '../../src/discord/limits.js';

const text = fc.string({ unit: 'grapheme', maxLength: 320 });
const action: fc.Arbitrary<ButtonAction> = fc.oneof(
  fc.record({
    kind: fc.constant('more' as const),
    command: fc.constantFrom(...COMMAND_NAMES),
    page: fc.nat({ max: 999 }),
    locale: fc.constantFrom('en' as const, 'fr' as const),
    query: text.map((t) => ({ text: t })),
  }),
  fc.record({
    kind: fc.constant('export' as const),
    command: fc.constantFrom(...COMMAND_NAMES),
    locale: fc.constantFrom('en' as const, 'fr' as const),
    query: text.map((t) => ({ text: t })),
  }),
  fc.record({ kind: fc.constant('vote' as const), up: fc.boolean(), command: fc.constantFrom(...COMMAND_NAMES), query: text.map((t) => ({ text: t })) }),
  fc.record({ kind: fc.constant('paragraph' as const), article: text.map((t) => ({ text: t })), paragraph: fc.integer({ min: 1, max: 99_999 }) }),
  fc
    .record({
      kind: fc.constant('citation' as const),
      article: text.map((t) => ({ text: t })),
      paragraph: fc.integer({ min: 1, max: 99_999 }),
      start: fc.nat({ max: 99_999 }),
      length: fc.integer({ min: 1, max: 99_999 }),
      cutStart: fc.boolean(),
      cutEnd: fc.boolean(),
    })
    .map(({ length, ...a }) => ({ ...a, end: Math.min(a.start + length, 999_999) })),
);

describe('GIVEN any button action, with any text (accents, emoji, colons, 300 characters)', () => {
  it('WHEN encoded THEN the id fits in 100 UTF-8 bytes (so in 100 characters, however Discord counts)', () => {
    fc.assert(
      fc.property(action, (a) => {
        const id = encodeButton(a);
        expect(Buffer.byteLength(id)).toBeLessThanOrEqual(COMPONENT.CUSTOM_ID_MAX);
        expect(id.length).toBeLessThanOrEqual(COMPONENT.CUSTOM_ID_MAX);
      }),
      { numRuns: 500 },
    );
  });

  it('WHEN decoded THEN it gives the action back, its text in full or by a hash that matches it', () => {
    fc.assert(
      fc.property(action, (a) => {
        const back = decodeButton(encodeButton(a));
        expect(back).toBeDefined();
        if (!back) return;
        const carried = 'query' in a ? a.query : a.article;
        const got = back.kind !== a.kind ? undefined : 'query' in back ? back.query : back.article;
        expect(got && 'text' in carried && carries(got, carried.text)).toBe(true);
        const { query: _q, article: _a, ...rest } = { query: undefined, article: undefined, ...a };
        const { query: _q2, article: _a2, ...restBack } = { query: undefined, article: undefined, ...back };
        expect(restBack).toEqual(rest);
      }),
      { numRuns: 500 },
    );
  });
});

describe('GIVEN concrete ids', () => {
  it('WHEN a short query is encoded THEN it travels in full and reads as documented', () => {
    expect(encodeButton({ kind: 'more', command: 'ask', page: 2, locale: 'fr', query: { text: "Qui a annoncé l'envoi ?" } })).toBe("m1:ask:2:fr:=Qui a annoncé l'envoi ?");
    expect(encodeButton({ kind: 'paragraph', article: { text: '2025-06-17-afp-sapeurs' }, paragraph: 3 })).toBe('p1:3:=2025-06-17-afp-sapeurs');
    expect(encodeButton({ kind: 'citation', article: { text: 'a' }, paragraph: 3, start: 0, end: 120, cutStart: false, cutEnd: true })).toBe('c1:3:0:120:2:=a');
    expect(encodeButton({ kind: 'export', command: 'compare', locale: 'en', query: { text: 'sapeurs' } })).toBe('x1:compare:en:=sapeurs');
    expect(encodeButton({ kind: 'vote', up: false, command: 'ask', query: { text: "Qui a annoncé l'envoi ?" } })).toBe("v1:d:ask:=Qui a annoncé l'envoi ?");
  });

  it('WHEN a query is too long for the id THEN only its hash travels', () => {
    const query = 'q'.repeat(300);
    expect(encodeButton({ kind: 'more', command: 'cite', page: 1, locale: 'en', query: { text: query } })).toBe(`m1:cite:1:en:#${shortHash(query)}`);
  });

  it('WHEN ids we never wrote are decoded THEN they are refused', () => {
    for (const id of ['', 'x', 'm1:ask', 'm1:nope:1:en:=q', 'm1:ask:x:en:=q', 'm1:ask:1:de:=q', 'm2:ask:1:en:=q', 'p1:0:=a', 'p1:3:a', 'c1:3:9:2:0:=a', 'c1:3:0:9:7:=a', 'p1:3:#short', 'x1:compare:=q', 'x1:nope:en:=q', 'x1:ask:de:=q', 'x1:ask:en:q', 'v1:x:ask:=q', 'v1:u:nope:=q', 'v1:u:ask']) {
      expect(decodeButton(id), id).toBeUndefined();
    }
  });

  it('WHEN a text has colons THEN they survive (the carried text is last)', () => {
    expect(decodeButton('p1:3:=a:b:c')).toEqual({ kind: 'paragraph', article: { text: 'a:b:c' }, paragraph: 3 });
  });

  it('WHEN checking fits THEN multi-byte characters count by their bytes', () => {
    expect(fitsCustomId('é'.repeat(50))).toBe(true);
    expect(fitsCustomId('é'.repeat(51))).toBe(false);
  });
});
