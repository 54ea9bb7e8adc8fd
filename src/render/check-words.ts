/**
 * The bot's own words for "Check this claim" (`/check`, `/verifier`), in English and French, and
 * the lines every surface shares. They say only what each source says of each item of the claim:
 * never that the claim is true or false. The passages are the articles' words.
 */
import type { CheckAnswer, ClaimCheck, ClaimCoverage, ClaimEvidence, ClaimItem, ClaimItemKind, ClaimState } from '../answers/check-claim-types.js';
import { colon } from './differences.js';
import { formatNumber, formatPeriod } from './format.js';
import { messages, type Locale } from './messages.js';
import { CELL_MARK } from './matrix-words.js';
import { storyMessages, storyName } from './story-messages.js';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The unit a count's period is said in. */
type PeriodUnit = 'year' | 'month' | 'week' | 'day';
const FRENCH_UNITS: Record<PeriodUnit, string> = { year: 'an', month: 'mois', week: 'semaine', day: 'jour' };

const en = {
  title: 'What each source says',
  claim: (text: string) => `Claim checked: “${text}”`,
  cut: 'Only the start of the message was read.',
  /** Said on every answer: what this is, and what it is not. */
  notAVerdict: 'This does not say whether the claim is true: only what each outlet’s articles on it say, with the paragraph.',
  legend: '✓ states the same · ≠ states something different · — does not say · ? nothing matching found, may be worded otherwise',
  read: (outlets: string) => `Read whole: ${outlets}.`,
  articles: (outlet: string, n: number) => `${outlet} ${n} ${plural(n, 'article', 'articles')}`,
  carries: (outlet: string, original: string) => `${outlet} republishes ${original}’s text (counted as ${original})`,
  outsideStory: (outlets: string) => `No article in this story: ${outlets}.`,
  notFound: (outlets: string) => `Nothing found on this: ${outlets}.`,
  nothing: 'The message states no figure, count, date, role or quotation the articles can be checked against. The closest passages of each outlet are shown instead.',
  noOutlet: 'No outlet has an article on this: nothing to check it against.',
  kinds: { figure: 'Figure', count: 'Count', date: 'Date', role: 'Role', quote: 'Quoted', statement: 'Statement' } as Record<ClaimItemKind, string>,
  quantity: (text: string, value: string, quantity: string) => `${text} (${value} ${quantity})`,
  /** An ordinal count: `sa troisième visite en un an (visite no. 3, within 1 year)`. */
  ranked: (text: string, ordinal: number, noun: string, period: string | undefined) => `${text} (${noun} no. ${ordinal}${period ? `, within ${period}` : ''})`,
  period: (n: number, unit: PeriodUnit) => `${n} ${unit}${n > 1 ? 's' : ''}`,
  dated: (text: string, period: string, event: string | undefined) => `${text} (${period})${event ? ` — ${event}` : ''}`,
  quoteBy: (words: string, person: string | undefined) => (person ? `“${words}” — ${person}` : `“${words}”`),
  /** One outlet's state, by what the item is. */
  state: {
    same: { figure: 'gives the same figure', count: 'gives the same count', date: 'gives the same date', role: 'gives the same role', quote: 'quotes the same words', statement: 'closest passage' },
    different: { figure: 'gives another figure', count: 'counts it otherwise', date: 'dates it otherwise', role: 'gives another role', quote: 'gives these words to someone else', statement: 'closest passage' },
    silent: { figure: 'gives no figure for it', count: 'does not count it', date: 'does not date it', role: 'does not name them', quote: 'does not quote it', statement: 'does not say' },
    unknown: { figure: 'no matching figure found', count: 'no matching count found', date: 'no matching date found', role: 'no matching role found', quote: 'no matching quotation found', statement: 'closest passage' },
  } as Record<ClaimState, Record<ClaimItemKind, string>>,
  /** `?` with passages holding part of the item, by what it is. */
  partly: { figure: 'gives this figure, counting something else', count: 'counts it otherwise', date: 'gives a wider date', role: 'gives part of this role', quote: 'quotes some of these words', statement: 'closest passage' } as Record<ClaimItemKind, string>,
  /** Other values beside the matching ones (`AHP ✓ …; also “trois morts” ¶4`). */
  also: 'also',
  by: (speaker: string) => `by ${speaker}`,
  summary: (items: number) => `${items} ${plural(items, 'item', 'items')} checked`,
};

