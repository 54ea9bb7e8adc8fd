/**
 * What an article brings to the grouping of articles into stories (story-grouping.ts): its most
 * telling words, weighed, the people it names and the places it says things happen in, its day
 * and its outlet. Read from what the knowledge segment already holds (the text field's posting
 * lists, each paragraph's names and places), so no text is analysed again except the titles.
 *
 * The words' weights need a rarity (idf): the caller gives it, so that a base's stories are
 * weighed with the base's own statistics and a composition's with its corpus-wide ones.
 */
import type { ParagraphEntity } from '../knowledge/knowledge-base.js';
import type { KnowledgeSegment } from '../knowledge/knowledge-segment.js';
import { FIELD_ID } from '../search/postings.js';
import { groupKeyOf, type SpellingGroup } from '../text/entities.js';
import { fold } from '../text/fold.js';
import { heaviestWords, segmentWords } from './story-words.js';

/** Paragraphs of an article read for places: the first ones, which say where the event is. */
const PLACE_PARAGRAPHS = 3;

/** One article as the grouping sees it. */
export interface ArticleFeatures {
  /** Position of the article in the knowledge base's corpus. */
  readonly article: number;
  /** Position of its outlet in the corpus's sources. */
  readonly source: number;
  /** Its publication day, in days since 1970-01-01. */
  readonly day: number;
  /** Its heaviest index terms, heaviest first. */
  readonly terms: readonly string[];
  /** Their ids in the article's own segment (positions in its posting lists), -1 for a translation the segment lacks. */
  readonly ids: Int32Array;
  /** Their weights, same order, of Euclidean norm 1 (0 for an article with no word). */
  readonly weights: Float64Array;
  /** Keys of the people it names (surname, folded, after aliases), sorted, each once. */
  readonly people: readonly string[];
  /** The places it names (folded), sorted, each once. */
  readonly places: readonly string[];
}

/** How {@link segmentFeatures} reads a segment. */
export interface FeatureOptions {
  /** Position of the segment's first article in the knowledge base's corpus. */
  readonly firstArticle: number;
  /** Position of an outlet in the corpus's sources, by id. */
  readonly sourceOf: (id: string) => number;
  /** The rarity each word is weighed with, given the word and its id in the segment (-1 for a translation the segment lacks). */
  readonly idf: (term: string, id: number) => number;
  /** The people and organisations a paragraph of the segment names, by local id (the knowledge base's directory). */
  readonly entitiesOf: (localId: number) => readonly ParagraphEntity[];
  readonly aliases: readonly SpellingGroup[];
}

/** The features of every article of a segment, in the segment's order. */
export function segmentFeatures(segment: KnowledgeSegment, options: FeatureOptions): ArticleFeatures[] {
  const { postings } = segment.index;
  // A word's rarity is asked once per word, not once per article holding it.
  const byId = new Float64Array(postings.terms.length).fill(Number.NaN);
  const idfOf = (term: string, id: number): number => {
    if (id < 0) return options.idf(term, id);
    let idf = byId[id] as number;
    if (Number.isNaN(idf)) byId[id] = idf = options.idf(term, id);
    return idf;
  };
  const words = segmentWords(segment);
  const { people, places } = peopleAndPlaces(segment, options);
  return segment.articles.map((article, i) => {
    const { terms, ids, weights } = heaviestWords(segment, words, i, idfOf);
    return {
      article: options.firstArticle + i,
      source: options.sourceOf(article.source),
      day: dayOf(article.published),
      terms,
      ids,
      weights,
      people: people[i] ?? [],
      places: places[i] ?? [],
    };
  });
}

/**
 * Paragraphs below which a corpus says little about which words are common: in a collection of
 * one story, its own words are in most paragraphs and would weigh as little as `selon`. The
 * rarity of a word is drawn towards that of a word met once in this many paragraphs, the more
 * so the smaller the corpus ({@link storyIdf}).
 */
export const REFERENCE_PARAGRAPHS = 1_000;

/**
 * The rarity a word is weighed with for grouping: BM25's idf (as ParagraphIndex.idf) over `n`
 * paragraphs of which `df` hold it, shrunk towards the idf of {@link REFERENCE_PARAGRAPHS} by
 * `REFERENCE_PARAGRAPHS / (n + REFERENCE_PARAGRAPHS)`: nearly uniform over a handful of
 * articles, nearly the corpus's own over 100 000 paragraphs.
 */
export function storyIdf(df: number, n: number): number {
  const own = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  const trust = n / (n + REFERENCE_PARAGRAPHS);
  return trust * own + (1 - trust) * Math.log(1 + REFERENCE_PARAGRAPHS);
}

/** {@link storyIdf} over one segment alone: a term's frequency is the length of its text list. */
export function segmentIdf(segment: KnowledgeSegment): (term: string, id: number) => number {
  const { postings } = segment.index;
  return (term, id) => {
    if (id < 0) return storyIdf(postings.documentFrequency(term, FIELD_ID.text), postings.docCount);
    const [start, end] = postings.listOf(id, FIELD_ID.text);
    return storyIdf(end - start, postings.docCount);
  };
}

/** `YYYY-MM-DD` → days since 1970-01-01 (0 for anything else, which the schema never lets through). */
export function dayOf(iso: string): number {
  const time = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(time) ? 0 : Math.round(time / 86_400_000);
}

/**
 * Each article's people, from the knowledge base's directory, and places, from its first
 * paragraphs, where an article says where things happen. Sorted, each once.
 */
function peopleAndPlaces(segment: KnowledgeSegment, options: FeatureOptions): { people: string[][]; places: string[][] } {
  const { docArticle, docs } = segment.index;
  const people = segment.articles.map(() => new Set<string>());
  const places = segment.articles.map(() => new Set<string>());
  let article = -1;
  let nth = 0;
  for (let local = 0; local < docs.length; local++) {
    const a = docArticle[local] as number;
    nth = a === article ? nth + 1 : 0;
    article = a;
    for (const { entity } of options.entitiesOf(local)) if (entity.kind === 'person') people[a]?.add(personKey(entity.name, options.aliases));
    if (nth >= PLACE_PARAGRAPHS) continue;
    const spans = segment.textFactsOf(local).places;
    if (spans.length === 0) continue;
    const text = docs[local]?.paragraph.text ?? '';
    for (const s of spans) places[a]?.add(fold(text.slice(s.start, s.end)));
  }
  return { people: people.map((p) => [...p].sort()), places: places.map((p) => [...p].sort()) };
}

/**
 * A person's key: the last word of the canonical key (aliases applied, folded) of the name the
 * directory gives them, which every spelling it merged shares. The surname rather than the whole
 * name, so that a base's stories and a publish's articles read by another directory (which may
 * prefer another spelling of the first name) still meet on it.
 */
function personKey(name: string, aliases: readonly SpellingGroup[]): string {
  const words = groupKeyOf(name, aliases).split(/[\s-]+/u).filter((w) => w.length > 0);
  return words[words.length - 1] ?? '';
}
