/**
 * The words of `/wording` in both languages: every catalogue entry said in French and English,
 * the outlet lines stated as wording ("AFP writes «…» (n×)"), the empty cases said plainly.
 */
import { describe, expect, it } from 'vitest';
import type { Excerpt } from '../../src/answers/types.js';
import type { WordingAnswer, WordingReferent } from '../../src/answers/wording-types.js';
import { wordingLines } from '../../src/render/wording-text.js';
import { outletWordingLine, referentHeading, wordingEmptyLine, wordingWords } from '../../src/render/wording-words.js';

const excerpt = (text: string, paragraph: number): Excerpt => ({
  citation: { sourceId: 'afp', outlet: 'AFP', outletName: 'Agence France-Presse', articleId: 'a', title: 'T', published: '2025-06-17', paragraph },
  text,
  start: 0,
  end: text.length,
  cutStart: false,
  cutEnd: false,
  highlights: [],
  matched: [],
  score: 0,
});

const referent: WordingReferent = {
  anchor: 'figure',
  label: 'Cinq mille',
  value: 5000,
  outlets: [
    { outlet: 'AFP', sourceId: 'afp', state: 'found', phrases: [{ text: 'ouvriers', count: 2, excerpt: excerpt('des ouvriers de l’armée', 1) }] },
    { outlet: 'RT', sourceId: 'rt-fr', state: 'none', phrases: [] },
    { outlet: 'OPF', sourceId: 'opf', state: 'title-only', phrases: [] },
  ],
};

const answer = (referents: WordingReferent[], outlets = 2): WordingAnswer => ({
  kind: 'wording',
  topic: 'Koursk',
  outlets: [
    { sourceId: 'afp', outlet: 'AFP', outletName: 'Agence France-Presse', color: '#1F5FAD', articles: 1, articleIds: ['a'] },
    { sourceId: 'rt-fr', outlet: 'RT', outletName: 'RT en français', color: '#6AA84F', articles: 2, articleIds: ['b', 'c'] },
  ].slice(0, outlets),
  referents,
});

describe('GIVEN the words of /wording', () => {
  it('WHEN an outlet uses phrases THEN it is said what it writes and how often, in both languages', () => {
    expect(outletWordingLine(referent.outlets[0] as never, 'en')).toBe('AFP writes “ouvriers” (2×)');
    expect(outletWordingLine(referent.outlets[0] as never, 'fr')).toBe('AFP écrit « ouvriers » (2×)');
  });

  it('WHEN an outlet uses none THEN "no wording found for it" is said, and a title-only use is told apart', () => {
    expect(outletWordingLine(referent.outlets[1] as never, 'en')).toBe('RT: no wording found for it');
    expect(outletWordingLine(referent.outlets[1] as never, 'fr')).toBe('RT : aucun terme trouvé pour cela');
    expect(outletWordingLine(referent.outlets[2] as never, 'en')).toBe('OPF: only in a title');
    expect(outletWordingLine(referent.outlets[2] as never, 'fr')).toBe('OPF : seulement dans un titre');
  });

  it('WHEN a referent is headed THEN each anchor reads in both languages, figures in the reader’s digits', () => {
    expect(referentHeading(referent, 'en')).toBe('The figure 5,000');
    expect(referentHeading(referent, 'fr')).toMatch(/^Le chiffre 5\s000$/u);
    for (const anchor of ['name', 'qualifier', 'quote', 'sentence'] as const) {
      const r = { ...referent, anchor, label: 'Koursk' };
      expect(referentHeading(r, 'en')).toContain('Koursk');
      expect(referentHeading(r, 'fr')).toContain('Koursk');
      expect(referentHeading(r, 'fr')).not.toBe(referentHeading(r, 'en'));
    }
  });

  it('WHEN the lines are rendered THEN the articles read, each referent, each excerpt with its paragraph come, in both languages', () => {
    const en = wordingLines(answer([referent]), 'en').join('\n');
    const fr = wordingLines(answer([referent]), 'fr').join('\n');
    expect(en).toContain('Articles read: AFP: 1 article, RT: 2 articles');
    expect(fr).toMatch(/Articles lus\s:\sAFP\s:\s1 article, RT\s:\s2 articles/u);
    expect(en).toContain('« des ouvriers de l’armée »');
    expect(en).toContain('¶1');
    expect(fr).toContain(wordingWords('fr').counted);
  });

  it('WHEN one outlet covers the topic, or nothing differs THEN it is said plainly', () => {
    expect(wordingEmptyLine(answer([], 1), 'en')).toMatch(/^Only AFP has articles/u);
    expect(wordingEmptyLine(answer([], 1), 'fr')).toMatch(/^Seul AFP a des articles/u);
    expect(wordingEmptyLine(answer([]), 'en')).toBe(wordingWords('en').noReferent);
    expect(wordingEmptyLine(answer([referent]), 'fr')).toBeUndefined();
  });

  it('WHEN both catalogues are compared THEN every entry has its two languages, different', () => {
    const en = wordingWords('en');
    const fr = wordingWords('fr');
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    expect(fr.counted).not.toBe(en.counted);
  });
});
