/**
 * English questions about French articles: which words of a question are English, and the
 * French words to search for them. The articles are indexed by the French analyser only, so an
 * English question is searched through its French translations, analysed by that same analyser.
 *
 * The lexicon is FreeDict's English–French and French–English dictionaries merged (GPL-2.0-or-later,
 * `src/text/data/README.md`), with WordNet's irregular verb forms (`said` → `say`) and a short
 * hand-kept list of news words FreeDict lacks. `scripts/build-lexicon.ts` regenerates the FreeDict
 * and WordNet files from their Debian packages. The files are read on the first English
 * question: a French one never reads them.
 */
import { readFileSync } from 'node:fs';
import { stemmer as englishStem } from '@orama/stemmers/english';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as frenchStopwords } from '@orama/stopwords/french';
import { terms as frenchTerms } from './analyser.js';
import { fold } from './fold.js';

/**
 * What the articles' words are, as the paragraph index knows them: a translation the articles
 * never use is left out (each is one more term that could reach an unrelated word by typo).
 */
export interface ArticleWords {
  /** Paragraphs holding an index term (a French stem). */
  documentFrequency(term: string): number;
  /** Index terms starting with a prefix, at most `limit`. */
  wordsStartingWith(prefix: string, limit: number): string[];
}

/**
 * Letters of a stem that must start some word of the articles for a translation to count as
 * used there: French verbs stem apart by form (`construire` → `construir`, `construit` →
 * `construit`), and the index's prefix terms are this long too.
 */
const SHARED_PREFIX = 5;

/**
 * French translations kept per English word at most: the dictionaries list every sense
 * (`agreement` → accord, atmosphère, réglage, …), and each extra translation is one more query
 * term a paragraph can match by chance.
 */
const TRANSLATIONS_PER_WORD = 2;

/** Longest English headword, in words, looked up as a phrase (`railway station` → gare). */
const LONGEST_PHRASE = 3;

/**
 * Words that say a question is English: Orama's English stopwords and the interrogatives its
 * list lacks, less the words French writes the same (`on`, `me`, `a`…), which say nothing.
 */
const ENGLISH_CUES: ReadonlySet<string> = new Set(
  [...englishStopwords, 'many', 'much', 'whose'].filter((w) => !frenchStopwords.includes(w) && w !== 'a'),
);
/** English words an English question is searched without: they say how it is asked, not what about. */
const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set([...englishStopwords, ...ENGLISH_CUES]);

/** Words that `how` makes interrogative (`how long`, `how far`): they name no topic there. */
const HOW_WHAT: ReadonlySet<string> = new Set(['long', 'far', 'old', 'often', 'soon', 'large', 'big']);

/** Words that say a question is French: the stopwords of the French analyser's list English does not share. */
const FRENCH_CUES: ReadonlySet<string> = new Set(
  [...frenchStopwords, 'quand', 'combien', 'où', 'pourquoi', 'comment', 'quoi', 'est-ce'].map(fold).filter((w) => !englishStopwords.includes(w)),
);

/** Words of a question as written, lower case, with their positions. */
const WORD_RE = /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;

/** The lexicon in memory: translations by the stemmed English key, and irregular forms. */
interface Lexicon {
  /** `englishStem(word)` of every word of a headword, space-separated → French translations, best first. */
  readonly byStem: ReadonlyMap<string, readonly string[]>;
  /** Irregular English form → base form (`met` → `meet`). */
  readonly irregular: ReadonlyMap<string, string>;
}

let loaded: Lexicon | undefined;

/**
 * Reads the lexicon files once. A hand-kept entry replaces FreeDict's for its word: it lists the
 * senses news text uses (`meet` → rencontrer, where FreeDict puts réunir first).
 */
function lexicon(): Lexicon {
  if (loaded) return loaded;
  const byStem = new Map<string, string[]>();
  const handKept = new Set<string>();
  for (const file of ['news-en-fr.tsv', 'freedict-en-fr.tsv']) {
    for (const [english, french] of rows(file)) {
      const key = stemKey(english.split(' '));
      if (file === 'news-en-fr.tsv') handKept.add(key);
      else if (handKept.has(key)) continue;
      const list = byStem.get(key) ?? [];
      for (const f of french.split('|')) if (!list.includes(f)) list.push(f);
      byStem.set(key, list);
    }
  }
  loaded = { byStem, irregular: new Map(rows('wordnet-en-irregular.tsv')) };
  return loaded;
}

/** The tab-separated rows of a lexicon file, blank lines and `#` comments skipped. */
function rows(file: string): Array<[string, string]> {
  const text = readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8');
  const out: Array<[string, string]> = [];
  for (const line of text.split('\n')) {
    if (line.length === 0 || line.startsWith('#')) continue;
    const [left, right] = line.split('\t');
    if (left && right) out.push([left, right]);
  }
  return out;
}

/** The key of a word sequence: each word stemmed, so `workers` finds `worker` and `signed` finds `sign`. */
function stemKey(words: readonly string[]): string {
  return words.map((w) => englishStem(w)).join(' ');
}

