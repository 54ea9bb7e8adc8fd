/**
 * Grouping articles into stories: one event, covered by one or several outlets over a few days.
 *
 * Articles are taken oldest first. Each joins the open story it is most like, or starts one:
 * - a story is open to an article published within {@link STORY_RULES.windowDays} days of one of
 *   its articles;
 * - likeness is the cosine between the article's words and the sum of the story's articles'
 *   words (its centroid), each article weighed by its own heaviest words (story-features.ts);
 * - a person or a place the story already names adds a little, but only to an article whose words
 *   are already close: a minister who appears in a fire and in a diplomatic visit does not make
 *   them one story, since the words of the two events are not alike.
 *
 * Comparing with the centroid rather than with the closest article keeps a story on its event:
 * a chain of articles each a little like the last does not drift from a fire to another fire.
 * The result depends only on the features and their order, so it is deterministic.
 */
import type { ArticleFeatures } from './story-features.js';

/** The thresholds of the grouping (see the module comment); chosen on test/fixtures/stories, see test/answers/stories-grouping.test.ts. */
export const STORY_RULES = {
  /** An article joins a story only when published within this many days of one of its articles. */
  windowDays: 7,
  /** Cosine with the story below which nothing else counts. */
  minText: 0.12,
  /** Likeness (cosine plus the bonuses) from which an article joins a story. */
  join: 0.22,
  /** Added for naming a person the story names. */
  personBonus: 0.05,
  /** Added for naming a place the story names. */
  placeBonus: 0.03,
} as const;

/** What the likeness of an article to a story reads: a story being grouped, or a base's frozen one (story-frozen.ts). */
export interface StoryShape {
  /** Squared norm of the story's centroid. */
  readonly norm2: number;
  /** Days of its oldest and newest articles. */
  readonly first: number;
  readonly last: number;
  /** The people and places its articles name, with how many name each. */
  readonly people: ReadonlyMap<string, number>;
  readonly places: ReadonlyMap<string, number>;
}

/** Whether an article of that day may join a story: within the window of one of its articles. */
export function isOpenOn(story: StoryShape, day: number): boolean {
  return day >= story.first - STORY_RULES.windowDays && day <= story.last + STORY_RULES.windowDays;
}

/**
 * How much an article is like a story, `dot` being the dot product of its weights with the
 * story's centroid; -1 when it may not join.
 */
export function likeness(story: StoryShape, f: ArticleFeatures, dot: number): number {
  if (story.norm2 <= 0 || !isOpenOn(story, f.day)) return -1;
  const text = dot / Math.sqrt(story.norm2);
  if (text < STORY_RULES.minText) return text;
  const person = f.people.some((p) => story.people.has(p)) ? STORY_RULES.personBonus : 0;
  const place = f.places.some((p) => story.places.has(p)) ? STORY_RULES.placeBonus : 0;
  return text + person + place;
}

/** One term of a story's centroid. */
export interface CentroidTerm {
  readonly term: string;
  /** Its id in the segment of the first member holding it (see ArticleFeatures.ids). */
  readonly id: number;
  /** Sum of the members' weights for it. */
  readonly weight: number;
  /** How many members have it among their heaviest words: what a story's label is made of. */
  readonly holders: number;
}

/** A story while it is being grouped: its articles and what they hold together. */
export class StoryState implements StoryShape {
  /** Each centroid term's position in the arrays below (one map per story, not two). */
  private readonly slots = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly ids: number[] = [];
  private readonly weights: number[] = [];
  private readonly holders: number[] = [];
  /** Squared norm of the centroid (the sum of the members' weight vectors). */
  norm2 = 0;
  readonly people = new Map<string, number>();
  readonly places = new Map<string, number>();
  /** Members, as positions in the features the grouping was given. */
  readonly members: number[] = [];
  first = Number.POSITIVE_INFINITY;
  last = Number.NEGATIVE_INFINITY;

  /** The centroid's weight for a term (0 when no member has it). */
  weightOf(term: string): number {
    const slot = this.slots.get(term);
    return slot === undefined ? 0 : (this.weights[slot] as number);
  }

  /** Whether some member has the term. */
  has(term: string): boolean {
    return this.slots.has(term);
  }

  /** The centroid's terms, in the order they came. */
  centroid(): CentroidTerm[] {
    return this.terms.map((term, i) => ({ term, id: this.ids[i] as number, weight: this.weights[i] as number, holders: this.holders[i] as number }));
  }

  /**
   * The centroid's terms that have an id (all of them when every member comes from one segment),
   * sorted by id, as typed arrays: what a frozen story keeps.
   */
  byId(): { ids: Int32Array; weights: Float64Array; holders: Uint32Array } {
    const order = this.ids.map((_, i) => i).filter((i) => (this.ids[i] as number) >= 0);
    order.sort((a, b) => (this.ids[a] as number) - (this.ids[b] as number));
    return {
      ids: Int32Array.from(order, (i) => this.ids[i] as number),
      weights: Float64Array.from(order, (i) => this.weights[i] as number),
      holders: Uint32Array.from(order, (i) => this.holders[i] as number),
    };
  }

