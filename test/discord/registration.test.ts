/**
 * Registration only when needed: what Discord returns (with its ids, versions and defaults)
 * compares equal to the definitions; any real change is sent as one bulk overwrite.
 */
import { readFileSync } from 'node:fs';
import type { REST } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { EVERYWHERE, commandDefinitions } from '../../src/discord/commands.js';
import { silentLogger } from '../../src/discord/logger.js';
import { fingerprint, syncCommands } from '../../src/discord/registration.js';

type Raw = Record<string, unknown>;

/** An option as Discord returns it: `false` flags left out, subcommands' options too. */
function asDiscordStoresOption(o: Raw): Raw {
  const kept = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== false));
  return Array.isArray(o.options) ? { ...kept, options: (o.options as Raw[]).map(asDiscordStoresOption) } : kept;
}

/** The definitions as Discord returns them: ids and versions added, defaults filled, `false` flags left out. */
function asDiscordStoresThem(defs: Raw[]): Raw[] {
  return defs.map((d, i) => ({
    ...d,
    id: `11800000000000010${i}`,
    application_id: '1180000000000000001',
    guild_id: '1180000000000000100',
    version: '1180000000000000999',
    description: d.description ?? '',
    default_member_permissions: d.default_member_permissions ?? null,
    nsfw: false,
    contexts: d.contexts ?? null,
    integration_types: d.integration_types ?? [0],
    options: (d.options as Raw[] | undefined)?.map(asDiscordStoresOption),
  }));
}

function fakeRest(current: Raw[]) {
  const calls: Array<{ method: string; route: string; query?: string; body?: unknown }> = [];
  const rest = {
    get: async (route: string, options?: { query?: URLSearchParams }) => {
      calls.push({ method: 'GET', route, query: options?.query?.toString() });
      return current;
    },
    put: async (route: string, options: { body: unknown }) => {
      calls.push({ method: 'PUT', route, body: options.body });
      return options.body;
    },
  };
  return { rest: rest as unknown as REST, calls };
}

const target = { applicationId: '1180000000000000001', guildId: '1180000000000000100' };

describe('syncCommands', () => {
  it('GIVEN Discord already has the definitions WHEN syncing THEN it only reads, with localisations', async () => {
    const { rest, calls } = fakeRest(asDiscordStoresThem(commandDefinitions() as unknown as Raw[]).reverse());
    expect(await syncCommands(rest, target, silentLogger())).toBe('unchanged');
    expect(calls).toEqual([{ method: 'GET', route: '/applications/1180000000000000001/guilds/1180000000000000100/commands', query: 'with_localizations=true' }]);
  });

  it('GIVEN Discord holds what the bot registered before the command table (the snapshot) THEN those commands differ only by where they can be installed and used', () => {
    const before = JSON.parse(readFileSync('test/discord/fixtures/commands.snapshot.json', 'utf8')) as Raw[];
    const names = new Set(before.map((c) => c.name));
    const same = (commandDefinitions() as unknown as Raw[]).filter((c) => names.has(c.name));
    // Registered before user installs: guild install only, which Discord stores as `[0]` and `null`; re-sent once.
    expect(fingerprint(asDiscordStoresThem(before))).not.toBe(fingerprint(same));
    expect(fingerprint(asDiscordStoresThem(before.map((c) => ({ ...c, ...EVERYWHERE }))))).toBe(fingerprint(same));
  });

  it('THEN every command members ask with is installable by servers and users and usable in servers, DMs and private channels; the moderators’ only in servers that installed the bot', () => {
    const all = commandDefinitions({ moderation: true }) as unknown as Raw[];
    const moderators = new Set(['article', 'source', 'gaps']);
    for (const c of all.filter((d) => !moderators.has(d.name as string))) expect({ name: c.name, integration_types: c.integration_types, contexts: c.contexts }).toEqual({ name: c.name, integration_types: [0, 1], contexts: [0, 1, 2] });
    for (const c of all.filter((d) => moderators.has(d.name as string))) expect({ name: c.name, integration_types: c.integration_types, contexts: c.contexts }).toEqual({ name: c.name, integration_types: [0], contexts: [0] });
    expect(all.filter((d) => moderators.has(d.name as string))).toHaveLength(3);
  });

  it('GIVEN nothing is registered WHEN syncing THEN all definitions are sent in one bulk overwrite', async () => {
    const { rest, calls } = fakeRest([]);
    expect(await syncCommands(rest, target, silentLogger())).toBe('registered');
    expect(calls.map((c) => c.method)).toEqual(['GET', 'PUT']);
    expect(calls[1]?.body).toEqual(commandDefinitions());
  });

  it('GIVEN one French description differs WHEN syncing THEN the definitions are sent again', async () => {
    const stored = asDiscordStoresThem(commandDefinitions() as unknown as Raw[]);
    stored[0] = { ...stored[0], description_localizations: { fr: 'Ancienne description' } };
    const { rest, calls } = fakeRest(stored);
    expect(await syncCommands(rest, target, silentLogger())).toBe('registered');
    expect(calls.at(-1)?.method).toBe('PUT');
  });

  it('GIVEN no guild WHEN syncing THEN global commands are used', async () => {
    const { rest, calls } = fakeRest([]);
    await syncCommands(rest, { applicationId: '1' }, silentLogger());
    expect(calls.map((c) => c.route)).toEqual(['/applications/1/commands', '/applications/1/commands']);
  });

  it('GIVEN force WHEN syncing THEN it overwrites without reading', async () => {
    const { rest, calls } = fakeRest([]);
    await syncCommands(rest, target, silentLogger(), true);
    expect(calls.map((c) => c.method)).toEqual(['PUT']);
  });

  it('GIVEN the same commands in another order with other keys WHEN fingerprinted THEN they are equal', () => {
    const defs = commandDefinitions() as unknown as Raw[];
    expect(fingerprint(asDiscordStoresThem(defs))).toBe(fingerprint([...defs].reverse()));
  });

  it('GIVEN Discord has every command but the moderators’ WHEN syncing with moderation THEN they are registered; once there, nothing is sent', async () => {
    const without = asDiscordStoresThem(commandDefinitions() as unknown as Raw[]);
    const first = fakeRest(without);
    expect(await syncCommands(first.rest, target, silentLogger(), false, { moderation: true })).toBe('registered');
    expect((first.calls[1]?.body as Raw[]).map((c) => c.name).slice(-3)).toEqual(['article', 'source', 'gaps']);
    const all = asDiscordStoresThem(commandDefinitions({ moderation: true }) as unknown as Raw[]);
    const again = fakeRest(all);
    expect(await syncCommands(again.rest, target, silentLogger(), false, { moderation: true })).toBe('unchanged');
    // And a bot without moderation takes them away again.
    expect(await syncCommands(fakeRest(all).rest, target, silentLogger())).toBe('registered');
  });

  it('GIVEN the moderators’ permissions or contexts changed on Discord’s side WHEN syncing THEN the definitions are sent again', async () => {
    const all = asDiscordStoresThem(commandDefinitions({ moderation: true }) as unknown as Raw[]);
    for (const change of [{ default_member_permissions: null }, { contexts: [0, 1] }, { integration_types: [0, 1] }]) {
      const stored = all.map((c) => (c.name === 'article' ? { ...c, ...change } : c));
      expect(await syncCommands(fakeRest(stored).rest, target, silentLogger(), false, { moderation: true })).toBe('registered');
    }
  });
});
