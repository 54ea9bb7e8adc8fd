/**
 * The same statement carried by several articles, grouped: two quotations are one statement
 * when the text gives them the same speaker (the same person or organisation under any
 * spelling, or the same role in the same words), their articles belong to the same story, and
 * at least half of the shorter one's words (stems of the words that are not stopwords) are in
 * the other, one of them at least a common word rather than a name or a number (two statements
 * of one speaker both naming `Corée du Nord` are not one). Pairs are joined best first, and a
 * statement holds at most one quotation of each article.
 *
 * With its quotations, each group says how each wording differs from the first one
 * (quote-wording.ts).
 */
import { analyse } from '../text/analyser.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { ArticleQuote } from './quote-index.js';
import { wordingChanges } from './quote-wording.js';
import { storiesOf } from './stories.js';
import type { QuoteGroup, WordingChange } from './types.js';

/** Share of the shorter quotation's words the other must hold for the two to be one statement. */
export const SAME_STATEMENT_SHARE = 0.5;

/** A quotation's words as grouping compares them. */
interface Words {
  /** Stems of its words that are not stopwords. */
  readonly stems: ReadonlySet<string>;
  /** Those of them written in lower case: common words, not names. */
  readonly common: ReadonlySet<string>;
}

/** Each quotation's words, read once: the same quotations are grouped again for every person and topic asked. */
const wordsMemo = new WeakMap<ArticleQuote, Words>();

function wordsOf(q: ArticleQuote): Words {
  let known = wordsMemo.get(q);
  if (!known) wordsMemo.set(q, (known = readWords(q)));
  return known;
}

function readWords(q: ArticleQuote): Words {
  const stems = new Set<string>();
  const common = new Set<string>();
  for (const piece of q.pieces) {
    for (const t of analyse(q.paragraphText.slice(piece.start, piece.end), q.language)) {
      if (t.term === undefined) continue;
      stems.add(t.term);
      // A shared name or number says little: two statements of one speaker may both name `Corée du Nord` or `2024`.
      if (!/^[\p{Lu}\p{N}]/u.test(t.surface)) common.add(t.term);
    }
  }
  return { stems, common };
}

/** The share of the shorter quotation's words held by the other, or 0 when they share no common word. */
function likeness(a: Words, b: Words): number {
  const [small, large] = a.stems.size <= b.stems.size ? [a, b] : [b, a];
  if (small.stems.size === 0) return 0;
  let shared = 0;
  let sharedCommon = false;
  for (const s of small.stems) {
    if (!large.stems.has(s)) continue;
    shared++;
    if (small.common.has(s) || large.common.has(s)) sharedCommon = true;
  }
  return sharedCommon ? shared / small.stems.size : 0;
}

/**
 * A common word held by more of one speaker's quotations than this is no sign of one statement
 * (`pays`, `coopération` for a foreign minister): pairs are not looked for through it. Keeps a
 * much-quoted speaker's thousands of quotations from being compared two by two.
 */
const COMMON_WORD_HOLDERS = 40;

/** Pairs `[a, b]` (a < b) of one speaker's quotations sharing a common word that is not everywhere in them. */
function candidatePairs(members: readonly number[], words: readonly Words[], count: number): Array<[number, number]> {
  const holders = new Map<string, number[]>();
  for (const m of members) {
    for (const w of (words[m] as Words).common) {
      const list = holders.get(w);
      if (list) list.push(m);
      else holders.set(w, [m]);
    }
  }
  const seen = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const list of holders.values()) {
    if (list.length < 2 || list.length > COMMON_WORD_HOLDERS) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = Math.min(list[x] as number, list[y] as number);
        const b = Math.max(list[x] as number, list[y] as number);
        const key = a * count + b;
        if (!seen.has(key)) {
          seen.add(key);
          out.push([a, b]);
        }
      }
    }
  }
  return out;
}

/**
 * The quotations as statements, in the order of their first quotation; quotations attributed to
 * no one stay alone.
 */
export function groupQuotes(kb: KnowledgeBase, quotes: readonly ArticleQuote[]): QuoteGroup[] {
  const storyOf = storiesOf(kb).ofArticle;
  const words = quotes.map(wordsOf);
  const bySpeaker = new Map<string, number[]>();
  quotes.forEach((q, i) => {
    const key = q.quote.speaker?.key;
    if (key === undefined) return;
    const list = bySpeaker.get(key);
    if (list) list.push(i);
    else bySpeaker.set(key, [i]);
  });
  const pairs: Array<{ a: number; b: number; share: number }> = [];
  for (const members of bySpeaker.values()) {
    for (const [a, b] of candidatePairs(members, words, quotes.length)) {
      const [qa, qb] = [quotes[a] as ArticleQuote, quotes[b] as ArticleQuote];
      if (qa.article === qb.article || storyOf[qa.article] !== storyOf[qb.article]) continue;
      const share = likeness(words[a] as Words, words[b] as Words);
      if (share >= SAME_STATEMENT_SHARE) pairs.push({ a, b, share });
    }
  }
  pairs.sort((p, q) => q.share - p.share || p.a - q.a || p.b - q.b);
  // Union by pairs, best first, never two quotations of one article in one statement.
  const groupOf = quotes.map((_, i) => i);
  const members = quotes.map((_, i) => [i]);
  for (const { a, b } of pairs) {
    const [ga, gb] = [groupOf[a] as number, groupOf[b] as number];
    if (ga === gb) continue;
    const [ma, mb] = [members[ga] as number[], members[gb] as number[]];
    const articles = new Set(ma.map((i) => quotes[i]?.article));
    if (mb.some((i) => articles.has(quotes[i]?.article))) continue;
    for (const i of mb) groupOf[i] = ga;
    members[ga] = [...ma, ...mb];
    members[gb] = [];
  }
  const out: QuoteGroup[] = [];
  quotes.forEach((_, i) => {
    if (groupOf[i] !== i) return;
    const list = (members[i] as number[]).map((k) => quotes[k] as ArticleQuote).sort((p, q) => p.published.localeCompare(q.published) || p.article - q.article);
    const [first] = list;
    if (!first) return;
    out.push({
      ...(first.quote.speaker ? { speaker: first.quote.speaker } : {}),
      quotations: list.map((q) => q.quote),
      changes: list.map((q, k) => (k === 0 ? [] : changesBetween(first, q))),
    });
  });
  return out;
}

function piecesOf(q: ArticleQuote) {
  return { text: q.paragraphText, pieces: q.pieces, language: q.language };
}

const changesMemo = new WeakMap<ArticleQuote, WeakMap<ArticleQuote, WordingChange[]>>();

/** How `other` words it against `first`, worked out once per pair. */
function changesBetween(first: ArticleQuote, other: ArticleQuote): WordingChange[] {
  let byOther = changesMemo.get(first);
  if (!byOther) changesMemo.set(first, (byOther = new WeakMap()));
  let changes = byOther.get(other);
  if (!changes) byOther.set(other, (changes = wordingChanges(piecesOf(first), piecesOf(other))));
  return changes;
}
