/** `/sources`: the outlets and articles indexed. */
import { defineCommand } from './define.js';

export const sources = defineCommand({
  name: { en: 'sources', fr: 'sources' },
  description: {
    en: 'The outlets and articles indexed, and who owns each outlet.',
    fr: 'Les médias et articles indexés, et à qui appartient chaque média.',
  },
  summary: {
    en: 'The outlets and articles indexed.',
    fr: 'Les médias et articles indexés.',
  },
  run: (engine) => engine.sources(),
});
