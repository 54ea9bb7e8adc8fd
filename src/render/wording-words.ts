/**
 * The bot's own words for `/wording` (`/termes`), in English and French, and the lines every
 * surface shares. They state wording only: which outlet writes which words, how many times, and
 * where; never what the words mean or whether they are right. The phrases are the articles' words.
 */
import type { OutletWording, WordingAnswer, WordingPhrase, WordingReferent } from '../answers/wording-types.js';
import { colon } from './differences.js';
import { formatNumber, shortReference } from './format.js';
import type { Locale } from './messages.js';
import { storyMessages, storyName } from './story-messages.js';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

const en = {
  title: (topic: string) => `Wording on “${topic}”`,
  /** `AFP: 2 articles, RT: 1 article`. */
  read: (outlets: string) => `Articles read: ${outlets}`,
  articles: (n: number) => `${n} ${plural(n, 'article', 'articles')}`,
  figure: (value: string) => `The figure ${value}`,
  name: (name: string) => `The name ${name}`,
  qualifier: (name: string) => `Words around “${name}”`,
  party: (country: string) => `Naming “${country}” as a party (place mentions aside)`,
  quote: (speaker: string) => (speaker ? `Words quoted from ${speaker}` : 'Words quoted'),
  sentence: (words: string) => `The same sentence (“${words}”)`,
  phrase: (text: string, count: number) => `“${text}” (${count}×)`,
  writes: (outlet: string, phrases: string) => `${outlet} writes ${phrases}`,
  none: (outlet: string) => `${outlet}: no wording found for it`,
  titleOnly: (outlet: string) => `${outlet}: only in a title`,
  /** One outlet covers the topic: nothing to set side by side. */
  oneOutlet: (outlet: string) => `Only ${outlet} has articles on this topic: no other outlet's wording to set beside it.`,
  noReferent: 'No figure, name or quotation of the topic is worded differently by the outlets in these articles.',
  summary: (n: number) => `${n} ${plural(n, 'referent', 'referents')}`,
  counted: 'Counts: exact occurrences (case and accents aside) in the paragraphs of each outlet’s articles on the topic.',
};

/** The catalogue's shape: French says everything English says. */
export type WordingWords = typeof en;

const fr: WordingWords = {
  title: (topic) => `Termes employés sur « ${topic} »`,
  read: (outlets) => `Articles lus : ${outlets}`,
  articles: (n) => `${n} ${plural(n, 'article', 'articles')}`,
  figure: (value) => `Le chiffre ${value}`,
  name: (name) => `Le nom ${name}`,
  qualifier: (name) => `Les mots autour de « ${name} »`,
  party: (country) => `Pour nommer la partie « ${country} » (mentions du lieu mises à part)`,
  quote: (speaker) => (speaker ? `Les paroles citées de ${speaker}` : 'Les paroles citées'),
  sentence: (words) => `Une même phrase (« ${words} »)`,
  phrase: (text, count) => `« ${text} » (${count}×)`,
  writes: (outlet, phrases) => `${outlet} écrit ${phrases}`,
  none: (outlet) => `${outlet} : aucun terme trouvé pour cela`,
  titleOnly: (outlet) => `${outlet} : seulement dans un titre`,
  oneOutlet: (outlet) => `Seul ${outlet} a des articles sur ce sujet : aucun autre média dont comparer les termes.`,
  noReferent: 'Aucun chiffre, nom ou propos du sujet n’est formulé différemment par les médias dans ces articles.',
  summary: (n) => `${n} ${plural(n, 'élément', 'éléments')}`,
  counted: 'Comptes : occurrences exactes (casse et accents mis à part) dans les paragraphes des articles de chaque média sur le sujet.',
};

/** The words of a language. */
export function wordingWords(locale: Locale): WordingWords {
  return locale === 'fr' ? fr : en;
}

/** What the referent is: `The figure 5 000`, `The name Kim Jong Un`. */
export function referentHeading(r: WordingReferent, locale: Locale): string {
  const w = wordingWords(locale);
  switch (r.anchor) {
    case 'figure':
      return w.figure(r.value !== undefined ? formatNumber(r.value, locale) : r.label);
    case 'name':
      return w.name(r.label);
    case 'qualifier':
      return w.qualifier(r.label);
    case 'party':
      return w.party(r.label);
    case 'quote':
      return w.quote(r.label);
    case 'sentence':
      return w.sentence(r.label);
  }
}

/** `AFP writes “ouvriers” (2×), “travailleurs” (1×)`, or that no wording was found. */
export function outletWordingLine(o: OutletWording, locale: Locale): string {
  const w = wordingWords(locale);
  if (o.state === 'none') return w.none(o.outlet);
  if (o.state === 'title-only') return w.titleOnly(o.outlet);
  return w.writes(o.outlet, o.phrases.map((p) => w.phrase(p.text, p.count)).join(', '));
}

/** Where one phrase is shown: `AFP, 17 June 2025, ¶2`. */
export function phraseReference(p: WordingPhrase, locale: Locale): string {
  return shortReference(p.excerpt.citation, locale);
}

/** The heading lines of the answer: the articles read, the story kept within. */
export function wordingHeadLines(a: WordingAnswer, locale: Locale): string[] {
  const w = wordingWords(locale);
  const out = [w.read(a.outlets.map((o) => `${o.outlet}${colon(locale)}${w.articles(o.articles)}`).join(', '))];
  if (a.story) {
    const s = storyMessages(locale);
    out.push(s.within(storyName(a.story, locale)), ...(a.story.leftOut ? [s.leftOut(a.story.leftOut)] : []));
  }
  return out;
}

/** Said instead of referents when there are none. */
export function wordingEmptyLine(a: WordingAnswer, locale: Locale): string | undefined {
  const w = wordingWords(locale);
  if (a.outlets.length === 1) return w.oneOutlet(a.outlets[0]?.outlet ?? '');
  return a.referents.length === 0 ? w.noReferent : undefined;
}
