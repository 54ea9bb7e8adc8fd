/**
 * The pieces an answer card is laid out in (`card.ts`), and how a card too big for Components V2
 * is made smaller: texts cut at words within a budget, the least relevant excerpts given up.
 */
import type { DraftField, Fit, NumberedExcerpt } from './fit.js';
/** One text of the card that renders itself within its budget. */
export interface Piece {
  readonly fit: Fit;
  readonly dress: (text: string) => string;
  budget: number;
  text: string;
}

/** What a container holds: texts, an excerpt (its texts, field and number), the picture. */
export type Block = { readonly kind: 'text'; readonly pieces: Piece[] } | { readonly kind: 'excerpt'; readonly pieces: Piece[]; readonly field: DraftField; readonly shown: NumberedExcerpt } | { readonly kind: 'image' };

/** One container: its accent colour and blocks. */
export interface Box {
  readonly color: number;
  blocks: Block[];
}

/** The containers of a card and its footer line, before rendering. */
export interface Layout {
  readonly boxes: Box[];
  readonly footer?: string;
}

/** A piece of `fit` at its full budget `limit`, shown through `dress`. */
export function piece(fit: Fit, limit: number, dress: (text: string) => string = (t) => t): Piece {
  return { fit, dress, budget: limit, text: fit(limit) };
}

/** A text that is not cut. */
export const fixed = (text: string): Fit => () => text;

/** The non-empty pieces, dressed, one per line. */
export function rendered(pieces: readonly Piece[]): string {
  return pieces
    .filter((p) => p.text.trim() !== '')
    .map((p) => p.dress(p.text))
    .join('\n');
}

function allPieces(layout: Layout): Piece[] {
  return layout.boxes.flatMap((b) => b.blocks.flatMap((block) => (block.kind === 'image' ? [] : block.pieces)));
}

/** Cuts the longest text longer than `floor`; false when none is. */
export function shrinkLongest(layout: Layout, excess: number, floor: number): boolean {
  const longest = allPieces(layout)
    .filter((p) => p.text.length > floor)
    .sort((a, b) => b.text.length - a.text.length)[0];
  if (!longest) return false;
  longest.budget = Math.max(floor, Math.min(longest.budget, longest.text.length) - Math.max(excess, 1));
  longest.text = longest.fit(longest.budget);
  return true;
}

/** Drops the least relevant ranked excerpt, keeping one excerpt at least in the card. */
export function dropLeastRelevant(layout: Layout): boolean {
  const excerpts = layout.boxes.flatMap((box) => box.blocks.flatMap((block) => (block.kind === 'excerpt' ? [{ box, block }] : [])));
  if (excerpts.length < 2) return false;
  let worst: (typeof excerpts)[number] | undefined;
  for (const e of excerpts) {
    const rank = e.block.field.rank;
    if (rank !== undefined && (!worst || rank >= (worst.block.field.rank ?? -1))) worst = e;
  }
  if (!worst) return false;
  worst.box.blocks = worst.box.blocks.filter((b) => b !== worst?.block);
  return true;
}

/** Last resort, only reachable with absurd drafts: the last block of the last container that has one. */
export function dropLast(layout: Layout): void {
  const box = [...layout.boxes].reverse().find((b) => b.blocks.length > 0);
  if (box) box.blocks.pop();
  else throw new Error('recoupe: a card that cannot fit even empty');
}