/** The catalogue's shape: French says everything English says. */
export type CheckWords = typeof en;

const fr: CheckWords = {
  title: 'Ce que dit chaque source',
  claim: (text) => `Affirmation vérifiée\u00a0: « ${text} »`,
  cut: 'Seul le début du message a été lu.',
  notAVerdict: 'Ceci ne dit pas si l’affirmation est vraie\u00a0: seulement ce qu’en disent les articles de chaque média, avec le paragraphe.',
  legend: '✓ dit la même chose · ≠ dit autre chose · — n’en dit rien · ? rien de correspondant trouvé, peut-être dit autrement',
  read: (outlets) => `Lus en entier\u00a0: ${outlets}.`,
  articles: (outlet, n) => `${outlet} ${n} article${n > 1 ? 's' : ''}`,
  carries: (outlet, original) => `${outlet} reprend le texte de ${original} (compté comme ${original})`,
  outsideStory: (outlets) => `Aucun article dans ce sujet\u00a0: ${outlets}.`,
  notFound: (outlets) => `Rien trouvé sur ce point\u00a0: ${outlets}.`,
  nothing: 'Le message ne donne ni chiffre, ni rang, ni date, ni fonction, ni citation à confronter aux articles. Les passages les plus proches de chaque média sont montrés à la place.',
  noOutlet: 'Aucun média n’a d’article sur ce point\u00a0: rien à quoi le confronter.',
  kinds: { figure: 'Chiffre', count: 'Rang', date: 'Date', role: 'Fonction', quote: 'Citation', statement: 'Énoncé' },
  quantity: (text, value, quantity) => `${text} (${value} ${quantity})`,
  ranked: (text, ordinal, noun, period) => `${text} (${noun} n°\u00a0${ordinal}${period ? `, en ${period}` : ''})`,
  period: (n, unit) => `${n} ${FRENCH_UNITS[unit]}${n > 1 && unit !== 'month' ? 's' : ''}`,
  dated: (text, period, event) => `${text} (${period})${event ? ` — ${event}` : ''}`,
  quoteBy: (words, person) => (person ? `« ${words} » — ${person}` : `« ${words} »`),
  state: {
    same: { figure: 'donne le même chiffre', count: 'donne le même rang', date: 'donne la même date', role: 'donne la même fonction', quote: 'cite les mêmes mots', statement: 'passage le plus proche' },
    different: { figure: 'donne un autre chiffre', count: 'le compte autrement', date: 'le date autrement', role: 'donne une autre fonction', quote: 'prête ces mots à quelqu’un d’autre', statement: 'passage le plus proche' },
    silent: { figure: 'ne donne aucun chiffre pour cela', count: 'ne le compte pas', date: 'ne le date pas', role: 'ne nomme pas cette personne', quote: 'ne la cite pas', statement: 'n’en dit rien' },
    unknown: { figure: 'aucun chiffre correspondant trouvé', count: 'aucun rang correspondant trouvé', date: 'aucune date correspondante trouvée', role: 'aucune fonction correspondante trouvée', quote: 'aucune citation correspondante trouvée', statement: 'passage le plus proche' },
  },
  partly: { figure: 'donne ce chiffre, pour autre chose', count: 'le compte autrement', date: 'donne une date plus large', role: 'donne une partie de cette fonction', quote: 'cite une partie de ces mots', statement: 'passage le plus proche' },
  also: 'aussi',
  by: (speaker) => `par ${speaker}`,
  summary: (items) => `${items} point${items > 1 ? 's' : ''} vérifié${items > 1 ? 's' : ''}`,
};

/** The claim check's words in a locale. */
export function checkWords(locale: Locale): CheckWords {
  return locale === 'fr' ? fr : en;
}

