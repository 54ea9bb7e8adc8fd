/**
 * The buttons under an answer. "More" runs the same request again and shows the next page in
 * place; "Full paragraph", "Citation", "Export" (every citation of the answer as Markdown and
 * CSV files) and 👍 / 👎 (`votes.ts`) answer the presser alone (ephemeral). Nothing
 * is remembered between presses: the button's custom_id (see `custom-id.ts`) and the message it
 * is on say everything, so buttons keep working across restarts for as long as Discord allows.
 */
import type { ButtonInteraction } from 'discord.js';
import type { Engine } from '../answers/engine.js';
import { citationOf } from '../answers/citations.js';
import type { Excerpt } from '../answers/types.js';
import type { IndexedParagraph } from '../search/paragraph-index.js';
import { localeOf } from '../render/messages.js';
import { answerReply, citationReply, exportReply, paragraphReply } from './render/payload.js';
import { carriedQuery } from './render/pieces.js';
import { decodeButton, shortHash, type ButtonAction, type Carried } from './custom-id.js';
import { UserError } from '../commands/user-error.js';
import { INTERACTION } from './limits.js';
import { answerWithin, type Acknowledged } from './respond.js';
import { dispatch } from '../commands/table.js';
import { handleVote, type FeedbackStore } from './votes.js';

/** What answering a button needs. */
export interface ButtonContext {
  readonly engine: Engine;
  readonly colorOf: (sourceId: string) => number | undefined;
  /** Current time in ms since the epoch (a parameter for tests). */
  readonly now: () => number;
  /** See `answerWithin` (0: defer before any work, as the router asks when it is busy). */
  readonly deferAfterMs?: number;
  /** Where 👍 / 👎 are stored; none: answers carry no vote buttons and a vote is refused as unknown. */
  readonly feedback?: FeedbackStore;
  /** The collection that answers: a server's id, or '' for the shared one (what a vote is filed under). */
  readonly collection: string;
}

/** Whether a message is too old for its buttons: older than an interaction token lives (its snowflake gives its time). */
export function isExpired(messageCreatedAt: number, now: number): boolean {
  return now - messageCreatedAt > INTERACTION.TOKEN_LIFETIME_MS;
}

/** Answers a button press; throws {@link UserError} for an unknown, expired or stale button. */
export async function handleButton(i: ButtonInteraction, ctx: ButtonContext, receivedAt: number): Promise<Acknowledged & { readonly action: ButtonAction['kind'] }> {
  const action = decodeButton(i.customId);
  if (!action) throw new UserError('unknown-button');
  if (isExpired(i.message.createdTimestamp, ctx.now())) throw new UserError('expired-button');
  const locale = localeOf(i.locale);
  const defer = ctx.deferAfterMs !== undefined ? { deferAfterMs: ctx.deferAfterMs } : {};
  switch (action.kind) {
    case 'more': {
      const query = carriedQuery(action.query, i.message);
      if (query === undefined) throw new UserError('stale-button');
      const o = { locale: action.locale, page: action.page, ephemeral: false, command: action.command, query, colorOf: ctx.colorOf, votes: ctx.feedback !== undefined };
      const ack = await answerWithin(i, { mode: 'update', ephemeral: false, receivedAt, ...defer }, () => answerReply(dispatch(ctx.engine, action.command, query), o));
      return { ...ack, action: action.kind };
    }
    case 'export': {
      const query = carriedQuery(action.query, i.message);
      if (query === undefined) throw new UserError('stale-button');
      const o = { locale, command: action.command, query };
      const ack = await answerWithin(i, { mode: 'reply', ephemeral: true, receivedAt, ...defer }, () => exportReply(dispatch(ctx.engine, action.command, query), o));
      return { ...ack, action: action.kind };
    }
    case 'vote': {
      if (!ctx.feedback) throw new UserError('unknown-button');
      const ack = await handleVote(i, action, { store: ctx.feedback, engine: ctx.engine, collection: ctx.collection, ...defer }, receivedAt);
      return { ...ack, action: action.kind };
    }
    case 'paragraph': {
      const doc = paragraphOf(ctx.engine, action.article, action.paragraph);
      const ack = await answerWithin(i, { mode: 'reply', ephemeral: true, receivedAt, ...defer }, () => paragraphReply(doc.article, doc.source, doc.paragraph, locale));
      return { ...ack, action: action.kind };
    }
    case 'citation': {
      const doc = paragraphOf(ctx.engine, action.article, action.paragraph);
      if (action.end > doc.paragraph.text.length) throw new UserError('unknown-paragraph');
      const excerpt: Excerpt = {
        citation: citationOf(doc),
        text: doc.paragraph.text.slice(action.start, action.end),
        start: action.start,
        end: action.end,
        cutStart: action.cutStart,
        cutEnd: action.cutEnd,
        highlights: [],
        matched: [],
        score: 0,
      };
      const ack = await answerWithin(i, { mode: 'reply', ephemeral: true, receivedAt, ...defer }, () => citationReply(excerpt, locale));
      return { ...ack, action: action.kind };
    }
  }
}

/** The paragraph a button names, by article id (or its hash) and number; `unknown-paragraph` if the corpus no longer has it. */
function paragraphOf(engine: Engine, article: Carried, n: number): IndexedParagraph {
  const id = 'text' in article ? article.text : engine.corpus.articles.find((a) => shortHash(a.id) === article.hash)?.id;
  const doc = id === undefined ? undefined : engine.kb.paragraph(id, n);
  if (!doc) throw new UserError('unknown-paragraph');
  return doc;
}
