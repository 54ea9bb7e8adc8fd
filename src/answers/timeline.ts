/**
 * `timeline [TOPIC]`: the events the articles date, across outlets, oldest first. Each dated
 * sentence is an occurrence of an event; occurrences of different outlets that tell the same
 * thing (they share rare words and people, weighed by IDF) and whose dates are compatible are one
 * event, "dated alike". Two events that tell the same thing, strongly, but are dated
 * incompatibly by disjoint outlets are one event "dated differently" — and only when it holds
 * over the outlets' whole articles: no paragraph of either outlet gives the event the other's date.
 *
 * Bounded work: with a topic, the best paragraphs of each outlet on it (one search); without one,
 * the head of the knowledge base's timeline (already sorted, `kb.timeline`). Nothing scans the
 * corpus per query.
 */
import { readDateline } from '../corpus/dateline.js';
import type { Source } from '../corpus/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { IndexedParagraph } from '../search/paragraph-index.js';
import { EXCERPT_MAX_LENGTH, type TextAnalysis } from '../search/excerpt-span.js';
import { termOf, type WordList } from '../text/analyser.js';
import type { DateMention } from '../text/dates.js';
import { dayOf, periodOf } from '../text/date-period.js';
import type { Span } from '../text/sentences.js';
import { citationOf, excerptOf } from './citations.js';
import { datedAs } from './when.js';
import { prepareQuery, retrieveBySource, suggestionsFor } from './retrieve.js';
import { LIST_LIMIT, type DatedExcerpt, type Excerpt, type NoEvidenceAnswer, type TimelineAnswer, type TimelineDating, type TimelineEvent, type TimelineOutlet } from './types.js';

/** Paragraphs of each outlet read for a topic: its best ones, whose dates make the timeline. */
const TOPIC_PARAGRAPHS = 8;
/** Dates read from the head of the corpus's timeline when no topic is given. */
const HEAD_DATES = 120;
/**
 * Occurrences are the same event, dated alike, when the words they share weigh at least this
 * share of the lighter sentence's words (containment: a short sentence may tell part of a long one)
 * and they share {@link ALIKE_KEYS} keys; sharing only {@link MIN_SHARED_KEYS}, they need
 * {@link ALIKE_SHARE_FEW}. Measured on test/fixtures/stories: same-event pairs of outlets share
 * 0.32 to 0.78 of the lighter sentence with three keys or more; different events of one story on
 * one day share two keys (`vallée`, `Sorbière`; `port`, `grève`) for up to 0.44.
 */
const ALIKE_SHARE = 0.3;
/** Keys shared for {@link ALIKE_SHARE}. */
const ALIKE_KEYS = 3;
/** Share needed when only {@link MIN_SHARED_KEYS} keys are shared. */
const ALIKE_SHARE_FEW = 0.6;
/**
 * Two events dated incompatibly are one event dated differently only when their sentences are
 * this close both ways (Dice: shared weight over the mean of both): a weaker likeness may be
 * another, similar event (an earlier visit, the next meeting).
 */
const DIFFER_SHARE = 0.6;
/** Keys two sentences must share to be compared at all (one common word is no event). */
const MIN_SHARED_KEYS = 2;
/** ...and to be called one event dated differently. */
const DIFFER_SHARED_KEYS = 3;
/** Occurrences are compared only between articles published this close: one story, not two. */
const STORY_WINDOW_DAYS = 14;
/** Widest gap, in days, between two dates of one precision that may be one event dated differently. */
const DIFFER_GAP_DAYS: Readonly<Record<DateMention['precision'], number>> = { day: 7, week: 21, month: 92, season: 183, year: 1_100 };
/** Paragraphs of an outlet searched to check a difference over its whole articles. */
const CHECK_PARAGRAPHS = 20;
/** Excerpt score bonus for holding the date, when a long sentence is cut around it (as `when` does: three words' worth). */
const DATE_TARGET_BONUS = 3;
/** How much a word after the date counts towards a label, against one before it. */
const AFTER_DATE_WEIGHT = 0.5;
/** How much better a label starting with its sentence is rated. */
const SENTENCE_START_BONUS = 1.2;
/** Longest picture label, in characters. */
const LABEL_MAX = 64;
/**
 * Words that date rather than tell (`nuit`, `matin`, `hier`…): two sentences sharing only these
 * tell nothing in common. Weekdays and months are inside the date mentions already.
 */
