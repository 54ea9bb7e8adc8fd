/**
 * What a sentence says about who is speaking: its cues of attribution, each with the speaker
 * phrase it names.
 *
 * - a verb of saying and its subject, before it (`le ministère a déclaré que`, `X, analyste à…, a
 *   indiqué`, `the ministry said`) or after it when a quotation precedes (`», a déclaré X`,
 *   `», avait alors assuré KCNA`, `," said John Smith`), or inverted (`a-t-il ajouté`, `dit-elle`);
 * - a source (`selon X`, `d'après l'agence X`, `according to X`, `cité par X`), and `Pour X, « … »`;
 * - a noun carrying someone's words (`la revendication par X de…`, `les propos de X`);
 * - a subject pronoun right before a quotation that holds its verb (`il « demande l'arrêt… »`).
 *
 * A complement of the verb naming a medium (`a déclaré à l'agence Tass`, `told Reuters`) is kept
 * as the relay of the words.
 */
import { PRE_ROLE, ROLE_NOUNS, TITLES, modifiers } from './names.js';
import type { Item, Sentence } from './quote-items.js';
import { speakerOfPhrase, type NamedSpan, type SpeakerPhrase } from './speakers.js';
import type { Span } from './sentences.js';
import {
  AUXILIARIES, CLAUSE_OPENERS, INTERVENING_PHRASES, NO_SPEAKER_HEADS, PEOPLE_NOUNS, CLITICS, COMPLEMENT_PREPOSITIONS, INTERVENING, NOT_BEFORE_VERB, NOUN_PHRASE_OPENERS, PHRASE_ENDERS,
  RELAY_MARKERS, SOURCE_MARKERS, SPEECH_NOUN_LINKS, SPEECH_NOUNS, SUBJECT_PRONOUNS, inversionOf, isSpeechVerb, namesMedium,
} from './speech-words.js';

/** One cue of attribution in a sentence. */
export interface Cue {
  /** Items `[at, end)` the cue is made of (the verb group, the source marker and its phrase…). */
  readonly at: number;
  readonly end: number;
  /** `verb`: a verb of saying and its subject; `noun`: a noun carrying words; `source`: `selon X`. */
  readonly kind: 'verb' | 'noun' | 'source';
  readonly speaker?: SpeakerPhrase;
  /** A complement naming the medium the words were given to (`à l'agence Tass`, `told Reuters`). */
  readonly relay?: Span;
  /** For a source, its whole phrase as written (`l'agence russe Ria Novosti`). */
  readonly phrase?: Span;
  /**
   * The cue stands right after a comma or a quotation, its subject after its verb or inverted
   * (`, a déclaré X`, `, avait alors assuré KCNA`, `, a-t-il ajouté`): the form that attributes
   * every quotation of the sentence before it.
   */
  readonly trailing: boolean;
  /** First item of the cue, its subject included when it stands before the verb. */
  readonly first: number;
}

/** What a sentence is read with. */
export interface Reading {
  readonly text: string;
  readonly items: readonly Item[];
  readonly names: readonly NamedSpan[];
  /** Whether words name an outlet of the corpus (`l'AGP`): words given to one are relayed by it. */
  readonly isOutlet?: (words: string) => boolean;
}

const PUNCTUATION_ENDING_PHRASE = new Set([',', ';', ':', '.', '!', '?', '(', ')', '—', '–', '[', ']']);
/** What may follow a subject placed after its verb: the sentence's end, a comma, a complement. */
const AFTER_SUBJECT = new Set([',', ';', '.', '!', '?', ')', '—', '–', '…']);
/** Prepositions that always open a complement after a subject (`lors d'une conférence de presse`). Lower-cased. */
const ENDS_SUBJECT = new Set(['lors', 'devant', 'pendant', 'durant', 'depuis', 'dans', 'sur', 'sous', 'après', 'during', 'in', 'on', 'at', 'before', 'after']);
/** English verbs whose object is the person told (the subject is before them). Folded. */
const TELLING = new Set(['told', 'tells', 'tell']);
/** Prepositions that give the words to someone (`à l'AFP`, `to Reuters`, `auprès de`). Lower-cased. */
const GIVING = new Set(['à', 'au', 'aux', 'to', 'auprès', 'sur']);

