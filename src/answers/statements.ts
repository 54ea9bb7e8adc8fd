/**
 * What `compare` states about the outlets, each statement computed over the whole articles each
 * outlet has on the topic (never over the excerpts shown) and carrying the paragraph that shows
 * it, so a reader can check it:
 *
 * - figures: the same quantity (same counted noun, or one of its counted.yaml group) given with
 *   the same values, different values, or by some outlets only;
 * - ordinal counts (`la deuxième visite en deux semaines`), compared the same way;
 * - people named by some outlets only: "not named by Y" holds only when no paragraph of Y's
 *   articles on the topic names them under any spelling the engine knows.
 */
import { countedGroupsOf } from '../corpus/counted.js';
import type { Corpus } from '../corpus/types.js';
import type { Entity } from '../text/entities.js';
import { terms, type WordList } from '../text/analyser.js';
import { fold } from '../text/fold.js';
import { findOrdinals, type OrdinalMention } from '../text/ordinals.js';
import { compileCountedGroups, countedFigures, type CompiledCountedGroups, type CountedFigure } from '../text/quantities.js';
import { sentenceSpans } from '../text/sentences.js';
import type { IndexedParagraph } from '../search/paragraph-index.js';
import { excerptOf } from './citations.js';
import { compiledPerFile } from './compiled-per-file.js';
import { samePeriod } from './count-rules.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { CountStatement, Excerpt, FigureStatement, PersonStatement, StatedCount, StatedValue, StatementKind } from './types.js';

/** One outlet covering the topic: its articles on it (every paragraph) and its paragraphs about it. */
export interface OutletTopic {
  readonly outlet: string;
  readonly sourceId: string;
  readonly paragraphs: readonly IndexedParagraph[];
  readonly relevant: readonly IndexedParagraph[];
}

/**
 * Lines of each kind (figures, counts, people) a comparison states at most, differences first:
 * more than a reader takes in, and than a Discord answer shows.
 */
export const STATEMENTS_MAX = 12;

const countedGroups = compiledPerFile((counted: Corpus['counted']) => compileCountedGroups(countedGroupsOf(counted)));

/** The corpus's counted-noun groups, compiled once per counted.yaml (compiled-per-file.ts). */
export function groupsOf(kb: KnowledgeBase): CompiledCountedGroups {
  return countedGroups(kb.corpus.counted);
}

/** A count found in one paragraph, ready to be stated. */
export interface Found<T> {
  readonly doc: IndexedParagraph;
  readonly item: T;
}

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

