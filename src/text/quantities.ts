/**
 * What a figure counts. `findFigures` (numbers.ts) reads `1.000 sapeurs` as the value 1 000
 * followed by the word `sapeurs`; comparing two outlets needs more: the thing counted, named the
 * same way whatever the outlet's wording (`sapeurs` = `soldats du génie`, from the editable
 * `counted.yaml`), and whether the number is a count at all. A number word in a fixed phrase
 * (`les deux hommes`, `deux fois par mois`), a duration (`huit jours`) or a figure about another
 * year than the article's is not a count two outlets can agree or disagree on.
 */
import { fold } from './fold.js';
import type { FigureMention } from './numbers.js';

/** A figure that counts something, with the key of what it counts. */
export interface CountedFigure {
  readonly figure: FigureMention;
  /**
   * What is counted, comparable across outlets: the first noun of its `counted.yaml` group, or the
   * noun itself (singular, folded). Two figures with the same key count the same kind of thing.
   */
  readonly key: string;
  /** How to name it to a reader: the group's first noun, or the noun as written. */
  readonly noun: string;
  /**
   * True for a noun that counts people in general (`personnes`): it may count the same people
   * as a specific group (`5 000 personnes` = `5 000 ouvriers`), but says too little to claim a
   * disagreement.
   */
  readonly generic: boolean;
}

/** Nouns that count people without saying which: compared only for agreement. */
const GENERIC_NOUNS = new Set(['personne', 'gens', 'individu', 'habitant', 'resident', 'riverain']);

/** Units of time: a figure with one is a duration or a date distance, not a count of things. */
const TIME_UNITS = new Set(['h', 'min', 'seconde', 'minute', 'heure', 'jour', 'journee', 'nuit', 'semaine', 'mois', 'an', 'annee', 'decennie', 'siecle', 'trimestre', 'semestre']);

/** Units of frequency and repetition (`deux fois par mois`, `à trois reprises`). */
const REPETITION_UNITS = new Set(['fois', 'reprise']);

/**
 * Determiners that make a small number word refer back to things already named (`les deux
 * hommes`, `ces trois pays`, `des deux parties`) instead of counting them.
 */
const REFERRING_BEFORE = /(?:^|[^\p{L}])(?:les|des|ces|leurs|nos|vos|ses|mes|tes|aux)[\s\u00a0\u202f]+$/iu;
/** Below this, a number word after a definite determiner refers back; above, it counts (`les cinq mille ouvriers`). */
const REFERRING_MAX = 12;

/** A noun group compiled for matching: its nouns as folded, singular word lists. */
export interface CompiledCountedGroups {
  /** Folded singular word sequences → group key and display noun; longest first. */
  readonly entries: readonly { readonly words: readonly string[]; readonly key: string; readonly noun: string }[];
}

/** Compiles the `counted.yaml` groups once per corpus. */
export function compileCountedGroups(groups: ReadonlyArray<readonly string[]>): CompiledCountedGroups {
  const entries = groups.flatMap((group) => {
    const head = group[0] ?? '';
    const key = singularWords(head).join(' ');
    return group.map((noun) => ({ words: singularWords(noun), key, noun: head }));
  });
  entries.sort((a, b) => b.words.length - a.words.length);
  return { entries };
}

/**
 * The counts among a paragraph's figures: each with the key of what it counts. Figures that are
 * not counts (no noun, a duration, a repetition, a referring number word) are left out.
 *
 * @example countedFigures('en plus de 1.000 sapeurs', findFigures(...), groups)
 * // → [{ key: 'sapeur', noun: 'sapeurs', ... }]
 */
