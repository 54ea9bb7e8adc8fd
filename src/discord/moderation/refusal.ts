/**
 * The surface's own refusal of a moderator's action (not a moderator, not in a server, a file that
 * is not Discord's or not text…), thrown before the service is asked. The error boundary words it
 * with `src/render/moderation-messages.ts`, like the service's `ModerationError`.
 */
import type { ModeratorRefusalCode } from '../../render/moderation-messages.js';

/** A refused moderator action, with a stable code and what it is about (a limit, a file's type). */
export class ModeratorRefusal extends Error {
  constructor(
    readonly code: ModeratorRefusalCode,
    readonly detail = '',
  ) {
    super(`recoupe: ${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'ModeratorRefusal';
  }
}
