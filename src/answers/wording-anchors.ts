/**
 * Where `/wording` finds referents: what the outlets' articles on a topic share (an anchor) and
 * the words each uses for it. Each finder returns candidate referents, each phrase with the
 * outlets the anchor found it in; wording.ts then counts every phrase over each outlet's whole
 * articles on the topic.
 *
 * - figures: the same value counted with different nouns, with the other nouns of the counted
 *   group (counted.yaml) the outlets use;
 * - names: a person, organisation or place spelled in one outlet in a way another never writes;
 * - qualifiers: the words heading a name (`la libération de la région de Koursk`) or the relative
 *   clause after it (`, qui avait été partiellement occupée…`) that the other outlets do not use;
 * - quotations: the same statement quoted by several outlets, where the words differ (quote-wording.ts).
 */
import { countedGroupsOf } from '../corpus/counted.js';
import { analyse } from '../text/analyser.js';
import { groupKeyOf } from '../text/entities.js';
import { fold } from '../text/fold.js';
import { countedFigures, type CompiledCountedGroups } from '../text/quantities.js';
import type { IndexedParagraph } from '../search/paragraph-index.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { groupQuotes } from './quote-groups.js';
import { quotesOfArticle, type ArticleQuote } from './quote-index.js';
import { groupsOf } from './statements.js';
import { foldedParagraph, occurrences, phraseKey, type Occurrence } from './wording-text.js';
import type { Span } from '../text/sentences.js';
import type { WordingAnchor } from './wording-types.js';

/** One outlet's articles on the topic, as the finders read them. */
export interface OutletTexts {
  readonly sourceId: string;
  readonly outlet: string;
  /** Every paragraph of its articles on the topic, in article order. */
  readonly paragraphs: readonly IndexedParagraph[];
  /** Positions of those articles in the corpus. */
  readonly articles: readonly number[];
}

/** A phrase a finder found, in the outlets it found it in. */
export interface FoundPhrase {
  readonly key: string;
  /** Where the anchor found it, per outlet id: the excerpt is taken there. */
  readonly at: ReadonlyMap<string, Occurrence>;
  /** Counted only for the outlets it was found in (a generic `personnes` says nothing elsewhere). */
  readonly ownOnly?: true;
  /**
   * Which occurrences of the key count, in a paragraph or a title (`Kiev` as a party, not `à
   * Kiev`); every occurrence when absent.
   */
  readonly keep?: (where: IndexedParagraph | string, span: Span) => boolean;
}

/** A referent before counting. */
export interface FoundReferent {
  readonly anchor: WordingAnchor;
  readonly label: string;
  readonly value?: number;
  readonly phrases: readonly FoundPhrase[];
}

/** Words a phrase holds at most (the figure's noun, a qualifier, a spelling). */
export const PHRASE_WORDS_MAX = 9;

function phrase(key: string, sourceId: string, at: Occurrence, ownOnly = false): FoundPhrase {
  return { key, at: new Map([[sourceId, at]]), ...(ownOnly ? { ownOnly: true as const } : {}) };
}

/** Adds an outlet's occurrence to a phrase list, one entry per key. */
function add(list: FoundPhrase[], p: FoundPhrase): void {
  const same = list.find((q) => q.key === p.key);
  if (!same) list.push(p);
  else for (const [id, o] of p.at) if (!same.at.has(id)) (same.at as Map<string, Occurrence>).set(id, o);
}

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

/** One counted figure of a paragraph: its value, what it counts, its noun as written. */
interface WrittenCount {
  readonly value: number;
  readonly key: string;
  readonly generic: boolean;
  readonly figureText: string;
  readonly noun: Occurrence;
}

const countsMemo = new Map<IndexedParagraph, readonly WrittenCount[]>();

/** A naive singular, as counted.yaml's nouns are compared: `ouvriers` → `ouvrier`. */
const singular = (w: string) => (w.length > 3 && /[sx]$/u.test(w) ? w.slice(0, -1) : w);

