/**
 * The one error boundary around every interaction. A user error (a `UserError`, a moderator's
 * action refused by the service, `ModerationError`, or by the adapter, `ModeratorRefusal`) gets a
 * short ephemeral message in the user's language with its stable code; `10062` (token dead) and `40060` (already
 * answered) are logged at warn and dropped: never retried, the process never crashes on them;
 * anything else is logged with a short id, and the user gets an apology quoting that id.
 */
import { randomBytes } from 'node:crypto';
import { DiscordAPIError, type Interaction } from 'discord.js';
import { ModerationError } from '../moderation/types.js';
import { localeOf, messages, type Locale } from '../render/messages.js';
import { moderationErrorText, moderatorRefusalText } from '../render/moderation-messages.js';
import { ModeratorRefusal } from './moderation/refusal.js';
import { noticeReply } from './render/payload.js';
import { UserError } from '../commands/user-error.js';
import { API_ERROR } from './limits.js';
import type { Logger } from './logger.js';
import { respondChoices, send } from './respond.js';

/** How an interaction ended, for the logs and the metrics. */
export type Outcome = 'answered' | 'deferred' | 'user-error' | 'cooldown' | 'discord-error' | 'error';

/**
 * The message for a user error as Discord shows it: in the user's language, with its code for
 * support (`That is too long… [query-too-long]`).
 */
export function userErrorText(error: UserError | ModerationError | ModeratorRefusal, locale: Locale): string {
  if (error instanceof ModerationError) return moderationErrorText(error.code, error.detail, locale);
  if (error instanceof ModeratorRefusal) return moderatorRefusalText(error.code, error.detail, locale);
  return `${messages(locale).errors[error.code](error.detail)} [${error.code}]`;
}

/** Whether an error is one the user is told about in words (not a bug). */
function isUserFacing(error: unknown): error is UserError | ModerationError | ModeratorRefusal {
  return error instanceof UserError || error instanceof ModerationError || error instanceof ModeratorRefusal;
}

/** A short id to quote to the user and find in the logs: 8 hex digits. */
export function errorId(): string {
  return randomBytes(4).toString('hex');
}

/** Whether an error is Discord's "this interaction is gone or already answered": nothing more can be sent on it. */
export function isDeadInteraction(error: unknown): error is DiscordAPIError {
  return error instanceof DiscordAPIError && (error.code === API_ERROR.UNKNOWN_INTERACTION || error.code === API_ERROR.ALREADY_ACKNOWLEDGED);
}

/**
 * Handles whatever `run` threw for an interaction, and says how it ended. Never throws itself:
 * failing to send the error message is logged, nothing else.
 */
export async function handleFailure(interaction: Interaction, error: unknown, log: Logger): Promise<Outcome> {
  if (isDeadInteraction(error)) {
    log.warn({ err: error, code: error.code }, 'interaction no longer answerable (not retried)');
    return 'discord-error';
  }
  if (isUserFacing(error)) {
    log.info({ code: error.code }, 'user error');
    await tell(interaction, error, undefined, log);
    return 'user-error';
  }
  const id = errorId();
  log.error({ err: error, errorId: id }, 'interaction failed');
  await tell(interaction, undefined, id, log);
  return 'error';
}

/** Sends the user error or the apology, ephemerally when it is still possible; autocomplete gets no choices. */
async function tell(interaction: Interaction, userError: UserError | ModerationError | ModeratorRefusal | undefined, id: string | undefined, log: Logger): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await respondChoices(interaction, []);
      return;
    }
    if (!interaction.isChatInputCommand() && !interaction.isMessageContextMenuCommand() && !interaction.isButton() && !interaction.isModalSubmit()) return;
    const locale = localeOf(interaction.locale);
    const text = userError ? userErrorText(userError, locale) : messages(locale).discord.internalError(id ?? '');
    await send(interaction, noticeReply(text, true));
  } catch (sendError) {
    // The interaction may have died meanwhile (10062) or been answered elsewhere (40060): log, do not retry.
    log.warn({ err: sendError, errorId: id }, 'could not tell the user about an error');
  }
}
