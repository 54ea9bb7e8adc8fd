/**
 * The living corpus's storage, as the rest of the program sees it: server collections, their
 * articles and outlets, drafts awaiting Publish, the change log every process follows, and the
 * audit log. One interface, two back-ends with the same schema and SQL: PGlite embedded (default)
 * and a PostgreSQL server (`DATABASE_URL`). Plain data in and out; articles are the corpus's own
 * shape (`src/corpus/types.ts`).
 */
import type { Article, Source } from '../corpus/types.js';

/** Who acted (a Discord user id and display name). */
export interface StoreActor {
  readonly id: string;
  readonly name: string;
}

/** A draft: an article read and cleaned, not yet answerable. `preview` is the surface's own JSON. */
export interface StoredDraft {
  readonly id: string;
  readonly guildId: string;
  readonly article: Article;
  readonly preview: unknown;
  readonly createdBy: StoreActor;
  /** ISO times. */
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** A published article with who published it. */
export interface StoredArticle {
  readonly guildId: string;
  readonly article: Article;
  readonly publishedBy: StoreActor;
  /** ISO time. */
  readonly publishedAt: string;
}

/** An outlet a server added. */
export interface StoredSource {
  readonly guildId: string;
  readonly source: Source;
  readonly addedBy: StoreActor;
  readonly addedAt: string;
}

/** What one change did; the change log is what every process follows. */
export type ChangeKind = 'article-published' | 'article-removed' | 'source-added';

/** One entry of the change log, in commit order (`id` grows). */
export interface Change {
  readonly id: number;
  readonly guildId: string;
  readonly kind: ChangeKind;
  /** The article's or the outlet's id. */
  readonly target: string;
  readonly at: string;
}

/** One entry of the audit log: who, when, what, before and after (JSON, `null` when none). */
export interface AuditEntry {
  readonly id: number;
  readonly guildId: string;
  readonly actor: StoreActor;
  readonly at: string;
  /** `article.publish`, `article.remove`, `source.add`, `draft.create`, `draft.edit`, `draft.cancel`. */
  readonly action: string;
  readonly target: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** Everything one server's collection holds, for building its engine at start-up. */
export interface StoredCollection {
  readonly guildId: string;
  readonly sources: readonly StoredSource[];
  readonly articles: readonly StoredArticle[];
}

/**
 * A store refusal the caller can act on. `in-use`: the embedded database's folder is already open
 * in another process (share it over IPC, or use a PostgreSQL server).
 */
/** An excerpt an answer showed, as a vote records it. */
export interface VotedExcerpt {
  readonly articleId: string;
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
}

/** A member's vote on one answer. */
export interface AnswerVote {
  /** The answer message's id. */
  readonly answerId: string;
  readonly userId: string;
  /** The collection that answered: a server's id, or '' for the shared collection. */
  readonly guildId: string;
  readonly command: string;
  readonly query: string;
  readonly excerpts: readonly VotedExcerpt[];
  /** 1: 👍, -1: 👎. */
  readonly vote: 1 | -1;
}

/** What recording a vote did: a first vote, a changed one, or the same vote again. */
export type VoteOutcome = 'recorded' | 'changed' | 'unchanged';

/** A question that got "no evidence". */
export interface UnansweredQuestion {
  /** A server's id, or '' for the shared collection. */
  readonly guildId: string;
  readonly command: string;
  readonly query: string;
}

/** A question asked and unanswered, counted over its spellings (capitals, spaces). */
export interface UnansweredCount {
  readonly command: string;
  /** The last spelling asked. */
  readonly query: string;
  readonly count: number;
  readonly lastAskedAt: string;
}

/** An answer and its votes. */
export interface VotedAnswer {
  readonly answerId: string;
  readonly command: string;
  readonly query: string;
  readonly excerpts: readonly VotedExcerpt[];
  readonly up: number;
  readonly down: number;
}

/** A server's gaps: what its members asked and got no evidence for, and the answers they voted down, most first. */
export interface Gaps {
  readonly unanswered: readonly UnansweredCount[];
  readonly downVoted: readonly VotedAnswer[];
}

export type StoreErrorCode = 'article-exists' | 'source-exists' | 'draft-not-found' | 'article-not-found' | 'unreachable' | 'migration-failed' | 'in-use';

/** A store refusal, with a stable code. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(`recoupe: ${message}`);
    this.name = 'StoreError';
  }
}

/** The storage of the living corpus. Every write is one transaction, audit and change log included. */
export interface CorpusStore {
  /** `pglite` (embedded) or `postgres` (a server). */
  readonly backend: 'pglite' | 'postgres';

  saveDraft(draft: Omit<StoredDraft, 'createdAt'>): Promise<StoredDraft>;
  /** A draft of this server that has not expired. */
  draft(guildId: string, id: string): Promise<StoredDraft | undefined>;
  /** Replaces a draft's article and preview (Edit details); audited as `draft.edit`. */
  updateDraft(guildId: string, id: string, article: Article, preview: unknown, actor: StoreActor): Promise<StoredDraft>;
  /** Drops a draft; audited as `draft.cancel`. False when there was none. */
  deleteDraft(guildId: string, id: string, actor: StoreActor): Promise<boolean>;

  /**
   * In one transaction: the article and its paragraphs, the audit entry, the change, and the
   * draft `fromDraft` (when given) deleted; then a notification. `article-exists` when the
   * server already has an article with that id.
   */
  publishArticle(guildId: string, article: Article, actor: StoreActor, fromDraft?: string): Promise<Change>;
  /** Removes a server's article (audited with the whole article as `before`). `article-not-found` when absent. */
  removeArticle(guildId: string, articleId: string, actor: StoreActor): Promise<Change>;
  /** `source-exists` when the server already has an outlet with that id. */
  addSource(guildId: string, source: Source, actor: StoreActor): Promise<Change>;

  article(guildId: string, articleId: string): Promise<StoredArticle | undefined>;
  /** A server's articles, newest published first. */
  articles(guildId: string): Promise<readonly StoredArticle[]>;
  sources(guildId: string): Promise<readonly StoredSource[]>;
  /** Every server's collection (start-up). */
  collections(): Promise<readonly StoredCollection[]>;

  /** Changes after `id`, oldest first. */
  changesSince(id: number): Promise<readonly Change[]>;
  /** Id of the last change (0 when none). */
  lastChangeId(): Promise<number>;
  /** A server's audit log, newest first. */
  audit(guildId: string, limit?: number): Promise<readonly AuditEntry[]>;

  /** Records a member's vote on an answer, replacing their earlier vote on it. */
  recordVote(vote: AnswerVote): Promise<VoteOutcome>;
  /** Records a question answered "no evidence". */
  recordUnanswered(question: UnansweredQuestion): Promise<void>;
  /** The server's most asked unanswered questions and most down-voted answers, `limit` of each (default 10). */
  gaps(guildId: string, limit?: number): Promise<Gaps>;

  /**
   * Calls `onChange` soon after any process commits a change (PostgreSQL `LISTEN/NOTIFY`; the
   * caller then reads {@link changesSince}). Resolves once listening; the result stops it.
   */
  subscribe(onChange: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
