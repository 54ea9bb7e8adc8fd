/** `/ask question`: the best excerpts for a question. */
import { QUERY_MAX, defineCommand } from './define.js';

export const ask = defineCommand({
  name: { en: 'ask', fr: 'demander' },
  description: {
    en: 'Ask a question; get the best excerpts from the articles, cited.',
    fr: 'Posez une question ; obtenez les meilleurs extraits des articles, cités.',
  },
  summary: {
    en: 'Ask a question; get the best excerpts, cited.',
    fr: 'Posez une question ; obtenez les meilleurs extraits, cités.',
  },
  // No autocomplete: completing a question word by word would suggest questions nobody asked.
  argument: { name: { en: 'question', fr: 'question' }, description: { en: 'Your question (the articles are in French)', fr: 'Votre question' }, required: true, maxLength: QUERY_MAX },
  run: (engine, text) => engine.ask(text),
});
