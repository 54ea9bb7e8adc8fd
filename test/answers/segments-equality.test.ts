/**
 * The proof that a base plus segments answers as one base: for the multi-outlet stories, the
 * seed articles and a generated French-like corpus, the articles are split into a base and one,
 * two or many segments (one holding the articles of an outlet the base does not have, beside
 * articles of a base outlet), composed, and every engine answer (ask, who, when, compare, cite,
 * sources) over many queries (the stories' truth, the articles' own words) is deep-equal to the
 * answer of a knowledge base built in one piece over the same articles in the same order. Also:
 * removing a segment (composing without it), and composing over a base restored from its saved form.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/lib/synthetic-corpus.js';
import { Engine } from '../../src/answers/engine.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Article, Corpus, Source } from '../../src/corpus/types.js';
import { buildKnowledgeBase } from '../../src/knowledge/build.js';
import { composeKnowledgeBase } from '../../src/knowledge/compose.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { buildSegment, buildSegmentYielding, type KnowledgeSegment } from '../../src/knowledge/knowledge-segment.js';
import { restoreKnowledgeBase, saveKnowledgeBase } from '../../src/knowledge/saved-knowledge.js';
import { frenchLikeCorpus } from '../fixtures/corpus/french-like.js';
import { loadTruth, STORIES_DIR } from '../fixtures/stories/truth.js';

/** How a corpus is cut: the base's articles, then each segment's, and the outlets the base lacks. */
interface Split {
  readonly name: string;
  readonly base: readonly Article[];
  readonly segments: ReadonlyArray<readonly Article[]>;
  /** Outlets of the segments only, appended after the base's in this order. */
  readonly added?: readonly string[];
}

const COMMANDS = ['ask', 'who', 'when', 'compare', 'cite'] as const;

/** Every answer of the engine for the queries, one entry per command and query, plus the lists without a query. */
function answersOf(kb: KnowledgeBase, queries: readonly string[]): Array<{ command: string; query: string; answer: unknown }> {
  const engine = Engine.of(kb);
  const out: Array<{ command: string; query: string; answer: unknown }> = [
    { command: 'who', query: '', answer: engine.who() },
    { command: 'when', query: '', answer: engine.when() },
    { command: 'sources', query: '', answer: engine.sources() },
  ];
  for (const query of queries) for (const command of COMMANDS) out.push({ command, query, answer: engine[command](query) });
  return out;
}

/** The corpus as the split orders it: the base's sources then the added ones, the base's articles then the segments'. */
function wholeOf(corpus: Corpus, split: Split): Corpus {
  const added = split.added ?? [];
  const sources = [...corpus.sources.filter((s) => !added.includes(s.id)), ...added.map((id) => corpus.sources.find((s) => s.id === id) as Source)];
  return { ...corpus, sources, articles: [...split.base, ...split.segments.flat()] };
}

function baseCorpusOf(corpus: Corpus, split: Split): Corpus {
  const added = split.added ?? [];
  return { ...corpus, sources: corpus.sources.filter((s) => !added.includes(s.id)), articles: split.base };
}

/** The base of a split, its segments built over it with the composition's sources, and the composition. */
function composedOf(corpus: Corpus, split: Split, base = buildKnowledgeBase(baseCorpusOf(corpus, split))): { base: KnowledgeBase; segments: KnowledgeSegment[]; kb: KnowledgeBase } {
  const { sources } = wholeOf(corpus, split);
  const extraSources = sources.slice(base.corpus.sources.length);
  const segments = split.segments.map((articles) => buildSegment(base, articles, sources));
  return { base, segments, kb: composeKnowledgeBase(base, { sources: extraSources, segments }) };
}

