/**
 * Who may run the moderators' commands, checked on every interaction (slash command, button,
 * form, autocomplete): `default_member_permissions` only hides the commands by default, server
 * admins can open them to any role or channel, and a button on an old message or a crafted
 * interaction never went through the registration at all. The check reads what the interaction
 * itself carries: the member's permissions in this channel (`member.permissions`, computed by
 * Discord) and the server that installed the bot.
 */
import type { Interaction } from 'discord.js';
import type { ModeratorRefusalCode } from '../../render/moderation-messages.js';
import { PERMISSION } from '../limits.js';

/** What the check reads of an interaction, as plain data. */
export interface ModeratorContext {
  /** The interaction comes from a server, with a member (`inGuild()`). */
  readonly inGuild: boolean;
  /** The server the interaction comes from. */
  readonly guildId: string | null;
  /** The server that installed the bot, as `authorizing_integration_owners` says (guild install). */
  readonly installedBy: string | undefined;
  /** `member.permissions` as a bit set; `null` outside a server. */
  readonly permissions: bigint | null;
}

/** Manage Messages, or Administrator (which Discord treats as every permission). */
export function isModerator(permissions: bigint | null): boolean {
  if (permissions === null) return false;
  return (permissions & PERMISSION.ADMINISTRATOR) !== 0n || (permissions & PERMISSION.MANAGE_MESSAGES) !== 0n;
}

/**
 * Why a moderator action is refused, or `undefined` when it may go on: `not-in-guild` outside a
 * server that installed the bot (a DM, or a user install in someone else's server, where a server
 * collection means nothing), `not-moderator` without Manage Messages or Administrator.
 */
export function moderatorRefusal(c: ModeratorContext): ModeratorRefusalCode | undefined {
  if (!c.inGuild || c.guildId === null || c.installedBy !== c.guildId) return 'not-in-guild';
  if (!isModerator(c.permissions)) return 'not-moderator';
  return undefined;
}

/** The plain data {@link moderatorRefusal} reads, from a discord.js interaction. */
export function moderatorContext(i: Interaction): ModeratorContext {
  return {
    inGuild: i.inGuild(),
    guildId: i.guildId,
    installedBy: i.authorizingIntegrationOwners.guildId ?? undefined,
    permissions: i.memberPermissions?.bitfield ?? null,
  };
}
