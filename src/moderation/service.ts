/**
 * The moderation service: what `/article` and `/source` do, over the store (drafts, publishing,
 * the audit log) and the live corpus (what this process answers from). A draft is read and
 * cleaned by the ingest's own code and kept in the store until Publish, Cancel or expiry; only
 * Publish makes it answerable, and `publish` resolves once this process answers from it.
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { prepareCleaning } from '../corpus/clean.js';
import { buildFromExtracted } from '../corpus/ingest.js';
import { IngestError } from '../corpus/ingest-error.js';
import type { Article, Source } from '../corpus/types.js';
import type { LiveCorpus } from '../live/live-corpus.js';
import { languageOf } from '../text/analyser.js';
import { fold } from '../text/fold.js';
import { StoreError, type CorpusStore, type StoredArticle, type StoredDraft } from '../store/types.js';
import { readDate, readOutlet, uniqueArticleId } from './details.js';
import { readArticleInput } from './read-input.js';
import { findRelated } from './related.js';
import { checkNewSource } from './new-source.js';
import {
  ModerationError,
  type Actor,
  type ArticleInput,
  type ArticleListing,
  type DetailsEdit,
  type DraftPreview,
  type ListedSource,
  type ModerationService,
  type NewSourceFields,
} from './types.js';

/** How long a draft waits for Publish: long enough to read it and fix a detail, short enough not to pile up. */
export const DRAFT_LIFETIME_MS = 30 * 60_000;

/** Paragraphs shown in a preview. */
export const PREVIEW_PARAGRAPHS = 3;

