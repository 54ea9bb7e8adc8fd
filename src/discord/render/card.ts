/**
 * An answer as a Components V2 card (`IS_COMPONENTS_V2`), laid out from the same drafts the
 * embeds were made of (`answers.ts` and its siblings), so that every answer kind gets a card
 * without a renderer of its own:
 * - the heading of each draft (author, title, description, the fields that quote nothing) is a
 *   text display in a container of the draft's colour;
 * - the excerpts are grouped by outlet, one container per outlet in its colour, each excerpt a
 *   section whose accessory is its "Citation" button, the outlet's "Full paragraph" buttons in a
 *   row under its excerpts, separators between the excerpts when there is room;
 * - the footers (summary, then the query after {@link QUERY_MARK}) are one small text display,
 *   and the answer's own buttons (More, Export, 👍 / 👎) the last row.
 * Like `fit.ts` for embeds, every text renders itself within a budget: when the card is over
 * Discord's 40 components or 4 000 characters, it is first laid out more tightly (see `Density`),
 * then the longest texts are cut (at words) while they are long, then the least relevant excerpts
 * go, then texts are cut further.
 */
import { ButtonStyle, ComponentType, SeparatorSpacingSize, type APIButtonComponentWithCustomId, type APIComponentInContainer, type APIMessageTopLevelComponent } from 'discord.js';
import { messages, type Locale } from '../../render/messages.js';
import { encodeButton, fitsCustomId } from '../custom-id.js';
import { COMPONENTS_V2, COMPONENT, EMBED } from '../limits.js';
import { dropLast, dropLeastRelevant, fixed, piece, rendered, shrinkLongest, type Block, type Box, type Layout, type Piece } from './card-layout.js';
import { flattenComponents, textDisplaysOf } from './component-tree.js';
import type { DraftEmbed } from './fit.js';
import { CARD_QUERY_LINE, NEUTRAL_COLOR, QUERY_MARK, escapeQuery, safeUrl } from './pieces.js';
import { display } from './safe-text.js';

/** What a card needs besides its drafts. */
export interface CardOptions {
  readonly locale: Locale;
  readonly colorOf: (sourceId: string) => number | undefined;
  /** A picture sent with the answer (the timeline's), shown in the first container. */
  readonly image?: { readonly name: string; readonly description?: string };
  /** The answer's own buttons, in the last row. */
  readonly navigation: readonly APIButtonComponentWithCustomId[];
}

/** A card within every limit. */
export interface FittedCard {
  readonly components: APIMessageTopLevelComponent[];
}

/**
 * How tightly a card is laid out, loosest first; each drops a convenience to save components
 * before any excerpt is given up: `airy` has separators between excerpts; `plain` has none; `lean`
 * has no "Full paragraph" buttons (the citation's reply leads to the paragraph); `compact` puts an
 * outlet's excerpts in one text display, their "Citation" buttons in rows beneath.
 */
type Density = 'airy' | 'plain' | 'lean' | 'compact';
const DENSITIES: readonly Density[] = ['airy', 'plain', 'lean', 'compact'];

/**
 * Texts are cut to these lengths, the longest first, before any excerpt is given up; below them,
 * excerpts go first. An excerpt cut to 120 characters still holds its highlighted words (quotes
 * are cut around them), and a page whose excerpts each name a phrase (`/wording`) keeps them all.
 */
const SHRINK_FIRST_ABOVE = [240, 120] as const;
/** Smallest budget a text is cut to. */
const MIN_BUDGET = 24;

/** Lays `drafts` out as a card and fits it within Components V2's limits. */
export function fitCard(drafts: readonly DraftEmbed[], o: CardOptions): FittedCard {
  const layout = layOut(drafts, o);
  for (;;) {
    let lean: Rendered | undefined;
    for (const density of DENSITIES) {
      lean = render(layout, o, density);
      if (lean.count <= COMPONENTS_V2.COMPONENTS_MAX && lean.text <= COMPONENTS_V2.TEXT_TOTAL_MAX) return lean;
    }
    if (!lean) throw new Error('recoupe: no card density');
    const excess = lean.text - COMPONENTS_V2.TEXT_TOTAL_MAX;
    if (excess > 0 && SHRINK_FIRST_ABOVE.some((floor) => shrinkLongest(layout, excess, floor))) continue;
    if (dropLeastRelevant(layout)) continue;
    if (excess > 0 && shrinkLongest(layout, excess, MIN_BUDGET)) continue;
    dropLast(layout);
  }
}

