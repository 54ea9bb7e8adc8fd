/**
 * The quotations of the invented reports of test/fixtures/quotes, judged against the truth
 * written beside them: every quotation is found, piece by piece, verbatim at its offsets, and
 * nothing else is taken for one; its speaker is the one the text attributes it to (speaker
 * accuracy at least 95 %), and words that come through someone else are marked second-hand,
 * with who relays them. The figures are printed for the closing note.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import { quotesOfArticle, type ArticleQuote } from '../../src/answers/quote-index.js';
import { fold } from '../../src/text/fold.js';
import { loadEngine } from '../../src/load-engine.js';
import { loadQuoteTruth, QUOTES_DIR, type TruthQuotation } from '../fixtures/quotes/truth.js';

let engine: Engine;
const truth = loadQuoteTruth();
let found: ArticleQuote[];

beforeAll(async () => {
  engine = await loadEngine(QUOTES_DIR, { cacheDir: false });
  found = engine.kb.corpus.articles.flatMap((_, i) => quotesOfArticle(engine.kb, i));
});

const keyOf = (article: string, paragraph: number, pieces: readonly string[]) => `${article}#${paragraph}#${pieces.join(' | ')}`;
const keyOfFound = (q: ArticleQuote) => keyOf(q.quote.excerpt.citation.articleId, q.quote.excerpt.citation.paragraph, q.quote.pieces);
/** Names compared as a reader would: case, accents and a leading article aside. */
const normal = (s: string) => fold(s).replace(/’/gu, "'").replace(/^(?:le|la|les|l'|the)\s*/u, '').trim();

function speakerRight(t: TruthQuotation, q: ArticleQuote | undefined): boolean {
  if (!q) return false;
  const s = q.quote.speaker;
  if (t.speaker === null) return s === undefined;
  return s !== undefined && [s.name, s.written].some((w) => normal(w) === normal(t.speaker as string));
}

function secondHandRight(t: TruthQuotation, q: ArticleQuote | undefined): boolean {
  if (!q || q.quote.secondHand !== t.secondHand) return false;
  if (!t.reportedBy) return q.quote.reportedBy === undefined;
  const relay = q.quote.reportedBy;
  return relay !== undefined && (normal(relay).includes(normal(t.reportedBy)) || normal(t.reportedBy).includes(normal(relay)));
}

describe('GIVEN the invented reports of test/fixtures/quotes and their truth', () => {
  it('THEN the truth quotes each article verbatim, piece by piece', () => {
    for (const t of truth) {
      const article = engine.kb.corpus.articles.find((a) => a.id === t.article);
      expect(article?.source, t.article).toBe(t.outlet);
      const text = article?.paragraphs.find((p) => p.n === t.paragraph)?.text ?? '';
      for (const piece of t.pieces) expect(text, `${t.article} ¶${t.paragraph}`).toContain(piece);
    }
  });

  it('WHEN the quotations are read THEN each is its paragraph’s own words, at its offsets', () => {
    expect(found.length).toBeGreaterThan(0);
    for (const q of found) {
      const { excerpt } = q.quote;
      expect(excerpt.text).toBe(q.paragraphText.slice(excerpt.start, excerpt.end));
      const article = engine.kb.corpus.articles[q.article];
      expect(article?.paragraphs.find((p) => p.n === excerpt.citation.paragraph)?.text).toBe(q.paragraphText);
      q.pieces.forEach((p, i) => {
        expect(q.paragraphText.slice(p.start, p.end)).toBe(q.quote.pieces[i]);
        expect(p.start).toBeGreaterThanOrEqual(excerpt.start);
      });
    }
  });

  it('THEN every quotation of the truth is found, and nothing else is taken for one', () => {
    const foundKeys = new Set(found.map(keyOfFound));
    const truthKeys = new Set(truth.map((t) => keyOf(t.article, t.paragraph, t.pieces)));
    expect(truth.filter((t) => !foundKeys.has(keyOf(t.article, t.paragraph, t.pieces))).map((t) => keyOf(t.article, t.paragraph, t.pieces))).toEqual([]);
    expect(found.filter((q) => !truthKeys.has(keyOfFound(q))).map(keyOfFound)).toEqual([]);
  });

  it('THEN at least 95 % of the speakers are the ones the text gives, and second-hand words say so', () => {
    const byKey = new Map(found.map((q) => [keyOfFound(q), q]));
    const judged = truth.map((t) => {
      const q = byKey.get(keyOf(t.article, t.paragraph, t.pieces));
      return { t, q, speaker: speakerRight(t, q), secondHand: secondHandRight(t, q) };
    });
    const speakers = judged.filter((j) => j.speaker).length / judged.length;
    const secondHand = judged.filter((j) => j.secondHand).length / judged.length;
    const wrong = judged.filter((j) => !j.speaker || !j.secondHand).map((j) => `${j.t.article} ¶${j.t.paragraph} «${j.t.pieces.join(' | ')}»: expected ${j.t.speaker ?? 'no one'}${j.t.secondHand ? ` (second-hand${j.t.reportedBy ? `, ${j.t.reportedBy}` : ''})` : ''}, found ${j.q?.quote.speaker?.name ?? 'no one'}${j.q?.quote.secondHand ? ` (second-hand${j.q.quote.reportedBy ? `, ${j.q.quote.reportedBy}` : ''})` : ''}`);
    console.info(`quotations: ${truth.length} in the truth, ${found.length} found; speaker accuracy ${(speakers * 100).toFixed(1)} %; second-hand marks right ${(secondHand * 100).toFixed(1)} %${wrong.length > 0 ? `\n  ${wrong.join('\n  ')}` : ''}`);
    expect(speakers).toBeGreaterThanOrEqual(0.95);
    expect(secondHand).toBeGreaterThanOrEqual(0.95);
  });
});
