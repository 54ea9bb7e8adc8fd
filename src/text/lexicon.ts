/**
 * Questions across French and English: which words of a question are English, the French words
 * to search the French articles with for them, and, when the corpus holds English articles, the
 * English words to search those with for a French question (the same data read in reverse). Each
 * language's articles are indexed by their own analyser, so a question is searched in each
 * language through its translations, analysed by that language's analyser.
 *
 * The lexicon is FreeDict's English–French and French–English dictionaries merged (GPL-2.0-or-later,
 * `src/text/data/README.md`), with WordNet's irregular verb forms (`said` → `say`) and a short
 * hand-kept list of news words FreeDict lacks. `scripts/build-lexicon.ts` regenerates the FreeDict
 * and WordNet files from their Debian packages. The files are read on the first English
 * question, or the first French one about a corpus with English articles: a French question about
 * French articles never reads them.
 */
import { readFileSync } from 'node:fs';
import { stemmer as englishStem } from '@orama/stemmers/english';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as frenchStopwords } from '@orama/stopwords/french';
import { analyse, ENGLISH_MARK, isQuestionWord, terms, terms as frenchTerms, type Token } from './analyser.js';
import { fold } from './fold.js';

/**
 * What the articles' words are, as the paragraph index knows them: a translation the articles
 * never use is left out (each is one more term that could reach an unrelated word by typo).
 */
