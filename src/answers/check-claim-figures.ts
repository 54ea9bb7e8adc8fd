/**
 * A claim's figure against each outlet's articles on its topic, read as `compare` reads figures
 * (statements.ts): the same counted thing (the counted.yaml group), the same value or another.
 *
 * - `same`: a paragraph gives the claim's value for the thing it counts (or, for a claim counting
 *   people in general, `1 200 personnes`, any paragraph giving that value for people in general,
 *   or for people the outlet names with the same noun and more, `1 200 personnes évacuées`);
 * - `different`: paragraphs give the thing other values, none the claim's. Never for a generic
 *   noun, which says too little to claim a disagreement;
 * - `silent`: no figure of the thing, and every figure of the outlet counts a known other thing
 *   (the rule of the fact matrix's "does not say", statements.ts `countsOpenly`);
 * - otherwise `unknown`.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { CountedFigure } from '../text/quantities.js';
import type { ClaimFigure } from './check-claim-read.js';
import type { ClaimCheck, ClaimEvidence } from './check-claim-types.js';
import { countsOf, countsOpenly, evidence, groupsOf, writtenFigure, type Found, type OutletTopic } from './statements.js';

/** Passages shown per outlet at most. */
export const EVIDENCE_MAX = 3;

/** What each covering outlet says of the claim's figure. */
export function checkFigure(kb: KnowledgeBase, claim: ClaimFigure, covering: readonly OutletTopic[]): ClaimCheck[] {
  const groups = groupsOf(kb);
  const wanted = claim.counted;
  return covering.map((o): ClaimCheck => {
    const all = o.paragraphs.flatMap((doc) => countsOf(kb, doc, groups));
    // A generic noun (`450 habitants`) counts what the outlet counts as such (`habitants évacués`) or in general.
    const counts = (f: Found<CountedFigure>) => f.item.key === wanted.key || (wanted.generic && (f.item.generic || f.item.key.split(' ').includes(wanted.key)));
    const mine = all.filter(counts);
    const same = mine.filter((f) => f.item.figure.value === wanted.figure.value);
    const shown = (list: readonly Found<CountedFigure>[], relation: 'same' | 'different') => distinctValues(list).slice(0, EVIDENCE_MAX).map((f) => evidenceOf(kb, f, relation));
    const base = { sourceId: o.sourceId, outlet: o.outlet };
    if (same.length > 0) return { ...base, state: 'same', evidence: [...shown(same, 'same'), ...shown(mine.filter((f) => f.item.figure.value !== wanted.figure.value), 'different')].slice(0, EVIDENCE_MAX) };
    if (mine.length > 0 && !wanted.generic) return { ...base, state: 'different', evidence: shown(mine, 'different') };
    if (mine.length === 0 && !wanted.generic && !countsOpenly(groups, all)) return { ...base, state: 'silent', evidence: [] };
    // A generic figure of the claim's value counting something specific may be the same people.
    const sameValue = all.filter((f) => f.item.figure.value === wanted.figure.value);
    return { ...base, state: 'unknown', evidence: shown(sameValue, 'same').map((e) => ({ ...e, relation: 'partial' as const })) };
  });
}

function distinctValues(list: readonly Found<CountedFigure>[]): Found<CountedFigure>[] {
  const seen = new Set<number>();
  return list.filter((f) => !seen.has(f.item.figure.value) && (seen.add(f.item.figure.value), true));
}

function evidenceOf(kb: KnowledgeBase, f: Found<CountedFigure>, relation: 'same' | 'different'): ClaimEvidence {
  return { relation, text: writtenFigure(f.doc, f.item), excerpt: evidence(kb, f.doc, f.item.figure), value: f.item.figure.value };
}
