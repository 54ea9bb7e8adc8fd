/**
 * One knowledge segment in the form the start-up cache saves it (typed arrays, JSON and UTF-8
 * tables), and back: what lets a segment be built in one thread and answered from in another
 * (src/live/segment-thread.ts), as the base is built once and restored at every start.
 */
import type { Article, Source } from '../corpus/types.js';
import { IndexSegment, type SavedParagraphIndex } from '../search/paragraph-index.js';
import type { TextFacts } from './knowledge-base.js';
import type { KnowledgeSegment } from './knowledge-segment.js';
import { restoreNames, saveNames, type SavedNames } from './saved-names.js';
import { TextTable } from './text-table.js';

/** A segment as saved. */
export interface SavedSegment {
  readonly index: SavedParagraphIndex;
  /** Dates, figures and places of each paragraph, as JSON, by local id. */
  readonly facts: TextTable;
  readonly timeline: Int32Array;
  /** How the paragraphs were read for names. */
  readonly names: SavedNames;
}

/**
 * The saved form each restored segment came from: saving it again gives those same arrays
 * rather than encoding every paragraph's facts and names anew (14 s at a million paragraphs,
 * the whole base built in threads and restored).
 */
const savedForms = new WeakMap<KnowledgeSegment, SavedSegment>();

/** The saved form of a segment. */
export function saveSegment(segment: KnowledgeSegment): SavedSegment {
  const known = savedForms.get(segment);
  if (known) return known;
  const count = segment.index.docs.length;
  const facts: string[] = [];
  for (let id = 0; id < count; id++) facts.push(encodeFacts(segment.textFactsOf(id)));
  return { index: segment.index.save(), facts: TextTable.of(facts), timeline: segment.timeline, names: saveNames(segment.names, count) };
}

/** One paragraph's facts, as {@link SavedSegment.facts} holds them. */
export function encodeFacts({ dates, figures, places }: TextFacts): string {
  return JSON.stringify({ dates, figures, places });
}

/**
 * The segment of `articles` (built with `sources`) from its saved form, without analysing text
 * again; each paragraph's facts are parsed when read. Throws when the saved data does not fit
 * the articles.
 */
export function restoreSegment(articles: readonly Article[], sources: readonly Source[], saved: SavedSegment): KnowledgeSegment {
  const index = IndexSegment.restore(articles, sources, saved.index);
  const count = index.docs.length;
  if (saved.facts.length !== count) throw new Error(`recoupe: saved facts cover ${saved.facts.length} paragraphs, corpus has ${count}`);
  if (saved.timeline.length % 2 !== 0 || saved.timeline.some((v, i) => i % 2 === 0 && v >= count)) throw new Error('recoupe: saved timeline does not fit the corpus');
  const { facts } = saved;
  const textFactsOf = (id: number) => JSON.parse(facts.get(id)) as TextFacts;
  const segment: KnowledgeSegment = { articles, sources, index, textFactsOf, names: restoreNames(saved.names, index.docs), timeline: saved.timeline };
  savedForms.set(segment, saved);
  return segment;
}
