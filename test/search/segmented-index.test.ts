/**
 * An index made of segments scores and answers exactly as one index built over all their
 * paragraphs in the same order: the same paragraphs matched in the same order, with the same
 * scores (to the last bit), article coverage and recorded terms, and the same frequencies,
 * spellings, typos and prefix lists. Random cuts of generated French-like corpora, random queries.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Article, Corpus } from '../../src/corpus/types.js';
import { IndexSegment, ParagraphIndex, type MatchOptions } from '../../src/search/paragraph-index.js';
import { queryForms, queryTerms } from '../../src/text/analyser.js';
import { frenchLikeCorpus } from '../fixtures/corpus/french-like.js';

/** The index of a corpus cut after the given article counts (ascending), one segment per piece. */
function segmentedOf(corpus: Corpus, cuts: readonly number[]): ParagraphIndex {
  const bounds = [0, ...cuts, corpus.articles.length];
  const pieces: Article[][] = [];
  for (let i = 0; i + 1 < bounds.length; i++) pieces.push(corpus.articles.slice(bounds[i], bounds[i + 1]));
  return ParagraphIndex.compose(corpus, pieces.map((articles) => IndexSegment.build(articles, corpus.sources)));
}

/** Everything a match reports, copied out of the scorer's arrays. */
function matchOf(index: ParagraphIndex, question: string, options: MatchOptions = {}) {
  const found = index.match([...new Set(queryTerms(question))], { forms: queryForms(question), ...options });
  return { docs: [...found.docs], scores: [...found.scores], coverage: [...found.coverage], textTerms: [...found.textTerms], textTypos: [...found.textTypos] };
}

/** A few article-count cuts of `n` articles, ascending and distinct, between 1 and n - 1. */
const cutsOf = (n: number) => fc.uniqueArray(fc.integer({ min: 1, max: n - 1 }), { minLength: 1, maxLength: 4 }).map((c) => [...c].sort((a, b) => a - b));