/** The figure statements of a topic: quantities the topic's paragraphs give, compared over whole articles. */
export function figureStatements(kb: KnowledgeBase, outlets: readonly OutletTopic[]): FigureStatement[] {
  const groups = groupsOf(kb);
  // The topic's paragraphs first: when they count nothing, the whole articles need not be read.
  if (!outlets.some((o) => o.relevant.some((doc) => countsOf(kb, doc, groups).length > 0))) return [];
  const perOutlet = outlets.map((o) => ({ outlet: o.outlet, all: o.paragraphs.flatMap((doc) => countsOf(kb, doc, groups)), relevantIds: new Set(o.relevant.map((d) => d.id)) }));
  // Quantities of the topic: those its paragraphs give (a generic `personnes` only as itself).
  const keys = new Set<string>();
  for (const o of perOutlet) for (const f of o.all) if (o.relevantIds.has(f.doc.id)) keys.add(f.item.key);
  // A generic figure (`Cinq mille personnes`) joins a specific quantity another outlet gives with
  // the same value (`5 000 militaires bâtisseurs`); otherwise it stays a quantity of its own.
  const keyed = perOutlet.map((o) => ({
    outlet: o.outlet,
    figures: o.all.map((f) => ({ ...f, key: f.item.generic ? (joinedKey(f, o.outlet, perOutlet, keys) ?? f.item.key) : f.item.key })),
  }));
  // "No figure for it from Y" must hold under any wording: only an outlet all of whose figures
  // count known, different things (counted.yaml groups) can be said to give none.
  const open = new Set(keyed.filter((o) => countsOpenly(groups, o.figures)).map((o) => o.outlet));
  const pending: Array<Omit<FigureStatement, 'values'> & { found: Array<{ outlet: string; f: (typeof keyed)[number]['figures'][number] }> }> = [];
  for (const key of keys) {
    const found: Array<{ outlet: string; f: (typeof keyed)[number]['figures'][number] }> = [];
    const givenBy: string[] = [];
    const notGivenBy: string[] = [];
    let noun = key;
    for (const o of keyed) {
      const mine = o.figures.filter((f) => f.key === key);
      if (mine.length === 0) {
        if (!open.has(o.outlet)) notGivenBy.push(o.outlet);
        continue;
      }
      givenBy.push(o.outlet);
      const specific = mine.find((f) => !f.item.generic);
      if (specific) noun = specific.item.noun;
      const seen = new Set<number>();
      for (const f of mine) {
        if (seen.has(f.item.figure.value)) continue;
        seen.add(f.item.figure.value);
        found.push({ outlet: o.outlet, f });
      }
    }
    // One outlet's figure, with no outlet firmly known not to give it, compares nothing.
    if (givenBy.length === 0 || (givenBy.length === 1 && notGivenBy.length === 0)) continue;
    const kind = kindOf(givenBy.length, valueSets(found.map(({ outlet, f }) => ({ outlet, value: f.item.figure.value })), givenBy));
    pending.push({ kind, quantity: noun, found, givenBy, notGivenBy });
  }
  // Evidence is chosen only for what is stated: the first lines, differences first.
  return pending
    .sort(byKind)
    .slice(0, STATEMENTS_MAX)
    .map(({ found, ...line }) => ({ ...line, values: found.map(({ outlet, f }): StatedValue => ({ outlet, value: f.item.figure.value, text: writtenFigure(f.doc, f.item), excerpt: evidence(kb, f.doc, f.item.figure) })) }));
}

/**
 * Whether an outlet's figures leave open what else it counts: some figure counts a generic noun
 * (`personnes`) or a thing outside the counted.yaml groups. Only an outlet whose every figure
 * counts a known thing can be said to give no figure for another quantity.
 */
export function countsOpenly(groups: CompiledCountedGroups, figures: ReadonlyArray<{ readonly item: CountedFigure; readonly key?: string }>): boolean {
  const known = groupKeysOf(groups);
  return figures.some((f) => f.item.generic || !known.has(f.key ?? f.item.key));
}

const groupKeys = new WeakMap<CompiledCountedGroups, ReadonlySet<string>>();

function groupKeysOf(groups: CompiledCountedGroups): ReadonlySet<string> {
  let keys = groupKeys.get(groups);
  if (!keys) groupKeys.set(groups, (keys = new Set(groups.entries.map((e) => e.key))));
  return keys;
}

/** The counted figures of one paragraph, without those about another year than the article's. */
export function countsOf(kb: KnowledgeBase, doc: IndexedParagraph, groups: CompiledCountedGroups): readonly Found<CountedFigure>[] {
  return countsRead.get(doc, () => {
    const facts = kb.factsOf(doc.id);
    if (!facts.figures.some((f) => f.unit !== undefined)) return [];
    const text = doc.paragraph.text;
    const past = pastSentences(kb, doc);
    return countedFigures(text, facts.figures, groups)
      .filter((f) => !past.some((s) => f.figure.start >= s.start && f.figure.end <= s.end))
      .map((item) => ({ doc, item }));
  });
}

/** The ordinal counts of one paragraph (`sa troisième visite en un an`), read once per paragraph. */
export function ordinalsOf(kb: KnowledgeBase, doc: IndexedParagraph, groups: CompiledCountedGroups): readonly Found<OrdinalMention>[] {
  return ordinalsRead.get(doc, () => findOrdinals(doc.paragraph.text, groups).map((item) => ({ doc, item })));
}

