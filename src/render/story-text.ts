/**
 * `/stories` as plain text lines, for the terminal and the command line: each story's shared
 * words, people, dates, the outlets covering it with their first article, then the outlets of
 * the collection with no article in it.
 */
import type { StoriesAnswer, StorySummary } from '../answers/types.js';
import { colon } from './differences.js';
import { formatDay } from './format.js';
import type { Locale } from './messages.js';
import { storyMessages, storyName } from './story-messages.js';

/** Every line of a `/stories` answer. */
export function storyLines(a: StoriesAnswer, locale: Locale): string[] {
  const s = storyMessages(locale);
  if (a.stories.length === 0) return [s.none, ...(a.single > 0 ? ['', s.single(a.single)] : [])];
  const lines = [`${s.head(a.stories.length, a.total)}${colon(locale).trimEnd()}`];
  a.stories.forEach((story, i) => lines.push('', ...oneStory(story, i + 1, a.outletCount, locale)));
  if (a.single > 0) lines.push('', s.single(a.single));
  return lines;
}

/** One story: its name, people, each covering outlet with its first article, who has none. */
function oneStory(story: StorySummary, n: number, outletCount: number, locale: Locale): string[] {
  const s = storyMessages(locale);
  const lines = [`${n}. ${storyName(story, locale)}`];
  if (story.people.length > 0) lines.push(`   ${s.people}${colon(locale)}${story.people.join(', ')}`);
  for (const o of story.outlets) {
    const first = `« ${o.first.title} » (${formatDay(o.first.published, locale)})${o.first.url ? ` ${o.first.url}` : ''}`;
    lines.push(`   ${s.outletArticles(o.outlet, o.articles)} — ${first}`);
  }
  lines.push(`   ${story.notCoveredBy.length > 0 ? s.notCoveredBy(story.notCoveredBy.join(', ')) : s.coveredByAll(outletCount)}`);
  return lines;
}
