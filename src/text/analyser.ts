/**
 * The one analyser: used to index paragraphs and to read queries, so both sides always agree on
 * what a term is. Search libraries leave locale handling to the caller; this is that handling.
 * French is the default; an article whose `language` starts with `en` is read with the English
 * rules of english-words.ts (Snowball English, English stopwords, terms marked `en:`), and so is
 * the English side of a query.
 *
 * Pipeline for a text: tokens (with their offsets, for highlighting) → elision removed
 * (`l'`, `d'`, `qu'`, `jusqu'`, with `'` or `’`) → hyphenated words split into their parts →
 * digit groups (`1 000`, `1.000`, `1000`) joined into one number token → lower-cased → stopwords
 * dropped → Snowball French stem of the word as written → stem folded (accents, `œ` → `oe`).
 *
 * The stemmer reads the accents: it strips `-ée` from `publiée` and `-é` from `publié` alike, but
 * without the accents `publie` (a verb form to it) loses more than `publiee`, and `arriverent` is
 * no past tense. Folding comes after, so the folded stems of `publiée` and `publié` are one.
 */
import { stemmer } from '@orama/stemmers/french';
import { stopwords as oramaFrenchStopwords } from '@orama/stopwords/french';
import { fold } from './fold.js';
import { ENGLISH_MARK, ENGLISH_QUESTION_WORDS, ENGLISH_TOKEN_RE, englishWordOf, isEnglishStopword } from './english-words.js';

export { ENGLISH_MARK } from './english-words.js';

/** The languages the analyser reads. */
export type Language = 'fr' | 'en';

/** The analyser for a BCP 47 language tag: English for any `en…` tag, French for every other. */
export function languageOf(tag: string): Language {
  return tag.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/**
 * The language of an index term, primary or secondary (`en:state`, `=en:state`, `~en:state` are
 * English), or `undefined` for a number, which both languages share.
 */
export function termLanguage(term: string): Language | undefined {
  const bare = term.startsWith('=') || term.startsWith('~') ? term.slice(1) : term;
  if (bare.startsWith(ENGLISH_MARK)) return 'en';
  return /^\d/.test(bare) ? undefined : 'fr';
}

/** One word of a text, with where it stands and the term it indexes as. */
export interface Token {
  /** The text exactly as written (for a number, digits with their separators). */
  readonly surface: string;
  readonly start: number;
  readonly end: number;
  /** Lower-cased surface without elision or apostrophes, accents kept: what is stemmed, e.g. `choïgou`, `1000`. */
  readonly word: string;
  /** {@link word} folded, e.g. `choigou`, `1000`. */
  readonly folded: string;
  /** Stem used as index term; `undefined` for a stopword. */
  readonly term: string | undefined;
}

/**
 * A number with French thousands grouping (space, no-break spaces or dot) or plain digits, or a
 * word (letters, marks, digits, inner apostrophes). Hyphens split words so that `Kim Jong-Un` and
 * `Kim Jong Un` give the same terms.
 */
const TOKEN_RE = /\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?(?![\d])|\d+(?:,\d+)?|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

/** Elided articles and conjunctions, folded, as they stand before the apostrophe. */
const ELISIONS = new Set(['l', 'd', 'qu', 'jusqu', 'j', 'm', 'n', 's', 't', 'c', 'lorsqu', 'puisqu', 'quoiqu', 'presqu']);

/**
 * French stopwords: Orama's list (folded, since we compare folded forms) plus forms that list
 * lacks and that carry no topic in news text.
 */
const STOPWORDS: ReadonlySet<string> = new Set(
  [...oramaFrenchStopwords, 'a', 'les', 'est', 'sont', 'ont', 'plus', 'ete', 'entre', 'comme', 'cette', 'ceux', 'celle', 'celui', 'dont', 'ainsi', 'aussi', 'si', 'y', 'tout', 'tous', 'toute', 'toutes', 'leurs', 'apres', 'avant', 'depuis', 'lors', 'selon', 'sans', 'sous', 'chez', 'vers'].map(fold),
);

/**
 * Words that make a sentence a question but never appear in the answer; dropped from queries
 * only (a paragraph may legitimately contain "quand").
 */
const QUESTION_WORDS: ReadonlySet<string> = new Set(
  ['qui', 'que', 'quoi', 'quel', 'quelle', 'quels', 'quelles', 'lequel', 'laquelle', 'lesquels', 'lesquelles', 'quand', 'combien', 'ou', 'comment', 'pourquoi', 'est', 'ce', 'il', 'elle', 'ils', 'elles', 'fait', 'faire', 'who', 'what', 'when', 'where', 'which', 'how', 'many', 'much', 'why', 'did', 'does', 'the', 'of'].map(fold),
);

/** Strips a leading elided word (`l'`, `qu’`…) from a lower-cased word. */
function stripElision(word: string): { word: string; cut: number } {
  const m = /^([a-z]+)['’]/.exec(word);
  if (m?.[1] && ELISIONS.has(m[1])) return { word: word.slice(m[0].length), cut: m[0].length };
  return { word, cut: 0 };
}

/** Digits only: `1 000,5` → `1000,5`. Separators inside a matched number group carry no meaning. */
function joinDigits(surface: string): string {
  return surface.replace(/[ \u00a0\u202f.]/g, '');
}

/**
 * The index term of one word: its Snowball stem, folded, or `undefined` for a stopword. `word`
 * is lower-cased with any elision removed; with its accents it stems as French is written, but
 * a folded word is read too (a typed query without accents).
 *
 * @example termOf('publiée') === termOf('publié') // 'publi'
 */
export function termOf(word: string): string | undefined {
  if (word.length === 0) return undefined;
  if (/^\d/.test(word)) return word;
  // The Snowball stemmer is the costliest step of indexing; a corpus has far fewer distinct
  // words than words, so each is stemmed once.
  let stem = stems.get(word);
  if (stem === undefined) {
    if (stems.size >= STEM_MEMO_MAX) stems.clear();
    stem = isStopword(fold(word)) ? null : fold(stemmer(word));
    stems.set(word, stem);
  }
  return stem ?? undefined;
}

/** True for an empty word or a stopword (folded), which index nothing. */
function isStopword(folded: string): boolean {
  return folded.length === 0 || STOPWORDS.has(folded);
}

const STEM_MEMO_MAX = 500_000;
/** Stems by word; `null` for a stopword. */
const stems = new Map<string, string | null>();

/**
 * Splits a text into tokens with offsets. Every token's `surface` is `text.slice(start, end)`.
 *
 * @example analyse("l'armée de Kiev")[0] // { surface: 'armée', word: 'armée', folded: 'armee', term: 'arme', ... }
 */
export function analyse(text: string, language: Language = 'fr'): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(tokenPattern(language))) {
    const raw = m[0];
    const start = m.index;
    const word = wordOf(raw, language);
    if (word === undefined) continue;
    const end = raw.length - word.tail;
    tokens.push({ surface: word.cut === 0 && word.tail === 0 ? raw : raw.slice(word.cut, end), start: start + word.cut, end: start + end, word: word.word, folded: word.folded, term: word.term });
  }
  return tokens;
}

