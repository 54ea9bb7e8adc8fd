/**
 * `compare TOPIC`: what each outlet says on a topic, side by side, then what differs between
 * them: figures (compared by value, so "Cinq mille" = "5 000") and people named by some only.
 */
import type { FigureMention } from '../text/numbers.js';
import type { KnowledgeBase } from './facts.js';
import { prepareQuery, retrieveBySource, suggestionsFor, type Ranked } from './retrieve.js';
import type { CompareAnswer, FigureDifference, NoEvidenceAnswer, OutletCoverage, PersonDifference } from './types.js';

/** Excerpts per outlet at most. */
const COMPARE_EXCERPTS = 3;
/**
 * Paragraphs per outlet re-ranked by their excerpts. Fewer than `ask` weighs (20): every outlet
 * gets its own, and three excerpts are shown, not one.
 */
const COMPARE_CANDIDATES = 10;

/**
 * Share of the query's weight a paragraph must match to count as covering the topic: with three
 * words, one rare word is enough; a paragraph matching only a common word is not coverage.
 */
const COVERAGE_SHARE = 0.3;

/** Compares the outlets of the corpus on a topic. */
export function compare(kb: KnowledgeBase, topic: string): CompareAnswer | NoEvidenceAnswer {
  const query = prepareQuery(kb, topic);
  const idf = (t: string) => kb.index.idf(t);
  // Words the corpus never uses (typos, other spellings from the alias table) weigh nothing here.
  const unique = [...new Set(query.terms)].filter((t) => kb.index.documentFrequency(t) > 0);
  const total = unique.reduce((s, t) => s + idf(t), 0);
  const relevant = (r: Ranked) => total > 0 && coveredWeight(kb, r, unique, idf) / total >= COVERAGE_SHARE;

  const bySource = retrieveBySource(kb, query, { limit: COMPARE_EXCERPTS, candidates: COMPARE_CANDIDATES });
  const perOutlet = kb.corpus.sources.map((source) => ({ source, ranked: (bySource.get(source.id) ?? []).filter(relevant) }));
  if (perOutlet.every((o) => o.ranked.length === 0)) return { kind: 'no-evidence', command: 'compare', query: topic, suggestions: suggestionsFor(kb, query) };

  const outlets: OutletCoverage[] = perOutlet.map(({ source, ranked }) => ({
    sourceId: source.id,
    outlet: source.short,
    outletName: source.name,
    color: source.color,
    covered: ranked.length > 0,
    excerpts: ranked.map((r) => r.excerpt),
  }));
  const covering = perOutlet.filter((o) => o.ranked.length > 0);
  return {
    kind: 'compare',
    topic,
    outlets,
    figures: covering.length > 1 ? figureDifferences(kb, covering) : [],
    people: covering.length > 1 ? peopleDifferences(kb, covering) : [],
  };
}

/** Query weight the ranked paragraph holds: each query term it contains, counted once. */
function coveredWeight(kb: KnowledgeBase, r: Ranked, queryTerms: readonly string[], idf: (t: string) => number): number {
  // The paragraph was analysed to choose its excerpt; reuse that rather than analyse it again.
  const present = new Set(kb.index.analysisOf(r.doc.id).words.terms);
  return queryTerms.filter((t) => present.has(t)).reduce((s, t) => s + idf(t), 0);
}

type Covering = ReadonlyArray<{ source: { short: string }; ranked: readonly Ranked[] }>;

function figureDifferences(kb: KnowledgeBase, covering: Covering): FigureDifference[] {
  const byValue = new Map<number, { unit?: string; wordings: Map<string, string> }>();
  for (const { source, ranked } of covering) {
    for (const r of ranked) {
      for (const f of kb.factsOf(r.doc.id).figures) addFigure(byValue, f, source.short);
    }
  }
  const outlets = covering.map((c) => c.source.short);
  return [...byValue]
    .map(([value, { unit, wordings }]) => ({
      value,
      ...(unit ? { unit } : {}),
      wordings: [...wordings].map(([outlet, text]) => ({ outlet, text })),
      givenBy: [...wordings.keys()],
      notGivenBy: outlets.filter((o) => !wordings.has(o)),
    }))
    .sort((a, b) => a.value - b.value);
}

function addFigure(byValue: Map<number, { unit?: string; wordings: Map<string, string> }>, f: FigureMention, outlet: string): void {
  const entry = byValue.get(f.value) ?? { ...(f.unit ? { unit: f.unit } : {}), wordings: new Map<string, string>() };
  if (!entry.wordings.has(outlet)) entry.wordings.set(outlet, f.text);
  byValue.set(f.value, entry);
}

function peopleDifferences(kb: KnowledgeBase, covering: Covering): PersonDifference[] {
  const namedBy = new Map<string, { name: string; outlets: Set<string> }>();
  for (const { source, ranked } of covering) {
    for (const r of ranked) {
      for (const m of kb.factsOf(r.doc.id).entities) {
        if (m.entity.kind !== 'person') continue;
        const entry = namedBy.get(m.entity.key) ?? { name: m.entity.name, outlets: new Set<string>() };
        entry.outlets.add(source.short);
        namedBy.set(m.entity.key, entry);
      }
    }
  }
  const outlets = covering.map((c) => c.source.short);
  return [...namedBy.values()]
    .filter((p) => p.outlets.size < outlets.length)
    .map((p) => ({ name: p.name, namedBy: [...p.outlets], notNamedBy: outlets.filter((o) => !p.outlets.has(o)) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
