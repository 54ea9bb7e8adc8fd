/**
 * Chooses what to quote from a paragraph: the best sentence or two for a query, at most
 * {@link EXCERPT_MAX_LENGTH} characters, cut only between words. The result is a span of the
 * paragraph, so the quote is always the article's own words.
 */
import { analyse, type Token } from '../text/analyser.js';
import { sentenceSpans, type Span } from '../text/sentences.js';

/** Longest excerpt we quote, in characters (UTF-16 units, as Discord counts). */
export const EXCERPT_MAX_LENGTH = 300;

/** A chosen excerpt: a span of the paragraph plus what to highlight in it. */
export interface ExcerptSpan extends Span {
  /** The excerpt starts inside a sentence (render `…` before it). */
  readonly cutStart: boolean;
  /** The excerpt ends inside a sentence (render `…` after it). */
  readonly cutEnd: boolean;
  /** Spans of matched words, as offsets into the paragraph, inside `[start, end)`. */
  readonly highlights: readonly Span[];
  /** Index terms of the query found in the excerpt. */
  readonly matched: readonly string[];
  /** How well the excerpt answers (sum of matched term weights and target bonuses). */
  readonly score: number;
}

/** What the excerpt should contain. */
export interface ExcerptQuery {
  /** Analysed query terms (stems). */
  readonly terms: ReadonlySet<string>;
  /** Weight of a term (e.g. its IDF); default 1. */
  readonly weight?: (term: string) => number;
  /**
   * Spans of the paragraph that hold the kind of answer asked for (a date, a figure, a name):
   * a sentence containing one is preferred, and a window keeps it inside.
   */
  readonly targets?: readonly Span[];
  /** Bonus a sentence gets for holding a target (default 1.5). */
  readonly targetBonus?: number;
  /** Longest excerpt (default {@link EXCERPT_MAX_LENGTH}). */
  readonly maxLength?: number;
}

interface ScoredSentence extends Span {
  readonly score: number;
  readonly tokens: readonly Token[];
}

/**
 * Picks the excerpt of `text` that best answers `query`. With no matching word, the first
 * sentence (or its first words) is returned with score 0.
 */
export function chooseExcerpt(text: string, query: ExcerptQuery): ExcerptSpan {
  const maxLength = query.maxLength ?? EXCERPT_MAX_LENGTH;
  const weight = query.weight ?? (() => 1);
  const targets = query.targets ?? [];
  const bonus = query.targetBonus ?? 1.5;
  const tokens = analyse(text);
  const spans = sentenceSpans(text);
  if (spans.length === 0) spans.push({ start: 0, end: text.length });

  const sentences: ScoredSentence[] = spans.map((s) => {
    const inside = tokens.filter((t) => t.start >= s.start && t.end <= s.end);
    const matched = new Set(inside.filter((t) => t.term !== undefined && query.terms.has(t.term)).map((t) => t.term as string));
    let score = 0;
    for (const term of matched) score += weight(term);
    if (targets.some((g) => g.start >= s.start && g.end <= s.end)) score += score > 0 ? bonus : bonus / 4;
    return { ...s, score, tokens: inside };
  });

  let bestIndex = 0;
  sentences.forEach((s, i) => {
    if (s.score > (sentences[bestIndex]?.score ?? 0)) bestIndex = i;
  });
  const best = sentences[bestIndex] as ScoredSentence;
  let span: Span = best;
  // A second sentence when it also matches and both fit: "the best sentence or two".
  const neighbours = [sentences[bestIndex + 1], sentences[bestIndex - 1]].filter((s): s is ScoredSentence => !!s && s.score > 0);
  neighbours.sort((a, b) => b.score - a.score);
  const second = neighbours[0];
  if (second) {
    const joined = { start: Math.min(best.start, second.start), end: Math.max(best.end, second.end) };
    if (joined.end - joined.start <= maxLength) span = joined;
  }

  const window = span.end - span.start <= maxLength ? { ...span, cutStart: false, cutEnd: false } : densestWindow(text, best, tokens, query.terms, weight, targets, maxLength);
  const inWindow = tokens.filter((t) => t.start >= window.start && t.end <= window.end && t.term !== undefined && query.terms.has(t.term));
  const matched = [...new Set(inWindow.map((t) => t.term as string))];
  let score = matched.reduce((sum, t) => sum + weight(t), 0);
  if (targets.some((g) => g.start >= window.start && g.end <= window.end)) score += bonus;
  return {
    start: window.start,
    end: window.end,
    cutStart: window.cutStart,
    cutEnd: window.cutEnd,
    highlights: inWindow.map((t) => ({ start: t.start, end: t.end })),
    matched,
    score: matched.length > 0 ? score : 0,
  };
}

/**
 * The window of at most `maxLength` characters inside a long sentence that holds the most
 * matched weight (targets count too), starting and ending on word boundaries.
 */
function densestWindow(
  text: string,
  sentence: Span,
  tokens: readonly Token[],
  terms: ReadonlySet<string>,
  weight: (term: string) => number,
  targets: readonly Span[],
  maxLength: number,
): Span & { cutStart: boolean; cutEnd: boolean } {
  const words = tokens.filter((t) => t.start >= sentence.start && t.end <= sentence.end);
  // Room for the ellipses a renderer adds at cut ends.
  const room = maxLength - 2;
  let best = { start: sentence.start, end: sentence.start, value: -1 };
  for (let i = 0; i < words.length; i++) {
    const from = i === 0 ? sentence.start : (words[i] as Token).start;
    let value = 0;
    const seen = new Set<string>();
    let end = from;
    for (let j = i; j < words.length; j++) {
      const w = words[j] as Token;
      const wordEnd = j === words.length - 1 ? sentence.end : w.end;
      if (wordEnd - from > room) break;
      end = wordEnd;
      if (w.term !== undefined && terms.has(w.term) && !seen.has(w.term)) {
        seen.add(w.term);
        value += weight(w.term);
      }
    }
    for (const g of targets) if (g.start >= from && g.end <= end) value += 1.5;
    // Prefer earlier windows on ties: they read more naturally from the start of the sentence.
    if (value > best.value) best = { start: from, end, value };
  }
  if (best.end <= best.start) best = { start: sentence.start, end: wordBoundaryBefore(text, sentence.start + room), value: 0 };
  return { start: best.start, end: best.end, cutStart: best.start > sentence.start, cutEnd: best.end < sentence.end };
}

/** Last word end at or before `limit`, so a cut never splits a word. */
function wordBoundaryBefore(text: string, limit: number): number {
  let i = Math.min(limit, text.length);
  while (i > 0 && /\S/u.test(text[i] ?? ' ') && /\S/u.test(text[i - 1] ?? ' ')) i--;
  while (i > 0 && /\s/u.test(text[i - 1] ?? '')) i--;
  return i;
}
