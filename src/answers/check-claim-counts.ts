/**
 * A claim's ordinal count (`sa troisième visite en France en un an`) against each outlet's
 * articles on its topic, read as the comparison reads counts (statements.ts `ordinalsOf`, the
 * counted.yaml group of the noun), so that the check and the fact matrix's count row agree:
 *
 * - `same`: a paragraph gives the claim's rank for the thing it counts, over about the same period
 *   (count-rules.ts `samePeriod`) when the claim gives one;
 * - `different`: paragraphs count the thing, none with the claim's rank (or none over the claim's
 *   period): another rank, or the same rank over another period;
 * - `silent`: the outlet's articles on the topic are French and hold no ordinal word at all (the
 *   matrix's rule, count-rules.ts `countsNothing`): it counts nothing, in any wording;
 * - otherwise `unknown`.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { OrdinalMention } from '../text/ordinals.js';
import type { ClaimCount } from './check-claim-read.js';
import type { ClaimCheck, ClaimEvidence } from './check-claim-types.js';
import { EVIDENCE_MAX } from './check-claim-figures.js';
import { countsNothing, samePeriod } from './count-rules.js';
import { evidence, groupsOf, ordinalsOf, type Found, type OutletTopic } from './statements.js';

/** What each covering outlet says of the claim's ordinal count. */
export function checkCount(kb: KnowledgeBase, claim: ClaimCount, covering: readonly OutletTopic[]): ClaimCheck[] {
  const groups = groupsOf(kb);
  const wanted = claim.mention;
  // Every paragraph is read for ordinal words only when some outlet gives no count of the thing.
  let nothing: ReadonlySet<string> | undefined;
  const sameCount = (f: Found<OrdinalMention>) => f.item.ordinal === wanted.ordinal && (wanted.periodDays === undefined || samePeriod(wanted.periodDays, f.item.periodDays));
  return covering.map((o): ClaimCheck => {
    const mine = o.paragraphs.flatMap((doc) => ordinalsOf(kb, doc, groups)).filter((f) => f.item.key === wanted.key);
    const base = { sourceId: o.sourceId, outlet: o.outlet };
    const same = mine.filter(sameCount);
    const others = mine.filter((f) => !sameCount(f));
    const shown = (list: readonly Found<OrdinalMention>[], relation: 'same' | 'different') => distinct(list).slice(0, EVIDENCE_MAX).map((f) => evidenceOf(kb, f, relation));
    if (same.length > 0) return { ...base, state: 'same', evidence: [...shown(same, 'same'), ...shown(others, 'different')].slice(0, EVIDENCE_MAX) };
    if (mine.length > 0) return { ...base, state: 'different', evidence: shown(mine, 'different') };
    nothing ??= countsNothing(covering);
    return { ...base, state: nothing.has(o.outlet) ? 'silent' : 'unknown', evidence: [] };
  });
}

/** One passage per rank and period: the same count repeated in an article is shown once. */
function distinct(list: readonly Found<OrdinalMention>[]): Found<OrdinalMention>[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const key = `${f.item.ordinal}/${f.item.periodDays ?? ''}`;
    return !seen.has(key) && (seen.add(key), true);
  });
}

function evidenceOf(kb: KnowledgeBase, f: Found<OrdinalMention>, relation: 'same' | 'different'): ClaimEvidence {
  return { relation, text: f.doc.paragraph.text.slice(f.item.start, f.item.end), excerpt: evidence(kb, f.doc, f.item), value: f.item.ordinal };
}
