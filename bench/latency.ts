/**
 * `npm run bench:latency [-- --sizes 1000,10000,100000] [--corpus piaf|zipf] [--build-threads N] [--squad FILE] [--queries N]`:
 * how the cost of every command grows with the corpus, and how fast a start with a saved index is.
 *
 * For each size: a deterministic corpus is written — real French sentences (PIAF, recombined:
 * `--corpus piaf`, the default), or words drawn by a Zipf law over a large French word list with
 * tens of thousands of people (`--corpus zipf`, bench/lib/zipf-corpus.ts: a vocabulary that grows
 * with the corpus as an archive's does; queries are then drawn from that corpus) —
 * as a data folder, loaded, analysed and cached like the bot does; a fresh child process then
 * starts from that cache (cold start, memory); every command is timed over varied queries
 * (questions, names, topics, no-hit and 200-character queries, autocomplete prefixes); raw
 * MiniSearch with default options over the same paragraphs is the baseline, in the same run, up
 * to 100 000 paragraphs. The build uses one thread per core (`--build-threads` to change it).
 * A table first, then one JSON object on the last line.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { Engine } from '../src/answers/engine.js';
import { CACHE_FILE, loadKnowledge, type CacheEvent } from '../src/knowledge/knowledge-cache.js';
import { loadCorpus } from '../src/corpus/load.js';
import { suggest } from '../src/discord/autocomplete.js';
import { percentile } from './lib/metrics.js';
import { readSquad, squadItems, SquadFormatError } from './lib/squad.js';
import { PIAF_DEV_FILE, requireSquadFile } from './lib/squad-input.js';
import { pickerOf, seededRandom, sentencePool, SYNTHETIC_SOURCES, syntheticArticles, writeDataFolder, type SyntheticArticle } from './lib/synthetic-corpus.js';
import { zipfCorpus } from './lib/zipf-corpus.js';
import type { Source } from '../src/corpus/types.js';
import { formatTable } from './lib/table.js';
import { dispatch } from '../src/commands/table.js';
import { timelinePng } from '../src/render/timeline-png.js';
import { finishNow } from '../src/text/stepwise.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    squad: { type: 'string', default: PIAF_DEV_FILE },
    queries: { type: 'string', default: '500' },
    corpus: { type: 'string', default: 'piaf' },
    'build-threads': { type: 'string' },
  },
});
/** Threads the build uses (`--build-threads 1`: the build in one thread, for comparison); one per core by default. */
const buildThreads = values['build-threads'] === undefined ? undefined : Number.parseInt(values['build-threads'], 10);
if (buildThreads !== undefined && !(buildThreads >= 1)) throw new Error(`bench:latency: --build-threads takes a whole number from 1, got ${values['build-threads']}`);
if (values.corpus !== 'piaf' && values.corpus !== 'zipf') throw new Error(`bench:latency: --corpus is piaf or zipf, got ${values.corpus}`);
const corpusKind = values.corpus;
const sizes = values.sizes.split(',').map((s) => Number.parseInt(s, 10));
if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`bench:latency: --sizes takes whole numbers, got ${values.sizes}`);
const perCommand = Number.parseInt(values.queries, 10);

/**
 * Every answering command of the table, autocomplete, and the timeline's picture (the answer
 * and its PNG, as a Discord reply attaches it).
 */
const COMMANDS = ['ask', 'who', 'when', 'compare', 'cite', 'quotes', 'timeline', 'stories', 'wording', 'check', 'timeline-picture', 'autocomplete'] as const;
type Command = (typeof COMMANDS)[number];

interface Timing {
  p50_ms: number;
  p99_ms: number;
}

interface SizeResult {
  corpus: 'piaf' | 'zipf';
  paragraphs: number;
  /** People and places the directory holds: how far the names grow with the corpus. */
  entities: number;
  build_ms: number;
  paragraphs_per_s: number;
  corpus_load_ms: number;
  index_mb: number;
  load_ms: number;
  cold_start_ms: number;
  rss_mb: number;
  heap_mb: number;
  /** Reading ahead what the bot reads while it serves, once started (engine.warmUpSteps). */
  warm_up_ms: number;
  commands: Record<Command, Timing>;
  baseline_p50_ms: number;
  baseline_p99_ms: number;
  ask_p50_over_baseline: number;
}

/** What queries are made of: sentences of the corpus (claims), questions, and its words (topics, prefixes). */
interface QueryMaterial {
  readonly pool: readonly string[];
  readonly questions: readonly string[];
  readonly words: readonly string[];
}

/** The PIAF sentences and questions, read once, for `--corpus piaf`. */
const piaf = corpusKind === 'piaf' ? await readPiaf() : undefined;