const TIME_TERMS: ReadonlySet<string | undefined> = new Set(['nuit', 'matin', 'matinee', 'soir', 'soiree', 'midi', 'apres', 'hier', 'aujourd', 'demain', 'veille', 'lendemain', 'semaine', 'jour', 'jours', 'journee', 'mois', 'annee', 'an', 'ans', 'heure', 'heures', 'fin', 'debut', 'dernier', 'derniere', 'prochain', 'prochaine'].map(termOf));

/** One dated sentence. */
interface Occurrence {
  readonly doc: IndexedParagraph;
  readonly mention: DateMention;
  readonly sentence: Span;
  /** Other dates in the same sentence: which one dates what is then unclear. */
  readonly crowded: boolean;
  /**
   * A relative date (`vendredi`) resolved after its article's publication: a plan, or a past day
   * resolved forward. Never the ground of a difference, since the resolution may be wrong.
   */
  readonly uncertain: boolean;
  /** What the sentence tells: index terms and entity keys, with their weights. */
  readonly keys: ReadonlyMap<string, number>;
  /** The sentence's index terms (names' words included), to search for it. */
  readonly terms: readonly string[];
  readonly weight: number;
  /** The period the date names, in days since 1970. */
  readonly from: number;
  readonly to: number;
  readonly published: number;
}

interface Cluster {
  readonly members: Occurrence[];
  from: number;
  to: number;
  differs: boolean;
}

/** The events the articles date, oldest first; on a topic, or from the head of the whole timeline. */
export function eventTimeline(kb: KnowledgeBase, text: string | undefined): TimelineAnswer | NoEvidenceAnswer {
  const topic = text?.trim() ?? '';
  const reader = new SentenceReader(kb);
  let occurrences: Occurrence[];
  if (topic === '') {
    occurrences = headOccurrences(kb, reader);
  } else {
    const query = prepareQuery(kb, topic);
    const bySource = retrieveBySource(kb, query, { limit: TOPIC_PARAGRAPHS, candidates: TOPIC_PARAGRAPHS });
    const docs = [...bySource.values()].flatMap((ranked) => ranked.map((r) => r.doc));
    if (docs.length === 0) return { kind: 'no-evidence', command: 'timeline', query: topic, suggestions: suggestionsFor(kb, query) };
    occurrences = docs.flatMap((doc) => reader.occurrencesOf(doc)).sort(inTimelineOrder);
  }
  const clusters = mergeDifferences(kb, reader, clusterAlike(occurrences));
  if (clusters.length === 0) return topic === '' ? { kind: 'timeline', events: [], outlets: [] } : { kind: 'no-evidence', command: 'timeline', query: topic, suggestions: [] };
  // Excerpts and labels cost: they are made for the events shown only.
  const ordered = clusters.map((c) => ({ c, sortKey: sortKeyOf(c) })).sort((a, b) => compareKeys(a.sortKey, b.sortKey));
  const shown = ordered.slice(0, LIST_LIMIT).map(({ c }) => eventOf(c, reader));
  const answer: TimelineAnswer = { kind: 'timeline', ...(topic ? { query: topic } : {}), events: shown, outlets: outletsOf(kb, shown) };
  return ordered.length > LIST_LIMIT ? { ...answer, total: ordered.length } : answer;
}

/** The first dates of the corpus's timeline (oldest first), as occurrences. */
function headOccurrences(kb: KnowledgeBase, reader: SentenceReader): Occurrence[] {
  const out: Occurrence[] = [];
  const count = Math.min(kb.timeline.length / 2, HEAD_DATES);
  for (let i = 0; i < count; i++) {
    const doc = kb.index.docs[kb.timeline[2 * i] as number] as IndexedParagraph;
    const found = reader.occurrence(doc, kb.timeline[2 * i + 1] as number);
    if (found) out.push(found);
  }
  return out;
}