/** The lines above the items: the claim, what this is not, the legend, which articles were read. */
export function checkHeadLines(a: CheckAnswer, locale: Locale): string[] {
  const w = checkWords(locale);
  const story = a.story ? [storyMessages(locale).within(storyName(a.story, locale))] : [];
  return [w.claim(a.claim), ...(a.cut ? [w.cut] : []), ...story, w.notAVerdict, ...coverageLines(a.outlets, locale), ...(a.items.some((i) => i.checks.length > 0) ? [w.legend] : [])];
}

function coverageLines(outlets: readonly ClaimCoverage[], locale: Locale): string[] {
  const w = checkWords(locale);
  const of = (kind: ClaimCoverage['coverage']) => outlets.filter((o) => o.coverage === kind);
  const covers = of('covers');
  if (covers.length === 0) return [w.noOutlet];
  const list = (os: readonly ClaimCoverage[]) => os.map((o) => o.outlet).join(', ');
  return [
    w.read(covers.map((o) => w.articles(o.outlet, o.articles)).join(', ')),
    ...of('carries').map((o) => w.carries(o.outlet, (o.carries ?? []).join(', '))),
    ...(of('outside-story').length > 0 ? [w.outsideStory(list(of('outside-story')))] : []),
    ...(of('not-found').length > 0 ? [w.notFound(list(of('not-found')))] : []),
  ];
}

/** An item's heading: `Figure — quatre morts (4 morts)`. */
export function itemHeading(item: ClaimItem, locale: Locale): string {
  const w = checkWords(locale);
  return `${w.kinds[item.kind]} — ${itemText(item, locale)}`;
}

function itemText(item: ClaimItem, locale: Locale): string {
  const w = checkWords(locale);
  switch (item.kind) {
    case 'figure':
      return item.figure ? w.quantity(item.text, formatNumber(item.figure.value, locale), item.figure.quantity) : item.text;
    case 'count':
      return item.count ? w.ranked(item.text, item.count.ordinal, item.count.noun, item.count.periodDays === undefined ? undefined : periodWords(item.count.periodDays, locale)) : item.text;
    case 'date':
      return item.date ? w.dated(item.text, formatPeriod(item.date, locale), item.event) : item.text;
    case 'quote':
      return w.quoteBy(item.text, item.person);
    default:
      return item.text;
  }
}

/** A count's period in the largest whole unit: 365 days are `1 year`, 14 are `2 weeks`. */
function periodWords(days: number, locale: Locale): string {
  const w = checkWords(locale);
  if (days % 365 === 0) return w.period(days / 365, 'year');
  if (days % 30 === 0) return w.period(days / 30, 'month');
  if (days % 7 === 0) return w.period(days / 7, 'week');
  return w.period(days, 'day');
}

/** One outlet's line for an item: `AHP ≠ gives another figure: “trois morts” ¶1`. */
export function checkLine(item: ClaimItem, check: ClaimCheck, locale: Locale): string {
  const w = checkWords(locale);
  const partly = check.state === 'unknown' && check.evidence.length > 0;
  const head = `${check.outlet} ${CELL_MARK[check.state]} ${partly ? w.partly[item.kind] : w.state[check.state][item.kind]}`;
  if (check.evidence.length === 0 || item.kind === 'statement') return head;
  // With `same`, the matching passages, then any giving something else.
  const main = check.state === 'same' ? check.evidence.filter((e) => e.relation === 'same') : check.evidence;
  const others = check.state === 'same' ? check.evidence.filter((e) => e.relation !== 'same') : [];
  const said = (list: readonly ClaimEvidence[]) => list.map((e) => evidenceText(item, e, locale)).join(', ');
  return `${head}${colon(locale)}${said(main)}${others.length > 0 ? `; ${w.also}${colon(locale)}${said(others)}` : ''}`;
}

/** A passage's words and paragraph (with the speaker, for a quotation). */
export function evidenceText(item: ClaimItem, e: ClaimEvidence, locale: Locale): string {
  const w = checkWords(locale);
  const words = item.kind === 'date' ? e.text.replace(/[\s,;:]+$/u, '') : e.text;
  const speaker = e.speaker && item.kind === 'quote' ? ` ${w.by(e.speaker)}` : '';
  return `“${words}”${speaker} ${messages(locale).paragraphSign}${e.excerpt.citation.paragraph}`;
}