/** The token pattern of a language (each a global regular expression: `matchAll` copies it). */
function tokenPattern(language: Language): RegExp {
  return language === 'en' ? ENGLISH_TOKEN_RE : TOKEN_RE;
}

/** The words of a text as parallel lists, one entry per {@link analyse} token, no object per word. */
export interface WordList {
  /** Index term of each word (`undefined` for a stopword). */
  readonly terms: ReadonlyArray<string | undefined>;
  /** Where each word starts in the text. */
  readonly starts: readonly number[];
  /** Where each word ends. */
  readonly ends: readonly number[];
}

/**
 * {@link analyse} without a token object per word: what is kept in memory for many paragraphs at
 * a time (excerpt choice), where a hundred small objects per paragraph kept the garbage
 * collector busy.
 */
export function wordList(text: string, language: Language = 'fr'): WordList {
  const terms: Array<string | undefined> = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(tokenPattern(language))) {
    const word = wordOf(m[0], language);
    if (word === undefined) continue;
    terms.push(word.term);
    starts.push(m.index + word.cut);
    ends.push(m.index + m[0].length - word.tail);
  }
  return { terms, starts, ends };
}

/**
 * What a written word indexes as: the elided part to cut before it (`l'`), the part to cut after
 * it (English `'s`), its lower-cased and folded forms and its term.
 */
interface WordForms {
  readonly cut: number;
  readonly tail: number;
  readonly word: string;
  readonly folded: string;
  readonly term: string | undefined;
}

/**
 * The forms of a written word, remembered: a corpus has far fewer distinct words than words,
 * and excerpt choice analyses paragraphs at query time, so this is most of a query's analysis.
 * `undefined` for a word that is only an elision (`l'`).
 */
