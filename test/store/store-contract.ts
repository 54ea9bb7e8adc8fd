/**
 * What every back-end of the store must do, registered once per back-end (`pglite.test.ts`,
 * `postgres.test.ts`): drafts, publication, removal, outlets, reads, the change log, the audit
 * log, notifications across processes, and migrations. Each test has a database of its own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError, type CorpusStore } from '../../src/store/types.js';
import type { StoreHarness, TestDatabase } from './harness.js';
import { article, bareArticle, eventually, GUILD, manualClock, MODERATOR, OTHER_GUILD, OTHER_MODERATOR, paragraphs, source } from './samples.js';

const HOUR = 3_600_000;

/** The refusal a call rejects with. */
async function refusal(call: Promise<unknown>): Promise<StoreError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof StoreError)) throw new Error(`expected a StoreError, got ${String(error)}`);
  return error;
}

/** Counts of every table, to show that a refused write changed nothing. */
async function counts(db: TestDatabase): Promise<Record<string, number>> {
  const tables = ['collections', 'sources', 'articles', 'paragraphs', 'drafts', 'changes', 'audit'];
  const out: Record<string, number> = {};
  for (const table of tables) out[table] = Number((await db.inspect<{ n: number | string }>(`SELECT count(*) AS n FROM ${table}`))[0]?.n);
  return out;
}

