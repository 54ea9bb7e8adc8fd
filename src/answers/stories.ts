/**
 * The stories of a knowledge base: its articles grouped by event (story-grouping.ts), and the
 * scope other answers restrict themselves to so that they never mix two events
 * ({@link storyScope}).
 *
 * Grouping a base of 5 000 articles takes a fraction of a second, and a knowledge base is
 * composed again at every publish (knowledge/compose.ts). So the base's stories are grouped once,
 * kept with its first segment (shared by every composition over it), and a composition's few new
 * articles are only assigned to them: each joins a base story or a new one, as the grouping
 * would, without regrouping the base. When the new articles are more than a small share of the
 * base, the statistics the grouping weighs words with move too, and the whole composition is
 * grouped again instead; a small corpus is then always grouped in one piece, so that a
 * composition groups exactly as a base built over the same articles.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { KnowledgeSegment } from '../knowledge/knowledge-segment.js';
import { directoryOf } from '../knowledge/segment-names.js';
import { FIELD_ID } from '../search/postings.js';
import { finishNow, type Stepwise } from '../text/stepwise.js';
import { dayOf, segmentFeatures, segmentIdf, storyIdf, type ArticleFeatures } from './story-features.js';
import { articleIds, freeze, frozenDot, thaw, type FrozenStory } from './story-frozen.js';
import { bestStory, groupArticles, groupingOrder, isOpenOn, labelOf, labelTerms, STORY_RULES, StoryState, type StoryShape } from './story-grouping.js';

/** One story: an event and the articles about it. */
export interface Story {
  /** Its position in {@link Stories.list}: stories are numbered as they start, oldest first (a composition's new ones after its base's). */
  readonly id: number;
  /** Its articles, as positions in the corpus's articles, oldest first. */
  readonly articles: readonly number[];
  /** Index terms (stems) most of its articles share, most shared first: what its label is made of. */
  readonly terms: readonly string[];
}

/** Every story of a knowledge base. */
export interface Stories {
  readonly list: readonly Story[];
  /** The story of each article, by its position in the corpus's articles. */
  readonly ofArticle: Int32Array;
}

/**
 * New articles a composition may hold, as a share of its base's, and still be assigned to the
 * base's stories rather than grouped with them again: up to 2 %, the words' rarity (idf) moves
 * by at most log(1.02) ≈ 0.02, well inside the grouping's margins.
 */
export const INCREMENTAL_SHARE = 0.02;

/** A base's stories, kept with its first segment. */
interface BaseStories {
  readonly stories: Stories;
  readonly frozen: readonly FrozenStory[];
  /** Story ids by their last day, ascending: the stories open on a day are found by bisection. */
  readonly byLast: Int32Array;
}

const byBase = new WeakMap<KnowledgeSegment, BaseStories>();
const byComposition = new WeakMap<KnowledgeBase, Stories>();

/** The stories of a knowledge base, grouped once per base and once per composition. */
export function storiesOf(kb: KnowledgeBase): Stories {
  return finishNow(storiesSteps(kb));
}

/** {@link storiesOf} in steps: a composition's new articles are assigned one step each. */
function* storiesSteps(kb: KnowledgeBase): Stepwise<Stories> {
  const [first] = kb.segments;
  if (!first) return { list: [], ofArticle: new Int32Array(0) };
  if (kb.segments.length === 1) return baseStoriesOf(first, kb).stories;
  let stories = byComposition.get(kb);
  if (!stories) {
    const added = kb.corpus.articles.length - first.articles.length;
    stories = added <= INCREMENTAL_SHARE * first.articles.length ? yield* assignNewSteps(kb, baseStoriesOf(first, kb)) : groupWhole(kb);
    byComposition.set(kb, stories);
  }
  return stories;
}

/**
 * Groups the stories ahead of the first answer that needs them (a base's at start-up, a
 * composition's before it is put in place), so that no `/compare` or `/stories` pays for it. In
 * steps, to run cooperatively: a server's composition is made at every publish, and assigning its
 * articles to stories in one piece held queries up (tens of milliseconds at 100 000 paragraphs
 * once a server has published a few dozen articles).
 */
