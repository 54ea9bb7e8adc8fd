/** `/who [name or question]`: people and organisations with their roles as stated. */
import { QUERY_MAX, defineCommand } from './define.js';

export const who = defineCommand({
  name: { en: 'who', fr: 'qui' },
  description: {
    en: 'People and organisations in the articles, with their roles as stated.',
    fr: 'Personnes et organisations des articles, avec leurs fonctions indiquées.',
  },
  summary: {
    en: 'People and organisations, with their roles as stated; or who is behind something.',
    fr: 'Personnes et organisations, avec leurs fonctions telles qu’indiquées ; ou qui est derrière un fait.',
  },
  argument: {
    name: { en: 'query', fr: 'recherche' },
    description: { en: 'A name, or a question such as “who announced…?”', fr: 'Un nom, ou une question comme « qui a annoncé… ? »' },
    required: false,
    completion: 'names',
    maxLength: QUERY_MAX,
  },
  run: (engine, text) => engine.who(text),
});
