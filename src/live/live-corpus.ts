/**
 * The living corpus of this process: the shared knowledge base (restored from the start-up cache)
 * plus, for each server whose moderators published, a {@link GuildCollection} made of small index
 * segments. It follows the store's change log — woken by PostgreSQL's `LISTEN/NOTIFY`, and by a
 * slow poll in case a notification is lost — so that every process serving the application
 * (every shard, every machine sharing one database) answers from a change within a second of its
 * commit, without a restart. Changes are applied one batch at a time, in commit order.
 */
import { Engine } from '../answers/engine.js';
import { prepareComposition } from '../knowledge/compose.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Change, CorpusStore, StoredArticle } from '../store/types.js';
import { prepareDateReading } from '../text/dates.js';
import { finishYieldingUnless } from '../text/stepwise.js';
import type { EngineSource } from './engine-source.js';
import { warmSegmentThread } from './segment-thread.js';
import { GuildCollection, type GuildCollectionOptions } from './guild-collection.js';

/** How often the change log is read without a notification: a lost one delays a change by at most this. */
export const DEFAULT_POLL_MS = 500;

/**
 * Segments a server may have before they are merged into one: each publish adds one, and every
 * query visits each, so a few are cheap and many are not.
 */
export const DEFAULT_MERGE_AT = 8;

/** Where problems of following the store are reported. */
export interface LiveLogger {
  warn(details: object, message: string): void;
}

/** Options of {@link LiveCorpus.start}. */
export interface LiveOptions {
  readonly pollMs?: number;
  readonly mergeAt?: number;
  /** Time between two compositions of a server's collection, at least (default: guild-collection.ts `REFRESH_GAP_MS`). */
  readonly refreshGapMs?: number;
  readonly logger?: LiveLogger;
}

/** The engines of this process, kept up to date with the store. */
export class LiveCorpus implements EngineSource {
  readonly shared: Engine;
  private readonly guilds = new Map<string, GuildCollection>();
  /** Id of the last change applied. */
  private applied = 0;
  private readonly waiters = new Set<{ readonly id: number; readonly resolve: () => void }>();
  private syncing: Promise<void> | undefined;
  private syncAgain = false;
  private readonly merging = new Set<string>();
  private stopListening: (() => Promise<void>) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** The base's warm-up (Engine.warmUpSteps), running in slices after start. */
  private warming: Promise<void> | undefined;

  private constructor(
    readonly base: KnowledgeBase,
    readonly store: CorpusStore,
    private readonly options: LiveOptions,
  ) {
    this.shared = Engine.of(base).prepare();
  }

  /**
   * Loads every server's collection, then follows the change log from the point the load started:
   * a change committed during the load is applied again, which is harmless (applying is settling
   * to what the store holds).
   */
  static async start(base: KnowledgeBase, store: CorpusStore, options: LiveOptions = {}): Promise<LiveCorpus> {
    // Before serving: otherwise the first composition over the base (the first publish after a
    // start) does it, holding queries up for seconds at 100 000 paragraphs; the base's stories
    // are grouped in the constructor (Engine.prepare) for the same reason.
    // The segment worker loads its modules meanwhile, so that the first publish does not wait for it.
    warmSegmentThread();
    prepareComposition(base);
    prepareDateReading();
    const live = new LiveCorpus(base, store, options);
    live.stopListening = await store.subscribe(() => void live.sync());
    const from = await store.lastChangeId();
    for (const collection of await store.collections()) {
      const guild = new GuildCollection(collection.guildId, base, live.collectionOptions);
      await guild.load(collection.sources, collection.articles);
      live.guilds.set(collection.guildId, guild);
    }
    live.applied = from;
    live.timer = setInterval(() => void live.sync(), options.pollMs ?? DEFAULT_POLL_MS);
    live.timer.unref();
    await live.sync();
    // While serving: reading every article's quotations takes seconds on a large base. Whatever
    // a query needs before it is done, it reads itself.
    live.warming = finishYieldingUnless(live.shared.warmUpSteps(), () => live.closed).then(() => undefined);
    return live;
  }

  /** Resolves once the base's warm-up after start (Engine.warmUpSteps) is done, or given up at close. */
  whenWarm(): Promise<void> {
    return this.warming ?? Promise.resolve();
  }

