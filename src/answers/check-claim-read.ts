/**
 * Reading a claim (a message someone posted, or a text typed) into what can be checked against
 * the articles: its counted figures (`1 000 sapeurs`), its ordinal counts (`sa troisième visite
 * en un an`), its dates (`le 17 juin`), the roles it gives people (`Sergueï Choïgou, secrétaire du
 * Conseil de sécurité`, `Choïgou est le ministre de la Défense`), the words it quotes, and
 * otherwise its main sentence. The same readers as the articles' (src/text), so that a claim and
 * a paragraph saying the same thing read alike.
 *
 * Only the start of a long text is read (`CLAIM_READ_MAX`), and a bounded number of items is kept:
 * a message of 4 000 characters costs what one of a few sentences does.
 */
import type { Entity } from '../text/entities.js';
import { findEntities } from '../text/entities.js';
import { findDates, type DateMention } from '../text/dates.js';
import { fold } from '../text/fold.js';
import { PRE_ROLE, ROLE_NOUNS } from '../text/names.js';
import { findFigures } from '../text/numbers.js';
import { findOrdinals, type OrdinalMention } from '../text/ordinals.js';
import { countedFigures, type CompiledCountedGroups, type CountedFigure } from '../text/quantities.js';
import { quotedSpans } from '../text/quote-marks.js';
import { sentenceSpans, type Span } from '../text/sentences.js';

/** Characters of a claim read at most, cut at a word: a few sentences, whatever the message's length. */
export const CLAIM_READ_MAX = 1_000;
/** Items of a claim checked at most, in text order: more than a reader takes in at once. */
export const CLAIM_ITEMS_MAX = 6;
/** Longest role read after a copula (`est le ministre russe de la Défense`), in words. */
const ROLE_WORDS_MAX = 8;

/** A figure of the claim and what it counts. */
export interface ClaimFigure {
  readonly counted: CountedFigure;
  /** The figure and the word after it, as written (`1 000 sapeurs`). */
  readonly written: string;
  /** The word right after the figure, folded (`militaires`): what a figure counted otherwise may still share. */
  readonly noun: string;
  readonly sentence: Span;
}

/** An ordinal count of the claim (`sa troisième visite en un an`). */
export interface ClaimCount {
  readonly mention: OrdinalMention;
  /** The count as written. */
  readonly written: string;
  readonly sentence: Span;
}

/** A date of the claim, found where it is; resolved once the articles read give a reference day. */
export interface ClaimDateSpan extends Span {
  readonly text: string;
  readonly sentence: Span;
}

/** A person the claim gives a role. */
export interface ClaimRole {
  /** As the claim names them. */
  readonly person: string;
  readonly role: string;
  readonly span: Span;
  readonly sentence: Span;
}

/** Words the claim quotes. */
export interface ClaimQuote {
  /** The quoted words, without the marks. */
  readonly words: string;
  readonly inner: Span;
  /** The person the claim names nearest before the quotation (else after it), if any. */
  readonly speaker?: string;
  readonly sentence: Span;
}

/** What a claim states that can be checked. */
export interface ReadClaim {
  /** The text read (at most {@link CLAIM_READ_MAX} characters). */
  readonly text: string;
  readonly cut: boolean;
  readonly figures: readonly ClaimFigure[];
  readonly counts: readonly ClaimCount[];
  readonly dates: readonly ClaimDateSpan[];
  readonly roles: readonly ClaimRole[];
  readonly quotes: readonly ClaimQuote[];
  /** The sentences the items are in, in text order; with no item, the claim's main sentence when it has one. */
  readonly sentences: readonly Span[];
}

/** Names of people the directory knows, one list per directory (findEntities digests each list once). */
const knownNames = new WeakMap<readonly Entity[], readonly string[]>();

function namesOf(entities: readonly Entity[]): readonly string[] {
  let names = knownNames.get(entities);
  if (!names) knownNames.set(entities, (names = entities.filter((e) => e.kind === 'person').flatMap((e) => [e.name, ...e.variants])));
  return names;
}