export function* prepareStoriesSteps(kb: KnowledgeBase): Stepwise<void> {
  yield* storiesSteps(kb);
}

/** The story a paragraph's article belongs to. */
export function storyOfDoc(kb: KnowledgeBase, docId: number): Story | undefined {
  const stories = storiesOf(kb);
  const article = kb.index.docArticle[docId];
  const story = article === undefined ? undefined : stories.ofArticle[article];
  return story === undefined ? undefined : stories.list[story];
}

/** A paragraph that counts towards the story a topic belongs to, with how well it matches the topic. */
export interface ScoredDoc {
  readonly doc: number;
  /** How much of the topic it holds, comparable across outlets (e.g. coverage.ts's share). */
  readonly score: number;
}

/**
 * Paragraphs within this share of the best one's score are the topic's best matches: a paragraph
 * holding every word of the topic outweighs any number holding one of its words.
 */
export const BEST_MATCH_SHARE = 0.8;

/**
 * The story a topic belongs to, from paragraphs matching it (any answer's candidates): among the
 * best matches ({@link BEST_MATCH_SHARE}), the story the most outlets' paragraphs belong to, so
 * that the event several outlets cover wins over one outlet's many mentions; then the story
 * whose outlets' best paragraphs weigh most; then the older story. Undefined without paragraphs.
 */
export function storyScope(kb: KnowledgeBase, docs: readonly ScoredDoc[]): Story | undefined {
  const stories = storiesOf(kb);
  const top = Math.max(0, ...docs.map((d) => d.score));
  const best = new Map<number, Map<number, number>>();
  for (const { doc, score } of docs) {
    const story = stories.ofArticle[kb.index.docArticle[doc] ?? -1];
    if (story === undefined || story < 0 || score < BEST_MATCH_SHARE * top) continue;
    const outlets = best.get(story) ?? new Map<number, number>();
    const source = kb.index.docSource[doc] ?? -1;
    outlets.set(source, Math.max(outlets.get(source) ?? 0, score));
    best.set(story, outlets);
  }
  let chosen: { story: number; outlets: number; weight: number } | undefined;
  for (const [story, outlets] of best) {
    const weight = [...outlets.values()].reduce((sum, v) => sum + v, 0);
    const better = !chosen || outlets.size > chosen.outlets || (outlets.size === chosen.outlets && (weight > chosen.weight || (weight === chosen.weight && story < chosen.story)));
    if (better) chosen = { story, outlets: outlets.size, weight };
  }
  return chosen === undefined ? undefined : stories.list[chosen.story];
}

/** The base's stories, grouped on first need with the base segment's own statistics (so the same in every composition over it). */
function baseStoriesOf(segment: KnowledgeSegment, kb: KnowledgeBase): BaseStories {
  let base = byBase.get(segment);
  if (base) return base;
  const sources = new Map(segment.sources.map((s, i) => [s.id, i]));
  // The base's own directory: a composition's reads the base's paragraphs with its new names too.
  const { entitiesOf } = kb.segments.length === 1 ? kb : directoryOf([{ names: segment.names, docs: segment.index.docs }], kb.corpus.aliases);
  const features = segmentFeatures(segment, { firstArticle: 0, sourceOf: (id) => sources.get(id) ?? -1, idf: segmentIdf(segment), entitiesOf, aliases: kb.corpus.aliases });
  const states = groupArticles(features);
  const frozen = states.map((state) => freeze(state, features));
  const byLast = Int32Array.from(frozen.keys()).sort((a, b) => (frozen[a] as FrozenStory).last - (frozen[b] as FrozenStory).last || a - b);
  base = { stories: storiesFrom(frozen.map((f) => ({ articles: f.members, terms: f.label })), segment.articles.length), frozen, byLast };
  byBase.set(segment, base);
  return base;
}