function countsOf(kb: KnowledgeBase, doc: IndexedParagraph, groups: CompiledCountedGroups): readonly WrittenCount[] {
  let found = countsMemo.get(doc);
  if (found) return found;
  const text = doc.paragraph.text;
  found = countedFigures(text, kb.factsOf(doc.id).figures, groups).flatMap((f) => {
    const m = /^([\s\u00a0\u202f]*(?:d['’]|de[\s\u00a0\u202f]+)?)((?:[\p{L}’'-]+)(?:[\s\u00a0\u202f]+[\p{L}’'-]+){0,3})/u.exec(text.slice(f.figure.end));
    if (!m) return [];
    const words = (m[2] ?? '').split(/[\s\u00a0\u202f]+/u);
    const folded = words.map((w) => singular(fold(w)));
    const entry = groups.entries.find((e) => e.words.length > 0 && e.words.length <= folded.length && e.words.every((w, i) => singular(w) === folded[i]));
    const n = entry ? entry.words.length : 1;
    const taken = new RegExp(`^[\\p{L}’'-]+(?:[\\s\\u00a0\\u202f]+[\\p{L}’'-]+){${n - 1}}`, 'u').exec(m[2] ?? '')?.[0] ?? '';
    const start = f.figure.end + (m[1] ?? '').length;
    const end = start + taken.length;
    return [{ value: f.figure.value, key: f.key, generic: f.generic, figureText: text.slice(f.figure.start, f.figure.end), noun: { doc, span: { start, end } } }];
  });
  if (countsMemo.size >= 50_000) countsMemo.clear();
  countsMemo.set(doc, found);
  return found;
}

/**
 * Smallest value a figure anchor is taken on: two outlets giving `deux` or `trois` of something
 * are often counting different things.
 */
const FIGURE_MIN = 10;

/** The same value, counted with different nouns by different outlets. */
export function figureReferents(kb: KnowledgeBase, outlets: readonly OutletTexts[]): FoundReferent[] {
  const groups = groupsOf(kb);
  const perOutlet = outlets.map((o) => ({ o, counts: o.paragraphs.flatMap((d) => countsOf(kb, d, groups)) }));
  const values = new Map<number, number>();
  for (const { counts } of perOutlet) for (const v of new Set(counts.map((c) => c.value))) values.set(v, (values.get(v) ?? 0) + 1);
  const out: FoundReferent[] = [];
  for (const [value, giving] of values) {
    if (giving < 2 || value < FIGURE_MIN) continue;
    const phrases: FoundPhrase[] = [];
    const nounsBy = new Map<string, Set<string>>();
    const keys = new Set<string>();
    let label = '';
    for (const { o, counts } of perOutlet) {
      for (const c of counts.filter((x) => x.value === value)) {
        const key = phraseKey(c.noun.doc.paragraph.text.slice(c.noun.span.start, c.noun.span.end));
        if (label === '') label = c.figureText;
        add(phrases, phrase(key, o.sourceId, c.noun, c.generic));
        if (!c.generic) keys.add(c.key);
        let set = nounsBy.get(o.sourceId);
        if (!set) nounsBy.set(o.sourceId, (set = new Set()));
        set.add(key);
      }
    }
    // Two specific nouns of different kinds (`mètres cubes`, `euros`) count two things that happen to be equal.
    if (keys.size > 1) continue;
    // A referent of wording only when the nouns differ: some outlet never counts it as another does.
    const sets = [...nounsBy.values()].map((s) => [...s].sort().join('|'));
    if (new Set(sets).size < 2) continue;
    // The other nouns of the counted groups the figures belong to name the same thing.
    const heads = new Set(groups.entries.filter((e) => keys.has(e.key)).map((e) => e.noun));
    for (const group of countedGroupsOf(kb.corpus.counted)) if (heads.has(group[0] ?? '')) for (const noun of group) add(phrases, { key: phraseKey(noun), at: new Map() });
    out.push({ anchor: 'figure', label, value, phrases });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Names: spellings and qualifiers
// ---------------------------------------------------------------------------------------------

/** Every name of a paragraph: entities the engine knows and alias spellings, by name key. */
function namesOf(kb: KnowledgeBase, doc: IndexedParagraph): Array<{ key: string; label: string; at: Occurrence }> {
  const out = new Map<string, { key: string; label: string; at: Occurrence }>();
  for (const m of kb.entitiesOf(doc.id)) {
    const k = `e:${m.entity.key}`;
    out.set(`${k}@${m.start}`, { key: k, label: m.entity.name, at: { doc, span: { start: m.start, end: m.end } } });
  }
  const folded = foldedParagraph(doc);
  for (const group of kb.corpus.aliases) {
    const k = `a:${groupKeyOf(group[0] as string, kb.corpus.aliases)}`;
    for (const spelling of group) {
      for (const span of occurrences(folded, phraseKey(spelling))) {
        // An entity found at the same place is the same name.
        if ([...out.values()].some((n) => n.at.span.start <= span.start && n.at.span.end >= span.end)) continue;
        out.set(`${k}@${span.start}`, { key: k, label: group[0] as string, at: { doc, span } });
      }
    }
  }
  return [...out.values()];
}

/** A person, organisation or place one outlet spells in a way another never writes. */
export function spellingReferents(kb: KnowledgeBase, outlets: readonly OutletTexts[]): FoundReferent[] {
  const byName = new Map<string, { label: string; spellings: Map<string, FoundPhrase> }>();
  for (const o of outlets) {
    for (const doc of o.paragraphs) {
      for (const n of namesOf(kb, doc)) {
        let entry = byName.get(n.key);
        if (!entry) byName.set(n.key, (entry = { label: n.label, spellings: new Map() }));
        const key = phraseKey(doc.paragraph.text.slice(n.at.span.start, n.at.span.end));
        const list = [...entry.spellings.values()];
        add(list, phrase(key, o.sourceId, n.at));
        entry.spellings = new Map(list.map((p) => [p.key, p]));
      }
    }
  }
  const writes = (o: OutletTexts, key: string) => o.paragraphs.some((d) => occurrences(foldedParagraph(d), key).length > 0);
  const out: FoundReferent[] = [];
  for (const { label, spellings } of byName.values()) {
    const namers = outlets.filter((o) => [...spellings.values()].some((p) => p.at.has(o.sourceId)));
    if (namers.length < 2) continue;
    // Only spellings some naming outlet never writes: `Choïgou` inside `Sergueï Choïgou` is no difference.
    const differing = [...spellings.values()].filter((p) => namers.some((o) => !writes(o, p.key)));
    const owners = new Set(differing.flatMap((p) => [...p.at.keys()]));
    if (differing.length < 2 || owners.size < 2) continue;
    out.push({ anchor: 'name', label, phrases: differing });
  }
  return out;
}

/** Words a noun heading a name with `de` may be separated from it by: `la région (russe) de`. */
const BEFORE_NAME = /(?:^|[\s\u00a0(«"“])((?:la|le|les|l['’]|une?|des|du|sa|son|ses|leur|leurs|cette|ce|ces)[\s\u00a0]*)(\p{Ll}[\p{Ll}’'-]{3,})[\s\u00a0]+(?:de[\s\u00a0]+la|de[\s\u00a0]+l['’]|du|des|de|d['’])[\s\u00a0]*(?:(?:région|ville|province|oblast|capitale|district|territoire|frontière|commune)(?:[\s\u00a0]+\p{Ll}+)?[\s\u00a0]+(?:de|d['’])[\s\u00a0]*)?$/du;
/** A relative clause right after a name. */
const AFTER_NAME = /^[\s\u00a0]*,[\s\u00a0]*((?:qui|dont|où)[\s\u00a0][^,.;:!?()«»"“”]*)/u;

/** The qualifiers of one name occurrence: the noun heading it, the clause after it. */
function qualifiersAt(at: Occurrence): Array<{ head: string; at: Occurrence }> {
  const text = at.doc.paragraph.text;
  const out: Array<{ head: string; at: Occurrence }> = [];
  const base = Math.max(0, at.span.start - 80);
  const before = BEFORE_NAME.exec(text.slice(base, at.span.start));
  const headAt = before?.indices?.[2]?.[0];
  if (before && headAt !== undefined) {
    const start = base + headAt;
    out.push({ head: singular(fold(before[2] as string)), at: { doc: at.doc, span: { start, end: at.span.end } } });
  }
  const after = AFTER_NAME.exec(text.slice(at.span.end));
  if (after) {
    const clause = after[1] as string;
    const tokens = analyse(clause);
    let kept = tokens.slice(0, PHRASE_WORDS_MAX);
    const digit = kept.findIndex((t) => /\d/u.test(t.surface));
    if (digit >= 0) kept = kept.slice(0, digit);
    while (kept.length > 1 && kept[kept.length - 1]?.term === undefined) kept = kept.slice(0, -1);
    const last = kept[kept.length - 1];
    if (kept.length >= 3 && last) {
      const start = at.span.end + after[0].length - clause.length;
      const head = kept.filter((t) => t.term !== undefined).map((t) => t.term).join(' ');
      out.push({ head: `qui:${head}`, at: { doc: at.doc, span: { start, end: start + last.end } } });
    }
  }
  return out;
}

/** A name several outlets use, with words around it that some of them use and others do not. */
export function qualifierReferents(kb: KnowledgeBase, outlets: readonly OutletTexts[]): FoundReferent[] {
  const byName = new Map<string, { label: string; heads: Map<string, Map<string, Occurrence[]>>; namers: Set<string> }>();
  for (const o of outlets) {
    for (const doc of o.paragraphs) {
      for (const n of namesOf(kb, doc)) {
        let entry = byName.get(n.key);
        if (!entry) byName.set(n.key, (entry = { label: n.label, heads: new Map(), namers: new Set() }));
        entry.namers.add(o.sourceId);
        for (const q of qualifiersAt(n.at)) {
          let by = entry.heads.get(q.head);
          if (!by) entry.heads.set(q.head, (by = new Map()));
          by.set(o.sourceId, [...(by.get(o.sourceId) ?? []), q.at]);
        }
      }
    }
  }
  const out: FoundReferent[] = [];
  for (const { label, heads, namers } of byName.values()) {
    if (namers.size < 2) continue;
    const phrases: FoundPhrase[] = [];
    for (const by of heads.values()) {
      // A qualifier every naming outlet uses is no difference of wording.
      if (by.size >= namers.size) continue;
      for (const [sourceId, list] of by) for (const at of list) add(phrases, phrase(phraseKey(at.doc.paragraph.text.slice(at.span.start, at.span.end)), sourceId, at));
    }
    if (phrases.length === 0) continue;
    out.push({ anchor: 'qualifier', label, phrases });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Quotations
// ---------------------------------------------------------------------------------------------

/** The same statement quoted by several outlets: each stretch where their words differ. */
export function quoteReferents(kb: KnowledgeBase, outlets: readonly OutletTexts[]): FoundReferent[] {
  const quotes: ArticleQuote[] = outlets.flatMap((o) => o.articles.flatMap((a) => quotesOfArticle(kb, a)));
  const docOf = (q: ArticleQuote) => kb.paragraph(q.quote.excerpt.citation.articleId, q.quote.excerpt.citation.paragraph);
  const out: FoundReferent[] = [];
  for (const g of groupQuotes(kb, quotes)) {
    const [first, ...others] = g.quotations;
    if (!first) continue;
    others.forEach((q, i) => {
      if (q.excerpt.citation.sourceId === first.excerpt.citation.sourceId) return;
      for (const change of g.changes[i + 1] ?? []) {
        const phrases: FoundPhrase[] = [];
        for (const [quotation, words] of [[first, change.reference], [q, change.other]] as const) {
          const doc = docOf(quotes.find((x) => x.quote === quotation) as ArticleQuote);
          if (!doc || words.includes(' … ')) continue;
          const span = occurrences(foldedParagraph(doc), phraseKey(words))[0];
          if (span) add(phrases, phrase(phraseKey(words), quotation.excerpt.citation.sourceId, { doc, span }));
        }
        if (phrases.length === 2) out.push({ anchor: 'quote', label: g.speaker?.name ?? '', phrases });
      }
    });
  }
  return out;
}
