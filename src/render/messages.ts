/**
 * The bot's own words, in English and French. Excerpts are never translated: only headings,
 * labels and sentences the bot writes itself live here. One catalogue serves every surface.
 */
import type { QuestionKind } from '../answers/types.js';
import type { UserErrorCode } from '../commands/user-error.js';

/** Languages the bot speaks. */
export type Locale = 'en' | 'fr';

/** Every {@link Locale}, for validating one typed by a user or carried in a custom id. */
export const LOCALES: readonly Locale[] = ['en', 'fr'];

/** Whether a string is one of our locales, exactly (`en`, `fr`). */
export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** Picks our locale from a Discord-style locale tag (`fr`, `en-US`, `en-GB`...). */
export function localeOf(tag: string | undefined | null): Locale {
  return tag?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The BCP 47 tag `Intl` formats dates and numbers with, for one of our locales. */
export function intlTagOf(locale: Locale): 'fr-FR' | 'en-GB' {
  return locale === 'fr' ? 'fr-FR' : 'en-GB';
}

const en = {
  question: 'Question',
  kinds: { who: 'who', when: 'when', howmany: 'how many', where: 'where', other: 'general' } satisfies Record<QuestionKind, string>,
  matchedParagraphs: (shown: number, total: number) => `${shown} of ${total} matching paragraph${total === 1 ? '' : 's'}`,
  noEvidence: (query: string) => `No evidence in the corpus for “${query}”.`,
  noEvidenceTimeline: 'No dated passage in the corpus.',
  shownOf: (shown: number, total: number) => `Showing the first ${shown} of ${total}.`,
  didYouMean: 'Close words in the corpus',
  people: 'People',
  organisations: 'Organisations',
  roles: 'Roles as stated',
  mentions: 'Mentions',
  alsoWritten: 'Also written',
  noPeople: 'No people found in the corpus.',
  timeline: 'Timeline',
  datesFor: (q: string) => `Dates for “${q}”`,
  resolvedFrom: (published: string) => `resolved from the publication date ${published}`,
  /** Said of a date after its article's publication date (`DatedExcerpt.afterPublication`). */
  afterPublication: 'after the article’s publication date',
  compareOn: (t: string) => `What each outlet says on “${t}”`,
  notCovered: (outlet: string) => `${outlet} does not cover this topic.`,
  differences: 'What differs',
  figures: 'Figures',
  givenBy: 'given by',
  notGivenBy: 'not given by',
  namedBy: 'named by',
  notNamedBy: 'not by',
  noDifference: 'No figure or person differs between the outlets on this topic.',
  /** What `compare` states about the outlets (render/differences.ts). */
  statements: {
    missing: (words: string) => `none of its articles mentions ${words}`,
    lacksWords: (outlet: string, words: string) => `${outlet}: none of its articles mentions ${words}.`,
    carries: (outlet: string, original: string) => `${outlet} republishes ${original}'s text here: counted once, as ${original}'s.`,
    inPassing: (outlet: string) => `${outlet} uses these words only in passing; its closest paragraph:`,
    different: 'Different figures',
    oneOutlet: 'Given by one side only',
    same: 'Same figures',
    countsDifferent: 'Counted differently',
    countsSame: 'Counted alike',
    countsOne: 'Counted by one side only',
    notGivenBy: (outlets: string) => `no figure for it from ${outlets}`,
    notCountedBy: (outlets: string) => `not counted by ${outlets}`,
    people: 'People named by some outlets only',
    notNamedBy: (outlets: string) => `not named by ${outlets}`,
    /** What an absence was checked over: `RT (in its article on this)`. */
    inArticles: (outlet: string, n: number) => (n === 1 ? `${outlet} (in its article on this)` : `${outlet} (in its ${n} articles on this)`),
    ordinal: (n: number) => (n === 1 ? '1st' : n === 2 ? '2nd' : n === 3 ? '3rd' : `${n}th`),
  },
  citation: 'Citation',
  sources: 'Sources',
  articles: (n: number) => `${n} article${n === 1 ? '' : 's'}`,
  paragraphs: (n: number) => `${n} paragraph${n === 1 ? '' : 's'}`,
  corpusTotal: (a: number, p: number) => `${a} article${a === 1 ? '' : 's'}, ${p} paragraphs indexed.`,
  /** Marks an article of the server's own collection in `/sources`. */
  serverArticle: "this server's collection",
  /** How many of `/sources`' articles are the server's own, the rest being the shared collection. */
  serverTotal: (n: number) => `${n} published by this server's moderators; the others are the shared collection.`,
  paragraphSign: '¶',
  help: 'Commands',
  helpFooter: 'Every excerpt is the article’s own words, with its outlet, date and paragraph.',
  seasons: { spring: 'spring', summer: 'summer', autumn: 'autumn', winter: 'winter' } as Record<string, string>,
  parts: { early: 'early', mid: 'mid', late: 'late' } as Record<string, string>,
  weekOf: (d: string) => `week of ${d}`,
  /**
   * What a user error says, by stable code (`src/commands/user-error.ts`), on every surface; the
   * detail is for the logs and is quoted only where it helps (the maximum length).
   */
  errors: {
    'empty-query': () => 'Please type something to look for.',
    'query-too-long': (max: string) => `That is too long: ${max} characters at most.`,
    'invalid-input': () => 'I could not read that command’s options. Please try again.',
    'missing-argument': () => 'Please tell me what to look for.',
    'unknown-command': () => 'I do not know that command. Try /help.',
    'empty-message': () => 'That message has no text I can look up.',
    'expired-button': () => 'This answer is more than 15 minutes old, so its buttons no longer work. Please ask again.',
    'stale-button': () => 'I can no longer find the question behind this button. Please ask again.',
    'unknown-button': () => 'This button comes from an older version of the bot. Please ask again.',
    'unknown-paragraph': () => 'That paragraph is no longer in the corpus. Please ask again.',
  } satisfies Record<UserErrorCode, (detail: string) => string>,
  /** Words only the Discord bot uses: footers, buttons, the context menu. */
  discord: {
    questionKind: (kind: string) => `Question · ${kind}`,
    excerpts: 'Excerpts',
    matched: (n: number) => `${n} matching paragraph${n === 1 ? '' : 's'}`,
    excerptsMatched: (n: number) => `${n} excerpt${n === 1 ? '' : 's'} matched`,
    datesFound: (n: number) => `${n} date${n === 1 ? '' : 's'} found`,
    entitiesFound: (n: number) => `${n} name${n === 1 ? '' : 's'} found`,
    page: (p: number, n: number) => `page ${p}/${n}`,
    moreButton: 'More',
    paragraphButton: (n: number) => `Full paragraph ${n}`,
    citationButton: (n: number) => `Citation ${n}`,
    exportButton: 'Export',
    /** The vote buttons' reply: `up` the vote given, `outcome` what recording it did. */
    voted: (up: boolean, outcome: 'recorded' | 'changed' | 'unchanged') =>
      outcome === 'unchanged' ? `Your ${up ? '👍' : '👎'} on this answer was already recorded.` : `Thank you: your ${up ? '👍' : '👎'} on this answer is ${outcome === 'changed' ? 'recorded instead of your earlier vote' : 'recorded'}. The moderators see the answers voted down in /gaps.`,
    /** The Export button's reply; `shown` < `total` when the files had to be cut to Discord's size limit. */
    exported: (shown: number, total: number) => `${shown} citation${shown === 1 ? '' : 's'}${shown < total ? ` of ${total} (the files are at Discord’s size limit)` : ''}: outlet, title, date, paragraph, address and excerpt, as Markdown and as CSV.`,
    contextMenuHelp: 'Right-click a message → Apps → Cite sources: the excerpts that support or relate to it.',
    checkMenuHelp: 'Right-click a message → Apps → Check this claim: for each figure, date, role or quotation it states, what each outlet says — the same, something different, or nothing. Never true or false.',
    hideHelp: 'Every command takes hide:True to answer only you.',
    internalError: (id: string) => `Sorry, something went wrong on my side. It has been logged as error ${id}.`,
    /** The per-user cooldown's notice; `when` is a Discord relative timestamp, which each client shows in its own language. */
    cooldown: (when: string) => `You are sending commands a little fast. Please try again ${when}.`,
  },
};

/** The catalogue's shape: French must say everything English says. */
export type Messages = typeof en;

const fr: Messages = {
  question: 'Question',
  kinds: { who: 'qui', when: 'quand', howmany: 'combien', where: 'où', other: 'générale' },
  matchedParagraphs: (shown, total) => `${shown} sur ${total} paragraphe${total > 1 ? 's' : ''} correspondant${total > 1 ? 's' : ''}`,
  noEvidence: (query) => `Aucun élément dans le corpus pour « ${query} ».`,
  noEvidenceTimeline: 'Aucun passage daté dans le corpus.',
  shownOf: (shown, total) => `Les ${shown} premiers sur ${total}.`,
  didYouMean: 'Mots proches dans le corpus',
  people: 'Personnes',
  organisations: 'Organisations',
  roles: 'Fonctions indiquées',
  mentions: 'Mentions',
  alsoWritten: 'Aussi écrit',
  noPeople: 'Aucune personne trouvée dans le corpus.',
  timeline: 'Chronologie',
  datesFor: (q) => `Dates pour « ${q} »`,
  resolvedFrom: (published) => `déduit de la date de publication ${published}`,
  afterPublication: 'postérieure à la date de publication de l’article',
  compareOn: (t) => `Ce que dit chaque média sur « ${t} »`,
  notCovered: (outlet) => `${outlet} ne traite pas ce sujet.`,
  differences: 'Ce qui diffère',
  figures: 'Chiffres',
  givenBy: 'donné par',
  notGivenBy: 'absent chez',
  namedBy: 'cité par',
  notNamedBy: 'pas par',
  noDifference: 'Aucun chiffre ni aucune personne ne diffère entre les médias sur ce sujet.',
  statements: {
    missing: (words) => `aucun de ses articles ne mentionne ${words}`,
    lacksWords: (outlet, words) => `${outlet} : aucun de ses articles ne mentionne ${words}.`,
    carries: (outlet, original) => `${outlet} reprend ici le texte de ${original} : compté une fois, comme celui de ${original}.`,
    inPassing: (outlet) => `${outlet} n’emploie ces mots qu’en passant ; son paragraphe le plus proche :`,
    different: 'Chiffres différents',
    oneOutlet: 'Donnés par un seul côté',
    same: 'Mêmes chiffres',
    countsDifferent: 'Décomptes différents',
    countsSame: 'Mêmes décomptes',
    countsOne: 'Décompte d’un seul côté',
    notGivenBy: (outlets) => `aucun chiffre de ${outlets}`,
    notCountedBy: (outlets) => `pas de décompte chez ${outlets}`,
    people: 'Personnes citées par certains médias seulement',
    notNamedBy: (outlets) => `pas citée par ${outlets}`,
    inArticles: (outlet, n) => (n === 1 ? `${outlet} (dans son article sur le sujet)` : `${outlet} (dans ses ${n} articles sur le sujet)`),
    ordinal: (n) => (n === 1 ? '1re' : `${n}e`),
  },
  citation: 'Citation',
  sources: 'Sources',
  articles: (n) => `${n} article${n > 1 ? 's' : ''}`,
  paragraphs: (n) => `${n} paragraphe${n > 1 ? 's' : ''}`,
  corpusTotal: (a, p) => `${a} article${a > 1 ? 's' : ''}, ${p} paragraphes indexés.`,
  serverArticle: 'collection de ce serveur',
  serverTotal: (n) => `dont ${n} publié${n > 1 ? 's' : ''} par les modérateurs de ce serveur ; les autres sont la collection partagée.`,
  paragraphSign: '¶',
  help: 'Commandes',
  helpFooter: 'Chaque extrait est le texte même de l’article, avec son média, sa date et son paragraphe.',
  seasons: { spring: 'printemps', summer: 'été', autumn: 'automne', winter: 'hiver' },
  parts: { early: 'début', mid: 'mi', late: 'fin' },
  weekOf: (d) => `semaine du ${d}`,
  errors: {
    'empty-query': () => 'Tapez ce qu’il faut chercher.',
    'query-too-long': (max) => `C’est trop long : ${max} caractères au plus.`,
    'invalid-input': () => 'Je n’ai pas pu lire les options de cette commande. Réessayez.',
    'missing-argument': () => 'Dites-moi ce qu’il faut chercher.',
    'unknown-command': () => 'Je ne connais pas cette commande. Essayez /aide.',
    'empty-message': () => 'Ce message n’a pas de texte à rechercher.',
    'expired-button': () => 'Cette réponse a plus de 15 minutes : ses boutons ne fonctionnent plus. Reposez la question.',
    'stale-button': () => 'Je ne retrouve plus la question derrière ce bouton. Reposez la question.',
    'unknown-button': () => 'Ce bouton vient d’une version antérieure du bot. Reposez la question.',
    'unknown-paragraph': () => 'Ce paragraphe n’est plus dans le corpus. Reposez la question.',
  },
  discord: {
    questionKind: (kind) => `Question · ${kind}`,
    excerpts: 'Extraits',
    matched: (n) => `${n} paragraphe${n > 1 ? 's' : ''} correspondant${n > 1 ? 's' : ''}`,
    excerptsMatched: (n) => `${n} extrait${n > 1 ? 's' : ''} trouvé${n > 1 ? 's' : ''}`,
    datesFound: (n) => `${n} date${n > 1 ? 's' : ''} trouvée${n > 1 ? 's' : ''}`,
    entitiesFound: (n) => `${n} nom${n > 1 ? 's' : ''} trouvé${n > 1 ? 's' : ''}`,
    page: (p, n) => `page ${p}/${n}`,
    moreButton: 'Plus',
    paragraphButton: (n) => `Paragraphe entier ${n}`,
    citationButton: (n) => `Citation ${n}`,
    exportButton: 'Exporter',
    voted: (up, outcome) =>
      outcome === 'unchanged' ? `Votre ${up ? '👍' : '👎'} sur cette réponse était déjà enregistré.` : `Merci : votre ${up ? '👍' : '👎'} sur cette réponse est enregistré${outcome === 'changed' ? ' à la place de votre vote précédent' : ''}. Les modérateurs voient les réponses désapprouvées dans /lacunes.`,
    exported: (shown, total) => `${shown} citation${shown > 1 ? 's' : ''}${shown < total ? ` sur ${total} (les fichiers sont à la taille maximale de Discord)` : ''} : média, titre, date, paragraphe, adresse et extrait, en Markdown et en CSV.`,
    contextMenuHelp: 'Clic droit sur un message → Applications → Citer les sources : les extraits qui l’appuient ou s’y rapportent.',
    checkMenuHelp: 'Clic droit sur un message → Applications → Vérifier l’affirmation : pour chaque chiffre, date, fonction ou citation qu’il donne, ce que dit chaque média — la même chose, autre chose ou rien. Jamais vrai ou faux.',
    hideHelp: 'Chaque commande accepte masquer:True pour ne répondre qu’à vous.',
    internalError: (id) => `Désolé, une erreur s’est produite de mon côté. Elle est enregistrée sous le numéro ${id}.`,
    cooldown: (when) => `Vous envoyez des commandes un peu vite. Réessayez ${when}.`,
  },
};

/** The catalogue for a locale. */
export function messages(locale: Locale): Messages {
  return locale === 'fr' ? fr : en;
}
