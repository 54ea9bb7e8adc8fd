/**
 * The live corpus over a real store (embedded PGlite in memory) and the seeds' knowledge base:
 * a published article is answered in its server only, by every live corpus following the store,
 * after a restart too; a removal takes effect the same way; a query during a publish sees the
 * collection before or after it; many publishes are merged into one segment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import { dispatch } from '../../src/commands/table.js';
import type { Article } from '../../src/corpus/types.js';
import { LiveCorpus } from '../../src/live/live-corpus.js';
import { loadEngine } from '../../src/load-engine.js';
import { openStore } from '../../src/store/open-store.js';
import type { CorpusStore } from '../../src/store/types.js';

const GUILD = '111111111111111111';
const OTHER = '222222222222222222';
const actor = { id: '333333333333333333', name: 'Modératrice' };

let store: CorpusStore;
let engine: Engine;
let first: LiveCorpus;
let second: LiveCorpus;

function article(n: number, marker: string): Article {
  const id = `2025-06-18-afp-essai-${n}`;
  return {
    id,
    source: 'afp',
    title: `Essai numéro ${n}`,
    published: '2025-06-18',
    language: 'fr',
    file: `server:${GUILD}/${id}`,
    paragraphs: [
      { n: 1, text: `Les ${marker} de la vallée ont été recensés mercredi par le préfet, selon un communiqué.` },
      { n: 2, text: `Le préfet a précisé que quarante-deux ${marker} avaient été observés depuis le mois de mai.` },
    ],
  };
}

/** True when `/cite marker` in that engine quotes the article `id`. */
const cites = (e: Engine, marker: string, id: string) => JSON.stringify(dispatch(e, 'cite', marker)).includes(id);

/** Waits (at most `ms`) for `check` to hold. */
async function within(ms: number, check: () => boolean): Promise<number> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now() - started;
}

/** Waits (at most 1 s, the bound a publish or a removal is answerable within) for `check` to hold. */
const within1s = (check: () => boolean) => within(1_000, check);

/**
 * Merges are background work with no deadline of their own (about 20 ms each here alone); the
 * bound only tells a merge that never comes from one slowed by other suites sharing the CPU.
 */
const MERGE_WAIT_MS = 5_000;

beforeAll(async () => {
  store = await openStore({ dir: 'memory://' });
  engine = await loadEngine('data', { cacheDir: false });
  first = await LiveCorpus.start(engine.kb, store, { pollMs: 200, mergeAt: 4 });
  second = await LiveCorpus.start(engine.kb, store, { pollMs: 200, mergeAt: 4 });
}, 60_000);
afterAll(async () => {
  await first.close();
  await second.close();
  await store.close();
});

