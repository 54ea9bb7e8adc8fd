/**
 * A knowledge base in the form the start-up cache saves, and back: typed arrays and JSON, each
 * paragraph's facts a JSON string of its own, parsed only when that paragraph is read.
 */
import type { Corpus } from '../corpus/types.js';
import type { Entity } from '../text/entities.js';
import { IndexSegment, ParagraphIndex, type SavedParagraphIndex } from '../search/paragraph-index.js';
import { assembleKnowledgeBase, type KnowledgeBase, type TextFacts } from './knowledge-base.js';
import type { KnowledgeSegment } from './knowledge-segment.js';
import { restoreNames, saveNames, type SavedNames } from './saved-names.js';
import { TextTable } from './text-table.js';

/** Everything derived from a corpus, as saved (the corpus itself is saved apart: saved-corpus.ts). */
export interface SavedKnowledge {
  readonly index: SavedParagraphIndex;
  readonly entities: readonly Entity[];
  /** Dates, figures and places of each paragraph, as JSON, by document id. */
  readonly facts: TextTable;
  readonly timeline: Int32Array;
  /** How the paragraphs were read for names, for compositions over the restored base. */
  readonly names: SavedNames;
}

/** The saved form of a knowledge base of one segment (see {@link restoreKnowledgeBase}); throws for a composition. */
export function saveKnowledgeBase(kb: KnowledgeBase): SavedKnowledge {
  const [segment] = kb.segments;
  if (kb.segments.length !== 1 || !segment) throw new Error(`recoupe: only a knowledge base of one segment is saved, this one has ${kb.segments.length}`);
  const facts = kb.index.docs.map((doc) => {
    const { dates, figures, places } = kb.factsOf(doc.id);
    return JSON.stringify({ dates, figures, places });
  });
  return { index: kb.index.save(), entities: kb.entities, facts: TextTable.of(facts), timeline: kb.timeline, names: saveNames(segment.names, kb.index.docs.length) };
}

/**
 * Rebuilds a knowledge base from its saved form and the same corpus, without analysing text
 * again. Throws when the saved data does not fit the corpus.
 */
export function restoreKnowledgeBase(corpus: Corpus, saved: SavedKnowledge): KnowledgeBase {
  const indexSegment = IndexSegment.restore(corpus.articles, corpus.sources, saved.index);
  const index = ParagraphIndex.compose(corpus, [indexSegment]);
  if (saved.facts.length !== index.docs.length) throw new Error(`recoupe: saved facts cover ${saved.facts.length} paragraphs, corpus has ${index.docs.length}`);
  if (saved.timeline.length % 2 !== 0 || saved.timeline.some((v, i) => i % 2 === 0 && v >= index.docs.length)) throw new Error('recoupe: saved timeline does not fit the corpus');
  const textFactsOf = (id: number) => JSON.parse(saved.facts.get(id)) as TextFacts;
  const segment: KnowledgeSegment = { articles: corpus.articles, sources: corpus.sources, index: indexSegment, textFactsOf, names: restoreNames(saved.names, index.docs), timeline: saved.timeline };
  return assembleKnowledgeBase({ corpus, index, entities: saved.entities, textFactsOf, timeline: saved.timeline, segments: [segment] });
}
