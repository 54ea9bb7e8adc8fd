/**
 * `check CLAIM` ("Check this claim"): what a claim states (its figures, ordinal counts, dates,
 * the roles it gives people, the words it quotes), and for each, what every outlet covering the
 * claim's topic says of it over its whole articles on the topic: the same, something different,
 * nothing, or nothing found. Never whether the claim is true.
 *
 * The claim's own words find its topic (its rarest, {@link CLAIM_TOPIC_WORDS} at most, from the
 * sentences holding its items), as `compare` finds one (topic-outlets.ts: coverage
 * paragraph by paragraph, within one story); each kind of item is then checked by its module
 * (check-claim-figures, -counts, -dates, -roles, -quotes), each saying `silent` only where the
 * fact matrix does (fact-matrix.ts), so that "does not say" holds under any wording.
 */
import type { Article } from '../corpus/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { analyse } from '../text/analyser.js';
import type { Span } from '../text/sentences.js';
import { checkCount } from './check-claim-counts.js';
import { eventOf, checkDate } from './check-claim-dates.js';
import { checkFigure } from './check-claim-figures.js';
import { checkQuote } from './check-claim-quotes.js';
import { readClaim, resolveDates, type ReadClaim } from './check-claim-read.js';
import { checkRole } from './check-claim-roles.js';
import type { CheckAnswer, ClaimCoverage, ClaimItem } from './check-claim-types.js';
import { excerptFor, suggestionsFor } from './retrieve.js';
import { groupsOf, type OutletTopic } from './statements.js';
import { storyRef } from './story-list.js';
import { storyScope } from './stories.js';
import { TOPIC_ARTICLES, topicOutlets, type TopicOutlets } from './topic-outlets.js';
import type { NoEvidenceAnswer } from './types.js';

/**
 * Words of a claim its topic is searched with at most, the rarest in the corpus: a typed topic's
 * length. A pasted paragraph's common words find nothing its rare ones do not, and each costs a
 * pass over its postings: at 100 000 paragraphs, claims of one or two corpus sentences took up
 * to 34 ms searched whole, 10 ms with 12 words (bench/latency.ts's claims, once read).
 */
export const CLAIM_TOPIC_WORDS = 12;

/** Checks a claim against the outlets of the corpus. */
export function checkClaim(kb: KnowledgeBase, input: string): CheckAnswer | NoEvidenceAnswer {
  const read = readClaim(input, groupsOf(kb), kb.entities, heaviestSentence);
  const found = topicOutlets(kb, topicText(kb, read));
  if (found.perOutlet.every((o) => o.relevant.length === 0)) {
    return { kind: 'no-evidence', command: 'check', query: read.text, suggestions: suggestionsFor(kb, found.query) };
  }
  const scoped = withStoryOutlets(kb, found);
  const { scope } = scoped;
  const story = scope.story;
  return {
    kind: 'check',
    claim: read.text,
    ...(read.cut ? { cut: true as const } : {}),
    ...(story ? { story: { ...storyRef(kb, story), leftOut: scope.leftOut } } : {}),
    outlets: coverageOf(kb, scoped),
    items: itemsOf(kb, read, scoped),
  };
}

/**
 * The claim's topic with every outlet of its story: a claim is worded as one outlet would word
 * it, and an outlet of the same story whose paragraphs hold too little of the claim's words to
 * count as covering it (coverage.ts) has still reported the event. Its articles in the story are
 * read whole like the others' (the newest first, at most {@link TOPIC_ARTICLES}); every item's
 * `silent` holds over them as over any covering outlet's.
 */
function withStoryOutlets(kb: KnowledgeBase, found: TopicOutlets): TopicOutlets {
  const judged = found.perOutlet.flatMap((o) => o.relevant.map((r) => ({ doc: r.doc.id, score: r.share })));
  const story = found.scope.story ?? storyScope(kb, judged);
  if (!story) return found;
  const added: OutletTopic[] = [];
  for (const o of found.perOutlet) {
    if (o.relevant.length > 0 || found.covering.some((c) => c.sourceId === o.source.id)) continue;
    const articles = story.articles.map((a) => kb.corpus.articles[a]).filter((a): a is Article => a !== undefined && a.source === o.source.id);
    if (articles.length === 0) continue;
    const read = articles.sort((a, b) => b.published.localeCompare(a.published)).slice(0, TOPIC_ARTICLES);
    const paragraphs = read.flatMap((a) => a.paragraphs.flatMap((p) => kb.paragraph(a.id, p.n) ?? []));
    const inStory = new Set(read.map((a) => a.id));
    const relevant = o.candidates.filter((c) => inStory.has(c.doc.article.id)).map((c) => c.doc);
    added.push({ outlet: o.source.short, sourceId: o.source.id, paragraphs, relevant: relevant.length > 0 ? relevant : paragraphs.slice(0, 1) });
  }
  const order = new Map(kb.corpus.sources.map((s, i) => [s.id, i]));
  const covering = [...found.covering, ...added].sort((a, b) => (order.get(a.sourceId) ?? 0) - (order.get(b.sourceId) ?? 0));
  return { ...found, covering, scope: { ...found.scope, story } };
}