async function readPiaf(): Promise<{ pool: string[]; material: QueryMaterial }> {
  await requireSquadFile('bench:latency', values.squad, '--squad FILE');
  const squad = await readSquad(values.squad).catch((error: unknown) => {
    // A wrong file is the user's to fix: say which and why, without a stack trace.
    if (!(error instanceof SquadFormatError)) throw error;
    console.error(error.message);
    process.exit(1);
  });
  const pool = sentencePool(squad);
  const questions = squadItems(squad).map((q) => q.question);
  const words = [...new Set(pool.join(' ').split(/[^\p{L}]+/u).filter((w) => w.length > 3))];
  return { pool, material: { pool, questions, words } };
}

/** The corpus of one size, its outlets, and what its queries are made of. */
function corpusOf(size: number): { articles: readonly SyntheticArticle[]; sources: readonly Source[]; material: QueryMaterial } {
  if (piaf) return { articles: syntheticArticles(piaf.pool, size), sources: SYNTHETIC_SOURCES, material: piaf.material };
  const made = zipfCorpus(size);
  return { articles: made.articles, sources: made.sources, material: { pool: made.sentences, questions: made.questions, words: made.words } };
}

/** Varied queries for one command: real questions, names, topics, no-hit words and 200-character queries. */
function queriesFor(command: Command, engine: Engine, seed: number, { pool, questions, words }: QueryMaterial): string[] {
  const random = seededRandom(seed);
  const pick = pickerOf(random);
  const topic = () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(words)).join(' ');
  const long = () => {
    let q = '';
    while (q.length < 200) q += `${pick(questions)} `;
    return q.slice(0, 200);
  };
  const noHit = () => `zq${Math.floor(random() * 1e6).toString(36)}xw kwyjibo`;
  const names = engine.kb.entities.map((e) => e.name);
  const out: string[] = [];
  for (let i = 0; i < perCommand; i++) {
    const r = i % 20;
    if (r === 0) out.push(noHit());
    else if (r === 1) out.push(long());
    else if (command === 'autocomplete') out.push(pick(words).slice(0, 1 + Math.floor(random() * 6)));
    else if (command === 'who') out.push(r === 2 ? '' : r < 10 && names.length > 0 ? pick(names) : pick(questions));
    else if (command === 'when' || command === 'timeline' || command === 'timeline-picture') out.push(r === 2 ? '' : r < 10 ? topic() : pick(questions));
    else if (command === 'quotes') out.push(r === 2 ? '' : r < 8 && names.length > 0 ? pick(names) : r < 14 ? topic() : pick(questions));
    else if (command === 'stories') out.push(r < 10 ? '' : topic());
    else if (command === 'compare' || command === 'wording') out.push(topic());
    // A claim as members paste one: a sentence of the corpus (figures, dates, names), or two.
    else if (command === 'check') out.push(r < 12 ? pick(pool) : r < 16 ? `${pick(pool)} ${pick(pool)}` : pick(questions));
    else out.push(pick(questions));
  }
  return out;
}

/** Runs one command as a surface would: autocomplete as typed, the picture rendered. */
function run(engine: Engine, command: Command, q: string): unknown {
  if (command === 'autocomplete') return suggest(engine, 'ask', q);
  if (command === 'timeline-picture') {
    const answer = dispatch(engine, 'timeline', q);
    return answer.kind === 'timeline' ? timelinePng(answer, 'fr') : answer;
  }
  return dispatch(engine, command, q || (command === 'compare' || command === 'wording' || command === 'check' ? 'ville' : q));
}

function time(run: (q: string) => unknown, queries: readonly string[]): Timing {
  for (const q of queries.slice(0, 20)) run(q);
  const ms = queries.map((q) => {
    const t = performance.now();
    run(q);
    return performance.now() - t;
  });
  return { p50_ms: percentile(ms, 0.5), p99_ms: percentile(ms, 0.99) };
}

/** Spawns a fresh process that starts from the cache; resolves with its report and the wall time to it. */
function coldStart(dataDir: string, cacheDir: string): Promise<{ ms: number; report: { from_cache: boolean; load_ms: number; rss_mb: number; heap_mb: number } }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'lib', 'cold-start.ts'), dataDir, cacheDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ ms: performance.now() - started, report: JSON.parse(line) });
    });
    child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`cold start exited with ${code}`))));
  });
}

/**
 * Plain MiniSearch is the baseline up to this size. Default MiniSearch keeps French stopwords, so
 * each search scores nearly every paragraph: at 100 000 paragraphs that is most of a second a
 * question, and a larger corpus would spend the benchmark's time on the baseline.
 */
const BASELINE_MAX_PARAGRAPHS = 100_000;

function timeBaseline(engine: Engine, size: number, material: QueryMaterial): Timing {
  const t = performance.now();
  const baseline = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  baseline.addAll(engine.kb.index.docs.map((d) => ({ id: d.id, text: d.paragraph.text })));
  console.error(`  ${size}: baseline build ${(performance.now() - t).toFixed(0)} ms`);
  // 100 questions give a steady p50 at 100 000 paragraphs.
  const queries = queriesFor('ask', engine, 1000, material).slice(0, size >= 50_000 ? 100 : undefined);
  return time((q) => baseline.search(q), queries);
}

