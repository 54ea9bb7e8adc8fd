/**
 * `/article remove` (a confirmation with Remove and Keep, then the article gone) and
 * `/article list` (paged with Previous and Next), over the server's published articles.
 */
import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { Carried } from '../custom-id.js';
import type { ArticleListing } from '../../moderation/types.js';
import { ModerationError } from '../../moderation/types.js';
import { articleListReply, confirmRemoveReply, removalOutcomeReply } from '../render/moderation-lists.js';
import { answerWithin } from '../respond.js';
import { deferOption, type ActionScope, type ActionServed, type ModerationContext } from './context.js';
import { articleNamed } from './custom-ids.js';

/** The server's article a carried id names; `unknown-article` if it has none such (any more). */
async function articleOf(carried: Carried, ctx: ModerationContext, s: ActionScope): Promise<ArticleListing> {
  const articles = await ctx.service.articles(s.guildId);
  const id = articleNamed(carried, articles.map((a) => a.articleId));
  const found = articles.find((a) => a.articleId === id);
  if (!found) throw new ModerationError('unknown-article', 'text' in carried ? carried.text.slice(0, 100) : undefined);
  return found;
}

/** The source id of an article in the server's engine, for its outlet's colour. */
function sourceOf(ctx: ModerationContext, s: ActionScope, articleId: string): string | undefined {
  return ctx.engines.engineFor(s.guildId).corpus.articles.find((a) => a.id === articleId)?.source;
}

/** `/article remove article:<id>`: the question, with Remove and Keep. */
export async function articleRemove(i: ChatInputCommandInteraction, ctx: ModerationContext, s: ActionScope): Promise<ActionServed> {
  const typed = i.options.getString('article', true).trim();
  const ack = await answerWithin(i, { mode: 'reply', ephemeral: true, receivedAt: s.receivedAt, ...deferOption(ctx) }, async () => {
    const article = await articleOf({ text: typed }, ctx, s);
    return confirmRemoveReply(article, s.render, sourceOf(ctx, s, article.articleId));
  });
  return { ...ack, action: 'article:remove' };
}

/** Remove: the article removed (no longer answerable here once this resolves), the question replaced by the outcome. */
export async function removeArticle(i: ButtonInteraction, carried: Carried, ctx: ModerationContext, s: ActionScope): Promise<ActionServed> {
  const ack = await answerWithin(i, { mode: 'update', ephemeral: true, receivedAt: s.receivedAt, ...deferOption(ctx) }, async () => {
    const article = await articleOf(carried, ctx, s);
    const removed = await ctx.service.remove(s.guildId, article.articleId, s.actor);
    return removalOutcomeReply('removed', removed.title, s.render);
  });
  return { ...ack, action: 'remove' };
}

/** Keep: nothing changes; the question replaced by a short notice. */
export async function keepArticle(i: ButtonInteraction, carried: Carried, ctx: ModerationContext, s: ActionScope): Promise<ActionServed> {
  const ack = await answerWithin(i, { mode: 'update', ephemeral: true, receivedAt: s.receivedAt, ...deferOption(ctx) }, async () => {
    const articles = await ctx.service.articles(s.guildId);
    const id = articleNamed(carried, articles.map((a) => a.articleId));
    const title = articles.find((a) => a.articleId === id)?.title ?? ('text' in carried ? carried.text : '?');
    return removalOutcomeReply('kept', title, s.render);
  });
  return { ...ack, action: 'keep' };
}

/** `/article list`, first page; and a page button, which shows another page in place. */
export async function articleList(i: ChatInputCommandInteraction | ButtonInteraction, page: number, ctx: ModerationContext, s: ActionScope): Promise<ActionServed> {
  const mode = i.isButton() ? 'update' : 'reply';
  const ack = await answerWithin(i, { mode, ephemeral: true, receivedAt: s.receivedAt, ...deferOption(ctx) }, async () => articleListReply(await ctx.service.articles(s.guildId), page, s.render));
  return { ...ack, action: i.isButton() ? 'article:list:page' : 'article:list' };
}
