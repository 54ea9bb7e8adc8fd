/**
 * Reading who a phrase names as the speaker of a quotation: a name (`Sergueï Choïgou`, `M.
 * Choïgou`, `John Smith`), a role only (`le porte-parole du ministère`, `the ministry`), or a
 * pronoun (`il`, `she`) left for the caller to resolve. A name inside a role's complement
 * (`le porte-parole de Vladimir Poutine`) is not the speaker: the role is. A role held by exactly
 * one person the article names (`le secrétaire du Conseil de sécurité russe` after `le secrétaire
 * du Conseil de sécurité de la Fédération de Russie, Sergueï Choïgou`) is that person; nothing
 * else is guessed.
 */
import { terms } from './analyser.js';
import type { Item } from './quote-items.js';
import { COMMON_CAPS, FUNCTION_WORDS, PRE_ROLE, ROLE_NOUNS, TITLES } from './names.js';
import type { Span } from './sentences.js';
import { AUXILIARIES, CAPITALISED_OFFICES, COMPLEMENT_LINKS, ENGLISH_ROLE_NOUNS, INTERVENING, NOUN_PHRASE_OPENERS, PEOPLE_NOUNS, PHRASE_ENDERS, SUBJECT_PRONOUNS, isSpeechVerb } from './speech-words.js';

/** A person or organisation the engine knows, as the speaker of a quotation may be normalised to. */
export interface KnownEntity {
  readonly key: string;
  readonly name: string;
  readonly kind: 'person' | 'organisation';
}

/** Where a paragraph names a known person or organisation. */
export interface NamedSpan extends Span {
  readonly entity: KnownEntity;
}

/** A phrase read as a speaker. */
export interface SpeakerPhrase extends Span {
  /** As written: the name, the role, or the pronoun. */
  readonly text: string;
  readonly how: 'name' | 'role' | 'pronoun';
  /** The known person or organisation a name is. */
  readonly entity?: KnownEntity;
  readonly plural: boolean;
  /** The whole phrase read, when longer than the name (`l'agence russe Ria Novosti` for `Ria Novosti`). */
  readonly phrase?: Span;
}

/** Conjunctions and adverbs a phrase may start with that are not part of it (`et le ministre`). Folded. */
const LEADING = new Set(['et', 'mais', 'puis', 'ou', 'and', 'but', 'or', 'then']);
/** Plural determiners (`les agences russes`). Folded. */
const PLURAL_OPENERS = new Set(['les', 'des', 'ces', 'leurs', 'mm']);

const isPunctuation = (item: Item | undefined) => item !== undefined && !item.word && item.quote === undefined;

/**
 * The speaker a phrase (the items `[s, e)`) names, or undefined when it names none: a pronoun
 * alone; else a person named outside a complement (the last one: `le président russe Vladimir
 * Poutine`); else an organisation so named (`L'agence officielle nord-coréenne KCNA`); else a
 * run of capitalised words the engine does not know (`John Smith`); else the phrase itself when
 * it opens with a determiner (`le porte-parole du ministère`, `the ministry`).
 */
export function speakerOfPhrase(text: string, items: readonly Item[], s: number, e: number, names: readonly NamedSpan[]): SpeakerPhrase | undefined {
  while (s < e && (LEADING.has(items[s]?.folded ?? '') || INTERVENING.has(items[s]?.folded ?? ''))) s++;
  for (let k = s + 1; k < e; k++) if (PHRASE_ENDERS.has(items[k]?.folded ?? '')) e = k;
  while (e > s && (isPunctuation(items[e - 1]) || INTERVENING.has(items[e - 1]?.folded ?? ''))) e--;
  const first = items[s];
  const last = items[e - 1];
  if (!first || !last) return undefined;
  if (e - s === 1) {
    const pronoun = SUBJECT_PRONOUNS.get(first.folded);
    if (pronoun) return { start: first.start, end: first.end, text: first.text, how: 'pronoun', plural: pronoun.plural };
  }
  const plural = PLURAL_OPENERS.has(first.folded.replace(/\.$/u, '')) || items.slice(s, e).some((i) => i.folded === 'et' || i.folded === 'and');
  const inside = names.filter((n) => n.start >= first.start && n.end <= last.end);
  const free = inside.filter((n) => !isComplement(items, s, n));
  const person = free.filter((n) => n.entity.kind === 'person').at(-1);
  const named = person ?? free.find((n) => n.entity.kind === 'organisation');
  const phrase = { start: first.start, end: last.end };
  if (named) return { start: named.start, end: named.end, text: text.slice(named.start, named.end), how: 'name', entity: named.entity, plural, phrase };
  const run = capitalisedRun(items, s, e, inside);
  if (run) {
    // `Le syndicat Force ouvrière`, `l'ONG Human Rights Watch`: a name after a common noun is that
    // body's name, said with its noun; after an office (`le président Emmanuel Macron`) it is a person's.
    const at = items.findIndex((x) => x.start === run.start);
    const noun = items[at - 1];
    const named = noun?.word && !noun.cap && !ROLE_NOUNS.has(noun.folded) && at - 2 === s && NOUN_PHRASE_OPENERS.has(first.folded) ? { start: first.start, end: last.end } : run;
    return { ...named, text: text.slice(named.start, named.end), how: 'name', plural, phrase };
  }
  // `le porte-parole du ministère`, `the ministry`; `Officials`, `Des habitants` (people without a determiner in English).
  const opened = NOUN_PHRASE_OPENERS.has(first.folded) || NOUN_PHRASE_OPENERS.has(first.lower) || PEOPLE_NOUNS.has(first.folded) || ENGLISH_ROLE_NOUNS.has(first.folded);
  if (opened && isNounPhrase(items, s, e)) {
    return { start: first.start, end: last.end, text: text.slice(first.start, last.end), how: 'role', plural };
  }
  return undefined;
}