export function countedFigures(text: string, figures: readonly FigureMention[], groups: CompiledCountedGroups): CountedFigure[] {
  const out: CountedFigure[] = [];
  for (const figure of figures) {
    if (figure.unit === undefined) continue;
    if (figure.unit === '%') {
      const share = percentOf(text, figure);
      if (share) out.push({ figure, ...share, generic: false });
      continue;
    }
    const unit = singular(figure.unit);
    if (REPETITION_UNITS.has(unit) || isAdverb(unit)) continue;
    if (TIME_UNITS.has(unit)) {
      const duration = durationOf(text, figure, unit);
      if (duration) out.push({ figure, ...duration, generic: false });
      continue;
    }
    if (isReferring(text, figure)) continue;
    const after = wordsAfter(text, figure.end, 4);
    const group = groups.entries.find((e) => startsWith(after, e.words));
    if (group) {
      // `Trois pompiers ont été blessés` counts injured firefighters, not the firefighters engaged.
      const said = predicateAfter(text, figure.end + nounLength(text.slice(figure.end), group.words.length));
      const other = said && groups.entries.find((e) => e.words.length === 1 && e.key !== group.key && genderless(e.words[0] ?? '') === said.key);
      if (other) out.push({ figure, key: `${group.key} ${other.key}`, noun: `${group.noun} ${other.noun}`, generic: false });
      else out.push({ figure, key: group.key, noun: group.noun, generic: false });
      continue;
    }
    const nounMatch = /^[\s\u00a0\u202f]*(?:d['’]|de[\s\u00a0\u202f]+)?([\p{L}’'-]+)/u.exec(text.slice(figure.end));
    const written = nounMatch?.[1] ?? figure.unit;
    const nounEnd = figure.end + (nounMatch?.[0].length ?? 0);
    // `1.200 habitants ont été évacués`, `1 200 personnes évacuées`: what the sentence says of
    // them tells what is counted, when the noun alone does not.
    const predicate = predicateAfter(text, nounEnd);
    const byPredicate = predicate === undefined ? undefined : groups.entries.find((e) => e.words.length === 1 && genderless(e.words[0] ?? '') === predicate.key);
    if (!GENERIC_NOUNS.has(unit)) {
      // `350 campeurs évacués` are evacuated campers, not all the evacuated.
      if (byPredicate) out.push({ figure, key: `${unit} ${byPredicate.key}`, noun: `${written} ${predicate?.written ?? ''}`.trim(), generic: false });
      else out.push({ figure, key: unit, noun: written, generic: false });
    }
    // Which people a general noun counts is what the sentence says of them.
    else if (byPredicate) out.push({ figure, key: byPredicate.key, noun: byPredicate.noun, generic: false });
    else if (predicate) out.push({ figure, key: `${unit} ${predicate.key}`, noun: `${written} ${predicate.written}`, generic: false });
    else {
      // `l'évacuation de 3 000 personnes`: the noun the figure depends on says which people.
      const of = actionBefore(text, figure, groups);
      out.push(of ? { figure, key: of.key, noun: of.noun, generic: false } : { figure, key: unit, noun: written, generic: true });
    }
  }
  return out;
}

/**
 * Adverbs that follow a number in `dont deux grièvement`, `trois seulement`: no noun, so no count.
 * A list rather than every word in `-ment`, which would take `logement` and `bâtiment` too.
 */
const ADVERBS = new Set('grievement legerement gravement serieusement mortellement notamment seulement respectivement egalement environ recemment precedemment actuellement finalement directement indirectement simultanement successivement'.split(' '));

function isAdverb(word: string): boolean {
  return ADVERBS.has(word);
}

