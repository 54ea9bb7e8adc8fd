/**
 * Chooses what to quote from a paragraph for a query: the densest run of evidence (query words,
 * weighted, and the kind of answer asked for), quoted from the start of its sentence, at most
 * {@link EXCERPT_MAX_LENGTH} characters, cut only between words. The result is a span of the
 * paragraph, so the quote is always the article's own words, and says where the paragraph goes
 * on before or after it, so that a reader is never shown a part as if it were the whole.
 */
import { wordList, type Language, type WordList } from '../text/analyser.js';
import { sentenceSpans, type Span } from '../text/sentences.js';

/** Longest excerpt we quote, in characters (UTF-16 units, as Discord counts). */
export const EXCERPT_MAX_LENGTH = 300;

/**
 * Characters of context kept before the first matched word when a sentence is too long to be
 * quoted from its start: enough for the words that introduce it (`En 1834, …`).
 */
const LEAD_CONTEXT = 60;

/** Bonus for holding a target when the query gives none: a little more than one matched word of weight 1. */
export const DEFAULT_TARGET_BONUS = 1.5;

/** A chosen excerpt: a span of the paragraph plus what to highlight in it. */
export interface ExcerptSpan extends Span {
  /** The paragraph has words before the excerpt (render `…` before it). */
  readonly cutStart: boolean;
  /** The paragraph has words after the excerpt (render `…` after it). */
  readonly cutEnd: boolean;
  /** Spans of matched words, as offsets into the paragraph, inside `[start, end)`. */
  readonly highlights: readonly Span[];
  /** Index terms (stems) of the query found in the excerpt, each once. */
  readonly matchedTerms: readonly string[];
  /** How well the excerpt answers (sum of matched term weights and target bonuses). */
  readonly score: number;
}

/** A text's words and sentences: what excerpt choice reads. */
export interface TextAnalysis {
  readonly words: WordList;
  readonly sentences: readonly Span[];
}

/** Analyses a text for excerpt choice, in the language of its article. */
export function analyseText(text: string, language: Language = 'fr'): TextAnalysis {
  return { words: wordList(text, language), sentences: sentenceSpans(text) };
}

/** What the excerpt should contain. */
export interface ExcerptQuery {
  /** Analysed query terms (stems). */
  readonly terms: ReadonlySet<string>;
  /** Weight of a term (e.g. its IDF); default 1. */
  readonly weight?: (term: string) => number;
  /**
   * Spans of the paragraph that hold the kind of answer asked for (a date, a figure, a name):
   * evidence next to one is preferred, and the excerpt keeps it inside.
   */
  readonly targets?: readonly Span[];
  /** Bonus for holding a target (default {@link DEFAULT_TARGET_BONUS}). */
  readonly targetBonus?: number;
  /** Longest excerpt (default {@link EXCERPT_MAX_LENGTH}). */
  readonly maxLength?: number;
  /**
   * Quote on after the evidence, up to `maxLength`, instead of stopping at the end of its
   * sentence. Answers to a question usually follow the words it repeats (`… fondés en 1848`),
   * so `ask` fills; lists of dates or names keep to the sentence.
   */
  readonly fill?: boolean;
  /** The text's words and sentences when already known (they are analysed here otherwise). */
  readonly analysis?: TextAnalysis;
}

/** One piece of evidence: a matched word (with its term) or a target. */
interface Evidence extends Span {
  readonly term?: string;
}

/**
 * Picks the excerpt of `text` that best answers `query`. It holds at least one matched word when
 * the text has any (a target alone is no evidence that the paragraph answers). With no matched
 * word at all, the first sentence (or its first words) is returned with score 0.
 */
export function chooseExcerpt(text: string, query: ExcerptQuery): ExcerptSpan {
  const maxLength = query.maxLength ?? EXCERPT_MAX_LENGTH;
  const weight = query.weight ?? (() => 1);
  const targets = query.targets ?? [];
  const bonus = query.targetBonus ?? DEFAULT_TARGET_BONUS;
  const { words: list, sentences: found } = query.analysis ?? analyseText(text);
  const sentences = found.length > 0 ? found : [{ start: 0, end: text.length }];
  // Room for the ellipses a renderer adds at cut ends.
  const room = maxLength - 2;

  const words: Evidence[] = [];
  list.terms.forEach((term, i) => {
    if (term !== undefined && query.terms.has(term)) words.push({ start: list.starts[i] as number, end: list.ends[i] as number, term });
  });
  const evidence = [...words, ...targets].sort((a, b) => a.start - b.start);
  const best = words.length > 0 ? densestRun(evidence, weight, bonus, room) : undefined;
  const window = best ? windowAround(text, sentences, best, room, maxLength, query.fill === true) : opening(text, sentences, room, maxLength);

  const inWindow = words.filter((w) => w.start >= window.start && w.end <= window.end);
  const matchedTerms = [...new Set(inWindow.map((w) => w.term as string))];
  let score = matchedTerms.reduce((sum, t) => sum + weight(t), 0);
  if (targets.some((g) => g.start >= window.start && g.end <= window.end)) score += bonus;
  return {
    ...window,
    highlights: inWindow.map((w) => ({ start: w.start, end: w.end })),
    matchedTerms,
    score: matchedTerms.length > 0 ? score : 0,
  };
}

