/**
 * The bot's own words for the timeline (`/timeline`, `/chronologie`), in English and French, for
 * every surface and for the picture. Excerpts and labels are the articles' words, never here.
 */
import type { Locale } from './messages.js';

const en = {
  title: 'Timeline',
  titleFor: (topic: string) => `Timeline: “${topic}”`,
  /** Said of an event: the outlets whose articles date it. */
  datedBy: (outlets: string) => `dated by ${outlets}`,
  /** The outlets give the event incompatible dates; what follows lists them. */
  datedDifferently: 'dated differently',
  /** One outlet's date in a list of differing dates: `AHP: 10 March 2026`. */
  outletDate: (outlet: string, date: string) => `${outlet}: ${date}`,
  eventsFound: (n: number) => `${n} dated event${n === 1 ? '' : 's'}`,
  differingFound: (n: number) => `${n} dated differently`,
  noEvents: 'No dated event in the corpus.',
  /** Under the picture when it shows only part of the timeline. */
  pictureShows: (shown: number, total: number) => `${shown} of ${total} events; the whole list is in the text.`,
  /** The picture's key to its marker of differing dates. */
  pictureKey: 'the outlets give different dates',
  /** The picture's description (alt text). */
  pictureAlt: (topic: string | undefined) => (topic ? `Timeline of the events the articles date on “${topic}”, by outlet` : 'Timeline of the events the articles date, by outlet'),
  pictureWritten: (path: string) => `Picture written to ${path}`,
  pictureOption: 'write the timeline picture (PNG) to FILE',
};

const fr: typeof en = {
  title: 'Chronologie',
  titleFor: (topic) => `Chronologie\u00a0: « ${topic} »`,
  datedBy: (outlets) => `daté par ${outlets}`,
  datedDifferently: 'daté différemment',
  outletDate: (outlet, date) => `${outlet}\u00a0: ${date}`,
  eventsFound: (n) => `${n} événement${n > 1 ? 's' : ''} daté${n > 1 ? 's' : ''}`,
  differingFound: (n) => `${n} daté${n > 1 ? 's' : ''} différemment`,
  noEvents: 'Aucun événement daté dans le corpus.',
  pictureShows: (shown, total) => `${shown} événements sur ${total} ; la liste complète est dans le texte.`,
  pictureKey: 'les médias donnent des dates différentes',
  pictureAlt: (topic) => (topic ? `Chronologie des événements que les articles datent sur « ${topic} », par média` : 'Chronologie des événements que les articles datent, par média'),
  pictureWritten: (path) => `Image écrite dans ${path}`,
  pictureOption: 'écrire l’image de la chronologie (PNG) dans FICHIER',
};

/** The timeline's words in a locale. */
export function timelineWords(locale: Locale): typeof en {
  return locale === 'fr' ? fr : en;
}
