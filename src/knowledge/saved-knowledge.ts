/**
 * A knowledge base in the form the start-up cache saves, and back: typed arrays and JSON, each
 * paragraph's facts a JSON string of its own, parsed only when that paragraph is read.
 */
import type { Corpus } from '../corpus/types.js';
import type { Entity } from '../text/entities.js';
import { ParagraphIndex } from '../search/paragraph-index.js';
import { assembleKnowledgeBase, type KnowledgeBase } from './knowledge-base.js';
import { restoreSegment, saveSegment, type SavedSegment } from './saved-segment.js';

/** Everything derived from a corpus, as saved (the corpus itself is saved apart: saved-corpus.ts): its one segment, and the directory. */
export interface SavedKnowledge extends SavedSegment {
  readonly entities: readonly Entity[];
}

/** The saved form of a knowledge base of one segment (see {@link restoreKnowledgeBase}); throws for a composition. */
export function saveKnowledgeBase(kb: KnowledgeBase): SavedKnowledge {
  const [segment] = kb.segments;
  if (kb.segments.length !== 1 || !segment) throw new Error(`recoupe: only a knowledge base of one segment is saved, this one has ${kb.segments.length}`);
  return { ...saveSegment(segment), entities: kb.entities };
}

/**
 * Rebuilds a knowledge base from its saved form and the same corpus, without analysing text
 * again. Throws when the saved data does not fit the corpus.
 */
export function restoreKnowledgeBase(corpus: Corpus, saved: SavedKnowledge): KnowledgeBase {
  const segment = restoreSegment(corpus.articles, corpus.sources, saved);
  const index = ParagraphIndex.compose(corpus, [segment.index]);
  return assembleKnowledgeBase({ corpus, index, entities: saved.entities, textFactsOf: segment.textFactsOf, timeline: segment.timeline, segments: [segment] });
}
