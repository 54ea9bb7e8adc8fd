/**
 * Figures as French news writes them: `5 000`, `1.000`, `2,5 millions`, `Cinq mille`,
 * `quatre-vingt-dix`, `une dizaine`. Parsing is exact where the wording is exact and gives up
 * (`undefined`) where the wording is vague (`plusieurs milliers`), so that two outlets are only
 * said to disagree on a number when both actually gave one.
 */
import { fold } from './fold.js';

/** One figure found in a text. `text.slice(start, end) === mention.text` always. */
export interface FigureMention {
  /** The figure as written, e.g. `Cinq mille`, `1.000`, `1,5 million`. */
  text: string;
  start: number;
  end: number;
  value: number;
  /** Folded noun right after the figure (`personnes`, `kilometres`, `%`), when there is one. */
  unit?: string;
}

const SMALL: Readonly<Record<string, number>> = {
  zero: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9,
  dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16,
  vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
};
const BIG: Readonly<Record<string, number>> = { million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9 };
/** Collective nouns: `une dizaine` ≈ 10. Exact enough to compare, and the text says "about". */
const APPROX: Readonly<Record<string, number>> = {
  dizaine: 10, douzaine: 12, quinzaine: 15, vingtaine: 20, trentaine: 30, quarantaine: 40,
  cinquantaine: 50, soixantaine: 60, centaine: 100, millier: 1000,
};

const SPACES = '\\s\\u00a0\\u202f';
const DIGITS = String.raw`\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?`;
const DIGITS_RE = new RegExp(`^(?:${DIGITS})$`);
const MULTIPLIER_RE = new RegExp(`^(${DIGITS})[${SPACES}]+(millions?|milliards?|mille)$`);

/**
 * Parses one French number, written in digits (`1 000` with any kind of space, `1.000`, `2,5`,
 * `1,5 million`) or in words (`Cinq mille`, `quatre-vingt-dix`, `soixante et onze`,
 * `deux milliards`, `une dizaine`, `une dizaine de milliers`). Vague quantities
 * (`plusieurs milliers`, `des centaines`) and anything else give `undefined`.
 *
 * @example parseFrenchNumber('5 000') === 5000
 * @example parseFrenchNumber('soixante et onze') === 71
 */
export function parseFrenchNumber(s: string): number | undefined {
  const t = fold(s).trim().replace(/[\u00a0\u202f]/g, ' ');
  if (DIGITS_RE.test(t)) return parseDigits(t);
  const multiplied = MULTIPLIER_RE.exec(t);
  if (multiplied) {
    const word = multiplied[2] ?? '';
    return parseDigits(multiplied[1] ?? '') * (BIG[word] ?? 1000);
  }
  const approx = APPROX_RE.exec(t);
  if (approx) return parseApprox(approx);
  return parseWords(t.split(/[\s-]+/).filter((w) => w !== ''));
}

/** `1.000` and `1 000` are thousands; `2,5` and `2.5` are decimals. */
function parseDigits(t: string): number {
  if (/^\d{1,3}(?:[ .]\d{3})+(?:,\d+)?$/.test(t)) return Number(t.replace(/[ .]/g, '').replace(',', '.'));
  return Number(t.replace(',', '.'));
}

const APPROX_RE = new RegExp(`^(?:(.+?)\\s+)?(${Object.keys(APPROX).join('|')})s?(?:\\s+de\\s+(milliers|millions|milliards))?$`);

/** `une dizaine`, `deux centaines`, `un millier`, `une dizaine de milliers`. */
function parseApprox(m: RegExpExecArray): number | undefined {
  // "plusieurs milliers", "des dizaines" or a bare "milliers" say "many", not how many.
  const count = m[1] === undefined ? undefined : parseWords(m[1].split(/[\s-]+/));
  if (count === undefined) return undefined;
  const scale = m[3] === undefined ? 1 : m[3] === 'milliers' ? 1000 : (BIG[m[3]] ?? 1);
  return count * (APPROX[m[2] ?? ''] ?? 0) * scale;
}

/**
 * Word numbers, left to right: units and tens add up within a group below one hundred (which must
 * decrease, `dix-sept` but not `trois trois`), `cent` multiplies the group, `mille` closes the
 * thousands, `million`/`milliard` close the larger groups. `quatre-vingt` is the one product.
 */
