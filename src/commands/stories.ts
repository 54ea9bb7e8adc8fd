/**
 * `/stories`: the articles grouped by event, with the outlets covering each story and those of
 * the collection that have no article in it. French `/affaires`: `sujet` already names the
 * topic option of `/comparer` and `/chronologie`, and a story followed over days is an *affaire*.
 */
import { defineCommand } from './define.js';

export const stories = defineCommand({
  name: { en: 'stories', fr: 'affaires' },
  description: {
    en: 'The articles grouped by story: which outlets cover each one, which do not.',
    fr: 'Les articles regroupés par affaire : quels médias couvrent chacune, lesquels non.',
  },
  summary: {
    en: 'The stories of the collection: who covers each one, and which outlets have no article on it.',
    fr: 'Les affaires de la collection : qui couvre chacune, et quels médias n’ont aucun article dessus.',
  },
  run: (engine) => engine.stories(),
});
