/**
 * The bot's own words for `/quotes` (`/citations`), in English and French, for every surface, and
 * the lines both surfaces share: who a quotation is attributed to and how, what the speakers are
 * quoted, how the outlets' wordings of one statement differ. The quotations themselves are the
 * articles' words, never here.
 */
import type { QuoteExcerpt, QuoteGroup, QuoteSpeaker, QuotesAnswer, SpeakerTally } from '../answers/types.js';
import { colon } from './differences.js';
import { formatDay } from './format.js';
import { messages, type Locale } from './messages.js';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

const en = {
  title: 'Quotations',
  titleOf: (name: string) => `Quotations of ${name}`,
  titleOn: (topic: string) => `Quotations in the articles on “${topic}”`,
  mostQuoted: 'Most quoted',
  /** `12 quotations in 3 articles, 2 unattributed`. */
  counted: (quotations: number, articles: number, unattributed: number) =>
    `${quotations} ${plural(quotations, 'quotation', 'quotations')} in ${articles} ${plural(articles, 'article', 'articles')}${unattributed > 0 ? `, ${unattributed} attributed to no one` : ''}`,
  quotedTimes: (n: number) => `${n} ${plural(n, 'quotation', 'quotations')}`,
  noQuotations: 'No quotation in these articles.',
  /** A person the engine knows, none of whose articles attributes a quotation to them. */
  noneAttributed: (name: string, articles: number) => `No quotation is attributed to ${name} in ${articles === 1 ? 'the one article that names them' : `the ${articles} articles that name them`}.`,
  unattributed: 'Attributed to no one in the text',
  /** How the text names the speaker, when it is not by their name. */
  written: (words: string) => `written “${words}”`,
  byPronoun: (name: string) => `a pronoun for ${name}, named before`,
  reportedBy: (relay: string) => `reported by ${relay}`,
  secondHand: 'second-hand',
  nested: 'quoted inside another quotation',
  /** A statement carried by several outlets. */
  carriedBy: (outlets: string) => `carried by ${outlets}`,
  wording: 'Wording',
  sameWords: 'the same words',
  alsoWritten: 'also written',
  /** The story a topic's articles were kept within. */
  story: (words: string, from: string, to: string, leftOut: number) =>
    `Within one story (${words}; ${from} – ${to})${leftOut > 0 ? `; ${leftOut} ${plural(leftOut, 'article', 'articles')} of other stories left out` : ''}`,
};

/** The catalogue's shape: French says everything English says. */
export type QuoteWords = typeof en;

const fr: QuoteWords = {
  title: 'Citations',
  titleOf: (name) => (/^[aeiouyàâäéèêëîïôöûüœ]/iu.test(name) ? `Citations d’${name}` : `Citations de ${name}`),
  titleOn: (topic) => `Citations des articles sur « ${topic} »`,
  mostQuoted: 'Les plus cités',
  counted: (quotations, articles, unattributed) =>
    `${quotations} ${plural(quotations, 'citation', 'citations')} dans ${articles} ${plural(articles, 'article', 'articles')}${unattributed > 0 ? `, dont ${unattributed} attribuée${unattributed > 1 ? 's' : ''} à personne` : ''}`,
  quotedTimes: (n) => `${n} ${plural(n, 'citation', 'citations')}`,
  noQuotations: 'Aucune citation dans ces articles.',
  noneAttributed: (name, articles) => `Aucune citation n’est attribuée à ${name} dans ${plural(articles, 'l’article', `les ${articles} articles`)} où ce nom figure.`,
  unattributed: 'Attribuée à personne dans le texte',
  written: (words) => `écrit « ${words} »`,
  byPronoun: (name) => `un pronom pour ${name}, nommé avant`,
  reportedBy: (relay) => `rapporté par ${relay}`,
  secondHand: 'de seconde main',
  nested: 'citée dans une autre citation',
  carriedBy: (outlets) => `reprise par ${outlets}`,
  wording: 'Formulation',
  sameWords: 'les mêmes mots',
  alsoWritten: 'aussi écrit',
  story: (words, from, to, leftOut) =>
    `Dans une même histoire (${words} ; ${from} – ${to})${leftOut > 0 ? ` ; ${leftOut} article${leftOut > 1 ? 's' : ''} d’autres histoires écarté${leftOut > 1 ? 's' : ''}` : ''}`,
};

