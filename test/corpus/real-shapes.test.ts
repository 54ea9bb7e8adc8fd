/**
 * The whole ingest path (decode, detect the form, extract, choose metadata, validate) on pages and
 * pasted texts shaped like the article templates of real French-language outlets
 * (test/fixtures/pages/real-shapes, test/fixtures/pasted/real-shapes). Each fixture sits beside
 * `NAME.expected.json`: what an independent reader of the page says the article is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../src/corpus/html-dom.js';
import { buildFromExtracted, slugify, type BuiltArticle } from '../../src/corpus/ingest.js';
import { readInput } from '../../src/corpus/ingest-input.js';
import type { Source } from '../../src/corpus/types.js';

interface Expected {
  readonly format: 'html' | 'text';
  readonly title: string;
  readonly published: string;
  /** The outlet's name as the page's metadata gives it; for pasted text, the `--source` given. */
  readonly outlet: string;
  readonly language: string;
  readonly dateline?: string;
  readonly paragraphs: number;
  /** How the first and the last paragraph begin. */
  readonly first: string;
  readonly last: string;
}

const PAGES = new URL('../fixtures/pages/real-shapes/', import.meta.url);
const PASTED = new URL('../fixtures/pasted/real-shapes/', import.meta.url);

/** One invented outlet per fixture, as `sources.yaml` would describe it once added. */
function sourceFor(name: string): Source {
  return { id: slugify(name), name, short: name, kind: 'news website', ownership: 'invented for the tests', color: '#336699' };
}

function fixtures(dir: URL, ext: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(ext));
}

function expectedOf(dir: URL, file: string): Expected {
  return JSON.parse(readFileSync(new URL(file.replace(/\.[a-z]+$/u, '.expected.json'), dir), 'utf8')) as Expected;
}

/** What `npm run ingest -- FILE [--source ID] --dry-run` builds, without the duplicate check. */
async function ingest(dir: URL, file: string, expected: Expected, flagSource: boolean): Promise<{ built: BuiltArticle; format: string }> {
  const source = sourceFor(expected.outlet);
  const path = fileURLToPath(new URL(file, dir));
  const input = await readInput(
    { kind: 'file', path, shown: file },
    { env: {}, stdin: (async function* () {})(), fetchItems: false, outletNames: flagSource ? [source.name] : undefined },
  );
  const [article] = input.articles;
  if (article === undefined || 'error' in article) throw article?.error ?? new Error(`${file}: nothing read`);
  const built = buildFromExtracted(article.extracted, flagSource ? { source: source.id } : {}, [sourceFor('Agence France-Presse'), source], file);
  return { built, format: input.format };
}

function checkAgainst(built: BuiltArticle, format: string, expected: Expected): void {
  const { meta } = built.doc;
  const paragraphs = built.doc.paragraphs.map((p) => p.text);
  expect({
    format,
    title: meta.title,
    published: meta.published,
    outlet: built.source.name,
    language: meta.language,
    paragraphs: paragraphs.length,
    first: paragraphs[0]?.slice(0, expected.first.length),
    last: paragraphs.at(-1)?.slice(0, expected.last.length),
    ...(expected.dateline === undefined ? {} : { dateline: meta.dateline }),
  }).toEqual(expected);
}

const squeeze = (s: string) => s.normalize('NFC').replace(/\s+/gu, '');

describe('GIVEN pages shaped like the templates of eight French-language outlets', () => {
  const files = fixtures(PAGES, '.html');

  it('WHEN the fixtures are listed THEN all eight shapes are there', () => {
    expect(files).toHaveLength(8);
  });

  it.each(files)('WHEN %s is ingested THEN title, date, outlet, language and paragraphs are the page’s', async (file) => {
    const expected = expectedOf(PAGES, file);
    const { built, format } = await ingest(PAGES, file, expected, false);
    checkAgainst(built, format, expected);
  });

  it.each(files)('WHEN %s is ingested THEN every paragraph is a verbatim piece of the page’s text', async (file) => {
    const { built } = await ingest(PAGES, file, expectedOf(PAGES, file), false);
    const body = squeeze(parseHtmlDocument(readFileSync(new URL(file, PAGES), 'utf8')).body?.textContent ?? '');
    for (const p of built.doc.paragraphs) expect(body).toContain(squeeze(p.text));
  });
});

describe('GIVEN the visible text of those pages, as a browser copies it (menus and footers included)', () => {
  const files = fixtures(PASTED, '.txt');

  it('WHEN the fixtures are listed THEN there are at least three', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('WHEN %s is ingested with --source THEN title, date, language and paragraphs are the article’s', async (file) => {
    const expected = expectedOf(PASTED, file);
    const { built, format } = await ingest(PASTED, file, expected, true);
    checkAgainst(built, format, expected);
  });

  it.each(files)('WHEN %s is ingested THEN every paragraph is a verbatim piece of the pasted text', async (file) => {
    const { built } = await ingest(PASTED, file, expectedOf(PASTED, file), true);
    const raw = readFileSync(new URL(file, PASTED), 'utf8').replace(/\r\n?/gu, '\n').normalize('NFC');
    for (const p of built.doc.paragraphs) expect(raw).toContain(p.text);
  });
});
