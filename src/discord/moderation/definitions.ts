/**
 * The moderators' commands as Discord sees them: `/article add|remove|list` and `/source
 * add|list`, Discord-only (the terminal and the command table know nothing of them). They are
 * registered for moderators only (`default_member_permissions`: Manage Messages), in servers only
 * (guild install, guild context); server admins may widen that per role or channel, so every
 * interaction is checked again (`permission.ts`). Option names are part of the public interface.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { PERMISSION } from '../limits.js';

/** The subcommands, by command: the canonical (English) names interactions carry. */
export const MODERATOR_SUBCOMMANDS = { article: ['add', 'remove', 'list'], source: ['add', 'list'] } as const;

/** A moderator command's name. */
export type ModeratorCommand = keyof typeof MODERATOR_SUBCOMMANDS;

/** One moderator action: a command and one of its subcommands (`article add`). */
export type ModeratorAction = { [C in ModeratorCommand]: { readonly command: C; readonly subcommand: (typeof MODERATOR_SUBCOMMANDS)[C][number] } }[ModeratorCommand];

/** Longest text a `title`, `outlet` or `date` option takes (a title is a line, not a paragraph). */
const DETAIL_MAX = 300;
/** Longest page address `url` takes (browsers' practical limit is far above what a news page uses). */
const URL_MAX = 2_000;

/** Registered for moderators, in servers that installed the bot. */
const moderatorsOnly = (): Pick<RESTPostAPIChatInputApplicationCommandsJSONBody, 'default_member_permissions' | 'integration_types' | 'contexts'> => ({
  default_member_permissions: PERMISSION.MANAGE_MESSAGES.toString(),
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
});

const detailOptions = [
  { type: ApplicationCommandOptionType.String, name: 'title', name_localizations: { fr: 'titre' }, description: 'The title, when the text has none', description_localizations: { fr: 'Le titre, si le texte n’en a pas' }, max_length: DETAIL_MAX },
  {
    type: ApplicationCommandOptionType.String,
    name: 'outlet',
    name_localizations: { fr: 'média' },
    description: 'The outlet that published it (see /source list)',
    description_localizations: { fr: 'Le média qui l’a publié (voir /source liste)' },
    autocomplete: true,
    max_length: DETAIL_MAX,
  },
  { type: ApplicationCommandOptionType.String, name: 'date', name_localizations: { fr: 'date' }, description: 'Publication date, e.g. 2025-06-17', description_localizations: { fr: 'Date de publication, p. ex. 2025-06-17' }, max_length: DETAIL_MAX },
] satisfies APIApplicationCommandBasicOption[];

/** `/article add|remove|list`. */
export const ARTICLE_COMMAND: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'article',
  name_localizations: { fr: 'article' },
  description: 'Moderators: this server’s articles (add, remove, list)',
  description_localizations: { fr: 'Modérateurs : les articles de ce serveur (ajouter, retirer, lister)' },
  ...moderatorsOnly(),
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'add',
      name_localizations: { fr: 'ajouter' },
      description: 'Add an article: attach a file, give its address, or paste it (neither)',
      description_localizations: { fr: 'Ajouter un article : joignez un fichier, donnez son adresse, ou collez-le (aucun des deux)' },
      options: [
        { type: ApplicationCommandOptionType.Attachment, name: 'file', name_localizations: { fr: 'fichier' }, description: 'A .txt, .md or .html file, 5 MB at most', description_localizations: { fr: 'Un fichier .txt, .md ou .html, 5 Mo au plus' } },
        { type: ApplicationCommandOptionType.String, name: 'url', name_localizations: { fr: 'adresse' }, description: 'The address of the article’s page', description_localizations: { fr: 'L’adresse de la page de l’article' }, max_length: URL_MAX },
        ...detailOptions,
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'remove',
      name_localizations: { fr: 'retirer' },
      description: 'Remove one of this server’s articles',
      description_localizations: { fr: 'Retirer un des articles de ce serveur' },
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'article',
          name_localizations: { fr: 'article' },
          description: 'The article (type part of its title)',
          description_localizations: { fr: 'L’article (tapez une partie de son titre)' },
          required: true,
          autocomplete: true,
          max_length: DETAIL_MAX,
        },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'list', name_localizations: { fr: 'liste' }, description: 'The articles published in this server', description_localizations: { fr: 'Les articles publiés dans ce serveur' } },
  ],
};

/** `/source add|list`. */
export const SOURCE_COMMAND: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'source',
  name_localizations: { fr: 'source' },
  description: 'Moderators: the outlets of this server’s articles (add, list)',
  description_localizations: { fr: 'Modérateurs : les médias des articles de ce serveur (ajouter, lister)' },
  ...moderatorsOnly(),
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'add',
      name_localizations: { fr: 'ajouter' },
      description: 'Add an outlet: its colour here, the rest in a form',
      description_localizations: { fr: 'Ajouter un média : sa couleur ici, le reste dans un formulaire' },
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'colour',
          name_localizations: { fr: 'couleur' },
          description: 'Its embed colour, as #RRGGBB',
          description_localizations: { fr: 'Sa couleur d’affichage, en #RRGGBB' },
          required: true,
          min_length: 6,
          max_length: 7,
        },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'list', name_localizations: { fr: 'liste' }, description: 'The shared outlets and this server’s', description_localizations: { fr: 'Les médias communs et ceux de ce serveur' } },
  ],
};

/** `/gaps` (`/lacunes`): what this server's members asked and got no evidence for, and the answers they voted down. */
const GAPS_COMMAND: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'gaps',
  name_localizations: { fr: 'lacunes' },
  description: 'Moderators: the questions left without an answer and the answers voted down here',
  description_localizations: { fr: 'Modérateurs : les questions restées sans réponse et les réponses désapprouvées ici' },
  ...moderatorsOnly(),
};

/** The moderator commands, in registration order. */
export const MODERATOR_COMMANDS = [ARTICLE_COMMAND, SOURCE_COMMAND, GAPS_COMMAND] as const;

/** The moderator command without subcommands. */
export const GAPS = 'gaps';

/** The action a slash interaction names, if it is a moderator command's subcommand. */
export function moderatorAction(commandName: string, subcommand: string | null): ModeratorAction | undefined {
  if (commandName !== 'article' && commandName !== 'source') return undefined;
  const known: readonly string[] = MODERATOR_SUBCOMMANDS[commandName];
  return subcommand !== null && known.includes(subcommand) ? ({ command: commandName, subcommand } as ModeratorAction) : undefined;
}

/** Whether a command name is a moderator command's (the router sends those here). */
export function isModeratorCommand(name: string): boolean {
  return Object.hasOwn(MODERATOR_SUBCOMMANDS, name) || name === GAPS;
}
