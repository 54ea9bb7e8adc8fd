/**
 * How an English word indexes, for the analyser's English side (articles whose `language` starts
 * with `en`): Snowball English stems and Orama's English stopwords, stems folded like the French
 * ones. Every English term carries {@link ENGLISH_MARK} (`en:state`), so that no English term ever
 * equals a French one (`an`, a year in French, is a stopword in English; `pain` is bread in one and
 * hurt in the other). Numbers carry no mark: digits say the same in both languages, and a French
 * question's `1 000` finds an English article's `1,000`.
 */
import { stemmer } from '@orama/stemmers/english';
import { stopwords as oramaEnglishStopwords } from '@orama/stopwords/english';
import { fold } from './fold.js';

/** Prefix of every English index term, after the `=` or `~` of a secondary form. */
export const ENGLISH_MARK = 'en:';

/**
 * A number with English thousands grouping (`1,000`, `12,500.5`) or plain digits with an optional
 * decimal point, or a word (letters, marks, digits, inner apostrophes). As in French, hyphens split
 * words (`North-Korean` and `North Korean` give the same terms).
 */
export const ENGLISH_TOKEN_RE = /\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

/** English stopwords, folded, apostrophes written `'`. */
const STOPWORDS: ReadonlySet<string> = new Set(oramaEnglishStopwords.map((w) => fold(w).replace(/’/g, "'")));

/** Interrogative words dropped from English queries only (most are stopwords already). */
export const ENGLISH_QUESTION_WORDS: ReadonlySet<string> = new Set(['who', 'whom', 'whose', 'what', 'when', 'where', 'which', 'how', 'why', 'many', 'much']);

/** An English word's forms, as the analyser keeps them for any language. */
export interface EnglishWord {
  /** Characters cut from the end of the written word (the possessive `'s`). */
  readonly tail: number;
  readonly word: string;
  readonly folded: string;
  readonly term: string | undefined;
}

/** True for an empty word or an English stopword (folded). */
export function isEnglishStopword(folded: string): boolean {
  return folded.length === 0 || STOPWORDS.has(folded);
}

/**
 * The forms of one written English word: `Shoigu's` is `shoigu` (the possessive cut off, so the
 * highlight and the word shown are the name), `1,000.5` is `1000,5` (written as the French
 * analyser writes numbers, so both languages share them), `don't` is a stopword.
 */
export function englishWordOf(raw: string): EnglishWord | undefined {
  if (/^\d/.test(raw)) {
    const digits = raw.replace(/,/g, '').replace('.', ',');
    return { tail: 0, word: digits, folded: digits, term: digits };
  }
  const lower = raw.toLowerCase().replace(/’/g, "'");
  if (STOPWORDS.has(fold(lower))) return { tail: 0, word: lower, folded: fold(lower), term: undefined };
  const tail = /'s$/.test(lower) ? 2 : 0;
  const word = lower.slice(0, lower.length - tail).replace(/'/g, '');
  if (word.length === 0) return undefined;
  const folded = fold(word);
  return { tail, word, folded, term: englishTermOf(word, folded) };
}

const STEM_MEMO_MAX = 500_000;
/** Stems by word; `null` for a stopword. A corpus has far fewer distinct words than words. */
const stems = new Map<string, string | null>();

/** The index term of a lower-cased English word: `en:` and its folded Snowball stem, or `undefined` for a stopword. */
function englishTermOf(word: string, folded: string): string | undefined {
  let stem = stems.get(word);
  if (stem === undefined) {
    if (stems.size >= STEM_MEMO_MAX) stems.clear();
    stem = isEnglishStopword(folded) ? null : ENGLISH_MARK + fold(stemmer(word));
    stems.set(word, stem);
  }
  return stem ?? undefined;
}
