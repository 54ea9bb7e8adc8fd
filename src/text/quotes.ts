/**
 * The verbatim quotations of an article and who the text says speaks them.
 *
 * A quotation is what stands between quotation marks (see quote-marks.ts): `« … »` with or
 * without spaces inside, `" … "`, `“ … ”`, across sentence ends. One split by an incise is one
 * quotation of two pieces, whether the incise stands inside the marks (`« Nous irons, a-t-il
 * déclaré, jusqu'au bout »`) or between two pairs (`"We will go," he said, "to the end."`).
 *
 * Its speaker is the one the text gives it (attribution.ts): the subject of a verb of saying
 * before or after it, the source of `selon X` / `according to X`, or the name after a noun of
 * words (`la revendication par X`). Then:
 * - a pronoun (`a-t-il ajouté`, `Il a ajouté que`, `he said`) is the speaker of the quotation just
 *   before, in the same or the previous paragraph, else the person named nearest before, outside
 *   quotation marks, in the same or the previous paragraph;
 * - a role only (`le porte-parole du ministère`) stays the role, unless exactly one person the
 *   article names before it holds that role (as `rolesOf` gives their roles), of the gender its
 *   words mark (`la ministre`): then it is that person (speakers.ts);
 * - words given through someone else are second-hand: `X a déclaré…, selon les agences russes`
 *   (X, reported by the agencies), `selon l'agence Tass` alone (the agency, second-hand),
 *   `a déclaré à l'agence Tass` in another outlet's article (reported by Tass). Told to the
 *   article's own outlet (`a indiqué à l'AFP` in an AFP report) is first-hand.
 * - a quotation inside a quotation whose speaker the outer words name (`« Le ministre m'a dit :
 *   "jamais" », raconte X`) is the named speaker's, reported by the outer speaker.
 *
 * Nothing is guessed: a quotation with no such attribution is unattributed, and a quoted title
 * (`« Le Monde »`, a short run of capitalised words with no attribution) is not a quotation.
 */
import { cuesOf, type Cue, type Reading } from './attribution.js';
import { isNamedTitle, isTitle, mergeIncises, shift, splitIncise, type Raw } from './quote-pieces.js';
import { itemsOf, sentencesOf, type Item } from './quote-items.js';
import { quotedSpans, type QuotedSpan } from './quote-marks.js';
import type { Span } from './sentences.js';
import { genderBefore, genderOfPhrase, isPersonLike, personOfRole, type Gender, type KnownEntity, type NamedSpan, type RoledPerson, type SpeakerPhrase } from './speakers.js';
import { AUXILIARIES, CLAUSE_OPENERS, PHRASE_ENDERS, foldWord, isSpeechVerb, namesMedium } from './speech-words.js';

export type { KnownEntity, NamedSpan } from './speakers.js';

/** One paragraph of an article, with the people and organisations the engine found in it. */
export interface QuoteParagraph {
  readonly text: string;
  readonly names: readonly NamedSpan[];
}

/** What the article is read with, besides its paragraphs. */
export interface QuoteOptions {
  /** The roles the article states for a person or organisation, by entity key (for roles used alone). */
  readonly rolesOf?: (entityKey: string) => readonly string[];
  /** Words naming the article's own outlet (`AFP`, `Agence France-Presse`): words told to it are first-hand. */
  readonly ownOutlet?: readonly string[];
  /** The known entity a name the engine did not find in the paragraph stands for (`Shoigu`), if any. */
  readonly lookup?: (name: string) => KnownEntity | undefined;
  /** Words naming other outlets of the corpus (`AGP`, `Radio Méridien`): words given to one of them are relayed by it. */
  readonly outlets?: readonly string[];
}

/** Where an article writes something: a paragraph (0-based, as given) and offsets in it. */
export interface Placed extends Span {
  readonly paragraph: number;
  /** The words, as written there. */
  readonly text: string;
}

