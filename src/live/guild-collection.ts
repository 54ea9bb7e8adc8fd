/**
 * One server's collection in memory: the outlets it added, its published articles, the small index
 * segments those articles are in, and the engine over the shared knowledge base plus them. Every
 * change makes a new engine that replaces the old one in one assignment, so that a query sees the
 * collection before or after a change, never halfway.
 */
import { Engine } from '../answers/engine.js';
import type { Article, Source } from '../corpus/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { StoredArticle, StoredSource } from '../store/types.js';
import { finishYielding } from '../text/stepwise.js';
import { buildSegmentYielding, compose, type Segment } from './segment-builder.js';

/** One segment and the ids of the articles it holds, in order. */
interface HeldSegment {
  readonly articleIds: readonly string[];
  readonly segment: Segment;
}

/**
 * Time left between one composition put in place and the start of the next, at least (changes
 * made meanwhile wait and are composed together), as a search index's refresh interval does: a
 * composition of a 100 000-paragraph base is about a tenth of a second of the serving thread's
 * work (and as much in every other process), and back to back they took most of it from members'
 * queries. In bench:publish (50 publishes back to back, same machine and day), without a gap then
 * with this one: queries during publishes p50 11–15 → 8–9 ms, p99 69–103 → 48–102 ms (median 93
 * → 61, 4 and 5 runs); Publish → answerable p50 about 150 → 300 ms, p99 607–1 264 → 500–904 ms (both processes).
 */
export const REFRESH_GAP_MS = 300;

/** Options of a {@link GuildCollection}. */
export interface GuildCollectionOptions {
  /** See {@link REFRESH_GAP_MS}, the default. */
  readonly refreshGapMs?: number;
}

/** A server's collection over the shared knowledge base. Not safe for concurrent changes: `LiveCorpus` serialises them. */
export class GuildCollection {
  private sources: StoredSource[] = [];
  private readonly articles = new Map<string, StoredArticle>();
  private segments: HeldSegment[] = [];
  private current: Engine;
  /** Ids of the articles the current engine answers from. */
  private answering: ReadonlySet<string> = new Set();
  /** The composition running, if any (see {@link recompose}). */
  private composing: Promise<void> | undefined;
  /** A change was made since the running composition started from the collection's state. */
  private stale = false;
  /** When the last composition was put in place (`performance.now()`), for the refresh gap. */
  private composedAt = Number.NEGATIVE_INFINITY;

  constructor(
    readonly guildId: string,
    private readonly base: KnowledgeBase,
    private readonly options: GuildCollectionOptions = {},
  ) {
    this.current = Engine.of(base);
  }

  /** The engine answering in this server now. */
  get engine(): Engine {
    return this.current;
  }

