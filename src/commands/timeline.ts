/** `/timeline [topic]`: the events the articles date, across outlets, oldest first, with a picture on Discord. */
import { QUERY_MAX, defineCommand } from './define.js';

export const timeline = defineCommand({
  name: { en: 'timeline', fr: 'chronologie' },
  description: {
    en: 'The events the articles date, across outlets, oldest first, with where outlets differ.',
    fr: 'Les événements que datent les articles, tous médias, du plus ancien, et où ils divergent.',
  },
  summary: {
    en: 'The dated events across outlets, oldest first; dates that differ between outlets are shown.',
    fr: 'Les événements datés, tous médias, du plus ancien ; les dates qui diffèrent sont signalées.',
  },
  argument: {
    name: { en: 'topic', fr: 'sujet' },
    description: { en: 'A topic (leave empty for the whole collection)', fr: 'Un sujet (vide : toute la collection)' },
    required: false,
    completion: 'words',
    maxLength: QUERY_MAX,
  },
  run: (engine, text) => engine.timeline(text),
});