/** Longest role read as a speaker, in words: longer runs are clauses, not names of someone. */
const ROLE_WORDS = 10;

/** A phrase holds no verb we can see (`le barrage avait fait l'objet…` is a clause, not a role). */
function isNounPhrase(items: readonly Item[], s: number, e: number): boolean {
  // The opener itself may look like a verb (`A spokeswoman`: French `a`).
  const words = items.slice(s + 1, e).filter((x) => x.word);
  return words.length <= ROLE_WORDS && !words.some((x) => (AUXILIARIES.has(x.folded) && x.lower !== 'à') || x.folded === 'ne' || x.folded === "n'" || x.folded === 'se' || x.folded === "s'" || isSpeechVerb(x.folded));
}

/** Whether a name stands in a complement of the phrase (`de Vladimir Poutine`, `du ministère`, `of the ministry`). */
function isComplement(items: readonly Item[], s: number, name: Span): boolean {
  let k = items.findIndex((i) => i.start >= name.start) - 1;
  // `de l'Institut`, `of the ministry`: the link is before the determiner.
  while (k >= s && (NOUN_PHRASE_OPENERS.has(items[k]?.folded ?? '') || NOUN_PHRASE_OPENERS.has(items[k]?.lower ?? '')) && !COMPLEMENT_LINKS.has(items[k]?.lower ?? '')) k--;
  return k >= s && COMPLEMENT_LINKS.has(items[k]?.lower ?? '');
}

/**
 * The first run of capitalised words in `[s, e)` that could be a name the engine does not know:
 * not a function word (`Le`), not a capitalised common word (`Etat`), not in a complement, and
 * not a known name of a complement.
 */
function capitalisedRun(items: readonly Item[], s: number, e: number, known: readonly NamedSpan[]): Span | undefined {
  for (let k = s; k < e; k++) {
    const item = items[k] as Item;
    if (!item.word || !item.cap || FUNCTION_WORDS.has(item.folded) || COMMON_CAPS.has(item.folded) || TITLES.has(item.text) || CAPITALISED_OFFICES.has(item.folded)) continue;
    if (known.some((n) => item.start >= n.start && item.end <= n.end)) continue;
    if (isComplement(items, s, item)) return undefined;
    let j = k + 1;
    // `Steven Le Bihan`, `Charles de Gaulle`: a particle between two capitalised words.
    for (;;) {
      const next = items[j];
      if (j < e && next?.word && next.cap && !FUNCTION_WORDS.has(next.folded)) j++;
      else if (j + 1 < e && next?.word && (FUNCTION_WORDS.has(next.folded) || next.folded === 'de') && items[j + 1]?.cap && items[j + 1]?.word) j += 2;
      else break;
    }
    // A lone capitalised word opening a sentence (`Construit en 1962`, `Parmi les sinistrés`) says nothing of a name.
    if (j === k + 1 && opensSentence(items, k)) continue;
    // `a State Department spokesperson`: a name before a noun of office qualifies it.
    if (j < e && ENGLISH_ROLE_NOUNS.has(items[j]?.folded ?? '') && !items[j]?.cap) {
      k = j;
      continue;
    }
    const end = items[j - 1] as Item;
    // `le quotidien Le Monde`: a capitalised article inside the phrase belongs to the name.
    const article = items[k - 1];
    const opens = article && k - 1 > s && article.cap && ['le', 'la', 'les', "l'"].includes(article.folded) ? article : item;
    return { start: opens.start, end: end.end };
  }
  return undefined;
}

function opensSentence(items: readonly Item[], k: number): boolean {
  const before = items[k - 1];
  // `M. Dupont`: the full stop of a title opens nothing.
  if (before?.text === '.' && TITLES.has(items[k - 2]?.text ?? '')) return false;
  return before === undefined || ['.', '!', '?', '…', ':', '—', '–'].includes(before.text);
}

