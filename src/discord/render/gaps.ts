/**
 * `/gaps` for moderators: the server's most asked questions answered "no evidence" and its most
 * down-voted answers, with their counts, and an Export button for both lists as files. Ephemeral,
 * through `composedReply` and `filesReply` like every moderator message.
 */
import { ButtonStyle, ComponentType } from 'discord.js';
import { gapsCsv, gapsMarkdown } from '../../render/gaps-export.js';
import { moderationMessages } from '../../render/moderation-messages.js';
import type { Locale } from '../../render/messages.js';
import type { Gaps } from '../../store/types.js';
import { encodeModerationButton } from '../moderation/custom-ids.js';
import type { DraftField } from './fit.js';
import { timestamp } from './moderation-preview.js';
import { composedReply, filesReply, noticeReply, type ButtonRow, type DiscordReply } from './payload.js';
import { NEUTRAL_COLOR, lines, shown } from './pieces.js';

/** The two lists, one field per question or answer; a short notice when both are empty. */
export function gapsReply(gaps: Gaps, locale: Locale): DiscordReply {
  const m = moderationMessages(locale).gaps;
  if (gaps.unanswered.length === 0 && gaps.downVoted.length === 0) return noticeReply(m.empty);
  const fields: DraftField[] = [
    ...(gaps.unanswered.length === 0
      ? [{ name: shown(m.unanswered), value: shown(m.noUnanswered) }]
      : gaps.unanswered.map((q, n) => ({ name: n === 0 ? shown(m.unanswered) : shown('\u200b'), value: lines([m.asked(q.count, q.command, q.query), timestamp(q.lastAskedAt)]) }))),
    ...(gaps.downVoted.length === 0
      ? [{ name: shown(m.downVoted), value: shown(m.noDownVoted) }]
      : gaps.downVoted.map((a, n) => ({ name: n === 0 ? shown(m.downVoted) : shown('\u200b'), value: lines([m.votes(a.down, a.up, a.command, a.query), m.excerpts(a.excerpts.length)]) }))),
  ];
  const row: ButtonRow = { type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: m.exportButton, custom_id: encodeModerationButton({ kind: 'gaps-export' }) }] };
  return composedReply([{ title: shown(m.title), color: NEUTRAL_COLOR, fields }], [row], true);
}

/** The Export button of `/gaps`: both lists as `recoupe-gaps.md` and `recoupe-gaps.csv`. */
export function gapsExportReply(gaps: Gaps, locale: Locale): DiscordReply {
  const encode = (text: string) => new TextEncoder().encode(text);
  return filesReply(moderationMessages(locale).gaps.exported, [
    { name: 'recoupe-gaps.md', data: encode(gapsMarkdown(gaps, locale)) },
    { name: 'recoupe-gaps.csv', data: encode(gapsCsv(gaps)) },
  ]);
}