  /** Adds to a term's weight and holders (a member's, or a frozen story's whole when thawed). */
  addTerm(term: string, id: number, weight: number, holders: number): void {
    const slot = this.slots.get(term);
    if (slot === undefined) {
      this.slots.set(term, this.terms.length);
      this.terms.push(term);
      this.ids.push(id);
      this.weights.push(weight);
      this.holders.push(holders);
    } else {
      this.weights[slot] = (this.weights[slot] as number) + weight;
      this.holders[slot] = (this.holders[slot] as number) + holders;
    }
  }

  /** The dot product of an article's weights with the centroid. */
  dot(f: ArticleFeatures): number {
    let sum = 0;
    for (let i = 0; i < f.terms.length; i++) sum += (f.weights[i] as number) * this.weightOf(f.terms[i] as string);
    return sum;
  }

  /** Adds an article (its position in the features), `dot` being {@link StoryState.dot} of it before. */
  add(f: ArticleFeatures, position: number, dot: number): void {
    let own = 0;
    for (let i = 0; i < f.terms.length; i++) {
      const w = f.weights[i] as number;
      own += w * w;
      this.addTerm(f.terms[i] as string, f.ids[i] as number, w, 1);
    }
    this.norm2 += 2 * dot + own;
    for (const p of f.people) this.people.set(p, (this.people.get(p) ?? 0) + 1);
    for (const p of f.places) this.places.set(p, (this.places.get(p) ?? 0) + 1);
    this.members.push(position);
    this.first = Math.min(this.first, f.day);
    this.last = Math.max(this.last, f.day);
  }
}

/** The order articles are grouped in: oldest first, then as the corpus lists them. */
export function groupingOrder(features: readonly ArticleFeatures[]): number[] {
  return features.map((_, i) => i).sort((a, b) => (features[a] as ArticleFeatures).day - (features[b] as ArticleFeatures).day || (features[a] as ArticleFeatures).article - (features[b] as ArticleFeatures).article);
}

/**
 * Groups every article, oldest first, into new stories (in the order they start). Open stories
 * are found through the words they hold: each word lists the stories whose centroid has it, and
 * a story whose last article is older than the window is dropped from the lists as the sweep
 * passes it (articles come in day order, so it never opens again).
 */
export function groupArticles(features: readonly ArticleFeatures[]): StoryState[] {
  const stories: StoryState[] = [];
  const byTerm = new Map<string, number[]>();
  const dots = new Map<number, number>();
  for (const position of groupingOrder(features)) {
    const f = features[position] as ArticleFeatures;
    dots.clear();
    f.terms.forEach((t, i) => {
      const list = byTerm.get(t);
      if (!list) return;
      let kept = 0;
      for (const s of list) {
        const story = stories[s] as StoryState;
        if (story.last < f.day - STORY_RULES.windowDays) continue;
        list[kept++] = s;
        dots.set(s, (dots.get(s) ?? 0) + (f.weights[i] as number) * story.weightOf(t));
      }
      list.length = kept;
    });
    const chosen = bestStory(f, [...dots.keys()].sort((a, b) => a - b), (s) => stories[s] as StoryState, (s) => dots.get(s) ?? 0);
    const index = chosen ?? stories.push(new StoryState()) - 1;
    const story = stories[index] as StoryState;
    const fresh = f.terms.filter((t) => !story.has(t));
    story.add(f, position, chosen === undefined ? 0 : (dots.get(index) ?? 0));
    for (const t of fresh) {
      const list = byTerm.get(t);
      if (list) list.push(index);
      else byTerm.set(t, [index]);
    }
  }
  return stories;
}

/**
 * The story among `candidates` (in ascending order) an article joins: the most alike from
 * {@link STORY_RULES.join}, the first of equals; undefined when none is alike enough.
 */
export function bestStory(f: ArticleFeatures, candidates: readonly number[], storyOf: (s: number) => StoryShape, dotOf: (s: number) => number): number | undefined {
  let best: number | undefined;
  let bestLikeness: number = STORY_RULES.join;
  for (const s of candidates) {
    const alike = likeness(storyOf(s), f, dotOf(s));
    if (alike > bestLikeness || (alike === bestLikeness && best === undefined)) {
      best = s;
      bestLikeness = alike;
    }
  }
  return best;
}

/** Words in a story's label at most. */
export const LABEL_TERMS = 4;

/**
 * The terms that label a story: those most of its articles have among their heaviest words,
 * then the heaviest in its centroid; a term only one article of several has is left out.
 */
export function labelTerms(entries: Iterable<{ readonly term: string; readonly weight: number; readonly holders: number }>, members: number): string[] {
  const shared = [...entries].filter((e) => members < 2 || e.holders >= 2);
  shared.sort((a, b) => b.holders - a.holders || b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return shared.slice(0, LABEL_TERMS).map((e) => e.term);
}

/** The label terms of a story being grouped. */
export function labelOf(state: StoryState): string[] {
  return labelTerms(state.centroid(), state.members.length);
}
