/**
 * A base's stories kept compact between compositions: each story's centroid as sorted term ids
 * of the base segment's vocabulary (its posting lists' term order) with their weights, instead of
 * a map per story. A composition's few new articles are compared with them by merging two sorted
 * lists, and a story a new article joins is thawed back into a {@link StoryState} for that
 * composition only: the frozen stories are shared by every composition over the base, never changed.
 */
import type { Postings } from '../search/postings.js';
import type { ArticleFeatures } from './story-features.js';
import { labelOf, StoryState, type StoryShape } from './story-grouping.js';

/** One base story, frozen. */
export interface FrozenStory extends StoryShape {
  /** Base vocabulary ids of the centroid's terms, ascending. */
  readonly termIds: Int32Array;
  /** Summed member weights, same order. */
  readonly weights: Float64Array;
  /** How many members hold each term among their heaviest, same order. */
  readonly holders: Uint32Array;
  /** The terms of its label (see labelTerms). */
  readonly label: readonly string[];
  /** Members, as article positions in the corpus, in grouping order. */
  readonly members: readonly number[];
}

/**
 * Freezes a grouped story whose members are positions in `features`, the features of the base
 * segment's articles (so the centroid's term ids are the base's).
 */
export function freeze(state: StoryState, features: readonly ArticleFeatures[]): FrozenStory {
  const { ids, weights, holders } = state.byId();
  return {
    termIds: ids,
    weights,
    holders,
    label: labelOf(state),
    norm2: state.norm2,
    people: state.people,
    places: state.places,
    members: state.members.map((m) => (features[m] as ArticleFeatures).article),
    first: state.first,
    last: state.last,
  };
}

/** An article's terms as base vocabulary ids, ascending, with their weights (terms the base never has left out). */
export interface ArticleIds {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/** {@link ArticleIds} of an article. */
export function articleIds(f: ArticleFeatures, postings: Postings): ArticleIds {
  const entries = f.terms.map((t, i) => ({ id: postings.termId(t), weight: f.weights[i] as number })).filter((e) => e.id >= 0);
  entries.sort((a, b) => a.id - b.id);
  return { ids: Int32Array.from(entries, (e) => e.id), weights: Float64Array.from(entries, (e) => e.weight) };
}

/** The dot product of an article with a frozen centroid: two sorted lists merged. */
export function frozenDot(story: FrozenStory, article: ArticleIds): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  const a = article.ids;
  const b = story.termIds;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) sum += (article.weights[i++] as number) * (story.weights[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/**
 * A frozen story as a {@link StoryState} again, with the base's terms by name, for the
 * composition an article joins it in. Its members are not copied: the state's members are then
 * only the new articles that join it (the frozen story keeps the base's).
 */
export function thaw(story: FrozenStory, postings: Postings): StoryState {
  const state = new StoryState();
  story.termIds.forEach((id, i) => state.addTerm(postings.terms[id] as string, id, story.weights[i] as number, story.holders[i] as number));
  state.norm2 = story.norm2;
  for (const [p, n] of story.people) state.people.set(p, n);
  for (const [p, n] of story.places) state.places.set(p, n);
  state.first = story.first;
  state.last = story.last;
  return state;
}
