/**
 * What `/wording` (`/termes`) returns: for one referent of a topic (a figure, a name, a quoted
 * statement, a sentence several outlets tell), the words each outlet uses for it, how often its
 * articles on the topic use each, and where. Plain data, no judgement: the renderers state it as
 * "AFP writes «…» (n×), RT writes «…» (n×)".
 */
import type { Excerpt, StoryRef } from './types.js';

/**
 * What two outlets' texts were aligned on to find a referent:
 * - `figure`: the same value, counted with different nouns (`5 000 ouvriers` / `5 000 militaires bâtisseurs`);
 * - `name`: the same person, organisation or place, spelled differently;
 * - `qualifier`: the same name, with words around it that the other outlets do not use;
 * - `quote`: the same quoted statement, worded differently;
 * - `party`: a country named as a party (acting, speaking, spoken to), by its name, its capital,
 *   its seat of government or a body with its demonym (`Kiev` / `les forces ukrainiennes`); place
 *   uses (`à Kiev`) are not counted;
 * - `sentence`: sentences telling the same thing in mostly the same words, where they differ.
 */
export type WordingAnchor = 'figure' | 'name' | 'qualifier' | 'party' | 'quote' | 'sentence';

/** One phrase an outlet uses for a referent. */
export interface WordingPhrase {
  /** As the outlet first writes it. */
  readonly text: string;
  /** Exact occurrences (case and accents folded) in the paragraphs of the outlet's articles on the topic. */
  readonly count: number;
  /** One paragraph holding it, the phrase inside the excerpt (and highlighted). */
  readonly excerpt: Excerpt;
}

/**
 * One outlet's words for a referent: `found` (the phrases, most used first); `none` (no paragraph
 * and no title of its articles on the topic holds any of the referent's phrases); `title-only`
 * (only a title does: nothing citable, and nothing claimed).
 */
export interface OutletWording {
  readonly outlet: string;
  readonly sourceId: string;
  readonly state: 'found' | 'none' | 'title-only';
  readonly phrases: readonly WordingPhrase[];
}

/** One thing the outlets name, and how each names it. */
export interface WordingReferent {
  readonly anchor: WordingAnchor;
  /**
   * What the referent is, in the articles' words: the figure as written by the first outlet, the
   * name, the speaker, or the words the aligned sentences share around the difference.
   */
  readonly label: string;
  /** `figure`: the value. */
  readonly value?: number;
  /** One entry per outlet covering the topic, in corpus order. */
  readonly outlets: readonly OutletWording[];
}

/** An outlet whose articles on the topic were read. */
export interface WordingOutlet {
  readonly sourceId: string;
  readonly outlet: string;
  readonly outletName: string;
  readonly color: string;
  /** Its articles on the topic that were read whole (the counts are over their paragraphs). */
  readonly articles: number;
  /** Their ids: what `none` and every count are said of. */
  readonly articleIds: readonly string[];
}

/** `wording`: for each referent of the topic, the words each outlet uses. */
export interface WordingAnswer {
  readonly kind: 'wording';
  readonly topic: string;
  /** The story the topic's articles were kept within, when its paragraphs span several. */
  readonly story?: StoryRef;
  /** The outlets covering the topic, in corpus order. */
  readonly outlets: readonly WordingOutlet[];
  /** Most outlets first, at most `WORDING_REFERENTS_MAX` (wording.ts); empty when fewer than two outlets cover the topic. */
  readonly referents: readonly WordingReferent[];
}
