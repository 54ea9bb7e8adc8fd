/**
 * Whether a draft repeats or republishes an article a server already sees, shared or its own: the
 * ingest's rules (`src/corpus/duplicates.ts`: the same address, the same text, or a near-duplicate
 * of another outlet's text), applied to the few articles of the server's engine whose paragraphs
 * are closest to the draft's rarest words rather than to every article. A copy shares nearly all
 * its words with its original, so the original is among the closest; reading every article
 * instead cost half a second per preview at 100 000 paragraphs, and keeping them all prepared,
 * seconds at start and hundreds of megabytes.
 */
import { comparableWords, isNearDuplicate, overlap, shingles, urlKey, type IncomingArticle } from '../corpus/duplicates.js';
import { collectionOf, type Article, type Source } from '../corpus/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { terms, type Language } from '../text/analyser.js';
import { finishYielding, type Stepwise } from '../text/stepwise.js';
import type { RelatedArticle } from './types.js';

/** What the check found. */
export interface Related {
  readonly duplicate?: RelatedArticle & { readonly kind: 'same-url' | 'same-text' };
  readonly syndicationOf?: RelatedArticle;
}

/** The draft's rarest words searched for: enough that a copy's original ranks first, few enough to stay a quick search. */
const SEARCHED_TERMS = 32;

/** Closest articles compared with the draft in full: a copy's original ranks first, another copy of it next. */
const CANDIDATES = 5;

/**
 * The article `incoming` repeats (refused), else the one it republishes, among the articles of
 * `kb` (the server's engine: the shared collection and the server's own). `language` is the
 * draft's, for its words to be read as the index reads them. In steps (the search, then each
 * candidate's comparison), run cooperatively: at a preview and again at Publish, it was a piece
 * of 24 ms during which members' queries waited (at 100 000 paragraphs).
 */
export function* findRelatedSteps(kb: KnowledgeBase, incoming: IncomingArticle, language: Language, sources: readonly Source[]): Stepwise<Related> {
  const describe = (article: Article): RelatedArticle => ({
    articleId: article.id,
    title: article.title,
    outlet: sources.find((s) => s.id === article.source)?.short ?? article.source,
    collection: collectionOf(article),
  });
  const byUrl = urlsOf(kb.corpus.articles);
  for (const url of incoming.urls) {
    const key = urlKey(url);
    const found = key === undefined ? undefined : byUrl.get(key);
    if (found) return { duplicate: { ...describe(found), kind: 'same-url' } };
  }
  const words = comparableWords(incoming.paragraphs.map((p) => p.text).join('\n'));
  const text = words.join(' ');
  const mine = shingles(words);
  yield;
  const candidates = closestArticles(kb, incoming, language);
  let best: { article: Article; jaccard: number } | undefined;
  for (const article of candidates) {
    yield;
    const { text: theirText, shingles: theirs } = comparableOf(article);
    if (theirText === text) return { duplicate: { ...describe(article), kind: 'same-text' } };
    if (article.source === incoming.source) continue;
    const o = overlap(mine, theirs);
    if (isNearDuplicate(o, Math.min(mine.size, theirs.size)) && (best === undefined || o.jaccard > best.jaccard)) best = { article, jaccard: o.jaccard };
  }
  if (!best) return {};
  // A copy of a copy points at the original, so the chain stays one step long.
  const original = best.article.syndication_of;
  const of = original === undefined ? best.article : (kb.corpus.articles.find((a) => a.id === original) ?? best.article);
  return { syndicationOf: describe(of) };
}

/** Comparable texts of articles compared lately: a moderator previews, edits, then publishes the same draft. */
const comparables = new Map<Article, { readonly text: string; readonly shingles: ReadonlySet<number> }>();
const COMPARABLES_KEPT = 64;

function comparableOf(article: Article): { readonly text: string; readonly shingles: ReadonlySet<number> } {
  let found = comparables.get(article);
  if (!found) {
    const words = comparableWords(article.paragraphs.map((p) => p.text).join('\n'));
    found = { text: words.join(' '), shingles: shingles(words) };
    if (comparables.size >= COMPARABLES_KEPT) comparables.delete(comparables.keys().next().value as Article);
    comparables.set(article, found);
  }
  return found;
}

/** The articles whose paragraphs hold most of the draft's rarest words, closest first. */
function closestArticles(kb: KnowledgeBase, incoming: IncomingArticle, language: Language): Article[] {
  const distinct = new Set(incoming.paragraphs.flatMap((p) => terms(p.text, language)));
  const searched = [...distinct]
    .filter((t) => kb.index.documentFrequency(t) > 0)
    .map((t) => ({ t, idf: kb.index.idf(t) }))
    .sort((a, b) => b.idf - a.idf || (a.t < b.t ? -1 : 1))
    .slice(0, SEARCHED_TERMS)
    .map((x) => x.t);
  if (searched.length === 0) return [];
  const found = kb.index.match(searched, { fuzzy: false });
  const byArticle = new Map<Article, number>();
  for (let i = 0; i < found.count; i++) {
    const doc = kb.index.docs[found.docs[i] as number];
    if (doc) byArticle.set(doc.article, (byArticle.get(doc.article) ?? 0) + (found.scores[i] as number));
  }
  return [...byArticle]
    .sort((a, b) => b[1] - a[1] || (a[0].id < b[0].id ? -1 : 1))
    .slice(0, CANDIDATES)
    .map(([article]) => article);
}

/** Address keys of the articles, per article list (a server's engine changes at each publish; its articles mostly do not). */
const urlLists = new WeakMap<readonly Article[], ReadonlyMap<string, Article>>();
const urlKeys = new WeakMap<Article, string | null>();

function urlsOf(articles: readonly Article[]): ReadonlyMap<string, Article> {
  let map = urlLists.get(articles);
  if (!map) {
    const made = new Map<string, Article>();
    for (const article of articles) {
      let key = urlKeys.get(article);
      if (key === undefined) urlKeys.set(article, (key = article.url === undefined ? null : (urlKey(article.url) ?? null)));
      if (key !== null && !made.has(key)) made.set(key, article);
    }
    urlLists.set(articles, (map = made));
  }
  return map;
}

/** Checks remembered per engine: the one at a preview, asked again at Publish of the same draft. */
const checksByEngine = new WeakMap<KnowledgeBase, Map<string, Related>>();
const CHECKS_KEPT = 16;

/**
 * {@link findRelatedSteps}, run cooperatively, or its result from the last time the same draft was
 * checked against the same engine: the check is a function of the two, and when nothing was
 * published meanwhile, Publish's check is the preview's (at 100 000 paragraphs, about 20 ms of
 * the serving thread each time).
 */
export async function findRelated(kb: KnowledgeBase, incoming: IncomingArticle, language: Language, sources: readonly Source[]): Promise<Related> {
  const key = JSON.stringify([incoming.source, incoming.urls, incoming.paragraphs.map((p) => p.text), language, sources.map((s) => [s.id, s.short])]);
  let checks = checksByEngine.get(kb);
  const known = checks?.get(key);
  if (known) return known;
  const found = await finishYielding(findRelatedSteps(kb, incoming, language, sources));
  if (!checks) checksByEngine.set(kb, (checks = new Map()));
  if (checks.size >= CHECKS_KEPT) checks.delete(checks.keys().next().value as string);
  checks.set(key, found);
  return found;
}