const wordAt = (r: Reading, i: number): Item | undefined => r.items[i];
const isClitic = (x: Item | undefined): boolean => x !== undefined && (CLITICS.has(x.lower) || CLITICS.has(x.folded));
/** A French past participle as spelled (`jugée`, `déclarés`): without an auxiliary it is no verb said by a subject. */
const PARTICIPLE = /(?:é|ée|és|ées)$/u;

/**
 * Every cue of a sentence, in order. `quoteBefore` says a quotation precedes the sentence's items
 * (an incise between two pieces of one quotation), which allows a subject after its verb.
 */
export function cuesOf(r: Reading, sentence: Sentence, quoteBefore = false): Cue[] {
  const cues: Cue[] = [];
  const { from, to } = sentence;
  for (let i = from; i < to; i++) {
    const item = r.items[i] as Item;
    if (item.text === ':' && r.items[i + 1]?.quote !== undefined) {
      const colon = colonCue(r, cues, from, i);
      if (colon) cues.push(colon);
      continue;
    }
    if (!item.word) continue;
    const source = sourceAt(r, i, to);
    if (source) {
      cues.push(source);
      i = source.end - 1;
      continue;
    }
    if (i === from && item.folded === 'pour') {
      const end = phraseEnd(r, i + 1, to);
      const speaker = speakerOfPhrase(r.text, r.items, i + 1, end, r.names);
      if (speaker?.how === 'name' && r.items.slice(end, to).some((x) => x.quote !== undefined)) cues.push({ at: i, end, kind: 'verb', speaker, trailing: false, first: i });
      continue;
    }
    const group = verbGroupAt(r, i, to);
    if (group) {
      cues.push(verbCue(r, sentence, group, quoteBefore));
      i = group.end - 1;
      continue;
    }
    const noun = nounCueAt(r, i, to);
    if (noun) {
      cues.push(noun);
      continue;
    }
    const next = r.items[i + 1];
    const pronoun = SUBJECT_PRONOUNS.get(item.folded);
    if (pronoun && next?.quote !== undefined && /^\p{Ll}/u.test(quotedWords(r.text, next))) {
      cues.push({ at: i, end: i + 1, kind: 'verb', speaker: { start: item.start, end: item.end, text: item.text, how: 'pronoun', plural: pronoun.plural }, trailing: false, first: i });
    }
  }
  return cues;
}