function layOut(drafts: readonly DraftEmbed[], o: CardOptions): Layout {
  const boxes: Box[] = [];
  const footers: string[] = [];
  for (const d of drafts) {
    const head: Piece[] = [];
    if (d.author) head.push(piece(d.author, EMBED.AUTHOR_MAX, (t) => `-# ${display(t)}`));
    if (d.title) head.push(piece(d.title, EMBED.TITLE_MAX, (t) => `### ${t}`));
    const url = safeUrl(d.url);
    if (url) head.push(piece(fixed(`<${url}>`), url.length + 2));
    if (d.description) head.push(piece(d.description, EMBED.DESCRIPTION_MAX));
    const groups = new Map<string, Block[]>();
    for (const field of d.fields.slice(0, EMBED.FIELDS_MAX)) {
      const name = piece(field.name, EMBED.FIELD_NAME_MAX, (t) => `**${t}**`);
      const value = piece(field.value, EMBED.FIELD_VALUE_MAX);
      if (!field.excerpt) {
        head.push(name, value);
        continue;
      }
      const source = field.excerpt.excerpt.citation.sourceId;
      const group = groups.get(source) ?? [];
      group.push({ kind: 'excerpt', pieces: [name, value], field, shown: field.excerpt });
      groups.set(source, group);
    }
    const color = d.color ?? NEUTRAL_COLOR;
    const outlets = [...groups.entries()].map(([source, blocks]) => ({ color: o.colorOf(source) ?? NEUTRAL_COLOR, blocks }));
    const only = outlets.length === 1 ? outlets[0] : undefined;
    if (only && only.color === color) {
      // One outlet, the draft already in its colour (a citation): one container for all.
      boxes.push({ color, blocks: [...(head.length > 0 ? [{ kind: 'text' as const, pieces: head }] : []), ...only.blocks] });
    } else {
      if (head.length > 0) boxes.push({ color, blocks: [{ kind: 'text', pieces: head }] });
      boxes.push(...outlets);
    }
    if (d.footer) footers.push(d.footer(EMBED.FOOTER_MAX));
  }
  if (o.image && boxes[0]) boxes[0].blocks.splice(firstTextEnd(boxes[0]), 0, { kind: 'image' });
  const footer = footerText(footers);
  return footer ? { boxes, footer } : { boxes };
}

function firstTextEnd(box: Box): number {
  return box.blocks[0]?.kind === 'text' ? 1 : 0;
}

/**
 * Footers as small text, Markdown escaped (a footer is plain text, a text display is not); the
 * query stays last, after {@link QUERY_MARK}, where `queryFromCard` reads it back.
 */
function footerText(footers: readonly string[]): string | undefined {
  const lines: string[] = [];
  let query: string | undefined;
  for (const f of footers) {
    const at = f.indexOf(QUERY_MARK);
    const summary = at >= 0 ? f.slice(0, at) : f;
    if (at >= 0) query = f.slice(at + QUERY_MARK.length);
    for (const line of summary.split('\n')) if (line.trim() !== '') lines.push(`-# ${display(line)}`);
  }
  if (query !== undefined) lines.push(`${CARD_QUERY_LINE}${escapeQuery(query)}`);
  return lines.length > 0 ? lines.join('\n') : undefined;
}

interface Rendered extends FittedCard {
  readonly count: number;
  readonly text: number;
}

