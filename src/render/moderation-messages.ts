/**
 * The bot's own words for moderators (`/article`, `/source`), in English and French: what each
 * refusal says (the service's {@link ModerationErrorCode}s and the surface's own
 * {@link ModeratorRefusalCode}s), and the labels of previews, confirmations, lists and forms.
 * Article text is never translated: only what the bot writes itself lives here.
 */
import type { ModerationErrorCode } from '../moderation/types.js';
import type { Locale } from './messages.js';

/** Why a surface refused a moderator's action before asking the service: stable codes, like the service's. */
export const MODERATOR_REFUSAL_CODES = [
  'not-moderator',
  'not-in-guild',
  'unavailable',
  'attachment-host',
  'attachment-type',
  'attachment-too-large',
  'attachment-encoding',
  'file-and-url',
  'unknown-action',
] as const;

/** A stable code of a surface's refusal. */
export type ModeratorRefusalCode = (typeof MODERATOR_REFUSAL_CODES)[number];

const en = {
  /** The service's refusals, by code; the detail (the service's own words) is appended by {@link moderationErrorText}. */
  errors: {
    'draft-not-found': 'This draft is gone (published, cancelled or expired). Start again with /article add.',
    duplicate: 'This article is already in the collection: nothing was published.',
    'unknown-article': 'This server has no such article.',
    'unknown-outlet': 'I do not know this outlet. Name one with the outlet option, or add it with /source add.',
    'bad-date': 'I could not read this date. Write it as 2025-06-17 or 17 June 2025.',
    'bad-input': 'I could not make an article from this.',
    'fetch-failed': 'I could not fetch this address.',
    'too-large': 'This is too large: 5 MB at most.',
    'bad-type': 'This is not a text, Markdown or HTML article.',
    empty: 'There is no article text in this.',
    'source-exists': 'This outlet already exists.',
    'bad-source': 'This outlet is not complete or not valid.',
    'storage-failed': 'The collection could not be saved just now. Please try again in a moment.',
  } satisfies Record<ModerationErrorCode, string>,
  /** The surface's refusals, by code; `detail` is what the refusal is about (a limit, a file name). */
  refusals: {
    'not-moderator': () => 'Only moderators (Manage Messages permission) can do this.',
    'not-in-guild': () => 'This works only in a server where recoupe is installed.',
    unavailable: () => 'Server collections are not enabled on this bot.',
    'attachment-host': () => 'I only read files attached to Discord itself.',
    'attachment-type': (detail: string) => `Attach a .txt, .md or .html file (${detail}).`,
    'attachment-too-large': (megabytes: string) => `This file is too large: ${megabytes} MB at most.`,
    'attachment-encoding': (detail: string) => `I cannot read this file’s encoding (${detail}): save it as UTF-8.`,
    'file-and-url': () => 'Give a file or an address, not both.',
    'unknown-action': () => 'This button or form comes from an older version of the bot. Please start again.',
  } satisfies Record<ModeratorRefusalCode, (detail: string) => string>,
  preview: {
    author: 'Draft: not answerable until published',
    outlet: 'Outlet',
    date: 'Date',
    language: 'Language',
    paragraphs: 'Paragraphs',
    removed: (n: number) => `Removed by cleaning (${n})`,
    nothingRemoved: 'Nothing',
    firstParagraphs: 'First paragraphs',
    duplicate: 'Already in the collection: Publish is off',
    syndication: 'Republishes',
    notes: 'Where the details come from',
    warnings: 'To check',
    expires: 'This draft expires',
    collection: { shared: 'shared collection', server: 'this server' } as Record<'shared' | 'server', string>,
    publishButton: 'Publish',
    editButton: 'Edit details',
    cancelButton: 'Cancel',
  },
  published: (title: string) => `Published: “${title}” is answerable in this server now.`,
  articleId: 'Article id',
  cancelled: 'Draft cancelled: nothing was published.',
  remove: {
    confirm: (title: string) => `Remove “${title}” from this server’s collection? It will no longer be answerable here.`,
    removeButton: 'Remove',
    keepButton: 'Keep',
    removed: (title: string) => `Removed: “${title}” is no longer answerable in this server.`,
    kept: (title: string) => `Kept: “${title}” stays in this server’s collection.`,
  },
  list: {
    title: 'This server’s articles',
    empty: 'No article published in this server yet. Add one with /article add.',
    line: (outlet: string, date: string, paragraphs: number, by: string) => `${outlet} · ${date} · ${paragraphs} ¶ · published by ${by}`,
    total: (n: number) => `${n} article${n === 1 ? '' : 's'}`,
    page: (p: number, n: number) => `page ${p}/${n}`,
    previous: 'Previous',
    next: 'Next',
  },
  gaps: {
    title: 'Gaps in this server’s answers',
    unanswered: 'Asked, and answered “no evidence”',
    noUnanswered: 'No question went unanswered.',
    asked: (n: number, command: string, query: string) => `${n}× /${command} “${query}”`,
    lastAsked: (when: string) => `last asked ${when}`,
    downVoted: 'Answers voted down',
    noDownVoted: 'No answer was voted down.',
    votes: (down: number, up: number, command: string, query: string) => `👎 ${down} · 👍 ${up} — /${command} “${query}”`,
    excerpts: (n: number) => `${n} excerpt${n === 1 ? '' : 's'} shown`,
    exportButton: 'Export',
    exported: 'The gaps as Markdown and as CSV.',
    empty: 'Nothing to report yet: no question went unanswered and no answer was voted down. 👍 / 👎 are under every answer.',
  },
  sources: {
    shared: 'Shared collection',
    server: 'This server’s outlets',
    none: 'None yet: add one with /source add.',
    added: (short: string) => `Outlet added: ${short}. Articles may now be filed under it in this server.`,
  },
  modals: {
    paste: 'Paste an article',
    text: 'Article text',
    textHint: 'Up to 4,000 characters; for a longer one, attach a file.',
    title: 'Title',
    outlet: 'Outlet',
    outletHint: 'Id, short name or name, as /source list shows it',
    date: 'Date',
    dateHint: '2025-06-17 or 17 June 2025',
    optional: 'Optional: found in the text when left empty',
    edit: 'Edit details',
    unchanged: 'Left empty: unchanged',
    source: 'Add an outlet',
    name: 'Name',
    short: 'Short name',
    shortHint: 'As citations show it, e.g. AFP',
    kind: 'Kind',
    kindHint: 'In neutral words, e.g. news agency',
    ownership: 'Ownership',
    ownershipHint: 'Who owns or funds it, in neutral words',
    homepage: 'Home page',
  },
};

