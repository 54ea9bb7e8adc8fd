/**
 * The compact index scores exactly as MiniSearch would with the same fields, boosts and
 * analysis (it replaced MiniSearch's own index for speed, issue #5): same paragraphs, same
 * scores, over real French text (the seeds), a few hundred generated French-like paragraphs
 * (test/fixtures/corpus) and random queries.
 */
import fc from 'fast-check';
import MiniSearch, { type SearchResult } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { BOOST, ParagraphIndex } from '../../src/search/paragraph-index.js';
import { Scorer } from '../../src/search/bm25.js';
import { Postings, PostingsBuilder } from '../../src/search/postings.js';
import { analyse, prefixTermOf, queryForms, queryTerms, surfaceTermOf, termOf } from '../../src/text/analyser.js';
import { fold } from '../../src/text/fold.js';
import { frenchLikeCorpus } from '../fixtures/corpus/french-like.js';

interface Fields {
  id: number;
  text: string;
  heading: string;
  title: string;
}

/** The MiniSearch configuration the index was first built with (issue #4), as the reference. */
function referenceOf(corpus: Corpus): MiniSearch<Fields> {
  const mini = new MiniSearch<Fields>({
    fields: ['text', 'heading', 'title', 'exact', 'prefix'],
    idField: 'id',
    extractField: (doc: Fields, field: string) => (field === 'exact' || field === 'prefix' ? doc.text : String(doc[field as keyof Fields])),
    // Words lower-cased with their accents: the stemmer reads them, the secondary forms are folded.
    tokenize: (text: string) => analyse(text).map((t) => t.word),
    processTerm: (term: string, field?: string) => (field === 'exact' ? surfaceTermOf(fold(term)) : field === 'prefix' ? prefixTermOf(fold(term)) : termOf(term)) ?? null,
    searchOptions: { tokenize: (query: string) => query.split(' ').filter((t) => t.length > 0), processTerm: (term: string) => term },
  });
  let id = 0;
  for (const article of corpus.articles) {
    for (const p of article.paragraphs) mini.add({ id: id++, text: p.text, heading: p.heading ?? '', title: article.title });
  }
  return mini;
}

const isSecondary = (t: string) => t.startsWith('=') || t.startsWith('~');

function referenceScores(mini: MiniSearch<Fields>, question: string, sourceOf?: (id: number) => string, sourceId?: string): Map<number, number> {
  const results = mini.search([...new Set(queryTerms(question)), ...queryForms(question)].join(' '), {
    boost: BOOST,
    fuzzy: false,
    filter: (r: SearchResult) => r.queryTerms.some((t) => !isSecondary(t)) && (!sourceId || sourceOf?.(Number(r.id)) === sourceId),
  });
  return new Map(results.map((r) => [Number(r.id), r.score]));
}

function ourScores(index: ParagraphIndex, question: string, sourceId?: string): Map<number, number> {
  const found = index.match([...new Set(queryTerms(question))], { forms: queryForms(question), fuzzy: false, ...(sourceId ? { sourceId } : {}) });
  return new Map([...found.docs].map((doc, i) => [doc, found.scores[i] as number]));
}

function expectSameScores(ours: Map<number, number>, reference: Map<number, number>): void {
  expect([...ours.keys()].sort((a, b) => a - b)).toEqual([...reference.keys()].sort((a, b) => a - b));
  for (const [doc, score] of reference) expect(ours.get(doc)).toBeCloseTo(score, 9);
}

