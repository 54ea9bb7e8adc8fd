/** The moderators' custom ids: each decodes to what it encoded, within 100 bytes, and nothing else decodes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeButton, shortHash } from '../../../src/discord/custom-id.js';
import { articleNamed, decodeModerationButton, decodeModerationModal, encodeModerationButton, encodeModerationModal, type ModerationButton } from '../../../src/discord/moderation/custom-ids.js';

const DRAFT = '0b6c5f1e-6a0e-4d6e-9f59-3b1c2d4e5f60';
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('GIVEN a moderator’s button', () => {
  it('WHEN encoded THEN it reads back, and the grammar is as documented', () => {
    const cases: Array<[ModerationButton, string]> = [
      [{ kind: 'publish', draftId: DRAFT }, `dp1:${DRAFT}`],
      [{ kind: 'edit', draftId: DRAFT }, `de1:${DRAFT}`],
      [{ kind: 'cancel', draftId: DRAFT }, `dc1:${DRAFT}`],
      [{ kind: 'remove', article: { text: '2025-06-18-afp-koursk' } }, 'ar1:=2025-06-18-afp-koursk'],
      [{ kind: 'keep', article: { text: '2025-06-18-afp-koursk' } }, 'ak1:=2025-06-18-afp-koursk'],
      [{ kind: 'list-page', page: 2 }, 'al1:2'],
    ];
    for (const [button, id] of cases) {
      expect(encodeModerationButton(button)).toBe(id);
      expect(decodeModerationButton(id)).toEqual(button);
    }
  });

  it('WHEN an article id does not fit THEN it travels as a hash, found again among the server’s ids', () => {
    const long = `2025-06-18-afp-${'très-long-titre-'.repeat(8)}`;
    const id = encodeModerationButton({ kind: 'remove', article: { text: long } });
    expect(bytes(id)).toBeLessThanOrEqual(100);
    const decoded = decodeModerationButton(id);
    expect(decoded).toEqual({ kind: 'remove', article: { hash: shortHash(long) } });
    expect(articleNamed((decoded as { article: { hash: string } }).article, ['autre', long])).toBe(long);
    expect(articleNamed({ text: 'absent' }, ['autre', long])).toBeUndefined();
  });

  it('WHEN any article id is encoded THEN the custom id fits in 100 bytes and reads back to it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), (article) => {
        const id = encodeModerationButton({ kind: 'keep', article: { text: article } });
        expect(bytes(id)).toBeLessThanOrEqual(100);
        const decoded = decodeModerationButton(id);
        expect(decoded?.kind).toBe('keep');
        expect(articleNamed((decoded as { article: { text: string } | { hash: string } }).article, [article])).toBe(article);
      }),
    );
  });

  it('WHEN the id is an answer’s button, another format, or malformed THEN it is not a moderator’s (and vice versa)', () => {
    for (const id of ['m1:ask:1:fr:=Qui ?', 'p1:3:=a', 'c1:3:0:10:0:=a', 'dp2:abc', 'dp1:', 'dp1:a b', 'dp1:../x', 'ar1:a', 'ar1:=', 'al1:x', 'al1:12345', 'mp1', 'x']) expect([id, decodeModerationButton(id)]).toEqual([id, undefined]);
    for (const id of [`dp1:${DRAFT}`, 'ar1:=a', 'al1:0']) expect(decodeButton(id)).toBeUndefined();
  });
});

describe('GIVEN a moderator’s form', () => {
  it('WHEN encoded THEN it reads back; the colour travels without its #', () => {
    expect(encodeModerationModal({ kind: 'paste' })).toBe('mp1');
    expect(encodeModerationModal({ kind: 'edit', draftId: DRAFT })).toBe(`me1:${DRAFT}`);
    expect(encodeModerationModal({ kind: 'source', color: '#c0392b' })).toBe('ms1:C0392B');
    for (const m of [{ kind: 'paste' }, { kind: 'edit', draftId: DRAFT }, { kind: 'source', color: '#C0392B' }] as const) expect(decodeModerationModal(encodeModerationModal(m))).toEqual(m);
  });

  it('WHEN the id is not one of ours THEN undefined', () => {
    for (const id of ['mp2', 'mp1:x', 'me1', 'me1:', 'me1:a b', 'ms1:C0392', 'ms1:GGGGGG', 'ms1C0392B', 'dp1:abc']) expect([id, decodeModerationModal(id)]).toEqual([id, undefined]);
  });
});