function wordOf(raw: string, language: Language): WordForms | undefined {
  const memo = language === 'en' ? englishWords : words;
  let known = memo.get(raw);
  if (known === undefined) {
    if (memo.size >= WORD_MEMO_MAX) memo.clear();
    known = (language === 'en' ? englishFormsOf(raw) : formsOf(raw)) ?? NO_WORD;
    memo.set(raw, known);
  }
  return known === NO_WORD ? undefined : known;
}

const WORD_MEMO_MAX = 500_000;
const NO_WORD: WordForms = { cut: 0, tail: 0, word: '', folded: '', term: undefined };
const words = new Map<string, WordForms>();
const englishWords = new Map<string, WordForms>();

function formsOf(raw: string): WordForms | undefined {
  if (/^\d/.test(raw)) {
    const digits = joinDigits(raw);
    return { cut: 0, tail: 0, word: digits, folded: digits, term: digits };
  }
  const stripped = stripElision(raw.toLowerCase());
  const word = stripped.word.replace(/['’]/g, '');
  if (word.length === 0) return undefined;
  return { cut: stripped.cut, tail: 0, word, folded: fold(word), term: termOf(word) };
}

function englishFormsOf(raw: string): WordForms | undefined {
  const english = englishWordOf(raw);
  return english && { cut: 0, ...english };
}

/**
 * Length of the word beginnings indexed besides stems. French derivation keeps the first letters
 * where Snowball stems part ways: `Espagne`/`espagnols` (`espagn`/`espagnol`), `Algérie`/`algériens`
 * (`alger`/`algerien`), `décorés`/`décoration`; five letters is the classic length for French.
 */
export const PREFIX_LENGTH = 5;

/**
 * The word as written (folded, elision removed) as a secondary index term, marked `=` so it can
 * never equal a stem: an exact form match is stronger evidence than a shared stem. `undefined`
 * for a stopword. An English word's form is marked as English too (`=en:state`); a number's is not.
 */
export function surfaceTermOf(folded: string, language: Language = 'fr'): string | undefined {
  if (language === 'en') return isEnglishStopword(folded) ? undefined : /^\d/.test(folded) ? `=${folded}` : `=${ENGLISH_MARK}${folded}`;
  return isStopword(folded) ? undefined : `=${folded}`;
}

/**
 * The word's first {@link PREFIX_LENGTH} letters as a secondary index term, marked `~` (and `en:`
 * for an English word). Numbers and shorter words have none (their stem or surface already says
 * it all).
 */
export function prefixTermOf(folded: string, language: Language = 'fr'): string | undefined {
  if (folded.length < PREFIX_LENGTH || /^\d/.test(folded)) return undefined;
  if (language === 'en') return isEnglishStopword(folded) ? undefined : `~${ENGLISH_MARK}${folded.slice(0, PREFIX_LENGTH)}`;
  return isStopword(folded) ? undefined : `~${folded.slice(0, PREFIX_LENGTH)}`;
}

/** The index terms of a text, in order, stopwords removed (the stems the text field indexes). */
export function terms(text: string, language: Language = 'fr'): string[] {
  const out: string[] = [];
  for (const t of analyse(text, language)) if (t.term !== undefined) out.push(t.term);
  return out;
}

/** True for a word (folded) that makes a sentence a question and is left out of the query's terms. */
export function isQuestionWord(folded: string, language: Language): boolean {
  return language === 'en' ? ENGLISH_QUESTION_WORDS.has(folded) : QUESTION_WORDS.has(folded);
}

/** The terms of a question: like {@link terms}, minus interrogative words. */
export function queryTerms(question: string, language: Language = 'fr'): string[] {
  const out: string[] = [];
  for (const t of analyse(question, language)) {
    if (t.term === undefined || isQuestionWord(t.folded, language)) continue;
    out.push(t.term);
  }
  return out;
}

/**
 * The secondary terms of a question ({@link surfaceTermOf}, {@link prefixTermOf}), interrogative
 * words left out as in {@link queryTerms}; each once.
 */
export function queryForms(question: string, language: Language = 'fr'): string[] {
  const out = new Set<string>();
  for (const t of analyse(question, language)) {
    if (t.term === undefined || isQuestionWord(t.folded, language)) continue;
    for (const form of [surfaceTermOf(t.folded, language), prefixTermOf(t.folded, language)]) if (form !== undefined) out.add(form);
  }
  return [...out];
}
