/**
 * Building blocks of Discord embeds: texts that fit themselves to a budget ({@link Fit}),
 * quotes with their matched words in bold, references, colours and links.
 */
import type { Citation, Excerpt } from '../../answers/types.js';
import { ELLIPSIS, shortReference } from '../../render/format.js';
import type { Locale } from '../../render/messages.js';
import { carries, type Carried } from '../custom-id.js';
import type { Fit } from './fit.js';
import { textDisplaysOf } from './component-tree.js';
import { bolded, cutDisplay, cutPlain, display, fitByCutting, neutralizeWithSpans, plain } from './safe-text.js';

/** Markdown-rendered text (title, description, field), escaped, cut at a word when too long. */
export const shown =
  (text: string): Fit =>
  (max) =>
    cutDisplay(text, max);

/** Text for a place without Markdown (footer, author), cut at a word when too long. */
export const unformatted =
  (text: string): Fit =>
  (max) =>
    cutPlain(text, max);

/** A line of {@link lines}: raw text (escaped when shown), or text already rendered (never cut: left out if it does not fit). */
export type Line = string | { readonly rendered: string };

/**
 * Lines shown one under the other; when too long, whole lines are kept while they fit and the
 * first raw line that does not is cut at a word. Empty lines are left out.
 */
export function lines(items: readonly Line[]): Fit {
  const kept = items.filter((l) => (typeof l === 'string' ? l.trim() : l.rendered) !== '');
  return (max) => {
    const out: string[] = [];
    let used = 0;
    for (const line of kept) {
      const sep = out.length > 0 ? 1 : 0;
      const whole = typeof line === 'string' ? display(line) : line.rendered;
      if (used + sep + whole.length <= max) {
        out.push(whole);
        used += sep + whole.length;
        continue;
      }
      const room = max - used - sep;
      if (typeof line === 'string' && room >= 8) out.push(cutDisplay(line, room));
      break;
    }
    return out.join('\n');
  };
}

/**
 * An excerpt as `« …text with **matched** words… »`. Mentions are broken before the text is
 * split at the highlights (offsets moved accordingly), each piece is escaped on its own, and a cut
 * keeps whole words and adds `…`.
 */
export function quote(excerpt: Excerpt): Fit {
  const { text, spans } = neutralizeWithSpans(excerpt.text, excerpt.highlights);
  return (max) =>
    fitByCutting(text, max, (kept, cut) => `« ${excerpt.cutStart ? ELLIPSIS : ''}${bolded(kept, spans)}${cut || excerpt.cutEnd ? ELLIPSIS : ''} »`);
}

/** `AFP, 17 June 2025, ¶3`, escaped (outlet names are data, not ours to trust with Markdown). */
export function reference(c: Citation, locale: Locale): string {
  return display(shortReference(c, locale));
}

/** A quote with its reference on the line below; the quote gives way when room is short. */
export function quoteWithReference(excerpt: Excerpt, locale: Locale): Fit {
  const ref = `— ${reference(excerpt.citation, locale)}`;
  const q = quote(excerpt);
  return (max) => (ref.length + 1 + 16 <= max ? `${q(max - ref.length - 1)}\n${ref}` : q(max));
}

/** `1. AFP, 17 June 2025, ¶3`: the name of an excerpt's field. */
export function numberedReference(n: number, c: Citation, locale: Locale): Fit {
  return shown(`${n}. ${shortReference(c, locale)}`);
}

/** Neutral grey, for embeds that are not one outlet's. */
export const NEUTRAL_COLOR = 0x4f545c;

/**
 * `#1F5FAD` (a colour as `sources.yaml` writes it) → `0x1F5FAD`; `undefined` for anything else.
 * Not to be confused with `RenderContext.colorOf` (`draft.ts`), which looks an outlet's colour
 * up by source id.
 */
export function parseHexColor(hex: string | undefined): number | undefined {
  return hex && /^#[0-9a-f]{6}$/iu.test(hex) ? Number.parseInt(hex.slice(1), 16) : undefined;
}

