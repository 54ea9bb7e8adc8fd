/**
 * The fact matrix of `/compare` as one Discord embed: the legend and the articles read in its
 * description, then one field per row (its label; one line per outlet's cell, with its paragraph).
 * Everything goes through the draft and fit path, which escapes the articles' words and keeps
 * the message within Discord's limits.
 */
import type { FactMatrix } from '../../answers/types.js';
import { matrixCellText, matrixHeaderLines, matrixRowLabel } from '../../render/matrix-text.js';
import { matrixWords } from '../../render/matrix-words.js';
import { EMBED } from '../limits.js';
import type { RenderContext } from './draft.js';
import type { DraftEmbed, DraftField } from './fit.js';
import { NEUTRAL_COLOR, lines, shown } from './pieces.js';

/**
 * How a row's rank grows with its position, against excerpt fields ranked 0, 1, 2 within their
 * outlet: rows come differences first and are shorter than an excerpt, so when the message runs
 * out of room two rows go for every excerpt rank, the agreements at the end first.
 */
const RANK_PER_ROW = 0.5;

/** The matrix's embed; rows past an embed's field limit are left out (the engine cuts rows well before). */
export function matrixDraft(m: FactMatrix, ctx: RenderContext): DraftEmbed {
  const fields = m.rows.slice(0, EMBED.FIELDS_MAX).map(
    (row, i): DraftField => ({
      name: shown(matrixRowLabel(row, ctx.locale)),
      value: lines(row.cells.map((c) => matrixCellText(row, c, ctx.locale))),
      rank: i * RANK_PER_ROW,
    }),
  );
  return { title: shown(matrixWords(ctx.locale).title), color: NEUTRAL_COLOR, description: lines(matrixHeaderLines(m, ctx.locale)), fields };
}
