/**
 * A small in-test moderation service and engine source, to test the Discord surface alone: it
 * keeps each server's drafts, articles and outlets in memory, builds an engine over the shared
 * corpus plus a server's articles on every change, and reads inputs the simplest way (UTF-8,
 * paragraphs between blank lines, a `# ` first line as the title). Not the real service
 * (`src/moderation/service.ts`, tested in `live-moderation.test.ts`): what it checks is only what
 * the surface must word (its `ModerationError`s).
 */
import { Engine } from '../../../src/answers/engine.js';
import type { Article, Source } from '../../../src/corpus/types.js';
import type { Gaps } from '../../../src/store/types.js';
import type { EngineSource } from '../../../src/live/engine-source.js';
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
} from '../../../src/moderation/types.js';

interface Guild {
  readonly drafts: Map<string, { article: Article; preview: DraftPreview }>;
  readonly articles: Map<string, { article: Article; by: Actor; at: string }>;
  readonly sources: Source[];
  engine: Engine;
}

/** Every call the surface made, in order, for tests to check who did what. */
export interface Call {
  readonly method: string;
  readonly guildId: string;
  readonly actor?: Actor;
}

/** The fake: a {@link ModerationService} and the {@link EngineSource} it keeps up to date. */
export class FakeModeration implements ModerationService, EngineSource {
  readonly calls: Call[] = [];
  readonly #guilds = new Map<string, Guild>();
  #next = 1;

  constructor(readonly shared: Engine) {}

  engineFor(guildId?: string | null): Engine {
    return (guildId ? this.#guilds.get(guildId)?.engine : undefined) ?? this.shared;
  }

  #guild(guildId: string): Guild {
    let g = this.#guilds.get(guildId);
    if (!g) this.#guilds.set(guildId, (g = { drafts: new Map(), articles: new Map(), sources: [], engine: this.shared }));
    return g;
  }