/**
 * Paragraph readings kept per paragraph, bounded, cleared when full: the paragraphs of a story are
 * read again by every comparison on it. Keyed by the paragraph object, which a composition keeps
 * for every paragraph of its base (see ParagraphIndex), so that a new composition at each publish
 * starts with its base's readings. A reading depends only on the paragraph's text, its own facts
 * and the counted groups, which are the same in every knowledge base holding that paragraph.
 */
class ParagraphMemo<T> {
  private static readonly MAX = 50_000;
  private readonly read = new Map<IndexedParagraph, T>();

  get(doc: IndexedParagraph, reading: () => T): T {
    let found = this.read.get(doc);
    if (found === undefined) {
      if (this.read.size >= ParagraphMemo.MAX) this.read.clear();
      this.read.set(doc, (found = reading()));
    }
    return found;
  }
}

const countsRead = new ParagraphMemo<readonly Found<CountedFigure>[]>();
const ordinalsRead = new ParagraphMemo<readonly Found<OrdinalMention>[]>();

/**
 * Sentences holding a date in an earlier year than the article's (`l'an dernier, 300 personnes
 * avaient été évacuées`): their figures are about another event and are not compared.
 */
function pastSentences(kb: KnowledgeBase, doc: IndexedParagraph): { start: number; end: number }[] {
  const year = doc.article.published.slice(0, 4);
  const dates = kb.factsOf(doc.id).dates.filter((d) => d.iso.slice(0, 4) < year);
  if (dates.length === 0) return [];
  return sentenceSpans(doc.paragraph.text).filter((s) => dates.some((d) => d.start >= s.start && d.end <= s.end));
}

function joinedKey(f: Found<CountedFigure>, outlet: string, all: ReadonlyArray<{ outlet: string; all: readonly Found<CountedFigure>[] }>, keys: ReadonlySet<string>): string | undefined {
  for (const other of all) {
    if (other.outlet === outlet) continue;
    const match = other.all.find((g) => !g.item.generic && keys.has(g.item.key) && g.item.figure.value === f.item.figure.value);
    if (match) return match.item.key;
  }
  return undefined;
}

