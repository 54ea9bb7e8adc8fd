/**
 * `quotes [PERSON or TOPIC]`: the verbatim quotations of the articles, each with its speaker as
 * the text attributes it, the same statement carried by several articles grouped with its
 * wording differences.
 *
 * - Without a query: every article; the most quoted speakers first.
 * - A person or organisation the engine knows, under any spelling (`Shoigu` for `Choïgou`): the
 *   articles that name them, and the quotations the text attributes to them.
 * - Anything else is a topic: the articles of its best paragraphs, as `/compare` finds them
 *   (within one story when they span several), and every quotation of those articles.
 *
 * Every count is over the whole articles read, never over the quotations shown.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { scopedCandidates } from './compare-scope.js';
import { TOPIC_ARTICLES } from './topic-outlets.js';
import { COVER_FLOOR, coverageShare, paragraphWords, topicOf } from './coverage.js';
import { quotesOfArticle, type ArticleQuote } from './quote-index.js';
import { groupQuotes } from './quote-groups.js';
import { prepareQuery, recordedTerms, suggestionsFor, type Candidate } from './retrieve.js';
import { storyRef } from './story-list.js';
import { LIST_LIMIT, type NoEvidenceAnswer, type QuoteGroup, type QuotesAnswer, type SpeakerTally } from './types.js';
import { findByName } from './who.js';

/** Paragraphs per outlet judged for a topic, as `/compare` judges them. */
const TOPIC_CANDIDATES = 20;

const everyQuotation = new WeakMap<KnowledgeBase, QuotesAnswer>();
const bySpeakers = new WeakMap<KnowledgeBase, Map<string, QuotesAnswer>>();
/** Answers about people kept per knowledge base, oldest dropped first. */
const SPEAKER_ANSWERS_KEPT = 500;

function speakerAnswers(kb: KnowledgeBase): Map<string, QuotesAnswer> {
  let memo = bySpeakers.get(kb);
  if (!memo) bySpeakers.set(kb, (memo = new Map()));
  return memo;
}

/** The quotations of the corpus, of a person, or of a topic's articles. */
export function quotes(kb: KnowledgeBase, text: string | undefined): QuotesAnswer | NoEvidenceAnswer {
  const query = text?.trim() ?? '';
  if (query === '') {
    // Every article's quotations, grouped: the same for every ask of one knowledge base.
    let whole = everyQuotation.get(kb);
    if (!whole) everyQuotation.set(kb, (whole = answer(kb, 'all', kb.corpus.articles.map((_, i) => i), () => true)));
    return whole;
  }
  const named = findByName(kb.entities, query);
  if (named.length > 0) {
    // The same people are asked about again and again, under every spelling: one answer per set of them.
    const memo = speakerAnswers(kb);
    const id = named.map((e) => e.key).join('\u0000');
    const known = memo.get(id);
    if (known) return { ...known, query };
    const keys = new Set(named.map((e) => `e:${e.key}`));
    const ids = new Set(named.flatMap((e) => e.occurrences.map((o) => o.articleId)));
    const articles = kb.corpus.articles.flatMap((a, i) => (ids.has(a.id) ? [i] : []));
    const [first] = named;
    const person = first ? { name: first.name, variants: [...new Set(named.flatMap((e) => [e.name, ...e.variants]))].filter((v) => v !== first.name) } : undefined;
    const made: QuotesAnswer = { ...answer(kb, 'speaker', articles, (q) => q.quote.speaker !== undefined && keys.has(q.quote.speaker.key), query), ...(person ? { person } : {}) };
    if (memo.size >= SPEAKER_ANSWERS_KEPT) memo.delete(memo.keys().next().value as string);
    memo.set(id, made);
    return made;
  }
  return ofTopic(kb, query);
}

/** A topic's articles: the best ones of each outlet covering it, within one story. */
function ofTopic(kb: KnowledgeBase, text: string): QuotesAnswer | NoEvidenceAnswer {
  const query = prepareQuery(kb, text);
  const topic = topicOf(kb, query);
  const recorded = recordedTerms(kb, query);
  const covers = (c: Candidate) => coverageShare(topic, paragraphWords(kb, c.doc, { terms: recorded, held: c.textTerms })) >= COVER_FLOOR;
  const scope = scopedCandidates(kb, query, TOPIC_CANDIDATES, covers);
  const articles = new Set<number>();
  for (const candidates of scope.bySource.values()) {
    const own = new Set<number>();
    for (const c of candidates) {
      const article = kb.index.docArticle[c.doc];
      if (article === undefined || own.size >= TOPIC_ARTICLES || !covers(c)) continue;
      own.add(article);
    }
    for (const a of own) articles.add(a);
  }
  if (articles.size === 0) return { kind: 'no-evidence', command: 'quotes', query: text, suggestions: suggestionsFor(kb, query) };
  const found = answer(kb, 'topic', [...articles].sort((a, b) => a - b), () => true, text);
  return scope.story ? { ...found, story: { ...storyRef(kb, scope.story), leftOut: scope.leftOut } } : found;
}

/** The answer over some articles, keeping the quotations `keep` accepts. */
function answer(kb: KnowledgeBase, scope: QuotesAnswer['scope'], articles: readonly number[], keep: (q: ArticleQuote) => boolean, query?: string): QuotesAnswer {
  const all = articles.flatMap((a) => quotesOfArticle(kb, a)).filter(keep);
  const speakers = tallies(all);
  const rank = new Map(speakers.map((s, i) => [s.speaker.key, i]));
  const groups = groupQuotes(kb, all);
  const order = (g: QuoteGroup) => (g.speaker ? (rank.get(g.speaker.key) ?? speakers.length) : Number.MAX_SAFE_INTEGER);
  const sorted = groups
    .map((g, i) => ({ g, i }))
    .sort((x, y) => order(x.g) - order(y.g) || outletsOf(y.g) - outletsOf(x.g) || x.i - y.i)
    .map((x) => x.g);
  return {
    kind: 'quotes',
    ...(query !== undefined ? { query } : {}),
    scope,
    speakers: speakers.slice(0, LIST_LIMIT),
    groups: sorted.slice(0, LIST_LIMIT),
    quotations: all.length,
    unattributed: all.filter((q) => !q.quote.speaker).length,
    articles: articles.length,
    ...(sorted.length > LIST_LIMIT ? { total: sorted.length } : {}),
  };
}

function outletsOf(g: QuoteGroup): number {
  return new Set(g.quotations.map((q) => q.excerpt.citation.sourceId)).size;
}

/** Attributed quotations per speaker and outlet, most quoted first (ties: first quoted first). */
function tallies(quotes: readonly ArticleQuote[]): SpeakerTally[] {
  const bySpeaker = new Map<string, { tally: SpeakerTally; outlets: Map<string, number>; count: number }>();
  for (const q of quotes) {
    const speaker = q.quote.speaker;
    if (!speaker) continue;
    let entry = bySpeaker.get(speaker.key);
    if (!entry) bySpeaker.set(speaker.key, (entry = { tally: { speaker, quotations: 0, outlets: [] }, outlets: new Map(), count: 0 }));
    entry.count++;
    const outlet = q.quote.excerpt.citation.outlet;
    entry.outlets.set(outlet, (entry.outlets.get(outlet) ?? 0) + 1);
  }
  return [...bySpeaker.values()]
    .map((e) => ({
      speaker: e.tally.speaker,
      quotations: e.count,
      outlets: [...e.outlets].map(([outlet, count]) => ({ outlet, count })).sort((a, b) => b.count - a.count || a.outlet.localeCompare(b.outlet)),
    }))
    .sort((a, b) => b.quotations - a.quotations);
}
