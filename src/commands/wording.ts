/** `/wording topic` (`/termes sujet`): for one referent of a topic, the words each outlet uses, counted. */
import { QUERY_MAX, defineCommand } from './define.js';

export const wording = defineCommand({
  name: { en: 'wording', fr: 'termes' },
  description: {
    en: 'The words each outlet uses for the same thing on a topic, counted, with excerpts.',
    fr: 'Les mots de chaque média pour une même chose sur un sujet, comptés, avec extraits.',
  },
  summary: {
    en: 'The words each outlet uses for one figure, name or statement of a topic, counted.',
    fr: 'Les mots de chaque média pour un même chiffre, nom ou propos d’un sujet, comptés.',
  },
  argument: { name: { en: 'topic', fr: 'sujet' }, description: { en: 'The topic whose wording to compare', fr: 'Le sujet dont comparer les termes' }, required: true, completion: 'words', maxLength: QUERY_MAX },
  run: (engine, text) => engine.wording(text),
});
