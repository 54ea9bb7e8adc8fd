/**
 * A server's collection composes no sooner than its refresh gap after the last composition was
 * put in place, and the changes made meanwhile are composed together: a run of publishes costs
 * the serving thread one composition per gap, not one each.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import type { Article } from '../../src/corpus/types.js';
import { GuildCollection } from '../../src/live/guild-collection.js';
import { loadEngine } from '../../src/load-engine.js';
import type { StoredArticle } from '../../src/store/types.js';

const GUILD = '444444444444444444';
/** Long against a first composition here (about half a second alone), so that "at once" and "after the gap" are told apart even on a busy machine. */
const GAP_MS = 2_000;
let engine: Engine;

function stored(n: number): StoredArticle {
  const id = `2025-06-19-afp-cadence-${n}`;
  const article: Article = {
    id,
    source: 'afp',
    title: `Cadence numéro ${n}`,
    published: '2025-06-19',
    language: 'fr',
    file: `server:${GUILD}/${id}`,
    paragraphs: [{ n: 1, text: `Les batraciens numéro ${n} de la vallée ont été recensés jeudi par la préfecture.` }],
  };
  return { guildId: GUILD, article, publishedBy: { id: '555555555555555555', name: 'Modérateur' }, publishedAt: `2025-06-19T10:00:0${n}Z` };
}

/** Settles the collection to hold `articles` among their ids, as the change log would name them. */
const settle = (collection: GuildCollection, ...articles: StoredArticle[]) =>
  collection.settle(
    articles.map((a) => a.article.id),
    new Map(articles.map((a) => [a.article.id, a])),
  );

beforeAll(async () => {
  engine = await loadEngine('data', { cacheDir: false });
}, 60_000);

describe('GuildCollection refresh gap', () => {
  it('composes its first change at once, then waits the gap, and composes the changes made meanwhile together', async () => {
    const collection = new GuildCollection(GUILD, engine.kb, { refreshGapMs: GAP_MS });
    const first = performance.now();
    await settle(collection, stored(1));
    const firstMs = performance.now() - first;
    expect(collection.has(stored(1).article.id)).toBe(true);
    expect(firstMs).toBeLessThan(GAP_MS);

    const second = performance.now();
    const engines = new Set<Engine>();
    const watch = setInterval(() => engines.add(collection.engine), 1);
    // Two changes during the gap: one composition for both.
    const settled = settle(collection, stored(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const alsoSettled = settle(collection, stored(3));
    await Promise.all([settled, alsoSettled]);
    clearInterval(watch);
    engines.add(collection.engine);
    expect(performance.now() - second).toBeGreaterThanOrEqual(GAP_MS - 5);
    for (const n of [1, 2, 3]) expect(collection.has(stored(n).article.id)).toBe(true);
    // The engine after the first publish, then the one composed of both changes: none between.
    expect(engines.size).toBe(2);
  }, 15_000);
});
