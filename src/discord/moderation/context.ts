/**
 * What every moderator action needs: the service, the engines (for outlet colours), the memo of
 * drafts for Edit details, the environment (the fetch's test-only allow list) and the deferral
 * setting; and what each action learns of its interaction (server, moderator, language).
 */
import type { Interaction } from 'discord.js';
import type { EngineSource } from '../../live/engine-source.js';
import type { Actor, ModerationService } from '../../moderation/types.js';
import { localeOf, type Locale } from '../../render/messages.js';
import { colorsOf } from '../colors.js';
import type { ModerationRenderContext } from '../render/moderation-preview.js';
import type { Acknowledged } from '../respond.js';
import type { DraftMemo } from './draft-memo.js';

/** What the moderator actions share, for the whole life of the bot. */
export interface ModerationContext {
  readonly service: ModerationService;
  readonly engines: EngineSource;
  readonly memo: DraftMemo;
  /** Where `RECOUPE_FETCH_ALLOW` is read (attachments in tests). */
  readonly env: NodeJS.ProcessEnv;
  /** See `answerWithin` (0: defer before any work, as the router asks when it is busy). */
  readonly deferAfterMs?: number;
}

/** One moderator action's interaction, read once: the server (checked to be one), who acts, in what language. */
export interface ActionScope {
  readonly guildId: string;
  readonly actor: Actor;
  readonly locale: Locale;
  readonly render: ModerationRenderContext;
  /** `performance.now()` when the interaction arrived. */
  readonly receivedAt: number;
}

/** How an action was acknowledged, and which action it was (for the log line). */
export type ActionServed = Acknowledged & { readonly action: string };

/** The scope of an interaction already checked to come from a server (`permission.ts`). */
export function scopeOf(i: Interaction, ctx: ModerationContext, receivedAt: number): ActionScope {
  const guildId = i.guildId ?? '';
  const locale = localeOf(i.locale);
  return {
    guildId,
    // The name `/article list` shows: the person's display name, not a mention.
    actor: { id: i.user.id, name: i.user.displayName },
    locale,
    render: { locale, colorOf: colorsOf(ctx.engines.engineFor(guildId)) },
    receivedAt,
  };
}

/** `answerWithin`'s deferral option for this context. */
export function deferOption(ctx: ModerationContext): { deferAfterMs?: number } {
  return ctx.deferAfterMs !== undefined ? { deferAfterMs: ctx.deferAfterMs } : {};
}
