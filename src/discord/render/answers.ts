/**
 * Answers as draft embeds (before fitting): `ask`, `who`, `when`, `cite` and "no evidence".
 * The same content as the terminal renderer (`src/terminal/render.ts`), laid out as embeds with
 * one field per excerpt, paged so that one message stays short; `compare`, `sources` and `help`
 * are in `overview.ts`.
 */
import type { Answer, AskAnswer, CiteAnswer, EntitySummary, Excerpt, NoEvidenceAnswer, WhenAnswer, WhoAnswer } from '../../answers/types.js';
import { formatDay, formatPeriod, pasteCitation, shortReference } from '../../render/format.js';
import { messages, type Locale } from '../../render/messages.js';
import { withFooter, type RenderContext } from './draft.js';
import type { DraftEmbed, DraftField } from './fit.js';
import { compareDrafts, helpDrafts, sourcesDrafts } from './overview.js';
import { storiesDraft, withStoryScope } from './stories.js';
import type { ReplyFile } from './payload.js';
import { timelineDraft } from './timeline.js';
import { quotesDraft } from './quotes.js';
import { wordingDraft } from './wording.js';
import { checkDraft } from './check.js';
import { NEUTRAL_COLOR, codeBlock, footer, lines, numberedReference, quote, quoteWithReference, safeUrl, shown, unformatted } from './pieces.js';

/** Items per page, by what is paged. Short pages keep a channel readable; "More" shows the rest. */
export const PAGE_SIZE = { excerpts: 3, dates: 5, entities: 8 } as const;

/** Draft embeds of one page of an answer. */
export interface AnswerDraft {
  readonly drafts: DraftEmbed[];
  /** The page shown (0-based) and how many there are. */
  readonly page: number;
  readonly pageCount: number;
  /** Files to send with the page (the timeline's picture). */
  readonly files?: readonly ReplyFile[];
}

/** One page of any answer, as draft embeds. */
export function draftAnswer(answer: Answer, ctx: RenderContext): AnswerDraft {
  switch (answer.kind) {
    case 'ask':
      return askDraft(answer, ctx);
    case 'who':
      return whoDraft(answer, ctx);
    case 'when':
      return whenDraft(answer, ctx);
    case 'compare':
      return single(withStoryScope(compareDrafts(answer, ctx), answer, ctx));
    case 'cite':
      return single([citeDraft(answer, ctx)]);
    case 'sources':
      return single(sourcesDrafts(answer, ctx));
    case 'help':
      return single(helpDrafts(answer, ctx));
    case 'no-evidence':
      return single([noEvidenceDraft(answer, ctx)]);
    case 'stories':
      return storiesDraft(answer, ctx);
    case 'timeline':
      return timelineDraft(answer, ctx);
    case 'quotes':
      return quotesDraft(answer, ctx);
    case 'wording':
      return wordingDraft(answer, ctx);
    case 'check':
      return checkDraft(answer, ctx);
  }
}

function single(drafts: DraftEmbed[]): AnswerDraft {
  return { drafts, page: 0, pageCount: 1 };
}

/** The page asked for, clamped, and the items on it. */
export function paged<T>(items: readonly T[], size: number, page: number): { page: number; pageCount: number; first: number; items: T[] } {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, Math.trunc(page)), pageCount - 1);
  return { page: p, pageCount, first: p * size, items: items.slice(p * size, (p + 1) * size) };
}

/** `12 matching paragraphs · page 1/4` (the page only when there are several). */
function summary(head: string, page: number, pageCount: number, locale: Locale): string {
  return pageCount > 1 ? `${head} · ${messages(locale).discord.page(page + 1, pageCount)}` : head;
}

/** One field per excerpt, numbered from `first + 1`, ranked by position (the engine ranks best first). */
function excerptFields(excerpts: readonly Excerpt[], first: number, locale: Locale): DraftField[] {
  return excerpts.map((excerpt, i) => ({
    name: numberedReference(first + i + 1, excerpt.citation, locale),
    value: quote(excerpt),
    rank: first + i,
    excerpt: { number: first + i + 1, excerpt },
  }));
}

function askDraft(a: AskAnswer, ctx: RenderContext): AnswerDraft {
  const m = messages(ctx.locale);
  const { page, pageCount, first, items } = paged(a.excerpts, PAGE_SIZE.excerpts, ctx.page);
  const top = items[0];
  return {
    page,
    pageCount,
    drafts: [
      {
        author: unformatted(m.discord.questionKind(m.kinds[a.questionKind])),
        title: shown(a.query),
        color: (top && ctx.colorOf(top.citation.sourceId)) ?? NEUTRAL_COLOR,
        fields: excerptFields(items, first, ctx.locale),
        footer: footer(summary(m.discord.matched(a.total), page, pageCount, ctx.locale), a.query),
      },
    ],
  };
}

