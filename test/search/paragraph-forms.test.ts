/**
 * The index's secondary forms (words as written, word beginnings): they rank, they never match
 * on their own.
 */
import { describe, expect, it } from 'vitest';
import type { Article, Corpus } from '../../src/corpus/types.js';
import { ParagraphIndex } from '../../src/search/paragraph-index.js';
import { queryForms, queryTerms } from '../../src/text/analyser.js';

const SOURCE = { id: 'afp', name: 'Agence France-Presse', short: 'AFP', kind: 'wire agency', ownership: 'public', color: '#000000' };

function corpusOf(...texts: string[]): Corpus {
  const article: Article = {
    id: 'a',
    source: 'afp',
    title: 'Artisanat',
    published: '2025-01-01',
    language: 'fr',
    file: 'articles/a.md',
    paragraphs: texts.map((text, i) => ({ n: i + 1, text })),
  };
  return { sources: [SOURCE], articles: [article], aliases: [] };
}

const search = (index: ParagraphIndex, question: string) => index.search(queryTerms(question), { forms: queryForms(question) });

describe('GIVEN paragraphs sharing a word beginning but not a stem', () => {
  const index = ParagraphIndex.build(corpusOf("L'Espagne exporte des oranges.", 'Les Espagnols exportent des oranges.'));

  it('WHEN a question uses one spelling THEN the paragraph with that very word ranks first', () => {
    expect(search(index, 'Que vendent les Espagnols ?')[0]?.doc.paragraph.n).toBe(2);
  });

  it('WHEN only a secondary form matches THEN the paragraph is no hit', () => {
    // `espagnolette` begins like `Espagnols` (`~espag`) but shares no stem; typos aside.
    expect(index.search(queryTerms('espagnolette'), { forms: queryForms('espagnolette'), fuzzy: false })).toEqual([]);
  });

  it('WHEN reporting matched terms THEN they are stems only', () => {
    for (const hit of search(index, 'oranges espagnoles')) expect(hit.matchedTerms.every((t) => !/^[=~]/.test(t))).toBe(true);
  });
});