/** The catalogue for a locale. */
export function quoteWords(locale: Locale): QuoteWords {
  return locale === 'fr' ? fr : en;
}

/** The answer's heading: the person's, the topic's, or all quotations. */
export function quotesTitle(a: QuotesAnswer, locale: Locale): string {
  const w = quoteWords(locale);
  if (a.scope === 'speaker') return w.titleOf(a.person?.name ?? a.query ?? '');
  if (a.scope === 'topic') return w.titleOn(a.query ?? '');
  return w.title;
}

/** What was read: `12 quotations in 3 articles, 2 attributed to no one`. */
export function quotesSummary(a: QuotesAnswer, locale: Locale): string {
  return quoteWords(locale).counted(a.quotations, a.articles, a.unattributed);
}

/** The line said when nothing is shown, or undefined when there are statements. */
export function quotesEmptyLine(a: QuotesAnswer, locale: Locale): string | undefined {
  if (a.groups.length > 0) return undefined;
  const w = quoteWords(locale);
  return a.scope === 'speaker' ? w.noneAttributed(a.person?.name ?? a.query ?? '', a.articles) : w.noQuotations;
}

/** The story line of a topic kept within one story, or undefined. */
export function quotesStoryLine(a: QuotesAnswer, locale: Locale): string | undefined {
  const s = a.story;
  return s ? quoteWords(locale).story(s.words.join(', '), formatDay(s.from, locale), formatDay(s.to, locale), s.leftOut ?? 0) : undefined;
}

/** `Sergueï Choïgou — 7 quotations (AFP 4, RT 3)`. */
export function tallyLine(t: SpeakerTally, locale: Locale): string {
  return `${t.speaker.name} — ${quoteWords(locale).quotedTimes(t.quotations)} (${t.outlets.map((o) => `${o.outlet} ${o.count}`).join(', ')})`;
}

/** A group's heading: its speaker (or none), and the outlets carrying it when several do. */
export function groupHeading(g: QuoteGroup, locale: Locale): string {
  const w = quoteWords(locale);
  const outlets = [...new Set(g.quotations.map((q) => q.excerpt.citation.outlet))];
  const who = g.speaker ? g.speaker.name : w.unattributed;
  return outlets.length > 1 ? `${who} — ${w.carriedBy(outlets.join(', '))}` : who;
}

/** How the text attributes one quotation, when there is more to say than its speaker's name: as written, relayed, nested. */
export function attributionNote(q: QuoteExcerpt, locale: Locale): string | undefined {
  const w = quoteWords(locale);
  const notes: string[] = [];
  const s = q.speaker;
  if (s && s.by === 'pronoun') notes.push(w.byPronoun(s.name));
  else if (s && s.by === 'role' && differs(s)) notes.push(w.written(s.written));
  if (q.reportedBy) notes.push(w.reportedBy(q.reportedBy));
  if (q.secondHand) notes.push(w.secondHand);
  if (q.nested) notes.push(w.nested);
  return notes.length > 0 ? notes.join(locale === 'fr' ? '\u00a0; ' : '; ') : undefined;
}

/** The role the text names the speaker by is not the name shown (`Le responsable russe` for Sergueï Choïgou). */
function differs(s: QuoteSpeaker): boolean {
  return s.written.trim().toLowerCase() !== s.name.trim().toLowerCase();
}

/**
 * The wording differences of a group, one line per other quotation: `AFP « l'aide fraternelle »
 * · RT « véritable assistance fraternelle »`, or that it uses the same words.
 */
export function wordingLines(g: QuoteGroup, locale: Locale): string[] {
  const w = quoteWords(locale);
  const [first] = g.quotations;
  if (!first || g.quotations.length < 2) return [];
  const ref = (q: QuoteExcerpt) => `${q.excerpt.citation.outlet} ${messages(locale).paragraphSign}${q.excerpt.citation.paragraph}`;
  return g.quotations.slice(1).map((q, k) => {
    const changes = g.changes[k + 1] ?? [];
    if (changes.length === 0) return `${ref(q)}${colon(locale)}${w.sameWords} (${ref(first)})`;
    return changes.map((c) => `${ref(first)} « ${c.reference} » · ${ref(q)} « ${c.other} »`).join(locale === 'fr' ? '\u00a0; ' : '; ');
  });
}
