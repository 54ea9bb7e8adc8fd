/**
 * What every draft of an answer shares, kept apart from the drafts themselves so that
 * `answers.ts` (ask, who, when, cite) and `overview.ts` (compare, sources, help) both depend on
 * it and never on each other.
 */
import type { Locale } from '../../render/messages.js';
import type { DraftEmbed } from './fit.js';

/** What rendering needs besides the answer. */
export interface RenderContext {
  readonly locale: Locale;
  /** 0-based page asked for; clamped to the pages there are. */
  readonly page: number;
  /** An outlet's embed colour, by source id (the router reads each source's once). */
  readonly colorOf: (sourceId: string) => number | undefined;
}

/** The footer goes on the last embed, under everything else. */
export function withFooter(drafts: DraftEmbed[], foot: DraftEmbed['footer']): DraftEmbed[] {
  const last = drafts[drafts.length - 1];
  if (!last || !foot) return drafts;
  return [...drafts.slice(0, -1), { ...last, footer: foot }];
}