/** Features of the articles of every segment, weighed with the composition's rarity of words. */
function compositionFeatures(kb: KnowledgeBase): ArticleFeatures[] {
  const sources = new Map(kb.corpus.sources.map((s, i) => [s.id, i]));
  const idf = corpusIdf(kb.segments);
  const out: ArticleFeatures[] = [];
  let firstArticle = 0;
  let firstDoc = 0;
  kb.segments.forEach((segment) => {
    const docStart = firstDoc;
    const entitiesOf = (local: number) => kb.entitiesOf(docStart + local);
    out.push(...segmentFeatures(segment, { firstArticle, sourceOf: (id) => sources.get(id) ?? -1, idf, entitiesOf, aliases: kb.corpus.aliases }));
    firstArticle += segment.articles.length;
    firstDoc += segment.index.docs.length;
  });
  return out;
}

/** A live segment's features, as first read, and the article and outlet positions they were read with. */
interface HeldFeatures {
  readonly firstArticle: number;
  /** The outlets' ids in the order of the corpus's sources: what the features' `source` positions refer to. */
  readonly sources: string;
  readonly features: readonly ArticleFeatures[];
}

const liveFeatures = new WeakMap<KnowledgeSegment, HeldFeatures>();

/**
 * The features of a composition's segments after its base, each segment read once: every
 * publish composes again over the same live segments, and reading a merged segment of a few
 * hundred paragraphs costs tens of milliseconds. So a live segment's words are weighed with the
 * rarity of the base and that segment together, not of the whole composition: the other live
 * segments are at most {@link INCREMENTAL_SHARE} of the base and move it by less than the
 * grouping's margins, and a segment's features then depend on it and its base alone. Its people
 * are the surnames the first composition holding it names (story-features.ts personKey), which
 * every later directory merging their spellings still gives.
 */
function liveSegmentFeatures(kb: KnowledgeBase): ArticleFeatures[] {
  const base = kb.segments[0] as KnowledgeSegment;
  const { sources, aliases } = kb.corpus;
  const outlets = sources.map((s) => s.id).join('\n');
  const out: ArticleFeatures[] = [];
  let firstArticle = base.articles.length;
  let firstDoc = base.index.docs.length;
  for (const segment of kb.segments.slice(1)) {
    let held = liveFeatures.get(segment);
    if (!held || held.sources !== outlets) {
      const docStart = firstDoc;
      const positions = new Map(sources.map((s, i) => [s.id, i]));
      const features = segmentFeatures(segment, { firstArticle, sourceOf: (id) => positions.get(id) ?? -1, idf: pairIdf(base, segment), entitiesOf: (local) => kb.entitiesOf(docStart + local), aliases });
      liveFeatures.set(segment, (held = { firstArticle, sources: outlets, features }));
    }
    const shift = firstArticle - held.firstArticle;
    out.push(...(shift === 0 ? held.features : held.features.map((f) => ({ ...f, article: f.article + shift }))));
    firstArticle += segment.articles.length;
    firstDoc += segment.index.docs.length;
  }
  return out;
}

/** {@link storyIdf} over a base and one live segment together. */
function pairIdf(base: KnowledgeSegment, segment: KnowledgeSegment): (term: string) => number {
  const n = base.index.postings.docCount + segment.index.postings.docCount;
  return (term) => storyIdf(base.index.postings.documentFrequency(term, FIELD_ID.text) + segment.index.postings.documentFrequency(term, FIELD_ID.text), n);
}

/** The rarity of a word over every segment together ({@link storyIdf} of one index over all their paragraphs). */
function corpusIdf(segments: readonly KnowledgeSegment[]): (term: string) => number {
  const n = segments.reduce((sum, s) => sum + s.index.postings.docCount, 0);
  return (term) => storyIdf(segments.reduce((sum, s) => sum + s.index.postings.documentFrequency(term, FIELD_ID.text), 0), n);
}

/** A composition grouped in one piece, as a base built over the same articles would be. */
function groupWhole(kb: KnowledgeBase): Stories {
  const features = compositionFeatures(kb);
  const states = groupArticles(features);
  return storiesFrom(
    states.map((s) => ({ articles: s.members.map((m) => (features[m] as ArticleFeatures).article), terms: labelOf(s) })),
    kb.corpus.articles.length,
  );
}

