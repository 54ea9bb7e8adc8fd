/**
 * `/gaps` (`/lacunes`) and its Export button: the server's unanswered questions and down-voted
 * answers, read from the store by the moderation service.
 */
import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import { gapsExportReply, gapsReply } from '../render/gaps.js';
import { answerWithin } from '../respond.js';
import { deferOption, type ActionScope, type ActionServed, type ModerationContext } from './context.js';

/** `/gaps`: the two lists, privately. */
export async function gapsList(i: ChatInputCommandInteraction, ctx: ModerationContext, s: ActionScope): Promise<ActionServed> {
  const ack = await answerWithin(i, { mode: 'reply', ephemeral: true, receivedAt: s.receivedAt, ...deferOption(ctx) }, async () => gapsReply(await ctx.service.gaps(s.guildId), s.locale));
  return { ...ack, action: 'gaps:list' };
}

/** Export under `/gaps`: both lists as files, read again (as they are now). */
export async function gapsExport(i: ButtonInteraction, ctx: ModerationContext, s: ActionScope): Promise<ActionServed> {
  const ack = await answerWithin(i, { mode: 'reply', ephemeral: true, receivedAt: s.receivedAt, ...deferOption(ctx) }, async () => gapsExportReply(await ctx.service.gaps(s.guildId), s.locale));
  return { ...ack, action: 'gaps:export' };
}
