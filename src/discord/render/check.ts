/**
 * "Check this claim" (`/check`, `/verifier`, and the message menu) on Discord: a first embed with
 * the claim, what this is not, the legend and the articles read; then one embed per item of the
 * claim, each outlet's line in its description and each outlet's first passage a numbered field
 * (with its reference), so that every "the same", "something different" can be read in the
 * article's words. One page: a claim has at most six items (check-claim-read.ts).
 */
import type { CheckAnswer } from '../../answers/check-claim-types.js';
import { shortReference } from '../../render/format.js';
import { CELL_MARK } from '../../render/matrix-words.js';
import { checkHeadLines, checkLine, checkWords, itemHeading } from '../../render/check-words.js';
import type { AnswerDraft } from './answers.js';
import { withFooter, type RenderContext } from './draft.js';
import type { DraftEmbed, DraftField } from './fit.js';
import { NEUTRAL_COLOR, footer, lines, quote, shown } from './pieces.js';

/** The answer's embeds. */
export function checkDraft(a: CheckAnswer, ctx: RenderContext): AnswerDraft {
  const w = checkWords(ctx.locale);
  const onlyStatement = a.items.length > 0 && a.items.every((i) => i.kind === 'statement');
  const drafts: DraftEmbed[] = [{ title: shown(w.title), description: lines([...checkHeadLines(a, ctx.locale), ...(onlyStatement ? ['', w.nothing] : [])]), color: NEUTRAL_COLOR, fields: [] }];
  let n = 0;
  a.items.forEach((item, i) => {
    const fields: DraftField[] = [];
    for (const check of item.checks) {
      const first = check.evidence[0];
      if (!first) continue;
      n += 1;
      fields.push({
        name: shown(`${n}. ${check.outlet} ${CELL_MARK[check.state]} — ${shortReference(first.excerpt.citation, ctx.locale)}`),
        value: quote(first.excerpt),
        rank: fields.length,
        excerpt: { number: n, excerpt: first.excerpt },
      });
    }
    drafts.push({ title: shown(`${i + 1}. ${itemHeading(item, ctx.locale)}`), description: lines(item.checks.map((c) => checkLine(item, c, ctx.locale))), color: NEUTRAL_COLOR, fields });
  });
  return { page: 0, pageCount: 1, drafts: withFooter(drafts, footer(w.summary(a.items.length), a.claim)) };
}
