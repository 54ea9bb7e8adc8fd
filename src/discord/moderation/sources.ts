/**
 * `/source add` (the colour as the option, the rest in a form, then the outlet added) and
 * `/source list` (the shared outlets and the server's).
 */
import type { ChatInputCommandInteraction, ModalSubmitInteraction } from 'discord.js';
import { ModerationError } from '../../moderation/types.js';
import { sourceAddedReply, sourcesListReply } from '../render/moderation-lists.js';
import { answerWithin, showModal } from '../respond.js';
import { submitted } from './article-add.js';
import { deferOption, type ActionScope, type ActionServed, type ModerationContext } from './context.js';
import { FIELD, sourceForm } from './forms.js';

/** `#c0392b`, `C0392B` → `#C0392B`; `undefined` for anything else. */
export function readColour(typed: string): string | undefined {
  const hex = typed.trim().replace(/^#/u, '').toUpperCase();
  return /^[0-9A-F]{6}$/u.test(hex) ? `#${hex}` : undefined;
}

/** `/source add colour:<#RRGGBB>`: the form for the rest, once the colour is known to be one. */
export async function sourceAdd(i: ChatInputCommandInteraction, s: ActionScope): Promise<ActionServed> {
  const colour = readColour(i.options.getString('colour', true));
  // The service would refuse it too, but only after the moderator filled in the whole form.
  if (!colour) throw new ModerationError('bad-source', 'colour: expected #RRGGBB');
  await showModal(i, sourceForm(colour, s.locale));
  return { ackMs: performance.now() - s.receivedAt, deferred: false, action: 'source:add:form' };
}

/** The new outlet form's submit: the outlet added to the server's collection. */
export async function sourceSubmit(i: ModalSubmitInteraction, color: string, ctx: ModerationContext, s: ActionScope): Promise<ActionServed> {
  const url = submitted(i, FIELD.homepage);
  const fields = {
    name: submitted(i, FIELD.name) ?? '',
    short: submitted(i, FIELD.short) ?? '',
    kind: submitted(i, FIELD.kind) ?? '',
    ownership: submitted(i, FIELD.ownership) ?? '',
    color,
    ...(url ? { url } : {}),
  };
  const ack = await answerWithin(i, { mode: 'reply', ephemeral: true, receivedAt: s.receivedAt, ...deferOption(ctx) }, async () => sourceAddedReply(await ctx.service.addSource(s.guildId, fields, s.actor), s.render));
  return { ...ack, action: 'source:add' };
}

/** `/source list`. */
export async function sourceList(i: ChatInputCommandInteraction, ctx: ModerationContext, s: ActionScope): Promise<ActionServed> {
  const ack = await answerWithin(i, { mode: 'reply', ephemeral: true, receivedAt: s.receivedAt, ...deferOption(ctx) }, async () => sourcesListReply(await ctx.service.sources(s.guildId), s.render));
  return { ...ack, action: 'source:list' };
}
