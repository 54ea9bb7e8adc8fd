/** `sources`: the outlets and articles the corpus holds. */
import { collectionOf, type Corpus } from '../corpus/types.js';
import type { SourcesAnswer } from './types.js';

/** Lists every outlet with its articles (newest first), their paragraph counts and the collection each belongs to. */
export function sources(corpus: Corpus): SourcesAnswer {
  const outlets = corpus.sources.map((s) => ({
    sourceId: s.id,
    outlet: s.short,
    outletName: s.name,
    kind: s.kind,
    ownership: s.ownership,
    color: s.color,
    ...(s.url ? { url: s.url } : {}),
    articles: corpus.articles
      .filter((a) => a.source === s.id)
      .sort((a, b) => b.published.localeCompare(a.published) || a.id.localeCompare(b.id))
      .map((a) => ({ id: a.id, title: a.title, published: a.published, paragraphs: a.paragraphs.length, collection: collectionOf(a), ...(a.url ? { url: a.url } : {}) })),
  }));
  return {
    kind: 'sources',
    outlets,
    articleCount: corpus.articles.length,
    serverArticleCount: corpus.articles.filter((a) => collectionOf(a) === 'server').length,
    paragraphCount: corpus.articles.reduce((n, a) => n + a.paragraphs.length, 0),
  };
}
