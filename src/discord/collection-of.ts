/**
 * Which collection answers an interaction. A server's own articles are answered in that server
 * only, and only where the server installed the bot: `authorizing_integration_owners` names the
 * server for a guild install. A DM with the bot, a private channel (reached through a user
 * install), and a user install used in a server that did not install the bot are answered from
 * the shared collection: a member there did not choose that server's moderators as a source, and
 * the moderators did not publish for them.
 */
import type { Interaction } from 'discord.js';

/** The server whose collection answers, or `null` for the shared collection. */
export function collectionOf(i: Pick<Interaction, 'guildId' | 'authorizingIntegrationOwners'>): string | null {
  const installedBy = i.authorizingIntegrationOwners.guildId;
  return i.guildId !== null && installedBy === i.guildId ? i.guildId : null;
}