  #rebuild(g: Guild): void {
    const corpus = this.shared.corpus;
    g.engine = Engine.build({ ...corpus, sources: [...corpus.sources, ...g.sources], articles: [...corpus.articles, ...[...g.articles.values()].map((a) => a.article)] });
  }

  #outlet(g: Guild, typed: string | undefined): Source {
    const all = [...this.shared.corpus.sources, ...g.sources];
    const wanted = (typed ?? '').trim().toLowerCase();
    const found = all.find((s) => [s.id, s.short, s.name].some((n) => n.toLowerCase() === wanted));
    if (!found) throw new ModerationError('unknown-outlet', `${typed ?? ''} (known: ${all.map((s) => s.short).join(', ')})`);
    return found;
  }

  #listing(guildId: string, a: { article: Article; by: Actor; at: string }): ArticleListing {
    const outlet = [...this.shared.corpus.sources, ...this.#guild(guildId).sources].find((s) => s.id === a.article.source)?.short ?? a.article.source;
    return { articleId: a.article.id, title: a.article.title, outlet, published: a.article.published, paragraphCount: a.article.paragraphs.length, publishedBy: a.by, publishedAt: a.at };
  }

  #preview(guildId: string, draftId: string, article: Article, source: Source): DraftPreview {
    const g = this.#guild(guildId);
    const same = [...this.shared.corpus.articles, ...[...g.articles.values()].map((a) => a.article)].find((a) => a.paragraphs.map((p) => p.text).join('\n') === article.paragraphs.map((p) => p.text).join('\n'));
    return {
      draftId,
      guildId,
      articleId: article.id,
      title: article.title,
      outlet: { id: source.id, short: source.short, name: source.name },
      published: article.published,
      language: article.language,
      paragraphCount: article.paragraphs.length,
      firstParagraphs: article.paragraphs.slice(0, 3).map((p) => p.text),
      removed: [{ reason: 'share buttons', text: 'Partager sur Facebook @everyone' }],
      notes: ['title from the first line'],
      warnings: [],
      ...(same ? { duplicate: { articleId: same.id, title: same.title, outlet: source.short, collection: g.articles.has(same.id) ? ('server' as const) : ('shared' as const), kind: 'same-text' as const } } : {}),
      expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    };
  }

  async preview(guildId: string, input: ArticleInput, actor: Actor): Promise<DraftPreview> {
    this.calls.push({ method: 'preview', guildId, actor });
    if (input.kind === 'url') throw new ModerationError('fetch-failed', input.url);
    const text = input.kind === 'text' ? input.text : new TextDecoder('utf-8', { fatal: true }).decode(input.bytes);
    const blocks = text.split(/\n\s*\n/u).map((b) => b.trim()).filter(Boolean);
    const titled = blocks[0]?.startsWith('# ') ? (blocks.shift() ?? '').slice(2) : undefined;
    const title = input.title ?? titled;
    if (!title) throw new ModerationError('bad-input', 'no title found in the text: give one with the title option');
    if (blocks.length === 0) throw new ModerationError('empty');
    const published = input.published ?? '2025-06-18';
    if (!/^\d{4}-\d{2}-\d{2}$/u.test(published)) throw new ModerationError('bad-date', published);
    const g = this.#guild(guildId);
    const source = this.#outlet(g, input.outlet);
    const id = `${published}-${source.id}-${this.#next++}`;
    const article: Article = { id, source: source.id, title, published, language: 'fr', paragraphs: blocks.map((t, i) => ({ n: i + 1, text: t })), file: `server:${guildId}/${id}` };
    const draftId = `draft-${id}`;
    const preview = this.#preview(guildId, draftId, article, source);
    g.drafts.set(draftId, { article, preview });
    return preview;
  }

  async editDraft(guildId: string, draftId: string, edit: DetailsEdit, actor: Actor): Promise<DraftPreview> {
    this.calls.push({ method: 'editDraft', guildId, actor });
    const g = this.#guild(guildId);
    const draft = g.drafts.get(draftId);
    if (!draft) throw new ModerationError('draft-not-found');
    const source = edit.outlet ? this.#outlet(g, edit.outlet) : this.#outlet(g, draft.article.source);
    const article = { ...draft.article, title: edit.title ?? draft.article.title, published: edit.published ?? draft.article.published, source: source.id };
    const preview = this.#preview(guildId, draftId, article, source);
    g.drafts.set(draftId, { article, preview });
    return preview;
  }

  async cancelDraft(guildId: string, draftId: string, actor: Actor): Promise<void> {
    this.calls.push({ method: 'cancelDraft', guildId, actor });
    if (!this.#guild(guildId).drafts.delete(draftId)) throw new ModerationError('draft-not-found');
  }

  async publish(guildId: string, draftId: string, actor: Actor): Promise<ArticleListing> {
    this.calls.push({ method: 'publish', guildId, actor });
    const g = this.#guild(guildId);
    const draft = g.drafts.get(draftId);
    if (!draft) throw new ModerationError('draft-not-found');
    if (draft.preview.duplicate) throw new ModerationError('duplicate', draft.preview.duplicate.articleId);
    g.drafts.delete(draftId);
    const stored = { article: draft.article, by: actor, at: new Date().toISOString() };
    g.articles.set(draft.article.id, stored);
    this.#rebuild(g);
    return this.#listing(guildId, stored);
  }

  async remove(guildId: string, articleId: string, actor: Actor): Promise<ArticleListing> {
    this.calls.push({ method: 'remove', guildId, actor });
    const g = this.#guild(guildId);
    const stored = g.articles.get(articleId);
    if (!stored) throw new ModerationError('unknown-article', articleId);
    g.articles.delete(articleId);
    this.#rebuild(g);
    return this.#listing(guildId, stored);
  }

  async articles(guildId: string): Promise<readonly ArticleListing[]> {
    return [...this.#guild(guildId).articles.values()].reverse().map((a) => this.#listing(guildId, a));
  }

  completeArticles(guildId: string, typed: string, limit: number): readonly { readonly articleId: string; readonly title: string }[] {
    const wanted = typed.trim().toLowerCase();
    return [...this.#guild(guildId).articles.values()]
      .filter((a) => a.article.title.toLowerCase().includes(wanted) || a.article.id.includes(wanted))
      .slice(0, limit)
      .map((a) => ({ articleId: a.article.id, title: a.article.title }));
  }

  async addSource(guildId: string, fields: NewSourceFields, actor: Actor): Promise<ListedSource> {
    this.calls.push({ method: 'addSource', guildId, actor });
    const g = this.#guild(guildId);
    const id = fields.short.toLowerCase().replace(/[^a-z0-9]+/gu, '-');
    if ([...this.shared.corpus.sources, ...g.sources].some((s) => s.id === id)) throw new ModerationError('source-exists', fields.short);
    const source: Source = { id, name: fields.name, short: fields.short, kind: fields.kind, ownership: fields.ownership, color: fields.color, ...(fields.url ? { url: fields.url } : {}) };
    g.sources.push(source);
    this.#rebuild(g);
    return { ...source, collection: 'server' };
  }

  async sources(guildId: string): Promise<readonly ListedSource[]> {
    return [...this.shared.corpus.sources.map((s) => ({ ...s, collection: 'shared' as const })), ...this.#guild(guildId).sources.map((s) => ({ ...s, collection: 'server' as const }))];
  }

  /** What `gaps` answers, per server (tests set it); nothing by default. */
  readonly gapsByGuild = new Map<string, Gaps>();

  async gaps(guildId: string): Promise<Gaps> {
    this.calls.push({ method: 'gaps', guildId });
    return this.gapsByGuild.get(guildId) ?? { unanswered: [], downVoted: [] };
  }
}