function inTimelineOrder(a: Occurrence, b: Occurrence): number {
  return compareKeys(a.mention.sortKey, b.mention.sortKey) || a.doc.source.short.localeCompare(b.doc.source.short) || a.doc.id - b.doc.id || a.mention.start - b.mention.start;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reads dated sentences, analysing each paragraph once per answer. */
class SentenceReader {
  private readonly read = new Map<number, Array<Occurrence | undefined>>();
  private readonly idfs = new Map<string, number>();
  constructor(private readonly kb: KnowledgeBase) {}

  private idf(term: string): number {
    let known = this.idfs.get(term);
    if (known === undefined) {
      known = this.kb.index.idf(term);
      this.idfs.set(term, known);
    }
    return known;
  }

  /** Every dated sentence of a paragraph (datelines left out). */
  occurrencesOf(doc: IndexedParagraph): Occurrence[] {
    return this.all(doc).filter((o): o is Occurrence => o !== undefined);
  }

  /** The sentence of one date of a paragraph, by its position in the paragraph's dates. */
  occurrence(doc: IndexedParagraph, at: number): Occurrence | undefined {
    return this.all(doc)[at];
  }

  private all(doc: IndexedParagraph): Array<Occurrence | undefined> {
    const known = this.read.get(doc.id);
    if (known) return known;
    const facts = this.kb.factsOf(doc.id);
    const text = doc.paragraph.text;
    // The index keeps paragraphs' words and sentences for excerpt choice: read once, shared.
    const { words, sentences } = this.kb.index.analysisOf(doc.id);
    // A dateline (`PARIS, 10 mars 2026 (AHP) -`) dates the dispatch, not an event.
    const dateline = doc.paragraph.n === 1 ? readDateline(text) : undefined;
    const published = dayOf(doc.article.published);
    const made = facts.dates.map((mention): Occurrence | undefined => {
      if (dateline && mention.end <= dateline.end) return undefined;
      const found = sentences.find((s) => mention.start >= s.start && mention.start < s.end) ?? { start: 0, end: text.length };
      // The dateline's place and agency are not what the sentence tells.
      const sentence = dateline && found.start < dateline.end ? { start: dateline.end, end: found.end } : found;
      const inside = facts.dates.filter((d) => d.start >= sentence.start && d.end <= sentence.end);
      const { keys, terms } = this.keysOf(words, sentence, inside, facts.entities);
      const [from, to] = periodOf(mention);
      const uncertain = mention.relative && mention.sortKey > doc.article.published;
      return { doc, mention, sentence, crowded: inside.length > 1, uncertain, keys, terms, weight: sum(keys), from, to, published };
    });
    this.read.set(doc.id, made);
    return made;
  }

  /** What a sentence tells: its words' index terms and the people it names, dates and numbers left out. */
  private keysOf(words: WordList, sentence: Span, dates: readonly DateMention[], entities: ReturnType<KnowledgeBase['factsOf']>['entities']): { keys: Map<string, number>; terms: string[] } {
    const keys = new Map<string, number>();
    const terms: string[] = [];
    const named = entities.filter((e) => e.start >= sentence.start && e.end <= sentence.end);
    // A name weighs what its words weigh, once per sentence however often it is repeated.
    const nameWeights = new Map<(typeof named)[number], number>();
    for (let i = firstWordFrom(words, sentence.start); i < words.terms.length; i++) {
      const start = words.starts[i] as number;
      if (start >= sentence.end) break;
      const term = words.terms[i];
      // Numbers are left out: outlets give different figures for the same event.
      if (term === undefined || isDigit(term.charCodeAt(0)) || TIME_TERMS.has(term)) continue;
      if (dates.some((d) => start >= d.start && start < d.end)) continue;
      terms.push(term);
      const person = named.find((e) => start >= e.start && start < e.end);
      if (person) nameWeights.set(person, (nameWeights.get(person) ?? 0) + this.idf(term));
      else keys.set(term, this.idf(term));
    }
    for (const [mention, weight] of nameWeights) {
      const key = `@${mention.entity.key}`;
      keys.set(key, Math.max(keys.get(key) ?? 0, weight));
    }
    return { keys, terms };
  }

  /** The paragraph's words and sentences, as the index analysed them. */
  analysisOf(doc: IndexedParagraph): TextAnalysis {
    return this.kb.index.analysisOf(doc.id);
  }
}

/** The first word starting at or after `offset` (words are in text order). */
function firstWordFrom(words: WordList, offset: number): number {
  let low = 0;
  let high = words.starts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((words.starts[mid] as number) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function sum(keys: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const w of keys.values()) total += w;
  return total;
}

/** Weight the two sentences share (each key at its lighter weight) and how many keys. */
function shared(a: Occurrence, b: Occurrence): { weight: number; keys: number } {
  let weight = 0;
  let keys = 0;
  const [small, large] = a.keys.size <= b.keys.size ? [a.keys, b.keys] : [b.keys, a.keys];
  for (const [key, w] of small) {
    const other = large.get(key);
    if (other === undefined) continue;
    weight += Math.min(w, other);
    keys += 1;
  }
  return { weight, keys };
}

function sameStory(a: Occurrence, b: Occurrence): boolean {
  return Math.abs(a.published - b.published) <= STORY_WINDOW_DAYS;
}

/**
 * How much two occurrences tell the same thing: the share of the lighter one's words they have in
 * common, or 0 when that is not enough to call them one event (see {@link ALIKE_SHARE}).
 */
function alike(a: Occurrence, b: Occurrence): number {
  if (!sameStory(a, b)) return 0;
  const s = shared(a, b);
  const lighter = Math.min(a.weight, b.weight);
  if (s.keys < MIN_SHARED_KEYS || lighter <= 0) return 0;
  const share = s.weight / lighter;
  return share >= (s.keys >= ALIKE_KEYS ? ALIKE_SHARE : ALIKE_SHARE_FEW) ? share : 0;
}

/** Whether two occurrences tell the same thing closely enough to call their different dates a difference. */
function close(a: Occurrence, b: Occurrence): boolean {
  if (!sameStory(a, b) || a.crowded || b.crowded || a.uncertain || b.uncertain) return false;
  const s = shared(a, b);
  return s.keys >= DIFFER_SHARED_KEYS && (2 * s.weight) / (a.weight + b.weight) >= DIFFER_SHARE;
}

/**
 * Occurrences in timeline order, grouped: each joins the event it is most alike among those whose
 * period overlaps its own (an outlet's repeated sentence joins only when it gives the same date).
 */
function clusterAlike(occurrences: readonly Occurrence[]): Cluster[] {
  const clusters: Cluster[] = [];
  for (const o of occurrences) {
    let best: { cluster: Cluster; score: number } | undefined;
    for (const c of clusters) {
      if (c.to < o.from || c.from > o.to) continue;
      if (c.members.some((m) => m.doc.source.id === o.doc.source.id && m.mention.iso !== o.mention.iso)) continue;
      const score = Math.max(...c.members.map((m) => alike(m, o)));
      if (score > 0 && (!best || score > best.score)) best = { cluster: c, score };
    }
    if (best) {
      best.cluster.members.push(o);
      best.cluster.from = Math.max(best.cluster.from, o.from);
      best.cluster.to = Math.min(best.cluster.to, o.to);
    } else {
      clusters.push({ members: [o], from: o.from, to: o.to, differs: false });
    }
  }
  return clusters;
}

/** The outlets of a cluster. */
function sourcesOf(c: Cluster): Set<string> {
  return new Set(c.members.map((m) => m.doc.source.id));
}

/** A cluster whose members all give one date, of one precision. */
function singleDate(c: Cluster): DateMention | undefined {
  const first = c.members[0]?.mention;
  return first && c.members.every((m) => m.mention.iso === first.iso && m.mention.precision === first.precision) ? first : undefined;
}

/**
 * Joins two events dated incompatibly by disjoint outlets into one event dated differently, when
 * their sentences are close and the difference holds over the outlets' whole articles.
 */
function mergeDifferences(kb: KnowledgeBase, reader: SentenceReader, clusters: Cluster[]): Cluster[] {
  const gone = new Set<Cluster>();
  for (const [i, a] of clusters.entries()) {
    if (gone.has(a) || a.differs) continue;
    const dateA = singleDate(a);
    if (!dateA) continue;
    for (const b of clusters.slice(i + 1)) {
      if (gone.has(b) || b.differs) continue;
      const dateB = singleDate(b);
      if (!dateB || dateB.precision !== dateA.precision || dateB.iso === dateA.iso) continue;
      const gap = Math.max(b.from - a.to, a.from - b.to);
      if (gap <= 0 || gap > DIFFER_GAP_DAYS[dateA.precision]) continue;
      const outletsA = sourcesOf(a);
      if ([...sourcesOf(b)].some((s) => outletsA.has(s))) continue;
      if (!a.members.some((m) => b.members.some((n) => close(m, n)))) continue;
      if (!holdsOverArticles(kb, reader, a, b) || !holdsOverArticles(kb, reader, b, a)) continue;
      a.members.push(...b.members);
      a.differs = true;
      gone.add(b);
      break;
    }
  }
  return clusters.filter((c) => !gone.has(c));
}

/**
 * True when no paragraph of `own`'s outlets gives the event a date compatible with `other`'s:
 * each outlet's paragraphs closest to the event (one search each, over its whole articles) are
 * read, and any of their dated sentences that tells the event with such a date refutes it.
 */
function holdsOverArticles(kb: KnowledgeBase, reader: SentenceReader, own: Cluster, other: Cluster): boolean {
  const terms = [...new Set([...own.members, ...other.members].flatMap((m) => m.terms))];
  for (const sourceId of sourcesOf(own)) {
    for (const hit of kb.index.search(terms, { sourceId, limit: CHECK_PARAGRAPHS })) {
      for (const o of reader.occurrencesOf(hit.doc)) {
        if (o.to < other.from || o.from > other.to) continue;
        if ([...own.members, ...other.members].some((m) => alike(m, o) > 0)) return false;
      }
    }
  }
  return true;
}

/** When the event is: its most precise date says when dated alike; dated differently, the earliest. */
function sortKeyOf(c: Cluster): string {
  let best = c.members[0] as Occurrence;
  for (const m of c.members) {
    const better = c.differs ? compareKeys(m.mention.sortKey, best.mention.sortKey) < 0 : m.to - m.from < best.to - best.from;
    if (better) best = m;
  }
  return best.mention.sortKey;
}

/** A cluster as the answer shows it. */
function eventOf(c: Cluster, reader: SentenceReader): TimelineEvent {
  const byDate = new Map<string, Occurrence[]>();
  for (const m of [...c.members].sort(inTimelineOrder)) {
    const key = `${m.mention.precision} ${m.mention.iso}`;
    byDate.set(key, [...(byDate.get(key) ?? []), m]);
  }
  const datings: TimelineDating[] = [...byDate.values()].map((list) => {
    const first = (list[0] as Occurrence).mention;
    const perOutlet = list.filter((m, i) => list.findIndex((n) => n.doc.source.id === m.doc.source.id) === i);
    return { iso: first.iso, precision: first.precision, ...(first.part ? { part: first.part } : {}), sortKey: first.sortKey, mentions: perOutlet.map((m) => datedExcerpt(m, reader)) };
  });
  datings.sort((a, b) => compareKeys(a.sortKey, b.sortKey));
  const outlets = [...new Set(datings.flatMap((d) => d.mentions.map((m) => m.excerpt.citation.outlet)))];
  const labelled = [...c.members].sort((a, b) => b.weight - a.weight)[0] as Occurrence;
  return { sortKey: sortKeyOf(c), label: labelOf(labelled, reader.analysisOf(labelled.doc).words), datings, outlets, differs: c.differs };
}

/** The dated sentence as an excerpt (the whole sentence, or the best window of a long one), the date highlighted. */
function datedExcerpt(o: Occurrence, reader: SentenceReader): DatedExcerpt {
  const m = o.mention;
  const excerpt = o.sentence.end - o.sentence.start <= EXCERPT_MAX_LENGTH ? sentenceExcerpt(o) : excerptOf(o.doc, { terms: new Set(o.terms), targets: [m], targetBonus: DATE_TARGET_BONUS, analysis: reader.analysisOf(o.doc) });
  return datedAs(o.doc, m, excerpt);
}

function sentenceExcerpt(o: Occurrence): Excerpt {
  const text = o.doc.paragraph.text;
  const { start, end } = o.sentence;
  return {
    citation: citationOf(o.doc),
    text: text.slice(start, end),
    start,
    end,
    cutStart: start > 0,
    cutEnd: end < text.trimEnd().length,
    highlights: [{ start: o.mention.start - start, end: o.mention.end - start }],
    matched: [o.mention.text],
    score: 0,
  };
}

/**
 * A few words of the sentence, verbatim, that hold its date: the whole sentence when it is short,
 * else the run of at most {@link LABEL_MAX} characters around the date whose other words weigh
 * most (rare words and names tell the event), with `…` where the sentence goes on.
 */
function labelOf(o: Occurrence, words: WordList): string {
  const text = o.doc.paragraph.text;
  const sentence = text.slice(o.sentence.start, o.sentence.end).replace(/[\s.!?…]+$/u, '');
  if (sentence.length <= LABEL_MAX) return sentence;
  const offset = o.sentence.start;
  const tokens: Array<{ start: number; end: number; weight: number }> = [];
  for (let i = firstWordFrom(words, offset); i < words.terms.length; i++) {
    const start = (words.starts[i] as number) - offset;
    if (start >= sentence.length) break;
    const term = words.terms[i];
    const inDate = start + offset >= o.mention.start && start + offset < o.mention.end;
    // What happened comes before its date in French news (`le pont s'est effondré le 10 mars`); what follows is detail.
    const after = start + offset >= o.mention.end ? AFTER_DATE_WEIGHT : 1;
    tokens.push({ start, end: Math.min((words.ends[i] as number) - offset, sentence.length), weight: inDate || term === undefined ? 0 : (o.keys.get(term) ?? 0) * after });
  }
  const date = { start: o.mention.start - offset, end: o.mention.end - offset };
  let best: { start: number; end: number; score: number } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i] as (typeof tokens)[number];
    if (first.start > date.start) break;
    let score = 0;
    for (let j = i; j < tokens.length; j++) {
      const t = tokens[j] as (typeof tokens)[number];
      if (t.end - first.start > LABEL_MAX) break;
      score += t.weight;
      // A label that starts with its sentence reads best (it holds the subject): preferred unless clearly poorer.
      const rated = i === 0 ? score * SENTENCE_START_BONUS : score;
      if (t.end >= date.end && (!best || rated > best.score + 1e-9)) best = { start: first.start, end: t.end, score: rated };
    }
  }
  // A date wording longer than the label (never seen) falls back to the sentence's start.
  const found = best ?? { start: 0, end: cutAtWord(sentence, LABEL_MAX) };
  // A token starts after an elision (`d'ici` is `ici`): the label starts with the whole word.
  let start = found.start;
  while (start > 0 && /[\p{L}'’]/u.test(sentence[start - 1] ?? '')) start -= 1;
  const end = found.end;
  const core = sentence.slice(start, end).replace(/[\s,;:–—-]+$/u, '');
  return `${start > 0 ? '…' : ''}${core}${end < sentence.length ? '…' : ''}`;
}

/** The end of the last whole word within `max` characters. */
function cutAtWord(text: string, max: number): number {
  const space = text.lastIndexOf(' ', max);
  return space > 0 ? space : max;
}

/** The outlets of the events shown, in corpus order, with their colours. */
function outletsOf(kb: KnowledgeBase, events: readonly TimelineEvent[]): TimelineOutlet[] {
  const named = new Set(events.flatMap((e) => e.outlets));
  return kb.corpus.sources.filter((s: Source) => named.has(s.short)).map((s) => ({ sourceId: s.id, outlet: s.short, outletName: s.name, color: s.color }));
}
