/**
 * How two outlets' wordings of one statement differ, word by word: the words of each quotation
 * are aligned on their folded forms (longest common subsequence), and every stretch where they
 * differ is shown from each side with one shared word around it, so that AFP « l'aide
 * fraternelle » and RT « C'est une véritable assistance fraternelle » read as AFP « l'aide
 * fraternelle » / RT « véritable assistance fraternelle ».
 *
 * Before the first shared word and after the last, one outlet often quotes more than the other:
 * only as many of the longer side's words are shown, next to the shared word, as the shorter
 * side has there, plus one (four at most), so that the difference reads without the whole
 * sentence. Two quotations differ in no stretch only when they hold the same words.
 */
import { analyse, type Language } from '../text/analyser.js';
import type { Span } from '../text/sentences.js';
import type { WordingChange } from './types.js';

/** A quotation as the comparison reads it: the paragraph and the pieces quoted. */
export interface QuotedPieces {
  readonly text: string;
  readonly pieces: readonly Span[];
  readonly language: Language;
}

/** One word of a quotation: its folded form, and where it stands (its elision included: `l'aide`). */
interface Word {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly piece: number;
}

const HYPHEN = /[-\u2010\u2011]/u;

/** Words compared at most per quotation: the alignment is quadratic, and longer quotations are rare. */
const MAX_WORDS = 200;
/** Changes shown per pair of quotations at most. */
export const MAX_CHANGES = 5;
/** Words kept, next to the first or last shared word, of what one side quotes beyond it. */
const MAX_EDGE_WORDS = 4;

function wordsOf(q: QuotedPieces): Word[] {
  const out: Word[] = [];
  q.pieces.forEach((piece, index) => {
    for (const t of analyse(q.text.slice(piece.start, piece.end), q.language)) {
      const at = piece.start + t.start;
      // `l'aide`, `d'"éléments`: the elided word before belongs with it when shown.
      const elided = /(?:\p{L}{1,5})['’]$/u.exec(q.text.slice(Math.max(piece.start, at - 6), at));
      const end = piece.start + t.end;
      const previous = out[out.length - 1];
      // `arrière-pensée`, `Jong-Un`: one word to show, though the analyser reads two.
      if (previous && previous.piece === index && at === previous.end + 1 && HYPHEN.test(q.text[previous.end] ?? '')) {
        out[out.length - 1] = { ...previous, key: `${previous.key}-${t.folded}`, end };
        continue;
      }
      out.push({ key: t.folded, start: elided ? at - elided[0].length : at, end, piece: index });
    }
  });
  return out.slice(0, MAX_WORDS);
}

/** Pairs `[i, j]` of equal words, in order, making a longest common subsequence of the two lists. */
function commonWords(a: readonly Word[], b: readonly Word[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const table = new Uint16Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => table[i * (m + 1) + j] as number;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = a[i]?.key === b[j]?.key ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i]?.key === b[j]?.key) pairs.push([i++, j++]);
    else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
  return pairs;
}

/** The words `[from, to)` of a quotation as written; a stretch across an incise is joined by `…`. */
function shown(q: QuotedPieces, words: readonly Word[], from: number, to: number): string {
  const parts: string[] = [];
  let k = from;
  while (k < to) {
    const piece = (words[k] as Word).piece;
    let e = k;
    while (e + 1 < to && (words[e + 1] as Word).piece === piece) e++;
    parts.push(q.text.slice((words[k] as Word).start, (words[e] as Word).end));
    k = e + 1;
  }
  return parts.join(' … ');
}

/** A stretch of difference: words `[a0, a1)` of the reference against `[b0, b1)` of the other. */
interface Stretch {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/**
 * How `other` words the statement differently from `reference`: each stretch where they differ,
 * with one shared word on each side where there is one. Empty only when both hold the same
 * words, in the same order (case, accents and punctuation aside).
 */
export function wordingChanges(reference: QuotedPieces, other: QuotedPieces): WordingChange[] {
  const a = wordsOf(reference);
  const b = wordsOf(other);
  const common = commonWords(a, b);
  if (common.length === 0) return a.length > 0 && b.length > 0 ? [{ reference: shown(reference, a, 0, a.length), other: shown(other, b, 0, b.length) }] : [];
  const stretches: Stretch[] = [];
  const [first] = common;
  const last = common[common.length - 1] as [number, number];
  // Before the first shared word and after the last, each side keeps the words next to it, as
  // many as the other side has there plus one: `l'aide` against `véritable assistance`, or
  // `intérêts` against `intérêts légitimes` when one side goes on.
  const edge = (own: number, other: number) => Math.min(own, other + 1, MAX_EDGE_WORDS);
  if (first && (first[0] > 0 || first[1] > 0)) {
    stretches.push({ a0: first[0] - edge(first[0], first[1]), a1: first[0], b0: first[1] - edge(first[1], first[0]), b1: first[1] });
  }
  for (let k = 0; k + 1 < common.length; k++) {
    const [i, j] = common[k] as [number, number];
    const [i2, j2] = common[k + 1] as [number, number];
    if (i2 > i + 1 || j2 > j + 1) stretches.push({ a0: i + 1, a1: i2, b0: j + 1, b1: j2 });
  }
  const afterA = a.length - 1 - last[0];
  const afterB = b.length - 1 - last[1];
  if (afterA > 0 || afterB > 0) stretches.push({ a0: last[0] + 1, a1: last[0] + 1 + edge(afterA, afterB), b0: last[1] + 1, b1: last[1] + 1 + edge(afterB, afterA) });
  // One shared word of context on each side, where there is one; stretches that then touch are one.
  const withContext = stretches.map((s) => ({
    a0: s.a0 > 0 && s.b0 > 0 ? s.a0 - 1 : s.a0,
    b0: s.a0 > 0 && s.b0 > 0 ? s.b0 - 1 : s.b0,
    a1: s.a1 < a.length && s.b1 < b.length ? s.a1 + 1 : s.a1,
    b1: s.a1 < a.length && s.b1 < b.length ? s.b1 + 1 : s.b1,
  }));
  const merged: Stretch[] = [];
  for (const s of withContext) {
    const previous = merged[merged.length - 1];
    if (previous && s.a0 < previous.a1 && s.b0 < previous.b1) {
      previous.a1 = Math.max(previous.a1, s.a1);
      previous.b1 = Math.max(previous.b1, s.b1);
    } else {
      merged.push({ ...s });
    }
  }
  return merged.slice(0, MAX_CHANGES).map((s) => ({ reference: shown(reference, a, s.a0, s.a1), other: shown(other, b, s.b0, s.b1) }));
}
