/**
 * What a slash command asks of the engine: the command of the table it names, run on the text of
 * its one text option (empty when the option is absent or the command has none). Running it,
 * rendering and replying is the router's, the same for every command, and the "More" button runs
 * the same request again.
 */
import { argumentOf, type CommandName } from '../commands/table.js';
import type { SlashArgs, SlashName } from './commands.js';

/** One run of the engine: `engine.run(command, query)`. */
export interface EngineRequest {
  readonly command: CommandName;
  /** The text searched for; empty for commands without one (`/sources`, or `/who` alone). */
  readonly query: string;
}

/** The request a slash command's validated arguments make. */
export function requestFor<K extends SlashName>(name: K, args: SlashArgs<K>): EngineRequest {
  const argument = argumentOf(name);
  const text: unknown = argument ? (args as Record<string, unknown>)[argument.name.en] : undefined;
  return { command: name, query: typeof text === 'string' ? text : '' };
}
