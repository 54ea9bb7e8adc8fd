/**
 * Plain-text rendering of answers, for the terminal: the same content the bot posts, laid out as
 * lines. Highlighting is optional (ANSI bold on a terminal, nothing in a pipe) so that piped
 * output quotes the articles exactly.
 */
import type { Answer, AskAnswer, CompareAnswer, EntitySummary, Excerpt, HelpAnswer, NoEvidenceAnswer, SourcesAnswer, WhenAnswer, WhoAnswer } from '../answers/types.js';
import { commandSpec, isCommandName, usageOf } from '../commands/table.js';
import { colon, coverageLine, differenceLines, storyScopeLines } from '../render/differences.js';
import { formatDay, formatPeriod, pasteCitation, quoted, shortReference } from '../render/format.js';
import { messages, type Locale } from '../render/messages.js';
import { matrixLines } from '../render/matrix-text.js';
import { storyLines } from '../render/story-text.js';
import { quoteLines } from '../render/quote-text.js';
import { timelineLines } from '../render/timeline-text.js';
import { wordingLines } from '../render/wording-text.js';
import { checkLines } from '../render/check-text.js';

/** Options of {@link renderText}. */
export interface TextOptions {
  readonly locale: Locale;
  /** Wraps a matched word; identity when omitted. */
  readonly highlight?: (word: string) => string;
}

/** ANSI bold, for highlights on a terminal. */
export const ansiBold = (word: string): string => `\u001b[1m${word}\u001b[22m`;

/** Renders any answer as text lines. */
export function renderText(answer: Answer, options: TextOptions): string {
  const lines = linesOf(answer, options);
  return lines.join('\n');
}

function linesOf(answer: Answer, o: TextOptions): string[] {
  switch (answer.kind) {
    case 'ask':
      return askLines(answer, o);
    case 'who':
      return whoLines(answer, o);
    case 'when':
      return whenLines(answer, o);
    case 'compare':
      return compareLines(answer, o);
    case 'cite':
      return [pasteCitation(answer.excerpt, o.locale)];
    case 'sources':
      return sourcesLines(answer, o);
    case 'help':
      return helpLines(answer, o);
    case 'no-evidence':
      return noEvidenceLines(answer, o);
    case 'stories':
      return storyLines(answer, o.locale);
    case 'timeline':
      return timelineLines(answer, o);
    case 'quotes':
      return quoteLines(answer, o.locale);
    case 'wording':
      return wordingLines(answer, o.locale);
    case 'check':
      return checkLines(answer, o.locale);
  }
}

/** The excerpt with its highlights applied. */
function highlighted(excerpt: Excerpt, o: TextOptions): string {
  const mark = o.highlight;
  if (!mark || excerpt.highlights.length === 0) return excerpt.text;
  let out = '';
  let at = 0;
  for (const h of excerpt.highlights) {
    if (h.start < at) continue;
    out += excerpt.text.slice(at, h.start) + mark(excerpt.text.slice(h.start, h.end));
    at = h.end;
  }
  return out + excerpt.text.slice(at);
}

function excerptLines(excerpt: Excerpt, o: TextOptions, prefix = ''): string[] {
  return [`${prefix}« ${quoted(excerpt, highlighted(excerpt, o))} »`, `${' '.repeat(prefix.length)}  — ${shortReference(excerpt.citation, o.locale)}`];
}

function askLines(a: AskAnswer, o: TextOptions): string[] {
  const m = messages(o.locale);
  const lines = [`${m.question} (${m.kinds[a.questionKind]}): ${a.query}`, ''];
  a.excerpts.forEach((e, i) => lines.push(...excerptLines(e, o, `${i + 1}. `)));
  lines.push('', m.matchedParagraphs(a.excerpts.length, a.total));
  return lines;
}

function entityLines(e: EntitySummary, o: TextOptions, detailed: boolean): string[] {
  const m = messages(o.locale);
  const mentions = e.mentions.map((x) => `${x.outlet} ${x.count}`).join(', ');
  const lines = [`- ${e.name} (${m.mentions}: ${mentions})`];
  const roles = detailed ? e.roles : e.roles.slice(0, 1);
  for (const r of roles) lines.push(`    ${r.text} — ${shortReference(r.citation, o.locale)}`);
  if (detailed && e.variants.length > 0) lines.push(`    ${m.alsoWritten}: ${e.variants.join(', ')}`);
  return lines;
}

