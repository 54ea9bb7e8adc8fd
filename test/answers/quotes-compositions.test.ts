/**
 * A server's knowledge base is composed again at every publish over the same base articles: the
 * quotations read over the base must serve every composition (else each publish makes the next
 * `/quotes` read the whole corpus again), and a composition must answer as if read afresh.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/answers/engine.js';
import { quotesOfArticle } from '../../src/answers/quote-index.js';
import type { Article } from '../../src/corpus/types.js';
import { composeKnowledgeBase } from '../../src/knowledge/compose.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { buildSegment } from '../../src/knowledge/knowledge-segment.js';
import { finishNow } from '../../src/text/stepwise.js';
import { loadEngine } from '../../src/load-engine.js';

let engine: Engine;
let composed: KnowledgeBase;
const published: Article = {
  id: '2026-03-12-ahp-nouvelle-declaration',
  source: 'ahp',
  title: 'Le maire de Valbrune répond',
  published: '2026-03-12',
  language: 'fr',
  file: 'server:1/nouvelle',
  paragraphs: [{ n: 1, text: '« Nous reconstruirons le pont avant l’hiver », a déclaré jeudi le maire, Paul Verdier.' }],
};

beforeAll(async () => {
  engine = await loadEngine('test/fixtures/quotes');
  const sources = engine.kb.corpus.sources;
  const article = { ...published, source: (sources[0] as { id: string }).id };
  composed = composeKnowledgeBase(engine.kb, { sources: [], segments: [buildSegment(engine.kb, [article], sources)] });
});

describe('GIVEN the quotations fixture and a composition with one published article', () => {
  it('WHEN the base was read THEN the composition reuses each base article’s reading, the same objects', () => {
    finishNow(engine.warmUpSteps());
    const count = engine.kb.corpus.articles.length;
    expect(count).toBeGreaterThan(3);
    for (let i = 0; i < count; i++) expect(quotesOfArticle(composed, i)).toBe(quotesOfArticle(engine.kb, i));
  });

  it('WHEN reading the published article THEN its quotation is found with its speaker', () => {
    const last = composed.corpus.articles.length - 1;
    const [quote] = quotesOfArticle(composed, last);
    expect(quote?.quote.pieces).toEqual(['Nous reconstruirons le pont avant l’hiver']);
    expect(quote?.quote.speaker?.name).toBe('Paul Verdier');
    expect(quote?.article).toBe(last);
  });

  it('WHEN asking for every quotation THEN the composition gives the base’s and the new one', () => {
    const base = engine.quotes();
    const after = composeEngineQuotes();
    if (base.kind !== 'quotes' || after.kind !== 'quotes') throw new Error('no quotes answer');
    expect(after.quotations).toBe(base.quotations + 1);
  });
});

function composeEngineQuotes() {
  return Engine.of(composed).quotes();
}