/**
 * A composition's new articles assigned, oldest first, to the base's stories open on their day
 * or to new ones, by the grouping's own rule ({@link bestStory}). A base story an article joins
 * is thawed for this composition; the base's stay as they are.
 */
function* assignNewSteps(kb: KnowledgeBase, base: BaseStories): Stepwise<Stories> {
  const postings = (kb.segments[0] as KnowledgeSegment).index.postings;
  const features = liveSegmentFeatures(kb);
  yield;
  const thawed = new Map<number, StoryState>();
  const added: StoryState[] = [];
  const baseCount = base.frozen.length;
  for (const position of groupingOrder(features)) {
    const f = features[position] as ArticleFeatures;
    const ids = articleIds(f, postings);
    const candidates = [...openBaseStories(base, f.day), ...added.flatMap((s, i) => (isOpenOn(s, f.day) ? [baseCount + i] : []))];
    const stateOf = (s: number): StoryState | undefined => (s < baseCount ? thawed.get(s) : added[s - baseCount]);
    const scoredOf = (s: number): { story: StoryShape; dot: number } => {
      const state = stateOf(s);
      if (state) return { story: state, dot: state.dot(f) };
      const frozen = base.frozen[s] as FrozenStory;
      return { story: frozen, dot: frozenDot(frozen, ids) };
    };
    const scored = new Map(candidates.map((s) => [s, scoredOf(s)] as const));
    const chosen = bestStory(f, candidates, (s) => (scored.get(s) as { story: StoryShape }).story, (s) => scored.get(s)?.dot ?? 0);
    if (chosen === undefined) {
      const story = new StoryState();
      story.add(f, position, 0);
      added.push(story);
      yield;
      continue;
    }
    let state = stateOf(chosen);
    if (!state) thawed.set(chosen, (state = thaw(base.frozen[chosen] as FrozenStory, postings)));
    state.add(f, position, scored.get(chosen)?.dot ?? 0);
    yield;
  }
  const articleOf = (m: number) => (features[m] as ArticleFeatures).article;
  const days = kb.corpus.articles.map((a) => dayOf(a.published));
  const oldestFirst = (list: readonly number[]) => [...list].sort((a, b) => (days[a] as number) - (days[b] as number) || a - b);
  const stories = [
    ...base.frozen.map((frozen, s) => {
      const joined = thawed.get(s);
      if (!joined) return { articles: frozen.members, terms: frozen.label };
      const articles = oldestFirst([...frozen.members, ...joined.members.map(articleOf)]);
      return { articles, terms: labelTerms(joined.centroid(), articles.length) };
    }),
    ...added.map((s) => ({ articles: oldestFirst(s.members.map(articleOf)), terms: labelOf(s) })),
  ];
  return storiesFrom(stories, kb.corpus.articles.length);
}

/** Ids of the base stories open on a day: those whose last day is within the window before it, and that start within the window after it. */
function openBaseStories(base: BaseStories, day: number): number[] {
  const { byLast, frozen } = base;
  let low = 0;
  let high = byLast.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((frozen[byLast[mid] as number] as FrozenStory).last < day - STORY_RULES.windowDays) low = mid + 1;
    else high = mid;
  }
  const open: number[] = [];
  for (let i = low; i < byLast.length; i++) {
    const s = byLast[i] as number;
    if ((frozen[s] as FrozenStory).first <= day + STORY_RULES.windowDays) open.push(s);
  }
  return open.sort((a, b) => a - b);
}

/** Stories from their members (article positions) and labels, numbered in the order given. */
function storiesFrom(stories: ReadonlyArray<Omit<Story, 'id'>>, articleCount: number): Stories {
  const ofArticle = new Int32Array(articleCount).fill(-1);
  const list = stories.map(({ articles, terms }, id) => {
    for (const a of articles) ofArticle[a] = id;
    return { id, articles, terms };
  });
  return { list, ofArticle };
}
