/**
 * The fonts the timeline picture is drawn with, shipped with the project (the `dejavu-fonts-ttf`
 * package: DejaVu Sans Condensed, every French letter, « », ≠, …), and how wide a text set in them
 * is. The renderer loads these files and no system font, so the picture is the same on every
 * machine; the widths come from the fonts' own tables (`cmap`, `hmtx`), so labels are cut to fit
 * before they are drawn, never clipped.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The family name the SVG asks for; the renderer's default family too. */
export const FONT_FAMILY = 'DejaVu Sans Condensed';

const require = createRequire(import.meta.url);

/** The shipped font files: regular and bold. */
export const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf'),
} as const;

/** A font's advance widths, per character, in em. */
interface Metrics {
  readonly advance: (codePoint: number) => number;
}

const loaded: Partial<Record<keyof typeof FONT_FILES, Metrics>> = {};

/** How wide `text` is, in pixels, set in the shipped font at `size` px (kerning ignored: it only narrows). */
export function textWidth(text: string, size: number, weight: keyof typeof FONT_FILES = 'regular'): number {
  const metrics = (loaded[weight] ??= readMetrics(readFileSync(FONT_FILES[weight])));
  let em = 0;
  for (const ch of text) em += metrics.advance(ch.codePointAt(0) as number);
  return em * size;
}

/** Reads `head` (units per em), `hhea` (metric count), `hmtx` (advances) and a format 4 `cmap` (the Basic Multilingual Plane). */
function readMetrics(font: Buffer): Metrics {
  const tables = new Map<string, number>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    tables.set(font.toString('latin1', at, at + 4), font.readUInt32BE(at + 8));
  }
  const table = (tag: string): number => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`recoupe: the shipped font lacks its ${tag} table`);
    return at;
  };
  const unitsPerEm = font.readUInt16BE(table('head') + 18);
  const metricCount = font.readUInt16BE(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advanceOf = (glyph: number) => font.readUInt16BE(hmtx + 4 * Math.min(glyph, metricCount - 1)) / unitsPerEm;
  const glyphOf = cmapFormat4(font, table('cmap'));
  const memo = new Map<number, number>();
  return {
    advance: (codePoint) => {
      let width = memo.get(codePoint);
      if (width === undefined) {
        width = advanceOf(glyphOf(codePoint));
        memo.set(codePoint, width);
      }
      return width;
    },
  };
}

/** The glyph of a code point from the font's Unicode BMP subtable (format 4); glyph 0 (notdef) when absent. */
function cmapFormat4(font: Buffer, cmap: number): (codePoint: number) => number {
  const subtables = font.readUInt16BE(cmap + 2);
  let at: number | undefined;
  for (let i = 0; i < subtables; i++) {
    const entry = cmap + 4 + 8 * i;
    const platform = font.readUInt16BE(entry);
    const encoding = font.readUInt16BE(entry + 2);
    const offset = cmap + font.readUInt32BE(entry + 4);
    if (font.readUInt16BE(offset) === 4 && ((platform === 3 && encoding === 1) || platform === 0)) at = offset;
  }
  if (at === undefined) throw new Error('recoupe: the shipped font has no Unicode cmap');
  const segments = font.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const ranges = deltas + 2 * segments;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let s = 0; s < segments; s++) {
      if (codePoint > font.readUInt16BE(ends + 2 * s)) continue;
      const start = font.readUInt16BE(starts + 2 * s);
      if (codePoint < start) return 0;
      const delta = font.readInt16BE(deltas + 2 * s);
      const range = font.readUInt16BE(ranges + 2 * s);
      if (range === 0) return (codePoint + delta) & 0xffff;
      const glyph = font.readUInt16BE(ranges + 2 * s + range + 2 * (codePoint - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}
