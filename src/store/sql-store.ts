/**
 * The {@link CorpusStore} over any {@link SqlExecutor}: the same statements for PGlite and for a
 * PostgreSQL server. Each write is one transaction holding its audit entry and change row
 * (`ledger.ts`); each read is one statement, so it sees one committed state.
 */
import type { Article, Source } from '../corpus/types.js';
import type { SqlExecutor, SqlQueryable } from './executor.js';
import { feedbackMethods } from './feedback-sql.js';
import { asJson, CHANGES_CHANNEL, ensureCollection, recordAudit, recordChange } from './ledger.js';
import { auditOf, changeOf, draftOf, storedArticleOf, storedSourceOf, type ArticleRow, type AuditRow, type ChangeRow, type DraftRow, type SourceRow } from './rows.js';
import { StoreError, type CorpusStore, type StoreActor, type StoredCollection, type StoredDraft } from './types.js';

/** Options of {@link createSqlStore}. */
export interface SqlStoreOptions {
  /** The clock for every time written and for draft expiry (tests move it); default: the system's. */
  readonly now?: () => Date;
}

/** Audit entries {@link CorpusStore.audit} returns without a limit. */
export const DEFAULT_AUDIT_LIMIT = 50;

/** An article with its paragraphs as one JSON list, so that one statement reads it whole. */
const ARTICLE_SELECT = `
  SELECT a.guild_id, a.id, a.source, a.title, a.published, a.language, a.url, a.dateline, a.syndication_of, a.file,
         a.published_by_id, a.published_by_name, a.published_at,
         COALESCE((SELECT json_agg(json_build_object('n', p.n, 'heading', p.heading, 'text', p.text) ORDER BY p.n)
                   FROM paragraphs p WHERE p.guild_id = a.guild_id AND p.article_id = a.id), '[]'::json) AS paragraphs
  FROM articles a`;
const NEWEST_FIRST = 'ORDER BY a.published_at DESC, a.seq DESC';
const SOURCE_SELECT = 'SELECT guild_id, id, name, short, kind, ownership, color, url, added_by_id, added_by_name, added_at FROM sources';
const ADDED_ORDER = 'ORDER BY added_at, seq';
const DRAFT_COLUMNS = 'guild_id, id, article, preview, created_by_id, created_by_name, created_at, expires_at';

