/** `/wording` as plain-text lines (the terminal's renderer uses them). */
import type { WordingAnswer } from '../answers/wording-types.js';
import { quoted } from './format.js';
import type { Locale } from './messages.js';
import { outletWordingLine, phraseReference, referentHeading, wordingEmptyLine, wordingHeadLines, wordingWords } from './wording-words.js';

/** The whole answer as lines: each referent, each outlet's words, each phrase's paragraph. */
export function wordingLines(a: WordingAnswer, locale: Locale): string[] {
  const w = wordingWords(locale);
  const lines = [w.title(a.topic), ...wordingHeadLines(a, locale)];
  const empty = wordingEmptyLine(a, locale);
  if (empty) return [...lines, '', empty];
  a.referents.forEach((r, i) => {
    lines.push('', `${i + 1}. ${referentHeading(r, locale)}`);
    for (const o of r.outlets) {
      lines.push(`   ${outletWordingLine(o, locale)}`);
      for (const p of o.phrases) lines.push(`     « ${quoted(p.excerpt)} »`, `       — ${phraseReference(p, locale)}`);
    }
  });
  return [...lines, '', w.counted];
}
