/**
 * The table of commands: one module per command (`ask.ts`, `who.ts`…), gathered here in the
 * order every list shows them. The Discord definitions, the handlers, the terminal's usage and
 * `/help` on both surfaces are derived from it. Adding a command that reuses an existing answer
 * kind is one module (with its words) and one line below.
 */
import type { Engine } from '../answers/engine.js';
import type { Answer } from '../answers/types.js';
import { ask } from './ask.js';
import { check } from './check.js';
import { cite } from './cite.js';
import { compare } from './compare.js';
import type { ArgumentSpec, CommandSpec, Completion, Language } from './define.js';
import { help } from './help.js';
import { quotes } from './quotes.js';
import { sources } from './sources.js';
import { stories } from './stories.js';
import { timeline } from './timeline.js';
import { UserError } from './user-error.js';
import { when } from './when.js';
import { who } from './who.js';
import { wording } from './wording.js';

/** Every command, in the order of `/help` and of the registration with Discord. */
export const COMMANDS = [ask, who, when, compare, cite, sources, help, timeline, stories, quotes, wording, check] as const;

/** A command's canonical (English) name. */
export type CommandName = (typeof COMMANDS)[number]['name']['en'];

/** The spec of the command named `K`, with its literal types. */
export type CommandOf<K extends CommandName> = Extract<(typeof COMMANDS)[number], { readonly name: { readonly en: K } }>;

/** Canonical names, in table order. */
export const COMMAND_NAMES: readonly CommandName[] = COMMANDS.map((c) => c.name.en);

const byName = new Map<string, CommandSpec>(COMMANDS.map((c) => [c.name.en, c]));

/** Narrows a string to a canonical command name (as interactions and custom ids carry it). */
export function isCommandName(name: string): name is CommandName {
  return byName.has(name);
}

/** The spec of a command. */
export function commandSpec<K extends CommandName>(name: K): CommandOf<K> {
  return byName.get(name) as CommandOf<K>;
}

/** The text argument of a command, if it takes one. */
export function argumentOf(name: CommandName): ArgumentSpec | undefined {
  return (byName.get(name) as CommandSpec).argument;
}

/** How the command's text is completed while typed; undefined: it is not. */
export function completionOf(name: CommandName): Completion | undefined {
  return argumentOf(name)?.completion;
}

/**
 * The command a person typed, in either language, with or without its slash, in any case:
 * `/qui`, `QUI` and `who` are all `who`. Undefined for anything else.
 */
export function resolveCommand(typed: string): CommandName | undefined {
  const word = typed.replace(/^\//u, '').toLowerCase();
  return COMMANDS.find((c) => c.name.en === word || c.name.fr === word)?.name.en;
}

/** How a command is typed in a language: `/demander <question>`, `/qui [recherche]`, `/sources`. */
export function usageOf(name: CommandName, language: Language): string {
  const spec: CommandSpec = commandSpec(name);
  const argument = argumentOf(name);
  if (!argument) return `/${spec.name[language]}`;
  const label = argument.name[language];
  return `/${spec.name[language]} ${argument.required ? `<${label}>` : `[${label}]`}`;
}

/**
 * Runs a command by its canonical name on the engine. Throws {@link UserError}: `unknown-command`
 * for a name not in the table, `missing-argument` when a required text is blank; never for what
 * the text says.
 */
export function dispatch(engine: Engine, name: string, text = ''): Answer {
  const spec = byName.get(name);
  if (!spec) throw new UserError('unknown-command', name);
  const argument = text.trim();
  if (spec.argument?.required && argument === '') throw new UserError('missing-argument', name);
  return spec.run(engine, argument, { names: COMMAND_NAMES });
}
