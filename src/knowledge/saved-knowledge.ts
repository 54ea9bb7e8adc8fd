/**
 * A knowledge base in the form the start-up cache saves, and back: typed arrays and JSON, each
 * paragraph's facts a JSON string of its own, parsed only when that paragraph is read.
 */
import type { Corpus } from '../corpus/types.js';
import type { Entity } from '../text/entities.js';
import { ParagraphIndex, type SavedParagraphIndex } from '../search/paragraph-index.js';
import { assembleKnowledgeBase, type KnowledgeBase, type TextFacts } from './knowledge-base.js';
import { TextTable } from './text-table.js';

/** Everything derived from a corpus, as saved (the corpus itself is saved apart: saved-corpus.ts). */
export interface SavedKnowledge {
  readonly index: SavedParagraphIndex;
  readonly entities: readonly Entity[];
  /** Dates, figures and places of each paragraph, as JSON, by document id. */
  readonly facts: TextTable;
  readonly timeline: Int32Array;
}

/** The saved form of a knowledge base (see {@link restoreKnowledgeBase}). */
export function saveKnowledgeBase(kb: KnowledgeBase): SavedKnowledge {
  const facts = kb.index.docs.map((doc) => {
    const { dates, figures, places } = kb.factsOf(doc.id);
    return JSON.stringify({ dates, figures, places });
  });
  return { index: kb.index.save(), entities: kb.entities, facts: TextTable.of(facts), timeline: kb.timeline };
}

/**
 * Rebuilds a knowledge base from its saved form and the same corpus, without analysing text
 * again. Throws when the saved data does not fit the corpus.
 */
export function restoreKnowledgeBase(corpus: Corpus, saved: SavedKnowledge): KnowledgeBase {
  const index = ParagraphIndex.restore(corpus, saved.index);
  if (saved.facts.length !== index.docs.length) throw new Error(`recoupe: saved facts cover ${saved.facts.length} paragraphs, corpus has ${index.docs.length}`);
  if (saved.timeline.length % 2 !== 0 || saved.timeline.some((v, i) => i % 2 === 0 && v >= index.docs.length)) throw new Error('recoupe: saved timeline does not fit the corpus');
  return assembleKnowledgeBase(corpus, index, saved.entities, (id) => JSON.parse(saved.facts.get(id)) as TextFacts, saved.timeline);
}