/** Reads a claim. `mainSentence` picks the sentence to check when no item is found (the heaviest one). */
export function readClaim(input: string, groups: CompiledCountedGroups, entities: readonly Entity[], mainSentence: (sentences: readonly Span[], text: string) => Span | undefined): ReadClaim {
  const { text, cut } = capped(input);
  const sentences = sentenceSpans(text);
  const sentenceOf = (at: number): Span => sentences.find((s) => at >= s.start && at < s.end) ?? { start: 0, end: text.length };
  const quotes = quotesOf(text, entities, sentenceOf);
  // Words inside a quotation are the quoted speaker's, not figures or dates the claim states.
  const quoted = (at: number) => quotes.some((q) => at >= q.inner.start && at < q.inner.end);
  const figures = countedFigures(text, findFigures(text), groups)
    .filter((c) => !quoted(c.figure.start))
    .map((counted): ClaimFigure => ({ counted, ...writtenFigure(text, counted), sentence: sentenceOf(counted.figure.start) }));
  const counts = findOrdinals(text, groups)
    .filter((m) => !quoted(m.start))
    .map((mention): ClaimCount => ({ mention, written: text.slice(mention.start, mention.end), sentence: sentenceOf(mention.start) }));
  const dates = explicitDates(text)
    .filter((d) => !quoted(d.start))
    .map((d): ClaimDateSpan => ({ start: d.start, end: d.end, text: d.text, sentence: sentenceOf(d.start) }));
  const roles = rolesOf(text, entities).filter((r) => !quoted(r.span.start)).map((r): ClaimRole => ({ ...r, sentence: sentenceOf(r.span.start) }));
  // Items in text order, within the cap; a quotation counts as one item.
  const all = [...figures.map((f) => ({ at: f.counted.figure.start, f })), ...counts.map((c) => ({ at: c.mention.start, c })), ...dates.map((d) => ({ at: d.start, d })), ...roles.map((r) => ({ at: r.span.start, r })), ...quotes.map((q) => ({ at: q.inner.start, q }))]
    .sort((a, b) => a.at - b.at)
    .slice(0, CLAIM_ITEMS_MAX);
  const kept = {
    figures: all.flatMap((x) => ('f' in x ? [x.f] : [])),
    counts: all.flatMap((x) => ('c' in x ? [x.c] : [])),
    dates: all.flatMap((x) => ('d' in x ? [x.d] : [])),
    roles: all.flatMap((x) => ('r' in x ? [x.r] : [])),
    quotes: all.flatMap((x) => ('q' in x ? [x.q] : [])),
  };
  const itemSentences = [...kept.figures, ...kept.counts, ...kept.dates, ...kept.roles, ...kept.quotes].map((x) => x.sentence);
  const main = itemSentences.length === 0 ? mainSentence(sentences, text) : undefined;
  const used = [...new Map([...itemSentences, ...(main ? [main] : [])].map((s) => [s.start, s])).values()].sort((a, b) => a.start - b.start);
  return { text, cut, ...kept, sentences: used };
}

/** The text cut at a word to {@link CLAIM_READ_MAX} characters, white space collapsed. */
function capped(input: string): { text: string; cut: boolean } {
  const flat = input.slice(0, CLAIM_READ_MAX * 2).replace(/\s+/gu, ' ').trim();
  if (flat.length <= CLAIM_READ_MAX && input.length <= CLAIM_READ_MAX * 2) return { text: flat, cut: false };
  const head = flat.slice(0, CLAIM_READ_MAX + 1);
  const space = head.lastIndexOf(' ');
  return { text: (space > 0 ? head.slice(0, space) : head.slice(0, CLAIM_READ_MAX)).trim(), cut: true };
}

/** The figure and the word after it as written, and that word folded. */
function writtenFigure(text: string, c: CountedFigure): { written: string; noun: string } {
  const next = /^[\s\u00a0\u202f]*(?:d['’]|de[\s\u00a0\u202f]+)?([\p{L}’'-]+)/u.exec(text.slice(c.figure.end));
  return { written: text.slice(c.figure.start, c.figure.end + (next?.[0].length ?? 0)), noun: fold(next?.[1] ?? '') };
}

