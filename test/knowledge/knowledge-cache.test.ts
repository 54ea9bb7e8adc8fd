import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/answers/engine.js';
import { CACHE_FILE, cacheKey, loadKnowledge, type CacheEvent } from '../../src/knowledge/knowledge-cache.js';
import { encodeContainer } from '../../src/knowledge/container.js';
import { serialiseArticleFile } from '../../src/corpus/article-file.js';
import { CorpusError } from '../../src/corpus/load.js';
import { dispatch } from '../../src/commands/table.js';

const SOURCES = `- id: afp\n  name: Agence France-Presse\n  short: AFP\n  kind: agence\n  ownership: x\n  color: "#112233"\n`;

/** Writes a one-article data folder whose first paragraph is `text`. */
async function writeData(dataDir: string, text: string): Promise<void> {
  await mkdir(path.join(dataDir, 'articles'), { recursive: true });
  await writeFile(path.join(dataDir, 'sources.yaml'), SOURCES);
  await writeFile(path.join(dataDir, 'aliases.yaml'), '- [Choïgou, Shoigu]\n');
  const doc = {
    meta: { id: 'a1', source: 'afp', title: 'Visite à Pyongyang', published: '2025-06-17', language: 'fr' },
    paragraphs: [
      { n: 1, text },
      { n: 2, text: 'Le président russe Vladimir Poutine avait signé un accord l’an dernier.' },
    ],
  };
  await writeFile(path.join(dataDir, 'articles', 'a1.md'), serialiseArticleFile(doc));
}

let work: string;
let dataDir: string;
let cacheDir: string;
let events: CacheEvent[];
const load = () => loadKnowledge(dataDir, { dir: cacheDir, onEvent: (e) => events.push(e) });

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'recoupe-cache-'));
  dataDir = path.join(work, 'data');
  cacheDir = path.join(work, 'cache');
  events = [];
  await writeData(dataDir, 'Sergueï Choïgou a annoncé mardi l’envoi de 1 000 sapeurs à Koursk.');
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the start-up cache', () => {
  it('GIVEN no cache WHEN loading THEN builds, saves, and the next load restores the same answers', async () => {
    const first = await load();
    expect(first.fromCache).toBe(false);
    expect(events[0]).toMatchObject({ kind: 'miss', reason: 'no cache yet' });
    const second = await load();
    expect(second.fromCache).toBe(true);
    expect(events[1]).toMatchObject({ kind: 'hit' });
    for (const [command, query] of [['ask', 'Combien de sapeurs ?'], ['who', ''], ['when', ''], ['cite', 'Shoigu'], ['compare', 'sapeurs'], ['sources', '']] as const) {
      expect(dispatch(Engine.of(second.kb), command, query)).toEqual(dispatch(Engine.of(first.kb), command, query));
    }
  });

  it('GIVEN a saved cache WHEN an article file changes THEN rebuilds instead of trusting it', async () => {
    await load();
    await writeData(dataDir, 'Sergueï Choïgou a annoncé mardi l’envoi de 2 000 sapeurs à Koursk.');
    const changed = await load();
    expect(changed.fromCache).toBe(false);
    expect(events[1]).toMatchObject({ kind: 'miss', reason: 'data or code changed' });
    const answer = Engine.of(changed.kb).ask('Combien de sapeurs ?');
    expect(answer.kind === 'ask' && answer.excerpts[0]?.text).toContain('2 000');
  });

  it('GIVEN a saved cache WHEN an article file is added THEN rebuilds', async () => {
    await load();
    await writeFile(path.join(dataDir, 'articles', 'a1.md'), (await readFile(path.join(dataDir, 'articles', 'a1.md'), 'utf8')).replace('Visite à Pyongyang', 'Visite à Moscou'));
    expect((await load()).fromCache).toBe(false);
  });

  it('GIVEN a saved cache WHEN a data file becomes invalid THEN start-up fails on the file, not on the cache', async () => {
    await load();
    await writeFile(path.join(dataDir, 'sources.yaml'), SOURCES.replace('"#112233"', '"blue"'));
    await expect(load()).rejects.toBeInstanceOf(CorpusError);
  });

  it.each([
    ['random bytes', Buffer.from('not a cache at all')],
    ['a truncated file', null],
    ['an empty file', Buffer.alloc(0)],
    ['JSON of another shape', Buffer.from('{"key": 1, "saved": [], "corpus": null}')],
    ['the cache with one byte flipped', 'flip'],
  ] as const)('GIVEN %s in place of the cache WHEN loading THEN rebuilds without crashing and repairs the file', async (_label, bytes) => {
    await load();
    const file = path.join(cacheDir, CACHE_FILE);
    const good = await readFile(file);
    const flipped = Buffer.from(good);
    const middle = Math.floor(good.length / 2);
    flipped[middle] = (flipped[middle] as number) ^ 0x20;
    await writeFile(file, bytes === 'flip' ? flipped : (bytes ?? good.subarray(0, middle)));
    const again = await load();
    expect(again.fromCache).toBe(false);
    expect(events[1]).toMatchObject({ kind: 'miss' });
    expect((events[1] as { reason: string }).reason).toMatch(/unreadable|changed/);
    expect((await load()).fromCache).toBe(true);
  });

  it('GIVEN a well-formed cache file with the right key but missing parts WHEN loading THEN rebuilds instead of answering from it', async () => {
    await load();
    const key = await cacheKey(dataDir);
    await writeFile(path.join(cacheDir, CACHE_FILE), Buffer.concat(encodeContainer({ json: { key, corpus: { sources: [], aliases: [], articles: [] }, terms: '' }, arrays: {} })));
    const again = await load();
    expect(again.fromCache).toBe(false);
    expect((events[1] as { reason: string }).reason).toMatch(/unreadable/);
    expect(Engine.of(again.kb).ask('Combien de sapeurs ?').kind).toBe('ask');
  });

  it('GIVEN a cache folder that cannot be written WHEN loading THEN still answers and reports the failure', async () => {
    const blocker = path.join(work, 'file-not-folder');
    await writeFile(blocker, 'x');
    const result = await loadKnowledge(dataDir, { dir: path.join(blocker, 'cache'), onEvent: (e) => events.push(e) });
    expect(result.fromCache).toBe(false);
    expect(events.map((e) => e.kind)).toEqual(['miss', 'write-failed']);
    expect(Engine.of(result.kb).ask('sapeurs').kind).toBe('ask');
  });
});
