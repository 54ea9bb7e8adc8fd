/**
 * `npm run bench:publish [-- --paragraphs 100000] [--publishes 50]`: how long a moderator's
 * Publish takes to become answerable, and what queries cost meanwhile.
 *
 * A deterministic corpus of real French sentences (PIAF, recombined, as bench:latency) is the
 * shared base, written once under `.cache/bench-publish-<size>/` and restored from the start-up
 * cache as the bot does (the first run builds it). A store (PGlite in memory, or the PostgreSQL
 * server of `DATABASE_URL`) holds one server's collection. Two processes follow it: this one,
 * which publishes (through the moderation service's `preview` then `publish`, a 20-paragraph
 * article each time), and a forked follower (publish-follower.ts) that uses the store over IPC
 * as a shard does, or its own connection to PostgreSQL as another machine would. Each publish
 * is timed from Publish to the moment each process answers from it, confirmed by a `/cite` of a
 * phrase only that article holds. Meanwhile a query is due every 20 ms against the server's
 * engine, timed from when it was due to when it was answered (so that time spent blocked behind
 * a segment build or a composition counts). Before the publishes, the same queries run for 3 s
 * unmeasured once the start-up warm-up is done (the engine warms up as it does in its first
 * minutes of service), then 3 s alone:
 * the baseline of the same run. A table first, then one JSON object on the last line.
 */
import { parseArgs } from 'node:util';
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { loadKnowledge } from '../src/knowledge/knowledge-cache.js';
import { SERVING_NODE_FLAGS } from '../src/entry/serving-flags.js';
import { serveStoreOverIpc } from '../src/store/ipc-store.js';
import { dispatch } from '../src/commands/table.js';
import { LiveCorpus } from '../src/live/live-corpus.js';
import { createModerationService } from '../src/moderation/service.js';
import { openStore } from '../src/store/open-store.js';
import { percentile } from './lib/metrics.js';
import { FOLLOWER_TAG, type FollowerReport, type FollowerRequest } from './lib/publish-messages.js';
import { readSquad, squadItems } from './lib/squad.js';
import { PIAF_DEV_FILE, requireSquadFile } from './lib/squad-input.js';
import { pickerOf, seededRandom, sentencePool, syntheticArticles, writeDataFolder } from './lib/synthetic-corpus.js';
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

const work = path.resolve('.cache', `bench-publish-${size}`);
const dataDir = path.join(work, 'data');
const cacheDir = path.join(work, 'cache');
if (!existsSync(path.join(dataDir, 'sources.yaml'))) await writeDataFolder(dataDir, syntheticArticles(pool, size));
const t = performance.now();
const { kb: base, fromCache } = await loadKnowledge(dataDir, { dir: cacheDir });
const loadMs = performance.now() - t;

const store = await openStore(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dir: 'memory://' });
const logger = { warn: (details: object, message: string) => console.error(message, details) };
const preparing = performance.now();
const publisher = await LiveCorpus.start(base, store, { logger });
const startMs = performance.now() - preparing;
const moderation = createModerationService({ live: publisher, store });

const follower = fork(path.join(import.meta.dirname, 'lib', 'publish-follower.ts'), [dataDir, cacheDir, GUILD], { execArgv: [...SERVING_NODE_FLAGS, '--import', 'tsx'] });
const stopServing = store.backend === 'pglite' ? serveStoreOverIpc(store, follower) : undefined;
const heldBy = new Map<string, (report: Extract<FollowerReport, { type: 'held' }>) => void>();
const followerReady = new Promise<void>((resolve, reject) => {
  follower.on('message', (message: unknown) => {
    const report = message as Partial<FollowerReport> | null;
    if (report?.[FOLLOWER_TAG] !== 1) return;
    if (report.type === 'ready') resolve();
    if (report.type === 'held') heldBy.get(report.articleId as string)?.(report as Extract<FollowerReport, { type: 'held' }>);
  });
  follower.on('exit', (code) => reject(new Error(`bench:publish: the follower exited with ${code}`)));
});
const toFollower = (request: FollowerRequest) => follower.send(request);
await followerReady;

const random = seededRandom(7);
const pick = pickerOf(random);

/**
 * Queries one after another, each 20 ms after the previous one was answered, until `running` is
 * false. Each is timed from when it was due to when it was answered: the time spent blocked
 * behind a segment build or a composition counts, not the queries' own queueing.
 */