/** The first answers that differ, for a readable failure. */
function differences(ours: ReturnType<typeof answersOf>, reference: ReturnType<typeof answersOf>): string[] {
  const out: string[] = [];
  ours.forEach((a, i) => {
    const b = reference[i];
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${a.command} «${a.query}»`);
  });
  return out;
}

/** Queries made of the articles' own words: titles, runs of words, capitalised names, single words. */
function articleQueries(articles: readonly Article[], count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const out = new Set<string>(articles.map((a) => a.title));
  const paragraphs = articles.flatMap((a) => a.paragraphs);
  while (out.size < count) {
    const words = pick(paragraphs).text.split(/\s+/u).filter((w) => w.length > 0);
    const at = Math.floor(random() * words.length);
    const kind = out.size % 4;
    if (kind === 0) out.add(words.slice(at, at + 3 + Math.floor(random() * 4)).join(' '));
    else if (kind === 1) out.add(words.find((w, i) => i >= at && /^\p{Lu}/u.test(w)) ?? pick(words));
    else if (kind === 2) out.add(`Qui ${pick(words)} ${pick(words)} ?`);
    else out.add(pick(words).replace(/[.,;:!?«»"()]/gu, ''));
  }
  return [...out].filter((q) => q.trim().length > 0);
}

/** Expects the composition of every split to answer every query as the base built in one piece. */
function expectSameAnswers(corpus: Corpus, splits: readonly Split[], queries: readonly string[]): void {
  for (const split of splits) {
    const reference = answersOf(buildKnowledgeBase(wholeOf(corpus, split)), queries);
    const ours = answersOf(composedOf(corpus, split).kb, queries);
    expect(differences(ours, reference), split.name).toEqual([]);
    expect(ours).toEqual(reference);
  }
}

describe('GIVEN the multi-outlet stories cut into a base and segments', async () => {
  const corpus = await loadCorpus(STORIES_DIR);
  const truths = loadTruth();
  const a = corpus.articles;
  const vdi = a.filter((x) => x.source === 'valdorie-info');
  const others = a.filter((x) => x.source !== 'valdorie-info');
  const splits: Split[] = [
    { name: 'one segment', base: a.slice(0, 10), segments: [a.slice(10)] },
    { name: 'two segments', base: a.slice(0, 7), segments: [a.slice(7, 11), a.slice(11)] },
    { name: 'one segment per article', base: a.slice(0, 4), segments: a.slice(4).map((x) => [x]) },
    // The new outlet's articles each beside an article of a base outlet, in segments of their own.
    { name: 'a new outlet', base: others.slice(0, 9), segments: [[vdi[0] as Article, others[9] as Article], [others[10] as Article], [vdi[1] as Article, ...others.slice(11)]], added: ['valdorie-info'] },
  ];
  const truthQueries = truths.flatMap((t) => [
    ...t.topics.map((topic) => topic.query),
    ...t.people.flatMap((p) => p.spellings),
    ...t.quantities.flatMap((q) => [q.noun, ...Object.values(q.wordings ?? {})]),
  ]);

  it('WHEN the truth files\' topics, people and figures are asked THEN every answer is deep-equal to the one-piece base\'s', () => {
    expect(truthQueries.length).toBeGreaterThan(100);
    expectSameAnswers(corpus, splits, truthQueries);
  });

  it('WHEN the articles\' own words are asked THEN every answer is deep-equal to the one-piece base\'s', () => {
    expectSameAnswers(corpus, splits, articleQueries(a, 120, 11));
  });

  it('WHEN the same person is named in the base and in a segment THEN the directory has one entity with the mentions of both', () => {
    const split = splits[1] as Split;
    const { base, kb } = composedOf(corpus, split);
    const inBase = new Set(base.corpus.articles.map((x) => x.id));
    const shared = kb.entities.filter((e) => e.occurrences.some((o) => inBase.has(o.articleId)) && e.occurrences.some((o) => !inBase.has(o.articleId)));
    expect(shared.length).toBeGreaterThan(0);
    expect(kb.entities).toEqual(buildKnowledgeBase(wholeOf(corpus, split)).entities);
  });

  it('WHEN a segment is left out of a new composition THEN it answers as the one-piece base without its articles', () => {
    const split = splits[2] as Split;
    const { base, segments } = composedOf(corpus, split);
    const kept = segments.filter((_s, i) => i % 3 !== 1);
    const without: Split = { ...split, name: 'without every third segment', segments: split.segments.filter((_s, i) => i % 3 !== 1) };
    const queries = [...truthQueries.slice(0, 40), ...articleQueries(a, 40, 5)];
    const ours = answersOf(composeKnowledgeBase(base, { sources: [], segments: kept }), queries);
    expect(ours).toEqual(answersOf(buildKnowledgeBase(wholeOf(corpus, without)), queries));
  });

  it('WHEN the base is saved and restored before composing THEN the composition answers as the one-piece base', () => {
    const split = splits[3] as Split;
    const built = buildKnowledgeBase(baseCorpusOf(corpus, split));
    const restored = restoreKnowledgeBase(built.corpus, saveKnowledgeBase(built));
    const queries = [...truthQueries, ...articleQueries(a, 60, 3)];
    const ours = answersOf(composedOf(corpus, split, restored).kb, queries);
    expect(differences(ours, answersOf(buildKnowledgeBase(wholeOf(corpus, split)), queries))).toEqual([]);
  });

  it('WHEN a segment is built cooperatively THEN it composes to the same answers as one built at once', async () => {
    const split = splits[0] as Split;
    const base = buildKnowledgeBase(baseCorpusOf(corpus, split));
    const articles = split.segments[0] as readonly Article[];
    const segment = await buildSegmentYielding(base, articles, corpus.sources, 0);
    const queries = truthQueries.slice(0, 30);
    expect(answersOf(composeKnowledgeBase(base, { sources: [], segments: [segment] }), queries)).toEqual(answersOf(composedOf(corpus, split, base).kb, queries));
  });

  it('WHEN composing THEN the base is left as it was and still answers as before', () => {
    const split = splits[0] as Split;
    const base = buildKnowledgeBase(baseCorpusOf(corpus, split));
    const before = answersOf(base, truthQueries.slice(0, 30));
    const articles = base.corpus.articles.length;
    composedOf(corpus, split, base);
    expect(base.corpus.articles).toHaveLength(articles);
    expect(base.segments).toHaveLength(1);
    expect(answersOf(base, truthQueries.slice(0, 30))).toEqual(before);
  });
});

describe('GIVEN the seed articles cut into a base of one outlet and a segment of the other', async () => {
  const corpus = await loadCorpus('data');
  const [first, second] = corpus.articles as [Article, Article];
  const splits: Split[] = [
    { name: 'one article each', base: [first], segments: [[second]] },
    { name: 'a new outlet', base: corpus.articles.filter((x) => x.source === first.source), segments: [corpus.articles.filter((x) => x.source !== first.source)], added: corpus.sources.filter((s) => s.id !== first.source).map((s) => s.id) },
  ];
  const queries = ['Combien de sapeurs ?', 'Quand l’accord a-t-il été signé ?', 'Poutine', 'Shoigu', 'Choïgou', 'Kim Jong-un', 'Qui a annoncé l’envoi de sapeurs ?', 'accord de défense mutuelle', 'train liaisons ferroviaires', 'rétablir la confiance', 'How many sappers will North Korea send?', 'ferroviares', 'Koursk', ...articleQueries(corpus.articles, 80, 7)];

  it('WHEN asked about the seed story THEN every answer is deep-equal to the one-piece base\'s', () => {
    expectSameAnswers(corpus, splits, queries);
  });
});

describe('GIVEN generated French-like articles cut into a base and three segments', () => {
  const corpus = frenchLikeCorpus({ articles: 16, paragraphs: 6, seed: 4 });
  const a = corpus.articles;
  const splits: Split[] = [
    { name: 'three segments', base: a.slice(0, 10), segments: [a.slice(10, 12), a.slice(12, 15), a.slice(15)] },
    { name: 'a small base', base: a.slice(0, 2), segments: [a.slice(2, 14), a.slice(14)] },
  ];

  it('WHEN their own words are asked THEN every answer is deep-equal to the one-piece base\'s', () => {
    expectSameAnswers(corpus, splits, articleQueries(a, 100, 21));
  });
});
