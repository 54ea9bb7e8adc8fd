/**
 * The timeline picture as PNG: the SVG of `timeline-svg.ts` rendered by resvg (`@resvg/resvg-js`,
 * a maintained Rust renderer with prebuilt binaries for Node) with the project's own fonts only:
 * system fonts are never loaded, so accents, « » and ≠ come out the same on every machine, and a
 * missing glyph cannot be filled in from whatever fonts a host happens to have.
 */
import { Resvg } from '@resvg/resvg-js';
import type { TimelineAnswer } from '../answers/types.js';
import type { Locale } from './messages.js';
import { FONT_FAMILY, FONT_FILES } from './timeline-fonts.js';
import { timelineSvg } from './timeline-svg.js';

/** The file name the picture is attached under (and referred to as `attachment://timeline.png`). */
export const PICTURE_FILE = 'timeline.png';

/** Renders an SVG with the shipped fonts, at its own size. */
export function svgToPng(svg: string): Buffer {
  const renderer = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [FONT_FILES.regular, FONT_FILES.bold], defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    fitTo: { mode: 'original' },
    logLevel: 'off',
  });
  return renderer.render().asPng();
}

/** The timeline answer's picture, as PNG bytes. */
export function timelinePng(answer: TimelineAnswer, locale: Locale): Buffer {
  return svgToPng(timelineSvg(answer, locale));
}
