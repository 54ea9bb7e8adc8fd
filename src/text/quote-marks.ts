/**
 * Where a paragraph opens and closes quotation marks: French guillemets (`« … »`, with a space,
 * a no-break space, a narrow no-break space or nothing inside), English curly quotes (`“ … ”`,
 * `‘ … ’`), single guillemets (`‹ … ›`) and straight quotes (`" … "`), nested in one another
 * (`« il m'a dit “non” »`). Offsets only: the text is never rewritten, so every quotation found
 * is a slice of the paragraph.
 *
 * Straight quotes do not say which way they face: one opens where it starts a word (after a space,
 * a bracket, an elision such as `d'"éléments"`, or at the start) and closes where it ends one. A
 * closing mark with no matching opener is ignored, and an opener never closed is dropped, so a
 * stray mark never swallows the rest of a paragraph.
 */
import type { Span } from './sentences.js';

/** Which pair of marks encloses a quotation. */
export type QuoteMark = 'guillemets' | 'single-guillemets' | 'curly' | 'single-curly' | 'straight';

/** One pair of matching quotation marks. */
export interface QuotedSpan {
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset just after the closing mark. */
  readonly close: number;
  /** The quoted words, without the marks and the spaces inside them. */
  readonly inner: Span;
  readonly mark: QuoteMark;
  /** 0 for a quotation in the paragraph's own text, 1 inside another quotation, and so on. */
  readonly depth: number;
}

/** Opening marks, by the kind of pair they open. */
const OPENERS: Readonly<Record<string, QuoteMark>> = { '«': 'guillemets', '‹': 'single-guillemets', '“': 'curly', '‘': 'single-curly' };
/** Closing marks, by the kind of pair they close. */
const CLOSERS: Readonly<Record<string, QuoteMark>> = { '»': 'guillemets', '›': 'single-guillemets', '”': 'curly', '’': 'single-curly' };

/** White space French typography puts inside guillemets. */
const SPACE = /[\s\u00a0\u202f]/u;
/** What may stand right before an opening straight quote: a space, a bracket, a dash, an elision. */
const BEFORE_OPENING = /[\s\u00a0\u202f([{«“‘'’\-–—/:]/u;
/** What may follow a closing straight quote: a space, punctuation, a closing mark. */
const AFTER_CLOSING = /[\s\u00a0\u202f.,;:!?)\]}»”’…\-–—'/]/u;

interface Open {
  readonly at: number;
  readonly mark: QuoteMark;
}

/**
 * Every pair of quotation marks in a text, sorted by opening offset; pairs with nothing but space
 * inside are left out.
 *
 * @example quotedSpans('Il a dit : « Nous irons »')[0]?.inner // the span of `Nous irons`
 */
export function quotedSpans(text: string): QuotedSpan[] {
  const stack: Open[] = [];
  const pairs: Array<{ open: number; close: number; mark: QuoteMark }> = [];
  const closeTop = (mark: QuoteMark, at: number): boolean => {
    const index = findLast(stack, mark);
    if (index < 0) return false;
    const open = stack[index] as Open;
    // Marks opened inside and never closed were stray: they are dropped with the pair.
    stack.length = index;
    pairs.push({ open: open.at, close: at + 1, mark });
    return true;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const prev = text[i - 1];
    const next = text[i + 1];
    if (c === '"') {
      const top = stack[stack.length - 1];
      const canClose = prev !== undefined && !SPACE.test(prev) && (next === undefined || AFTER_CLOSING.test(next));
      const canOpen = next !== undefined && !SPACE.test(next) && (prev === undefined || BEFORE_OPENING.test(prev));
      if (top?.mark === 'straight' && (canClose || !canOpen)) closeTop('straight', i);
      else if (canOpen) stack.push({ at: i, mark: 'straight' });
      else if (findLast(stack, 'straight') >= 0) closeTop('straight', i);
      continue;
    }
    if (c === '’') {
      // The apostrophe of `l’homme` and `Kim’s`: a closing single quote only after an opening one,
      // and never before a letter.
      if (findLast(stack, 'single-curly') >= 0 && (next === undefined || !/[\p{L}\p{N}]/u.test(next))) closeTop('single-curly', i);
      continue;
    }
    if (c === '‘' && (next === undefined || SPACE.test(next))) continue;
    const opens = OPENERS[c];
    if (opens) {
      stack.push({ at: i, mark: opens });
      continue;
    }
    const closes = CLOSERS[c];
    if (closes) closeTop(closes, i);
  }
  return withDepth(pairs.map((p) => ({ ...p, inner: innerOf(text, p.open + 1, p.close - 1) })).filter((p) => p.inner.end > p.inner.start));
}

function findLast(stack: readonly Open[], mark: QuoteMark): number {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k]?.mark === mark) return k;
  return -1;
}

/** `[from, to)` without the white space at either end. */
function innerOf(text: string, from: number, to: number): Span {
  let start = from;
  let end = to;
  while (start < end && SPACE.test(text[start] ?? '')) start++;
  while (end > start && SPACE.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

function withDepth(pairs: ReadonlyArray<Omit<QuotedSpan, 'depth'>>): QuotedSpan[] {
  const sorted = [...pairs].sort((a, b) => a.open - b.open);
  const open: Array<Omit<QuotedSpan, 'depth'>> = [];
  return sorted.map((p) => {
    while (open.length > 0 && (open[open.length - 1]?.close ?? 0) <= p.open) open.pop();
    const depth = open.length;
    open.push(p);
    return { ...p, depth };
  });
}
