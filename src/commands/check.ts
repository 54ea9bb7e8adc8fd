/**
 * `/check claim` (`/verifier affirmation`), also the message menu "Check this claim": what each
 * outlet says of each figure, ordinal count, date, role and quotation a claim states. Never a verdict.
 */
import { CLAIM_READ_MAX } from '../answers/check-claim-read.js';
import { defineCommand } from './define.js';

export const check = defineCommand({
  name: { en: 'check', fr: 'verifier' },
  description: {
    en: 'What each outlet says of a claim’s figures, counts, dates, roles and quotes, with excerpts.',
    fr: 'Ce que dit chaque média des chiffres, rangs, dates, fonctions et citations d’une affirmation.',
  },
  summary: {
    en: 'Per outlet: the same, something different or nothing, for each point of a claim. No verdict.',
    fr: 'Par média : la même chose, autre chose ou rien, sur chaque point d’une affirmation. Sans verdict.',
  },
  argument: { name: { en: 'claim', fr: 'affirmation' }, description: { en: 'The claim to check against the sources', fr: 'L’affirmation à confronter aux sources' }, required: true, maxLength: CLAIM_READ_MAX },
  run: (engine, text) => engine.check(text),
});