/** The words of a quotation item, without its marks and the spaces inside them. */
function quotedWords(text: string, item: Item): string {
  return text.slice(item.start + 1, item.end - 1).replace(/^[\s\u00a0\u202f«“"‘]+/u, '');
}

/**
 * `Bernard Lagrange, 72 ans, a tout perdu : « Il me reste ma voiture »`: a quotation after a colon
 * is the words of the clause's subject, when that subject is a person or a role of people
 * (`un habitant`, `le maire`) and no verb of saying of the clause names another.
 */
function colonCue(r: Reading, cues: readonly Cue[], from: number, colon: number): Cue | undefined {
  if (cues.some((c) => c.kind === 'verb' && c.at >= from && c.at < colon)) return undefined;
  let s = from;
  for (let guard = 0; guard < 4 && s < colon; guard++) {
    let e = s;
    while (e < colon && r.items[e]?.text !== ',') e++;
    const phrase = speakerOfPhrase(r.text, r.items, s, nounPhraseEnd(r, s, e), r.names);
    if (phrase && phrase.how !== 'pronoun' && (phrase.entity?.kind === 'person' || (phrase.how === 'name' && !phrase.entity) || (phrase.how === 'role' && namesPeople(r, s, e)))) {
      return { at: colon, end: colon + 1, kind: 'verb', speaker: phrase, trailing: false, first: s };
    }
    if (phrase) return undefined;
    s = e + 1;
  }
  return undefined;
}

/**
 * End of the noun phrase opening `[s, e)`: its determiner, head noun and what qualifies it
 * (`Un commerçant de la place du Marché` in `Un commerçant de la place du Marché ne décolère
 * pas`); a name ends where the capitalised words do. The whole span when it opens otherwise.
 */
function nounPhraseEnd(r: Reading, s: number, e: number): number {
  const tokens = r.items.slice(0, e).map((x) => ({ ...x, sentenceStart: false }));
  let k = s;
  while (k < e && (NOUN_PHRASE_OPENERS.has(r.items[k]?.folded ?? '') || PRE_ROLE.has(r.items[k]?.folded ?? ''))) k++;
  if (k === s || k >= e || !r.items[k]?.word || r.items[k]?.cap) return e;
  return Math.min(e, Math.max(k + 1, modifiers(tokens, k + 1)));
}

/** Whether the phrase `[s, e)` is headed by a noun of people (`le maire`, `un habitant`). */
function namesPeople(r: Reading, s: number, e: number): boolean {
  const head = r.items.slice(s, e).find((x) => x.word && !NOUN_PHRASE_OPENERS.has(x.folded) && !NOUN_PHRASE_OPENERS.has(x.lower) && !PRE_ROLE.has(x.folded));
  // `les sinistrés`, `des habitants`: the plural of a noun of people is one too.
  const singular = head?.folded.replace(/(?<=\p{L}{3})[sx]$/u, '');
  return head !== undefined && singular !== undefined && [head.folded, singular].some((w) => ROLE_NOUNS.has(w) || PEOPLE_NOUNS.has(w));
}

/** A verb group: `[start, end)`, and the pronoun of an inversion (`a-t-il déclaré`). */
interface VerbGroup {
  readonly start: number;
  readonly end: number;
  readonly pronoun?: SpeakerPhrase;
  /** The verb's object is the person told (`told`): never its subject. */
  readonly telling: boolean;
  /** A passive (`jugée « insultante » par le syndicat`): where its agent's phrase starts. */
  readonly agent?: number;
}

/** The verb of saying starting at item `i`, if one does. */
function verbGroupAt(r: Reading, i: number, to: number): VerbGroup | undefined {
  const item = r.items[i] as Item;
  const inversion = inversionOf(item.folded);
  if (inversion?.pronoun) {
    const pronoun = inversion.pronoun;
    const at = item.end - pronoun.length;
    const phrase: SpeakerPhrase = { start: at, end: item.end, text: r.text.slice(at, item.end), how: 'pronoun', plural: pronoun.endsWith('s') };
    if (!inversion.auxiliary) return { start: i, end: i + 1, pronoun: phrase, telling: false };
    const j = skipIntervening(r, i + 1, to);
    const verb = wordAt(r, j);
    return verb?.word && isSpeechVerb(verb.folded) ? { start: i, end: j + 1, pronoun: phrase, telling: false } : undefined;
  }
  if (item.cap && !TITLES.has(item.text)) return undefined;
  if (AUXILIARIES.has(item.folded) && item.lower !== 'à') {
    const j = skipIntervening(r, i + 1, to);
    const verb = wordAt(r, j);
    if (verb?.word && !verb.cap && isSpeechVerb(verb.folded)) return { start: i, end: j + 1, telling: TELLING.has(verb.folded) };
    return undefined;
  }
  if (!isSpeechVerb(item.folded)) return undefined;
  if (PARTICIPLE.test(item.lower)) {
    // `jugée « insultante » par le syndicat`: a passive, whose agent speaks.
    const by = r.items.slice(i + 1, to).findIndex((x) => x.folded === 'par');
    return by >= 0 ? { start: i, end: i + 1, telling: false, agent: i + 1 + by + 1 } : undefined;
  }
  const before = wordAt(r, i - 1);
  // `l'annonce`, `la demande`, `the claims`, `de déclarer`: a noun or an infinitive, not a verb said by a subject.
  if (before && (NOUN_PHRASE_OPENERS.has(before.folded) || NOUN_PHRASE_OPENERS.has(before.lower) || NOT_BEFORE_VERB.has(before.lower))) return undefined;
  return { start: i, end: i + 1, telling: TELLING.has(item.folded) };
}

/** Past adverbs and phrases such as `pour sa part` standing before the next word (`a pour sa part qualifié`). */
export function skipIntervening(r: Reading, j: number, to: number): number {
  let k = j;
  for (let guard = 0; guard < 4 && k < to; guard++) {
    if (INTERVENING.has(r.items[k]?.folded ?? '')) {
      k++;
      continue;
    }
    const phrase = INTERVENING_PHRASES.find((words) => words.every((w, n) => r.items[k + n]?.folded === w));
    if (!phrase) break;
    k += phrase.length;
  }
  return k;
}

/** The cue a verb group makes: its subject after it (after a quotation), else before it; its relay. */
function verbCue(r: Reading, sentence: Sentence, group: VerbGroup, quoteBefore: boolean): Cue {
  const relay = relayAfter(r, group, sentence.to);
  let lead = group.start;
  while (lead > sentence.from && isClitic(r.items[lead - 1])) lead--;
  const before = r.items[lead - 1];
  // `», a déclaré X`, `, avait alors assuré KCNA`, `," said X`: right after a comma or a quotation.
  const opensIncise = lead === sentence.from ? quoteBefore : before?.text === ',' || before?.quote !== undefined;
  const base = { at: group.start, end: group.end, kind: 'verb' as const, ...(relay ? { relay } : {}), first: group.start };
  if (group.pronoun) return { ...base, speaker: group.pronoun, trailing: opensIncise };
  if (group.agent !== undefined) {
    const agent = speakerOfPhrase(r.text, r.items, group.agent, phraseEnd(r, group.agent, sentence.to), r.names);
    return { ...base, ...(agent && agent.how !== 'pronoun' ? { speaker: agent } : {}), trailing: false };
  }
  const quoted = quoteBefore || r.items.slice(sentence.from, group.start).some((x) => x.quote !== undefined);
  const after = quoted && opensIncise && !group.telling ? subjectAfter(r, group.end, sentence.to) : undefined;
  if (after) return { ...base, speaker: after, trailing: true };
  const speaker = subjectBefore(r, sentence.from, group.start);
  const first = speaker ? Math.max(sentence.from, r.items.findIndex((x) => x.start >= speaker.start)) : group.start;
  return { ...base, ...(speaker ? { speaker } : {}), trailing: false, first };
}

/** End (exclusive) of a phrase starting at `k`: the next punctuation, quotation or relative word. */
function phraseEnd(r: Reading, k: number, to: number): number {
  let e = k;
  while (e < to) {
    const x = r.items[e] as Item;
    if (x.quote !== undefined || (PUNCTUATION_ENDING_PHRASE.has(x.text) && !isTitleDot(r.items, e)) || (e > k && PHRASE_ENDERS.has(x.folded))) break;
    e++;
  }
  return e;
}

/** The full stop of a title (`M. Roncière`, `MM. Kim et Choïgou`), which ends no phrase. */
function isTitleDot(items: readonly Item[], i: number): boolean {
  return items[i]?.text === '.' && TITLES.has(items[i - 1]?.text ?? '') && items[i + 1]?.cap === true;
}

/** `selon X`, `d'après X`, `according to X`, `cité par X` at item `i`. */
function sourceAt(r: Reading, i: number, to: number): Cue | undefined {
  const marker = SOURCE_MARKERS.find((m) => startsWith(r, i, m));
  if (!marker) return undefined;
  const s = i + marker.length;
  const end = phraseEnd(r, s, to);
  const base = { at: i, end, kind: 'source' as const, trailing: false, first: i };
  // `selon une source diplomatique citée par l'agence Reuters`: the source speaks, the agency relays.
  for (let k = s + 1; k < end; k++) {
    const relayMarker = RELAY_MARKERS.find((m) => startsWith(r, k, m));
    if (!relayMarker) continue;
    const by = k + relayMarker.length;
    const speaker = speakerOfPhrase(r.text, r.items, s, k, r.names);
    const relay = by < end ? spanOf(r, by, end) : undefined;
    return { ...base, ...(speaker ? { speaker } : {}), ...(relay ? { relay } : {}) };
  }
  const head = r.items.slice(s, end).find((x) => x.word && !NOUN_PHRASE_OPENERS.has(x.folded) && !NOUN_PHRASE_OPENERS.has(x.lower));
  // `selon nos informations`, `selon les chiffres de la préfecture`: no one's words.
  if (head && NO_SPEAKER_HEADS.has(head.folded)) return base;
  // `selon des propos rapportés par l'agence Tass`: the source is who relayed the words.
  const agent = head && SPEECH_NOUNS.has(head.folded) ? r.items.slice(s, end).findIndex((x, k) => k > 0 && (x.folded === 'par' || x.folded === 'by')) : -1;
  const from = agent > 0 ? s + agent + 1 : s;
  const phrase = end > s ? spanOf(r, s, end) : undefined;
  // `according to state media`: a medium named without a determiner is the source all the same.
  const medium = phrase && namesMedium(r.items.slice(s, end).map((x) => x.folded)) ? { ...phrase, text: r.text.slice(phrase.start, phrase.end), how: 'role' as const, plural: false } : undefined;
  let speaker = speakerOfPhrase(r.text, r.items, from, end, r.names) ?? medium;
  // `Selon le directeur général du port, Loïc Aubertin-Marsac, …`: the name in apposition.
  if (speaker?.how === 'role' && r.items[end]?.text === ',') {
    const named = speakerOfPhrase(r.text, r.items, end + 1, phraseEnd(r, end + 1, to), r.names);
    if (named?.how === 'name' && named.entity?.kind === 'person') speaker = named;
  }
  return { ...base, ...(speaker ? { speaker } : {}), ...(phrase ? { phrase } : {}) };
}

/** Whether the items from `i` are the folded words `words`. */
function startsWith(r: Reading, i: number, words: readonly string[]): boolean {
  return words.every((w, n) => r.items[i + n]?.folded === w);
}

/** From the start of item `s` to the end of item `e - 1`. */
function spanOf(r: Reading, s: number, e: number): Span {
  return { start: (r.items[s] as Item).start, end: (r.items[e - 1] as Item).end };
}

/** `la revendication par le président X`, `les propos de X`: a speech noun naming its speaker. */
function nounCueAt(r: Reading, i: number, to: number): Cue | undefined {
  const item = r.items[i] as Item;
  if (!SPEECH_NOUNS.has(item.folded) || !SPEECH_NOUN_LINKS.has(r.items[i + 1]?.lower ?? '')) return undefined;
  const end = phraseEnd(r, i + 2, to);
  // `de l'expulsion`: a noun of what was said, not of who said it, is left to stop the phrase.
  const speaker = speakerOfPhrase(r.text, r.items, i + 2, nameEnd(r, i + 2, end), r.names);
  return speaker?.how === 'name' ? { at: i, end, kind: 'noun', speaker, trailing: false, first: i } : undefined;
}

/** End of a phrase at the first link after a name (`par le président Vladimir Poutine de l'expulsion` stops before `de`). */
function nameEnd(r: Reading, s: number, e: number): number {
  let sawName = false;
  for (let k = s; k < e; k++) {
    const x = r.items[k] as Item;
    if (x.cap && x.word && !NOUN_PHRASE_OPENERS.has(x.folded)) sawName = true;
    else if (sawName && SPEECH_NOUN_LINKS.has(x.lower)) return k;
  }
  return e;
}

/**
 * The subject placed after a verb of saying (`a déclaré mercredi à l'AFP le ministre X`,
 * `avait alors assuré KCNA.`): adverbs and complements skipped, then a phrase followed by the
 * sentence's end, a comma or a complement (never by `:` or a quotation, which make it an
 * object). A role followed by a name in apposition (`le secrétaire…, Sergueï Choïgou,`) is the name.
 */
function subjectAfter(r: Reading, from: number, to: number): SpeakerPhrase | undefined {
  let i = from;
  for (let guard = 0; guard < 6 && i < to; guard++) {
    const x = r.items[i] as Item;
    const skipped = skipIntervening(r, i, to);
    if (skipped > i) {
      i = skipped;
      continue;
    }
    if (COMPLEMENT_PREPOSITIONS.has(x.lower)) {
      i = complementEnd(r, i, to);
      continue;
    }
    break;
  }
  let e = phraseEnd(r, i, to);
  // `le ministre lors d'une conférence de presse`, `KCNA à la presse`: a complement ends the subject
  // (`à`, `en`, `aux` only after a name: `le ministre délégué aux Transports` is one role).
  for (let k = i + 1; k < e; k++) {
    const lower = r.items[k]?.lower ?? '';
    const complement = COMPLEMENT_PREPOSITIONS.has(lower) && (r.items.slice(i, k).some((y) => y.cap && y.word) || namesMedium(r.items.slice(k + 1, complementEnd(r, k, e)).map((y) => y.folded)));
    if (ENDS_SUBJECT.has(lower) || complement) {
      e = k;
      break;
    }
  }
  if (e === i) return undefined;
  const follow = r.items[e];
  if (follow && !AFTER_SUBJECT.has(follow.text) && !COMPLEMENT_PREPOSITIONS.has(follow.lower) && !ENDS_SUBJECT.has(follow.lower) && follow.folded !== 'selon') return undefined;
  if (follow && CLAUSE_OPENERS.has(follow.lower)) return undefined;
  const phrase = speakerOfPhrase(r.text, r.items, i, e, r.names);
  if (!phrase || phrase.how === 'pronoun') return undefined;
  if (phrase.how === 'role' && follow?.text === ',') {
    const named = speakerOfPhrase(r.text, r.items, e + 1, phraseEnd(r, e + 1, to), r.names);
    if (named?.how === 'name' && named.entity?.kind !== 'organisation') return named;
  }
  return phrase;
}

/** End of a complement opened by the preposition at `i` (`à l'AFP`, `devant la presse`, `lors d'un point presse`). */
function complementEnd(r: Reading, i: number, to: number): number {
  let j = i + 1;
  if (NOUN_PHRASE_OPENERS.has(r.items[j]?.folded ?? '')) j++;
  while (j < to) {
    const x = r.items[j] as Item;
    if (x.quote !== undefined || PUNCTUATION_ENDING_PHRASE.has(x.text) || x.folded === 'que' || x.folded === "qu'" || x.folded === 'that') break;
    // A determiner opens the next phrase (`à l'AFP le ministre`), except right after a link (`lors d'un point`).
    if (j > i + 1 && NOUN_PHRASE_OPENERS.has(x.folded) && !NOUN_PHRASE_OPENERS.has(r.items[j - 1]?.lower ?? '') && !['de', "d'", 'du', 'des', 'of'].includes(r.items[j - 1]?.lower ?? '')) break;
    j++;
  }
  return j;
}

/**
 * The subject before a verb of saying: the phrase after the last comma (clitics `lui`, `s'`
 * skipped), past appositions (`Hong Min, analyste principal à…, a indiqué`); a role with a name
 * before it (`Igor Petrov, le porte-parole du ministère, a déclaré`) is the name.
 */
function subjectBefore(r: Reading, from: number, verb: number): SpeakerPhrase | undefined {
  let end = verb;
  while (end > from && isClitic(r.items[end - 1])) end--;
  // `Le syndicat Force ouvrière (FO) a jugé`: a bracket before the verb is left out.
  if (r.items[end - 1]?.text === ')') {
    const open = r.items.slice(from, end).map((x) => x.text).lastIndexOf('(');
    if (open >= 0) end = from + open;
  }
  const chunks: Array<[number, number]> = [];
  let e = end;
  for (let guard = 0; guard < 4; guard++) {
    let s = e;
    while (s > from && !isChunkBoundary(r.items, s - 1)) s--;
    chunks.push([s, e]);
    const boundary = r.items[s - 1];
    if (s > from && (boundary?.text === ',' || (s === e && (boundary?.folded === 'qui' || boundary?.folded === 'who')))) {
      e = s - 1;
      if (r.items[e - 1]?.text === ',') e--;
      continue;
    }
    break;
  }
  for (let k = 0; k < chunks.length; k++) {
    const [s, c] = chunks[k] as [number, number];
    if (s === c || (looksLikeApposition(r.items[s]) && k + 1 < chunks.length)) continue;
    const phrase = speakerOfPhrase(r.text, r.items, s, c, r.names);
    const before = chunks[k + 1];
    if (phrase?.how === 'role' && before) {
      const named = speakerOfPhrase(r.text, r.items, before[0], before[1], r.names);
      if (named?.how === 'name' && named.entity?.kind !== 'organisation') return named;
    }
    return phrase;
  }
  return undefined;
}

function isChunkBoundary(items: readonly Item[], i: number): boolean {
  const x = items[i] as Item;
  return x.quote !== undefined || (PUNCTUATION_ENDING_PHRASE.has(x.text) && !isTitleDot(items, i)) || PHRASE_ENDERS.has(x.folded);
}

/** A phrase that describes rather than names (`confortablement élu…`, `en visite…`, `analyste à…`). */
function looksLikeApposition(first: Item | undefined): boolean {
  if (!first?.word) return true;
  if (NOUN_PHRASE_OPENERS.has(first.folded) || NOUN_PHRASE_OPENERS.has(first.lower) || TITLES.has(first.text) || SUBJECT_PRONOUNS.has(first.folded)) return false;
  return !first.cap;
}

/** A complement after the verb that gives the words to a medium: `à l'agence Tass`, `to Reuters`, `told the BBC`. */
function relayAfter(r: Reading, group: VerbGroup, to: number): Span | undefined {
  for (let i = group.end; i < to; i++) {
    const x = r.items[i] as Item;
    if (x.quote !== undefined || (x.text === '.' && !isTitleDot(r.items, i)) || x.text === ';') break;
    const opens = GIVING.has(x.lower) ? i + 1 : group.telling && i === group.end ? i : -1;
    if (opens < 0) continue;
    const s = x.lower === 'auprès' && ['de', "d'", 'du', 'des'].includes(r.items[opens]?.lower ?? '') ? opens + 1 : opens;
    // `sur notre antenne la préfète…`: the complement ends where the next phrase opens.
    const e = opens === i ? phraseEnd(r, s, to) : Math.min(phraseEnd(r, s, to), complementEnd(r, s - 1, to));
    const words = r.items.slice(s, e).map((y) => y.folded);
    if (e <= s || !(namesMedium(words) || r.isOutlet?.(r.text.slice((r.items[s] as Item).start, (r.items[e - 1] as Item).end)))) continue;
    // `told Reuters the deal was…`: the object of `told` has no comma after it; its name is enough.
    const told = group.telling && opens === i ? speakerOfPhrase(r.text, r.items, s, e, r.names) : undefined;
    if (told?.how === 'name') return { start: told.start, end: told.end };
    return { start: (r.items[s] as Item).start, end: (r.items[e - 1] as Item).end };
  }
  return undefined;
}
