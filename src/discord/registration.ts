/**
 * Command registration, only when needed: fetch what Discord has, compare it with the
 * definitions once both are normalised, and bulk-overwrite only if they differ. Registration is
 * rate-limited (200 creates a day per guild) and global updates take a while to reach clients,
 * so a restart with unchanged definitions must send nothing.
 */
import { Routes, type REST } from 'discord.js';
import { commandDefinitions, type DefinitionOptions } from './commands.js';
import type { Logger } from './logger.js';

/** Where commands are registered: one guild (instant updates) or everywhere. */
export interface RegistrationTarget {
  readonly applicationId: string;
  readonly guildId?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Raw = Record<string, unknown>;

/** Object keys sorted, so that two normalised commands compare as strings. */
function sorted(value: unknown): Json {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sorted((value as Raw)[k])]),
    );
  }
  return (value ?? null) as Json;
}

/** An option with Discord's defaults made explicit (Discord leaves out `required: false` and the like). */
function normaliseOption(o: Raw): Json {
  return sorted({
    type: o.type,
    name: o.name,
    name_localizations: o.name_localizations ?? {},
    description: o.description ?? '',
    description_localizations: o.description_localizations ?? {},
    required: o.required ?? false,
    autocomplete: o.autocomplete ?? false,
    min_length: o.min_length ?? null,
    file_types: o.file_types ?? null,
    max_length: o.max_length ?? null,
    choices: o.choices ?? [],
    options: ((o.options as Raw[] | undefined) ?? []).map(normaliseOption),
  });
}

/**
 * A command reduced to what our definitions say, defaults made explicit; fields Discord adds
 * (ids, version, application id) are left out, since we do not set them. Where a command says
 * nothing of installs and contexts, Discord stores guild install only and `null`.
 */
export function normaliseCommand(c: Raw): Json {
  return sorted({
    type: c.type ?? 1,
    name: c.name,
    name_localizations: c.name_localizations ?? {},
    description: c.description ?? '',
    description_localizations: c.description_localizations ?? {},
    options: ((c.options as Raw[] | undefined) ?? []).map(normaliseOption),
    default_member_permissions: c.default_member_permissions ?? null,
    nsfw: c.nsfw ?? false,
    integration_types: c.integration_types ?? [0],
    contexts: c.contexts ?? null,
  });
}

/** Commands in a stable order, normalised, as one comparable string. */
export function fingerprint(commands: readonly Raw[]): string {
  return JSON.stringify(commands.map(normaliseCommand).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))));
}

function route(target: RegistrationTarget): `/${string}` {
  return target.guildId ? Routes.applicationGuildCommands(target.applicationId, target.guildId) : Routes.applicationCommands(target.applicationId);
}

/**
 * Registers the definitions if what Discord has differs (or always, with `force`); `definitions`
 * says which (the moderators' commands or not). Returns whether anything was sent.
 */
export async function syncCommands(rest: REST, target: RegistrationTarget, log: Logger, force = false, definitions: DefinitionOptions = {}): Promise<'unchanged' | 'registered'> {
  const wanted = commandDefinitions(definitions) as unknown as Raw[];
  const scope = target.guildId ? { guildId: target.guildId } : { scope: 'global' };
  if (!force) {
    // Localisations are only returned when asked for; without them every comparison would differ.
    const current = (await rest.get(route(target), { query: new URLSearchParams({ with_localizations: 'true' }) })) as Raw[];
    if (fingerprint(current) === fingerprint(wanted)) {
      log.info({ ...scope, commands: wanted.length }, 'commands already registered, unchanged');
      return 'unchanged';
    }
  }
  await rest.put(route(target), { body: wanted });
  log.info({ ...scope, commands: wanted.length }, 'commands registered');
  return 'registered';
}
