/**
 * `/quotes` on Discord: on the first page, the most quoted speakers (all quotations or a topic's);
 * then one embed per statement (three per page), titled with its speaker and the outlets
 * carrying it, in the outlet's colour when one outlet does, each article's quotation a field
 * (numbered across the page, with its reference and how the text attributes it), and the
 * wording differences as the description. Paged like the other lists; "More" shows the rest.
 */
import type { QuoteGroup, QuotesAnswer } from '../../answers/types.js';
import { colon } from '../../render/differences.js';
import { shortReference } from '../../render/format.js';
import { messages } from '../../render/messages.js';
import { TALLY_LINES } from '../../render/quote-text.js';
import { attributionNote, groupHeading, quoteWords, quotesEmptyLine, quotesStoryLine, quotesSummary, quotesTitle, tallyLine, wordingLines } from '../../render/quote-words.js';
import type { AnswerDraft } from './answers.js';
import { withFooter, type RenderContext } from './draft.js';
import type { DraftEmbed, DraftField } from './fit.js';
import { NEUTRAL_COLOR, footer, lines, quote, shown, unformatted } from './pieces.js';

/** Statements per page: each is an embed of its own, with a field per outlet carrying it. */
export const QUOTES_PAGE_SIZE = 3;
/** Quotations shown per statement at most (one per article carrying it). */
const QUOTATIONS_SHOWN = 8;

/** One page of `/quotes`. */
export function quotesDraft(a: QuotesAnswer, ctx: RenderContext): AnswerDraft {
  const w = quoteWords(ctx.locale);
  const m = messages(ctx.locale);
  const pageCount = Math.max(1, Math.ceil(a.groups.length / QUOTES_PAGE_SIZE));
  const page = Math.min(Math.max(0, Math.trunc(ctx.page)), pageCount - 1);
  const first = page * QUOTES_PAGE_SIZE;
  const paging = pageCount > 1 ? ` · ${m.discord.page(page + 1, pageCount)}` : '';
  const foot = footer(`${quotesSummary(a, ctx.locale)}${paging}`, a.query);
  const head = [a.person && a.person.variants.length > 0 ? `${w.alsoWritten}${colon(ctx.locale)}${a.person.variants.join(', ')}` : '', quotesStoryLine(a, ctx.locale) ?? ''];
  const empty = quotesEmptyLine(a, ctx.locale);
  if (empty) return { page: 0, pageCount: 1, drafts: [{ title: shown(quotesTitle(a, ctx.locale)), description: lines([...head, empty]), color: NEUTRAL_COLOR, fields: [], footer: foot }] };
  const drafts: DraftEmbed[] = [];
  const tallies = a.scope !== 'speaker' ? a.speakers.slice(0, TALLY_LINES).map((t) => tallyLine(t, ctx.locale)) : [];
  if (page === 0) {
    drafts.push({
      title: shown(quotesTitle(a, ctx.locale)),
      description: lines([...head, ...(tallies.length > 0 ? [`${w.mostQuoted}${colon(ctx.locale).trimEnd()}`, ...tallies.map((t) => `• ${t}`)] : [])]),
      color: NEUTRAL_COLOR,
      fields: [],
    });
  }
  let n = 0;
  a.groups.slice(first, first + QUOTES_PAGE_SIZE).forEach((g, i) => {
    const fields = g.quotations.slice(0, QUOTATIONS_SHOWN).map((q, k): DraftField => {
      n += 1;
      const note = attributionNote(q, ctx.locale);
      return {
        name: shown(`${n}. ${shortReference(q.excerpt.citation, ctx.locale)}${note ? ` — ${note}` : ''}`),
        value: quote(q.excerpt),
        rank: i * QUOTATIONS_SHOWN + k,
        excerpt: { number: n, excerpt: q.excerpt },
      };
    });
    const wording = wordingLines(g, ctx.locale);
    drafts.push({
      ...(page === 0 && i === 0 ? {} : i === 0 ? { author: unformatted(quotesTitle(a, ctx.locale)) } : {}),
      title: shown(`${first + i + 1}. ${groupHeading(g, ctx.locale)}`),
      ...(wording.length > 0 ? { description: lines([`${w.wording}${colon(ctx.locale).trimEnd()}`, ...wording]) } : {}),
      color: colorOf(g, ctx),
      fields,
    });
  });
  return { page, pageCount, drafts: withFooter(drafts, foot) };
}

/** The colour of the one outlet carrying a statement; neutral when several do. */
function colorOf(g: QuoteGroup, ctx: RenderContext): number {
  const sources = new Set(g.quotations.map((q) => q.excerpt.citation.sourceId));
  const [only] = sources;
  return (sources.size === 1 && only !== undefined ? ctx.colorOf(only) : undefined) ?? NEUTRAL_COLOR;
}
