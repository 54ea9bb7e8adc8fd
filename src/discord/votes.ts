/**
 * 👍 / 👎 under an answer: each member's vote on that answer (the message), stored with the
 * question, the command and the excerpts the answer showed, so that moderators see in `/gaps`
 * which answers their members found wanting. A member's second press replaces their vote.
 */
import type { ButtonInteraction } from 'discord.js';
import type { Engine } from '../answers/engine.js';
import type { CommandName } from '../commands/table.js';
import { UserError } from '../commands/user-error.js';
import { localeOf, messages } from '../render/messages.js';
import type { CorpusStore, VotedExcerpt } from '../store/types.js';
import { decodeButton, shortHash, type Carried } from './custom-id.js';
import { noticeReply } from './render/payload.js';
import { carriedQuery } from './render/pieces.js';
import { customIdsOf } from './render/component-tree.js';
import { answerWithin, type Acknowledged } from './respond.js';

/** Where votes and unanswered questions are kept: the store's part of it. */
export type FeedbackStore = Pick<CorpusStore, 'recordVote' | 'recordUnanswered' | 'gaps'>;

/** What answering a vote needs. */
export interface VoteContext {
  readonly store: FeedbackStore;
  readonly engine: Engine;
  /** The collection that answered: a server's id, or '' for the shared one. */
  readonly collection: string;
  readonly deferAfterMs?: number;
}

/** The excerpts an answer message shows, read from its Citation buttons at any depth of its card (an article id by hash is looked up in the corpus). */
export function shownExcerpts(components: readonly unknown[], engine: Engine): VotedExcerpt[] {
  const ids = customIdsOf(components);
  const out: VotedExcerpt[] = [];
  for (const id of ids) {
    const action = decodeButton(id);
    if (action?.kind !== 'citation') continue;
    out.push({ articleId: articleIdOf(action.article, engine), paragraph: action.paragraph, start: action.start, end: action.end });
  }
  return out;
}

function articleIdOf(article: Carried, engine: Engine): string {
  if ('text' in article) return article.text;
  return engine.corpus.articles.find((a) => shortHash(a.id) === article.hash)?.id ?? `#${article.hash}`;
}

/** Records the presser's vote and tells them, privately, what was recorded. */
export async function handleVote(i: ButtonInteraction, vote: { readonly up: boolean; readonly command: CommandName; readonly query: Carried }, ctx: VoteContext, receivedAt: number): Promise<Acknowledged> {
  const query = carriedQuery(vote.query, i.message);
  if (query === undefined) throw new UserError('stale-button');
  const locale = localeOf(i.locale);
  const defer = ctx.deferAfterMs !== undefined ? { deferAfterMs: ctx.deferAfterMs } : {};
  return answerWithin(i, { mode: 'reply', ephemeral: true, receivedAt, ...defer }, async () => {
    const outcome = await ctx.store.recordVote({
      answerId: i.message.id,
      userId: i.user.id,
      guildId: ctx.collection,
      command: vote.command,
      query,
      excerpts: shownExcerpts(i.message.components, ctx.engine),
      vote: vote.up ? 1 : -1,
    });
    return noticeReply(messages(locale).discord.voted(vote.up, outcome));
  });
}
