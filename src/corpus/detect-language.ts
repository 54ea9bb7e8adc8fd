/**
 * Tells a French article from an English one by the share of its words that are function words
 * of each language (Orama's stopword lists, less the words both languages write alike: `a`,
 * `on`, `me`, `son`…). Prose in either language is 35 to 50 % function words; a text that reaches
 * {@link MIN_SHARE} in one language and has at least {@link MIN_LEAD} times as many of that
 * language's as of the other's is that language. Anything else (too short, mixed, a third
 * language) is undecided, and the caller says so.
 */
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as frenchStopwords } from '@orama/stopwords/french';

/** Languages an article can be detected in. */
export type DetectedLanguage = 'fr' | 'en';

/** Share of the words that must be one language's function words. */
export const MIN_SHARE = 0.15;

/** How many times more of the winning language's function words than of the other's. */
export const MIN_LEAD = 2;

/** Fewest words for a decision: a headline alone says too little. */
export const MIN_WORDS = 20;

const english = new Set(englishStopwords);
const french = new Set(frenchStopwords);
const ENGLISH_ONLY: ReadonlySet<string> = new Set([...english].filter((w) => !french.has(w)));
const FRENCH_ONLY: ReadonlySet<string> = new Set([...french].filter((w) => !english.has(w)));

/** The language's verdict with the figures it rests on, for the command's notes. */
export interface LanguageGuess {
  readonly language?: DetectedLanguage;
  readonly frenchShare: number;
  readonly englishShare: number;
  readonly words: number;
}

/**
 * Detects French or English in a text by function-word share.
 *
 * @example detectLanguage('Le ministre a annoncé mardi que les travaux de la ligne…').language === 'fr'
 */
export function detectLanguage(text: string): LanguageGuess {
  // Elided articles (l’armée, d'un) split into their own word so `l`, `d` are not lost.
  const words = text.toLowerCase().normalize('NFC').match(/\p{L}+/gu) ?? [];
  let fr = 0;
  let en = 0;
  for (const w of words) {
    if (FRENCH_ONLY.has(w)) fr++;
    else if (ENGLISH_ONLY.has(w)) en++;
  }
  const n = words.length;
  const guess = { frenchShare: n === 0 ? 0 : fr / n, englishShare: n === 0 ? 0 : en / n, words: n };
  if (n < MIN_WORDS) return guess;
  if (guess.frenchShare >= MIN_SHARE && fr >= MIN_LEAD * en) return { ...guess, language: 'fr' };
  if (guess.englishShare >= MIN_SHARE && en >= MIN_LEAD * fr) return { ...guess, language: 'en' };
  return guess;
}