/** The store over `db`, which it closes on {@link CorpusStore.close}. The schema must be migrated. */
export function createSqlStore(db: SqlExecutor, options: SqlStoreOptions = {}): CorpusStore {
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const listening = new Set<() => Promise<void>>();

  /** Runs a write, turning a duplicate key into the refusal it means; `subject` names what was written, for the message. */
  const write = async <T>(fn: (tx: SqlQueryable) => Promise<T>, subject = ''): Promise<T> => {
    try {
      return await db.transaction(fn);
    } catch (error) {
      throw refusalOf(error, subject);
    }
  };

  const liveDraft = async (tx: SqlQueryable, guildId: string, id: string, at: string, lock: boolean): Promise<DraftRow | undefined> => {
    const [row] = await tx.query<DraftRow>(`SELECT ${DRAFT_COLUMNS} FROM drafts WHERE guild_id = $1 AND id = $2 AND expires_at > $3::timestamptz${lock ? ' FOR UPDATE' : ''}`, [guildId, id, at]);
    return row;
  };

  const articleRow = async (tx: SqlQueryable, guildId: string, articleId: string): Promise<ArticleRow | undefined> => {
    const [row] = await tx.query<ArticleRow>(`${ARTICLE_SELECT} WHERE a.guild_id = $1 AND a.id = $2`, [guildId, articleId]);
    return row;
  };

  return {
    backend: db.backend,

    saveDraft: (draft) =>
      write(async (tx) => {
        const at = now();
        // Expired drafts are invisible already; this is only housekeeping, done when writing anyway.
        await tx.query('DELETE FROM drafts WHERE expires_at <= $1::timestamptz', [at]);
        const [row] = await tx.query<DraftRow>(
          `INSERT INTO drafts (${DRAFT_COLUMNS}) VALUES ($1, $2, $3::text::jsonb, $4::text::jsonb, $5, $6, $7::timestamptz, $8::timestamptz)
           ON CONFLICT (guild_id, id) DO UPDATE SET article = EXCLUDED.article, preview = EXCLUDED.preview, created_by_id = EXCLUDED.created_by_id,
             created_by_name = EXCLUDED.created_by_name, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
           RETURNING ${DRAFT_COLUMNS}`,
          [draft.guildId, draft.id, asJson(draft.article), asJson(draft.preview), draft.createdBy.id, draft.createdBy.name, at, draft.expiresAt],
        );
        await recordAudit(tx, { guildId: draft.guildId, actor: draft.createdBy, at, action: 'draft.create', target: draft.id, before: null, after: draft.article });
        return draftOf(row!);
      }),

    async draft(guildId, id) {
      const row = await liveDraft(db, guildId, id, now(), false);
      return row && draftOf(row);
    },

    updateDraft: (guildId, id, article, preview, actor) =>
      write(async (tx): Promise<StoredDraft> => {
        const at = now();
        const before = await liveDraft(tx, guildId, id, at, true);
        if (!before) throw new StoreError('draft-not-found', `no draft ${id} in server ${guildId}`);
        const [row] = await tx.query<DraftRow>(`UPDATE drafts SET article = $3::text::jsonb, preview = $4::text::jsonb WHERE guild_id = $1 AND id = $2 RETURNING ${DRAFT_COLUMNS}`, [guildId, id, asJson(article), asJson(preview)]);
        await recordAudit(tx, { guildId, actor, at, action: 'draft.edit', target: id, before: before.article, after: article });
        return draftOf(row!);
      }),

    deleteDraft: (guildId, id, actor) =>
      write(async (tx) => {
        const at = now();
        const [row] = await tx.query<Pick<DraftRow, 'article'>>('DELETE FROM drafts WHERE guild_id = $1 AND id = $2 AND expires_at > $3::timestamptz RETURNING article', [guildId, id, at]);
        if (!row) return false;
        await recordAudit(tx, { guildId, actor, at, action: 'draft.cancel', target: id, before: row.article, after: null });
        return true;
      }),

    publishArticle: (guildId, article, actor, fromDraft) =>
      write(async (tx) => {
        const at = now();
        if (fromDraft !== undefined) {
          const deleted = await tx.query('DELETE FROM drafts WHERE guild_id = $1 AND id = $2 AND expires_at > $3::timestamptz RETURNING id', [guildId, fromDraft, at]);
          if (deleted.length === 0) throw new StoreError('draft-not-found', `no draft ${fromDraft} in server ${guildId}`);
        }
        await ensureCollection(tx, guildId, at);
        await insertArticle(tx, guildId, article, actor, at);
        await recordAudit(tx, { guildId, actor, at, action: 'article.publish', target: article.id, before: null, after: article });
        return recordChange(tx, guildId, 'article-published', article.id, at);
      }, `server ${guildId} already has an article ${article.id}`),

    removeArticle: (guildId, articleId, actor) =>
      write(async (tx) => {
        const at = now();
        const [locked] = await tx.query('SELECT 1 FROM articles WHERE guild_id = $1 AND id = $2 FOR UPDATE', [guildId, articleId]);
        const row = locked && (await articleRow(tx, guildId, articleId));
        if (!row) throw new StoreError('article-not-found', `no article ${articleId} in server ${guildId}`);
        await tx.query('DELETE FROM articles WHERE guild_id = $1 AND id = $2', [guildId, articleId]);
        await recordAudit(tx, { guildId, actor, at, action: 'article.remove', target: articleId, before: storedArticleOf(row).article, after: null });
        return recordChange(tx, guildId, 'article-removed', articleId, at);
      }),

    addSource: (guildId, source, actor) =>
      write(async (tx) => {
        const at = now();
        await ensureCollection(tx, guildId, at);
        await insertSource(tx, guildId, source, actor, at);
        await recordAudit(tx, { guildId, actor, at, action: 'source.add', target: source.id, before: null, after: source });
        return recordChange(tx, guildId, 'source-added', source.id, at);
      }, `server ${guildId} already has an outlet ${source.id}`),

    async article(guildId, articleId) {
      const row = await articleRow(db, guildId, articleId);
      return row && storedArticleOf(row);
    },

    async articles(guildId) {
      return (await db.query<ArticleRow>(`${ARTICLE_SELECT} WHERE a.guild_id = $1 ${NEWEST_FIRST}`, [guildId])).map(storedArticleOf);
    },

    async sources(guildId) {
      return (await db.query<SourceRow>(`${SOURCE_SELECT} WHERE guild_id = $1 ${ADDED_ORDER}`, [guildId])).map(storedSourceOf);
    },

    collections: () =>
      db.transaction(async (tx) => {
        // One snapshot for the three reads: no article without its collection, whatever commits meanwhile.
        await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        const guilds = await tx.query<{ guild_id: string }>('SELECT guild_id FROM collections ORDER BY guild_id');
        const sources = (await tx.query<SourceRow>(`${SOURCE_SELECT} ${ADDED_ORDER}`)).map(storedSourceOf);
        const articles = (await tx.query<ArticleRow>(`${ARTICLE_SELECT} ${NEWEST_FIRST}`)).map(storedArticleOf);
        return guilds.map(({ guild_id: guildId }): StoredCollection => ({ guildId, sources: sources.filter((s) => s.guildId === guildId), articles: articles.filter((a) => a.guildId === guildId) }));
      }),

    async changesSince(id) {
      return (await db.query<ChangeRow>('SELECT id, guild_id, kind, target, at FROM changes WHERE id > $1 ORDER BY id', [id])).map(changeOf);
    },

    async lastChangeId() {
      const [row] = await db.query<{ last: number | string }>('SELECT COALESCE(max(id), 0) AS last FROM changes');
      return Number(row?.last ?? 0);
    },

    async audit(guildId, limit = DEFAULT_AUDIT_LIMIT) {
      return (await db.query<AuditRow>('SELECT id, guild_id, actor_id, actor_name, at, action, target, before, after FROM audit WHERE guild_id = $1 ORDER BY id DESC LIMIT $2', [guildId, limit])).map(auditOf);
    },

    ...feedbackMethods(db, now),

    async subscribe(onChange) {
      const stop = await db.listen(CHANGES_CHANNEL, onChange);
      let stopped = false;
      const unsubscribe = async () => {
        if (stopped) return;
        stopped = true;
        listening.delete(unsubscribe);
        await stop();
      };
      listening.add(unsubscribe);
      return unsubscribe;
    },

    async close() {
      await Promise.all([...listening].map((stop) => stop()));
      await db.close();
    },
  };
}