async function measure(size: number): Promise<SizeResult> {
  const work = await mkdtemp(path.join(tmpdir(), `recoupe-bench-${size}-`));
  try {
    const dataDir = path.join(work, 'data');
    const cacheDir = path.join(work, 'cache');
    const { articles, sources, material } = corpusOf(size);
    await writeDataFolder(dataDir, articles, sources);
    let t = performance.now();
    await loadCorpus(dataDir);
    const corpusLoadMs = performance.now() - t;
    let miss: CacheEvent | undefined;
    t = performance.now();
    const { kb } = await loadKnowledge(dataDir, { dir: cacheDir, onEvent: (e) => (miss ??= e), ...(buildThreads ? { buildThreads } : {}) });
    // Building includes reading and validating the files again, as a first start does.
    const buildMs = miss?.kind === 'miss' ? miss.ms : Number.NaN;
    const indexMb = (await stat(path.join(cacheDir, CACHE_FILE))).size / 2 ** 20;
    const cold = await coldStart(dataDir, cacheDir);
    if (!cold.report.from_cache) throw new Error('bench:latency: the cold start did not use the cache');

    // As the bot starts: the stories every scoped answer keeps to are grouped before serving,
    // and what the bot then reads while it serves (every quotation, the list of stories) is read
    // before timing: the figures are those of a bot once warm, and the warm-up has its own.
    const engine = Engine.of(kb).prepare();
    t = performance.now();
    finishNow(engine.warmUpSteps());
    const warmUpMs = performance.now() - t;
    const commands = {} as Record<Command, Timing>;
    COMMANDS.forEach((command, i) => {
      const queries = queriesFor(command, engine, 1000 + i, material);
      commands[command] = time((q) => run(engine, command, q), queries);
    });

    const baselineTiming = size <= BASELINE_MAX_PARAGRAPHS ? timeBaseline(engine, size, material) : { p50_ms: Number.NaN, p99_ms: Number.NaN };
    return {
      corpus: corpusKind,
      paragraphs: engine.kb.index.docs.length,
      entities: engine.kb.entities.length,
      build_ms: buildMs,
      paragraphs_per_s: (engine.kb.index.docs.length / buildMs) * 1000,
      corpus_load_ms: corpusLoadMs,
      index_mb: indexMb,
      load_ms: cold.report.load_ms,
      cold_start_ms: cold.ms,
      rss_mb: cold.report.rss_mb,
      heap_mb: cold.report.heap_mb,
      warm_up_ms: warmUpMs,
      commands,
      baseline_p50_ms: baselineTiming.p50_ms,
      baseline_p99_ms: baselineTiming.p99_ms,
      ask_p50_over_baseline: commands.ask.p50_ms / baselineTiming.p50_ms,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const results: Record<string, SizeResult> = {};
for (const size of sizes) {
  console.error(`bench:latency: ${size} paragraphs…`);
  results[size] = await measure(size);
}

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const header = ['figure', ...sizes.map((s) => `${s.toLocaleString('en')} ¶`)];
const row = (name: string, get: (r: SizeResult) => string) => [name, ...sizes.map((s) => get(results[s] as SizeResult))];
console.log(
  formatTable([
    header,
    row(`people and places (${corpusKind} corpus)`, (r) => String(r.entities)),
    row('build (ms)', (r) => f(r.build_ms, 0)),
    row('paragraphs / s', (r) => f(r.paragraphs_per_s, 0)),
    row('parse + validate files (ms)', (r) => f(r.corpus_load_ms, 0)),
    row('saved index (MB)', (r) => f(r.index_mb)),
    row('load with cache (ms)', (r) => f(r.load_ms, 0)),
    row('cold start to ready (ms)', (r) => f(r.cold_start_ms, 0)),
    row('RSS after load (MB)', (r) => f(r.rss_mb, 0)),
    row('heap after load (MB)', (r) => f(r.heap_mb, 0)),
    row('warm-up while serving (ms)', (r) => f(r.warm_up_ms, 0)),
    ...COMMANDS.flatMap((c) => [row(`${c} p50 (ms)`, (r) => f(r.commands[c].p50_ms, 2)), row(`${c} p99 (ms)`, (r) => f(r.commands[c].p99_ms, 2))]),
    row('MiniSearch default p50 (ms)', (r) => f(r.baseline_p50_ms, 2)),
    row('MiniSearch default p99 (ms)', (r) => f(r.baseline_p99_ms, 2)),
    row('ask p50 / baseline p50', (r) => f(r.ask_p50_over_baseline, 2)),
  ]),
);
console.log(JSON.stringify(results));