/** The catalogue's shape: French must say everything English says. */
export type ModerationMessages = typeof en;

const fr: ModerationMessages = {
  errors: {
    'draft-not-found': 'Ce brouillon n’existe plus (publié, annulé ou expiré). Recommencez avec /article ajouter.',
    duplicate: 'Cet article est déjà dans la collection : rien n’a été publié.',
    'unknown-article': 'Ce serveur n’a pas cet article.',
    'unknown-outlet': 'Je ne connais pas ce média. Indiquez-en un avec l’option média, ou ajoutez-le avec /source ajouter.',
    'bad-date': 'Je n’ai pas pu lire cette date. Écrivez-la 2025-06-17 ou 17 juin 2025.',
    'bad-input': 'Je n’ai pas pu en faire un article.',
    'fetch-failed': 'Je n’ai pas pu récupérer cette adresse.',
    'too-large': 'C’est trop volumineux : 5 Mo au plus.',
    'bad-type': 'Ce n’est pas un article en texte, Markdown ou HTML.',
    empty: 'Il n’y a pas de texte d’article là-dedans.',
    'source-exists': 'Ce média existe déjà.',
    'bad-source': 'Ce média est incomplet ou invalide.',
    'storage-failed': 'La collection n’a pas pu être enregistrée pour l’instant. Réessayez dans un moment.',
  },
  refusals: {
    'not-moderator': () => 'Seuls les modérateurs (permission Gérer les messages) peuvent faire cela.',
    'not-in-guild': () => 'Cela ne fonctionne que dans un serveur où recoupe est installé.',
    unavailable: () => 'Les collections de serveur ne sont pas activées sur ce bot.',
    'attachment-host': () => 'Je ne lis que les fichiers joints sur Discord même.',
    'attachment-type': (detail) => `Joignez un fichier .txt, .md ou .html (${detail}).`,
    'attachment-too-large': (megabytes) => `Ce fichier est trop volumineux : ${megabytes} Mo au plus.`,
    'attachment-encoding': (detail) => `Je ne sais pas lire l’encodage de ce fichier (${detail}) : enregistrez-le en UTF-8.`,
    'file-and-url': () => 'Donnez un fichier ou une adresse, pas les deux.',
    'unknown-action': () => 'Ce bouton ou ce formulaire vient d’une version antérieure du bot. Recommencez.',
  },
  preview: {
    author: 'Brouillon : rien n’est consultable avant publication',
    outlet: 'Média',
    date: 'Date',
    language: 'Langue',
    paragraphs: 'Paragraphes',
    removed: (n) => `Retiré au nettoyage (${n})`,
    nothingRemoved: 'Rien',
    firstParagraphs: 'Premiers paragraphes',
    duplicate: 'Déjà dans la collection : Publier est désactivé',
    syndication: 'Reprend',
    notes: 'D’où viennent les informations',
    warnings: 'À vérifier',
    expires: 'Ce brouillon expire',
    collection: { shared: 'collection commune', server: 'ce serveur' },
    publishButton: 'Publier',
    editButton: 'Modifier les informations',
    cancelButton: 'Annuler',
  },
  published: (title) => `Publié : « ${title} » est consultable dans ce serveur dès maintenant.`,
  articleId: 'Identifiant de l’article',
  cancelled: 'Brouillon annulé : rien n’a été publié.',
  remove: {
    confirm: (title) => `Retirer « ${title} » de la collection de ce serveur ? Il n’y sera plus consultable.`,
    removeButton: 'Retirer',
    keepButton: 'Garder',
    removed: (title) => `Retiré : « ${title} » n’est plus consultable dans ce serveur.`,
    kept: (title) => `Gardé : « ${title} » reste dans la collection de ce serveur.`,
  },
  list: {
    title: 'Les articles de ce serveur',
    empty: 'Aucun article publié dans ce serveur pour l’instant. Ajoutez-en un avec /article ajouter.',
    line: (outlet, date, paragraphs, by) => `${outlet} · ${date} · ${paragraphs} ¶ · publié par ${by}`,
    total: (n) => `${n} article${n > 1 ? 's' : ''}`,
    page: (p, n) => `page ${p}/${n}`,
    previous: 'Précédents',
    next: 'Suivants',
  },
  gaps: {
    title: 'Les lacunes des réponses de ce serveur',
    unanswered: 'Demandé, et répondu « aucune preuve »',
    noUnanswered: 'Aucune question n’est restée sans réponse.',
    asked: (n, command, query) => `${n}× /${command} « ${query} »`,
    lastAsked: (when) => `demandé pour la dernière fois ${when}`,
    downVoted: 'Réponses désapprouvées',
    noDownVoted: 'Aucune réponse n’a été désapprouvée.',
    votes: (down, up, command, query) => `👎 ${down} · 👍 ${up} — /${command} « ${query} »`,
    excerpts: (n) => `${n} extrait${n > 1 ? 's' : ''} affiché${n > 1 ? 's' : ''}`,
    exportButton: 'Exporter',
    exported: 'Les lacunes en Markdown et en CSV.',
    empty: 'Rien à signaler pour l’instant : aucune question sans réponse, aucune réponse désapprouvée. 👍 / 👎 sont sous chaque réponse.',
  },
  sources: {
    shared: 'Collection commune',
    server: 'Les médias de ce serveur',
    none: 'Aucun pour l’instant : ajoutez-en un avec /source ajouter.',
    added: (short) => `Média ajouté : ${short}. Des articles peuvent désormais lui être attribués dans ce serveur.`,
  },
  modals: {
    paste: 'Coller un article',
    text: 'Texte de l’article',
    textHint: 'Jusqu’à 4 000 caractères ; au-delà, joignez un fichier.',
    title: 'Titre',
    outlet: 'Média',
    outletHint: 'Identifiant, nom court ou nom, comme /source liste l’affiche',
    date: 'Date',
    dateHint: '2025-06-17 ou 17 juin 2025',
    optional: 'Facultatif : lu dans le texte s’il est vide',
    edit: 'Modifier les informations',
    unchanged: 'Vide : inchangé',
    source: 'Ajouter un média',
    name: 'Nom',
    short: 'Nom court',
    shortHint: 'Comme les citations l’affichent, p. ex. AFP',
    kind: 'Type',
    kindHint: 'En mots neutres, p. ex. agence de presse',
    ownership: 'Propriété',
    ownershipHint: 'Qui le possède ou le finance, en mots neutres',
    homepage: 'Page d’accueil',
  },
};

/** The moderators' catalogue for a locale. */
export function moderationMessages(locale: Locale): ModerationMessages {
  return locale === 'fr' ? fr : en;
}

/**
 * What a refusal of the service says, in the user's language, with the service's detail when
 * there is one and the stable code for support: `This is too large: 5 MB at most. (report.txt: larger than 5120 KB) [too-large]`.
 */
export function moderationErrorText(code: ModerationErrorCode, detail: string | undefined, locale: Locale): string {
  const text = moderationMessages(locale).errors[code];
  return `${text}${detail ? ` (${detail})` : ''} [${code}]`;
}

/** What a refusal of the surface says, in the user's language, with its stable code. */
export function moderatorRefusalText(code: ModeratorRefusalCode, detail: string, locale: Locale): string {
  return `${moderationMessages(locale).refusals[code](detail)} [${code}]`;
}
