/**
 * Who may moderate: read from what each interaction carries (the member's permissions in the
 * channel, the server that installed the bot), never from the registration alone.
 */
import { describe, expect, it } from 'vitest';
import { PermissionFlagsBits } from 'discord.js';
import { isModerator, moderatorRefusal, type ModeratorContext } from '../../../src/discord/moderation/permission.js';
import { PERMISSION } from '../../../src/discord/limits.js';

const GUILD = '1180000000000000100';
const member = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.UseApplicationCommands;
const inServer = (permissions: bigint | null, over: Partial<ModeratorContext> = {}): ModeratorContext => ({ inGuild: true, guildId: GUILD, installedBy: GUILD, permissions, ...over });

describe('isModerator', () => {
  it('GIVEN Manage Messages, or Administrator alone THEN yes; GIVEN neither, or no permissions at all THEN no', () => {
    expect(isModerator(member | PermissionFlagsBits.ManageMessages)).toBe(true);
    expect(isModerator(PermissionFlagsBits.Administrator)).toBe(true);
    expect(isModerator(member | PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ManageChannels)).toBe(false);
    expect(isModerator(0n)).toBe(false);
    expect(isModerator(null)).toBe(false);
  });

  it('THEN the bits are Discord’s: Manage Messages 1 << 13 (8192, what the commands register with), Administrator 1 << 3', () => {
    expect([PERMISSION.MANAGE_MESSAGES, PERMISSION.ADMINISTRATOR]).toEqual([PermissionFlagsBits.ManageMessages, PermissionFlagsBits.Administrator]);
    expect(PERMISSION.MANAGE_MESSAGES.toString()).toBe('8192');
  });
});

describe('moderatorRefusal', () => {
  it('GIVEN a moderator in a server that installed the bot THEN nothing is refused', () => {
    expect(moderatorRefusal(inServer(member | PermissionFlagsBits.ManageMessages))).toBeUndefined();
    expect(moderatorRefusal(inServer(PermissionFlagsBits.Administrator))).toBeUndefined();
  });

  it('GIVEN a member without the permission (a forged interaction, a widened registration) THEN not-moderator', () => {
    expect(moderatorRefusal(inServer(member))).toBe('not-moderator');
    expect(moderatorRefusal(inServer(null))).toBe('not-moderator');
  });

  it('GIVEN a DM, or a user install in a server that did not install the bot THEN not-in-guild, whatever the permissions', () => {
    const all = PermissionFlagsBits.Administrator | PermissionFlagsBits.ManageMessages;
    expect(moderatorRefusal({ inGuild: false, guildId: null, installedBy: undefined, permissions: null })).toBe('not-in-guild');
    expect(moderatorRefusal(inServer(all, { installedBy: undefined }))).toBe('not-in-guild');
    expect(moderatorRefusal(inServer(all, { installedBy: '1180000000000000999' }))).toBe('not-in-guild');
    expect(moderatorRefusal(inServer(all, { inGuild: false }))).toBe('not-in-guild');
  });
});
