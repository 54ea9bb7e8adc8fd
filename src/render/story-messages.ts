/**
 * The bot's own words about stories, in English and French: `/stories` and the story a
 * `/compare` stays within. Kept beside `messages.ts` (the shape French must match is English's),
 * so that every surface words a story alike.
 */
import type { StoryRef } from '../answers/types.js';
import { formatDay } from './format.js';
import type { Locale } from './messages.js';

const en = {
  title: 'Stories',
  /** The heading of `/stories`. */
  head: (shown: number, total: number) => (shown < total ? `${shown} of ${total} stories covered by two articles or more, most recent first` : `${total} ${total === 1 ? 'story' : 'stories'} covered by two articles or more, most recent first`),
  none: 'No story is covered by two articles or more.',
  /** Articles not listed because no other article is about the same event. */
  single: (n: number) => `${n} article${n === 1 ? ' is' : 's are'} alone in ${n === 1 ? 'its' : 'their'} story (not listed).`,
  articles: (n: number) => `${n} article${n === 1 ? '' : 's'}`,
  people: 'People',
  /** An outlet's articles in a story and the first of them. */
  outletArticles: (outlet: string, n: number) => `${outlet}: ${n} article${n === 1 ? '' : 's'}`,
  /** Outlets of the collection with no article in the story: true over the whole collection. */
  notCoveredBy: (outlets: string) => `No article in this story from: ${outlets}.`,
  coveredByAll: (n: number) => (n === 1 ? 'Covered by the collection’s only outlet.' : `Covered by all ${n} outlets of the collection.`),
  /** The story a comparison stays within, and how many matching articles of other stories it leaves out. */
  within: (story: string) => `Within one story: ${story}.`,
  leftOut: (n: number) => (n === 1 ? '1 article of another story also matches; it is left out.' : `${n} articles of other stories also match; they are left out.`),
  /** Said of an outlet with no article in the comparison's story. */
  outsideStory: (outlet: string) => `${outlet} has no article in this story.`,
  /** `in-passing` within a story: only that story's articles were read. */
  inPassingInStory: (outlet: string) => `In this story, no paragraph of ${outlet} is about this; its closest:`,
};

/** The catalogue's shape: French must say everything English says. */
export type StoryMessages = typeof en;

const fr: StoryMessages = {
  title: 'Affaires',
  head: (shown, total) => (shown < total ? `${shown} affaires sur ${total} couvertes par deux articles ou plus, les plus récentes d’abord` : `${total} affaire${total > 1 ? 's' : ''} couverte${total > 1 ? 's' : ''} par deux articles ou plus, les plus récentes d’abord`),
  none: 'Aucune affaire n’est couverte par deux articles ou plus.',
  single: (n) => (n > 1 ? `${n} articles sont seuls dans leur affaire (non listés).` : '1 article est seul dans son affaire (non listé).'),
  articles: (n) => `${n} article${n > 1 ? 's' : ''}`,
  people: 'Personnes',
  outletArticles: (outlet, n) => `${outlet}\u00a0: ${n} article${n > 1 ? 's' : ''}`,
  notCoveredBy: (outlets) => `Aucun article sur cette affaire\u00a0: ${outlets}.`,
  coveredByAll: (n) => (n === 1 ? 'Couverte par le seul média de la collection.' : `Couverte par les ${n} médias de la collection.`),
  within: (story) => `Dans une seule affaire\u00a0: ${story}.`,
  leftOut: (n) => (n > 1 ? `${n} articles d’autres affaires correspondent aussi\u00a0; ils sont laissés de côté.` : '1 article d’une autre affaire correspond aussi\u00a0; il est laissé de côté.'),
  outsideStory: (outlet) => `${outlet} n’a aucun article sur cette affaire.`,
  inPassingInStory: (outlet) => `Dans cette affaire, aucun paragraphe de ${outlet} ne porte sur ce sujet\u00a0; le plus proche\u00a0:`,
};

/** The story catalogue for a locale. */
export function storyMessages(locale: Locale): StoryMessages {
  return locale === 'fr' ? fr : en;
}

/** `10 March 2026` or `10 – 11 March 2026`-like span: the first and last days, once when the same. */
export function storySpan(story: Pick<StoryRef, 'from' | 'to'>, locale: Locale): string {
  const from = formatDay(story.from, locale);
  return story.from === story.to ? from : `${from} – ${formatDay(story.to, locale)}`;
}

/** How a story is named: `barrage · Sorbière · Combe · Noire (10 – 11 March 2026, 4 articles)`. */
export function storyName(story: StoryRef, locale: Locale): string {
  const words = story.words.length > 0 ? story.words.join(' · ') : '…';
  return `${words} (${storySpan(story, locale)}, ${storyMessages(locale).articles(story.articleCount)})`;
}
