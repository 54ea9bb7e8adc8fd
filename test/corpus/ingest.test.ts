import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../src/corpus/article-file.js';
import { buildArticle, findSource, ingestFile, IngestError, slugify } from '../../src/corpus/ingest.js';
import type { Source } from '../../src/corpus/types.js';

const SOURCES: Source[] = [
  { id: 'afp', name: 'Agence France-Presse', short: 'AFP', kind: 'news agency', ownership: 'public body', color: '#1F5FAD' },
  { id: 'rt-fr', name: 'RT en français', short: 'RT', kind: 'television channel', ownership: 'state-funded', color: '#6AA84F' },
];
const SOURCES_YAML = SOURCES.map((s) => `- id: ${s.id}\n  name: ${s.name}\n  short: ${s.short}\n  kind: ${s.kind}\n  ownership: ${s.ownership}\n  color: "${s.color}"\n`).join('');

const WIRE = 'date 2025-06 Moscou, Russie | AFP | mardi 17/06/2025 - Moscou a annoncé mardi un accord avec Pyongyang.\n\nLe texte continue.';
const PAGE = 'Kim reçoit Choïgou\n\nKim reçoit Choïgou\n\nLe responsable a effectué ce 17 juin 2025 une visite.\n\nSuivez RT en français surTelegram';

function ingestErrorOf(fn: () => unknown): IngestError {
  try {
    fn();
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError');
}

describe('slugify', () => {
  it('folds accents and punctuation into hyphens', () => {
    expect(slugify("Corée du Nord: l'armée")).toBe('coree-du-nord-l-armee');
  });

  it('cuts at a word boundary within 40 characters, without a dangling small word', () => {
    expect(slugify('Visite de Sergueï Choïgou en Corée du Nord: Pyongyang va envoyer')).toBe('visite-de-serguei-choigou-en-coree');
  });
});

describe('findSource', () => {
  it('finds a source by id or by short name, ignoring case', () => {
    expect(findSource('rt-fr', SOURCES)?.id).toBe('rt-fr');
    expect(findSource('AFP', SOURCES)?.id).toBe('afp');
    expect(findSource('afp', SOURCES)?.id).toBe('afp');
    expect(findSource('Reuters', SOURCES)).toBeUndefined();
  });
});

describe('buildArticle', () => {
  it('GIVEN a wire text WHEN built THEN source, date, dateline and a default id come from the header', () => {
    const { doc, notes } = buildArticle(WIRE, {}, SOURCES, 'in.txt');
    expect(doc.meta).toEqual({
      id: '2025-06-17-afp-moscou-a-annonce-mardi-un-accord',
      source: 'afp',
      title: 'Moscou a annoncé mardi un accord avec Pyongyang',
      published: '2025-06-17',
      language: 'fr',
      dateline: 'Moscou, Russie',
    });
    expect(doc.paragraphs).toEqual([
      { n: 1, text: 'Moscou a annoncé mardi un accord avec Pyongyang.' },
      { n: 2, text: 'Le texte continue.' },
    ]);
    expect(notes).toContain('title derived from the lead (pass --title to choose one)');
  });

  it('lets flags override what cleaning found', () => {
    const { doc } = buildArticle(WIRE, { title: 'Accord avec Pyongyang', published: '2025-06-18', id: 'mon-id', url: 'https://example.org/a' }, SOURCES, 'in.txt');
    expect(doc.meta).toMatchObject({ id: 'mon-id', title: 'Accord avec Pyongyang', published: '2025-06-18', url: 'https://example.org/a' });
  });

  it('GIVEN a page without header WHEN the source is given THEN the date is inferred from the text', () => {
    const { doc, notes } = buildArticle(PAGE, { source: 'RT' }, SOURCES, 'in.txt');
    expect(doc.meta).toMatchObject({ source: 'rt-fr', title: 'Kim reçoit Choïgou', published: '2025-06-17' });
    expect(notes).toContain('date inferred from the text: "ce 17 juin 2025"');
  });

  it('asks for --source, listing known sources, when the text does not name one', () => {
    expect(ingestErrorOf(() => buildArticle(PAGE, {}, SOURCES, 'in.txt')).message).toBe(
      'in.txt: no source: the text has no wire header naming the outlet; pass --source ID (known: afp (AFP), rt-fr (RT))',
    );
  });

  it('refuses an unknown source', () => {
    expect(ingestErrorOf(() => buildArticle(WIRE, { source: 'reuters' }, SOURCES, 'in.txt')).message).toContain('unknown source "reuters"');
  });

  it('asks for --published when no date can be found', () => {
    expect(ingestErrorOf(() => buildArticle('Un texte.\n\nSans date.', { source: 'afp' }, SOURCES, 'in.txt')).message).toContain('pass --published YYYY-MM-DD');
  });

  it('validates flags with the loader schema and names the flag to fix', () => {
    expect(ingestErrorOf(() => buildArticle(WIRE, { published: '2025-02-30' }, SOURCES, 'in.txt')).message).toBe(
      'in.txt: field "published": expected a date YYYY-MM-DD, got "2025-02-30" (set it with --published)',
    );
  });
});

describe('ingestFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'recoupe-ingest-'));
    await writeFile(path.join(dir, 'sources.yaml'), SOURCES_YAML);
    await writeFile(path.join(dir, 'raw.txt'), WIRE);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes data/articles/<id>.md that parses back to the same article', async () => {
    const result = await ingestFile({ file: path.join(dir, 'raw.txt'), dataDir: dir, id: 'accord' });
    expect(result.path).toBe(path.join(dir, 'articles', 'accord.md'));
    expect(parseArticleFile(await readFile(result.path, 'utf8'))).toEqual(result.doc);
  });

  it('GIVEN an existing file WHEN ingested again THEN it refuses without --force and replaces with it', async () => {
    await ingestFile({ file: path.join(dir, 'raw.txt'), dataDir: dir, id: 'accord' });
    await expect(ingestFile({ file: path.join(dir, 'raw.txt'), dataDir: dir, id: 'accord' })).rejects.toThrow(/already exists; pass --force/);
    const again = await ingestFile({ file: path.join(dir, 'raw.txt'), dataDir: dir, id: 'accord', title: 'Nouveau titre', force: true });
    expect(again.replaced).toBe(true);
    expect(await readFile(again.path, 'utf8')).toContain('title: Nouveau titre');
  });
});