/** Interrogatives: the first one a question holds tells its language, whatever it quotes. */
const ENGLISH_INTERROGATIVES: ReadonlySet<string> = new Set(['how', 'what', 'who', 'whom', 'whose', 'when', 'where', 'why', 'which']);
const FRENCH_INTERROGATIVES: ReadonlySet<string> = new Set(['qui', 'que', 'quoi', 'quel', 'quelle', 'quels', 'quelles', 'lequel', 'laquelle', 'quand', 'combien', 'ou', 'pourquoi', 'comment']);

/**
 * Whether a question reads as English. Its first interrogative decides (`Qui a écrit The Spirit
 * and the Flesh ?` is French); without one, more words only English uses (`did`, `the`) than
 * words only French uses (`le`, `est`). `où` counts, `ou` (or) does not.
 *
 * @example readsAsEnglish('Who did Shoigu meet?') === true
 * @example readsAsEnglish('Qui Choïgou a-t-il rencontré ?') === false
 */
export function readsAsEnglish(question: string): boolean {
  let english = 0;
  let french = 0;
  for (const [word] of question.toLowerCase().replace(/’/g, "'").matchAll(WORD_RE)) {
    if (ENGLISH_INTERROGATIVES.has(word)) return true;
    const folded = fold(word).replace(/^qu'.*/, 'que');
    if (FRENCH_INTERROGATIVES.has(folded) && word !== 'ou') return false;
    if (ENGLISH_CUES.has(word)) english++;
    else if (FRENCH_CUES.has(folded)) french++;
  }
  return english > french;
}

/** French translations of an English word or phrase, best first; none when the lexicon lacks it. */
export function translationsOf(english: string): readonly string[] {
  const words = english.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  const { byStem, irregular } = lexicon();
  const base = words.map((w) => irregular.get(w) ?? w);
  return byStem.get(stemKey(base)) ?? [];
}

/** Whether the articles use a term, or a word sharing its first {@link SHARED_PREFIX} letters. */
function usedIn(articles: ArticleWords, term: string): boolean {
  if (articles.documentFrequency(term) > 0) return true;
  return term.length >= SHARED_PREFIX && articles.wordsStartingWith(term.slice(0, SHARED_PREFIX), 1).length > 0;
}

/**
 * The translations of one English word or phrase worth searching for: those whose every term
 * the articles use; only cognates (`visit` → visite) when there are any; at most {@link TRANSLATIONS_PER_WORD}.
 */
function usefulTranslations(english: string, articles: ArticleWords): string[] {
  const words = english.toLowerCase().split(/\s+/);
  // Stemmed in English first: the French stemmer leaves `signed` whole, while `sign` is `signe`'s stem.
  const own = frenchTerms(stemKey(words.map((w) => lexicon().irregular.get(w) ?? w))).join(' ');
  const usable = translationsOf(english).filter((f) => {
    const terms = frenchTerms(f);
    return terms.length > 0 && terms.every((t) => usedIn(articles, t));
  });
  // A cognate says it all; the other translations of a word that has one are its other senses.
  const cognates = usable.filter((f) => frenchTerms(f).join(' ') === own);
  return (cognates.length > 0 ? cognates : usable).slice(0, TRANSLATIONS_PER_WORD);
}

/**
 * The question to search the French articles with. A French question is returned as it is:
 * nothing is added to it (a French word the articles lack is often an English headword too,
 * `motivation`, `ultime`, and its translations only add noise). An English question loses its
 * function words (`will`, `about`: French stopwords do not drop them, and they match French words
 * by typo), and each word or phrase gains its French translations. Its words the articles use
 * stay (cognates such as `train`, names), and so do words the lexicon does not hold, which may be
 * names spelt otherwise (`Kursk`, within a typo of `Koursk`); an English word whose every
 * translation the articles lack is dropped, since it could only match an unrelated word by typo.
 *
 * @example searchText('How many sappers will North Korea send?', kb.index) // 'sapeur Corée du Nord envoyer déployer'
 */
export function searchText(question: string, articles: ArticleWords): string {
  if (!readsAsEnglish(question)) return question;
  const words = [...question.replace(/’/g, "'").matchAll(WORD_RE)].map(([w]) => w);
  const used = (word: string) => frenchTerms(word).every((t) => articles.documentFrequency(t) > 0);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = (words[i] as string).toLowerCase();
    if (ENGLISH_FUNCTION_WORDS.has(word) || (HOW_WHAT.has(word) && words[i - 1]?.toLowerCase() === 'how')) continue;
    const { length, translations } = longestPhrase(words, i, articles);
    for (const w of words.slice(i, i + length)) if (used(w) || translationsOf(w).length === 0) out.push(w);
    out.push(...translations);
    i += length - 1;
  }
  return out.join(' ');
}

/**
 * The longest English headword starting at word `i` (at least the word itself, possibly
 * untranslated), with its useful translations.
 */
function longestPhrase(words: readonly string[], i: number, articles: ArticleWords): { length: number; translations: string[] } {
  for (let n = Math.min(LONGEST_PHRASE, words.length - i); n > 1; n--) {
    const translations = usefulTranslations(words.slice(i, i + n).join(' '), articles);
    if (translations.length > 0) return { length: n, translations };
  }
  return { length: 1, translations: usefulTranslations(words[i] as string, articles) };
}