/** An entity's field: mentions per outlet, roles as stated (each with its reference), other spellings. */
function entityField(e: EntitySummary, locale: Locale, detailed: boolean): DraftField {
  const m = messages(locale);
  const roles = detailed ? e.roles : e.roles.slice(0, 1);
  return {
    name: shown(e.name),
    value: lines([
      `${m.mentions}: ${e.mentions.map((x) => `${x.outlet} ${x.count}`).join(', ')}`,
      ...roles.map((r) => `${r.text} — ${shortReference(r.citation, locale)}`),
      detailed && e.variants.length > 0 ? `${m.alsoWritten}: ${e.variants.join(', ')}` : '',
    ]),
  };
}

function whoDraft(a: WhoAnswer, ctx: RenderContext): AnswerDraft {
  const m = messages(ctx.locale);
  const detailed = a.query !== undefined;
  const everyone = [...a.people, ...a.organisations];
  const count = m.discord.entitiesFound(everyone.length);
  if (!detailed || a.excerpts.length === 0) {
    // The full list: names are what is paged.
    const { page, pageCount, items } = paged(everyone, PAGE_SIZE.entities, ctx.page);
    const people = items.filter((e) => e.kind === 'person');
    const orgs = items.filter((e) => e.kind !== 'person');
    const drafts: DraftEmbed[] = [];
    if (people.length > 0) drafts.push({ title: shown(m.people), color: NEUTRAL_COLOR, fields: people.map((e) => entityField(e, ctx.locale, detailed)) });
    if (orgs.length > 0) drafts.push({ title: shown(m.organisations), color: NEUTRAL_COLOR, fields: orgs.map((e) => entityField(e, ctx.locale, detailed)) });
    if (drafts.length === 0) drafts.push({ description: shown(m.noPeople), color: NEUTRAL_COLOR, fields: [] });
    return { page, pageCount, drafts: withFooter(drafts, footer(summary(count, page, pageCount, ctx.locale), a.query)) };
  }
  // A name or a question: the people found first (on the first page), then where the corpus says so.
  const { page, pageCount, first, items } = paged(a.excerpts, PAGE_SIZE.excerpts, ctx.page);
  const drafts: DraftEmbed[] = [];
  if (page === 0) drafts.push({ author: unformatted(a.query), title: shown(m.people), color: NEUTRAL_COLOR, fields: everyone.slice(0, PAGE_SIZE.entities).map((e) => entityField(e, ctx.locale, true)) });
  const top = items[0];
  drafts.push({
    title: shown(m.discord.excerpts),
    color: (top && ctx.colorOf(top.citation.sourceId)) ?? NEUTRAL_COLOR,
    fields: excerptFields(items, first, ctx.locale),
  });
  return { page, pageCount, drafts: withFooter(drafts, footer(summary(count, page, pageCount, ctx.locale), a.query)) };
}

function whenDraft(a: WhenAnswer, ctx: RenderContext): AnswerDraft {
  const m = messages(ctx.locale);
  if (a.dates.length === 0) return single([{ description: shown(m.noEvidenceTimeline), color: NEUTRAL_COLOR, fields: [], footer: footer('', a.query) }]);
  const { page, pageCount, first, items } = paged(a.dates, PAGE_SIZE.dates, ctx.page);
  const fields: DraftField[] = items.map((d, i) => {
    const resolved = d.relative ? `, ${m.resolvedFrom(formatDay(d.excerpt.citation.published, ctx.locale))}` : '';
    const how = `“${d.wording}”${resolved}${d.afterPublication ? `; ${m.afterPublication}` : ''}`;
    return {
      name: shown(`${first + i + 1}. ${formatPeriod(d, ctx.locale)} (${how})`),
      value: quoteWithReference(d.excerpt, ctx.locale),
      rank: first + i,
      excerpt: { number: first + i + 1, excerpt: d.excerpt },
    };
  });
  return {
    page,
    pageCount,
    drafts: [
      {
        title: shown(a.query ? m.datesFor(a.query) : m.timeline),
        color: NEUTRAL_COLOR,
        fields,
        footer: footer(summary(m.discord.datesFound(a.dates.length), page, pageCount, ctx.locale), a.query),
      },
    ],
  };
}

function citeDraft(a: CiteAnswer, ctx: RenderContext): DraftEmbed {
  const m = messages(ctx.locale);
  const c = a.excerpt.citation;
  const url = safeUrl(c.url);
  return {
    author: unformatted(c.outletName),
    title: shown(c.title),
    ...(url ? { url } : {}),
    description: quote(a.excerpt),
    color: ctx.colorOf(c.sourceId) ?? NEUTRAL_COLOR,
    fields: [
      { name: numberedReference(1, c, ctx.locale), value: codeBlock(pasteCitation(a.excerpt, ctx.locale)), excerpt: { number: 1, excerpt: a.excerpt } },
    ],
    footer: footer(m.citation, a.query),
  };
}

function noEvidenceDraft(a: NoEvidenceAnswer, ctx: RenderContext): DraftEmbed {
  const m = messages(ctx.locale);
  return {
    description: shown(m.noEvidence(a.query)),
    color: NEUTRAL_COLOR,
    fields: a.suggestions.length > 0 ? [{ name: shown(m.didYouMean), value: shown(a.suggestions.join(', ')) }] : [],
    footer: footer(m.discord.matched(0), a.query),
  };
}
