/** `/quotes [person or topic]`: the verbatim quotations and who the text says speaks them. */
import { QUERY_MAX, defineCommand } from './define.js';

export const quotes = defineCommand({
  name: { en: 'quotes', fr: 'citations' },
  description: {
    en: 'Verbatim quotations and who said them, per outlet; one statement across outlets grouped.',
    fr: 'Citations entre guillemets et qui les a prononcées, par média ; une même déclaration regroupée.',
  },
  summary: {
    en: 'Quotations with their speakers as written; one statement in several outlets grouped, words compared.',
    fr: 'Citations et leurs auteurs selon l’article ; une déclaration reprise par plusieurs médias regroupée.',
  },
  argument: {
    name: { en: 'query', fr: 'recherche' },
    description: { en: 'A person or a topic (empty: the most quoted)', fr: 'Une personne ou un sujet (vide : les plus cités)' },
    required: false,
    completion: 'names',
    maxLength: QUERY_MAX,
  },
  run: (engine, text) => engine.quotes(text),
});
