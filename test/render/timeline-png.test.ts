/**
 * The timeline picture: the PNG is decoded (signature, IHDR size, pixels) and must show the
 * outlets' colours, text in the shipped fonts (system fonts are never loaded) and the red mark of
 * differing dates; the SVG it is drawn from keeps to sizes legible at Discord's preview width.
 */
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/answers/engine.js';
import type { TimelineAnswer } from '../../src/answers/types.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Article, Corpus } from '../../src/corpus/types.js';
import { textWidth } from '../../src/render/timeline-fonts.js';
import { svgToPng, timelinePng } from '../../src/render/timeline-png.js';
import { PICTURE, pictureEvents, timelineSvg } from '../../src/render/timeline-svg.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height as the IHDR chunk states them (it follows the signature and the chunk's length and type). */
function ihdr(png: Buffer): { width: number; height: number } {
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** How many pixels have each colour, as `#RRGGBB` (alpha ignored: the picture is opaque). */
function colours(png: Buffer): Map<string, number> {
  const image = PNG.sync.read(png);
  const counts = new Map<string, number>();
  for (let i = 0; i < image.data.length; i += 4) {
    const hex = `#${[image.data[i], image.data[i + 1], image.data[i + 2]].map((c) => (c as number).toString(16).padStart(2, '0')).join('')}`.toUpperCase();
    counts.set(hex, (counts.get(hex) ?? 0) + 1);
  }
  return counts;
}

function timelineOf(engine: Engine, topic?: string): TimelineAnswer {
  const answer = engine.timeline(topic);
  if (answer.kind !== 'timeline') throw new Error(`expected a timeline, got ${answer.kind}`);
  return answer;
}

function article(id: string, source: string, text: string): Article {
  return { id, source, title: `Article ${id}`, published: '2026-03-12', language: 'fr', file: `articles/${id}.md`, paragraphs: [{ n: 1, text }] };
}

/** Two invented outlets dating one collapse 10 and 11 March, with « » and accents in their words. */
const DIFFERING: Corpus = {
  sources: [
    { id: 'alp', name: 'Agence Alpha', short: 'ALP', kind: 'agence', ownership: 'inventée', color: '#C0392B' },
    { id: 'rbe', name: 'Radio Bêta', short: 'RBE', kind: 'radio', ownership: 'inventée', color: '#2E86C1' },
  ],
  aliases: [],
  counted: [],
  articles: [
    article('alp-1', 'alp', "Le pont « suspendu » de Vernasque s'est effondré le 10 mars sous le poids d'un convoi exceptionnel, a indiqué la préfète Odile Marchetti."),
    article('rbe-1', 'rbe', "Le pont « suspendu » de Vernasque s'est effondré le 11 mars sous le poids d'un convoi exceptionnel, selon la préfète Odile Marchetti."),
  ],
};

describe('GIVEN the seeds’ timeline picture', () => {
  let answer: TimelineAnswer;
  let png: Buffer;
  beforeAll(async () => {
    answer = timelineOf(Engine.build(await loadCorpus('data')));
    png = timelinePng(answer, 'fr');
  });

  it('WHEN decoded THEN it is a PNG whose IHDR says 800 px wide, as tall as the decoded image, landscape enough for a preview', () => {
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const { width, height } = ihdr(png);
    const image = PNG.sync.read(png);
    expect({ width: image.width, height: image.height }).toEqual({ width, height });
    expect(width).toBe(PICTURE.WIDTH);
    expect(height).toBeGreaterThan(300);
    expect(height).toBeLessThanOrEqual(1000);
    expect(png.length).toBeLessThan(400_000);
  });

  it('THEN it is not blank: a white ground, dark text, and AFP’s and RT’s colours (sources.yaml) as solid areas', () => {
    const counts = colours(png);
    const pixels = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(counts.get('#FFFFFF') ?? 0).toBeGreaterThan(pixels / 2);
    expect(counts.get('#FFFFFF') ?? 0).toBeLessThan(pixels * 0.97);
    expect(counts.get('#1F2328') ?? 0).toBeGreaterThan(500);
    expect(counts.get('#1F5FAD') ?? 0).toBeGreaterThan(300);
    expect(counts.get('#6AA84F') ?? 0).toBeGreaterThan(300);
    expect(counts.size).toBeGreaterThan(50);
  });

  it('THEN the SVG keeps every text at 16 px or more on an 800 px width: at least 11 px in a 550 px preview', () => {
    const svg = timelineSvg(answer, 'en');
    const sizes = [...svg.matchAll(/font-size="(\d+(?:\.\d+)?)"/gu)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.min(...sizes) * (550 / PICTURE.WIDTH)).toBeGreaterThanOrEqual(11);
    expect(svg).toContain('<title>Timeline of the events the articles date, by outlet</title>');
  });

  it('THEN at most six events are drawn, and the picture says the text has the rest', () => {
    expect(answer.events.length).toBeGreaterThan(PICTURE.MAX_EVENTS);
    expect(pictureEvents(answer)).toHaveLength(PICTURE.MAX_EVENTS);
    expect(timelineSvg(answer, 'en')).toContain(`${PICTURE.MAX_EVENTS} of ${answer.events.length} events; the whole list is in the text.`);
    const shown = pictureEvents(answer).map((e) => e.sortKey);
    expect(shown).toEqual([...shown].sort());
  });
});

describe('GIVEN an event two outlets date differently', () => {
  const answer = timelineOf(Engine.build(DIFFERING));

  it('WHEN drawn THEN it is marked ≠ in red, with each outlet’s date, and both outlets’ colours show', () => {
    const svg = timelineSvg(answer, 'fr');
    expect(svg).toContain('≠ 11 mars 2026');
    expect(svg).toContain('les médias donnent des dates différentes');
    const counts = colours(timelinePng(answer, 'fr'));
    expect(counts.get('#C62828') ?? 0).toBeGreaterThan(200);
    expect(counts.get('#C0392B') ?? 0).toBeGreaterThan(200);
    expect(counts.get('#2E86C1') ?? 0).toBeGreaterThan(200);
  });

  it('WHEN a label holds markup characters THEN the SVG escapes them and still renders', () => {
    const hostile: TimelineAnswer = { ...answer, query: '<script>&"\'', events: answer.events.map((e) => ({ ...e, label: `${e.label} <b>&amp;</b>` })) };
    const svg = timelineSvg(hostile, 'en');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;b&gt;&amp;amp;&lt;/b&gt;');
    expect([...svgToPng(svg).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  });
});

describe('GIVEN the shipped fonts', () => {
  it('THEN French letters, « », ≠ and … have their own glyphs, as wide as their plain letters where they should be', () => {
    expect(textWidth('é', 20)).toBeCloseTo(textWidth('e', 20), 5);
    expect(textWidth('Ç', 20)).toBeCloseTo(textWidth('C', 20), 5);
    for (const ch of ['«', '»', '≠', '…', 'œ', 'ï']) expect(textWidth(ch, 20), ch).toBeGreaterThan(2);
    expect(textWidth('mmmm', 20)).toBeGreaterThan(textWidth('iiii', 20));
  });

  it('WHEN text is drawn with system fonts off THEN it shows: the renderer uses the project’s fonts', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60"><rect width="100%" height="100%" fill="#FFFFFF"/><text x="10" y="40" font-size="28" fill="#000000">« Été » ≠</text></svg>';
    const counts = colours(svgToPng(svg));
    const dark = [...counts].filter(([hex]) => Number.parseInt(hex.slice(1, 3), 16) < 80).reduce((sum, [, n]) => sum + n, 0);
    expect(dark).toBeGreaterThan(200);
  });
});