function parseWords(tokens: readonly string[]): number | undefined {
  let big = 0;
  let lastBig = Infinity;
  let thousands = 0;
  let current = 0;
  let last: number | undefined; // last small number of the group under way, for ordering
  let afterEt = false;
  for (const [i, tok] of tokens.entries()) {
    if (tok === 'et') {
      // Only "vingt et un", "soixante et onze": a ten, then un/une/onze.
      const next = tokens[i + 1];
      if (last === undefined || last < 20 || last % 10 !== 0 || !(next === 'un' || next === 'une' || next === 'onze')) return undefined;
      afterEt = true;
      continue;
    }
    const small = SMALL[tok];
    if (small !== undefined) {
      if ((tok === 'vingt' || tok === 'vingts') && last === 4 && !afterEt) {
        current += 76;
        last = 20;
      } else {
        if (last !== undefined && (small >= last || last < 10 || (last === 10 && small < 7) || (last > 10 && last < 20))) return undefined;
        current += small;
        last = small;
      }
      afterEt = false;
      continue;
    }
    if (tok === 'cent' || tok === 'cents') {
      if (current >= 100) return undefined;
      current = current === 0 ? 100 : current * 100;
      last = undefined;
    } else if (tok === 'mille') {
      if (thousands > 0) return undefined;
      thousands = (current === 0 ? 1 : current) * 1000;
      current = 0;
      last = undefined;
    } else if (BIG[tok] !== undefined) {
      const scale = BIG[tok];
      if (scale >= lastBig) return undefined;
      big += (thousands + current === 0 ? 1 : thousands + current) * scale;
      lastBig = scale;
      thousands = 0;
      current = 0;
      last = undefined;
    } else {
      return undefined;
    }
  }
  if (tokens.length === 0 || afterEt) return undefined;
  return big + thousands + current;
}

// ---------------------------------------------------------------------------------------------
// Finding figures in running text
// ---------------------------------------------------------------------------------------------

const NUMBER_WORDS = [...Object.keys(SMALL), 'zéro', 'cents', 'cent', 'mille', ...Object.keys(BIG), ...Object.keys(APPROX).flatMap((w) => [w, `${w}s`])]
  .filter((w) => w !== 'zero')
  .sort((a, b) => b.length - a.length)
  .join('|');
const WORD_RUN_RE = new RegExp(
  `(?<![\\p{L}\\p{N}-])(?:${NUMBER_WORDS})(?:(?:[${SPACES}]+et[${SPACES}]+|-et-|[${SPACES}-]+)(?:${NUMBER_WORDS}))*(?![\\p{L}\\p{N}])`,
  'giu',
);
/** Digits, optionally followed by `million(s)`/`milliard(s)`/`mille`; not inside codes (`F-16`, `17/06`). */
const DIGIT_RUN_RE = new RegExp(
  `(?<![\\p{L}\\p{N}/.,-])(?:${DIGITS})(?![\\p{N}])(?:[${SPACES}]+(?:millions?|milliards?|mille)(?![\\p{L}]))?(?![\\p{L}\\p{N}/]|[.,-]\\d)`,
  'gu',
);

const MONTHS = 'janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre';
/** A number right before a month is the day of a date (`17 juin`). */
const BEFORE_MONTH_RE = new RegExp(`^[${SPACES}]*(?:${MONTHS})\\b`);
/** Words after which a number between 1900 and 2100 is a year (`en 2024`, `juin 2024`). */
const YEAR_CUE_RE = new RegExp(`(?:^|[^\\p{L}])(?:en|depuis|jusqu'en|jusqu’en|d'ici|d’ici|annee|an|printemps|ete|automne|hiver|${MONTHS})[${SPACES}]*$`, 'u');

/** Words that cannot be the unit of a figure: function words and the commonest verbs. */
const NOT_UNITS = new Set(
  ('le la les l un une des du de d au aux a et ou en dans sur sous pour par avec sans entre vers chez que qu qui dont ' +
    'ce cet cette ces se s sa son ses leur leurs y ne n pas plus moins tres est sont ont ete etait etaient avait avaient sera ' +
    'seront fut doit peut font fait selon apres avant contre parmi environ pres lors ainsi mais donc car or ni').split(' '),
);
/** Adjectives that sit between a number and its noun (`deux autres pays`); skipped to find the unit. */
const PRE_NOUN = new Set('autres nouveaux nouvelles premiers premieres derniers dernieres grands grandes petits petites jeunes anciens anciennes principaux principales'.split(' '));
const SYMBOL_UNITS: Readonly<Record<string, string>> = { '%': '%', '€': 'euros', $: 'dollars' };

/**
 * Every figure in a text, in order: digits (`1.000 sapeurs`, `5 000 militaires`, `2,5 millions`)
 * and number words (`Cinq mille personnes`, `huit jours`, `deux fois par mois`), each with the
 * folded noun that follows it as `unit` when there is one.
 *
 * Not figures: years (`2024` alone or after `en`, `depuis`, a month, a season), day numbers of
 * dates (`17 juin`), `un`/`une` as articles (they count only before `million`, `dizaine`...),
 * ordinals (`deuxième`), vague quantities (`plusieurs milliers`) and `neuf` meaning "new".
 */