/**
 * A URL safe to show or link: http(s) only, normalised by the URL parser (which percent-encodes
 * spaces and brackets), `@` encoded too so that no mention can hide in it. `undefined` otherwise.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    return parsed.href.replace(/@/gu, '%40');
  } catch {
    return undefined;
  }
}

/** A link shown as `<url>`: never unfurled into a preview, never a masked `[label](url)`. */
export function bareLink(url: string | undefined): string | undefined {
  const safe = safeUrl(url);
  return safe ? `<${safe}>` : undefined;
}

/** The marker before the query in a footer; the adapter reads the query back after it (see `custom-id.ts`). */
export const QUERY_MARK = '🔎 ';

/** A footer: summary line, then the query after {@link QUERY_MARK} when there is one. */
export function footer(summary: string, query: string | undefined): Fit {
  return (max) => {
    const head = cutPlain(summary, max);
    if (!query) return head;
    const sep = head ? '\n' : '';
    const room = max - head.length - sep.length - QUERY_MARK.length;
    return room >= 8 ? `${head}${sep}${QUERY_MARK}${cutPlain(query, room)}` : head;
  };
}

/** Text to show as-is in a code block (ready to copy): backticks cannot close it early, mentions stay broken. */
export function codeBlock(text: string): Fit {
  const safe = plain(text.replace(/`/gu, 'ˋ'));
  return (max) => fitByCutting(safe, max, (kept, cut) => `\`\`\`\n${kept}${cut ? ELLIPSIS : ''}\n\`\`\``);
}

/** What a button's message holds that can carry a query: embeds (with footers) or a card's components. */
export interface QueryHolder {
  readonly embeds: Parameters<typeof queryFromFooters>[0];
  readonly components: readonly unknown[];
}

/**
 * The query a button carries (More, Export, 👍 / 👎): in full, or by hash and then read from the
 * footer of the message the button is on (an embed's, or a card's small text); `undefined` when
 * that no longer matches the hash.
 */
export function carriedQuery(carried: Carried, message: QueryHolder): string | undefined {
  const query = 'text' in carried ? carried.text : (queryFromFooters(message.embeds) ?? queryFromCard(message.components));
  return query !== undefined && carries(carried, query) ? query : undefined;
}

/**
 * The query a footer of {@link footer} holds, as it was before mentions were broken; `undefined`
 * if no footer holds one. The inverse of the footer, for the "More" button of a long query.
 */
export function queryFromFooters(embeds: readonly { readonly footer?: { readonly text: string } | null }[]): string | undefined {
  for (const e of [...embeds].reverse()) {
    const text = e.footer?.text ?? '';
    // The first mark: the summary before it is ours, the query after it may hold anything.
    const at = text.indexOf(QUERY_MARK);
    if (at >= 0) return restoreMentions(text.slice(at + QUERY_MARK.length));
  }
  return undefined;
}

/** The small-text line a card's footer gives the query on (`card.ts`). */
export const CARD_QUERY_LINE = `-# ${QUERY_MARK}`;

/**
 * The query as a card shows it: Markdown escaped, mentions broken. `escapeMarkdown` escapes
 * backslashes too, so every backslash of the result escapes the next character and
 * {@link unescapeQuery} gives the query back exactly.
 */
export function escapeQuery(query: string): string {
  return display(query);
}

/** The inverse of {@link escapeQuery}, mentions aside. */
function unescapeQuery(text: string): string {
  return text.replace(/\\([\s\S])/gu, '$1');
}

/** The query a card's footer holds (its last line, after {@link CARD_QUERY_LINE}), as it was asked; `undefined` if none. */
export function queryFromCard(components: readonly unknown[]): string | undefined {
  for (const content of textDisplaysOf(components).reverse()) {
    const line = content.startsWith(CARD_QUERY_LINE) ? 0 : content.indexOf(`\n${CARD_QUERY_LINE}`);
    if (line < 0) continue;
    const at = content.indexOf(CARD_QUERY_LINE, line) + CARD_QUERY_LINE.length;
    return restoreMentions(unescapeQuery(content.slice(at)));
  }
  return undefined;
}

/** Undoes {@link neutralizeMentions} (exactly, unless the text had such zero-width spaces itself). */
function restoreMentions(text: string): string {
  return text.replace(/@\u200b(?=everyone|here)/giu, '@').replace(/<\u200b(?=[@#])/gu, '<');
}