async function queryLoad(running: () => boolean, parts?: { waited: number[]; ran: number[] }): Promise<number[]> {
  const waits: number[] = [];
  while (running()) {
    const due = performance.now() + QUERY_EVERY_MS;
    await new Promise((resolve) => setTimeout(resolve, QUERY_EVERY_MS));
    const command = pick(['ask', 'who', 'when', 'compare', 'cite'] as const);
    const started = performance.now();
    dispatch(publisher.engineFor(GUILD), command, pick(questions));
    const answered = performance.now();
    waits.push(answered - due);
    parts?.waited.push(started - due);
    parts?.ran.push(answered - started);
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

/** Wall-clock milliseconds, comparable between the two processes. */
const wallNow = () => performance.timeOrigin + performance.now();

/** The time from `from` (wall clock) until the follower answers from the article. */
function followerHolds(articleId: string, marker: string, from: number): Promise<number> {
  return new Promise((resolve, reject) => {
    heldBy.set(articleId, (report) => {
      heldBy.delete(articleId);
      if (!report.cited) reject(new Error(`bench:publish: ${articleId} is held by the follower but not answered`));
      else resolve(report.at - from);
    });
    toFollower({ [FOLLOWER_TAG]: 1, type: 'watch', articleId, marker });
  });
}

// The bot reads every article's quotations in slices after start; measured once that is done.
await publisher.whenWarm();
const warmUntil = performance.now() + 3_000;
await queryLoad(() => performance.now() < warmUntil);
const stopAfter = performance.now() + 3_000;
const baseline = await queryLoad(() => performance.now() < stopAfter);

const own: number[] = [];
const other: number[] = [];
// How long the event loop is held at a time while publishing: what a query can be kept waiting.
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
let publishing = true;
// What a query's time during publishes is made of: waiting for the loop, and running.
const parts = { waited: [] as number[], ran: [] as number[] };
const during = queryLoad(() => publishing, parts);
for (let i = 0; i < publishes; i++) {
  const marker = `zorglubine${i.toString(36)}`;
  const paragraphs = Array.from({ length: ARTICLE_PARAGRAPHS }, (_, p) => (p === 7 ? `${pick(pool)} La ${marker} fut citée.` : `${pick(pool)} ${pick(pool)}`));
  const preview = await moderation.preview(GUILD, { kind: 'text', text: paragraphs.join('\n\n'), title: `Dépêche numéro ${i + 1} sur ${marker}`, outlet: 'AGA', published: '2025-06-17' }, actor);
  const started = performance.now();
  const theirs = followerHolds(preview.articleId, marker, wallNow());
  const mine = moderation.publish(GUILD, preview.draftId, actor).then((l) => answerable(publisher, marker, l.articleId, started));
  own.push(await mine);
  other.push(await theirs);
}
publishing = false;
loopDelay.disable();
const load = await during;

const result = {
  paragraphs: base.index.docs.length,
  base_from_cache: fromCache,
  base_load_ms: Math.round(loadMs),
  live_start_ms: Math.round(startMs),
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
  query_waited_p50_ms: percentile(parts.waited, 0.5),
  query_waited_p99_ms: percentile(parts.waited, 0.99),
  query_ran_p50_ms: percentile(parts.ran, 0.5),
  query_ran_p99_ms: percentile(parts.ran, 0.99),
  event_loop_delay_p99_ms: loopDelay.percentile(99) / 1e6,
  event_loop_delay_max_ms: loopDelay.max / 1e6,
  segments_at_end: publisher.collectionOf(GUILD)?.segmentCount ?? 0,
};
const f = (n: number) => n.toFixed(1);
console.log(
  formatTable([
    ['measure', 'p50 ms', 'p99 ms'],
    ['Publish → answerable (publishing process)', f(result.publish_to_answerable_p50_ms), f(result.publish_to_answerable_p99_ms)],
    [store.backend === 'pglite' ? 'Publish → answerable (another process, store over IPC)' : 'Publish → answerable (another process, own connection)', f(result.other_process_p50_ms), f(result.other_process_p99_ms)],
    ['query, alone (baseline)', f(result.query_baseline_p50_ms), f(result.query_baseline_p99_ms)],
    ['query, during publishes', f(result.query_during_publishes_p50_ms), f(result.query_during_publishes_p99_ms)],
    ['  of which waiting for the event loop', f(result.query_waited_p50_ms), f(result.query_waited_p99_ms)],
    ['  of which running', f(result.query_ran_p50_ms), f(result.query_ran_p99_ms)],
  ]),
);
console.log(`event loop delay during publishes: p99 ${f(result.event_loop_delay_p99_ms)} ms, max ${f(result.event_loop_delay_max_ms)} ms`);
console.log(JSON.stringify(result));
toFollower({ [FOLLOWER_TAG]: 1, type: 'stop' });
await new Promise((resolve) => follower.once('exit', resolve));
await stopServing?.();
await publisher.close();
await store.close();
