/**
 * `npm run bench:relevance -- FILE.json [--k 5]`: answer quality of `/ask` on a SQuAD 1.1 file.
 *
 * Every context is ingested as one article paragraph through the real ingest, the engine is
 * built as at start-up, and every question goes through `Engine.ask`, the very call behind `/ask`
 * in the bot and the terminal. Reported: R@1/3/5 and MRR of the gold paragraph in /ask's ranking,
 * Excerpt@1 (a gold answer inside the first excerpt as displayed), the same per question kind,
 * query latency, and the same figures for default MiniSearch over the same paragraphs. Then the
 * relevance floors (src/answers/retrieve.ts): the precision and recall of what /ask shows, the
 * gold paragraph counting as relevant and every other as not, at the floors in use and at others.
 * A table first, then one JSON object on the last line.
 */
import { ASK_EXCERPTS } from '../src/answers/ask.js';
import type { Engine as EngineType } from '../src/answers/engine.js';
import { Engine } from '../src/answers/engine.js';
import { paragraphKey } from '../src/knowledge/knowledge-base.js';
import { questionKind } from '../src/answers/question.js';
import { FLOORS, prepareQuery, retrieve, type Floors } from '../src/answers/retrieve.js';
import type { Excerpt, QuestionKind } from '../src/answers/types.js';
import { EXCERPT_MAX_LENGTH } from '../src/search/excerpt-span.js';
import { Baseline } from './lib/baseline.js';
import { figuresOf, holdsAnswer, percentile, rankOf, type Figures, type QuestionOutcome } from './lib/metrics.js';
import { readSquad, squadItems, SquadFormatError } from './lib/squad.js';
import { squadCorpus } from './lib/squad-corpus.js';
import { requireSquadFile } from './lib/squad-input.js';
import { fixed3, formatTable } from './lib/table.js';

/** Report names of question kinds, as the issue writes them. */
const KIND_LABEL: Readonly<Record<QuestionKind, string>> = { who: 'qui', when: 'quand', howmany: 'combien', where: 'où', other: 'other' };
const KINDS: readonly QuestionKind[] = ['who', 'when', 'howmany', 'where', 'other'];
/**
 * Latency is timed in a pass of its own, after the measuring pass has warmed the JIT and the
 * per-paragraph caches: each question is asked this many times and its median kept, so one
 * scheduler stall or GC pause on a shared machine does not pass for the cost of a question.
 * The single-pass figures are reported too.
 */
const TIMING_RUNS = 3;

function parseArgs(argv: readonly string[]): { file: string; k: number } {
  let file: string | undefined;
  let k = 5;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--k') k = Number(argv[++i]);
    else if (arg.startsWith('--k=')) k = Number(arg.slice(4));
    else if (!arg.startsWith('--')) file = arg;
  }
  if (!file || !Number.isInteger(k) || k < 1) {
    console.error('usage: npm run bench:relevance -- FILE.json [--k 5]');
    process.exit(2);
  }
  return { file, k };
}

/**
 * The excerpts /ask shows, best first. /ask lists {@link ASK_EXCERPTS}; a larger k asks the same
 * retrieval for more (ranks up to ASK_EXCERPTS are then those /ask shows, candidates permitting).
 */
function askExcerpts(engine: EngineType, question: string, k: number): readonly Excerpt[] {
  if (k > ASK_EXCERPTS) {
    return retrieve(engine.kb, prepareQuery(engine.kb, question), { limit: k, candidates: Math.max(20, k) }).ranked.map((r) => r.excerpt);
  }
  const answer = engine.ask(question);
  return answer.kind === 'ask' ? answer.excerpts : [];
}

/** Floors tried besides those in use: share floors against relative ones. */
const SHARE_FLOORS = [0, 0.05, 0.1, 0.15, 0.2, 0.3];
const RELATIVE_FLOORS = [0, 0.3, 0.5];

/** What /ask shows for a set of questions, against the gold paragraphs. */
interface Shown {
  readonly r1: number;
  readonly r5: number;
  /** Gold paragraphs shown over paragraphs shown. */
  readonly precision: number;
  /** Questions whose gold paragraph is shown. */
  readonly recall: number;
  /** Paragraphs shown per question, and questions answered "no evidence". */
  readonly perQuestion: number;
  readonly none: number;
}

