import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorpusError, loadCorpus, MAX_FILE_BYTES } from '../../src/corpus/load.js';

const SOURCES = `- id: afp
  name: Agence France-Presse
  short: AFP
  kind: news agency (wire service)
  ownership: public body
  color: "#1F5FAD"
`;

function article(id: string, fields: Record<string, string> = {}, body = 'Moscou a annoncé mardi un accord.'): string {
  const meta = { id, source: 'afp', title: 'Un titre', published: '2025-06-17', language: 'fr', ...fields };
  const yaml = Object.entries(meta)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body}\n`;
}

let dir: string;

async function write(rel: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
  await writeFile(path.join(dir, rel), content);
}

/** Loads `dir` expecting a CorpusError, and returns it. */
async function failure(): Promise<CorpusError> {
  const error = await loadCorpus(dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CorpusError)) throw new Error(`expected a CorpusError, got ${String(error)}`);
  return error;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'recoupe-load-'));
  await write('sources.yaml', SOURCES);
  await write('articles/b.md', article('b', { published: '2025-06-18' }));
  await write('articles/a.md', article('a', { published: '2025-06-18' }));
  await write('articles/c.md', article('c', { published: '2025-06-01' }));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadCorpus: valid data', () => {
  it('GIVEN valid files WHEN loaded THEN articles are sorted by date then id, with their file path', async () => {
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['c', 'a', 'b']);
    expect(corpus.articles[0]).toMatchObject({ source: 'afp', language: 'fr', file: 'articles/c.md', paragraphs: [{ n: 1, text: 'Moscou a annoncé mardi un accord.' }] });
    expect(corpus.sources.map((s) => s.id)).toEqual(['afp']);
  });

  it('treats a missing aliases.yaml as no aliases, and reads one when present', async () => {
    expect((await loadCorpus(dir)).aliases).toEqual([]);
    await write('aliases.yaml', '# spellings\n- [Koursk, Kursk]\n');
    expect((await loadCorpus(dir)).aliases).toEqual([['Koursk', 'Kursk']]);
  });

  it('treats a missing counted.yaml as no groups of its own, and reads one when present', async () => {
    expect((await loadCorpus(dir)).counted).toEqual([]);
    await write('counted.yaml', '# mine\n- [gendarmes, militaires de la gendarmerie]\n');
    expect((await loadCorpus(dir)).counted).toEqual([['gendarmes', 'militaires de la gendarmerie']]);
  });

  it('returns frozen data, down to paragraphs', async () => {
    const corpus = await loadCorpus(dir);
    expect(Object.isFrozen(corpus)).toBe(true);
    expect(Object.isFrozen(corpus.articles)).toBe(true);
    expect(Object.isFrozen(corpus.articles[0]?.paragraphs[0])).toBe(true);
    expect(Object.isFrozen(corpus.sources[0])).toBe(true);
  });
});

describe('loadCorpus: every problem is a CorpusError naming file and field', () => {
  it('reports a missing front-matter field', async () => {
    await write('articles/a.md', article('a', { title: '' }));
    const error = await failure();
    expect(error).toMatchObject({ file: path.join(dir, 'articles/a.md'), field: 'title' });
    expect(error.message).toBe(`${path.join(dir, 'articles/a.md')}: field "title": is required`);
  });

  it('reports a date that does not exist, quoting it', async () => {
    await write('articles/a.md', article('a', { published: '2025-13-01' }));
    expect((await failure()).message).toBe(`${path.join(dir, 'articles/a.md')}: field "published": expected a date YYYY-MM-DD, got "2025-13-01"`);
  });

  it('shows the path as the data directory was given', async () => {
    await write('articles/a.md', article('a', { published: '2025-13-01' }));
    const relative = path.relative(process.cwd(), dir);
    const error = await loadCorpus(relative).catch((e: unknown) => e);
    expect((error as CorpusError).file).toBe(path.join(relative, 'articles/a.md'));
  });

  it('reports a duplicate article id, naming both files', async () => {
    await write('articles/d.md', article('a'));
    const error = await failure();
    expect(error).toMatchObject({ file: path.join(dir, 'articles/d.md'), field: 'id' });
    expect(error.message).toContain(`duplicate article id "a" (also in ${path.join(dir, 'articles/a.md')})`);
  });

  it('reports an id that does not match its file name', async () => {
    await write('articles/a.md', article('z'));
    expect(await failure()).toMatchObject({ field: 'id', detail: 'id "z" does not match the file name (expected "a")' });
  });

  it('reports an unknown source, listing the known ones', async () => {
    await write('articles/a.md', article('a', { source: 'reuters' }));
    const error = await failure();
    expect(error).toMatchObject({ file: path.join(dir, 'articles/a.md'), field: 'source' });
    expect(error.detail).toContain('unknown source "reuters" (known: afp');
  });

  it('reports an article with an empty body', async () => {
    await write('articles/a.md', article('a', {}, ''));
    expect(await failure()).toMatchObject({ file: path.join(dir, 'articles/a.md'), field: 'body' });
  });

  it('refuses a file that is not valid UTF-8, saying near which line', async () => {
    const latin1 = Buffer.from(article('a', { title: 'Cor\u00e9e' }), 'latin1');
    await write('articles/a.md', latin1);
    const error = await failure();
    expect(error.file).toBe(path.join(dir, 'articles/a.md'));
    expect(error.detail).toMatch(/^not valid UTF-8 \(first bad byte near line 4\)/);
  });

  it('refuses a file larger than 5 MB before parsing it', async () => {
    await write('articles/a.md', `${article('a')}${'x'.repeat(MAX_FILE_BYTES)}`);
    const error = await failure();
    expect(error.file).toBe(path.join(dir, 'articles/a.md'));
    expect(error.detail).toContain('refusing to read it');
  });

  it('refuses a 50 MB file by its size alone, in one message naming the file', async () => {
    // Sparse, so the test writes nothing: were it read, its NUL bytes would fail as bad front matter instead.
    const file = path.join(dir, 'articles/a.md');
    const handle = await open(file, 'w');
    await handle.truncate(50 * 1024 * 1024);
    await handle.close();
    const error = await failure();
    expect(error.file).toBe(file);
    expect(error.message).toBe(`${file}: file is ${50 * 1024 * 1024} bytes, more than the ${MAX_FILE_BYTES} allowed; refusing to read it`);
  });

  it('reports a bad field of sources.yaml with its position', async () => {
    await write('sources.yaml', SOURCES.replace('"#1F5FAD"', 'blue'));
    expect(await failure()).toMatchObject({ file: path.join(dir, 'sources.yaml'), field: '[0].color' });
  });

  it('reports invalid YAML with its line', async () => {
    await write('aliases.yaml', '- [Koursk, Kursk\n');
    const error = await failure();
    expect(error.file).toBe(path.join(dir, 'aliases.yaml'));
    expect(error.detail).toMatch(/^invalid YAML at line \d+/);
  });

  it('reports a noun in two groups of counted.yaml with its position', async () => {
    await write('counted.yaml', '- [sapeurs, démineurs]\n- [soldats, Démineurs]\n');
    expect(await failure()).toMatchObject({ file: path.join(dir, 'counted.yaml'), field: '[1][1]' });
  });

  it('reports a missing sources.yaml', async () => {
    await rm(path.join(dir, 'sources.yaml'));
    expect(await failure()).toMatchObject({ file: path.join(dir, 'sources.yaml'), detail: 'file not found' });
  });
});
