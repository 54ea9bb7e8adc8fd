/**
 * The relevance benchmark's metrics (bench/lib/metrics.ts) and its SQuAD reading, on tiny inline
 * fixtures.
 */
import { describe, expect, it } from 'vitest';
import { figuresOf, holdsAnswer, meanReciprocalRank, normaliseForMatch, percentile, rankOf, recallAt } from '../../bench/lib/metrics.js';
import { checkSquad, squadItems, SquadFormatError } from '../../bench/lib/squad.js';
import { squadCorpus } from '../../bench/lib/squad-corpus.js';

describe('GIVEN answer matching (Excerpt@1)', () => {
  it('WHEN the answer is written with a decomposed accent THEN NFC makes it match', () => {
    expect(holdsAnswer('Elle est née à Séoul en 1990.', ['Se\u0301oul'])).toBe(true);
  });

  it('WHEN spacing differs (no-break space, line break, double space) THEN it still matches', () => {
    expect(holdsAnswer('Il parcourt 10\u00a0000 kilomètres\nen huit jours.', ['10 000  kilomètres en huit'])).toBe(true);
    expect(normaliseForMatch('  a \u202f b\n\tc ')).toBe('a b c');
  });

  it('WHEN any one of several answers is inside THEN it matches, and an empty answer never does', () => {
    expect(holdsAnswer('le général Murat', ['Dupont', 'Murat'])).toBe(true);
    expect(holdsAnswer('le général Murat', ['Dupont'])).toBe(false);
    expect(holdsAnswer('le général Murat', ['', '  '])).toBe(false);
  });

  it('WHEN case differs THEN it does not match: the excerpt must quote the answer as written', () => {
    expect(holdsAnswer('le général Murat', ['Général Murat'])).toBe(false);
  });
});

describe('GIVEN ranks of the gold paragraph', () => {
  const ranks = [1, 2, undefined, 5, 1];

  it('WHEN finding the rank THEN it is 1-based, undefined when absent', () => {
    expect(rankOf(['a', 'b', 'c'], (x) => x === 'b')).toBe(2);
    expect(rankOf(['a'], (x) => x === 'z')).toBeUndefined();
  });

  it('WHEN computing R@k THEN counts ranks at or above k over every question', () => {
    expect(recallAt(ranks, 1)).toBeCloseTo(2 / 5);
    expect(recallAt(ranks, 3)).toBeCloseTo(3 / 5);
    expect(recallAt(ranks, 5)).toBeCloseTo(4 / 5);
    expect(recallAt([], 1)).toBe(0);
  });

  it('WHEN computing MRR THEN a missing gold paragraph counts 0', () => {
    expect(meanReciprocalRank(ranks)).toBeCloseTo((1 + 1 / 2 + 0 + 1 / 5 + 1) / 5);
  });

  it('WHEN summing up outcomes THEN figures hold count, recalls, MRR and Excerpt@1', () => {
    const f = figuresOf([
      { rank: 1, excerpt1: true },
      { rank: 4, excerpt1: false },
    ]);
    expect(f).toEqual({ count: 2, r1: 0.5, r3: 0.5, r5: 1, mrr: (1 + 0.25) / 2, excerpt1: 0.5 });
  });

  it('WHEN taking percentiles THEN uses the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.99)).toBe(99);
    expect(percentile([3], 0.99)).toBe(3);
    expect(percentile([], 0.5)).toBe(0);
  });
});

describe('GIVEN a SQuAD 1.1 file', () => {
  const file = checkSquad({
    version: 'test',
    data: [
      {
        title: 'Saint-Paul (île)',
        paragraphs: [
          { context: "L'île Saint-Paul a été découverte en 1559 par les Portugais. ", qas: [{ id: 'q1', question: 'Quand ?', answers: [{ text: '1559', answer_start: 36 }] }] },
          { context: 'Des fumerolles indiquent une activité volcanique.', qas: [{ id: 'q2', question: 'Quoi ?', answers: [{ text: 'fumerolles', answer_start: 4 }] }] },
        ],
      },
    ],
  });

  it('WHEN it is malformed THEN the error names the first bad field', () => {
    expect(() => checkSquad({ data: [{ title: 'x', paragraphs: [{ qas: [] }] }] }, 'f.json')).toThrow(new SquadFormatError('f.json: data[0].paragraphs[0].context: expected a string'));
  });

  it('WHEN listing questions THEN each knows its gold paragraph', () => {
    expect(squadItems(file).map((q) => [q.id, q.article, q.paragraph])).toEqual([
      ['q1', 0, 0],
      ['q2', 0, 1],
    ]);
  });

  it('WHEN ingested THEN each context is one verbatim paragraph of one article titled as in the file', () => {
    const { corpus, placements, altered } = squadCorpus(file);
    const article = corpus.articles[0];
    expect(article?.title).toBe('Saint-Paul (île)');
    expect(article?.paragraphs.map((p) => p.text)).toEqual(["L'île Saint-Paul a été découverte en 1559 par les Portugais.", 'Des fumerolles indiquent une activité volcanique.']);
    expect(placements[0]?.map((p) => p.paragraphs)).toEqual([[1], [2]]);
    expect(altered).toEqual([]);
  });
});
