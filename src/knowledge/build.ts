/**
 * Building the knowledge base from a corpus: the paragraph index, then every paragraph's dates,
 * figures and places, the corpus-wide directory of people and organisations, and the timeline,
 * all in one segment (knowledge-segment.ts).
 * This module is the root of the code the start-up cache key hashes (cache-key.ts): whatever it
 * imports, directly or not, derives what the cache saves.
 */
import type { Corpus } from '../corpus/types.js';
import { ParagraphIndex } from '../search/paragraph-index.js';
import { finishNow } from '../text/stepwise.js';
import { assembleKnowledgeBase, type KnowledgeBase } from './knowledge-base.js';
import { segmentSteps, type KnowledgeSegment } from './knowledge-segment.js';
import { directoryOf } from './segment-names.js';

/** This module's URL: where the cache key starts following imports. */
export const BUILD_MODULE = import.meta.url;

/** Derives everything from a corpus. Pure and deterministic: the same corpus gives the same base. */
export function buildKnowledgeBase(corpus: Corpus): KnowledgeBase {
  return baseOf(corpus, finishNow(segmentSteps(corpus.articles, corpus.sources, corpus.aliases, [])));
}

/** The knowledge base of one segment holding the whole corpus. */
export function baseOf(corpus: Corpus, segment: KnowledgeSegment): KnowledgeBase {
  const { entities, entitiesOf } = directoryOf([{ names: segment.names, docs: segment.index.docs }], corpus.aliases);
  return assembleKnowledgeBase({
    corpus,
    index: ParagraphIndex.compose(corpus, [segment.index]),
    entities,
    entitiesOf,
    textFactsOf: segment.textFactsOf,
    timeline: segment.timeline,
    segments: [segment],
  });
}
