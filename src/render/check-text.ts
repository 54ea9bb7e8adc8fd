/** "Check this claim" as plain-text lines (the terminal's renderer uses them). */
import type { CheckAnswer } from '../answers/check-claim-types.js';
import { quoted, shortReference } from './format.js';
import type { Locale } from './messages.js';
import { checkHeadLines, checkLine, checkWords, itemHeading } from './check-words.js';

/** The whole answer as lines: the claim and what was read, then each item with every outlet's line and passage. */
export function checkLines(a: CheckAnswer, locale: Locale): string[] {
  const w = checkWords(locale);
  const lines = [w.title, ...checkHeadLines(a, locale)];
  if (a.items.length === 0) return lines;
  if (a.items.every((i) => i.kind === 'statement')) lines.push('', w.nothing);
  a.items.forEach((item, i) => {
    lines.push('', `${i + 1}. ${itemHeading(item, locale)}`);
    for (const check of item.checks) {
      lines.push(`   ${checkLine(item, check, locale)}`);
      const first = check.evidence[0];
      if (first) lines.push(`     « ${quoted(first.excerpt)} »`, `       — ${shortReference(first.excerpt.citation, locale)}`);
    }
  });
  return lines;
}
