/**
 * A draft as the moderator sees it before publishing (an embed with Publish, Edit details and
 * Cancel; Components V1), and what the message becomes once published or cancelled. Every text
 * from the article or the input is third-party text: escaped, mentions broken, cut at a word.
 */
import { ButtonStyle, ComponentType, type APIButtonComponentWithCustomId } from 'discord.js';
import type { ArticleListing, DraftPreview } from '../../moderation/types.js';
import { formatDay } from '../../render/format.js';
import type { Locale } from '../../render/messages.js';
import { moderationMessages } from '../../render/moderation-messages.js';
import { encodeModerationButton } from '../moderation/custom-ids.js';
import type { DraftField } from './fit.js';
import { composedReply, noticeReply, type ButtonRow, type DiscordReply } from './payload.js';
import { NEUTRAL_COLOR, lines, shown, unformatted, type Line } from './pieces.js';
import { cutPlain } from './safe-text.js';

/** Removed pieces listed one per line, then "and N more". */
const REMOVED_SHOWN = 8;
/** Characters of a removed piece shown: enough to recognise it. */
const REMOVED_TEXT_MAX = 80;

/** What rendering a moderator's message needs besides its data. */
export interface ModerationRenderContext {
  readonly locale: Locale;
  /** An outlet's embed colour, by source id, from the engine of the server. */
  readonly colorOf: (sourceId: string) => number | undefined;
}

/** A Discord timestamp (`<t:…:R>`, shown by each client in its language): our own syntax, never escaped. */
export function timestamp(iso: string, style: 'R' | 'f' = 'R'): Line {
  const seconds = Math.floor(Date.parse(iso) / 1_000);
  return Number.isFinite(seconds) ? { rendered: `<t:${seconds}:${style}>` } : iso;
}

function field(name: string, value: Line[] | string, inline = false): DraftField {
  return { name: shown(name), value: lines(typeof value === 'string' ? [value] : value), inline };
}

function button(style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger, label: string, custom_id: string, disabled = false): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, style, label, custom_id, ...(disabled ? { disabled: true } : {}) };
}

/** The preview of a draft, ephemeral, with its three buttons (Publish off when the article is a duplicate). */
export function previewReply(p: DraftPreview, ctx: ModerationRenderContext): DiscordReply {
  const m = moderationMessages(ctx.locale).preview;
  const removed = p.removed.slice(0, REMOVED_SHOWN).map((r) => `${r.reason}: ${cutPlain(r.text.replace(/\s+/gu, ' ').trim(), REMOVED_TEXT_MAX)}`);
  if (p.removed.length > REMOVED_SHOWN) removed.push(`+${p.removed.length - REMOVED_SHOWN}`);
  const related = (r: NonNullable<DraftPreview['syndicationOf']>) => `${r.outlet}: ${r.title} (${r.articleId}, ${m.collection[r.collection]})`;
  const fields: DraftField[] = [
    field(m.outlet, `${p.outlet.short} — ${p.outlet.name}`, true),
    field(m.date, formatDay(p.published, ctx.locale), true),
    field(m.language, p.language, true),
    field(m.paragraphs, String(p.paragraphCount), true),
    field(m.removed(p.removed.length), removed.length > 0 ? removed : [m.nothingRemoved]),
    ...(p.duplicate ? [field(m.duplicate, related(p.duplicate))] : []),
    ...(p.syndicationOf ? [field(m.syndication, related(p.syndicationOf))] : []),
    ...(p.warnings.length > 0 ? [field(m.warnings, [...p.warnings])] : []),
    ...(p.notes.length > 0 ? [field(m.notes, [...p.notes])] : []),
    field(m.expires, [timestamp(p.expiresAt, 'f'), timestamp(p.expiresAt)]),
  ];
  const draft = {
    author: unformatted(m.author),
    title: shown(p.title),
    description: lines(p.firstParagraphs.map((t) => `¶ ${t}`)),
    color: ctx.colorOf(p.outlet.id) ?? NEUTRAL_COLOR,
    fields,
  };
  const row: ButtonRow = {
    type: ComponentType.ActionRow,
    components: [
      button(ButtonStyle.Success, m.publishButton, encodeModerationButton({ kind: 'publish', draftId: p.draftId }), p.duplicate !== undefined),
      button(ButtonStyle.Secondary, m.editButton, encodeModerationButton({ kind: 'edit', draftId: p.draftId })),
      button(ButtonStyle.Danger, m.cancelButton, encodeModerationButton({ kind: 'cancel', draftId: p.draftId })),
    ],
  };
  return composedReply([draft], [row], true);
}

/** What the preview becomes once published: answerable now, with the article id; no buttons left. */
export function publishedReply(a: ArticleListing, ctx: ModerationRenderContext, sourceId: string): DiscordReply {
  const m = moderationMessages(ctx.locale);
  return composedReply(
    [
      {
        description: shown(m.published(a.title)),
        color: ctx.colorOf(sourceId) ?? NEUTRAL_COLOR,
        fields: [
          field(m.articleId, a.articleId),
          field(m.preview.outlet, a.outlet, true),
          field(m.preview.date, formatDay(a.published, ctx.locale), true),
          field(m.preview.paragraphs, String(a.paragraphCount), true),
        ],
      },
    ],
    [],
    true,
  );
}

/** What the preview becomes once cancelled. */
export function cancelledReply(locale: Locale): DiscordReply {
  return noticeReply(moderationMessages(locale).cancelled);
}