export function findFigures(text: string): FigureMention[] {
  const out: FigureMention[] = [];
  for (const m of text.matchAll(DIGIT_RUN_RE)) {
    const value = parseFrenchNumber(m[0]);
    if (value === undefined) continue;
    const mention = withUnit(text, m[0], m.index, value);
    if (isDateNumber(text, mention)) continue;
    out.push(mention);
  }
  const digits = [...out];
  for (const m of text.matchAll(WORD_RUN_RE)) {
    // "million" in "1,5 million" already belongs to a figure in digits.
    if (digits.some((d) => d.start < m.index + m[0].length && m.index < d.end)) continue;
    for (const seg of segments(m[0], m.index)) {
      const folded = fold(seg.text);
      if (folded === 'un' || folded === 'une') continue;
      if (folded === 'cent' && /pour[\s\u00a0]+$/i.test(text.slice(Math.max(0, seg.start - 8), seg.start))) continue;
      const mention = withUnit(text, seg.text, seg.start, seg.value);
      if (BEFORE_MONTH_RE.test(fold(text.slice(mention.end, mention.end + 12)))) continue;
      if (folded === 'neuf' && mention.unit === undefined && /[\p{Ll}]{3,}[\s\u00a0]+$/u.test(text.slice(Math.max(0, seg.start - 20), seg.start))) continue;
      out.push(mention);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Splits a run of number words into the longest parts that parse (`un deux` → `deux`, since
 * `un` alone is an article), so a run that is not one number still yields its numbers.
 */
function segments(run: string, offset: number): Array<{ text: string; start: number; value: number }> {
  const words = [...run.matchAll(/\p{L}+/gu)];
  const out: Array<{ text: string; start: number; value: number }> = [];
  let i = 0;
  while (i < words.length) {
    let found: { text: string; start: number; value: number; next: number } | undefined;
    for (let j = words.length - 1; j >= i && !found; j--) {
      const first = words[i];
      const last = words[j];
      if (!first || !last) continue;
      const text = run.slice(first.index, last.index + last[0].length);
      const value = parseFrenchNumber(text);
      if (value !== undefined) found = { text, start: offset + first.index, value, next: j + 1 };
    }
    if (found) {
      out.push({ text: found.text, start: found.start, value: found.value });
      i = found.next;
    } else {
      i += 1;
    }
  }
  return out;
}

/** Builds the mention and reads the unit after it: a symbol, `pour cent`, or the next noun. */
function withUnit(text: string, raw: string, start: number, value: number): FigureMention {
  const mention: FigureMention = { text: raw, start, end: start + raw.length, value };
  const rest = text.slice(mention.end, mention.end + 60);
  const symbol = /^[\s\u00a0\u202f]?([%€$])/.exec(rest);
  if (symbol) return { ...mention, unit: SYMBOL_UNITS[symbol[1] ?? ''] ?? '' };
  if (/^[\s\u00a0\u202f]+pour[\s\u00a0]+cent\b/i.test(rest)) return { ...mention, unit: '%' };
  // "1,5 million de personnes", "une dizaine de soldats": the unit sits after "de".
  const collective = /(?:millions?|milliards?|mille|aines?|milliers?)$/i.test(raw);
  let pos = 0;
  for (let k = 0; k < 4; k++) {
    const m = /^[\s\u00a0\u202f]+([\p{L}][\p{L}’'-]*)/u.exec(rest.slice(pos));
    if (!m) break;
    const word = m[1] ?? '';
    const folded = fold(word);
    pos += m[0].length;
    if (collective && k === 0 && (folded === 'de' || /^d['’]/.test(folded))) {
      if (/^d['’]./.test(folded)) return { ...mention, unit: folded.slice(2) };
      continue;
    }
    if (PRE_NOUN.has(folded)) continue;
    if (!/^\p{Ll}/u.test(word) || NOT_UNITS.has(folded) || parseFrenchNumber(word) !== undefined) break;
    return { ...mention, unit: folded };
  }
  return mention;
}

/** Years and day-of-month numbers are dates, not figures. */
function isDateNumber(text: string, f: FigureMention): boolean {
  if (BEFORE_MONTH_RE.test(fold(text.slice(f.end, f.end + 12)))) return true;
  if (!/^\d{4}$/.test(f.text) || f.value < 1900 || f.value > 2100) return false;
  if (f.unit === undefined || f.unit === '%') return true;
  return YEAR_CUE_RE.test(fold(text.slice(Math.max(0, f.start - 20), f.start)));
}