  engineFor(guildId?: string | null): Engine {
    return (guildId ? this.guilds.get(guildId)?.engine : undefined) ?? this.shared;
  }

  /** A server's collection in memory, when it has one. */
  collectionOf(guildId: string): GuildCollection | undefined {
    return this.guilds.get(guildId);
  }

  /** Id of the last change this process answers from. */
  get appliedChange(): number {
    return this.applied;
  }

  /**
   * Resolves once this process answers from change `id` (the publisher waits for it, so that its
   * "published" is true when said). Reads the change log at once rather than waiting for the poll.
   */
  async waitFor(id: number): Promise<void> {
    if (this.applied >= id) return;
    const reached = new Promise<void>((resolve) => this.waiters.add({ id, resolve }));
    void this.sync();
    await reached;
  }

  /** Reads and applies the changes not applied yet; a call during a run makes it run once more. */
  sync(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.syncing) {
      this.syncAgain = true;
      return this.syncing;
    }
    this.syncing = (async () => {
      try {
        do {
          this.syncAgain = false;
          await this.applyPending();
        } while (this.syncAgain && !this.closed);
      } catch (error) {
        this.options.logger?.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not follow the change log; retrying');
      } finally {
        this.syncing = undefined;
      }
    })();
    return this.syncing;
  }

  /** Stops following the store (the store itself stays open: its owner closes it). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.stopListening?.();
    await this.syncing;
    await this.warming;
  }

  private async applyPending(): Promise<void> {
    const changes = await this.store.changesSince(this.applied);
    if (changes.length === 0) return;
    for (const [guildId, batch] of byGuild(changes)) await this.settleGuild(guildId, batch);
    this.applied = (changes[changes.length - 1] as Change).id;
    for (const waiter of this.waiters) {
      if (waiter.id > this.applied) continue;
      this.waiters.delete(waiter);
      waiter.resolve();
    }
  }

  /** Brings one server's collection to what the store holds now for the targets of its changes. */
  private async settleGuild(guildId: string, batch: readonly Change[]): Promise<void> {
    let guild = this.guilds.get(guildId);
    if (!guild) this.guilds.set(guildId, (guild = new GuildCollection(guildId, this.base, this.collectionOptions)));
    if (batch.some((c) => c.kind === 'source-added')) guild.setSources(await this.store.sources(guildId));
    const targets = [...new Set(batch.filter((c) => c.kind !== 'source-added').map((c) => c.target))];
    const present = new Map<string, StoredArticle>();
    for (const id of targets) {
      const stored = await this.store.article(guildId, id);
      if (stored) present.set(id, stored);
    }
    await guild.settle(targets, present);
    if (guild.segmentCount >= this.mergeAt) this.mergeInBackground(guild);
  }

  /**
   * Merges a server's segments without holding up the change log, one merge per server at a
   * time, again while publishes kept adding segments during the last one.
   */
  private mergeInBackground(guild: GuildCollection): void {
    if (this.merging.has(guild.guildId) || this.closed) return;
    this.merging.add(guild.guildId);
    void (async () => {
      try {
        let merged = true;
        while (merged && !this.closed && guild.segmentCount >= this.mergeAt) merged = await guild.merge();
      } catch (error) {
        this.options.logger?.warn({ guildId: guild.guildId, err: error instanceof Error ? error.message : String(error) }, 'segment merge failed; the segments keep answering');
      } finally {
        this.merging.delete(guild.guildId);
      }
    })();
  }

  private get collectionOptions(): GuildCollectionOptions {
    return this.options.refreshGapMs === undefined ? {} : { refreshGapMs: this.options.refreshGapMs };
  }

  private get mergeAt(): number {
    return this.options.mergeAt ?? DEFAULT_MERGE_AT;
  }
}

/** Changes grouped by server, servers in the order of their first change. */
function byGuild(changes: readonly Change[]): Map<string, Change[]> {
  const groups = new Map<string, Change[]>();
  for (const change of changes) {
    const list = groups.get(change.guildId);
    if (list) list.push(change);
    else groups.set(change.guildId, [change]);
  }
  return groups;
}
