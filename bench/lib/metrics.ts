/**
 * Relevance metrics of the benchmarks, as pure functions over ranks and texts, so they are tested
 * on tiny inline fixtures (test/bench/relevance-metrics.test.ts).
 */

/** Unicode NFC, runs of white space (no-break spaces included) as one space, trimmed. */
export function normaliseForMatch(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** True when any of the answers, normalised, is inside the normalised text. Empty answers never match. */
export function holdsAnswer(text: string, answers: readonly string[]): boolean {
  const haystack = normaliseForMatch(text);
  return answers.some((a) => {
    const needle = normaliseForMatch(a);
    return needle.length > 0 && haystack.includes(needle);
  });
}

/**
 * 1-based rank of the first item that is gold, or `undefined` when none of the ranking is.
 *
 * @example rankOf(['a', 'b', 'c'], (x) => x === 'b') === 2
 */
export function rankOf<T>(ranking: readonly T[], isGold: (item: T) => boolean): number | undefined {
  const i = ranking.findIndex(isGold);
  return i < 0 ? undefined : i + 1;
}

/** R@k: share of questions whose gold paragraph ranks k or better. */
export function recallAt(ranks: readonly (number | undefined)[], k: number): number {
  if (ranks.length === 0) return 0;
  return ranks.filter((r) => r !== undefined && r <= k).length / ranks.length;
}

/** Mean reciprocal rank; a gold paragraph missing from the ranking counts 0. */
export function meanReciprocalRank(ranks: readonly (number | undefined)[]): number {
  if (ranks.length === 0) return 0;
  return ranks.reduce<number>((sum, r) => sum + (r === undefined ? 0 : 1 / r), 0) / ranks.length;
}

/** The q-quantile (0..1) of durations by nearest rank, e.g. `percentile(ms, 0.99)`; 0 when empty. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] as number;
}

/** What one question gave: the gold paragraph's rank and whether the first excerpt quotes the answer. */
export interface QuestionOutcome {
  readonly rank: number | undefined;
  readonly excerpt1: boolean;
}

/** The figures of a set of questions. */
export interface Figures {
  readonly count: number;
  readonly r1: number;
  readonly r3: number;
  readonly r5: number;
  readonly mrr: number;
  readonly excerpt1: number;
}

/** R@1, R@3, R@5, MRR and Excerpt@1 of a set of outcomes. */
export function figuresOf(outcomes: readonly QuestionOutcome[]): Figures {
  const ranks = outcomes.map((o) => o.rank);
  return {
    count: outcomes.length,
    r1: recallAt(ranks, 1),
    r3: recallAt(ranks, 3),
    r5: recallAt(ranks, 5),
    mrr: meanReciprocalRank(ranks),
    excerpt1: outcomes.length === 0 ? 0 : outcomes.filter((o) => o.excerpt1).length / outcomes.length,
  };
}