describe('GIVEN the seeds and generated French-like paragraphs indexed both ways', async () => {
  const corpora = { seeds: await loadCorpus('data'), generated: frenchLikeCorpus({ articles: 40, paragraphs: 8 }) };

  for (const [name, corpus] of Object.entries(corpora)) {
    const index = ParagraphIndex.build(corpus);
    const reference = referenceOf(corpus);
    const sourceOf = (id: number) => index.docs[id]?.source.id ?? '';
    const words = [...new Set(index.docs.flatMap((d) => d.paragraph.text.split(/[\s,.;:!?«»()"]+/u)).filter((w) => w.length > 1))];

    it(`WHEN random questions of ${name} words are scored (fast-check) THEN every paragraph and score equals MiniSearch's`, () => {
      if (name === 'generated') expect(index.docs).toHaveLength(320);
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }), (picked) => {
          const question = picked.join(' ');
          expectSameScores(ourScores(index, question), referenceScores(reference, question));
        }),
        { numRuns: 150 },
      );
    });

    it(`WHEN a search of ${name} is limited to one outlet THEN it equals MiniSearch's filtered search`, () => {
      const source = corpus.sources[corpus.sources.length - 1]?.id as string;
      let hits = 0;
      for (const question of ['Quelle est la capitale ?', 'premier ministre russe', 'combien de personnes en 1990']) {
        const expected = referenceScores(reference, question, sourceOf, source);
        expectSameScores(ourScores(index, question, source), expected);
        hits += expected.size;
      }
      // The comparison means something only if the filtered searches find paragraphs.
      expect(hits).toBeGreaterThan(0);
    });
  }
});

describe('GIVEN postings laid out by the builder', () => {
  const built = new PostingsBuilder();
  built.add([{ terms: ['b', 'a', 'b'], length: 2 }, undefined, { terms: ['c'], length: 1 }]);
  built.add([{ terms: ['a'], length: 1 }]);
  const postings = new Postings(built.build());

  it('WHEN terms are looked up THEN they are sorted and each list holds its paragraphs in order with their counts', () => {
    expect(postings.terms).toEqual(['a', 'b', 'c']);
    const [start, end] = postings.listOf(postings.termId('a'), 0);
    expect([...postings.docs.subarray(start, end)]).toEqual([0, 1]);
    const [bStart] = postings.listOf(postings.termId('b'), 0);
    expect(postings.freqs[bStart]).toBe(2);
    expect(postings.documentFrequency('c', 2)).toBe(1);
    expect(postings.documentFrequency('c', 0)).toBe(0);
    expect(postings.termId('zz')).toBe(-1);
    expect(postings.holds(postings.termId('a'), 1)).toBe(true);
    expect(postings.holds(postings.termId('b'), 1)).toBe(false);
  });

  it('WHEN saved arrays do not fit together THEN restoring them throws instead of answering wrong', () => {
    const data = postings.toData();
    expect(() => new Postings({ ...data, terms: ['a', 'b'] })).toThrow(/offsets/);
    expect(() => new Postings({ ...data, freqs: data.freqs.subarray(1) })).toThrow(/length/);
  });
});

describe('GIVEN a word the corpus never uses', () => {
  it('WHEN it is one typo away from a corpus word THEN the paragraph with that word is found, ranked below an exact match', async () => {
    const index = ParagraphIndex.build(await loadCorpus('data'));
    const hits = index.search(queryTerms('ferroviares'), { forms: queryForms('ferroviares') });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.doc.paragraph.text).toMatch(/ferroviaire/u);
    expect(index.search(queryTerms('ferroviares'), { fuzzy: false })).toEqual([]);
    expect(index.closeWords('ferroviare')).toContain('ferroviaires');
  });
});

describe('GIVEN a scorer whose serials run out after a few queries', () => {
  it('WHEN many queries follow one another THEN each scores as on a fresh scorer', () => {
    const built = new PostingsBuilder();
    built.add([{ terms: ['a', 'b'], length: 2 }]);
    built.add([{ terms: ['b', 'c'], length: 2 }]);
    built.add([{ terms: ['c'], length: 1 }]);
    const postings = new Postings(built.build());
    const docs = Int32Array.of(0, 0, 0);
    const terms = (...names: string[]) => names.map((name, key) => ({ key, primary: true, derived: [{ id: postings.termId(name), weight: 1 }] }));
    const scores = (scorer: Scorer, names: string[]) => {
      const found = scorer.run(terms(...names), {}, () => 1);
      return new Map([...found.docs].map((doc, i) => [doc, found.scores[i]]));
    };
    const short = new Scorer(postings, [1, 1, 1, 1, 1], docs, docs, 1, 8);
    const queries = [['a'], ['b', 'c'], ['c'], ['a', 'b', 'c'], ['b']];
    for (let round = 0; round < 10; round++) {
      for (const q of queries) expect(scores(short, q)).toEqual(scores(new Scorer(postings, [1, 1, 1, 1, 1], docs, docs, 1), q));
    }
  });
});
