/** `/help`: what each command does (the renderers list the table's summaries). */
import { defineCommand } from './define.js';

export const help = defineCommand({
  name: { en: 'help', fr: 'aide' },
  description: {
    en: 'What each command does.',
    fr: 'Ce que fait chaque commande.',
  },
  summary: {
    en: 'This list.',
    fr: 'Cette liste.',
  },
  run: (_engine, _text, table) => ({ kind: 'help', commands: table.names }),
});
