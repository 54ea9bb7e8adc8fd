/**
 * When two spellings name the same person: French, English and German romanisations of Russian,
 * Arabic, Korean or Chinese names (`Choïgou` / `Shoigu` / `Schoigu`, `Kadhafi` / `Qaddafi`,
 * `Zelensky` / `Zelenskyy`), missing accents, hyphens or spaces (`Jong-un` / `Jong Un`), and a
 * dropped or swapped letter in a long word.
 *
 * Each word is reduced to a spelling key by rules on how sounds are written (`sh`, `ch`, `sch`
 * are one sound; `ou` is `u`; `y`, `ï` and `i` are `i`; doubled letters count once), so the rules
 * know no name. Beyond equal keys, one edit is allowed only between keys of 5 letters or more
 * with at least 6 in one of them, never on a final vowel: `Zelensky` and `Zelenska`, `Ivanov`
 * and `Ivanova`, `Martin` and `Martine` are different people.
 */
import { entityKey } from './names.js';

/** Sound-spelling rules, applied in order to a folded word. */
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/['’]/g, ''],
  [/ph/g, 'f'],
  // French writes a hard g before e/i as `gu`: Sergueï = Sergei.
  [/gu(?=[eiy])/g, 'g'],
  [/ou/g, 'u'],
  // Ш is `ch` in French, `sh` in English, `sch` in German; Ч is `tch`, `ch`, `tsch`: one symbol.
  [/t?sch|tsh|tch|ch|sh/g, 'S'],
  // Ж and Дж: `j` in French, `zh`/`dzh` in English, `dj` in French for Arabic names.
  [/dzh|dj|zh/g, 'j'],
  [/x/g, 'ks'],
  [/q|ck|c(?![eiy])/g, 'k'],
  [/kh/g, 'k'],
  // `dh`, `th`, `gh` (Kadhafi, Gaddafi): the h is not heard.
  [/([b-df-hj-np-tv-z])h/g, '$1'],
  [/w/g, 'v'],
  [/y/g, 'i'],
  // Yevgeny, Ievgueni, Evgueni.
  [/^i(?=e)/, ''],
  [/ff$/, 'v'],
];

/** Particles written differently by each tradition (`ben` / `bin` / `ibn`, `el` / `al`). */
const PARTICLES: Readonly<Record<string, string>> = { ben: 'bn', bin: 'bn', ibn: 'bn', el: 'al', al: 'al', ould: 'uld' };

/** French adds a mute e to the last word of some foreign names: Poutine, Lénine, Salmane. */
const FRENCH_FINAL_E = /(?<=[aeiou]n)e$/;

/**
 * Spelling key of one word of a name, already lower-cased and without accents.
 * `last` says the word ends the name, where French adds a mute e (`Poutine` = `Putin`).
 *
 * @example wordSpelling('choigou') === wordSpelling('shoygu')
 */
export function wordSpelling(word: string, last = false): string {
  const memo = last ? lastWords : words;
  let key = memo.get(word);
  if (key === undefined) {
    if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
    key = spell(word, last);
    memo.set(word, key);
  }
  return key;
}

/** Names recur in every paragraph that mentions them: each word is spelled out once. */
const words = new Map<string, string>();
const lastWords = new Map<string, string>();
const MEMO_MAX_ENTRIES = 200_000;

function spell(word: string, last: boolean): string {
  const particle = PARTICLES[word];
  if (particle !== undefined) return particle;
  let key = last && word.length >= 6 ? word.replace(FRENCH_FINAL_E, '') : word;
  for (const [re, to] of RULES) key = key.replace(re, to);
  return key.replace(/(.)\1+/g, '$1');
}

/**
 * Spelling keys of a name's words, in order.
 *
 * @example nameSpelling('Sergueï Choïgou') // ['sergei', 'Soigu'], as for 'Sergei Shoigu'
 */
export function nameSpelling(name: string): string[] {
  const words = entityKey(name).split(' ').filter((w) => w !== '');
  return words.map((w, i) => wordSpelling(w, i === words.length - 1));
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** Whether two word keys (see {@link wordSpelling}) are the same word: equal, or one edit apart where that is safe. */
export function sameWordSpelling(a: string, b: string): boolean {
  return a === b || oneSafeEdit(a, b);
}

/**
 * One insertion, deletion, substitution or swap of two neighbours between keys long enough for
 * a typo to be told from another name, and not on the last letter when a vowel is involved
 * (a gendered ending: -a, -e).
 */
function oneSafeEdit(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 5 || long.length < 6 || long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i += 1;
  if (short.length === long.length) {
    if (short.slice(i + 1) === long.slice(i + 1)) return !(i === short.length - 1 && (VOWELS.has(short[i] ?? '') || VOWELS.has(long[i] ?? '')));
    // Two neighbours swapped.
    return short[i] === long[i + 1] && short[i + 1] === long[i] && short.slice(i + 2) === long.slice(i + 2);
  }
  // One letter more in `long`, at `i`.
  if (short.slice(i) !== long.slice(i + 1)) return false;
  return !(i === long.length - 1 && VOWELS.has(long[i] ?? ''));
}

/**
 * Whether two names, as {@link nameSpelling} keys, name the same person: the same words with at
 * most one of them a safe edit apart, or the same letters once spaces are dropped (`Jinping` =
 * `Jin Ping`).
 */
export function sameNameSpelling(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return a.join('') === b.join('');
  let edited = 0;
  for (const [i, w] of a.entries()) {
    const v = b[i] ?? '';
    if (w === v) continue;
    if (!oneSafeEdit(w, v)) return false;
    edited += 1;
  }
  return edited <= 1;
}

/**
 * The keys a word becomes with one letter deleted, and the word itself: two words one edit
 * apart always share one, so an index of these finds a word's near spellings without a scan.
 */
export function deletionVariants(key: string): string[] {
  const out = [key];
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}