/** Who speaks a quotation, as the text says. */
export interface Speaker extends Placed {
  /**
   * How the attribution names them: `name` (`Sergueï Choïgou`, `KCNA`), `role` (`le porte-parole
   * du ministère`), `pronoun` (`a-t-il ajouté`: the text and place are the antecedent's).
   */
  readonly by: 'name' | 'role' | 'pronoun';
  /** The known person or organisation the speaker is, when the attribution names one. */
  readonly entity?: KnownEntity;
  readonly plural: boolean;
}

/** One quotation of an article. */
export interface Quotation {
  /** The paragraph (0-based, as given). */
  readonly paragraph: number;
  /** The quoted words, each piece a span of the paragraph without its marks (two around an incise). */
  readonly pieces: readonly Span[];
  /** From the first piece's start to the last one's end: the quotation as it stands, incise included. */
  readonly span: Span;
  /** Absent: the text attributes it to no one. */
  readonly speaker?: Speaker;
  /** What attributes it: a verb of saying, an incise inside it, a source (`selon`), a noun of words. */
  readonly cue?: 'verb' | 'incise' | 'source' | 'noun';
  /** The medium or person that relays the words (`les agences russes`, `l'agence russe Ria Novosti`). */
  readonly reportedBy?: Placed;
  /** The words come through someone else: {@link reportedBy}, or a source that is itself a medium. */
  readonly secondHand: boolean;
  /** For a quotation quoted inside another: the index, in the same list, of the one holding it. */
  readonly within?: number;
}

/** A quotation of one paragraph, before pronouns and roles are resolved across the article. */
interface Local {
  readonly pieces: Span[];
  readonly outer: Span;
  readonly phrase?: SpeakerPhrase;
  readonly cue?: Quotation['cue'];
  readonly relay?: Span;
  readonly sourceIsMedium: boolean;
}