/** What the service needs. */
export interface ModerationOptions {
  readonly live: LiveCorpus;
  readonly store: CorpusStore;
  /** Clock (default `Date.now`): drafts' expiry and "today". */
  readonly now?: () => number;
  /** Where the fetch's test-only allow list is read (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
}

/** Builds the service of one process. */
export function createModerationService(options: ModerationOptions): ModerationService {
  const { live, store } = options;
  const now = options.now ?? Date.now;
  prepareCleaning();

  const sourcesOf = (guildId: string): Source[] => [...live.base.corpus.sources, ...(live.collectionOf(guildId)?.addedSources.map((s) => s.source) ?? [])];
  const sharedIds = new Set(live.base.corpus.articles.map((a) => a.id));
  const idTaken = (guildId: string) => (id: string) => sharedIds.has(id) || (live.collectionOf(guildId)?.published.some((s) => s.article.id === id) ?? false);
  const today = () => new Date(now()).toISOString().slice(0, 10);

  const previewOf = async (guildId: string, draftId: string, article: Article, extra: { notes: readonly string[]; warnings: readonly string[]; removed: DraftPreview['removed'] }, expiresAt: string): Promise<DraftPreview> => {
    const sources = sourcesOf(guildId);
    const source = sources.find((s) => s.id === article.source) as Source;
    const found = await findRelated(live.engineFor(guildId).kb, { source: article.source, urls: article.url ? [article.url] : [], paragraphs: article.paragraphs }, languageOf(article.language), sources);
    return {
      draftId,
      guildId,
      articleId: article.id,
      title: article.title,
      outlet: { id: source.id, short: source.short, name: source.name },
      published: article.published,
      language: article.language,
      paragraphCount: article.paragraphs.length,
      firstParagraphs: article.paragraphs.slice(0, PREVIEW_PARAGRAPHS).map((p) => p.text),
      removed: extra.removed,
      notes: extra.notes,
      warnings: extra.warnings,
      ...(found.duplicate ? { duplicate: found.duplicate } : {}),
      ...(found.syndicationOf ? { syndicationOf: found.syndicationOf } : {}),
      expiresAt,
    };
  };

  /** The draft's article with the syndication found recorded, as it will be published. */
  const withSyndication = (article: Article, preview: DraftPreview): Article =>
    preview.syndicationOf && preview.syndicationOf.articleId !== article.syndication_of ? { ...article, syndication_of: preview.syndicationOf.articleId } : article;

  const draftOf = async (guildId: string, draftId: string): Promise<StoredDraft> => {
    const draft = await store.draft(guildId, draftId);
    if (!draft) throw new ModerationError('draft-not-found');
    return draft;
  };

  const listing = (guildId: string, stored: StoredArticle): ArticleListing => ({
    articleId: stored.article.id,
    title: stored.article.title,
    outlet: sourcesOf(guildId).find((s) => s.id === stored.article.source)?.short ?? stored.article.source,
    published: stored.article.published,
    paragraphCount: stored.article.paragraphs.length,
    publishedBy: stored.publishedBy,
    publishedAt: stored.publishedAt,
  });

  return {
    async preview(guildId: string, input: ArticleInput, actor: Actor): Promise<DraftPreview> {
      const sources = sourcesOf(guildId);
      const outlet = input.outlet?.trim() ? readOutlet(input.outlet, sources) : undefined;
      const published = input.published?.trim() ? readDate(input.published, today()) : undefined;
      const { origin, extracted } = await readArticleInput(input, { ...(options.env ? { env: options.env } : {}), ...(outlet ? { outletNames: [outlet.name, outlet.short] } : {}) });
      const warnings: string[] = [];
      const dated = published !== undefined || extracted.layers.some((l) => l.published);
      if (!dated) warnings.push(`no publication date found in the text: ${today()} used; correct it with Edit details`);
      const title = input.title?.trim() || undefined;
      if (title === undefined && !extracted.layers.some((l) => l.title)) throw new ModerationError('bad-input', 'no title found in the text: give one with the title option');
      let built;
      try {
        built = buildFromExtracted(extracted, { ...(outlet ? { source: outlet.id } : {}), ...(title ? { title } : {}), published: published ?? (dated ? undefined : today()) }, sources, origin);
      } catch (error) {
        if (error instanceof IngestError) throw ingestRefusal(error, sources);
        throw error;
      }
      const meta = built.doc.meta;
      const id = uniqueArticleId(meta.published, meta.source, meta.title, idTaken(guildId));
      const article: Article = withoutUndefined({ ...meta, id, paragraphs: built.doc.paragraphs, file: `server:${guildId}/${id}` });
      const draftId = randomUUID();
      const expiresAt = new Date(now() + DRAFT_LIFETIME_MS).toISOString();
      // Reading the text and looking for the articles it repeats are each tens of milliseconds
      // over a large collection: members' queries are answered between the two.
      await nextTurn();
      const preview = await previewOf(guildId, draftId, article, { notes: built.notes, warnings: [...warnings, ...built.warnings], removed: built.removed.map((r) => ({ reason: r.reason, text: r.text })) }, expiresAt);
      await guarded(() => store.saveDraft({ id: draftId, guildId, article: withSyndication(article, preview), preview, createdBy: actor, expiresAt }));
      return preview;
    },

    async editDraft(guildId: string, draftId: string, edit: DetailsEdit, actor: Actor): Promise<DraftPreview> {
      const draft = await draftOf(guildId, draftId);
      const before = draft.preview as DraftPreview;
      const sources = sourcesOf(guildId);
      const title = edit.title?.trim() || draft.article.title;
      const published = edit.published?.trim() ? readDate(edit.published, today()) : draft.article.published;
      const source = edit.outlet?.trim() ? readOutlet(edit.outlet, sources).id : draft.article.source;
      const taken = idTaken(guildId);
      const id = uniqueArticleId(published, source, title, taken);
      const { syndication_of: _previous, ...rest } = draft.article;
      const article: Article = { ...rest, id, title, published, source, file: `server:${guildId}/${id}` };
      const warnings = before.warnings.filter((w) => !(edit.published?.trim() && w.startsWith('no publication date found')));
      const preview = await previewOf(guildId, draftId, article, { notes: before.notes, warnings, removed: before.removed }, draft.expiresAt);
      await guarded(() => store.updateDraft(guildId, draftId, withSyndication(article, preview), preview, actor));
      return preview;
    },

    async cancelDraft(guildId: string, draftId: string, actor: Actor): Promise<void> {
      const deleted = await guarded(() => store.deleteDraft(guildId, draftId, actor));
      if (!deleted) throw new ModerationError('draft-not-found');
    },

    async publish(guildId: string, draftId: string, actor: Actor): Promise<ArticleListing> {
      const draft = await draftOf(guildId, draftId);
      // Checked again: another moderator may have published the same article since the preview.
      const check = await previewOf(guildId, draftId, draft.article, { notes: [], warnings: [], removed: [] }, draft.expiresAt);
      if (check.duplicate) throw new ModerationError('duplicate', `${check.duplicate.outlet}: ${check.duplicate.title} (${check.duplicate.articleId})`);
      let article = draft.article;
      if (idTaken(guildId)(article.id)) {
        const id = uniqueArticleId(article.published, article.source, article.title, idTaken(guildId));
        article = { ...article, id, file: `server:${guildId}/${id}` };
      }
      const change = await guarded(() => store.publishArticle(guildId, article, actor, draftId));
      await live.waitFor(change.id);
      const stored = live.collectionOf(guildId)?.published.find((s) => s.article.id === article.id);
      return listing(guildId, stored ?? { guildId, article, publishedBy: actor, publishedAt: change.at });
    },

    async remove(guildId: string, articleId: string, actor: Actor): Promise<ArticleListing> {
      const stored = live.collectionOf(guildId)?.published.find((s) => s.article.id === articleId) ?? (await guarded(() => store.article(guildId, articleId)));
      if (!stored) throw new ModerationError('unknown-article', articleId.slice(0, 100));
      const change = await guarded(() => store.removeArticle(guildId, articleId, actor));
      await live.waitFor(change.id);
      return listing(guildId, stored);
    },

    async articles(guildId: string): Promise<readonly ArticleListing[]> {
      const stored = await guarded(() => store.articles(guildId));
      return stored.map((s) => listing(guildId, s));
    },

    completeArticles(guildId: string, typed: string, limit: number) {
      const wanted = fold(typed.trim());
      const out: Array<{ articleId: string; title: string }> = [];
      for (const stored of live.collectionOf(guildId)?.published ?? []) {
        const { id, title } = stored.article;
        if (wanted === '' || fold(title).includes(wanted) || id.includes(wanted)) out.push({ articleId: id, title });
        if (out.length >= limit) break;
      }
      return out;
    },

    async addSource(guildId: string, fields: NewSourceFields, actor: Actor): Promise<ListedSource> {
      const source = checkNewSource(fields, sourcesOf(guildId));
      const change = await guarded(() => store.addSource(guildId, source, actor));
      await live.waitFor(change.id);
      return { ...source, collection: 'server' };
    },

    async sources(guildId: string): Promise<readonly ListedSource[]> {
      const added = live.collectionOf(guildId)?.addedSources ?? [];
      return [...live.base.corpus.sources.map((s) => ({ ...s, collection: 'shared' as const })), ...added.map((s) => ({ ...s.source, collection: 'server' as const }))];
    },

    gaps: (guildId: string) => guarded(() => store.gaps(guildId)),
  };
}

/** A store call whose refusals become the moderator's: a known refusal by its code, anything else as `storage-failed`. */
async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ModerationError) throw error;
    if (error instanceof StoreError) {
      if (error.code === 'draft-not-found') throw new ModerationError('draft-not-found');
      if (error.code === 'article-not-found') throw new ModerationError('unknown-article');
      if (error.code === 'source-exists') throw new ModerationError('source-exists');
      if (error.code === 'article-exists') throw new ModerationError('duplicate');
    }
    throw new ModerationError('storage-failed');
  }
}

/** The ingest's refusal in a moderator's terms: an outlet problem or a bad input, without the command line's flags. */
function ingestRefusal(error: IngestError, sources: readonly Source[]): ModerationError {
  const first = error.message.split('\n')[0] ?? error.message;
  const reason = first.replace(/^[^:]*: /, '').replace(/;?\s*(?:pass|or) --.*$/, '').replace(/\s*\(set it with --\w+\)$/, '');
  if (/\b(?:outlet|source)\b/.test(reason)) return new ModerationError('unknown-outlet', `${reason.replace(/\s*\(known:.*$/, '')} (known: ${sources.map((s) => s.short).join(', ')})`);
  return new ModerationError('bad-input', reason);
}

/** An object without its `undefined` fields (the corpus's articles never hold one). */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