/** Whether a speaker may be the one `he` or `she` stands for: a person, an unknown name, or a role headed by a noun of people. */
export function isPersonLike(phrase: { readonly text: string; readonly how?: string; readonly by?: string; readonly entity?: KnownEntity }): boolean {
  if (phrase.entity) return phrase.entity.kind === 'person';
  if (phrase.how === 'name' || phrase.by === 'name') return true;
  const words = phrase.text.toLowerCase().normalize('NFD').replace(/\p{Mn}/gu, '').split(/[\s'’]+/u);
  const head = headOf(words) ?? '';
  const singular = head.replace(/(?<=\p{L}{3})[sx]$/u, '');
  return [head, singular].some((w) => ROLE_NOUNS.has(w) || PEOPLE_NOUNS.has(w) || ENGLISH_ROLE_NOUNS.has(w) || GENERIC_HEADS.has(w));
}

/** Role words: the folded stems of a role's nouns and adjectives, determiners and prepositions left out. */
function roleStems(text: string): string[] {
  return terms(text).filter((t) => !/^\d/u.test(t));
}

/** Heads of roles that describe anyone in office: matched by what the phrase adds (`le responsable russe`). Folded. */
const GENERIC_HEADS = new Set(['responsable', 'dirigeant', 'dirigeante', 'chef', 'cheffe', 'ministre', 'homme', 'femme', 'haut', 'diplomate', 'emissaire', 'official', 'leader']);

/** The head noun of a role phrase: its first word after determiners and pre-role adjectives, folded. */
function headOf(words: readonly string[]): string | undefined {
  return words.find((w) => !NOUN_PHRASE_OPENERS.has(w) && !PRE_ROLE.has(w));
}

/** Grammatical gender, as French marks it on a person's title or determiner. */
export type Gender = 'm' | 'f';

/** A person the article names, with the roles it gives them. */
export interface RoledPerson {
  readonly entity: KnownEntity;
  readonly roles: readonly string[];
  /** As the article marks it (`M.`, `Mme`, `la ministre X`), when it does, consistently. */
  readonly gender?: Gender;
}

const MASCULINE = new Set(['le', 'un', 'ce', 'cet', 'du', 'au', 'il', 'lui', 'ils', 'he', 'him']);
const FEMININE = new Set(['la', 'une', 'cette', 'elle', 'elles', 'she', 'her']);

/** The gender a phrase's first word marks (`la ministre`, `le porte-parole`, `elle`), if any. */
export function genderOfPhrase(phrase: string): Gender | undefined {
  const first = phrase.trim().split(/[\s'’]+/u)[0]?.toLowerCase() ?? '';
  return MASCULINE.has(first) ? 'm' : FEMININE.has(first) ? 'f' : undefined;
}

/**
 * The gender the words right before a name mark (`M. Choïgou`, `Mme Lee`, `la ministre Claire
 * Vayssière`, `le ministre…, Radoslav Tchelnokov`), if any: a title, else the determiner opening
 * the phrase the name closes, or the role in apposition before it.
 */
export function genderBefore(text: string, start: number): Gender | undefined {
  const before = text.slice(Math.max(0, start - 120), start);
  if (/(?:^|[\s(])MM?\.\s*$/u.test(before)) return 'm';
  if (/(?:^|[\s(])(?:Mme|Mlle|Mmes)\.?\s*$/u.test(before)) return 'f';
  const clause = before.split(/[.;:!?«»"“”]/u).at(-1) ?? '';
  const parts = clause.split(',');
  let phrase = parts.at(-1) ?? '';
  if (phrase.trim() === '' && parts.length > 1) phrase = parts.at(-2) ?? '';
  return genderOfPhrase(phrase);
}

/**
 * The one person a role phrase stands for, from the roles the same article gives the people it
 * names before: a stated role with the same head noun and every word of the phrase
 * (`le secrétaire du Conseil de sécurité russe`), or, for a head that fits anyone in office
 * (`le responsable russe`), a stated role holding every other word of the phrase. Undefined when
 * no person or more than one fits: the role is then kept as the speaker.
 */
export function personOfRole(role: string, people: readonly RoledPerson[]): KnownEntity | undefined {
  const words = role.toLowerCase().split(/[\s'’]+/u).filter(Boolean).map((w) => w.normalize('NFD').replace(/\p{Mn}/gu, ''));
  const head = headOf(words);
  if (!head) return undefined;
  const stems = roleStems(role);
  const headStem = roleStems(head)[0];
  // A head that fits anyone in office (`le responsable`) says who only with the words it adds.
  const generic = GENERIC_HEADS.has(head);
  const rest = stems.filter((t) => t !== headStem);
  const fits = (stated: string) => {
    const statedStems = new Set(roleStems(stated));
    const statedHead = headOf(stated.toLowerCase().split(/[\s'’]+/u).map((w) => w.normalize('NFD').replace(/\p{Mn}/gu, '')));
    if (statedHead === head) return stems.every((t) => statedStems.has(t));
    return generic && rest.length > 0 && rest.every((t) => statedStems.has(t));
  };
  const gender = genderOfPhrase(role);
  const found = new Map<string, KnownEntity>();
  for (const p of people) if (p.entity.kind === 'person' && !(gender && p.gender && gender !== p.gender) && p.roles.some(fits)) found.set(p.entity.key, p.entity);
  return found.size === 1 ? [...found.values()][0] : undefined;
}
