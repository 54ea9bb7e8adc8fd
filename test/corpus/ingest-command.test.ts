/**
 * The ingest command end to end, in-process: files, standard input, pages and a feed served by a
 * local HTTP server on 127.0.0.1 (allowed by RECOUPE_FETCH_ALLOW, the test-only setting). The
 * invented inputs are in test/fixtures/ingest/ (see its README).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../src/corpus/article-file.js';
import { runIngest } from '../../src/corpus/ingest-command.js';
import { loadCorpus } from '../../src/corpus/load.js';

const FIXTURES = new URL('../fixtures/ingest/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

const DISPATCH_ID = '2031-03-12-dhl-valbrume-la-ligne-ferroviaire-vers';
const COPY_ID = '2031-03-12-courrier-valbrume-train-la-ligne-valbrume-sorviere-rouvre';
const COPY_CANONICAL = 'https://courrier-valbrume.example/region/train-valbrume-sorviere-reouverture.html';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const page = (name: string, type = 'text/html; charset=utf-8') => {
      res.writeHead(200, { 'content-type': type });
      res.end(name.endsWith('.rss') ? fixture(name).replaceAll('http://HOST', base) : fixture(name));
    };
    if (req.url === '/region/train-valbrume-sorviere-reouverture.html') return page('courrier-copy.html');
    if (req.url === '/region/sorviere-marche-couvert.html') return page('courrier-marche.html');
    if (req.url === '/echo/train') return page('echo-own-report.html');
    if (req.url === '/feed.rss') return page('courrier-feed.rss', 'application/rss+xml');
    if (req.url === '/old-address') {
      res.writeHead(301, { location: '/region/train-valbrume-sorviere-reouverture.html' });
      return res.end();
    }
    if (req.url === '/video') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<!doctype html><html><head><title>Vidéo</title></head><body><nav><a href="/">Accueil</a></nav><div class="player">placeholder video</div></body></html>');
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'recoupe-command-'));
  await copyFile(new URL('sources.yaml', FIXTURES), path.join(dir, 'sources.yaml'));
  for (const name of ['dispatch-dhl.txt', 'dispatch-en.txt', 'courrier-copy.html', 'echo-own-report.html']) await copyFile(new URL(name, FIXTURES), path.join(dir, name));
  env = { INIT_CWD: dir, RECOUPE_FETCH_ALLOW: '127.0.0.1' };
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command with `--data dir` unless the arguments name another data directory. */
async function ingest(args: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string | Buffer; noData?: boolean } = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
  };
  const argv = options.noData ? args : [...args, '--data', dir];
  const code = await runIngest(argv, options.env ?? env, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

async function articleFiles(): Promise<string[]> {
  return readdir(path.join(dir, 'articles')).catch(() => []);
}

async function stored(id: string) {
  return parseArticleFile(await readFile(path.join(dir, 'articles', `${id}.md`), 'utf8'));
}

describe('GIVEN a wrong command line', () => {
  it('WHEN INPUT is missing THEN it exits 2 with the usage line', async () => {
    const run = await ingest([]);
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: npm run ingest -- FILE|-|URL') });
  });

  it('WHEN --new-source lacks a field THEN it exits 2 naming the field', async () => {
    const run = await ingest(['dispatch-dhl.txt', '--new-source', 'id=x,name=X,short=X,kind=k,ownership=o']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--new-source: field "color": is required');
  });

  it('WHEN --title is given for a feed of several items THEN it exits 2 and writes nothing', async () => {
    const run = await ingest([`${base}/feed.rss`, '--title', 'Un titre', '--source', 'courrier-valbrume']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--title names one article, but');
    expect(await articleFiles()).toEqual([]);
  });
});

describe('GIVEN an agency dispatch pasted as text, with an agency dateline', () => {
  it('WHEN ingested THEN outlet, date and place come from the dateline, which is in neither the title nor the text, and every removed piece is listed', async () => {
    const run = await ingest(['dispatch-dhl.txt']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`Wrote ${path.join(dir, 'articles', `${DISPATCH_ID}.md`)}`);
    expect(run.stdout).toContain('Removed 2 pieces:\n  - title line (used as the title): "Valbrume : la ligne ferroviaire vers Sorvière rouvrira le 2 avril"\n  - agency dateline (place, date, agency): "Valbrume, 12 mars 2031 (DHL) -"');
    const doc = await stored(DISPATCH_ID);
    expect(doc.meta).toEqual({ id: DISPATCH_ID, source: 'dhl', title: 'Valbrume : la ligne ferroviaire vers Sorvière rouvrira le 2 avril', published: '2031-03-12', language: 'fr', dateline: 'Valbrume' });
    expect(doc.paragraphs).toHaveLength(8);
    expect(doc.paragraphs[0]?.text.startsWith('La ligne ferroviaire entre Valbrume et Sorvière')).toBe(true);
  });

  it('WHEN the date inside its quotation is the only other date THEN the dateline date is kept, never the quoted one', async () => {
    await ingest(['dispatch-dhl.txt']);
    expect((await stored(DISPATCH_ID)).meta.published).not.toBe('1911-02-03');
  });

  it('WHEN pasted from a browser with single newlines between paragraphs THEN each line is a paragraph and the byline goes', async () => {
    const pasted = fixture('dispatch-dhl.txt').replace(/\n\n/g, '\n').replace('rouvrira le 2 avril\n', 'rouvrira le 2 avril\nM.D\n');
    await writeFile(path.join(dir, 'pasted.txt'), pasted);
    const run = await ingest(['pasted.txt']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('paragraphs read one a line');
    expect(run.stdout).toMatch(/ {2}- [^\n]*: "M\.D"/);
    expect((await stored(DISPATCH_ID)).paragraphs).toHaveLength(8);
  });

  it('WHEN it has no title line THEN it exits 1 asking for --title, and writes nothing', async () => {
    await writeFile(path.join(dir, 'untitled.txt'), fixture('dispatch-dhl.txt').split('\n').slice(2).join('\n'));
    const run = await ingest(['untitled.txt']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('pass --title');
    expect(await articleFiles()).toEqual([]);
  });
});

describe('GIVEN a page served over HTTP', () => {
  it('WHEN ingested by URL THEN the page metadata gives title, date, outlet and canonical address', async () => {
    const run = await ingest([`${base}/region/train-valbrume-sorviere-reouverture.html`]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((await stored(COPY_ID)).meta).toEqual({
      id: COPY_ID,
      source: 'courrier-valbrume',
      title: 'Train : la ligne Valbrume-Sorvière rouvre le 2 avril',
      published: '2031-03-12',
      language: 'fr',
      url: COPY_CANONICAL,
      dateline: 'Valbrume',
    });
    expect(run.stdout).toContain('  - advertisement slot: "Publicité"');
  });

  it('WHEN the same page is ingested again, even from an old address that redirects THEN it is refused with the existing id, and --replace updates the same file', async () => {
    await ingest([`${base}/region/train-valbrume-sorviere-reouverture.html`]);
    const again = await ingest([`${base}/old-address`]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`already in the corpus as "${COPY_ID}" (the same address`);
    const replaced = await ingest([`${base}/old-address`, '--replace', '--title', 'Le train revient le 2 avril']);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain(`Replaced ${path.join(dir, 'articles', `${COPY_ID}.md`)}`);
    expect(await articleFiles()).toEqual([`${COPY_ID}.md`]);
    expect((await loadCorpus(dir)).articles.map((a) => a.title)).toEqual(['Le train revient le 2 avril']);
  });

  it('WHEN the dispatch it copies is stored THEN it is recorded as syndication_of the dispatch', async () => {
    await ingest(['dispatch-dhl.txt']);
    const run = await ingest([`${base}/region/train-valbrume-sorviere-reouverture.html`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`  syndication_of ${DISPATCH_ID}`);
    expect((await stored(COPY_ID)).meta.syndication_of).toBe(DISPATCH_ID);
    expect((await loadCorpus(dir)).articles).toHaveLength(2);
  });

  it('WHEN the page holds no article THEN it exits 1 with one message and writes nothing', async () => {
    const run = await ingest([`${base}/video`, '--source', 'courrier-valbrume']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('no article found in the page');
    expect(await articleFiles()).toEqual([]);
  });

  it('WHEN the address is a loopback one and no test setting allows it THEN the fetch is refused', async () => {
    const run = await ingest([`${base}/region/train-valbrume-sorviere-reouverture.html`], { env: { INIT_CWD: dir } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ingest: .*127\.0\.0\.1/);
    expect(await articleFiles()).toEqual([]);
  });
});

describe('GIVEN a page of an outlet missing from sources.yaml', () => {
  it('WHEN ingested THEN it exits 1 proposing the exact --new-source line, and writes nothing', async () => {
    const run = await ingest(['echo-own-report.html']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`unknown outlet "L'Écho de la Lisière" (from the page metadata)`);
    expect(run.stderr).toContain(`--new-source 'id=l-echo-de-la-lisiere,name=L'\\''Écho de la Lisière,`);
    expect(run.stderr).toContain('README: "Add an outlet"');
    expect(await articleFiles()).toEqual([]);
  });

  it('WHEN --new-source describes it THEN sources.yaml gains it, comments kept, and the article is written in the same step', async () => {
    const before = await readFile(path.join(dir, 'sources.yaml'), 'utf8');
    const spec = "id=echo-lisiere,name=L'Écho de la Lisière,short=Écho,kind=daily newspaper,ownership=owned by its journalists (invented),color=#8E44AD,url=https://echo-lisiere.example";
    const run = await ingest(['echo-own-report.html', '--new-source', spec]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('  source      echo-lisiere (Écho), added to sources.yaml');
    expect((await readFile(path.join(dir, 'sources.yaml'), 'utf8')).startsWith(before.trimEnd())).toBe(true);
    const corpus = await loadCorpus(dir);
    expect(corpus.sources.map((s) => s.id)).toEqual(['dhl', 'courrier-valbrume', 'echo-lisiere']);
    expect(corpus.articles[0]).toMatchObject({ source: 'echo-lisiere', published: '2031-03-13', url: 'https://echo-lisiere.example/2031/03/13/train-gorges-noires' });
    expect(corpus.articles[0]?.paragraphs).toHaveLength(6);
  });
});

describe('GIVEN a feed of three items, two linking to pages and one carrying its content', () => {
  it('WHEN ingested THEN each item is an article with the item’s date and title, the copy is syndication, and a second run finds them all present', async () => {
    await ingest(['dispatch-dhl.txt']);
    const run = await ingest([`${base}/feed.rss`, '--source', 'courrier-valbrume']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Feed ${base}/feed.rss: 3 written, 0 already in the corpus, 0 failed`);
    const articles = (await loadCorpus(dir)).articles.filter((a) => a.source === 'courrier-valbrume');
    expect(articles.map((a) => [a.published, a.title])).toEqual([
      ['2031-03-10', 'Valbrume : la piscine des Tanneurs fermée une semaine'],
      ['2031-03-11', 'Sorvière : le marché couvert rouvre après deux ans de travaux'],
      ['2031-03-12', 'Train : la ligne Valbrume-Sorvière rouvre le 2 avril'],
    ]);
    expect(articles.map((a) => a.paragraphs.length)).toEqual([3, 5, 7]);
    expect((await stored(COPY_ID)).meta.syndication_of).toBe(DISPATCH_ID);

    const again = await ingest([`${base}/feed.rss`, '--source', 'courrier-valbrume']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Feed ${base}/feed.rss: 0 written, 3 already in the corpus, 0 failed`);
    expect(await articleFiles()).toHaveLength(4);
  });

  it('WHEN --no-fetch is given THEN no page is fetched: items are built from what the feed holds, their link kept as url', async () => {
    const run = await ingest([`${base}/feed.rss`, '--source', 'courrier-valbrume', '--no-fetch']);
    expect(run.stdout).toContain('3 written');
    expect((await loadCorpus(dir)).articles.map((a) => a.paragraphs.length)).toEqual([3, 1, 1]);
    expect((await loadCorpus(dir)).articles.map((a) => a.url).filter(Boolean)).toEqual([`${base}/region/sorviere-marche-couvert.html`, `${base}/region/train-valbrume-sorviere-reouverture.html`]);
  });
});

describe('GIVEN other inputs', () => {
  it('WHEN English text comes on standard input THEN its language is stored as en', async () => {
    const run = await ingest(['-', '--source', 'dhl', '--published', '2031-03-12'], { stdin: fixture('dispatch-en.txt') });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  language    en');
  });

  it('WHEN a Windows-1252 file is ingested THEN it is read as such, said so, and stored as UTF-8', async () => {
    const text = fixture('dispatch-dhl.txt').replace("l'éboulement", 'l’éboulement');
    const bytes = Buffer.from(new TextEncoder().encode(text)).toString('utf8');
    // Windows-1252 by hand: every character of the text is in it (’ is 0x92).
    const cp1252 = Buffer.from([...bytes].map((c) => (c === '’' ? 0x92 : c.charCodeAt(0))));
    await writeFile(path.join(dir, 'cp1252.txt'), cp1252);
    const run = await ingest(['cp1252.txt']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  note        input read as windows-1252');
    expect((await stored(DISPATCH_ID)).paragraphs[0]?.text).toContain('depuis l’éboulement du 9 janvier');
  });

  it.each([
    ['binary data', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]), 'binary data'],
    ['an empty file', Buffer.alloc(0), 'empty'],
    ['a file over 5 MB', Buffer.alloc(5 * 1024 * 1024 + 1, 0x61), 'more than the 5242880 allowed'],
  ])('WHEN the input is %s THEN it exits 1 with one message naming the file, and writes nothing', async (_, bytes, message) => {
    await writeFile(path.join(dir, 'bad.txt'), bytes);
    const run = await ingest(['bad.txt', '--source', 'dhl']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('bad.txt');
    expect(run.stderr).toContain(message);
    expect(await articleFiles()).toEqual([]);
  });

  it('WHEN an article file of the project’s format is ingested THEN it is stored byte for byte', async () => {
    const seed = path.resolve('data/articles/2025-06-17-afp-sapeurs-militaires-et-ouvriers.md');
    await writeFile(path.join(dir, 'sources.yaml'), await readFile('data/sources.yaml'));
    const run = await ingest([seed]);
    expect(run.code).toBe(0);
    expect(await readFile(path.join(dir, 'articles', path.basename(seed)), 'utf8')).toBe(await readFile(seed, 'utf8'));
  });

  it('WHEN --dry-run is given THEN everything is printed and nothing is written', async () => {
    const run = await ingest(['dispatch-dhl.txt', '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Would write (dry run)');
    expect(await articleFiles()).toEqual([]);
  });
});

describe('GIVEN a data directory named by DATA_DIR', () => {
  it('WHEN no --data is given THEN DATA_DIR is used, and --data wins over it', async () => {
    const other = await mkdtemp(path.join(tmpdir(), 'recoupe-other-'));
    try {
      await copyFile(path.join(dir, 'sources.yaml'), path.join(other, 'sources.yaml'));
      const viaEnv = await ingest([path.join(dir, 'dispatch-dhl.txt')], { env: { ...env, DATA_DIR: other }, noData: true });
      expect(viaEnv.code).toBe(0);
      expect(await readdir(path.join(other, 'articles'))).toEqual([`${DISPATCH_ID}.md`]);
      await ingest([path.join(dir, 'dispatch-dhl.txt'), '--data', dir], { env: { ...env, DATA_DIR: other }, noData: true });
      expect(await articleFiles()).toEqual([`${DISPATCH_ID}.md`]);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});

describe('GIVEN the entry line that calls runIngest', () => {
  it('WHEN run as a process THEN its exit code is the command’s', async () => {
    const entry = path.join(dir, 'entry.mts');
    await writeFile(entry, `import { runIngest } from ${JSON.stringify(path.resolve('src/corpus/ingest-command.ts'))};\nprocess.exitCode = await runIngest(process.argv.slice(2), process.env, process);\n`);
    const run = promisify(execFile);
    const error = await run(path.resolve('node_modules/.bin/tsx'), [entry, '--data', dir]).catch((e: unknown) => e as { code: number; stderr: string });
    expect(error).toMatchObject({ code: 2, stderr: expect.stringContaining('ingest: missing FILE') });
  });
});