/**
 * A date word the claim's wording fixes by itself, but for the year: a day of a month, a month, a
 * season, a year. A weekday or `l'an dernier` says a date only from when the message was written,
 * which the articles do not know: such dates are left out.
 */
const EXPLICIT_DATE = /\d|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|printemps|[ée]t[ée]|automne|hiver/iu;

/** The claim's dates whose wording fixes them (see {@link EXPLICIT_DATE}), found against any reference day. */
function explicitDates(text: string): DateMention[] {
  return findDates(text, '2000-01-01').filter((d) => EXPLICIT_DATE.test(d.text));
}

/** The claim's dates resolved against a reference day (`YYYY-MM-DD`): the newest article the check read. */
export function resolveDates(text: string, reference: string, spans: readonly ClaimDateSpan[]): Map<number, DateMention> {
  const found = findDates(text, reference);
  return new Map(spans.flatMap((s) => {
    const d = found.find((m) => m.start === s.start);
    return d ? [[s.start, d] as const] : [];
  }));
}

/** Copulas that give a person a role: `Choïgou est le ministre…`, `… a été nommé secrétaire…`. */
const COPULA = /^[\s\u00a0]*(?:est|était|etait|a\s+été|a\s+ete|sera|serait|reste|demeure|devient|est\s+devenue?|a\s+été\s+nommée?|a\s+ete\s+nommee?|est\s+nommée?)[\s\u00a0]+(?:(?:le|la|un|une)[\s\u00a0]+|l['’][\s\u00a0]*)?/iu;
/** Words that end a role read after a copula: a verb, a conjunction, a preposition of place or time. */
const ROLE_ENDERS = new Set('qui que qu et mais ou depuis lors pendant quand a avait est etait sera pour avec dans sur a au aux en selon apres avant'.split(' '));

/** People the claim gives a role, in apposition or before the name (the articles' reading) or after a copula. */
function rolesOf(text: string, entities: readonly Entity[]): Array<{ person: string; role: string; span: Span }> {
  const out: Array<{ person: string; role: string; span: Span }> = [];
  for (const m of findEntities(text, namesOf(entities))) {
    if (m.kind !== 'person') continue;
    const role = m.role ?? copulaRole(text, m.end);
    if (role) out.push({ person: m.surface, role, span: { start: m.start, end: m.end } });
  }
  return out;
}

/** `est le ministre russe de la Défense` after a name: the role, when its first word is a role noun. */
function copulaRole(text: string, end: number): string | undefined {
  const rest = text.slice(end, end + 200);
  const copula = COPULA.exec(rest);
  if (!copula) return undefined;
  const phrase = rest.slice(copula[0].length).split(/[,.;:!?()«»"“”]/u)[0] ?? '';
  const words: string[] = [];
  for (const word of phrase.split(/[\s\u00a0]+/u).filter((w) => w !== '')) {
    const folded = fold(word).replace(/^(?:d|l)['’]/u, '');
    if (words.length > 0 && ROLE_ENDERS.has(folded)) break;
    words.push(word);
    if (words.length >= ROLE_WORDS_MAX) break;
  }
  const [first, second] = words.map((w) => fold(w));
  const opens = ROLE_NOUNS.has(first ?? '') || (PRE_ROLE.has(first ?? '') && ROLE_NOUNS.has(second ?? ''));
  return opens ? words.join(' ') : undefined;
}

/** The quotations of a claim, each with the person named nearest before it (else after it). */
function quotesOf(text: string, entities: readonly Entity[], sentenceOf: (at: number) => Span): ClaimQuote[] {
  const spans = quotedSpans(text).filter((s) => s.depth === 0 && /\p{L}{2,}/u.test(text.slice(s.inner.start, s.inner.end)));
  if (spans.length === 0) return [];
  const people = findEntities(text, namesOf(entities)).filter((m) => m.kind === 'person');
  return spans.map((s) => {
    const before = people.filter((p) => p.end <= s.open).at(-1);
    const after = people.find((p) => p.start >= s.close);
    const speaker = (before ?? after)?.surface;
    return { words: text.slice(s.inner.start, s.inner.end).trim(), inner: s.inner, ...(speaker ? { speaker } : {}), sentence: sentenceOf(s.inner.start) };
  });
}