export interface ArticleWords {
  /** Paragraphs holding an index term (a French stem, or an English one marked `en:`). */
  documentFrequency(term: string): number;
  /** Index terms starting with a prefix (English ones only for a prefix marked `en:`), at most `limit`. */
  termsStartingWith(prefix: string, limit: number): string[];
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

/** The English–French files, hand-kept first. */
const HAND_KEPT = 'news-en-fr.tsv';
const LEXICON_FILES = [HAND_KEPT, 'freedict-en-fr.tsv'];

/**
 * Every row of the English–French files in order, hand-kept first, FreeDict's rows for a word the
 * hand-kept file has left out: a hand-kept entry replaces FreeDict's for its word.
 */
function* entries(): Generator<{ readonly english: string; readonly french: readonly string[]; readonly handKept: boolean }> {
  const handKept = new Set<string>();
  for (const file of LEXICON_FILES) {
    for (const [english, french] of rows(file)) {
      const key = stemKey(english.split(' '));
      if (file === HAND_KEPT) handKept.add(key);
      else if (handKept.has(key)) continue;
      yield { english, french: french.split('|'), handKept: file === HAND_KEPT };
    }
  }
}

/**
 * Reads the lexicon files once. A hand-kept entry lists the senses news text uses (`meet` →
 * rencontrer, where FreeDict puts réunir first).
 */
function lexicon(): Lexicon {
  if (loaded) return loaded;
  const byStem = new Map<string, string[]>();
  for (const { english, french } of entries()) {
    const key = stemKey(english.split(' '));
    const list = byStem.get(key) ?? [];
    for (const f of french) if (!list.includes(f)) list.push(f);
    byStem.set(key, list);
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

/**
 * Whether the articles use a term, or a word of the same language sharing its first
 * {@link SHARED_PREFIX} letters.
 */
function usedIn(articles: ArticleWords, term: string): boolean {
  if (articles.documentFrequency(term) > 0) return true;
  const mark = term.startsWith(ENGLISH_MARK) ? ENGLISH_MARK : '';
  const word = term.slice(mark.length);
  return word.length >= SHARED_PREFIX && articles.termsStartingWith(mark + word.slice(0, SHARED_PREFIX), 1).length > 0;
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

// ---------------------------------------------------------------------------------------------
// French questions about English articles: the same data, read from the French side
// ---------------------------------------------------------------------------------------------

/**
 * English headwords kept per French word or phrase, best first: a question needs the few that
 * rank a French word first, and keeping no more keeps the reverse table small.
 */
const REVERSE_KEPT = 8;

/** Words a title-cased translation of a name leaves in lower case (`Republic of Korea`). */
const NAME_CONNECTORS: ReadonlySet<string> = new Set(['of', 'the', 'and']);

/** The lexicon read from the French side. */
interface ReverseLexicon {
  /** French terms of a translation, space-separated → English headwords, best first. */
  readonly byFrench: ReadonlyMap<string, readonly string[]>;
  /** English base form → its irregular forms (`meet` → `met`). */
  readonly forms: ReadonlyMap<string, readonly string[]>;
}

let reversed: ReverseLexicon | undefined;

/**
 * Builds the reverse table once, on the first French question about a corpus with English
 * articles. A headword ranks by where the French word stands among its translations (hand-kept
 * entries first), then by file order.
 */
function reverseLexicon(): ReverseLexicon {
  if (reversed) return reversed;
  const ranked = new Map<string, Array<{ english: string; rank: number }>>();
  for (const { english, french, handKept } of entries()) {
    french.forEach((f, position) => {
      const key = frenchTerms(f).join(' ');
      if (key === '') return;
      const list = ranked.get(key) ?? [];
      if (!list.some((e) => e.english === english)) list.push({ english, rank: handKept ? -1 : position });
      ranked.set(key, list);
    });
  }
  const byFrench = new Map<string, string[]>();
  // Array.prototype.sort is stable: equal ranks keep file order.
  for (const [key, list] of ranked) byFrench.set(key, list.sort((a, b) => a.rank - b.rank).slice(0, REVERSE_KEPT).map((e) => e.english));
  const forms = new Map<string, string[]>();
  for (const [form, base] of lexicon().irregular) forms.set(base, [...(forms.get(base) ?? []), form]);
  reversed = { byFrench, forms };
  return reversed;
}

/**
 * English translations of a French word or phrase, best first; none when the lexicon lacks it.
 *
 * @example englishTranslationsOf('sapeurs') // ['sapper', …]
 */
export function englishTranslationsOf(french: string): readonly string[] {
  return reverseLexicon().byFrench.get(frenchTerms(french).join(' ')) ?? [];
}

/** Whether the English articles use every English term of a text (and it has some). */
function usedInEnglish(articles: ArticleWords, text: string): boolean {
  const english = terms(text, 'en');
  return english.length > 0 && english.every((t) => usedIn(articles, t));
}

/**
 * The form of an English headword the articles use: itself, or one of its irregular forms
 * (`meet` → `met`, which Snowball stems apart); `undefined` when they use none.
 */
function usedForm(articles: ArticleWords, english: string): string | undefined {
  if (usedInEnglish(articles, english)) return english;
  return reverseLexicon().forms.get(english)?.find((form) => usedInEnglish(articles, form));
}

/**
 * The English translations of a French word or phrase (its French terms, `key`) worth searching
 * for, as {@link usefulTranslations} chooses French ones: used by the articles, cognates only
 * when there are any (`visite` → visit), at most {@link TRANSLATIONS_PER_WORD}.
 */
function usefulEnglish(key: string, articles: ArticleWords): string[] {
  const usable: Array<{ headword: string; form: string }> = [];
  for (const headword of reverseLexicon().byFrench.get(key) ?? []) {
    const form = usedForm(articles, headword);
    if (form !== undefined && !usable.some((u) => u.form === form)) usable.push({ headword, form });
  }
  const cognates = usable.filter((u) => frenchTerms(stemKey(u.headword.split(' '))).join(' ') === key);
  return (cognates.length > 0 ? cognates : usable).slice(0, TRANSLATIONS_PER_WORD).map((u) => u.form);
}

/**
 * The longest French phrase starting at token `i` (up to {@link LONGEST_PHRASE} words, at least
 * two index terms: `Corée du Nord`) with useful English translations, or the word alone.
 */
function longestFrenchPhrase(tokens: readonly Token[], i: number, articles: ArticleWords): { length: number; english: string[] } {
  for (let n = Math.min(LONGEST_PHRASE, tokens.length - i); n > 1; n--) {
    const key = tokens.slice(i, i + n).flatMap((t) => (t.term === undefined ? [] : [t.term]));
    if (key.length < 2 || tokens[i + n - 1]?.term === undefined) continue;
    const english = usefulEnglish(key.join(' '), articles);
    if (english.length > 0) return { length: n, english };
  }
  return { length: 1, english: usefulEnglish(tokens[i]?.term ?? '', articles) };
}

/** A translation written as a name, when the French words were one (`Corée du Nord` → `North Korea`). */
function asName(english: string): string {
  return english
    .split(' ')
    .map((w) => (NAME_CONNECTORS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

/**
 * The question to search the English articles with, for the English analyser. An English
 * question is returned as it is. A French question loses its function and interrogative words,
 * and each word or phrase gains its English translations the articles use (an irregular form when
 * that is what they write: `rencontré` → `met`); its words the English articles use stay
 * (`train`, names), and so do capitalised words the lexicon does not hold (names spelt otherwise:
 * `Choïgou`, whose other spellings the alias table adds); numbers stay as digits. Punctuation between the
 * question's words is kept as a comma, so that two names stay two.
 *
 * @example englishSearchText('Combien de sapeurs la Corée du Nord va-t-elle envoyer ?', kb.index) // 'sapper North Korea send'
 */
export function englishSearchText(question: string, articles: ArticleWords): string {
  if (readsAsEnglish(question)) return question;
  const tokens = analyse(question);
  const out: string[] = [];
  let broken = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (i > 0 && /[^\s'’-]/u.test(question.slice(tokens[i - 1]?.end ?? 0, token.start))) broken = true;
    if (token.term === undefined || isQuestionWord(token.folded, 'fr')) continue;
    if (broken && out.length > 0) out.push(',');
    broken = false;
    if (/^\d/.test(token.word)) {
      // Written with a decimal point, as the English analyser reads a decimal number.
      out.push(token.word.replace(',', '.'));
      continue;
    }
    const { length, english } = longestFrenchPhrase(tokens, i, articles);
    for (const t of tokens.slice(i, i + length)) {
      // A name the lexicon lacks stays (`Choïgou`); a lower-case word it lacks (`va`) would only
      // weigh as a word the English articles never use.
      if (t.term !== undefined && (usedInEnglish(articles, t.surface) || (!reverseLexicon().byFrench.has(t.term) && /^\p{Lu}/u.test(t.surface)))) out.push(t.surface);
    }
    const name = /^\p{Lu}/u.test(token.surface);
    out.push(...english.map((e) => (name ? asName(e) : e)));
    i += length - 1;
  }
  return out.join(' ');
}