/** The sentence with the most words that are not stopwords: what a claim with no figure, date, role or quotation is about. */
function heaviestSentence(sentences: readonly Span[], text: string): Span | undefined {
  let best: { span: Span; weight: number } | undefined;
  for (const span of sentences) {
    const weight = analyse(text.slice(span.start, span.end)).filter((t) => t.term !== undefined).length;
    if (weight > 0 && (!best || weight > best.weight)) best = { span, weight };
  }
  return best?.span;
}

/** Every outlet of the corpus and whether its articles were read. */
function coverageOf(kb: KnowledgeBase, scoped: TopicOutlets): ClaimCoverage[] {
  const { story } = scoped.scope;
  return scoped.perOutlet.map(({ source, relevant }): ClaimCoverage => {
    const shared = { sourceId: source.id, outlet: source.short, outletName: source.name, color: source.color };
    const covering = scoped.covering.find((o) => o.sourceId === source.id);
    if (covering) return { ...shared, coverage: 'covers', articles: new Set(covering.paragraphs.map((d) => d.article.id)).size };
    const carries = [...new Set(relevant.map((r) => scoped.carried.get(r.doc.article.id)).filter((o): o is string => o !== undefined))];
    if (carries.length > 0) return { ...shared, coverage: 'carries', articles: 0, carries };
    if (story && !story.articles.some((a) => kb.corpus.articles[a]?.source === source.id)) return { ...shared, coverage: 'outside-story', articles: 0 };
    return { ...shared, coverage: 'not-found', articles: 0 };
  });
}

/** The claim's items in text order, each with what every covering outlet says of it. */
function itemsOf(kb: KnowledgeBase, read: ReadClaim, scoped: TopicOutlets): ClaimItem[] {
  const covering = scoped.covering;
  const items: Array<{ at: number; item: ClaimItem }> = [];
  for (const f of read.figures) {
    items.push({ at: f.counted.figure.start, item: { kind: 'figure', text: f.written, figure: { value: f.counted.figure.value, quantity: f.counted.noun }, checks: checkFigure(kb, f, covering) } });
  }
  for (const c of read.counts) {
    const { ordinal, noun, periodDays } = c.mention;
    items.push({ at: c.mention.start, item: { kind: 'count', text: c.written, count: { ordinal, noun, ...(periodDays !== undefined ? { periodDays } : {}) }, checks: checkCount(kb, c, covering) } });
  }
  // A date without its year is the one nearest before the newest article read.
  const resolved = resolveDates(read.text, newestOf(covering), read.dates);
  for (const d of read.dates) {
    const mention = resolved.get(d.start);
    if (!mention) continue;
    const event = eventOf(read.text, d.sentence, d, read.dates);
    const date = { iso: mention.iso, precision: mention.precision, ...(mention.part ? { part: mention.part } : {}) };
    items.push({ at: d.start, item: { kind: 'date', text: d.text, date, ...(event.words ? { event: event.words } : {}), checks: checkDate(kb, mention, event, covering) } });
  }
  for (const r of read.roles) items.push({ at: r.span.start, item: { kind: 'role', text: `${r.person}, ${r.role}`, person: r.person, role: r.role, checks: checkRole(kb, r, covering) } });
  for (const q of read.quotes) items.push({ at: q.inner.start, item: { kind: 'quote', text: q.words, ...(q.speaker ? { person: q.speaker } : {}), checks: checkQuote(kb, q, covering) } });
  if (items.length === 0) {
    const main = read.sentences[0];
    if (main) items.push({ at: main.start, item: statementItem(kb, read.text.slice(main.start, main.end), scoped) });
  }
  return items.sort((a, b) => a.at - b.at).map((x) => x.item);
}

/** `YYYY-MM-DD` of the newest article read; with none, today. */
function newestOf(covering: readonly OutletTopic[]): string {
  let newest = '';
  for (const o of covering) for (const d of o.paragraphs) if (d.article.published > newest) newest = d.article.published;
  return newest || new Date().toISOString().slice(0, 10);
}

/**
 * A claim stating nothing the items read: its main sentence, with each covering outlet's closest
 * paragraph on it, shown as such. Nothing more is claimed: the words of a statement can be put
 * in too many ways for "the same" or "does not say" to hold.
 */
function statementItem(kb: KnowledgeBase, sentence: string, scoped: TopicOutlets): ClaimItem {
  const checks = scoped.covering.map((o) => {
    const best = o.relevant[0];
    const excerpt = best ? excerptFor(kb, scoped.query, best) : undefined;
    return { sourceId: o.sourceId, outlet: o.outlet, state: 'unknown' as const, evidence: excerpt ? [{ relation: 'partial' as const, text: excerpt.text, excerpt }] : [] };
  });
  return { kind: 'statement', text: sentence, checks };
}

/** What the claim's topic is searched with: its rarest words, in its order, from the sentences holding its items. */
function topicText(kb: KnowledgeBase, read: ReadClaim): string {
  const text = read.sentences.length > 0 ? read.sentences.map((s) => read.text.slice(s.start, s.end)).join(' ') : read.text;
  const tokens = analyse(text).filter((t) => t.term !== undefined);
  const terms = [...new Set(tokens.map((t) => t.term as string))];
  if (terms.length <= CLAIM_TOPIC_WORDS) return text;
  const kept = new Set(terms.sort((a, b) => kb.index.idf(b) - kb.index.idf(a)).slice(0, CLAIM_TOPIC_WORDS));
  return tokens.filter((t) => kept.has(t.term as string)).map((t) => t.surface).join(' ');
}