/**
 * The run of evidence holding at least one word, at most `room` characters from its first to its
 * last piece, with the most weight: each distinct term counts once (a repeated word is no further
 * evidence), a target adds `bonus` once. On ties the shorter run wins (denser), then the earlier.
 */
function densestRun(evidence: readonly Evidence[], weight: (term: string) => number, bonus: number, room: number): Span | undefined {
  // Scalars and one set cleared at each start rather than objects made at each step: every
  // candidate paragraph of every query runs this (it was most of a query's garbage).
  let bestStart = -1;
  let bestEnd = -1;
  let bestValue = 0;
  const seen = new Set<string>();
  for (let i = 0; i < evidence.length; i++) {
    const first = evidence[i] as Evidence;
    seen.clear();
    let value = 0;
    let hasTarget = false;
    for (let j = i; j < evidence.length; j++) {
      const e = evidence[j] as Evidence;
      if (e.end - first.start > room) break;
      if (e.term === undefined) {
        if (!hasTarget) value += bonus;
        hasTarget = true;
      } else if (!seen.has(e.term)) {
        seen.add(e.term);
        value += weight(e.term);
      }
      if (seen.size === 0) continue;
      const better = bestStart < 0 || value > bestValue + 1e-9 || (Math.abs(value - bestValue) <= 1e-9 && e.end - first.start < bestEnd - bestStart);
      if (better) {
        bestStart = first.start;
        bestEnd = e.end;
        bestValue = value;
      }
    }
  }
  return bestStart < 0 ? undefined : { start: bestStart, end: bestEnd };
}

type Window = Span & { cutStart: boolean; cutEnd: boolean };

/**
 * The excerpt around a run of evidence: from the start of its sentence (or a little before the
 * run when the sentence is too long), to the end of the run's last sentence or, with `fill`, as
 * far as the length allows.
 */
function windowAround(text: string, sentences: readonly Span[], run: Span, room: number, maxLength: number, fill: boolean): Window {
  const first = sentenceAt(sentences, run.start);
  const last = sentenceAt(sentences, run.end - 1);
  let start = first.start;
  if (run.end - start > room) start = Math.max(first.start, wordStartAfter(text, Math.max(run.start - LEAD_CONTEXT, run.end - room)));
  const wanted = fill ? text.length : last.end;
  let end: number;
  if (wanted - start <= (start === first.start ? maxLength : room)) end = trimEnd(text, wanted);
  else end = cutAfter(text, start, run.end, room);
  if (fill && end === trimEnd(text, text.length) && start === first.start) {
    // The paragraph ends first: spend what is left on the sentences before, whole.
    for (const s of sentences.filter((x) => x.start < start).reverse()) {
      if (end - s.start > maxLength) break;
      start = s.start;
    }
  }
  return { start, end, ...cutsOf(text, start, end) };
}

/** Whether the paragraph has words before `start` and after `end`. */
function cutsOf(text: string, start: number, end: number): { cutStart: boolean; cutEnd: boolean } {
  return { cutStart: /\S/u.test(text.slice(0, start)), cutEnd: end < trimEnd(text, text.length) };
}

/** The first sentence, or its first words when it is too long. */
function opening(text: string, sentences: readonly Span[], room: number, maxLength: number): Window {
  const first = sentences[0] as Span;
  const end = first.end - first.start <= maxLength ? first.end : wordBoundaryBefore(text, first.start + room);
  return { start: first.start, end, ...cutsOf(text, first.start, end) };
}

/** The sentence holding offset `at` (the last one starting at or before it). */
function sentenceAt(sentences: readonly Span[], at: number): Span {
  let found = sentences[0] as Span;
  for (const s of sentences) {
    if (s.start > at) break;
    found = s;
  }
  return found;
}

/** First word start at or after `at` (a word is kept whole with any bracket or quote glued to it). */
function wordStartAfter(text: string, at: number): number {
  let i = Math.max(0, at);
  if (i > 0 && /\S/u.test(text[i - 1] ?? ' ')) while (i < text.length && /\S/u.test(text[i] ?? ' ')) i++;
  while (i < text.length && /\s/u.test(text[i] ?? '')) i++;
  return i;
}

/**
 * Where to end an excerpt from `start` that must hold `[.., mustEnd)`: the last word end within
 * `room`, never inside a written word (`21h20` when the evidence ends at `21`). Only a single
 * word longer than the room itself is split.
 */
function cutAfter(text: string, start: number, mustEnd: number, room: number): number {
  let whole = mustEnd;
  while (whole < text.length && /\S/u.test(text[whole] ?? ' ')) whole++;
  if (whole - start <= room) return Math.max(whole, wordBoundaryBefore(text, start + room));
  const before = wordBoundaryBefore(text, mustEnd);
  return before > start ? before : start + room;
}

/** Last word end at or before `limit`, so a cut never splits a word. */
function wordBoundaryBefore(text: string, limit: number): number {
  let i = Math.min(limit, text.length);
  while (i > 0 && /\S/u.test(text[i] ?? ' ') && /\S/u.test(text[i - 1] ?? ' ')) i--;
  return trimEnd(text, i);
}

function trimEnd(text: string, i: number): number {
  while (i > 0 && /\s/u.test(text[i - 1] ?? '')) i--;
  return i;
}
