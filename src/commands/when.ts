/** `/when [event]`: dates, normalised; without an event, the timeline. */
import { QUERY_MAX, defineCommand } from './define.js';

export const when = defineCommand({
  name: { en: 'when', fr: 'quand' },
  description: {
    en: 'Dates in the articles, normalised; without a topic, the whole timeline.',
    fr: 'Les dates des articles, normalisées ; sans sujet, toute la chronologie.',
  },
  summary: {
    en: 'Dates, normalised; without a topic, the whole timeline.',
    fr: 'Les dates, normalisées ; sans sujet, toute la chronologie.',
  },
  argument: {
    name: { en: 'query', fr: 'recherche' },
    description: { en: 'An event (leave empty for the whole timeline)', fr: 'Un événement (vide : toute la chronologie)' },
    required: false,
    completion: 'words',
    maxLength: QUERY_MAX,
  },
  run: (engine, text) => engine.when(text),
});
