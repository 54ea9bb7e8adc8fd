/**
 * `/stories` on Discord: one embed per story, in the colour of the outlet with the most articles
 * in it; its title names the story (shared words, dates, size), its description the people and
 * the outlets with no article in it, and one field per covering outlet gives its article count
 * and its first article (title, date, bare link). Paged like the other lists, with "More".
 */
import type { CompareAnswer, StoriesAnswer, StoryOutlet, StorySummary } from '../../answers/types.js';
import { colon, storyScopeLines } from '../../render/differences.js';
import { formatDay } from '../../render/format.js';
import { messages } from '../../render/messages.js';
import { storyMessages, storyName } from '../../render/story-messages.js';
import type { AnswerDraft } from './answers.js';
import { withFooter, type RenderContext } from './draft.js';
import { EMBED, MESSAGE } from '../limits.js';
import type { DraftEmbed, DraftField, Fit } from './fit.js';
import { NEUTRAL_COLOR, bareLink, footer, lines, parseHexColor, shown } from './pieces.js';

/** Stories per page: each is an embed of one field per covering outlet, within a message's 6 000 characters for five outlets each. */
export const STORIES_PAGE_SIZE = 3;

/** One page of `/stories`. */
export function storiesDraft(a: StoriesAnswer, ctx: RenderContext): AnswerDraft {
  const s = storyMessages(ctx.locale);
  if (a.stories.length === 0) {
    const text = [s.none, ...(a.single > 0 ? [s.single(a.single)] : [])];
    return { drafts: [{ title: shown(s.title), description: lines(text), color: NEUTRAL_COLOR, fields: [] }], page: 0, pageCount: 1 };
  }
  const pageCount = Math.ceil(a.stories.length / STORIES_PAGE_SIZE);
  const page = Math.min(Math.max(0, Math.trunc(ctx.page)), pageCount - 1);
  const first = page * STORIES_PAGE_SIZE;
  const drafts = a.stories.slice(first, first + STORIES_PAGE_SIZE).map((story, i) => storyEmbed(story, first + i + 1, a.outletCount, ctx));
  const paging = pageCount > 1 ? ` · ${messages(ctx.locale).discord.page(page + 1, pageCount)}` : '';
  const summary = `${s.head(a.stories.length, a.total)}${paging}${a.single > 0 ? `\n${s.single(a.single)}` : ''}`;
  return { page, pageCount, drafts: withFooter(drafts, footer(summary, undefined)) };
}

function storyEmbed(story: StorySummary, n: number, outletCount: number, ctx: RenderContext): DraftEmbed {
  const s = storyMessages(ctx.locale);
  const [main] = story.outlets;
  return {
    title: shown(`${n}. ${storyName(story, ctx.locale)}`),
    color: (main && (parseHexColor(main.color) ?? ctx.colorOf(main.sourceId))) ?? NEUTRAL_COLOR,
    description: lines([
      story.people.length > 0 ? `${s.people}${colon(ctx.locale)}${story.people.join(', ')}` : '',
      story.notCoveredBy.length > 0 ? s.notCoveredBy(story.notCoveredBy.join(', ')) : s.coveredByAll(outletCount),
    ]),
    fields: story.outlets.slice(0, EMBED.FIELDS_MAX).map((o) => outletField(o, ctx)),
  };
}

/** `AHP: 2 articles` and the first one: `« Title » (21 April 2026)` and its bare link. */
function outletField(o: StoryOutlet, ctx: RenderContext): DraftField {
  const link = bareLink(o.first.url);
  return {
    name: shown(storyMessages(ctx.locale).outletArticles(o.outlet, o.articles)),
    value: lines([`« ${o.first.title} » (${formatDay(o.first.published, ctx.locale)})`, ...(link ? [{ rendered: link }] : [])]),
  };
}

/**
 * A comparison's drafts (overview.ts) with the story it stays within said first: in an embed of
 * its own, which takes the heading over, or, when the message has no room for one more embed,
 * at the top of the first one's description. Unchanged when the comparison is not scoped.
 */
export function withStoryScope(drafts: DraftEmbed[], a: CompareAnswer, ctx: RenderContext): DraftEmbed[] {
  const scope = storyScopeLines(a, ctx.locale);
  const [first, ...rest] = drafts;
  if (scope.length === 0 || !first) return drafts;
  if (drafts.length < MESSAGE.EMBEDS_MAX) {
    const { author, ...outlet } = first;
    return [{ ...(author ? { author } : {}), color: NEUTRAL_COLOR, description: lines(scope), fields: [] }, outlet, ...rest];
  }
  const head = lines(scope);
  const own = first.description;
  const description: Fit = (max) => {
    const said = head(max);
    const room = max - said.length - 1;
    const tail = own && room > 0 ? own(room) : '';
    return tail ? `${said}\n${tail}` : said;
  };
  return [{ ...first, description }, ...rest];
}