  /** The server's published articles, newest published first. */
  get published(): readonly StoredArticle[] {
    return [...this.articles.values()].sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0));
  }

  /** The outlets the server added, in the order they were added. */
  get addedSources(): readonly StoredSource[] {
    return this.sources;
  }

  /** Number of index segments beside the shared base. */
  get segmentCount(): number {
    return this.segments.length;
  }

  /** True when the server's engine answers from an article with this id. */
  has(articleId: string): boolean {
    return this.answering.has(articleId);
  }

  /** Replaces the outlets (they are only ever appended, so positions already indexed stay valid); answered after the next change. */
  setSources(sources: readonly StoredSource[]): void {
    this.sources = [...sources];
    // A composition running from the outlets before is not put in place.
    this.stale = true;
  }

  /**
   * Makes the collection hold exactly `present` among `targets` (ids the change log named): new
   * ones are indexed in one new segment, missing ones leave the segments that held them (rebuilt
   * without them, cooperatively when large). Then the new engine replaces the old one.
   */
  async settle(targets: readonly string[], present: ReadonlyMap<string, StoredArticle>): Promise<void> {
    const added: StoredArticle[] = [];
    const gone = new Set<string>();
    for (const id of targets) {
      const stored = present.get(id);
      const held = this.articles.get(id);
      if (stored && held && sameArticle(stored.article, held.article)) continue;
      if (held) gone.add(id);
      if (stored) added.push(stored);
    }
    if (added.length === 0 && gone.size === 0) {
      await this.recompose();
      return;
    }
    for (const id of gone) this.articles.delete(id);
    const kept: HeldSegment[] = [];
    for (const held of this.segments) {
      if (!held.articleIds.some((id) => gone.has(id))) {
        kept.push(held);
        continue;
      }
      const remaining = held.articleIds.filter((id) => !gone.has(id));
      if (remaining.length > 0) kept.push(await this.segmentOf(remaining));
    }
    for (const stored of added) this.articles.set(stored.article.id, stored);
    if (added.length > 0) kept.push(await this.segmentOf(added.map((s) => s.article.id)));
    this.segments = kept;
    await this.recompose();
  }

  /** Loads a whole collection at start-up: its articles in one segment, built cooperatively. */
  async load(sources: readonly StoredSource[], articles: readonly StoredArticle[]): Promise<void> {
    this.setSources(sources);
    for (const stored of articles) this.articles.set(stored.article.id, stored);
    const ids = [...articles].sort(byPublication).map((s) => s.article.id);
    this.segments = ids.length > 0 ? [await this.segmentOf(ids)] : [];
    await this.recompose();
  }

  /**
   * Merges the newest segments into one, built cooperatively while the old ones keep answering:
   * the last two, and each older one no larger than those taken so far (sizes in paragraphs), so
   * that a large merged segment is merged again only once the new ones weigh as much, and a
   * server's articles are re-indexed a few times in all rather than at every merge. Segments added
   * meanwhile stay after it; if a merged segment changed meanwhile (a removal), the result is
   * dropped and the next merge tries again. True when merged.
   */
  async merge(): Promise<boolean> {
    const before = this.segments;
    if (before.length < 2) return false;
    const from = mergeStart(before.map((held) => held.segment.index.docs.length));
    const merged = await this.segmentOf(before.slice(from).flatMap((s) => s.articleIds));
    const now = this.segments;
    if (!before.every((held, i) => now[i] === held)) return false;
    this.segments = [...before.slice(0, from), merged, ...now.slice(before.length)];
    await this.recompose();
    return true;
  }

  /** A segment of the articles, built in slices: even one article's, so that a publish never holds queries up. */
  private async segmentOf(articleIds: readonly string[]): Promise<HeldSegment> {
    const articles = articleIds.map((id) => (this.articles.get(id) as StoredArticle).article);
    return { articleIds, segment: await buildSegmentYielding(this.base, this.allSources(), articles) };
  }

  private allSources(): readonly Source[] {
    return [...this.base.corpus.sources, ...this.sources.map((s) => s.source)];
  }

  /**
   * Composes the engine of the segments and outlets of now, in slices, and puts it in place;
   * resolves once the engine in place is that of the collection as it was when called, or later.
   * One composition runs at a time: a change made meanwhile (a publish landing during a merge's
   * composition, or the other way round) gives the running one up at its next slice and composes
   * once more, so that two changes never pay for two compositions racing each other. A
   * composition starts no sooner than {@link REFRESH_GAP_MS} after the last one was put in place.
   */
  private recompose(): Promise<void> {
    this.stale = true;
    this.composing ??= this.composeUntilCurrent();
    return this.composing;
  }

  private async composeUntilCurrent(): Promise<void> {
    let givenUp = 0;
    try {
      while (this.stale) {
        const wait = this.composedAt + (this.options.refreshGapMs ?? REFRESH_GAP_MS) - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        this.stale = false;
        const { segments, sources } = this;
        // Given up at most twice in a row: under a steady stream of changes an engine is still put in place.
        const kb = await compose(this.base, sources.map((s) => s.source), segments.map((s) => s.segment), () => this.stale && givenUp < MAX_GIVEN_UP);
        if (kb === undefined) {
          givenUp++;
          continue;
        }
        givenUp = 0;
        const engine = Engine.of(kb);
        await finishYielding(engine.prepareSteps());
        this.current = engine;
        this.answering = new Set(segments.flatMap((s) => s.articleIds));
        this.composedAt = performance.now();
      }
    } finally {
      // In the same turn as the last check of `stale`: a change after it starts a new run.
      this.composing = undefined;
    }
  }
}

/** Compositions given up in a row at most before one is finished and put in place even though a newer change waits. */
const MAX_GIVEN_UP = 2;

/** Where the newest segments to merge start: the last two, then back while the older one is no larger than those taken. */
export function mergeStart(sizes: readonly number[]): number {
  let from = Math.max(0, sizes.length - 2);
  let taken = sizes.slice(from).reduce((a, b) => a + b, 0);
  while (from > 0 && (sizes[from - 1] as number) <= taken) taken += sizes[--from] as number;
  return from;
}

/** Oldest published first, then by id: the order a collection's articles are indexed in at start-up. */
function byPublication(a: StoredArticle, b: StoredArticle): number {
  return a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : a.article.id < b.article.id ? -1 : 1;
}

/** Two stored versions of an article are the same when their fields and paragraphs are. */
function sameArticle(a: Article, b: Article): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