function render(layout: Layout, o: CardOptions, density: Density): Rendered {
  const separators = density === 'airy';
  const m = messages(o.locale).discord;
  const ids = new Set<string>(o.navigation.map((b) => b.custom_id));
  const fresh = (id: string) => fitsCustomId(id) && !ids.has(id) && (ids.add(id), true);
  const button = (label: string, custom_id: string): APIButtonComponentWithCustomId => ({ type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id });
  const components: APIMessageTopLevelComponent[] = [];
  const textDisplay = (content: string) => ({ type: ComponentType.TextDisplay as const, content });
  for (const box of layout.boxes) {
    const children: APIComponentInContainer[] = [];
    const paragraphs: APIButtonComponentWithCustomId[] = [];
    const citations: APIButtonComponentWithCustomId[] = [];
    const merged: string[] = [];
    let previous: Block['kind'] | undefined;
    for (const block of box.blocks) {
      if (block.kind === 'image') {
        if (!o.image) continue;
        children.push({ type: ComponentType.MediaGallery, items: [{ media: { url: `attachment://${o.image.name}` }, ...(o.image.description ? { description: o.image.description.slice(0, COMPONENTS_V2.MEDIA_DESCRIPTION_MAX) } : {}) }] });
        previous = block.kind;
        continue;
      }
      const content = rendered(block.pieces);
      if (content === '') continue;
      if (block.kind === 'text') {
        children.push(textDisplay(content));
        previous = block.kind;
        continue;
      }
      if (separators && previous === 'excerpt') {
        children.push({ type: ComponentType.Separator, divider: true, spacing: SeparatorSpacingSize.Small });
      }
      previous = block.kind;
      const { number, excerpt } = block.shown;
      const c = excerpt.citation;
      const citationId = encodeButton({ kind: 'citation', article: { text: c.articleId }, paragraph: c.paragraph, start: excerpt.start, end: excerpt.end, cutStart: excerpt.cutStart, cutEnd: excerpt.cutEnd });
      const paragraphId = encodeButton({ kind: 'paragraph', article: { text: c.articleId }, paragraph: c.paragraph });
      if (density === 'compact') {
        merged.push(content);
        if (fresh(citationId)) citations.push(button(m.citationButton(number), citationId));
        continue;
      }
      if (density !== 'lean' && fresh(paragraphId)) paragraphs.push(button(m.paragraphButton(number), paragraphId));
      if (fresh(citationId)) {
        children.push({ type: ComponentType.Section, components: [textDisplay(content)], accessory: button(m.citationButton(number), citationId) });
      } else {
        children.push(textDisplay(content));
      }
    }
    if (merged.length > 0) children.push(textDisplay(merged.join('\n\n')));
    for (const buttons of [paragraphs, citations]) {
      for (let i = 0; i < buttons.length; i += COMPONENT.BUTTONS_PER_ROW) {
        children.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + COMPONENT.BUTTONS_PER_ROW) });
      }
    }
    if (children.length === 0) continue;
    components.push({ type: ComponentType.Container, accent_color: box.color & COMPONENTS_V2.ACCENT_COLOR_MAX, components: children });
  }
  if (layout.footer) {
    if (separators && components.length > 0) {
      components.push({ type: ComponentType.Separator, divider: false, spacing: SeparatorSpacingSize.Small });
    }
    components.push(textDisplay(layout.footer));
  }
  if (o.navigation.length > 0) components.push({ type: ComponentType.ActionRow, components: [...o.navigation] });
  // Counted from the card itself, as Discord counts it, rather than alongside its making.
  return { components, count: flattenComponents(components).length, text: textDisplaysOf(components).reduce((n, t) => n + t.length, 0) };
}

/** The buttons of the answer's last row, as `payload.ts` makes them. */
export function navigationButton(style: ButtonStyle.Primary | ButtonStyle.Secondary, custom_id: string, label: string | { emoji: string }): APIButtonComponentWithCustomId {
  return typeof label === 'string' ? { type: ComponentType.Button, style, label, custom_id } : ({ type: ComponentType.Button, style, emoji: { name: label.emoji }, custom_id } as APIButtonComponentWithCustomId);
}
