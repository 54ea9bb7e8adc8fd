/**
 * Fitting drafted embeds into Discord's limits. Every text of a draft renders itself within a
 * budget ({@link Fit}), so that shortening never splits an escape or a bold marker; fields that
 * hold excerpts carry a rank, so that when the 6 000-character total of a message is exceeded the
 * least relevant excerpts go first, and only then are the longest texts cut (at word boundaries).
 */
import { embedLength, type APIEmbed } from 'discord.js';
import type { Excerpt } from '../../answers/types.js';
import { EMBED, MESSAGE } from '../limits.js';

/** A text that renders itself within `max` characters (and never returns more). */
export type Fit = (max: number) => string;

/** A field of a draft embed. */
export interface DraftField {
  readonly name: Fit;
  readonly value: Fit;
  readonly inline?: boolean;
  /** Present on excerpt fields: higher is less relevant, dropped first. Absent: never dropped. */
  readonly rank?: number;
  /** The excerpt this field shows, and its number in the answer (buttons are made for those that remain). */
  readonly excerpt?: NumberedExcerpt;
}

/** An embed before fitting. */
export interface DraftEmbed {
  readonly title?: Fit;
  readonly description?: Fit;
  readonly author?: Fit;
  readonly footer?: Fit;
  readonly url?: string;
  readonly color?: number;
  readonly fields: readonly DraftField[];
}

/** An excerpt as numbered in the reply (`1.`, `2.`...), which its buttons repeat. */
export interface NumberedExcerpt {
  readonly number: number;
  readonly excerpt: Excerpt;
}

/** Embeds within every limit, and the excerpts they still show, in order. */
export interface Fitted {
  readonly embeds: APIEmbed[];
  readonly excerpts: NumberedExcerpt[];
}

/** Smallest budget a text is shrunk to before giving up on shrinking it further. */
const MIN_BUDGET = 24;

interface Piece {
  readonly fit: Fit;
  budget: number;
  text: string;
}

interface Working {
  readonly draft: DraftEmbed;
  readonly title?: Piece;
  readonly description?: Piece;
  readonly author?: Piece;
  readonly footer?: Piece;
  fields: Array<{ readonly field: DraftField; readonly name: Piece; readonly value: Piece }>;
}

function piece(fit: Fit | undefined, limit: number): Piece | undefined {
  return fit ? { fit, budget: limit, text: fit(limit) } : undefined;
}

/**
 * Renders drafts into embeds within every limit of `limits.ts`: at most 10 embeds and 25 fields
 * each, every text within its own limit, and 6 000 characters in all.
 */
export function fitEmbeds(drafts: readonly DraftEmbed[]): Fitted {
  const work: Working[] = drafts.slice(0, MESSAGE.EMBEDS_MAX).map((draft) => ({
    draft,
    ...optional('title', piece(draft.title, EMBED.TITLE_MAX)),
    ...optional('description', piece(draft.description, EMBED.DESCRIPTION_MAX)),
    ...optional('author', piece(draft.author, EMBED.AUTHOR_MAX)),
    ...optional('footer', piece(draft.footer, EMBED.FOOTER_MAX)),
    fields: draft.fields.slice(0, EMBED.FIELDS_MAX).map((field) => ({
      field,
      name: piece(field.name, EMBED.FIELD_NAME_MAX) as Piece,
      value: piece(field.value, EMBED.FIELD_VALUE_MAX) as Piece,
    })),
  }));
  while (total(work) > EMBED.TOTAL_MAX) {
    if (dropLeastRelevant(work)) continue;
    if (!shrinkLongest(work, total(work) - EMBED.TOTAL_MAX)) dropLastField(work);
  }
  return { embeds: work.map(toEmbed), excerpts: work.flatMap((w) => w.fields.flatMap((f) => (f.field.excerpt ? [f.field.excerpt] : []))) };
}

function optional<K extends string>(key: K, value: Piece | undefined): Partial<Record<K, Piece>> {
  return value ? ({ [key]: value } as Record<K, Piece>) : {};
}

function total(work: readonly Working[]): number {
  return work.reduce((sum, w) => sum + embedLength(toEmbed(w)), 0);
}

/** Drops the least relevant excerpt field, keeping at least one ranked field per embed. */
function dropLeastRelevant(work: Working[]): boolean {
  let worst: { w: Working; index: number; rank: number } | undefined;
  for (const w of work) {
    const ranked = w.fields.filter((f) => f.field.rank !== undefined);
    if (ranked.length < 2) continue;
    w.fields.forEach((f, index) => {
      const rank = f.field.rank;
      if (rank !== undefined && (!worst || rank >= worst.rank)) worst = { w, index, rank };
    });
  }
  if (!worst) return false;
  worst.w.fields.splice(worst.index, 1);
  return true;
}

/** Re-renders the longest text with a smaller budget; false when nothing can shrink any more. */
function shrinkLongest(work: Working[], excess: number): boolean {
  const pieces = work.flatMap((w) => [w.title, w.description, w.author, w.footer, ...w.fields.flatMap((f) => [f.name, f.value])]);
  const longest = pieces.filter((p): p is Piece => p !== undefined && p.text.length > MIN_BUDGET).sort((a, b) => b.text.length - a.text.length)[0];
  if (!longest) return false;
  longest.budget = Math.max(MIN_BUDGET, Math.min(longest.budget, longest.text.length) - Math.max(excess, 1));
  longest.text = longest.fit(longest.budget);
  return true;
}

/** Last resort, only reachable with absurd drafts: drop the last field of the last embed that has one. */
function dropLastField(work: Working[]): void {
  const w = [...work].reverse().find((x) => x.fields.length > 0);
  if (w) w.fields.pop();
  else work.pop();
}

function toEmbed(w: Working): APIEmbed {
  const embed: APIEmbed = {};
  if (w.title?.text) embed.title = w.title.text;
  if (w.description?.text) embed.description = w.description.text;
  if (w.author?.text) embed.author = { name: w.author.text };
  if (w.footer?.text) embed.footer = { text: w.footer.text };
  if (w.draft.url) embed.url = w.draft.url;
  if (w.draft.color !== undefined) embed.color = w.draft.color;
  const fields = w.fields.filter((f) => f.name.text && f.value.text);
  if (fields.length > 0) embed.fields = fields.map((f) => ({ name: f.name.text, value: f.value.text, ...(f.field.inline ? { inline: true } : {}) }));
  return embed;
}
