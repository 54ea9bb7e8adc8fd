/**
 * The moderators' other messages: the confirmation before removing an article and what it
 * becomes, `/article list` (paged, one field per article), `/source list` (the shared outlets,
 * then the server's) and the outlet just added. All ephemeral, all through `composedReply`.
 */
import { ButtonStyle, ComponentType } from 'discord.js';
import type { ArticleListing, ListedSource } from '../../moderation/types.js';
import { formatDay } from '../../render/format.js';
import { moderationMessages } from '../../render/moderation-messages.js';
import { encodeModerationButton } from '../moderation/custom-ids.js';
import { MESSAGE, OURS } from '../limits.js';
import { paged } from './answers.js';
import type { DraftEmbed, DraftField } from './fit.js';
import { timestamp, type ModerationRenderContext } from './moderation-preview.js';
import { composedReply, noticeReply, type ButtonRow, type DiscordReply } from './payload.js';
import { NEUTRAL_COLOR, bareLink, footer, lines, parseHexColor, shown, type Line } from './pieces.js';

/** One article's line of a list: outlet, date, paragraphs, who published it and when. */
function articleField(a: ArticleListing, ctx: ModerationRenderContext): DraftField {
  const m = moderationMessages(ctx.locale).list;
  return { name: shown(a.title), value: lines([m.line(a.outlet, formatDay(a.published, ctx.locale), a.paragraphCount, a.publishedBy.name), timestamp(a.publishedAt, 'f'), `id: ${a.articleId}`]) };
}

/** The question before removing an article, with Remove and Keep. */
export function confirmRemoveReply(a: ArticleListing, ctx: ModerationRenderContext, sourceId: string | undefined): DiscordReply {
  const m = moderationMessages(ctx.locale).remove;
  const carried = { text: a.articleId };
  const row: ButtonRow = {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Danger, label: m.removeButton, custom_id: encodeModerationButton({ kind: 'remove', article: carried }) },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, label: m.keepButton, custom_id: encodeModerationButton({ kind: 'keep', article: carried }) },
    ],
  };
  const color = (sourceId === undefined ? undefined : ctx.colorOf(sourceId)) ?? NEUTRAL_COLOR;
  return composedReply([{ description: shown(m.confirm(a.title)), color, fields: [articleField(a, ctx)] }], [row], true);
}

/** What the confirmation becomes: removed, or kept. */
export function removalOutcomeReply(outcome: 'removed' | 'kept', title: string, ctx: ModerationRenderContext): DiscordReply {
  const m = moderationMessages(ctx.locale).remove;
  return noticeReply(outcome === 'removed' ? m.removed(title) : m.kept(title));
}

/** One page of `/article list` (newest first), with Previous and Next when there are several. */
export function articleListReply(articles: readonly ArticleListing[], page: number, ctx: ModerationRenderContext): DiscordReply {
  const m = moderationMessages(ctx.locale).list;
  if (articles.length === 0) return noticeReply(m.empty);
  const p = paged(articles, OURS.ARTICLES_PER_PAGE, page);
  const summary = p.pageCount > 1 ? `${m.total(articles.length)} · ${m.page(p.page + 1, p.pageCount)}` : m.total(articles.length);
  const draft: DraftEmbed = { title: shown(m.title), color: NEUTRAL_COLOR, fields: p.items.map((a) => articleField(a, ctx)), footer: footer(summary, undefined) };
  const buttons = [
    ...(p.page > 0 ? [{ type: ComponentType.Button as const, style: ButtonStyle.Secondary as const, label: m.previous, custom_id: encodeModerationButton({ kind: 'list-page', page: p.page - 1 }) }] : []),
    ...(p.page + 1 < p.pageCount ? [{ type: ComponentType.Button as const, style: ButtonStyle.Secondary as const, label: m.next, custom_id: encodeModerationButton({ kind: 'list-page', page: p.page + 1 }) }] : []),
  ];
  return composedReply([draft], buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [], true);
}

/** An outlet's line: `AFP — Agence France-Presse (news agency; public body)`, and its home page. */
function sourceLines(s: ListedSource): Line[] {
  const link = bareLink(s.url);
  return [`${s.short} — ${s.name} (${s.kind}; ${s.ownership})`, ...(link ? [{ rendered: link }] : [])];
}

/** `/source list`: the shared collection's outlets, then the server's own. */
export function sourcesListReply(sources: readonly ListedSource[], ctx: ModerationRenderContext): DiscordReply {
  const m = moderationMessages(ctx.locale).sources;
  const shared = sources.filter((s) => s.collection === 'shared');
  const server = sources.filter((s) => s.collection === 'server');
  const drafts: DraftEmbed[] = [
    { title: shown(m.shared), color: NEUTRAL_COLOR, description: lines(shared.flatMap(sourceLines)), fields: [] },
    { title: shown(m.server), color: NEUTRAL_COLOR, description: lines(server.length > 0 ? server.flatMap(sourceLines) : [m.none]), fields: [] },
  ];
  return composedReply(drafts.slice(0, MESSAGE.EMBEDS_MAX), [], true);
}

/** The outlet just added, in its colour. */
export function sourceAddedReply(s: ListedSource, ctx: ModerationRenderContext): DiscordReply {
  const m = moderationMessages(ctx.locale).sources;
  return composedReply([{ description: shown(m.added(s.short)), color: parseHexColor(s.color) ?? NEUTRAL_COLOR, fields: [{ name: shown(s.name), value: lines(sourceLines(s)) }] }], [], true);
}
