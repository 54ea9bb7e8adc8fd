/** `/cite query`: one ready-to-paste citation. */
import { QUERY_MAX, defineCommand } from './define.js';

export const cite = defineCommand({
  name: { en: 'cite', fr: 'citer' },
  description: {
    en: 'One ready-to-paste citation for a claim or a topic.',
    fr: 'Une citation prête à coller pour une affirmation ou un sujet.',
  },
  summary: {
    en: 'One ready-to-paste citation.',
    fr: 'Une citation prête à coller.',
  },
  argument: { name: { en: 'query', fr: 'recherche' }, description: { en: 'What to find a citation for', fr: 'Ce qu’il faut citer' }, required: true, completion: 'words', maxLength: QUERY_MAX },
  run: (engine, text) => engine.cite(text),
});
