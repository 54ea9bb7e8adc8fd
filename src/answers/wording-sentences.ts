/**
 * The sentence anchor of `/wording`: sentences of two outlets that tell the same thing in mostly
 * the same words (most of the shorter one's content words shared), aligned word by word on their
 * folded forms (longest common subsequence); where they differ between two shared words, in a
 * few words on each side holding a content word and no term of the other side, each side is how
 * its outlet words that part (`les forces ukrainiennes` / `Kiev`). Figures are left out: a
 * different number is a different fact, which `compare` states.
 */
import { analyse, languageOf, type Token } from '../text/analyser.js';
import { sentenceSpans } from '../text/sentences.js';
import type { IndexedParagraph } from '../search/paragraph-index.js';
import { phraseKey, type Occurrence } from './wording-text.js';
import type { FoundPhrase, FoundReferent, OutletTexts } from './wording-anchors.js';

/** Content words two sentences must share at least to be aligned. */
const SHARED_MIN = 4;
/** Share of the shorter sentence's content words the other must hold. */
const SENTENCE_LIKENESS = 0.7;
/** Words per side of a difference at most: longer, the sentences say different things. */
const SIDE_WORDS_MAX = 4;
/** Words of a sentence aligned at most (the alignment is quadratic). */
const SENTENCE_WORDS_MAX = 80;

/** One sentence as aligned: its words (offsets in the paragraph) and its content terms. */
interface Sentence {
  readonly doc: IndexedParagraph;
  readonly words: readonly Token[];
  readonly terms: ReadonlySet<string>;
}

const content = (t: Token) => t.term !== undefined && !/\d/u.test(t.folded);

const sentencesRead = new Map<IndexedParagraph, readonly Sentence[]>();

/** The sentences of a paragraph, read once per paragraph object (bounded, cleared when full). */
function sentencesOf(doc: IndexedParagraph): readonly Sentence[] {
  let found = sentencesRead.get(doc);
  if (found) return found;
  const text = doc.paragraph.text;
  const language = languageOf(doc.article.language);
  found = sentenceSpans(text).map((s) => {
    const words = analyse(text.slice(s.start, s.end), language)
      .slice(0, SENTENCE_WORDS_MAX)
      .map((t) => ({ ...t, start: t.start + s.start, end: t.end + s.start }));
    return { doc, words, terms: new Set(words.filter(content).map((t) => t.term as string)) };
  });
  if (sentencesRead.size >= 50_000) sentencesRead.clear();
  sentencesRead.set(doc, found);
  return found;
}

/** Pairs `[i, j]` of equal folded words, in order: a longest common subsequence. */
function common(a: readonly Token[], b: readonly Token[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const table = new Uint16Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => table[i * (m + 1) + j] as number;
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) table[i * (m + 1) + j] = a[i]?.folded === b[j]?.folded ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i]?.folded === b[j]?.folded) pairs.push([i++, j++]);
    else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
  return pairs;
}

/** A side of a difference without the function words at its ends; undefined when no content word is left. */
function trimmed(words: readonly Token[]): readonly Token[] | undefined {
  let from = 0;
  let to = words.length;
  while (from < to && !content(words[from] as Token)) from++;
  while (to > from && !content(words[to - 1] as Token)) to--;
  return to > from ? words.slice(from, to) : undefined;
}

function occurrence(doc: IndexedParagraph, words: readonly Token[]): Occurrence {
  return { doc, span: { start: (words[0] as Token).start, end: (words[words.length - 1] as Token).end } };
}

/** Where two aligned sentences word the same thing differently. */
function differences(a: Sentence, b: Sentence, ida: string, idb: string): FoundReferent[] {
  const pairs = common(a.words, b.words);
  const out: FoundReferent[] = [];
  for (let k = 0; k + 1 < pairs.length; k++) {
    const [i, j] = pairs[k] as [number, number];
    const [i2, j2] = pairs[k + 1] as [number, number];
    // Between two shared content words (`attendu` / `doit se rendre` between `Ferrières` and
    // `mercredi`): a shared `à` or `de` on one side aligns too little to say the parts correspond.
    if (i2 === i + 1 || j2 === j + 1 || !content(a.words[i] as Token) || !content(a.words[i2] as Token)) continue;
    const sa = a.words.slice(i + 1, i2);
    const sb = b.words.slice(j + 1, j2);
    if (sa.length > SIDE_WORDS_MAX || sb.length > SIDE_WORDS_MAX || [...sa, ...sb].some((t) => /\d/u.test(t.folded))) continue;
    const ta = trimmed(sa);
    const tb = trimmed(sb);
    // Words of one side found in the other sentence are a reordering, not another wording.
    if (!ta || !tb || ta.some((t) => t.term !== undefined && b.terms.has(t.term)) || tb.some((t) => t.term !== undefined && a.terms.has(t.term))) continue;
    const oa = occurrence(a.doc, ta);
    const ob = occurrence(b.doc, tb);
    const text = (o: Occurrence) => o.doc.paragraph.text.slice(o.span.start, o.span.end);
    const phrases: FoundPhrase[] = [
      { key: phraseKey(text(oa)), at: new Map([[ida, oa]]) },
      { key: phraseKey(text(ob)), at: new Map([[idb, ob]]) },
    ];
    const label = `${a.doc.paragraph.text.slice((a.words[i] as Token).start, (a.words[i] as Token).end)} … ${a.doc.paragraph.text.slice((a.words[i2] as Token).start, (a.words[i2] as Token).end)}`;
    out.push({ anchor: 'sentence', label, phrases });
  }
  return out;
}

/** Differences of wording in the best-aligned sentences of every two outlets. */
export function sentenceReferents(outlets: readonly OutletTexts[]): FoundReferent[] {
  const read = outlets.map((o) => ({ o, sentences: o.paragraphs.flatMap(sentencesOf).filter((s) => s.terms.size >= SHARED_MIN) }));
  const out: FoundReferent[] = [];
  for (let x = 0; x < read.length; x++) {
    for (let y = x + 1; y < read.length; y++) {
      const [A, B] = [read[x], read[y]] as const;
      if (!A || !B) continue;
      // Each term's sentences of B, so that a sentence of A meets only those sharing a word.
      const postings = new Map<string, number[]>();
      B.sentences.forEach((s, k) => s.terms.forEach((t) => postings.set(t, [...(postings.get(t) ?? []), k])));
      for (const sa of A.sentences) {
        const shared = new Map<number, number>();
        for (const t of sa.terms) for (const k of postings.get(t) ?? []) shared.set(k, (shared.get(k) ?? 0) + 1);
        let best: { k: number; likeness: number } | undefined;
        for (const [k, n] of shared) {
          const sb = B.sentences[k] as Sentence;
          const likeness = n / Math.min(sa.terms.size, sb.terms.size);
          if (n >= SHARED_MIN && likeness >= SENTENCE_LIKENESS && (!best || likeness > best.likeness)) best = { k, likeness };
        }
        if (best) out.push(...differences(sa, B.sentences[best.k] as Sentence, A.o.sourceId, B.o.sourceId));
      }
    }
  }
  return out;
}
