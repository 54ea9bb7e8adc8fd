/**
 * The timeline on Discord: one embed whose image is the timeline picture (attached as
 * `timeline.png`, drawn by `src/render/timeline-png.ts`), and one field per event of the page:
 * its date and outlets (or the outlets' differing dates), then each outlet's sentence with its
 * paragraph. Paged like the other lists; every page carries the picture, so "More" keeps it.
 */
import type { TimelineAnswer, TimelineEvent } from '../../answers/types.js';
import { messages } from '../../render/messages.js';
import { eventHeading, wordingOf } from '../../render/timeline-text.js';
import { PICTURE_FILE, timelinePng } from '../../render/timeline-png.js';
import { timelineWords } from '../../render/timeline-words.js';
import type { AnswerDraft } from './answers.js';
import type { RenderContext } from './draft.js';
import type { DraftField, Fit } from './fit.js';
import { NEUTRAL_COLOR, footer, quoteWithReference, shown } from './pieces.js';
import { UPLOAD } from '../limits.js';
import { cutPlain, display, neutralizeMentions } from './safe-text.js';

/** Events per page: each holds several outlets' sentences, so fewer than `/when`'s dates. */
export const TIMELINE_PAGE_SIZE = 4;

/** One page of the timeline, with its picture. */
export function timelineDraft(a: TimelineAnswer, ctx: RenderContext): AnswerDraft {
  const w = timelineWords(ctx.locale);
  const m = messages(ctx.locale);
  if (a.events.length === 0) return { drafts: [{ description: shown(w.noEvents), color: NEUTRAL_COLOR, fields: [], footer: footer('', a.query) }], page: 0, pageCount: 1 };
  const pageCount = Math.max(1, Math.ceil(a.events.length / TIMELINE_PAGE_SIZE));
  const page = Math.min(Math.max(0, Math.trunc(ctx.page)), pageCount - 1);
  const first = page * TIMELINE_PAGE_SIZE;
  const fields = a.events.slice(first, first + TIMELINE_PAGE_SIZE).map((event, i) => eventField(event, first + i, ctx));
  const differing = a.events.filter((e) => e.differs).length;
  const summary = [w.eventsFound(a.total ?? a.events.length), ...(differing > 0 ? [w.differingFound(differing)] : [])].join(' · ');
  const paging = pageCount > 1 ? ` · ${m.discord.page(page + 1, pageCount)}` : '';
  return {
    page,
    pageCount,
    drafts: [{ title: shown(a.query ? w.titleFor(a.query) : w.title), color: NEUTRAL_COLOR, fields, footer: footer(`${summary}${paging}`, a.query) }],
    // The description (alt text) holds the topic as typed: mentions broken like any text of ours.
    files: [{ name: PICTURE_FILE, data: timelinePng(a, ctx.locale), description: cutPlain(neutralizeMentions(w.pictureAlt(a.query)), UPLOAD.DESCRIPTION_MAX), embedImage: true }],
  };
}

/** `3. 10 March 2026 ≠ 11 March 2026 — dated differently: …`, then each outlet's sentence. */
function eventField(event: TimelineEvent, index: number, ctx: RenderContext): DraftField {
  const mentions = event.datings.flatMap((d) => d.mentions);
  const first = mentions[0];
  return {
    name: shown(`${index + 1}. ${event.differs ? '≠ ' : ''}${eventHeading(event, ctx.locale)}`),
    value: shared(mentions.map((m) => quoteWithReference(m.excerpt, ctx.locale)), mentions.map((m) => display(`(${wordingOf(m, ctx.locale)})`))),
    rank: index,
    ...(first ? { excerpt: { number: index + 1, excerpt: first.excerpt } } : {}),
  };
}

/** Quotes one under the other, each with its wording note, sharing the budget: no outlet's sentence is pushed out by another's. */
function shared(quotes: readonly Fit[], notes: readonly string[]): Fit {
  return (max) => {
    const n = quotes.length;
    const each = Math.floor((max - (n - 1)) / n);
    return quotes
      .map((q, i) => {
        const note = notes[i] ?? '';
        const room = each - note.length - 1;
        return room >= 40 ? `${q(room)}\n${note}` : q(each);
      })
      .join('\n');
  };
}
