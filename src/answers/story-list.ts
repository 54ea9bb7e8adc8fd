/**
 * `stories`: the collection's articles grouped by event (stories.ts), most recent first, each
 * with the words its articles share, the people several of them name, its dates, the outlets
 * covering it (how many articles, and the first one to read), and the outlets of the collection
 * that have no article in it at all: a statement true by construction, over the whole collection.
 */
import type { Article } from '../corpus/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { storiesOf, type Story } from './stories.js';
import { LIST_LIMIT, type StoriesAnswer, type StoryOutlet, type StoryRef, type StorySummary } from './types.js';

/** People named on a story's line at most. */
const STORY_PEOPLE = 3;
/** Articles of a story whose names are read for its people: the oldest, enough to find who the event is about. */
const PEOPLE_FROM_ARTICLES = 40;

/** Each knowledge base's answer: it reads only the base, which never changes (a publish composes another). */
const answered = new WeakMap<KnowledgeBase, StoriesAnswer>();

/**
 * The stories of two articles or more, most recent first, at most {@link LIST_LIMIT}. Made once
 * per knowledge base (30 ms at 100 000 paragraphs), then given as made.
 */
export function storiesAnswer(kb: KnowledgeBase): StoriesAnswer {
  let answer = answered.get(kb);
  if (!answer) answered.set(kb, (answer = listStories(kb)));
  return answer;
}

function listStories(kb: KnowledgeBase): StoriesAnswer {
  const { list } = storiesOf(kb);
  const several = list.filter((s) => s.articles.length >= 2);
  const lastOf = (s: Story) => publishedOf(kb, s.articles[s.articles.length - 1]);
  // Most recent first; on the same day, the story more outlets cover; then the older story.
  const ranked = several
    .map((story) => ({ story, last: lastOf(story), outlets: new Set(story.articles.map((a) => kb.corpus.articles[a]?.source)).size }))
    .sort((a, b) => (a.last < b.last ? 1 : a.last > b.last ? -1 : 0) || b.outlets - a.outlets || a.story.id - b.story.id);
  const outletIds = new Set(kb.corpus.articles.map((a) => a.source));
  return {
    kind: 'stories',
    stories: ranked.slice(0, LIST_LIMIT).map(({ story }) => summaryOf(kb, story)),
    total: several.length,
    single: list.length - several.length,
    outletCount: kb.corpus.sources.filter((s) => outletIds.has(s.id)).length,
  };
}

/** How an answer names a story: its shared words, dates and size. */
export function storyRef(kb: KnowledgeBase, story: Story): StoryRef {
  return {
    id: story.id,
    words: story.terms.map((t) => kb.index.surfaceOf(t)),
    from: publishedOf(kb, story.articles[0]),
    to: publishedOf(kb, story.articles[story.articles.length - 1]),
    articleCount: story.articles.length,
  };
}

function summaryOf(kb: KnowledgeBase, story: Story): StorySummary {
  const articles = story.articles.map((a) => kb.corpus.articles[a]).filter((a): a is Article => a !== undefined);
  const outlets: StoryOutlet[] = [];
  for (const source of kb.corpus.sources) {
    const own = articles.filter((a) => a.source === source.id);
    const [first] = own;
    if (!first) continue;
    outlets.push({
      sourceId: source.id,
      outlet: source.short,
      outletName: source.name,
      color: source.color,
      articles: own.length,
      first: { articleId: first.id, title: first.title, published: first.published, ...(first.url ? { url: first.url } : {}) },
    });
  }
  outlets.sort((a, b) => b.articles - a.articles);
  const covering = new Set(outlets.map((o) => o.sourceId));
  const withArticles = new Set(kb.corpus.articles.map((a) => a.source));
  return {
    ...storyRef(kb, story),
    people: peopleOf(kb, articles.slice(0, PEOPLE_FROM_ARTICLES)),
    outlets,
    notCoveredBy: kb.corpus.sources.filter((s) => withArticles.has(s.id) && !covering.has(s.id)).map((s) => s.short),
  };
}

/** People named in two or more of the articles (in one, for a story of one article), most articles first, then most mentions. */
function peopleOf(kb: KnowledgeBase, articles: readonly Article[]): string[] {
  const tally = new Map<string, { name: string; articles: number; mentions: number }>();
  for (const article of articles) {
    const seen = new Set<string>();
    for (const p of article.paragraphs) {
      const doc = kb.paragraph(article.id, p.n);
      if (!doc) continue;
      for (const { entity } of kb.entitiesOf(doc.id)) {
        if (entity.kind !== 'person') continue;
        const t = tally.get(entity.key) ?? { name: entity.name, articles: 0, mentions: 0 };
        t.mentions++;
        if (!seen.has(entity.key)) t.articles++;
        seen.add(entity.key);
        tally.set(entity.key, t);
      }
    }
  }
  const floor = articles.length >= 2 ? 2 : 1;
  return [...tally.values()]
    .filter((t) => t.articles >= floor)
    .sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || a.name.localeCompare(b.name, 'fr'))
    .slice(0, STORY_PEOPLE)
    .map((t) => t.name);
}

function publishedOf(kb: KnowledgeBase, article: number | undefined): string {
  return (article === undefined ? undefined : kb.corpus.articles[article]?.published) ?? '';
}
