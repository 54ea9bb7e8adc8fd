/**
 * The commands as Discord sees them, derived from the command table (`src/commands/`): each
 * command's names, descriptions and text option become a slash command definition, registered
 * as-is (see `registration.ts`), and the types of every handler's arguments follow from the same
 * specs, so a definition and its handler cannot drift apart. Only what is Discord's own lives
 * here: the `hide` option (ephemeral answers), the message context menus, and the moderators'
 * commands (`moderation/definitions.ts`), which are Discord's alone. Option names are part
 * of the public interface: a snapshot test keeps the registered JSON unchanged.
 */
import { ApplicationCommandOptionType, ApplicationCommandType, ApplicationIntegrationType, InteractionContextType, type RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import type { ArgumentSpec, CommandSpec } from '../commands/define.js';
import { COMMANDS, isCommandName, type CommandName, type CommandOf } from '../commands/table.js';
import { MODERATOR_COMMANDS } from './moderation/definitions.js';

/** Localised strings of a definition: French, the one language besides the default English. */
type Localized = { readonly fr: string };

/** What our option definitions may say (a subset of Discord's, the one we use). */
export interface OptionDefinition {
  readonly type: ApplicationCommandOptionType.String | ApplicationCommandOptionType.Boolean;
  readonly name: string;
  readonly name_localizations: Localized;
  readonly description: string;
  readonly description_localizations: Localized;
  readonly required?: boolean;
  readonly autocomplete?: boolean;
  readonly max_length?: number;
}

/**
 * Where a command can be installed and used: every command members ask with is installable by a
 * server (guild install) and by a user to their own account (user install), and usable in a
 * server, in a DM with the bot and in a private channel (a DM or group DM between users, through
 * a user install). Outside a server that installed the bot, the shared collection answers
 * (`collection-of.ts`). The moderators' commands say otherwise (`moderation/definitions.ts`).
 */
export interface Reach {
  readonly integration_types: readonly ApplicationIntegrationType[];
  readonly contexts: readonly InteractionContextType[];
}

/** Installable by servers and users, usable everywhere: see {@link Reach}. */
export const EVERYWHERE: Reach = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
};

/** A slash command definition. */
export interface SlashDefinition extends Reach {
  readonly type: ApplicationCommandType.ChatInput;
  readonly name: string;
  readonly name_localizations: Localized;
  readonly description: string;
  readonly description_localizations: Localized;
  readonly options: readonly OptionDefinition[];
}

/** `hide:<boolean>`, on every command: answer ephemerally, to the asker only. */
const hide: OptionDefinition = {
  type: ApplicationCommandOptionType.Boolean,
  name: 'hide',
  name_localizations: { fr: 'masquer' },
  description: 'Show the answer only to you',
  description_localizations: { fr: 'Ne montrer la réponse qu’à vous' },
};

/** A command's text argument as a string option (keys in the order Discord has always received them). */
function textOption(argument: ArgumentSpec): OptionDefinition {
  return {
    type: ApplicationCommandOptionType.String,
    name: argument.name.en,
    name_localizations: { fr: argument.name.fr },
    description: argument.description.en,
    description_localizations: { fr: argument.description.fr },
    required: argument.required,
    autocomplete: argument.completion !== undefined,
    max_length: argument.maxLength,
  };
}

/** A command of the table as a slash command: its text option first (Discord wants required options first), then `hide`. */
function slashDefinition(spec: CommandSpec): SlashDefinition {
  return {
    type: ApplicationCommandType.ChatInput,
    name: spec.name.en,
    name_localizations: { fr: spec.name.fr },
    description: spec.description.en,
    description_localizations: { fr: spec.description.fr },
    options: spec.argument ? [textOption(spec.argument), hide] : [hide],
    ...EVERYWHERE,
  };
}

/** The slash commands, keyed by the command each one runs, in the table's order. */
export const SLASH_COMMANDS: Readonly<Record<CommandName, SlashDefinition>> = Object.fromEntries(COMMANDS.map((c) => [c.name.en, slashDefinition(c)])) as Record<CommandName, SlashDefinition>;

/** The message context-menu command "Cite sources": right-click a message → Apps → the excerpts that relate to it. */
export const CITE_MENU = {
  type: ApplicationCommandType.Message,
  name: 'Cite sources',
  name_localizations: { fr: 'Citer les sources' },
  ...EVERYWHERE,
} as const;

/** The message context-menu command "Check this claim": what each outlet says of what the message states. */
export const CHECK_MENU = {
  type: ApplicationCommandType.Message,
  name: 'Check this claim',
  name_localizations: { fr: 'Vérifier l’affirmation' },
  ...EVERYWHERE,
} as const;

/** A message menu, the command of the table it runs on the message's text, and its metrics label. */
export interface ContextMenuRoute {
  readonly definition: typeof CITE_MENU | typeof CHECK_MENU;
  readonly command: Extract<CommandName, 'ask' | 'check'>;
  /** `context:cite-sources`: how logs and metrics name it. */
  readonly label: string;
}

/** The message menus, in registration order. */
export const CONTEXT_MENUS: readonly ContextMenuRoute[] = [
  { definition: CITE_MENU, command: 'ask', label: 'context:cite-sources' },
  { definition: CHECK_MENU, command: 'check', label: 'context:check-claim' },
];

/** The message menu an interaction names (its unlocalised name); undefined for any other. */
export function contextMenuNamed(name: string): ContextMenuRoute | undefined {
  return CONTEXT_MENUS.find((m) => m.definition.name === name);
}

/** Names of the slash commands: the table's canonical names. */
export type SlashName = CommandName;

/** Flattens an intersection into one object type (so that types compare as written). */
type Flat<T> = { -readonly [K in keyof T]: T[K] };

/** The text option of a spec, typed: required ones are never undefined. */
type TextArgOf<C> = C extends { readonly argument: { readonly name: { readonly en: infer N extends string }; readonly required: infer R } } ? { [K in N]: R extends true ? string : string | undefined } : unknown;

/** The arguments a handler receives for one command: its text option, and `hide`. */
export type SlashArgs<K extends SlashName> = Flat<TextArgOf<CommandOf<K>> & { hide: boolean | undefined }>;

/** Options of {@link commandDefinitions}. */
export interface DefinitionOptions {
  /**
   * Also the moderators' `/article` and `/source` (`moderation/definitions.ts`): only for a bot
   * that has a moderation service, so that no server sees commands that could only refuse.
   */
  readonly moderation?: boolean;
}

/** Every definition, in the body of Discord's bulk-overwrite request. */
export function commandDefinitions(options: DefinitionOptions = {}): RESTPutAPIApplicationCommandsJSONBody {
  const moderators = options.moderation ? MODERATOR_COMMANDS : [];
  // A deep copy: callers may modify the body, the definitions are shared.
  return structuredClone([...Object.values(SLASH_COMMANDS), ...CONTEXT_MENUS.map((m) => m.definition), ...moderators]) as unknown as RESTPutAPIApplicationCommandsJSONBody;
}

/** Looks up a slash command by its (unlocalised) name, as interactions carry it. */
export function slashNamed(name: string): SlashName | undefined {
  return isCommandName(name) ? name : undefined;
}