describe('GIVEN generated French-like articles indexed in one piece and cut into segments', async () => {
  const corpora = { generated: frenchLikeCorpus({ articles: 24, paragraphs: 6, seed: 9 }), seeds: await loadCorpus('data') };

  for (const [name, corpus] of Object.entries(corpora)) {
    const whole = ParagraphIndex.build(corpus);
    const words = [...new Set(whole.docs.flatMap((d) => d.paragraph.text.split(/[\s,.;:!?«»()"]+/u)).filter((w) => w.length > 1))];
    // Misspelt words reach other words through typos: drop or double a letter of a corpus word.
    const typo = fc.tuple(fc.constantFrom(...words.filter((w) => w.length >= 6)), fc.nat()).map(([w, i]) => (i % 2 === 0 ? w.slice(0, 2) + w.slice(3) : w.slice(0, 3) + (w[3] ?? '') + w.slice(3)));
    const question = fc.array(fc.oneof(fc.constantFrom(...words), typo), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
    const n = corpus.articles.length;

    it(`WHEN random questions of ${name} are matched THEN the matches are those of the one-piece index, in the same order, with the same scores`, () => {
      fc.assert(
        fc.property(question, n > 2 ? cutsOf(n) : fc.constant([1]), fc.boolean(), (q, cuts, fuzzy) => {
          const segmented = segmentedOf(corpus, cuts);
          expect(matchOf(segmented, q, { fuzzy })).toEqual(matchOf(whole, q, { fuzzy }));
          expect(segmented.search(queryTerms(q), { forms: queryForms(q), limit: 5, fuzzy })).toEqual(whole.search(queryTerms(q), { forms: queryForms(q), limit: 5, fuzzy }));
        }),
        { numRuns: 120 },
      );
    });

    it(`WHEN ${name} matches are filtered by outlet or article THEN they are the one-piece index's`, () => {
      fc.assert(
        fc.property(question, n > 2 ? cutsOf(n) : fc.constant([1]), fc.nat(), (q, cuts, pick) => {
          const segmented = segmentedOf(corpus, cuts);
          const sourceId = corpus.sources[pick % corpus.sources.length]?.id as string;
          const articleId = corpus.articles[pick % n]?.id as string;
          expect(matchOf(segmented, q, { sourceId })).toEqual(matchOf(whole, q, { sourceId }));
          expect(matchOf(segmented, q, { articleId })).toEqual(matchOf(whole, q, { articleId }));
        }),
        { numRuns: 60 },
      );
    });

    it(`WHEN ${name} is asked whether an outlet or a paragraph holds a word THEN it answers as an exact match does, in one piece and in segments`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.constantFrom(...words), typo), n > 2 ? cutsOf(n) : fc.constant([1]), fc.nat(), (word, cuts, pick) => {
          const [term = word] = queryTerms(word);
          const sourceId = corpus.sources[pick % corpus.sources.length]?.id as string;
          for (const index of [whole, segmentedOf(corpus, cuts)]) {
            const found = index.match([term], { sourceId, fuzzy: false });
            expect(index.sourceUses(sourceId, term)).toBe(found.count > 0);
            const every = index.match([term], { fuzzy: false });
            const all = new Set(every.docs.slice(0, every.count));
            const id = pick % index.docs.length;
            expect(index.holdsTerm(id, term)).toBe(all.has(id));
          }
        }),
        { numRuns: 120 },
      );
    });

    it(`WHEN the ${name} vocabulary is read through the segments THEN frequencies, spellings, typos and prefixes are the one-piece index's`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.constantFrom(...words), typo), n > 2 ? cutsOf(n) : fc.constant([1]), fc.integer({ min: 0, max: 4 }), (word, cuts, cut) => {
          const segmented = segmentedOf(corpus, cuts);
          const [term = word] = queryTerms(word);
          const prefix = term.slice(0, cut);
          expect(segmented.documentFrequency(term)).toBe(whole.documentFrequency(term));
          expect(segmented.idf(term)).toBe(whole.idf(term));
          expect(segmented.surfaceOf(term)).toBe(whole.surfaceOf(term));
          expect(segmented.typosOf(term).map(({ term: t, weight }) => [t, weight])).toEqual(whole.typosOf(term).map(({ term: t, weight }) => [t, weight]));
          expect(segmented.closeWords(term)).toEqual(whole.closeWords(term));
          expect(segmented.termsStartingWith(prefix, 6)).toEqual(whole.termsStartingWith(prefix, 6));
          expect(segmented.wordsStartingWith(prefix, 6)).toEqual(whole.wordsStartingWith(prefix, 6));
        }),
        { numRuns: 150 },
      );
    });
  }

  it('WHEN paragraphs are looked up in a segmented index THEN ids, outlets, articles and languages are global', () => {
    const corpus = corpora.generated;
    const whole = ParagraphIndex.build(corpus);
    const segmented = segmentedOf(corpus, [5, 11, 20]);
    expect(segmented.segments).toHaveLength(4);
    expect(segmented.docs).toEqual(whole.docs);
    expect([...segmented.docSource]).toEqual([...whole.docSource]);
    expect([...segmented.docArticle]).toEqual([...whole.docArticle]);
    for (const doc of whole.docs) {
      expect(segmented.paragraphOf(doc.article.id, doc.paragraph.n)).toEqual(doc);
      expect(segmented.languageOfDoc(doc.id)).toBe(whole.languageOfDoc(doc.id));
      expect(segmented.analysisOf(doc.id)).toEqual(whole.analysisOf(doc.id));
    }
  });

  it('WHEN segments are composed in a corpus whose articles or sources do not fit them THEN composing throws', () => {
    const corpus = corpora.generated;
    const segment = IndexSegment.build(corpus.articles.slice(0, 3), corpus.sources);
    expect(() => ParagraphIndex.compose(corpus, [segment])).toThrow(/not those of the index segments/);
    expect(() => ParagraphIndex.compose({ ...corpus, sources: [...corpus.sources].reverse(), articles: corpus.articles.slice(0, 3) }, [segment])).toThrow(/segment source 0/);
    expect(() => ParagraphIndex.compose(corpus, [])).toThrow(/at least one segment/);
    expect(() => segmentedOf(corpus, [3]).save()).toThrow(/only an index of one segment is saved/);
  });
});
