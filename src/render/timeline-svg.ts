/**
 * The timeline picture, as SVG: the events top to bottom, oldest first, each with its date on a
 * vertical axis, a few of the article's words as its label, and the outlets that date it in their
 * colours (`sources.yaml`); an event the outlets date differently is marked `≠` in red, with each
 * outlet's date. Drawn for Discord's preview: 800 px wide, shown at about 550 px (and 400 px
 * inside an embed), so the smallest text, 18 px, still reads at 12 px there. At most
 * {@link PICTURE.MAX_EVENTS} events: the most widely dated, the text answer has them all.
 *
 * Surface-free: `timeline-png.ts` renders it, with the fonts of `timeline-fonts.ts`.
 */
import type { TimelineAnswer, TimelineDating, TimelineEvent } from '../answers/types.js';
import { ELLIPSIS, formatPeriod } from './format.js';
import type { Locale } from './messages.js';
import { FONT_FAMILY, textWidth } from './timeline-fonts.js';
import { timelineWords } from './timeline-words.js';

/** The picture's geometry and type sizes, in pixels. */
export const PICTURE = {
  WIDTH: 800,
  MAX_EVENTS: 6,
  PAD: 24,
  TITLE_SIZE: 28,
  LEGEND_SIZE: 19,
  DATE_SIZE: 21,
  DATE_MIN_SIZE: 16,
  LABEL_SIZE: 21,
  LABEL_LINE: 26,
  LABEL_LINES: 2,
  CHIP_SIZE: 18,
  NOTE_SIZE: 18,
  /** Right edge of the dates, the axis, and the left edge of the labels. */
  DATE_RIGHT: 200,
  AXIS_X: 220,
  LABEL_X: 242,
} as const;

/** Colours of the picture's own marks (outlets bring theirs). */
const INK = { text: '#1F2328', muted: '#57606A', axis: '#D0D7DE', differs: '#C62828', background: '#FFFFFF' } as const;

/** A piece of SVG and the height it takes. */
interface Block {
  readonly svg: string;
  readonly height: number;
}

/**
 * The events the picture shows, in date order: all when they fit; else those the outlets date
 * differently, then those dated by the most outlets, then those closest to their articles'
 * publication (the story itself rather than its background years).
 */
export function pictureEvents(answer: TimelineAnswer, max: number = PICTURE.MAX_EVENTS): TimelineEvent[] {
  if (answer.events.length <= max) return [...answer.events];
  const ranked = answer.events
    .map((event, index) => ({ event, index, distance: distanceToPublication(event) }))
    .sort((a, b) => Number(b.event.differs) - Number(a.event.differs) || b.event.outlets.length - a.event.outlets.length || a.distance - b.distance || a.index - b.index);
  return ranked
    .slice(0, max)
    .sort((a, b) => a.index - b.index)
    .map((r) => r.event);
}

/** Days between the event and the nearest publication of an article dating it. */
function distanceToPublication(event: TimelineEvent): number {
  const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;
  const at = day(event.sortKey);
  return Math.min(...event.datings.flatMap((d) => d.mentions.map((m) => Math.abs(day(m.excerpt.citation.published) - at))));
}