async function insertArticle(tx: SqlQueryable, guildId: string, article: Article, actor: StoreActor, at: string): Promise<void> {
  await tx.query(
    `INSERT INTO articles (guild_id, id, source, title, published, language, url, dateline, syndication_of, file, published_by_id, published_by_name, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::timestamptz)`,
    [guildId, article.id, article.source, article.title, article.published, article.language, article.url ?? null, article.dateline ?? null, article.syndication_of ?? null, article.file, actor.id, actor.name, at],
  );
  // All paragraphs in one statement, from one JSON parameter: the same for both drivers, whatever the count.
  await tx.query(
    `INSERT INTO paragraphs (guild_id, article_id, n, heading, text)
     SELECT $1, $2, p.n, p.heading, p.text FROM jsonb_to_recordset($3::text::jsonb) AS p(n integer, heading text, text text)`,
    [guildId, article.id, JSON.stringify(article.paragraphs.map((p) => ({ n: p.n, heading: p.heading ?? null, text: p.text })))],
  );
}

async function insertSource(tx: SqlQueryable, guildId: string, source: Source, actor: StoreActor, at: string): Promise<void> {
  await tx.query(
    `INSERT INTO sources (guild_id, id, name, short, kind, ownership, color, url, added_by_id, added_by_name, added_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::timestamptz)`,
    [guildId, source.id, source.name, source.short, source.kind, source.ownership, source.color, source.url ?? null, actor.id, actor.name, at],
  );
}

/** A duplicate key as `article-exists` or `source-exists` (by the constraint's name, the same on both back-ends); any other error as it is. */
function refusalOf(error: unknown, message: string): unknown {
  const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
  if (code !== '23505') return error;
  if (constraint === 'articles_pkey') return new StoreError('article-exists', message);
  if (constraint === 'sources_pkey') return new StoreError('source-exists', message);
  return error;
}
