/**
 * `npm run bench:publish [-- --paragraphs 100000] [--publishes 50]`: how long a moderator's
 * Publish takes to become answerable, and what queries cost meanwhile.
 *
 * A deterministic corpus of real French sentences (PIAF, recombined, as bench:latency) is the
 * shared base; a store (PGlite in memory, or the PostgreSQL server of `DATABASE_URL`) holds one
 * server's collection. Two live corpora follow the store: the publisher's process and another one
 * (a second shard or machine). Each of the publishes (a 20-paragraph article through the
 * moderation service's `preview` then `publish`) is timed from Publish to the moment each live
 * corpus holds it, confirmed by a `/cite` of a phrase only that article holds. Meanwhile a query is due every
 * 20 ms against the server's engine, timed from when it was due to when it was answered (so that
 * time spent blocked behind a segment build counts). Before the publishes, the same queries run
 * alone: the baseline of the same run. A table first, then one JSON object on the last line.
 */
import { parseArgs } from 'node:util';
import { buildKnowledgeBase } from '../src/knowledge/build.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../src/corpus/load.js';
import { dispatch } from '../src/commands/table.js';
import { LiveCorpus } from '../src/live/live-corpus.js';
import { createModerationService } from '../src/moderation/service.js';
import { openStore } from '../src/store/open-store.js';
import { percentile } from './lib/metrics.js';
import { readSquad, squadItems } from './lib/squad.js';
import { PIAF_DEV_FILE, requireSquadFile } from './lib/squad-input.js';
import { seededRandom, sentencePool, syntheticArticles, writeDataFolder } from './lib/synthetic-corpus.js';
import { formatTable } from './lib/table.js';

const { values } = parseArgs({
  options: {
    paragraphs: { type: 'string', default: '100000' },
    publishes: { type: 'string', default: '50' },
    squad: { type: 'string', default: PIAF_DEV_FILE },
  },
});
const size = Number.parseInt(values.paragraphs, 10);
const publishes = Number.parseInt(values.publishes, 10);
const ARTICLE_PARAGRAPHS = 20;
const QUERY_EVERY_MS = 20;
const GUILD = '900000000000000001';
const actor = { id: '900000000000000002', name: 'bench moderator' };

await requireSquadFile('bench:publish', values.squad, '--squad FILE');
const squad = await readSquad(values.squad);
const pool = sentencePool(squad);
const questions = squadItems(squad).map((q) => q.question);

const work = await mkdtemp(path.join(tmpdir(), 'recoupe-bench-publish-'));
await writeDataFolder(path.join(work, 'data'), syntheticArticles(pool, size));
const corpus = await loadCorpus(path.join(work, 'data'));
await rm(work, { recursive: true, force: true });
const t = performance.now();
const base = buildKnowledgeBase(corpus);
const buildMs = performance.now() - t;

const store = await openStore(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dir: 'memory://' });
const logger = { warn: (details: object, message: string) => console.error(message, details) };
const publisher = await LiveCorpus.start(base, store, { logger });
const follower = await LiveCorpus.start(base, store, { logger });
const moderation = createModerationService({ live: publisher, store });

const random = seededRandom(7);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/**
 * Queries one after another, each 20 ms after the previous one was answered, until `running` is
 * false. Each is timed from when it was due to when it was answered: the time spent blocked
 * behind a segment build or a composition counts, not the queries' own queueing.
 */
async function queryLoad(running: () => boolean): Promise<number[]> {
  const waits: number[] = [];
  while (running()) {
    const due = performance.now() + QUERY_EVERY_MS;
    await new Promise((resolve) => setTimeout(resolve, QUERY_EVERY_MS));
    const command = pick(['ask', 'who', 'when', 'compare', 'cite'] as const);
    dispatch(publisher.engineFor(GUILD), command, pick(questions));
    waits.push(performance.now() - due);
  }
  return waits;
}

/**
 * The time from `from` until `live` holds the article `id` (checked every millisecond: a look
 * at its collection, not a query, so that the check does not load the process it measures),
 * then confirmed by a `/cite` of a phrase only that article holds.
 */
async function answerable(live: LiveCorpus, marker: string, id: string, from: number): Promise<number> {
  while (!live.collectionOf(GUILD)?.has(id)) await new Promise((resolve) => setTimeout(resolve, 1));
  const ms = performance.now() - from;
  if (!JSON.stringify(dispatch(live.engineFor(GUILD), 'cite', marker)).includes(id)) throw new Error(`bench:publish: ${id} is held but not answered`);
  return ms;
}

const stopAfter = performance.now() + 3_000;
const baseline = await queryLoad(() => performance.now() < stopAfter);

const own: number[] = [];
const other: number[] = [];
let publishing = true;
const during = queryLoad(() => publishing);
for (let i = 0; i < publishes; i++) {
  const marker = `zorglubine${i.toString(36)}`;
  const paragraphs = Array.from({ length: ARTICLE_PARAGRAPHS }, (_, p) => (p === 7 ? `${pick(pool)} La ${marker} fut citée.` : `${pick(pool)} ${pick(pool)}`));
  const preview = await moderation.preview(GUILD, { kind: 'text', text: paragraphs.join('\n\n'), title: `Dépêche numéro ${i + 1} sur ${marker}`, outlet: 'AGA', published: '2025-06-17' }, actor);
  const started = performance.now();
  const done = moderation.publish(GUILD, preview.draftId, actor);
  const [mine, theirs] = await Promise.all([done.then((l) => answerable(publisher, marker, l.articleId, started)), answerable(follower, marker, preview.articleId, started)]);
  own.push(mine);
  other.push(theirs);
}
publishing = false;
const load = await during;

const result = {
  paragraphs: base.index.docs.length,
  base_build_ms: Math.round(buildMs),
  backend: store.backend,
  publishes,
  publish_to_answerable_p50_ms: percentile(own, 0.5),
  publish_to_answerable_p99_ms: percentile(own, 0.99),
  other_process_p50_ms: percentile(other, 0.5),
  other_process_p99_ms: percentile(other, 0.99),
  query_baseline_p50_ms: percentile(baseline, 0.5),
  query_baseline_p99_ms: percentile(baseline, 0.99),
  query_during_publishes_p50_ms: percentile(load, 0.5),
  query_during_publishes_p99_ms: percentile(load, 0.99),
  queries_during: load.length,
  segments_at_end: publisher.collectionOf(GUILD)?.segmentCount ?? 0,
};
const f = (n: number) => n.toFixed(1);
console.log(
  formatTable([
    ['measure', 'p50 ms', 'p99 ms'],
    ['Publish → answerable (publishing process)', f(result.publish_to_answerable_p50_ms), f(result.publish_to_answerable_p99_ms)],
    ['Publish → answerable (another process)', f(result.other_process_p50_ms), f(result.other_process_p99_ms)],
    ['query, alone (baseline)', f(result.query_baseline_p50_ms), f(result.query_baseline_p99_ms)],
    ['query, during publishes', f(result.query_during_publishes_p50_ms), f(result.query_during_publishes_p99_ms)],
  ]),
);
console.log(JSON.stringify(result));
await publisher.close();
await follower.close();
await store.close();