function whoLines(a: WhoAnswer, o: TextOptions): string[] {
  const m = messages(o.locale);
  const detailed = a.query !== undefined;
  const lines: string[] = [];
  if (a.people.length > 0) lines.push(`${m.people}:`, ...a.people.flatMap((e) => entityLines(e, o, detailed)));
  if (a.organisations.length > 0) lines.push(...(lines.length ? [''] : []), `${m.organisations}:`, ...a.organisations.flatMap((e) => entityLines(e, o, detailed)));
  if (lines.length === 0) lines.push(m.noPeople);
  if (a.total !== undefined) lines.push('', m.shownOf(a.people.length + a.organisations.length, a.total));
  if (a.excerpts.length > 0) {
    lines.push('');
    a.excerpts.forEach((e, i) => lines.push(...excerptLines(e, o, `${i + 1}. `)));
  }
  return lines;
}

function whenLines(a: WhenAnswer, o: TextOptions): string[] {
  const m = messages(o.locale);
  if (a.dates.length === 0) return [m.noEvidenceTimeline];
  const lines = [a.query ? m.datesFor(a.query) : `${m.timeline}:`, ''];
  for (const d of a.dates) {
    const resolved = d.relative ? `, ${m.resolvedFrom(formatDay(d.excerpt.citation.published, o.locale))}` : '';
    const how = ` (“${d.wording}”${resolved}${d.afterPublication ? `; ${m.afterPublication}` : ''})`;
    lines.push(`• ${formatPeriod(d, o.locale)}${how}`, ...excerptLines(d.excerpt, o, '  '));
  }
  if (a.total !== undefined) lines.push('', m.shownOf(a.dates.length, a.total));
  return lines;
}

function compareLines(a: CompareAnswer, o: TextOptions): string[] {
  const m = messages(o.locale);
  const lines = [m.compareOn(a.topic), ...storyScopeLines(a, o.locale)];
  for (const outlet of a.outlets) {
    lines.push('', `[${outlet.outlet}] ${outlet.outletName}`);
    const said = coverageLine(outlet, o.locale);
    if (said) lines.push(`  ${said}`);
    outlet.excerpts.forEach((e) => lines.push(...excerptLines(e, o, '  ')));
  }
  // The fact matrix, when there is one, states all the differences say, outlet by outlet.
  if (a.matrix && a.matrix.rows.length > 0) return [...lines, '', ...matrixLines(a.matrix, o.locale).map((l, i) => (i === 0 ? `${l}${colon(o.locale).trimEnd()}` : `  ${l}`))];
  const differences = differenceLines(a, o.locale);
  if (differences.length > 0) lines.push('', `${m.differences}${colon(o.locale).trimEnd()}`, ...differences.map((d) => `  ${d}`));
  else if (a.outlets.filter((x) => x.covered).length > 1) lines.push('', m.noDifference);
  return lines;
}

function sourcesLines(a: SourcesAnswer, o: TextOptions): string[] {
  const m = messages(o.locale);
  const lines = [`${m.sources}:`];
  for (const s of a.outlets) {
    lines.push('', `[${s.outlet}] ${s.outletName} — ${s.kind}; ${s.ownership}`);
    for (const art of s.articles) lines.push(`  - ${formatDay(art.published, o.locale)}: ${art.title} (${m.paragraphs(art.paragraphs)}${art.collection === 'server' ? `; ${m.serverArticle}` : ''})${art.url ? ` ${art.url}` : ''}`);
  }
  lines.push('', m.corpusTotal(a.articleCount, a.paragraphCount));
  if (a.serverArticleCount > 0) lines.push(m.serverTotal(a.serverArticleCount));
  return lines;
}

/** Each command as the reader's language names it, from the command table. */
function helpLines(a: HelpAnswer, o: TextOptions): string[] {
  const m = messages(o.locale);
  const lines = [`${m.help}:`];
  for (const name of a.commands.filter(isCommandName)) lines.push(`  ${usageOf(name, o.locale)} — ${commandSpec(name).summary[o.locale]}`);
  lines.push('', m.helpFooter);
  return lines;
}

function noEvidenceLines(a: NoEvidenceAnswer, o: TextOptions): string[] {
  const m = messages(o.locale);
  const lines = [m.noEvidence(a.query)];
  if (a.suggestions.length > 0) lines.push(`${m.didYouMean}: ${a.suggestions.join(', ')}`);
  return lines;
}