export function storeContract(harness: StoreHarness): void {
  let db: TestDatabase;
  let store: CorpusStore;
  let clock: ReturnType<typeof manualClock>;

  const open = async () => {
    db = await harness.fresh();
    clock = manualClock();
    store = await db.open({ now: clock.now });
  };

  afterEach(async () => {
    await db?.drop();
  });

  describe(`GIVEN the ${harness.backend} store`, () => {
    it('WHEN opened THEN it says which back-end it is, and holds nothing', async () => {
      await open();
      expect(store.backend).toBe(harness.backend);
      expect(await store.collections()).toEqual([]);
      expect(await store.lastChangeId()).toBe(0);
      expect(await store.changesSince(0)).toEqual([]);
      expect(await store.articles(GUILD)).toEqual([]);
      expect(await store.audit(GUILD)).toEqual([]);
    });

    describe('WHEN a moderator saves a draft', () => {
      it('THEN it reads back whole, with the clock’s creation time, only in its own server, audited as draft.create', async () => {
        await open();
        const draft = { id: 'd1', guildId: GUILD, article: article('a1'), preview: { title: 'Aperçu', warnings: ['une'] }, createdBy: MODERATOR, expiresAt: clock.iso(HOUR) };
        const saved = await store.saveDraft(draft);
        expect(saved).toEqual({ ...draft, createdAt: clock.iso() });
        expect(await store.draft(GUILD, 'd1')).toEqual(saved);
        expect(await store.draft(OTHER_GUILD, 'd1')).toBeUndefined();
        const [entry] = await store.audit(GUILD);
        expect(entry).toMatchObject({ guildId: GUILD, actor: MODERATOR, action: 'draft.create', target: 'd1', before: null, after: draft.article, at: clock.iso() });
        expect(await store.lastChangeId()).toBe(0);
      });

      it('THEN once expired it is invisible: not read, not edited, not cancelled, not published, and purged by the next save', async () => {
        await open();
        await store.saveDraft({ id: 'old', guildId: GUILD, article: article('a1'), preview: null, createdBy: MODERATOR, expiresAt: clock.iso(HOUR) });
        clock.advance(HOUR);
        expect(await store.draft(GUILD, 'old')).toBeUndefined();
        expect((await refusal(store.updateDraft(GUILD, 'old', article('a1'), null, MODERATOR))).code).toBe('draft-not-found');
        expect(await store.deleteDraft(GUILD, 'old', MODERATOR)).toBe(false);
        expect((await refusal(store.publishArticle(GUILD, article('a1'), MODERATOR, 'old'))).code).toBe('draft-not-found');
        expect(await store.article(GUILD, 'a1')).toBeUndefined();
        await store.saveDraft({ id: 'new', guildId: GUILD, article: article('a2'), preview: null, createdBy: MODERATOR, expiresAt: clock.iso(HOUR) });
        expect(await db.inspect('SELECT id FROM drafts')).toEqual([{ id: 'new' }]);
      });

      it('THEN Edit details replaces its article and preview, audited with both articles', async () => {
        await open();
        await store.saveDraft({ id: 'd1', guildId: GUILD, article: article('a1'), preview: { v: 1 }, createdBy: MODERATOR, expiresAt: clock.iso(HOUR) });
        clock.advance(1_000);
        const edited = article('a1', { title: 'Titre corrigé' });
        const updated = await store.updateDraft(GUILD, 'd1', edited, { v: 2 }, OTHER_MODERATOR);
        expect(updated).toMatchObject({ article: edited, preview: { v: 2 }, createdBy: MODERATOR, expiresAt: clock.iso(HOUR - 1_000) });
        expect(await store.draft(GUILD, 'd1')).toEqual(updated);
        const [entry] = await store.audit(GUILD);
        expect(entry).toMatchObject({ action: 'draft.edit', actor: OTHER_MODERATOR, target: 'd1', before: article('a1'), after: edited });
        expect((await refusal(store.updateDraft(GUILD, 'absent', edited, null, MODERATOR))).code).toBe('draft-not-found');
      });

      it('THEN Cancel drops it once, audited as draft.cancel with the article as before', async () => {
        await open();
        await store.saveDraft({ id: 'd1', guildId: GUILD, article: article('a1'), preview: null, createdBy: MODERATOR, expiresAt: clock.iso(HOUR) });
        expect(await store.deleteDraft(GUILD, 'd1', MODERATOR)).toBe(true);
        expect(await store.draft(GUILD, 'd1')).toBeUndefined();
        expect(await store.deleteDraft(GUILD, 'd1', MODERATOR)).toBe(false);
        expect((await store.audit(GUILD)).map((e) => [e.action, e.before === null ? null : 'article', e.after])).toEqual([
          ['draft.cancel', 'article', null],
          ['draft.create', null, article('a1')],
        ]);
      });
    });

    describe('WHEN an article is published', () => {
      it('THEN it reads back exactly: every field, paragraphs in order with their headings, who and when', async () => {
        await open();
        const full = article('a1', { paragraphs: paragraphs(40, 3) });
        const change = await store.publishArticle(GUILD, full, MODERATOR);
        const stored = await store.article(GUILD, 'a1');
        expect(stored).toStrictEqual({ guildId: GUILD, article: full, publishedBy: MODERATOR, publishedAt: clock.iso() });
        expect(stored?.article.paragraphs.map((p) => p.n)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
        expect(stored?.article.paragraphs[3]).toStrictEqual({ n: 4, text: full.paragraphs[3]!.text, heading: 'Partie 2' });
        expect(stored?.article.paragraphs[1]).not.toHaveProperty('heading');
        expect(change).toEqual({ id: 1, guildId: GUILD, kind: 'article-published', target: 'a1', at: clock.iso() });
        expect(await store.article(OTHER_GUILD, 'a1')).toBeUndefined();
      });

      it('THEN an article without optional fields comes back without them, not with undefined or null', async () => {
        await open();
        await store.publishArticle(GUILD, bareArticle('bare'), MODERATOR);
        expect((await store.article(GUILD, 'bare'))?.article).toStrictEqual(bareArticle('bare'));
      });

      it('THEN from a draft, the draft is gone in the same transaction and the audit holds the whole article', async () => {
        await open();
        await store.saveDraft({ id: 'd1', guildId: GUILD, article: article('a1'), preview: null, createdBy: MODERATOR, expiresAt: clock.iso(HOUR) });
        await store.publishArticle(GUILD, article('a1'), OTHER_MODERATOR, 'd1');
        expect(await store.draft(GUILD, 'd1')).toBeUndefined();
        const [entry] = await store.audit(GUILD);
        expect(entry).toMatchObject({ action: 'article.publish', actor: OTHER_MODERATOR, target: 'a1', before: null, after: article('a1') });
        // Published twice from the same draft (two clicks): the second finds no draft and changes nothing.
        const before = await counts(db);
        expect((await refusal(store.publishArticle(GUILD, article('a2'), MODERATOR, 'd1'))).code).toBe('draft-not-found');
        expect(await counts(db)).toEqual(before);
      });

      it('THEN the same id again in that server is refused as article-exists and nothing changes; another server may use it', async () => {
        await open();
        await store.saveDraft({ id: 'd2', guildId: GUILD, article: article('a1'), preview: null, createdBy: MODERATOR, expiresAt: clock.iso(HOUR) });
        await store.publishArticle(GUILD, article('a1'), MODERATOR);
        const before = await counts(db);
        const error = await refusal(store.publishArticle(GUILD, article('a1', { title: 'Autre titre', paragraphs: paragraphs(3) }), MODERATOR, 'd2'));
        expect(error.code).toBe('article-exists');
        expect(error.message).toBe(`recoupe: server ${GUILD} already has an article a1`);
        expect(await counts(db)).toEqual(before);
        expect((await store.article(GUILD, 'a1'))?.article).toEqual(article('a1'));
        expect(await store.draft(GUILD, 'd2')).toBeDefined();
        await store.publishArticle(OTHER_GUILD, article('a1'), MODERATOR);
        expect(await store.lastChangeId()).toBe(2);
      });
    });

    describe('WHEN an article is removed', () => {
      it('THEN it and its paragraphs are gone, the audit holds the whole article as before, the change log says so', async () => {
        await open();
        await store.publishArticle(GUILD, article('a1'), MODERATOR);
        await store.publishArticle(GUILD, article('a2'), MODERATOR);
        clock.advance(5_000);
        const change = await store.removeArticle(GUILD, 'a1', OTHER_MODERATOR);
        expect(change).toMatchObject({ guildId: GUILD, kind: 'article-removed', target: 'a1', at: clock.iso() });
        expect(await store.article(GUILD, 'a1')).toBeUndefined();
        expect(await db.inspect('SELECT DISTINCT article_id FROM paragraphs')).toEqual([{ article_id: 'a2' }]);
        const [entry] = await store.audit(GUILD);
        expect(entry).toMatchObject({ action: 'article.remove', actor: OTHER_MODERATOR, target: 'a1', before: article('a1'), after: null });
      });

      it('THEN removing an absent article is refused as article-not-found and nothing changes', async () => {
        await open();
        await store.publishArticle(GUILD, article('a1'), MODERATOR);
        const before = await counts(db);
        expect((await refusal(store.removeArticle(GUILD, 'absent', MODERATOR))).code).toBe('article-not-found');
        expect((await refusal(store.removeArticle(OTHER_GUILD, 'a1', MODERATOR))).code).toBe('article-not-found');
        expect(await counts(db)).toEqual(before);
      });
    });

    describe('WHEN outlets are added', () => {
      it('THEN they read back in the order added, every field, audited; the same id again is source-exists and changes nothing', async () => {
        await open();
        const lemonde = source('lemonde');
        const { url: _url, ...withoutUrl } = source('ouestfr');
        await store.addSource(GUILD, lemonde, MODERATOR);
        const change = await store.addSource(GUILD, withoutUrl, MODERATOR);
        expect(change).toMatchObject({ kind: 'source-added', target: 'ouestfr' });
        const listed = await store.sources(GUILD);
        expect(listed).toStrictEqual([
          { guildId: GUILD, source: lemonde, addedBy: MODERATOR, addedAt: clock.iso() },
          { guildId: GUILD, source: withoutUrl, addedBy: MODERATOR, addedAt: clock.iso() },
        ]);
        expect((await store.audit(GUILD))[0]).toMatchObject({ action: 'source.add', target: 'ouestfr', before: null, after: withoutUrl });
        const before = await counts(db);
        expect(await refusal(store.addSource(GUILD, source('lemonde', { name: 'Autre' }), MODERATOR))).toMatchObject({ code: 'source-exists', message: `recoupe: server ${GUILD} already has an outlet lemonde` });
        expect(await counts(db)).toEqual(before);
        expect(await store.sources(OTHER_GUILD)).toEqual([]);
      });
    });

    describe('WHEN several servers hold articles', () => {
      it('THEN a server’s articles come newest published first, publication order breaking ties', async () => {
        await open();
        await store.publishArticle(GUILD, article('first'), MODERATOR);
        clock.advance(60_000);
        await store.publishArticle(GUILD, article('second'), MODERATOR);
        await store.publishArticle(GUILD, article('third'), MODERATOR);
        await store.publishArticle(OTHER_GUILD, article('elsewhere'), MODERATOR);
        expect((await store.articles(GUILD)).map((s) => s.article.id)).toEqual(['third', 'second', 'first']);
        expect((await store.articles(GUILD))[0]?.article).toEqual(article('third'));
      });

      it('THEN collections() gives every server with its outlets and articles, also a server with outlets only', async () => {
        await open();
        await store.publishArticle(GUILD, article('a1'), MODERATOR);
        await store.addSource(GUILD, source('lemonde'), MODERATOR);
        await store.addSource(OTHER_GUILD, source('ouestfr'), MODERATOR);
        const collections = await store.collections();
        expect(collections.map((c) => [c.guildId, c.sources.map((s) => s.source.id), c.articles.map((a) => a.article.id)])).toEqual([
          [GUILD, ['lemonde'], ['a1']],
          [OTHER_GUILD, ['ouestfr'], []],
        ]);
        expect(collections[0]?.articles[0]).toEqual(await store.article(GUILD, 'a1'));
      });
    });

    describe('WHEN changes accumulate', () => {
      it('THEN the change log grows in order and changesSince gives what follows an id, oldest first', async () => {
        await open();
        await store.publishArticle(GUILD, article('a1'), MODERATOR);
        await store.addSource(OTHER_GUILD, source('lemonde'), MODERATOR);
        await store.removeArticle(GUILD, 'a1', MODERATOR);
        await store.saveDraft({ id: 'd', guildId: GUILD, article: article('a9'), preview: null, createdBy: MODERATOR, expiresAt: clock.iso(HOUR) });
        expect(await store.lastChangeId()).toBe(3);
        expect((await store.changesSince(0)).map((c) => [c.id, c.guildId, c.kind, c.target])).toEqual([
          [1, GUILD, 'article-published', 'a1'],
          [2, OTHER_GUILD, 'source-added', 'lemonde'],
          [3, GUILD, 'article-removed', 'a1'],
        ]);
        expect((await store.changesSince(2)).map((c) => c.id)).toEqual([3]);
        expect(await store.changesSince(3)).toEqual([]);
      });

      it('THEN writes from two processes at once all land, each change with its own growing id', async () => {
        await open();
        const other = await db.other();
        await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? store : other).publishArticle(GUILD, article(`c${i}`, { paragraphs: paragraphs(5) }), MODERATOR)));
        const ids = (await store.changesSince(0)).map((c) => c.id);
        expect(ids).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
        expect(new Set((await store.changesSince(0)).map((c) => c.target)).size).toBe(12);
      });

      it('THEN the audit log is newest first, per server, and honours a limit', async () => {
        await open();
        for (const id of ['a1', 'a2', 'a3']) await store.publishArticle(GUILD, article(id), MODERATOR);
        await store.publishArticle(OTHER_GUILD, article('b1'), MODERATOR);
        expect((await store.audit(GUILD)).map((e) => e.target)).toEqual(['a3', 'a2', 'a1']);
        expect((await store.audit(GUILD, 2)).map((e) => e.target)).toEqual(['a3', 'a2']);
        const entries = await store.audit(GUILD);
        expect(entries[0]!.id).toBeGreaterThan(entries[1]!.id);
        expect((await store.audit(OTHER_GUILD)).map((e) => e.target)).toEqual(['b1']);
      });
    });

    describe('WHEN another process follows the changes', () => {
      it('THEN a store on the same database is notified of a change committed by this one, and not of a refused write', async () => {
        await open();
        const follower = await db.other();
        let calls = 0;
        const stop = await follower.subscribe(() => calls++);
        await store.publishArticle(GUILD, article('a1'), MODERATOR);
        await eventually(() => calls >= 1, 'a notification of the publication');
        expect((await follower.changesSince(0)).map((c) => c.target)).toEqual(['a1']);
        // Refused (rolled back): no notification. Then a write that is, to know delivery happened.
        const seen = calls;
        let marker = 0;
        const stopMarker = await store.subscribe(() => marker++);
        await refusal(store.publishArticle(GUILD, article('a1'), MODERATOR));
        await store.addSource(GUILD, source('lemonde'), MODERATOR);
        await eventually(() => marker >= 1 && calls >= seen + 1, 'the notification of the outlet');
        expect(calls).toBe(seen + 1);
        await stop();
        await stopMarker();
      });

      it('THEN once it stops listening, it is not called again; another listener still is', async () => {
        await open();
        const follower = await db.other();
        let stopped = 0;
        let still = 0;
        const stop = await follower.subscribe(() => stopped++);
        const stopStill = await follower.subscribe(() => still++);
        await store.publishArticle(GUILD, article('a1'), MODERATOR);
        await eventually(() => stopped === 1 && still === 1, 'both listeners called');
        await stop();
        await stop();
        await store.publishArticle(GUILD, article('a2'), MODERATOR);
        await eventually(() => still === 2, 'the remaining listener called');
        expect(stopped).toBe(1);
        await stopStill();
      });

      it('THEN closing a store stops its listeners', async () => {
        await open();
        const follower = await db.other();
        let calls = 0;
        await follower.subscribe(() => calls++);
        await follower.close();
        let marker = 0;
        await store.subscribe(() => marker++);
        await store.publishArticle(GUILD, article('a1'), MODERATOR);
        await eventually(() => marker === 1, 'the open store’s notification');
        expect(calls).toBe(0);
      });

      it.skipIf(harness.backend !== 'postgres')('THEN a listener whose connection the server kills reconnects, is told once, and gets later notifications', async () => {
        await open();
        const follower = await db.other();
        let calls = 0;
        await follower.subscribe(() => calls++);
        expect(await db.killListeners!()).toBe(1);
        // Told once after reconnecting, so it re-reads the change log: a change made meanwhile is not lost.
        await eventually(() => calls >= 1, 'the call after reconnecting');
        await eventually(async () => (await db.inspect<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'recoupe-listener'"))[0]?.n === '1', 'the listener back');
        const before = calls;
        await store.publishArticle(GUILD, article('a1'), MODERATOR);
        await eventually(() => calls > before, 'a notification after reconnecting');
      });
    });

    describe('WHEN members vote on answers and ask questions that get no evidence', () => {
      const excerpts = [{ articleId: 'a1', paragraph: 3, start: 0, end: 120 }];
      const vote = (answerId: string, userId: string, value: 1 | -1, guildId = GUILD) => ({ answerId, userId, guildId, command: 'ask', query: `question ${answerId}`, excerpts, vote: value });

      it('THEN one vote per member per answer is kept, changeable, and gaps counts them per server, most down-voted first', async () => {
        await open();
        expect(await store.recordVote(vote('m1', 'u1', -1))).toBe('recorded');
        expect(await store.recordVote(vote('m1', 'u1', -1))).toBe('unchanged');
        expect(await store.recordVote(vote('m1', 'u2', -1))).toBe('recorded');
        expect(await store.recordVote(vote('m1', 'u3', 1))).toBe('recorded');
        expect(await store.recordVote(vote('m2', 'u1', -1))).toBe('recorded');
        expect(await store.recordVote(vote('m2', 'u2', 1))).toBe('recorded');
        expect(await store.recordVote(vote('m2', 'u2', -1))).toBe('changed');
        expect(await store.recordVote(vote('m2', 'u2', 1))).toBe('changed');
        expect(await store.recordVote(vote('m3', 'u1', 1))).toBe('recorded');
        expect(await store.recordVote(vote('m4', 'u1', -1, OTHER_GUILD))).toBe('recorded');
        const gaps = await store.gaps(GUILD);
        // m3 has no down-vote; m4 is another server's.
        expect(gaps.downVoted).toEqual([
          { answerId: 'm1', command: 'ask', query: 'question m1', excerpts, up: 1, down: 2 },
          { answerId: 'm2', command: 'ask', query: 'question m2', excerpts, up: 1, down: 1 },
        ]);
        expect(Number((await db.inspect<{ n: string | number }>('SELECT count(*) AS n FROM answer_votes'))[0]?.n)).toBe(7);
        expect((await store.gaps(OTHER_GUILD)).downVoted.map((a) => a.answerId)).toEqual(['m4']);
      });

      it('THEN unanswered questions are counted over their spellings, most asked first, per server and command, within the limit', async () => {
        await open();
        const ask = (query: string, command = 'ask', guildId = GUILD) => store.recordUnanswered({ guildId, command, query });
        await ask('Qui a construit le pont ?');
        clock.advance(1_000);
        await ask('qui a construit  le PONT ?');
        clock.advance(1_000);
        await ask('Combien de sapeurs ?');
        clock.advance(1_000);
        await ask('Qui a construit le pont ?', 'who');
        await ask('Qui a construit le pont ?', 'ask', OTHER_GUILD);
        clock.advance(1_000);
        await ask('Qui a construit le Pont ?');
        const { unanswered } = await store.gaps(GUILD);
        expect(unanswered).toEqual([
          { command: 'ask', query: 'Qui a construit le Pont ?', count: 3, lastAskedAt: clock.iso() },
          { command: 'who', query: 'Qui a construit le pont ?', count: 1, lastAskedAt: clock.iso(-1_000) },
          { command: 'ask', query: 'Combien de sapeurs ?', count: 1, lastAskedAt: clock.iso(-2_000) },
        ]);
        expect((await store.gaps(GUILD, 1)).unanswered).toHaveLength(1);
        expect((await store.gaps(OTHER_GUILD)).unanswered.map((q) => q.count)).toEqual([1]);
        expect(await store.gaps('1180000000000000777')).toEqual({ unanswered: [], downVoted: [] });
      });
    });

    describe('WHEN the database is opened again, as by a restarted process', () => {
      it('THEN migrations are not run twice and everything committed is there', async () => {
        await open();
        await store.publishArticle(GUILD, article('a1'), MODERATOR);
        await store.close();
        store = await db.open();
        expect((await store.article(GUILD, 'a1'))?.article).toEqual(article('a1'));
        expect(await db.inspect('SELECT version FROM schema_migrations ORDER BY version')).toEqual([{ version: 1 }, { version: 2 }]);
        expect(await store.lastChangeId()).toBe(1);
      });

      it.skipIf(!harness.concurrentOpens)('THEN two processes opening a new database at the same moment migrate it once', async () => {
        db = await harness.fresh();
        const [first, second] = await Promise.all([db.open(), db.open()]);
        expect(await db.inspect('SELECT version FROM schema_migrations ORDER BY version')).toEqual([{ version: 1 }, { version: 2 }]);
        await first.publishArticle(GUILD, article('a1'), MODERATOR);
        expect(await second.article(GUILD, 'a1')).toBeDefined();
      });
    });
  });
}
