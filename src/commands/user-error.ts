/**
 * The one error a user may see: a stable code (shown with the message, for support, and the key
 * of the message in both languages in `render/messages.ts`) and a detail for the logs. Thrown by
 * the command table (unknown command, missing argument) and by the surfaces (Discord's option
 * validation, stale buttons); everything else is a bug, logged and never shown as such.
 */

/** Every code, in one list: the catalogue must word each one in English and French. */
export const USER_ERROR_CODES = [
  'empty-query',
  'query-too-long',
  'invalid-input',
  'missing-argument',
  'unknown-command',
  'empty-message',
  'expired-button',
  'stale-button',
  'unknown-button',
  'unknown-paragraph',
] as const;

/** A stable code of {@link UserError}. */
export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

/** A problem the user can fix (or at least understand); shown to them, never logged as an error. */
export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    /** What was wrong (a command name, a maximum): for the logs and the messages that quote it. */
    readonly detail = '',
  ) {
    super(`recoupe: ${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'UserError';
  }
}