/** Any quotation mark: a paragraph without one holds no quotation, and is not read further. */
const HAS_MARK = /[«"“”‘‹]/u;

/**
 * Every quotation of an article, paragraph by paragraph, with its speaker as the text attributes
 * it; quotations inside quotations follow the one holding them.
 */
export function findQuotations(paragraphs: readonly QuoteParagraph[], options: QuoteOptions = {}): Quotation[] {
  const out: Quotation[] = [];
  const people = new Map<string, RoledPerson>();
  let last: Speaker | undefined;
  const own = (options.ownOutlet ?? []).map((w) => foldWord(w)).filter((w) => w.length > 1);
  const others = (options.outlets ?? []).map((w) => foldWord(w)).filter((w) => w.length > 1 && !own.includes(w));
  const isOutlet = others.length > 0 ? (words: string) => names(words, others) : undefined;
  const genders = gendersOf(paragraphs);
  /** Each paragraph's quotations, as the ranges of their marks: names inside them are no antecedents. */
  const quoted: Span[][] = [];
  paragraphs.forEach((para, p) => {
    for (const n of para.names) {
      if (people.has(n.entity.key)) continue;
      const gender = genders.get(n.entity.key);
      people.set(n.entity.key, { entity: n.entity, roles: options.rolesOf?.(n.entity.key) ?? [], ...(gender ? { gender } : {}) });
    }
    const locals = HAS_MARK.test(para.text) ? readRegion(para.text, { start: 0, end: para.text.length }, para.names, isOutlet) : [];
    quoted[p] = locals.map((l) => l.outer);
    for (const local of locals) {
      const context: Context = { paragraphs, p, people, last, quoted, options };
      const speaker = local.phrase ? resolve(local.phrase, local.outer, context) : undefined;
      const relay = local.relay && !isOwn(para.text.slice(local.relay.start, local.relay.end), own) ? local.relay : undefined;
      const quotation: Quotation = {
        paragraph: p,
        pieces: local.pieces,
        span: { start: (local.pieces[0] as Span).start, end: (local.pieces[local.pieces.length - 1] as Span).end },
        ...(speaker ? { speaker } : {}),
        ...(local.cue && speaker ? { cue: local.cue } : {}),
        ...(relay ? { reportedBy: placed(para.text, p, relay) } : {}),
        secondHand: relay !== undefined || (local.cue === 'source' && local.sourceIsMedium),
      };
      const index = out.push(quotation) - 1;
      if (speaker) last = speaker;
      for (const nested of nestedQuotations(para.text, p, local, para.names, speaker, context)) out.push({ ...nested, within: index });
    }
  });
  return out;
}

/** Each person's gender as the article marks it, when every mark agrees. */
function gendersOf(paragraphs: readonly QuoteParagraph[]): Map<string, Gender> {
  const seen = new Map<string, Gender | null>();
  for (const para of paragraphs) {
    for (const n of para.names) {
      if (n.entity.kind !== 'person') continue;
      const g = genderBefore(para.text, n.start);
      if (!g) continue;
      const known = seen.get(n.entity.key);
      seen.set(n.entity.key, known === undefined || known === g ? g : null);
    }
  }
  const out = new Map<string, Gender>();
  for (const [key, g] of seen) if (g) out.set(key, g);
  return out;
}

function placed(text: string, paragraph: number, span: Span): Placed {
  return { paragraph, start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}

/** Words given to the article's own outlet (`à l'AFP` in an AFP report, `sur notre antenne`) are first-hand. */
function isOwn(relay: string, own: readonly string[]): boolean {
  return /^(?:notre|nos|our)\b/iu.test(relay.trim()) || names(relay, own);
}

/** Whether a phrase names one of the outlets (folded names: a word, or a name of several words). */
function names(phrase: string, outlets: readonly string[]): boolean {
  const folded = foldWord(phrase);
  const words = folded.split(/[^\p{L}\p{N}]+/u);
  return outlets.some((w) => words.includes(w) || (/\s/u.test(w) && folded.includes(w)));
}

/** What resolving a speaker across the article needs. */
interface Context {
  readonly paragraphs: readonly QuoteParagraph[];
  readonly p: number;
  readonly people: ReadonlyMap<string, RoledPerson>;
  readonly last: Speaker | undefined;
  readonly quoted: ReadonlyArray<readonly Span[]>;
  readonly options: QuoteOptions;
}

/** A speaker phrase made a speaker: names looked up, roles and pronouns resolved; undefined when a pronoun has no antecedent. */
function resolve(phrase: SpeakerPhrase, at: Span, c: Context, reporter?: KnownEntity): Speaker | undefined {
  const base = { paragraph: c.p, start: phrase.start, end: phrase.end, text: phrase.text, plural: phrase.plural };
  if (phrase.how === 'name') {
    const entity = phrase.entity ?? c.options.lookup?.(phrase.text);
    return { ...base, by: 'name', ...(entity ? { entity } : {}) };
  }
  if (phrase.how === 'role') {
    // Inside someone's words, a role (`mon homologue`) is never the one speaking them.
    const entity = personOfRole(phrase.text, [...c.people.values()].filter((p) => p.entity.key !== reporter?.key));
    return { ...base, by: 'role', ...(entity ? { entity } : {}) };
  }
  const antecedent = antecedentOf(phrase, at, c);
  return antecedent ? { ...antecedent, by: 'pronoun' } : undefined;
}

/**
 * Who a pronoun stands for: the speaker of the quotation just before (same or previous
 * paragraph, same number), else the person named nearest before outside quotation marks.
 */
function antecedentOf(phrase: SpeakerPhrase, at: Span, c: Context): Omit<Speaker, 'by'> | undefined {
  const gender = genderOfPhrase(phrase.text);
  const genderOf = (s: Omit<Speaker, 'by'>) => (s.entity ? c.people.get(s.entity.key)?.gender : undefined) ?? (s.entity ? undefined : genderOfPhrase(s.text));
  // `he`, `she` stand for a person; `il`, `elle` may stand for a ministry or a commission too.
  const personal = ['he', 'she', 'him', 'her'].includes(phrase.text.toLowerCase());
  const agrees = (s: Omit<Speaker, 'by'>) => (!gender || !genderOf(s) || genderOf(s) === gender) && (!personal || isPersonLike(s));
  if (c.last && c.last.paragraph >= c.p - 1 && c.last.plural === phrase.plural && agrees(c.last)) {
    const { by: _by, ...rest } = c.last;
    return rest;
  }
  if (phrase.plural) return undefined;
  for (const p of [c.p, c.p - 1]) {
    const para = c.paragraphs[p];
    if (!para) continue;
    const outside = c.quoted[p] ?? [];
    const named = para.names
      .filter((n) => n.entity.kind === 'person' && (p < c.p || n.end <= at.start) && !outside.some((q) => n.start >= q.start && n.end <= q.end))
      .map((n) => ({ paragraph: p, start: n.start, end: n.end, text: para.text.slice(n.start, n.end), entity: n.entity, plural: false }))
      .filter(agrees)
      .at(-1);
    if (named) return named;
  }
  return undefined;
}

/**
 * The quotations of a region of a paragraph (the whole paragraph, or the words of a quotation
 * for those inside it), each with the speaker phrase its sentence gives.
 */
function readRegion(text: string, region: Span, known: readonly NamedSpan[], isOutlet?: (words: string) => boolean): Local[] {
  const inRegion = known.filter((n) => n.start >= region.start && n.end <= region.end);
  const cuts = inRegion.flatMap((n) => [n.start, n.end]);
  const spans = quotedSpans(text.slice(region.start, region.end)).map((s) => shift(s, region.start, text));
  // `le quotidien « Le Courrier de Strelsk »`: a title, whose words are read as the text's own.
  const top = spans.filter((s) => s.depth === 0 && !isNamedTitle(text, s));
  const raws = mergeIncises(text, top.map((s) => splitIncise(text, s, spans, inRegion, cuts)), inRegion, cuts);
  const outers = raws.map((r) => ({ start: (r.spans[0] as QuotedSpan).open, end: (r.spans[r.spans.length - 1] as QuotedSpan).close }));
  const items = itemsOf(text, region, outers, cuts);
  const reading: Reading = { text, items, names: inRegion, ...(isOutlet ? { isOutlet } : {}) };
  const endsSentence = (q: number) => /[.!?…]$/u.test(text.slice((raws[q]?.pieces.at(-1) as Span).start, (raws[q]?.pieces.at(-1) as Span).end));
  const out: Local[] = [];
  for (const sentence of sentencesOf(items, endsSentence)) {
    if (!items.slice(sentence.from, sentence.to).some((x) => x.quote !== undefined)) continue;
    const cues = cuesOf(reading, sentence);
    for (let i = sentence.from; i < sentence.to; i++) {
      const q = items[i]?.quote;
      if (q === undefined) continue;
      const raw = raws[q] as Raw;
      const local = attribute(text, items, raw, i, cues, outers[q] as Span);
      if (local.phrase || !isTitle(text, raw)) out.push(local);
    }
  }
  return out;
}

/** The quotation at item `i`: its own incise, else the nearest verb or noun cue of its sentence, with the sentence's source. */
function attribute(text: string, items: readonly Item[], raw: Raw, i: number, cues: readonly Cue[], outer: Span): Local {
  const distance = (c: Cue) => (c.at > i ? c.at - i : i - c.end + 1);
  const byDistance = (a: Cue, b: Cue) => distance(a) - distance(b) || b.at - a.at;
  // `l'agence KTA` → `l`, `agence`, `kta`: an elided determiner apart from its noun.
  const words = (s: Span) => foldWord(text.slice(s.start, s.end)).split(/[^\p{L}\p{N}]+/u);
  const phraseOf = (c: Cue): Span => c.phrase ?? c.speaker?.phrase ?? (c.speaker as Span);
  const isMedium = (c: Cue) => c.speaker !== undefined && namesMedium(words(phraseOf(c)));
  // A cue after the quotation attributes it when nothing but its subject stands between them, or
  // when it is the trailing form (`…, avait alors assuré KCNA.`) that attributes the whole sentence.
  const applies = (c: Cue) => c.at < i || c.trailing || isSubjectOnly(items.slice(i + 1, c.first));
  const candidates = cues.filter((c) => c.kind !== 'source' && c.speaker && applies(c)).sort(byDistance);
  // `…, a indiqué l'hydrologue X.` attributes the whole sentence, a verb before the quotation
  // included (`un rapport qui signalait « … »`); otherwise the nearest cue does.
  let spoken = candidates.find((c) => c.trailing && c.at > i) ?? candidates[0];
  // A medium's verb relays the words of a speaker the sentence names (`Le ministre a qualifié de
  // « provocation »…, a rapporté l'agence Tass`; `L'agence KTA rapporte que le ministre a jugé…`).
  let relaying: Cue | undefined;
  if (spoken && isMedium(spoken)) {
    const other = candidates.find((c) => c !== spoken && !isMedium(c));
    if (other) [relaying, spoken] = [spoken, other];
  } else if (spoken) {
    relaying = candidates.find((c) => c !== spoken && isMedium(c));
  }
  const source = cues.find((c) => c.kind === 'source' && c.speaker);
  const own = raw.incise?.speaker ? raw.incise : spoken;
  const base = { pieces: raw.pieces, outer };
  if (own?.speaker) {
    // Words given to a medium, relayed by a medium's verb, or reported by a source naming a medium or someone.
    const bySource = source?.speaker && source.speaker.text !== own.speaker.text && (source.speaker.how === 'name' || isMedium(source)) ? phraseOf(source) : undefined;
    const relay = own.relay ?? (relaying ? phraseOf(relaying) : undefined) ?? bySource;
    return { ...base, phrase: own.speaker, cue: own === raw.incise ? 'incise' : own.kind, ...(relay ? { relay: { start: relay.start, end: relay.end } } : {}), sourceIsMedium: false };
  }
  if (source?.speaker) return { ...base, phrase: source.speaker, cue: 'source', ...(source.relay ? { relay: source.relay } : {}), sourceIsMedium: isMedium(source) };
  return { ...base, sourceIsMedium: false };
}

/** Longest subject, in words, between a quotation and the verb after it (`," the ministry's spokesman, Igor Petrov, told…`). */
const SUBJECT_WORDS = 10;

/**
 * Whether the items between a quotation and a later verb of saying can be only that verb's
 * subject: no other clause (`, affirmant que Kim Jong Un avait confirmé…` is not).
 */
function isSubjectOnly(between: readonly Item[]): boolean {
  const words = between.filter((x) => x.word);
  // `a` is French `avoir` before a participle, an English article otherwise (`a State Department spokesperson`).
  const auxiliary = (x: Item, k: number) => AUXILIARIES.has(x.folded) && x.lower !== 'à' && (x.folded !== 'a' || isSpeechVerb(words[k + 1]?.folded ?? '') || /(?:é|ée|és|ées|u|i|it|is)$/u.test(words[k + 1]?.lower ?? ''));
  return (
    words.length <= SUBJECT_WORDS &&
    between.every((x) => x.quote === undefined) &&
    !words.some((x, k) => PHRASE_ENDERS.has(x.folded) || CLAUSE_OPENERS.has(x.lower) || auxiliary(x, k) || /ant$/u.test(x.folded) || isSpeechVerb(x.folded))
  );
}

/** Quotations inside a quotation whose speaker its words name (`« Le ministre m'a dit : "jamais" »`), reported by the outer speaker. */
function nestedQuotations(text: string, p: number, local: Local, names: readonly NamedSpan[], outer: Speaker | undefined, c: Context): Quotation[] {
  const out: Quotation[] = [];
  for (const piece of local.pieces) {
    if (!HAS_MARK.test(text.slice(piece.start, piece.end))) continue;
    for (const inner of readRegion(text, piece, names)) {
      if (!inner.phrase || inner.phrase.how === 'pronoun') continue;
      const speaker = resolve(inner.phrase, inner.outer, c, outer?.entity);
      if (!speaker) continue;
      out.push({
        paragraph: p,
        pieces: inner.pieces,
        span: { start: (inner.pieces[0] as Span).start, end: (inner.pieces[inner.pieces.length - 1] as Span).end },
        speaker,
        ...(inner.cue ? { cue: inner.cue } : {}),
        ...(outer ? { reportedBy: { paragraph: outer.paragraph, start: outer.start, end: outer.end, text: outer.text } } : {}),
        secondHand: true,
      });
    }
  }
  return out;
}