/** Precision and recall of what is shown, from each question's shown count and its gold rank. */
function shownFigures(outcomes: ReadonlyArray<{ shown: number; rank: number | undefined }>): Shown {
  const n = outcomes.length || 1;
  const shown = outcomes.reduce((sum, o) => sum + o.shown, 0);
  const gold = outcomes.filter((o) => o.rank !== undefined).length;
  return {
    r1: outcomes.filter((o) => o.rank === 1).length / n,
    r5: outcomes.filter((o) => o.rank !== undefined && o.rank <= 5).length / n,
    precision: shown === 0 ? 0 : gold / shown,
    recall: gold / n,
    perQuestion: shown / n,
    none: outcomes.filter((o) => o.shown === 0).length,
  };
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const roundFigures = (f: Figures) => ({ count: f.count, r1: round(f.r1), r3: round(f.r3), r5: round(f.r5), mrr: round(f.mrr), excerpt1: round(f.excerpt1) });

async function main(): Promise<void> {
  const { file, k } = parseArgs(process.argv.slice(2));
  await requireSquadFile('bench:relevance', file, 'npm run bench:relevance -- FILE.json');
  const squad = await readSquad(file);
  const started = performance.now();
  const { corpus, placements, altered } = squadCorpus(squad);
  const engine = Engine.build(corpus);
  const buildMs = performance.now() - started;
  const baseline = new Baseline(engine.kb.index.docs);
  const items = squadItems(squad);
  const limit = Math.max(k, ASK_EXCERPTS);

  const ours: (QuestionOutcome & { kind: QuestionKind })[] = [];
  const theirs: (QuestionOutcome & { kind: QuestionKind })[] = [];
  const ms: number[] = [];
  const baseMs: number[] = [];
  let strict = 0;
  const shownAtDefault: Array<{ shown: number; rank: number | undefined }> = [];
  const golds: Array<(articleId: string, n: number) => boolean> = [];
  for (const item of items) {
    const placement = placements[item.article]?.[item.paragraph];
    const gold = new Set((placement?.paragraphs ?? []).map((n) => paragraphKey(placement?.articleId ?? '', n)));
    const answers = item.answers.map((a) => a.text);
    const kind = questionKind(item.question);

    const t0 = performance.now();
    const excerpts = askExcerpts(engine, item.question, k);
    ms.push(performance.now() - t0);
    const rank = rankOf(excerpts, (e) => gold.has(paragraphKey(e.citation.articleId, e.citation.paragraph)));
    const first = excerpts[0];
    const excerpt1 = !!first && first.text.length <= EXCERPT_MAX_LENGTH && holdsAnswer(first.text, answers);
    if (excerpt1 && rank === 1) strict++;
    ours.push({ rank, excerpt1, kind });
    shownAtDefault.push({ shown: Math.min(excerpts.length, ASK_EXCERPTS), rank: rank !== undefined && rank <= ASK_EXCERPTS ? rank : undefined });
    golds.push((articleId, n) => gold.has(paragraphKey(articleId, n)));

    const t1 = performance.now();
    const base = baseline.ask(item.question, limit);
    baseMs.push(performance.now() - t1);
    const baseRank = rankOf(base.ranking, (id) => {
      const doc = engine.kb.index.docs[id];
      return !!doc && gold.has(paragraphKey(doc.article.id, doc.paragraph.n));
    });
    theirs.push({ rank: baseRank, excerpt1: holdsAnswer(base.excerpt, answers), kind });
  }

  const all = figuresOf(ours);
  const base = figuresOf(theirs);
  const byKind = Object.fromEntries(KINDS.map((kind) => [KIND_LABEL[kind], figuresOf(ours.filter((o) => o.kind === kind))]));
  const baseByKind = Object.fromEntries(KINDS.map((kind) => [KIND_LABEL[kind], figuresOf(theirs.filter((o) => o.kind === kind))]));
  const timed = items.map((item) => {
    const runs: number[] = [];
    for (let r = 0; r < TIMING_RUNS; r++) {
      const t = performance.now();
      askExcerpts(engine, item.question, k);
      runs.push(performance.now() - t);
    }
    return percentile(runs, 0.5);
  });
  const shownFloors = shownFigures(shownAtDefault);
  const sweep = SHARE_FLOORS.flatMap((share) => RELATIVE_FLOORS.map((relative) => ({ share, relative })))
    .map((floors: Floors) => ({
      floors,
      figures: shownFigures(
        items.map((item, i) => {
          const ranked = retrieve(engine.kb, prepareQuery(engine.kb, item.question), { limit: ASK_EXCERPTS, floors }).ranked;
          const at = ranked.findIndex((r) => (golds[i] as (a: string, n: number) => boolean)(r.doc.article.id, r.doc.paragraph.n));
          return { shown: ranked.length, rank: at < 0 ? undefined : at + 1 };
        }),
      ),
    }));
  const p50 = percentile(timed, 0.5);
  const p99 = percentile(timed, 0.99);
  const ratio = (a: number, b: number) => (b === 0 ? 0 : round(a / b, 3));

  console.log(`${file}: ${squad.data.length} articles, ${engine.kb.index.docs.length} paragraphs, ${items.length} questions; built in ${(buildMs / 1000).toFixed(1)} s; k = ${k}`);
  for (const note of altered) console.log(`  cleaning altered a context: ${note}`);
  console.log('');
  const row = (name: string, f: Figures) => [name, String(f.count), fixed3(f.r1), fixed3(f.r3), fixed3(f.r5), fixed3(f.mrr), fixed3(f.excerpt1)];
  const header = ['', 'n', 'R@1', 'R@3', 'R@5', 'MRR', 'Excerpt@1'];
  console.log(
    formatTable([
      header,
      row('recoupe /ask', all),
      row('MiniSearch default', base),
      ['ours / baseline', '', fixed3(ratio(all.r1, base.r1)), fixed3(ratio(all.r3, base.r3)), fixed3(ratio(all.r5, base.r5)), fixed3(ratio(all.mrr, base.mrr)), fixed3(ratio(all.excerpt1, base.excerpt1))],
    ]),
  );
  console.log('');
  console.log(formatTable([['by kind (ours | baseline)', ...header.slice(1)], ...KINDS.flatMap((kind) => [row(KIND_LABEL[kind], byKind[KIND_LABEL[kind]] as Figures), row('  baseline', baseByKind[KIND_LABEL[kind]] as Figures)])]));
  console.log('');
  console.log(`latency per question (median of ${TIMING_RUNS}): p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms`);
  console.log(`latency per question (single pass): ours p50 ${percentile(ms, 0.5).toFixed(2)} ms, p99 ${percentile(ms, 0.99).toFixed(2)} ms; baseline p50 ${percentile(baseMs, 0.5).toFixed(2)} ms, p99 ${percentile(baseMs, 0.99).toFixed(2)} ms`);
  console.log(`Excerpt@1 with the gold paragraph first: ${fixed3(strict / items.length)}`);
  console.log('');
  console.log(`what /ask shows (up to ${ASK_EXCERPTS}; relevant = the gold paragraph), at the floors in use (share ${FLOORS.share}, relative ${FLOORS.relative}): precision ${fixed3(shownFloors.precision)}, recall ${fixed3(shownFloors.recall)}, ${shownFloors.perQuestion.toFixed(2)} shown per question, ${shownFloors.none} questions without evidence`);
  const sweepRow = ({ floors, figures: f }: (typeof sweep)[number]) => [
    `${floors.share === FLOORS.share && floors.relative === FLOORS.relative ? '* ' : ''}${floors.share} / ${floors.relative}`,
    fixed3(f.r1), fixed3(f.r5), fixed3(f.precision), fixed3(f.recall), f.perQuestion.toFixed(2), String(f.none),
  ];
  console.log(formatTable([['share / relative floor', 'R@1', 'R@5', 'precision', 'recall', 'shown/q', 'none'], ...sweep.map(sweepRow)]));

  const json = {
    file,
    k,
    questions: items.length,
    paragraphs: engine.kb.index.docs.length,
    ...roundFigures(all),
    excerpt1_gold_first: round(strict / items.length),
    shown: { floors: FLOORS, precision: round(shownFloors.precision), recall: round(shownFloors.recall), per_question: round(shownFloors.perQuestion, 2), no_evidence: shownFloors.none },
    floor_sweep: sweep.map(({ floors, figures: f }) => ({ ...floors, r1: round(f.r1), r5: round(f.r5), precision: round(f.precision), recall: round(f.recall), per_question: round(f.perQuestion, 2), no_evidence: f.none })),
    p50_ms: round(p50, 3),
    p99_ms: round(p99, 3),
    single_pass_p50_ms: round(percentile(ms, 0.5), 3),
    single_pass_p99_ms: round(percentile(ms, 0.99), 3),
    build_ms: Math.round(buildMs),
    altered_contexts: altered.length,
    baseline: { ...roundFigures(base), p50_ms: round(percentile(baseMs, 0.5), 3), p99_ms: round(percentile(baseMs, 0.99), 3), by_kind: Object.fromEntries(Object.entries(baseByKind).map(([key, f]) => [key, roundFigures(f)])) },
    ratios: { r1: ratio(all.r1, base.r1), r3: ratio(all.r3, base.r3), r5: ratio(all.r5, base.r5), mrr: ratio(all.mrr, base.mrr), excerpt1: ratio(all.excerpt1, base.excerpt1) },
    by_kind: Object.fromEntries(Object.entries(byKind).map(([key, f]) => [key, roundFigures(f)])),
  };
  console.log(JSON.stringify(json));
}

try {
  await main();
} catch (error) {
  // A wrong file is the user's to fix: say which and why, without a stack trace.
  if (!(error instanceof SquadFormatError)) throw error;
  console.error(error.message);
  process.exit(1);
}
