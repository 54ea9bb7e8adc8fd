/**
 * Where the router hands every moderator interaction: `/article` and `/source`, their
 * autocomplete, the buttons of previews, confirmations and lists, and every form submit. Each is
 * checked first (a server that installed the bot, a member with Manage Messages or Administrator,
 * a bot with a moderation service), whatever kind it is: a refusal is a short ephemeral message
 * (no suggestions, for autocomplete), thrown for the error boundary to word.
 */
import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, Interaction, ModalSubmitInteraction } from 'discord.js';
import type { Logger } from '../logger.js';
import { respondChoices } from '../respond.js';
import type { Choice } from '../autocomplete.js';
import { articleAdd, cancelDraft, editDraftForm, editSubmit, pasteSubmit, publishDraft } from './article-add.js';
import { articleList, articleRemove, keepArticle, removeArticle } from './article-manage.js';
import { articleChoices, outletChoices } from './complete.js';
import { gapsExport, gapsList } from './gaps.js';
import { scopeOf, type ActionServed, type ModerationContext } from './context.js';
import { decodeModerationButton, decodeModerationModal } from './custom-ids.js';
import { GAPS, isModeratorCommand, moderatorAction } from './definitions.js';
import { moderatorContext, moderatorRefusal } from './permission.js';
import { ModeratorRefusal } from './refusal.js';
import { sourceAdd, sourceList, sourceSubmit } from './sources.js';

/** Whether an interaction is a moderator's: the router sends those here, and only those. */
export function isModeration(i: Interaction): boolean {
  if (i.isChatInputCommand() || i.isAutocomplete()) return isModeratorCommand(i.commandName);
  if (i.isButton()) return decodeModerationButton(i.customId) !== undefined;
  // Every form the bot shows is a moderator's.
  return i.isModalSubmit();
}

/** The context, once the interaction is allowed; throws the refusal otherwise. */
function allowed(i: Interaction, ctx: ModerationContext | undefined): ModerationContext {
  const refusal = moderatorRefusal(moderatorContext(i));
  if (refusal) throw new ModeratorRefusal(refusal);
  if (!ctx) throw new ModeratorRefusal('unavailable');
  return ctx;
}

/** Handles one moderator interaction (see {@link isModeration}); `undefined` for autocomplete, which sends no message. */
export async function handleModeration(i: Interaction, ctx: ModerationContext | undefined, receivedAt: number, log: Logger): Promise<ActionServed | undefined> {
  if (i.isAutocomplete()) {
    await complete(i, ctx, log);
    return undefined;
  }
  const c = allowed(i, ctx);
  const scope = scopeOf(i, c, receivedAt);
  if (i.isChatInputCommand()) return slash(i, c, scope);
  if (i.isButton()) return button(i, c, scope);
  if (i.isModalSubmit()) return submit(i, c, scope);
  throw new ModeratorRefusal('unknown-action');
}

function slash(i: ChatInputCommandInteraction, ctx: ModerationContext, s: ReturnType<typeof scopeOf>): Promise<ActionServed> {
  if (i.commandName === GAPS) return gapsList(i, ctx, s);
  const action = moderatorAction(i.commandName, i.options.getSubcommand(false));
  if (action?.command === 'article') {
    if (action.subcommand === 'add') return articleAdd(i, ctx, s);
    if (action.subcommand === 'remove') return articleRemove(i, ctx, s);
    return articleList(i, 0, ctx, s);
  }
  if (action?.command === 'source') return action.subcommand === 'add' ? sourceAdd(i, s) : sourceList(i, ctx, s);
  throw new ModeratorRefusal('unknown-action', i.commandName);
}

function button(i: ButtonInteraction, ctx: ModerationContext, s: ReturnType<typeof scopeOf>): Promise<ActionServed> {
  const b = decodeModerationButton(i.customId);
  switch (b?.kind) {
    case 'publish':
      return publishDraft(i, b.draftId, ctx, s);
    case 'edit':
      return editDraftForm(i, b.draftId, ctx, s);
    case 'cancel':
      return cancelDraft(i, b.draftId, ctx, s);
    case 'remove':
      return removeArticle(i, b.article, ctx, s);
    case 'keep':
      return keepArticle(i, b.article, ctx, s);
    case 'list-page':
      return articleList(i, b.page, ctx, s);
    case 'gaps-export':
      return gapsExport(i, ctx, s);
    case undefined:
      throw new ModeratorRefusal('unknown-action');
  }
}

function submit(i: ModalSubmitInteraction, ctx: ModerationContext, s: ReturnType<typeof scopeOf>): Promise<ActionServed> {
  const form = decodeModerationModal(i.customId);
  switch (form?.kind) {
    case 'paste':
      return pasteSubmit(i, ctx, s);
    case 'edit':
      return editSubmit(i, form.draftId, ctx, s);
    case 'source':
      return sourceSubmit(i, form.color, ctx, s);
    case undefined:
      throw new ModeratorRefusal('unknown-action');
  }
}

/** Suggestions for `/article remove article:` and `/article add outlet:`; none for anyone not allowed. */
async function complete(i: AutocompleteInteraction, ctx: ModerationContext | undefined, log: Logger): Promise<void> {
  let choices: Choice[] = [];
  try {
    const c = allowed(i, ctx);
    const focused = i.options.getFocused(true);
    const guildId = i.guildId ?? '';
    const sub = i.options.getSubcommand(false);
    if (i.commandName === 'article' && sub === 'remove' && focused.name === 'article') choices = articleChoices(c.service, guildId, String(focused.value));
    else if (i.commandName === 'article' && sub === 'add' && focused.name === 'outlet') choices = await outletChoices(c.service, guildId, String(focused.value));
  } catch (error) {
    // A refusal (or a bug) answers "no suggestions": autocomplete shows no message.
    if (error instanceof ModeratorRefusal) log.info({ code: error.code }, 'autocomplete refused');
    else log.warn({ err: error }, 'moderator autocomplete failed');
  }
  await respondChoices(i, choices);
}
