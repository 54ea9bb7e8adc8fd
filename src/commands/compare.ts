/** `/compare topic`: each outlet's excerpts on a topic, then what differs. */
import { QUERY_MAX, defineCommand } from './define.js';

export const compare = defineCommand({
  name: { en: 'compare', fr: 'comparer' },
  description: {
    en: 'What each outlet says on a topic, and what differs.',
    fr: 'Ce que dit chaque média sur un sujet, et ce qui diffère.',
  },
  summary: {
    en: 'What each outlet says on a topic, and what differs.',
    fr: 'Ce que dit chaque média sur un sujet, et ce qui diffère.',
  },
  argument: { name: { en: 'topic', fr: 'sujet' }, description: { en: 'The topic to compare', fr: 'Le sujet à comparer' }, required: true, completion: 'words', maxLength: QUERY_MAX },
  run: (engine, text) => engine.compare(text),
});
