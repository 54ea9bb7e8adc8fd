/**
 * Making third-party and user text safe to show on Discord, and cutting it to a length.
 *
 * Two dangers: Markdown (a `*` in an article must not turn the rest of the excerpt bold, a
 * `[label](url)` must not become a disguised link) and mentions. `escapeMarkdown` does nothing
 * about mentions, so mention syntax is broken with a zero-width space (U+200B) after `@` or `<`.
 * That holds even if `allowed_mentions` were ever dropped from a request.
 */
import { escapeMarkdown } from 'discord.js';
import { ELLIPSIS } from '../../render/format.js';
import type { Span } from '../../text/sentences.js';

/** U+200B: invisible, and enough to stop Discord from reading a mention. */
export const ZWSP = '\u200b';

/** Mention syntax that would ping (or render as a mention) if it reached Discord unbroken. */
export const LIVE_MENTION = /@(?:everyone|here)|<@[!&]?\d+>|<#\d+>/iu;

/** Mention syntax: `@everyone`, `@here`, and `<@id>`, `<@!id>`, `<@&id>`, `<#id>` (the `<` before `@`/`#`). */
const MENTION_BREAK_POINTS = /@(?=everyone|here)|<(?=[@#])/giu;

/**
 * Every Markdown construct `escapeMarkdown` knows, headings and lists included. Masked links are
 * escaped by us: discord.js 14 escapes only the first `[label](url)` of a text.
 */
const ESCAPE_ALL = { heading: true, bulletedList: true, numberedList: true, maskedLink: false } as const;

/**
 * Breaks mention syntax with a zero-width space. Idempotent (an already broken mention no longer
 * matches), so it is safe to apply twice.
 *
 * @example neutralizeMentions('@everyone <@123>') === '@\u200beveryone <\u200b@123>'
 */
export function neutralizeMentions(text: string): string {
  return text.replace(MENTION_BREAK_POINTS, (m) => m + ZWSP);
}

/**
 * {@link neutralizeMentions}, also moving spans (highlights) to where their text went, so that
 * mentions are broken before the text is split around highlights (a split between `<` and `@`
 * must not leave a mention behind once the bold markers are read past).
 */
export function neutralizeWithSpans(text: string, spans: readonly Span[]): { text: string; spans: Span[] } {
  const inserted: number[] = [];
  const out = text.replace(MENTION_BREAK_POINTS, (m, offset: number) => {
    inserted.push(offset + m.length);
    return m + ZWSP;
  });
  const shift = (at: number) => at + inserted.filter((i) => i <= at).length;
  return { text: out, spans: spans.map((s) => ({ start: shift(s.start), end: shift(s.end) })) };
}

/**
 * Text for a Markdown-rendered place (embed description, field, title, message content):
 * Markdown escaped (brackets and blockquote markers too, which `escapeMarkdown` leaves or
 * misses), mentions broken.
 */
export function display(text: string): string {
  return neutralizeMentions(
    escapeMarkdown(text, ESCAPE_ALL)
      .replace(/[[\]]/gu, '\\$&')
      .replace(/^(\s*)>/gmu, '$1\\>'),
  );
}

/** Text for a place Discord shows without Markdown (embed footer, author, button label): mentions broken. */
export function plain(text: string): string {
  return neutralizeMentions(text);
}

/**
 * `text` with `**bold**` around the spans, each piece escaped on its own: escaping after adding
 * the markers would escape the markers, and escaping before would move the offsets.
 */
export function bolded(text: string, spans: readonly Span[]): string {
  let out = '';
  let at = 0;
  for (const s of mergeSpans(spans, text)) {
    out += display(text.slice(at, s.start)) + `**${display(text.slice(s.start, s.end))}**`;
    at = s.end;
  }
  return out + display(text.slice(at));
}

/** Sorted, clipped, trimmed of white space, and merged where they touch (`****` would show) or are one space apart. */
function mergeSpans(spans: readonly Span[], text: string): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    let start = Math.max(0, s.start);
    let end = Math.min(text.length, s.end);
    while (start < end && /\s/u.test(text.charAt(start))) start++;
    while (end > start && /\s/u.test(text.charAt(end - 1))) end--;
    if (start >= end) continue;
    const last = out[out.length - 1];
    // Touching, or apart by white space only: one bold run (`**aide fraternelle**`).
    if (last && (start <= last.end || /^\s+$/u.test(text.slice(last.end, start)))) out[out.length - 1] = { start: last.start, end: Math.max(last.end, end) };
    else out.push({ start, end });
  }
  return out;
}

/** Positions before each run of white space, and the end: where a text may be cut. */
function wordCutPoints(text: string): number[] {
  const points: number[] = [];
  for (const m of text.matchAll(/\s+/gu)) if (m.index > 0) points.push(m.index);
  points.push(text.length);
  return points;
}

/** Every code point boundary: the fallback for a first "word" longer than the room (a long URL). */
function hardCutPoints(text: string, upTo = text.length): number[] {
  const points: number[] = [];
  for (let i = 1; i <= Math.min(upTo, text.length); i++) if (!isLowSurrogate(text.charCodeAt(i))) points.push(i);
  return points;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The rendering of the longest prefix ending at one of `points` that fits, by binary search. */
function longestFitting(text: string, points: readonly number[], max: number, render: (kept: string, cut: boolean) => string): string | undefined {
  let lo = 0;
  let hi = points.length - 1;
  let best: string | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const kept = text.slice(0, points[mid]).trimEnd().replace(/[\s,;:–—-]+$/u, '');
    const rendered = render(kept, true);
    if (rendered.length <= max) {
      best = rendered;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}

/**
 * The longest rendering of `text` that fits in `max`, cutting the source text (never the
 * rendered one, so no escape or bold marker is ever split) at a word boundary.
 *
 * @param render Renders a kept prefix of `text`; `cut` says whether something was dropped (the
 *   renderer then adds `…`). Must be monotonic (a longer prefix never renders shorter) and never
 *   shorter than the prefix itself (escaping and markers only add).
 * @returns A string of at most `max` characters (empty only when nothing at all fits).
 */
export function fitByCutting(text: string, max: number, render: (kept: string, cut: boolean) => string): string {
  const whole = render(text, false);
  if (whole.length <= max) return whole;
  // A rendering is never shorter than what it renders, so prefixes longer than `max` need no try.
  const within = (points: number[]) => points.filter((p) => p <= max);
  const best = longestFitting(text, within(wordCutPoints(text)), max, render) ?? longestFitting(text, within(hardCutPoints(text, max)), max, render);
  if (best !== undefined) return best;
  return ELLIPSIS.slice(0, max);
}

/** Raw text cut to `max` characters at a word boundary with `…`, for places without Markdown. */
export function cutPlain(text: string, max: number): string {
  return fitByCutting(text, max, (kept, cut) => plain(cut ? kept + ELLIPSIS : kept));
}

/** Text escaped for Markdown and cut to `max` characters at a word boundary with `…`. */
export function cutDisplay(text: string, max: number): string {
  return fitByCutting(text, max, (kept, cut) => display(cut ? kept + ELLIPSIS : kept));
}
