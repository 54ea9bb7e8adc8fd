import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/corpus/types.js';
import { readDate, readOutlet, uniqueArticleId } from '../../src/moderation/details.js';
import { checkNewSource } from '../../src/moderation/new-source.js';
import { ModerationError } from '../../src/moderation/types.js';

const sources: Source[] = [
  { id: 'afp', name: 'Agence France-Presse', short: 'AFP', kind: 'wire agency', ownership: 'public', color: '#005DAA' },
  { id: 'courrier', name: 'Le Courrier de Valbrume', short: 'Courrier', kind: 'daily', ownership: 'private', color: '#C0392B' },
];

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof ModerationError ? `${error.code}: ${error.detail ?? ''}` : `other: ${String(error)}`;
  }
  return 'no error';
};

describe('readDate', () => {
  it('takes an ISO day as it is', () => expect(readDate(' 2025-06-17 ', '2026-12-03')).toBe('2025-06-17'));
  it('reads a French or English date as written', () => {
    expect(readDate('17 juin 2025', '2026-12-03')).toBe('2025-06-17');
    expect(readDate('le 1er mars 2024', '2026-12-03')).toBe('2024-03-01');
    expect(readDate('June 17, 2025', '2026-12-03')).toBe('2025-06-17');
  });
  it('refuses what does not name one whole day', () => {
    expect(codeOf(() => readDate('2025-02-30', '2026-12-03'))).toBe('bad-date: 2025-02-30');
    expect(codeOf(() => readDate('juin 2025', '2026-12-03'))).toMatch(/^bad-date/);
    expect(codeOf(() => readDate('mardi', '2026-12-03'))).toMatch(/^bad-date/);
    expect(codeOf(() => readDate('n’importe quoi', '2026-12-03'))).toMatch(/^bad-date/);
  });
});

describe('readOutlet', () => {
  it('finds an outlet by id, short name or full name', () => {
    expect(readOutlet('afp', sources).id).toBe('afp');
    expect(readOutlet('Courrier', sources).id).toBe('courrier');
    expect(readOutlet('le courrier de valbrume', sources).id).toBe('courrier');
  });
  it('names the known outlets when it finds none', () => {
    expect(codeOf(() => readOutlet('Reuters', sources))).toBe('unknown-outlet: Reuters (known: AFP, Courrier)');
  });
});

describe('uniqueArticleId', () => {
  it('names an article as the ingest does, with a number when the id is taken', () => {
    const taken = new Set(['2025-06-17-afp-visite-a-valbrume', '2025-06-17-afp-visite-a-valbrume-2']);
    expect(uniqueArticleId('2025-06-17', 'afp', 'Visite à Valbrume', () => false)).toBe('2025-06-17-afp-visite-a-valbrume');
    expect(uniqueArticleId('2025-06-17', 'afp', 'Visite à Valbrume', (id) => taken.has(id))).toBe('2025-06-17-afp-visite-a-valbrume-3');
  });
});

describe('checkNewSource', () => {
  const fields = { name: 'Radio Valbrume', short: 'RV', kind: 'radio station', ownership: 'municipal', color: '#1a2b3c', url: 'https://radio.valbrume.example' };
  it('makes an outlet with an id from its short name and an upper-case colour', () => {
    expect(checkNewSource(fields, sources)).toEqual({ id: 'rv', name: 'Radio Valbrume', short: 'RV', kind: 'radio station', ownership: 'municipal', color: '#1A2B3C', url: 'https://radio.valbrume.example' });
  });
  it('accepts a colour without its #, and no home page', () => {
    expect(checkNewSource({ ...fields, color: '00ff00', url: '  ' }, sources)).toEqual({ id: 'rv', name: 'Radio Valbrume', short: 'RV', kind: 'radio station', ownership: 'municipal', color: '#00FF00' });
  });
  it('names the field that is wrong', () => {
    expect(codeOf(() => checkNewSource({ ...fields, name: ' ' }, sources))).toBe('bad-source: name: empty');
    expect(codeOf(() => checkNewSource({ ...fields, color: 'red' }, sources))).toBe('bad-source: colour: expected #RRGGBB');
    expect(codeOf(() => checkNewSource({ ...fields, url: 'javascript:alert(1)' }, sources))).toBe('bad-source: home page: expected an http(s) address');
    expect(codeOf(() => checkNewSource({ ...fields, short: '---', name: '***' }, sources))).toBe('bad-source: short: needs letters or digits');
    expect(codeOf(() => checkNewSource({ ...fields, ownership: 'x'.repeat(301) }, sources))).toBe('bad-source: ownership: longer than 300 characters');
  });
  it('refuses an outlet the server already sees, by id, short name or name', () => {
    expect(codeOf(() => checkNewSource({ ...fields, short: 'afp' }, sources))).toBe('source-exists: AFP (Agence France-Presse)');
    expect(codeOf(() => checkNewSource({ ...fields, name: 'le courrier de valbrume', short: 'LCV' }, sources))).toBe('source-exists: Courrier (Le Courrier de Valbrume)');
  });
});
