/**
 * The commands as Discord sees them: plain `as const` data, registered as-is (see
 * `registration.ts`), and the types of every handler's arguments derived from it, so that a
 * definition and its handler cannot drift apart. Option names are part of the public interface.
 */
import { ApplicationCommandOptionType, ApplicationCommandType, type RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import type { CommandName } from '../answers/types.js';
import { OURS } from './limits.js';

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

/** A slash command definition. */
export interface SlashDefinition {
  readonly type: ApplicationCommandType.ChatInput;
  readonly name: string;
  readonly name_localizations: Localized;
  readonly description: string;
  readonly description_localizations: Localized;
  readonly options: readonly OptionDefinition[];
}

/** `hide:<boolean>`, on every command: answer ephemerally, to the asker only. */
const hide = {
  type: ApplicationCommandOptionType.Boolean,
  name: 'hide',
  name_localizations: { fr: 'masquer' },
  description: 'Show the answer only to you',
  description_localizations: { fr: 'Ne montrer la réponse qu’à vous' },
} as const;

/** A free-text option, limited to {@link OURS.QUERY_MAX} characters. */
const text = <const N extends string, const R extends boolean, const A extends boolean>(name: N, fr: string, description: string, descriptionFr: string, required: R, autocomplete: A) =>
  ({
    type: ApplicationCommandOptionType.String,
    name,
    name_localizations: { fr },
    description,
    description_localizations: { fr: descriptionFr },
    required,
    autocomplete,
    max_length: OURS.QUERY_MAX,
  }) as const;

/** The slash commands, keyed by the engine command each one runs. */
export const SLASH_COMMANDS = {
  ask: {
    type: ApplicationCommandType.ChatInput,
    name: 'ask',
    name_localizations: { fr: 'demander' },
    description: 'Ask a question; get the best excerpts from the articles, cited.',
    description_localizations: { fr: 'Posez une question ; obtenez les meilleurs extraits des articles, cités.' },
    options: [text('question', 'question', 'Your question (the articles are in French)', 'Votre question', true, false), hide],
  },
  who: {
    type: ApplicationCommandType.ChatInput,
    name: 'who',
    name_localizations: { fr: 'qui' },
    description: 'People and organisations in the articles, with their roles as stated.',
    description_localizations: { fr: 'Personnes et organisations des articles, avec leurs fonctions indiquées.' },
    options: [text('query', 'recherche', 'A name, or a question such as “who announced…?”', 'Un nom, ou une question comme « qui a annoncé… ? »', false, true), hide],
  },
  when: {
    type: ApplicationCommandType.ChatInput,
    name: 'when',
    name_localizations: { fr: 'quand' },
    description: 'Dates in the articles, normalised; without a topic, the whole timeline.',
    description_localizations: { fr: 'Les dates des articles, normalisées ; sans sujet, toute la chronologie.' },
    options: [text('query', 'recherche', 'An event (leave empty for the whole timeline)', 'Un événement (vide : toute la chronologie)', false, true), hide],
  },
  compare: {
    type: ApplicationCommandType.ChatInput,
    name: 'compare',
    name_localizations: { fr: 'comparer' },
    description: 'What each outlet says on a topic, and what differs.',
    description_localizations: { fr: 'Ce que dit chaque média sur un sujet, et ce qui diffère.' },
    options: [text('topic', 'sujet', 'The topic to compare', 'Le sujet à comparer', true, true), hide],
  },
  cite: {
    type: ApplicationCommandType.ChatInput,
    name: 'cite',
    name_localizations: { fr: 'citer' },
    description: 'One ready-to-paste citation for a claim or a topic.',
    description_localizations: { fr: 'Une citation prête à coller pour une affirmation ou un sujet.' },
    options: [text('query', 'recherche', 'What to find a citation for', 'Ce qu’il faut citer', true, true), hide],
  },
  sources: {
    type: ApplicationCommandType.ChatInput,
    name: 'sources',
    name_localizations: { fr: 'sources' },
    description: 'The outlets and articles indexed, and who owns each outlet.',
    description_localizations: { fr: 'Les médias et articles indexés, et à qui appartient chaque média.' },
    options: [hide],
  },
  help: {
    type: ApplicationCommandType.ChatInput,
    name: 'help',
    name_localizations: { fr: 'aide' },
    description: 'What each command does.',
    description_localizations: { fr: 'Ce que fait chaque commande.' },
    options: [hide],
  },
} as const satisfies Record<CommandName, SlashDefinition>;

/** The message context-menu command: right-click a message → Apps → "Cite sources". */
export const CONTEXT_MENU = {
  type: ApplicationCommandType.Message,
  name: 'Cite sources',
  name_localizations: { fr: 'Citer les sources' },
} as const;

/** Names of the slash commands. */
export type SlashName = keyof typeof SLASH_COMMANDS;

type OptionValue<T> = T extends ApplicationCommandOptionType.String ? string : T extends ApplicationCommandOptionType.Boolean ? boolean : never;

/** The arguments a handler receives, typed from a definition: required options are never undefined. */
export type ArgsOf<D extends SlashDefinition> = {
  -readonly [O in D['options'][number] as O['name']]: O extends { readonly required: true } ? OptionValue<O['type']> : OptionValue<O['type']> | undefined;
};

/** Arguments of one slash command. */
export type SlashArgs<K extends SlashName> = ArgsOf<(typeof SLASH_COMMANDS)[K]>;

/** Every definition, in the body of Discord's bulk-overwrite request. */
export function commandDefinitions(): RESTPutAPIApplicationCommandsJSONBody {
  // A deep copy: the definitions are frozen literals, the REST body type wants mutable arrays.
  return structuredClone([...Object.values(SLASH_COMMANDS), CONTEXT_MENU]) as unknown as RESTPutAPIApplicationCommandsJSONBody;
}

/** The slash command's name as a user of that locale sees it (`/demander` in French). */
export function commandLabel(name: SlashName, locale: 'en' | 'fr'): string {
  const def = SLASH_COMMANDS[name];
  return `/${locale === 'fr' ? def.name_localizations.fr : def.name}`;
}

/** Looks up a slash command by its (unlocalised) name, as interactions carry it. */
export function slashNamed(name: string): SlashName | undefined {
  return Object.hasOwn(SLASH_COMMANDS, name) ? (name as SlashName) : undefined;
}
