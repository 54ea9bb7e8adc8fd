/**
 * Which outlets cover a topic, and with which articles: the first half of `compare`, shared with
 * "Check this claim". Coverage is decided paragraph by paragraph (coverage.ts), within the
 * dominant story when the paragraphs about the topic belong to several (compare-scope.ts); each
 * covering outlet then brings its whole articles on the topic (at most {@link TOPIC_ARTICLES}),
 * which every statement about it is computed over.
 */
import type { Source } from '../corpus/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { IndexedParagraph } from '../search/paragraph-index.js';
import { scopedCandidates, type ScopedCandidates } from './compare-scope.js';
import { COVER_FLOOR, coverageShare, paragraphWords, topicOf, type Topic } from './coverage.js';
import { prepareQuery, recordedTerms, type Candidate, type PreparedQuery } from './retrieve.js';
import type { OutletTopic } from './statements.js';

/**
 * Paragraphs per outlet whose coverage of the topic is measured, best BM25 first. An outlet's
 * paragraphs about the topic rank high for its words: on the seeds and the invented stories, 20
 * give the same coverage and statements as 40, for half the excerpt choices.
 */
const TOPIC_CANDIDATES = 20;

/**
 * Articles per outlet the statements read whole, those of its best paragraphs on the topic: a
 * story is a handful of articles per outlet, and an archive's hundred articles that mention a
 * word are not one story. OutletCoverage.articles says how many were read.
 */
export const TOPIC_ARTICLES = 4;

/** One paragraph judged against the topic: how much of the topic it holds. */
export interface JudgedParagraph {
  readonly doc: IndexedParagraph;
  readonly share: number;
}

/** One outlet of the corpus and its paragraphs judged against the topic. */
export interface OutletParagraphs {
  readonly source: Source;
  /** Its best paragraphs for the topic's words, best first. */
  readonly candidates: readonly JudgedParagraph[];
  /** Those about the topic (share from {@link COVER_FLOOR}). */
  readonly relevant: readonly JudgedParagraph[];
}

/** What a topic's outlets are, as `compare` and `check` read them. */
export interface TopicOutlets {
  readonly query: PreparedQuery;
  readonly topic: Topic;
  readonly scope: ScopedCandidates;
  /** Every outlet of the corpus, in corpus order. */
  readonly perOutlet: readonly OutletParagraphs[];
  /** The outlets with paragraphs of their own about the topic, with their whole articles on it. */
  readonly covering: readonly OutletTopic[];
  /** Articles on the topic republishing another's text, with the outlet whose text they carry. */
  readonly carried: ReadonlyMap<string, string>;
}

/** The outlets of the corpus on a topic: which cover it, with which articles. */
export function topicOutlets(kb: KnowledgeBase, text: string): TopicOutlets {
  const query = prepareQuery(kb, text);
  const topic = topicOf(kb, query);
  // Paragraphs are judged from what the search recorded of them, and quoted only when shown.
  const recorded = recordedTerms(kb, query);
  const shareOf = (c: Candidate) => coverageShare(topic, paragraphWords(kb, c.doc, { terms: recorded, held: c.textTerms }));
  const scope = scopedCandidates(kb, query, TOPIC_CANDIDATES, shareOf, COVER_FLOOR);
  const judged = (c: Candidate): JudgedParagraph => ({ doc: kb.index.docs[c.doc] as IndexedParagraph, share: shareOf(c) });
  const perOutlet = kb.corpus.sources.map((source) => {
    const all = (scope.bySource.get(source.id) ?? []).map(judged);
    return { source, candidates: all, relevant: all.filter((r) => r.share >= COVER_FLOOR) };
  });
  // A dispatch republished by another outlet is one text: its statements count once, as the
  // original's; the republishing outlet is shown, and says whose text it carries.
  const carried = carriedTexts(kb, perOutlet.flatMap((o) => o.relevant.map((r) => r.doc)));
  const covering: OutletTopic[] = perOutlet
    .map((o) => ({ source: o.source, own: o.relevant.filter((r) => !carried.has(r.doc.article.id)).map((r) => r.doc) }))
    .filter((o) => o.own.length > 0)
    .map((o) => ({ outlet: o.source.short, sourceId: o.source.id, relevant: o.own, paragraphs: articlesOf(kb, o.own) }));
  return { query, topic, scope, perOutlet, covering, carried };
}

/**
 * Articles on the topic that republish another article also on the topic (`syndication_of`),
 * with the outlet whose text they carry.
 */
function carriedTexts(kb: KnowledgeBase, docs: readonly IndexedParagraph[]): Map<string, string> {
  const onTopic = new Map(docs.map((d) => [d.article.id, d]));
  const out = new Map<string, string>();
  for (const { article } of onTopic.values()) {
    const original = article.syndication_of === undefined ? undefined : kb.corpus.articles.find((a) => a.id === article.syndication_of);
    const outlet = original && kb.corpus.sources.find((s) => s.id === original.source);
    if (original && outlet && original.source !== article.source) out.set(article.id, outlet.short);
  }
  return out;
}

/**
 * Every paragraph of the articles the given paragraphs belong to (best first, at most
 * {@link TOPIC_ARTICLES} articles), in article order: what the statements are about.
 */
function articlesOf(kb: KnowledgeBase, docs: readonly IndexedParagraph[]): IndexedParagraph[] {
  const out: IndexedParagraph[] = [];
  const seen = new Set<string>();
  for (const { article } of docs) {
    if (seen.has(article.id)) continue;
    if (seen.size >= TOPIC_ARTICLES) break;
    seen.add(article.id);
    for (const p of article.paragraphs) {
      const doc = kb.paragraph(article.id, p.n);
      if (doc) out.push(doc);
    }
  }
  return out;
}