describe('LiveCorpus', () => {
  it('answers a published article in its server only, in every live corpus, within a second', async () => {
    const a = article(1, 'ornithorynques');
    expect(cites(first.engineFor(GUILD), 'ornithorynques', a.id)).toBe(false);
    const change = await store.publishArticle(GUILD, a, actor);
    await first.waitFor(change.id);
    expect(cites(first.engineFor(GUILD), 'ornithorynques', a.id)).toBe(true);
    await within1s(() => cites(second.engineFor(GUILD), 'ornithorynques', a.id));
    expect(cites(first.engineFor(OTHER), 'ornithorynques', a.id)).toBe(false);
    expect(cites(first.engineFor(null), 'ornithorynques', a.id)).toBe(false);
    expect(first.shared).toBe(first.engineFor(undefined));
    // The shared collection is still there beside it.
    expect(first.engineFor(GUILD).corpus.articles.length).toBe(engine.corpus.articles.length + 1);
  });

  it('keeps every published article after a restart', async () => {
    const restarted = await LiveCorpus.start(engine.kb, store);
    try {
      expect(cites(restarted.engineFor(GUILD), 'ornithorynques', '2025-06-18-afp-essai-1')).toBe(true);
    } finally {
      await restarted.close();
    }
  });

  it('answers from an outlet the server added', async () => {
    const source = { id: 'rv', name: 'Radio Valbrume', short: 'RV', kind: 'radio station', ownership: 'municipal', color: '#123456' };
    await first.waitFor((await store.addSource(GUILD, source, actor)).id);
    const a = { ...article(2, 'pangolins'), source: 'rv', id: '2025-06-18-rv-essai-2' };
    await first.waitFor((await store.publishArticle(GUILD, a, actor)).id);
    const answer = JSON.stringify(dispatch(first.engineFor(GUILD), 'cite', 'pangolins'));
    expect(answer).toContain('Radio Valbrume');
    expect(first.engineFor(GUILD).corpus.sources.map((s) => s.id)).toContain('rv');
    expect(first.engineFor(OTHER).corpus.sources.map((s) => s.id)).not.toContain('rv');
  });

  it('sees a removal everywhere, and the other articles stay', async () => {
    const change = await store.removeArticle(GUILD, '2025-06-18-afp-essai-1', actor);
    await first.waitFor(change.id);
    expect(cites(first.engineFor(GUILD), 'ornithorynques', '2025-06-18-afp-essai-1')).toBe(false);
    await within1s(() => !cites(second.engineFor(GUILD), 'ornithorynques', '2025-06-18-afp-essai-1'));
    expect(JSON.stringify(dispatch(first.engineFor(GUILD), 'cite', 'pangolins'))).toContain('2025-06-18-rv-essai-2');
  });

  it('gives a query during a publish the collection before or after it, never between', async () => {
    const a = article(3, 'tamanoirs');
    const before = first.engineFor(GUILD);
    const publishing = store.publishArticle(GUILD, a, actor).then((c) => first.waitFor(c.id));
    const seen: number[] = [];
    let done = false;
    void publishing.then(() => (done = true));
    while (!done) {
      const e = first.engineFor(GUILD);
      seen.push(e.corpus.articles.length);
      // Every engine is whole: its index holds exactly its corpus's paragraphs.
      expect(e.kb.index.docs.length).toBe(e.corpus.articles.reduce((n, x) => n + x.paragraphs.length, 0));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(new Set(seen.filter((n) => n !== before.corpus.articles.length && n !== before.corpus.articles.length + 1))).toEqual(new Set());
    expect(cites(first.engineFor(GUILD), 'tamanoirs', a.id)).toBe(true);
  });

  it('merges many small segments into one and still answers every article', async () => {
    for (let n = 10; n < 16; n++) await first.waitFor((await store.publishArticle(GUILD, article(n, `wombats${n}x`), actor)).id);
    await within(MERGE_WAIT_MS, () => (first.collectionOf(GUILD)?.segmentCount ?? 99) < 4);
    for (let n = 10; n < 16; n++) expect(cites(first.engineFor(GUILD), `wombats${n}x`, `2025-06-18-afp-essai-${n}`)).toBe(true);
    expect(cites(first.engineFor(GUILD), 'tamanoirs', '2025-06-18-afp-essai-3')).toBe(true);
  });

  it('keeps every publish that lands while a merge is being composed', async () => {
    const changes = await Promise.all(Array.from({ length: 7 }, (_, i) => store.publishArticle(GUILD, article(20 + i, `ornithorynques${i}z`), actor)));
    await first.waitFor(Math.max(...changes.map((c) => c.id)));
    await within(MERGE_WAIT_MS, () => (first.collectionOf(GUILD)?.segmentCount ?? 99) < 4);
    // A merge may still be composing: wait until the engine answers from every article.
    await within1s(() => Array.from({ length: 7 }, (_, i) => first.collectionOf(GUILD)?.has(`2025-06-18-afp-essai-${20 + i}`)).every(Boolean));
    for (let i = 0; i < 7; i++) expect(cites(first.engineFor(GUILD), `ornithorynques${i}z`, `2025-06-18-afp-essai-${20 + i}`)).toBe(true);
    for (let n = 10; n < 16; n++) expect(cites(first.engineFor(GUILD), `wombats${n}x`, `2025-06-18-afp-essai-${n}`)).toBe(true);
  });
});