/** The group of the noun a figure depends on (`l'évacuation de`, `la mort de`), by its beginning. */
function actionBefore(text: string, figure: FigureMention, groups: CompiledCountedGroups): { key: string; noun: string } | undefined {
  const m = /(\p{L}{4,})[\s\u00a0]+(?:de|d['’])[\s\u00a0]*$/u.exec(text.slice(Math.max(0, figure.start - 40), figure.start));
  if (!m) return undefined;
  const word = fold(m[1] ?? '');
  const e = groups.entries.find((g) => g.words.length === 1 && genderless(g.words[0] ?? '').length >= 4 && word.startsWith(genderless(g.words[0] ?? '')));
  return e ? { key: e.key, noun: e.noun } : undefined;
}

/**
 * A percentage and what it is a share of, from the noun before it and the one after
 * (`une hausse de 4,5 % des salaires` → `% hausse salaire`); a bare `2 %` compares nothing.
 */
function percentOf(text: string, figure: FigureMention): { key: string; noun: string } | undefined {
  const before = /(\p{Ll}{3,})[\s\u00a0]+(?:de|d['’])[\s\u00a0]*$/u.exec(text.slice(Math.max(0, figure.start - 40), figure.start));
  const noun = before?.[1];
  if (noun === undefined || NOT_LASTING.has(fold(noun))) return undefined;
  const after = /^[\s\u00a0\u202f]*(?:%|pour[\s\u00a0]+cent)[\s\u00a0]+(?:des|du|de[\s\u00a0]+la|de[\s\u00a0]+l['’]|d['’])[\s\u00a0]*(\p{Ll}{3,})/u.exec(text.slice(figure.end));
  const of = after?.[1];
  return { key: `% ${singular(fold(noun))}${of ? ` ${singular(fold(of))}` : ''}`, noun: `% (${noun}${of ? ` des ${of}` : ''})` };
}

/** Length of the first `words` words of a text (after an optional `de`), to find what follows a noun. */
function nounLength(rest: string, words: number): number {
  const m = new RegExp(`^[\\s\\u00a0\\u202f]*(?:d['’]|de[\\s\\u00a0\\u202f]+)?(?:[\\p{L}’'-]+[\\s\\u00a0\\u202f]*){${words}}`, 'u').exec(rest);
  return m?.[0].length ?? 0;
}

/**
 * A duration that says what lasts (`une visite de deux jours`, `huit ans de prison`, `une grève
 * de neuf jours`) or an age (`Bernard Lagrange, 72 ans`): a quantity two outlets can give
 * differently. A bare duration (`moins de deux mois après`, `depuis 30 ans`) is none.
 */
function durationOf(text: string, figure: FigureMention, unit: string): { key: string; noun: string } | undefined {
  const before = text.slice(Math.max(0, figure.start - 40), figure.start);
  const age = /(\p{Lu}[\p{L}’'-]+),[\s\u00a0]*$/u.exec(before);
  if (age && unit === 'an') return { key: `age ${fold(age[1] ?? '')}`, noun: `âge (${age[1]})` };
  const of = /(\p{Ll}{3,})[\s\u00a0]+(?:de|d['’])[\s\u00a0]*$/u.exec(before);
  if (of && !NOT_LASTING.has(fold(of[1] ?? ''))) return { key: `${fold(singular(of[1] ?? ''))} ${unit}`, noun: `${of[1]} (${figure.unit})` };
  const unitWord = /^[\s\u00a0\u202f]*[\p{L}]+/u.exec(text.slice(figure.end))?.[0].length ?? 0;
  const what = /^[\s\u00a0]+(?:de|d['’])[\s\u00a0]*(\p{Ll}{3,})/u.exec(text.slice(figure.end + unitWord));
  if (what && !NOT_LASTING.has(fold(what[1] ?? ''))) return { key: `${unit} ${fold(singular(what[1] ?? ''))}`, noun: `${figure.unit} de ${what[1]}` };
  return undefined;
}

/** Words around a duration that do not say what lasts (`moins de deux mois`, `plus de trois ans`). */
const NOT_LASTING = new Set('moins plus pres environ depuis pendant durant apres avant bout espace cours suite fin debut age voisin ordre cela ceux celle celui'.split(' '));

/** `les deux hommes`, `ces trois pays`: a small number in letters after a definite determiner. */
function isReferring(text: string, figure: FigureMention): boolean {
  if (/\d/.test(figure.text) || figure.value > REFERRING_MAX) return false;
  return REFERRING_BEFORE.test(text.slice(Math.max(0, figure.start - 8), figure.start));
}

/**
 * The participle or verb that says what is said of the counted things, right after their noun
 * (`personnes évacuées`, `habitants ont été évacués`, `blessés sont toujours hospitalisés`):
 * auxiliaries and adverbs are skipped, a preposition or punctuation ends the search.
 */
function predicateAfter(text: string, from: number): { key: string; written: string } | undefined {
  const clause = (text.slice(from, from + 80).split(/[,.;:!?()«»"“”]/)[0] ?? '').trim();
  for (const word of clause.split(/[\s\u00a0\u202f]+/).slice(0, 5)) {
    const folded = fold(word);
    if (AUXILIARIES.has(folded) || ADVERBS.has(folded) || folded.endsWith('ment')) continue;
    if (!/^\p{Ll}{3,}$/u.test(word) || NOT_PREDICATES.has(folded)) return undefined;
    return { key: genderless(folded), written: word };
  }
  return undefined;
}

/** A participle without its gender and number: `évacuées`, `évacués`, `évacué` → `evacu`. */
function genderless(folded: string): string {
  return singular(folded).replace(/e+$/, '');
}

/** Auxiliaries, modals and adverbs between a counted noun and what is said of it. */
const AUXILIARIES = new Set('ont a avaient avait auront ont-ils sont est etaient etait seront sera ete etre du dû doivent devaient peuvent pourraient toujours deja encore aussi egalement notamment desormais enfin finalement effectivement ainsi'.split(' ').map(fold));
/** Words after a noun that say nothing of what is counted: prepositions, pronouns, articles. */
const NOT_PREDICATES = new Set('dans sur pour par avec qui que dont selon parmi chez vers entre sans sous contre apres avant depuis pendant de du des le la les un une en et ou au aux ce cette ces leur leurs son sa ses se ne pas plus moins environ'.split(' '));

/** Up to `n` folded singular words after a position, stopping at punctuation. */
function wordsAfter(text: string, from: number, n: number): string[] {
  const rest = text.slice(from, from + 80);
  const clause = rest.split(/[,.;:!?()«»"“”]/)[0] ?? '';
  return singularWords(clause).slice(0, n);
}

function startsWith(words: readonly string[], prefix: readonly string[]): boolean {
  // A collective figure (`un millier de soldats`) has `de` before its noun.
  const offset = words[0] === 'de' || words[0] === 'd' ? 1 : 0;
  return prefix.length > 0 && prefix.every((w, i) => words[i + offset] === w);
}

/** Folded words, each made singular. */
function singularWords(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}]+/u)
    .filter((w) => w !== '')
    .map(singular);
}

/** Nouns that end in `s` or `x` in the singular too. */
const INVARIABLE = new Set(['mois', 'fois', 'pays', 'temps', 'corps', 'bras', 'prix', 'poids', 'cas', 'avis', 'choix', 'voix', 'croix', 'discours', 'concours', 'secours', 'parcours', 'taux', 'colis', 'gens', 'fils', 'repas', 'bois', 'tas']);

/**
 * French plural to singular, for the nouns that count: `sapeurs` → `sapeur`, `travaux` → `travail`
 * is not needed; `-aux` → `-al` (`généraux`), `-eaux` → `-eau`, a final `s` or `x` dropped.
 */
export function singular(word: string): string {
  if (word.length <= 2 || INVARIABLE.has(word)) return word;
  if (word.endsWith('eaux')) return word.slice(0, -1);
  if (word.endsWith('aux')) return `${word.slice(0, -3)}al`;
  if (word.endsWith('s') || word.endsWith('x')) return word.slice(0, -1);
  return word;
}
