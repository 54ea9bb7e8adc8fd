import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/answers/engine.js';
import { CACHE_FILE, loadKnowledge, type CacheEvent } from '../../src/cache/knowledge-cache.js';
import type { Article, Corpus } from '../../src/corpus/types.js';

const article = (text: string): Article => ({
  id: 'a1',
  source: 'afp',
  title: 'Visite à Pyongyang',
  published: '2025-06-17',
  language: 'fr',
  file: 'articles/a1.md',
  paragraphs: [
    { n: 1, text },
    { n: 2, text: 'Le président russe Vladimir Poutine avait signé un accord l’an dernier.' },
  ],
});
const corpusWith = (text: string): Corpus => ({
  sources: [{ id: 'afp', name: 'Agence France-Presse', short: 'AFP', kind: 'agence', ownership: 'x', color: '#112233' }],
  aliases: [['Choïgou', 'Shoigu']],
  articles: [article(text)],
});

let dir: string;
let events: CacheEvent[];
const load = (corpus: Corpus) => loadKnowledge(corpus, { dir, onEvent: (e) => events.push(e) });

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'recoupe-cache-'));
  events = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the start-up cache', () => {
  const corpus = corpusWith('Sergueï Choïgou a annoncé mardi l’envoi de 1 000 sapeurs à Koursk.');

  it('GIVEN no cache WHEN loading THEN builds, saves, and the next load restores the same answers', async () => {
    const first = await load(corpus);
    expect(first.fromCache).toBe(false);
    expect(events[0]).toMatchObject({ kind: 'miss', reason: 'no cache yet' });
    const second = await load(corpus);
    expect(second.fromCache).toBe(true);
    expect(events[1]).toMatchObject({ kind: 'hit' });
    for (const [command, query] of [['ask', 'Combien de sapeurs ?'], ['who', ''], ['when', ''], ['cite', 'Shoigu'], ['compare', 'sapeurs']] as const) {
      expect(Engine.of(second.kb).run(command, query)).toEqual(Engine.of(first.kb).run(command, query));
    }
  });

  it('GIVEN a saved cache WHEN an article changes THEN rebuilds instead of trusting it', async () => {
    await load(corpus);
    const changed = await load(corpusWith('Sergueï Choïgou a annoncé mardi l’envoi de 2 000 sapeurs à Koursk.'));
    expect(changed.fromCache).toBe(false);
    expect(events[1]).toMatchObject({ kind: 'miss', reason: 'corpus or code changed' });
    const answer = Engine.of(changed.kb).ask('Combien de sapeurs ?');
    expect(answer.kind === 'ask' && answer.excerpts[0]?.text).toContain('2 000');
  });

  it.each([
    ['random bytes', Buffer.from('not a cache at all')],
    ['a truncated file', null],
    ['an empty file', Buffer.alloc(0)],
  ])('GIVEN %s in place of the cache WHEN loading THEN rebuilds without crashing and repairs the file', async (_label, bytes) => {
    await load(corpus);
    const file = path.join(dir, CACHE_FILE);
    const good = await readFile(file);
    await writeFile(file, bytes ?? good.subarray(0, Math.floor(good.length / 2)));
    const again = await load(corpus);
    expect(again.fromCache).toBe(false);
    expect(events[1]).toMatchObject({ kind: 'miss' });
    expect((events[1] as { reason: string }).reason).toMatch(/unreadable|changed/);
    expect((await load(corpus)).fromCache).toBe(true);
  });

  it('GIVEN a cache folder that cannot be written WHEN loading THEN still answers and reports the failure', async () => {
    const blocker = path.join(dir, 'file-not-folder');
    await writeFile(blocker, 'x');
    const result = await loadKnowledge(corpus, { dir: path.join(blocker, 'cache'), onEvent: (e) => events.push(e) });
    expect(result.fromCache).toBe(false);
    expect(events.map((e) => e.kind)).toEqual(['miss', 'write-failed']);
    expect(Engine.of(result.kb).ask('sapeurs').kind).toBe('ask');
  });
});
