/**
 * What a command is, surface-free: its names and descriptions in both languages, its one text
 * argument with its limits, and the engine call it makes. The Discord definitions, the handlers,
 * the terminal's usage and `/help` are all derived from these specs (see `table.ts`), so a
 * command is written once. Plain data: nothing here imports discord.js or a renderer.
 */
import type { Engine } from '../answers/engine.js';
import type { Answer } from '../answers/types.js';

/** The same words in the two languages the bot speaks. */
export interface Words {
  readonly en: string;
  readonly fr: string;
}

/** A language of {@link Words}. */
export type Language = keyof Words;

/**
 * How a text argument is completed while it is typed (Discord's autocomplete): `names` suggests
 * people and organisations, `words` completes the last word from the index.
 */
export type Completion = 'names' | 'words';

/**
 * Longest text a command accepts, in UTF-16 code units: long enough for any question, short
 * enough that an excerpt search stays fast (Discord enforces it in its client; we check again).
 */
export const QUERY_MAX = 300;

/**
 * A command's text argument. One at most: the engine answers one text per request, and the
 * "More" button carries that one text to run the request again.
 */
export interface ArgumentSpec {
  /** Option names: lowercase, 1 to 32 characters (Discord's rule, checked by a test). */
  readonly name: Words;
  /** 1 to 100 characters. */
  readonly description: Words;
  /** Whether the command refuses to run without it. */
  readonly required: boolean;
  /** Absent: no autocomplete. */
  readonly completion?: Completion;
  /** Longest accepted text. */
  readonly maxLength: number;
}

/** What the command table tells the command it runs. */
export interface TableFacts {
  /** Canonical names of every command, in table order. */
  readonly names: readonly string[];
}

/** One command. */
export interface CommandSpec {
  /** `en` is the canonical name (what interactions and custom ids carry); both are lowercase, 1 to 32 characters. */
  readonly name: Words;
  /** Registered with Discord (1 to 100 characters). */
  readonly description: Words;
  /** Its line in `/help`, on both surfaces. */
  readonly summary: Words;
  readonly argument?: ArgumentSpec;
  /**
   * The engine call: `text` is trimmed, and not empty when the argument is required. `table` is
   * what the command table says of itself (for `/help`, which lists it).
   */
  readonly run: (engine: Engine, text: string, table: TableFacts) => Answer;
}

/** Declares a command, keeping its literal names and argument for the types derived from it. */
export function defineCommand<const C extends CommandSpec>(spec: C): C {
  return spec;
}