/** The figure and the word after it, as written: `1.000 sapeurs`, `5 000 militaires`. */
export function writtenFigure(doc: IndexedParagraph, f: CountedFigure): string {
  const text = doc.paragraph.text;
  const next = /^[\s\u00a0\u202f]*(?:d['’]|de[\s\u00a0\u202f]+)?[\p{L}’'-]+/u.exec(text.slice(f.figure.end))?.[0] ?? '';
  return text.slice(f.figure.start, f.figure.end + next.length);
}

// ---------------------------------------------------------------------------------------------
// Ordinal counts
// ---------------------------------------------------------------------------------------------

/** The ordinal-count statements of a topic (`la deuxième visite en deux semaines`). */
export function countStatements(kb: KnowledgeBase, outlets: readonly OutletTopic[]): CountStatement[] {
  const groups = groupsOf(kb);
  if (!outlets.some((o) => o.relevant.some((doc) => ordinalsOf(kb, doc, groups).length > 0))) return [];
  const perOutlet = outlets.map((o) => ({
    outlet: o.outlet,
    relevantIds: new Set(o.relevant.map((d) => d.id)),
    all: o.paragraphs.flatMap((doc) => ordinalsOf(kb, doc, groups)),
  }));
  const keys = new Set<string>();
  for (const o of perOutlet) for (const f of o.all) if (o.relevantIds.has(f.doc.id)) keys.add(f.item.key);
  const out: CountStatement[] = [];
  for (const key of keys) {
    const counts: StatedCount[] = [];
    const givenBy: string[] = [];
    const notGivenBy: string[] = [];
    let counted = key;
    for (const o of perOutlet) {
      const mine = o.all.filter((f) => f.item.key === key);
      if (mine.length === 0) {
        notGivenBy.push(o.outlet);
        continue;
      }
      givenBy.push(o.outlet);
      for (const f of mine) {
        counted = f.item.noun;
        counts.push({
          outlet: o.outlet,
          ordinal: f.item.ordinal,
          ...(f.item.periodDays !== undefined ? { periodDays: f.item.periodDays } : {}),
          text: f.doc.paragraph.text.slice(f.item.start, f.item.end),
          excerpt: evidence(kb, f.doc, f.item),
        });
      }
    }
    out.push({ kind: givenBy.length < 2 ? 'one-outlet' : countsDiffer(counts, givenBy) ? 'different' : 'same', counted, counts, givenBy, notGivenBy });
  }
  return out.sort(byKind).slice(0, STATEMENTS_MAX);
}

/**
 * Two outlets' counts differ when one gives an ordinal the other does not give for about the same
 * period (`deuxième en moins de trois mois` against `troisième en quatre mois`), or gives it for a
 * clearly different period.
 */
function countsDiffer(counts: readonly StatedCount[], outlets: readonly string[]): boolean {
  const signature = (outlet: string) => counts.filter((c) => c.outlet === outlet);
  const [first, ...rest] = outlets.map(signature);
  if (!first) return false;
  const same = (a: StatedCount, b: StatedCount) => a.ordinal === b.ordinal && samePeriod(a.periodDays, b.periodDays);
  return rest.some((other) => other.length !== first.length || !first.every((a) => other.some((b) => same(a, b))) || !other.every((b) => first.some((a) => same(a, b))));
}

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

/** People of the topic's paragraphs that some covering outlets never name in their articles on it. */
export function personStatements(kb: KnowledgeBase, outlets: readonly OutletTopic[]): PersonStatement[] {
  const people = new Map<string, Entity>();
  for (const o of outlets) {
    for (const doc of o.relevant) for (const m of kb.entitiesOf(doc.id)) if (m.entity.kind === 'person') people.set(m.entity.key, m.entity);
  }
  // Whom each outlet's articles on the topic name, and where first: read once for every person.
  const naming = outlets.map((o) => firstMentions(kb, o.paragraphs));
  const pending: Array<{ name: string; namers: Array<{ outlet: string; first: { doc: IndexedParagraph; span: { start: number; end: number } } }>; notNamedBy: string[] }> = [];
  for (const person of people.values()) {
    const namers: Array<{ outlet: string; first: { doc: IndexedParagraph; span: { start: number; end: number } } }> = [];
    const unnamed = outlets.filter((o, i) => {
      const first = naming[i]?.get(person.key);
      if (first) namers.push({ outlet: o.outlet, first });
      return !first;
    });
    if (unnamed.length === 0 || namers.length === 0) continue;
    // No false "not named": a surname written anywhere in the outlet's articles counts as naming.
    const terms = surnameTerms(kb, person);
    const notNamedBy = unnamed.filter((o) => !writesAny(kb, o, terms)).map((o) => o.outlet);
    if (notNamedBy.length > 0) pending.push({ name: person.name, namers, notNamedBy });
  }
  // Evidence is chosen only for what is stated.
  return pending
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
    .slice(0, STATEMENTS_MAX)
    .map(({ name, namers, notNamedBy }) => ({ name, namedBy: namers.map(({ outlet, first }) => ({ outlet, excerpt: evidence(kb, first.doc, first.span) })), notNamedBy }));
}

/** The first paragraph naming each entity, in article order, with where it names it. */
function firstMentions(kb: KnowledgeBase, paragraphs: readonly IndexedParagraph[]): Map<string, { doc: IndexedParagraph; span: { start: number; end: number } }> {
  const out = new Map<string, { doc: IndexedParagraph; span: { start: number; end: number } }>();
  for (const doc of paragraphs) for (const m of kb.entitiesOf(doc.id)) if (!out.has(m.entity.key)) out.set(m.entity.key, { doc, span: m });
  return out;
}

/**
 * Index terms of the words that name the person on their own: the last word of the name and of
 * each variant (the surname, `Choïgou`), and of every spelling of those in the alias groups.
 */
export function surnameTerms(kb: KnowledgeBase, person: Entity): string[] {
  const words = new Set<string>();
  for (const name of [person.name, ...person.variants]) {
    // As written and folded: the stemmer reads `Roncière` as `ronci`, `ronciere` as `roncier`.
    const last = name.toLowerCase().split(/[\s'’-]+/).filter((w) => w.length > 2).pop();
    if (last) words.add(last).add(fold(last));
  }
  for (const group of kb.corpus.aliases) {
    const folded = group.map((g) => fold(g));
    if (folded.some((g) => words.has(g))) group.forEach((g) => words.add(g.toLowerCase()).add(fold(g)));
  }
  // An English article indexes the name as English (`en:shoigu`): look for it both ways.
  return [...new Set([...words].flatMap((w) => (kb.index.hasEnglish ? [...terms(w), ...terms(w, 'en')] : terms(w))))];
}

/** Whether any paragraph (or the title) of the outlet's articles on the topic holds one of the terms. */
export function writesAny(kb: KnowledgeBase, o: OutletTopic, wanted: readonly string[]): boolean {
  return wanted.some((term) => o.paragraphs.some((d) => kb.index.holdsTerm(d.id, term)));
}

// ---------------------------------------------------------------------------------------------
// Shared
// ---------------------------------------------------------------------------------------------

/**
 * Weight of the stated span against other words when choosing the evidence excerpt: it must be
 * inside, whatever else the paragraph holds (the evidence query has no words of its own).
 */
const EVIDENCE_TARGET_BONUS = 2;

/** The excerpt of a paragraph around a span, as the evidence of a statement. */
export function evidence(kb: KnowledgeBase, doc: IndexedParagraph, span: { start: number; end: number }): Excerpt {
  const analysis = kb.index.analysisOf(doc.id);
  return excerptOf(doc, { terms: spanTerms(analysis.words, span), targets: [{ start: span.start, end: span.end }], targetBonus: EVIDENCE_TARGET_BONUS, analysis });
}

/** Characters after a stated span whose words still belong to it: the noun after a figure (`1.000 sapeurs`). */
const SPAN_TAIL = 24;

/**
 * The index terms of the span's words and of the word right after it. An excerpt holds a matched
 * word or is the paragraph's opening (excerpt-span.ts): with these, it is the sentence that states
 * the thing, not the paragraph's first one.
 */
function spanTerms(words: WordList, span: { start: number; end: number }): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < words.terms.length; i++) {
    const start = words.starts[i] as number;
    const term = words.terms[i];
    if (term === undefined || (words.ends[i] as number) <= span.start) continue;
    if (start >= span.end + SPAN_TAIL) break;
    out.add(term);
    if (start >= span.end) break;
  }
  return out;
}

/** Each giving outlet's values. */
function valueSets(values: ReadonlyArray<{ readonly outlet: string; readonly value: number }>, outlets: readonly string[]): number[][] {
  return outlets.map((o) => [...new Set(values.filter((v) => v.outlet === o).map((v) => v.value))].sort((a, b) => a - b));
}

function kindOf(giving: number, sets: readonly number[][]): StatementKind {
  if (giving < 2) return 'one-outlet';
  const [first, ...rest] = sets.map((s) => s.join(','));
  return rest.every((s) => s === first) ? 'same' : 'different';
}

const KIND_ORDER: Readonly<Record<StatementKind, number>> = { different: 0, 'one-outlet': 1, same: 2 };

function byKind<T extends { kind: StatementKind }>(a: T, b: T): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}
