/**
 * Registered application commands, global and per guild, as Discord stores them: an overwrite
 * (PUT) keeps the id of a command with the same name and type, every change gets a new `version`.
 */
import type { APIApplicationCommand } from 'discord-api-types/v10';
import { snowflake } from './snowflake.js';

type Obj = Record<string, unknown>;

/** Commands per scope (`null` = global). */
export class CommandStore {
  readonly #applicationId: string;
  readonly #scopes = new Map<string | null, APIApplicationCommand[]>();

  constructor(applicationId: string) {
    this.#applicationId = applicationId;
  }

  /** Current commands of a scope, in registration order. */
  list(guildId: string | null): APIApplicationCommand[] {
    return structuredClone(this.#scopes.get(guildId) ?? []);
  }

  /** PUT: replaces the whole scope. */
  bulkSet(guildId: string | null, body: readonly unknown[]): APIApplicationCommand[] {
    const previous = this.#scopes.get(guildId) ?? [];
    const next = body.map((input) => this.#toCommand(input as Obj, guildId, previous));
    this.#scopes.set(guildId, next);
    return structuredClone(next);
  }

  /** POST: creates, or overwrites the command with the same name and type. `created` says which. */
  upsert(guildId: string | null, body: unknown): { command: APIApplicationCommand; created: boolean } {
    const current = this.#scopes.get(guildId) ?? [];
    const command = this.#toCommand(body as Obj, guildId, current);
    const index = current.findIndex((c) => c.id === command.id);
    if (index >= 0) current[index] = command;
    else current.push(command);
    this.#scopes.set(guildId, current);
    return { command: structuredClone(command), created: index < 0 };
  }

  get(guildId: string | null, id: string): APIApplicationCommand | null {
    const found = (this.#scopes.get(guildId) ?? []).find((c) => c.id === id);
    return found ? structuredClone(found) : null;
  }

  /** PATCH: merges fields into an existing command; null if unknown. */
  edit(guildId: string | null, id: string, body: unknown): APIApplicationCommand | null {
    const current = this.#scopes.get(guildId) ?? [];
    const index = current.findIndex((c) => c.id === id);
    const existing = current[index];
    if (existing === undefined) return null;
    const merged = this.#toCommand({ ...existing, ...(body as Obj) }, guildId, current);
    current[index] = merged;
    return structuredClone(merged);
  }

  /** DELETE: false if unknown. */
  delete(guildId: string | null, id: string): boolean {
    const current = this.#scopes.get(guildId) ?? [];
    const index = current.findIndex((c) => c.id === id);
    if (index < 0) return false;
    current.splice(index, 1);
    return true;
  }

  #toCommand(input: Obj, guildId: string | null, existing: readonly APIApplicationCommand[]): APIApplicationCommand {
    const type = typeof input.type === 'number' ? input.type : 1;
    const same = existing.find((c) => c.name === input.name && c.type === type);
    const command: Obj = {
      ...input,
      id: same?.id ?? snowflake(),
      application_id: this.#applicationId,
      version: snowflake(),
      type,
      description: typeof input.description === 'string' ? input.description : '',
      default_member_permissions: input.default_member_permissions ?? null,
      nsfw: input.nsfw ?? false,
      contexts: input.contexts ?? null,
      integration_types: input.integration_types ?? [0],
    };
    if (guildId !== null) command.guild_id = guildId;
    for (const key of Object.keys(command)) if (command[key] === undefined) delete command[key];
    return command as unknown as APIApplicationCommand;
  }
}
