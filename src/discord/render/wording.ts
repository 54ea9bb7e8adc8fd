/**
 * `/wording` (`/termes`) on Discord: a first embed with the articles read, then one embed per
 * referent (three per page) whose description says what each outlet writes and how often, each
 * phrase's paragraph a field (numbered across the page, with its reference). Paged like the other
 * lists; "More" shows the rest.
 */
import type { WordingAnswer } from '../../answers/wording-types.js';
import { messages } from '../../render/messages.js';
import { outletWordingLine, phraseReference, referentHeading, wordingEmptyLine, wordingHeadLines, wordingWords } from '../../render/wording-words.js';
import type { AnswerDraft } from './answers.js';
import { withFooter, type RenderContext } from './draft.js';
import type { DraftEmbed, DraftField } from './fit.js';
import { NEUTRAL_COLOR, footer, lines, quote, shown } from './pieces.js';

/** Referents per page: each is an embed of its own. */
export const WORDING_PAGE_SIZE = 3;

/** One page of `/wording`. */
export function wordingDraft(a: WordingAnswer, ctx: RenderContext): AnswerDraft {
  const w = wordingWords(ctx.locale);
  const pageCount = Math.max(1, Math.ceil(a.referents.length / WORDING_PAGE_SIZE));
  const page = Math.min(Math.max(0, Math.trunc(ctx.page)), pageCount - 1);
  const first = page * WORDING_PAGE_SIZE;
  const paging = pageCount > 1 ? ` · ${messages(ctx.locale).discord.page(page + 1, pageCount)}` : '';
  const foot = footer(`${w.summary(a.referents.length)}${paging}`, a.topic);
  const empty = wordingEmptyLine(a, ctx.locale);
  const drafts: DraftEmbed[] = [];
  if (page === 0 || empty) {
    drafts.push({ title: shown(w.title(a.topic)), description: lines([...wordingHeadLines(a, ctx.locale), ...(empty ? ['', empty] : [w.counted])]), color: NEUTRAL_COLOR, fields: [] });
  }
  if (empty) return { page: 0, pageCount: 1, drafts: withFooter(drafts, foot) };
  let n = 0;
  a.referents.slice(first, first + WORDING_PAGE_SIZE).forEach((r, i) => {
    const fields: DraftField[] = [];
    for (const o of r.outlets) {
      for (const p of o.phrases) {
        n += 1;
        fields.push({
          name: shown(`${n}. ${w.phrase(p.text, p.count)} — ${phraseReference(p, ctx.locale)}`),
          value: quote(p.excerpt),
          rank: fields.length,
          excerpt: { number: n, excerpt: p.excerpt },
        });
      }
    }
    drafts.push({
      title: shown(`${first + i + 1}. ${referentHeading(r, ctx.locale)}`),
      description: lines(r.outlets.map((o) => outletWordingLine(o, ctx.locale))),
      color: NEUTRAL_COLOR,
      fields,
    });
  });
  return { page, pageCount, drafts: withFooter(drafts, foot) };
}