/** The timeline answer as an SVG document. */
export function timelineSvg(answer: TimelineAnswer, locale: Locale): string {
  const w = timelineWords(locale);
  const colorOf = new Map(answer.outlets.map((o) => [o.outlet, o.color]));
  const events = pictureEvents(answer);
  const total = answer.total ?? answer.events.length;
  const parts: string[] = [];
  let y = PICTURE.PAD;
  const title = answer.query ? w.titleFor(answer.query) : w.title;
  parts.push(text(PICTURE.PAD, y + PICTURE.TITLE_SIZE, fitText(title, PICTURE.WIDTH - 2 * PICTURE.PAD, PICTURE.TITLE_SIZE, 'bold'), { size: PICTURE.TITLE_SIZE, bold: true }));
  y += PICTURE.TITLE_SIZE + 14;
  const legend = legendBlock(answer, y);
  parts.push(legend.svg);
  y += legend.height + 14;
  const rowsTop = y;
  const rows = events.map((event) => {
    const row = rowBlock(event, y, colorOf, locale);
    y += row.height;
    return row;
  });
  parts.push(`<line x1="${PICTURE.AXIS_X}" y1="${rowsTop}" x2="${PICTURE.AXIS_X}" y2="${y - 12}" stroke="${INK.axis}" stroke-width="3"/>`, ...rows.map((r) => r.svg));
  const notes: string[] = [];
  if (events.some((e) => e.differs)) notes.push(`≠ ${w.pictureKey}`);
  if (events.length < total) notes.push(w.pictureShows(events.length, total));
  for (const note of notes) {
    y += PICTURE.NOTE_SIZE + 6;
    parts.push(text(PICTURE.PAD, y, fitText(note, PICTURE.WIDTH - 2 * PICTURE.PAD, PICTURE.NOTE_SIZE), { size: PICTURE.NOTE_SIZE, fill: note.startsWith('≠') ? INK.differs : INK.muted }));
  }
  const height = Math.ceil(y + PICTURE.PAD);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PICTURE.WIDTH}" height="${height}" viewBox="0 0 ${PICTURE.WIDTH} ${height}" font-family="${FONT_FAMILY}">`,
    `<title>${xml(w.pictureAlt(answer.query))}</title>`,
    `<rect width="100%" height="100%" fill="${INK.background}"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

/** Each outlet of the timeline: a square of its colour and its short name, on one line. */
function legendBlock(answer: TimelineAnswer, top: number): Block {
  const size = PICTURE.LEGEND_SIZE;
  let x = PICTURE.PAD;
  const svg: string[] = [];
  for (const o of answer.outlets) {
    const width = size + 6 + textWidth(o.outlet, size, 'bold');
    if (x + width > PICTURE.WIDTH - PICTURE.PAD) break;
    svg.push(`<rect x="${x}" y="${top + 2}" width="${size}" height="${size}" rx="3" fill="${safeColor(o.color)}"/>`, text(x + size + 6, top + size, o.outlet, { size, bold: true }));
    x += width + 18;
  }
  return { svg: svg.join('\n'), height: size + 4 };
}

/** One event: its date left of the axis, its marker on it, its label and outlets right of it. */
function rowBlock(event: TimelineEvent, top: number, colorOf: ReadonlyMap<string, string>, locale: Locale): Block {
  const svg: string[] = [];
  const [first, ...others] = event.datings as [TimelineDating, ...TimelineDating[]];
  const lead = event.differs ? first : (event.datings.find((d) => d.sortKey === event.sortKey) ?? first);
  const dateWidth = PICTURE.DATE_RIGHT - PICTURE.PAD;
  let dateBottom = top + PICTURE.DATE_SIZE + 2;
  const leadDate = dateText(formatPeriod(lead, locale), dateBottom, dateWidth, INK.text);
  svg.push(leadDate.svg);
  dateBottom = leadDate.bottom;
  if (event.differs) {
    for (const d of others) {
      const other = dateText(`≠ ${formatPeriod(d, locale)}`, dateBottom + PICTURE.LABEL_LINE, dateWidth, INK.differs);
      svg.push(other.svg);
      dateBottom = other.bottom;
    }
  }
  const markerY = top + PICTURE.DATE_SIZE / 2 + 5;
  if (event.differs) {
    svg.push(`<circle cx="${PICTURE.AXIS_X}" cy="${markerY}" r="12" fill="${INK.differs}" stroke="${INK.background}" stroke-width="2"/>`, text(PICTURE.AXIS_X, markerY + 6, '≠', { size: 18, bold: true, fill: INK.background, anchor: 'middle' }));
  } else {
    svg.push(`<circle cx="${PICTURE.AXIS_X}" cy="${markerY}" r="8" fill="${safeColor(colorOf.get(event.outlets[0] ?? '') ?? INK.muted)}" stroke="${INK.background}" stroke-width="2"/>`);
  }
  const labelWidth = PICTURE.WIDTH - PICTURE.PAD - PICTURE.LABEL_X;
  const lines = wrap(event.label, labelWidth, PICTURE.LABEL_SIZE, PICTURE.LABEL_LINES);
  lines.forEach((line, i) => svg.push(text(PICTURE.LABEL_X, top + PICTURE.LABEL_SIZE + 2 + i * PICTURE.LABEL_LINE, line, { size: PICTURE.LABEL_SIZE })));
  const chipsTop = top + lines.length * PICTURE.LABEL_LINE + 8;
  svg.push(chipsLine(event, chipsTop, colorOf, locale));
  const height = Math.max(lines.length * PICTURE.LABEL_LINE + 8 + 26, dateBottom - top) + 18;
  return { svg: svg.join('\n'), height };
}

/** The outlets dating the event as chips in their colours; dated differently, each group followed by its date. */
function chipsLine(event: TimelineEvent, top: number, colorOf: ReadonlyMap<string, string>, locale: Locale): string {
  const size = PICTURE.CHIP_SIZE;
  const svg: string[] = [];
  let x = PICTURE.LABEL_X;
  const right = PICTURE.WIDTH - PICTURE.PAD;
  const groups = event.differs ? event.datings : [{ ...(event.datings[0] as TimelineDating), mentions: event.datings.flatMap((d) => d.mentions) }];
  const shownOutlets = new Set<string>();
  groups.forEach((group, g) => {
    if (g > 0 && x + 24 < right) {
      svg.push(text(x + 4, top + size + 1, '≠', { size, bold: true, fill: INK.differs }));
      x += 24;
    }
    for (const mention of group.mentions) {
      const outlet = mention.excerpt.citation.outlet;
      if (!event.differs && shownOutlets.has(outlet)) continue;
      shownOutlets.add(outlet);
      const width = textWidth(outlet, size, 'bold') + 14;
      if (x + width > right) return;
      const fill = safeColor(colorOf.get(outlet) ?? INK.muted);
      svg.push(`<rect x="${x}" y="${top}" width="${width.toFixed(1)}" height="${size + 9}" rx="5" fill="${fill}"/>`, text(x + 7, top + size + 1, outlet, { size, bold: true, fill: readableOn(fill) }));
      x += width + 6;
    }
    if (event.differs) {
      const date = formatPeriod(group, locale);
      const width = textWidth(date, size, 'bold');
      if (x + width > right) return;
      svg.push(text(x + 2, top + size + 1, date, { size, bold: true, fill: INK.differs }));
      x += width + 10;
    }
  });
  return svg.join('\n');
}

/**
 * A date right-aligned against the axis: on one line when it fits, a little smaller if need be,
 * else on two at the space that balances them best (`week of` / `2 March 2026`).
 */
function dateText(date: string, baseline: number, width: number, fill: string): { svg: string; bottom: number } {
  const style = (size: number) => ({ size, bold: true, fill, anchor: 'end' as const });
  for (let one: number = PICTURE.DATE_SIZE; one >= PICTURE.DATE_SIZE - 3; one -= 1) {
    if (textWidth(date, one, 'bold') <= width) return { svg: text(PICTURE.DATE_RIGHT, baseline, date, style(one)), bottom: baseline };
  }
  // The date itself stays whole on the second line (`semaine du` / `9 juin 2025`); else the most balanced split.
  const beforeDigits = date.search(/ \d/u);
  const spaces = [...date.matchAll(/ /gu)].map((m) => m.index);
  const split = beforeDigits > 0 ? beforeDigits : spaces.sort((a, b) => Math.abs(date.length / 2 - a) - Math.abs(date.length / 2 - b))[0];
  const lines = split === undefined ? [date] : [date.slice(0, split), date.slice(split + 1)];
  let size: number = PICTURE.DATE_SIZE - 2;
  while (size > PICTURE.DATE_MIN_SIZE && lines.some((l) => textWidth(l, size, 'bold') > width)) size -= 1;
  return {
    svg: lines.map((line, i) => text(PICTURE.DATE_RIGHT, baseline + i * (size + 3), fitText(line, width, size, 'bold'), style(size))).join('\n'),
    bottom: baseline + (lines.length - 1) * (size + 3),
  };
}

/** Words set in at most `maxLines` lines of `width` px; the last line ends in `…` when words are left. */
function wrap(label: string, width: number, size: number, maxLines: number): string[] {
  const words = label.split(/\s+/u).filter((word) => word !== '');
  const lines: string[] = [];
  let line = '';
  for (const [i, word] of words.entries()) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, size) <= width || !line) {
      line = candidate;
      continue;
    }
    if (lines.length + 1 === maxLines) {
      lines.push(fitText(`${line} ${words.slice(i).join(' ')}`, width, size));
      return lines;
    }
    lines.push(line);
    line = word;
  }
  if (line) lines.push(fitText(line, width, size));
  return lines;
}

/** The text, cut at a word with `…` when wider than `width` px (at a character for one long word). */
function fitText(value: string, width: number, size: number, weight: 'regular' | 'bold' = 'regular'): string {
  if (textWidth(value, size, weight) <= width) return value;
  let cut = value;
  while (cut.length > 1 && textWidth(`${cut}${ELLIPSIS}`, size, weight) > width) {
    const space = cut.lastIndexOf(' ');
    cut = space > cut.length / 2 ? cut.slice(0, space) : cut.slice(0, -1);
    cut = cut.replace(/[\s,;:.–—-]+$/u, '');
  }
  return `${cut.replace(/…$/u, '')}${ELLIPSIS}`;
}

interface TextStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly fill?: string;
  readonly anchor?: 'start' | 'middle' | 'end';
}

function text(x: number, y: number, value: string, style: TextStyle): string {
  const weight = style.bold ? ' font-weight="bold"' : '';
  const anchor = style.anchor && style.anchor !== 'start' ? ` text-anchor="${style.anchor}"` : '';
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${style.size}"${weight}${anchor} fill="${style.fill ?? INK.text}">${xml(value)}</text>`;
}

/** Text escaped for XML: the labels are the articles' words. */
function xml(value: string): string {
  return value.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** A `#RRGGBB` colour, or the muted ink for anything else (a colour is data from `sources.yaml`). */
function safeColor(color: string): string {
  return /^#[0-9a-f]{6}$/iu.test(color) ? color : INK.muted;
}

/** Dark or white text, whichever reads on the colour (its relative luminance, WCAG). */
function readableOn(color: string): string {
  const channel = (i: number) => {
    const c = Number.parseInt(color.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  // White on the colour reaches 4.5:1 of contrast only below about 0.18.
  return luminance > 0.18 ? INK.text : INK.background;
}