describe('ingest command line', () => {
  const run = promisify(execFile);
  const cli = path.resolve('src/entry/ingest.ts');
  const tsx = path.resolve('node_modules/.bin/tsx');
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'recoupe-cli-'));
    await writeFile(path.join(dir, 'sources.yaml'), SOURCES_YAML);
    await writeFile(path.join(dir, 'raw.txt'), PAGE);
    await mkdir(path.join(dir, 'articles'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exits 2 with the usage line when FILE is missing', async () => {
    const error = await run(tsx, [cli, '--data', dir]).catch((e: unknown) => e as { code: number; stderr: string });
    expect(error).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: npm run ingest -- FILE') });
  });

  it('prints what it wrote and one line per removed piece with its reason', async () => {
    const { stdout } = await run(tsx, [cli, path.join(dir, 'raw.txt'), '--source', 'rt-fr', '--data', dir]);
    expect(stdout).toContain('Wrote ');
    expect(stdout).toContain('Removed 3 pieces:');
    expect(stdout).toContain('  - promotional line: "Suivez RT en français surTelegram"');
    expect(await readdir(path.join(dir, 'articles'))).toEqual(['2025-06-17-rt-fr-kim-recoit-choigou.md']);
  });

  it('exits 1 and asks for --source when the source is unknown', async () => {
    const error = await run(tsx, [cli, path.join(dir, 'raw.txt'), '--data', dir]).catch((e: unknown) => e as { code: number; stderr: string });
    expect(error).toMatchObject({ code: 1, stderr: expect.stringContaining('pass --source ID') });
  });
});
