/**
 * Whether a draft repeats or republishes an article a server already sees: the ingest's duplicate
 * check (`src/corpus/duplicates.ts`) over the shared collection, prepared once per process, and over
 * the server's own articles, prepared per check (a server holds few).
 */
import { DuplicateIndex, type IncomingArticle } from '../corpus/duplicates.js';
import type { Article, Source } from '../corpus/types.js';
import type { RelatedArticle } from './types.js';

/** What the check found. */
export interface Related {
  readonly duplicate?: RelatedArticle & { readonly kind: 'same-url' | 'same-text' };
  readonly syndicationOf?: RelatedArticle;
}

/** The duplicate check of one process. */
export class RelatedFinder {
  private shared: DuplicateIndex | undefined;

  constructor(private readonly sharedArticles: readonly Article[]) {}

  /** The article `incoming` repeats (refused), else the one it republishes, among the shared and the server's articles. */
  find(incoming: IncomingArticle, serverArticles: readonly Article[], sources: readonly Source[]): Related {
    this.shared ??= new DuplicateIndex(this.sharedArticles);
    const server = new DuplicateIndex(serverArticles);
    const byId = new Map<string, { article: Article; collection: 'shared' | 'server' }>();
    for (const a of this.sharedArticles) byId.set(a.id, { article: a, collection: 'shared' });
    for (const a of serverArticles) byId.set(a.id, { article: a, collection: 'server' });
    const describe = (id: string): RelatedArticle => {
      const found = byId.get(id);
      const outlet = sources.find((s) => s.id === found?.article.source)?.short ?? found?.article.source ?? '?';
      return { articleId: id, title: found?.article.title ?? id, outlet, collection: found?.collection ?? 'shared' };
    };
    const same = this.shared.sameArticle(incoming) ?? server.sameArticle(incoming);
    if (same) return { duplicate: { ...describe(same.id), kind: same.kind } };
    const copy = this.shared.syndication(incoming) ?? server.syndication(incoming);
    return copy ? { syndicationOf: describe(copy.of) } : {};
  }
}
