/**
 * Building the knowledge base from a corpus: the paragraph index, then every paragraph's dates,
 * figures and places, the corpus-wide directory of people and organisations, and the timeline.
 * This module is the root of the code the start-up cache key hashes (cache-key.ts): whatever it
 * imports, directly or not, derives what the cache saves.
 */
import type { Corpus } from '../corpus/types.js';
import { findDates, type DateMention } from '../text/dates.js';
import { buildEntityDirectory } from '../text/entities.js';
import { findFigures } from '../text/numbers.js';
import { findPlaces } from '../text/places.js';
import { ParagraphIndex, type IndexedParagraph } from '../search/paragraph-index.js';
import { assembleKnowledgeBase, type KnowledgeBase, type TextFacts } from './knowledge-base.js';

/** This module's URL: where the cache key starts following imports. */
export const BUILD_MODULE = import.meta.url;

/** Derives everything from a corpus. Pure and deterministic: the same corpus gives the same base. */
export function buildKnowledgeBase(corpus: Corpus): KnowledgeBase {
  const index = ParagraphIndex.build(corpus);
  const entities = buildEntityDirectory(corpus.articles, corpus.aliases);
  const facts: TextFacts[] = index.docs.map((doc) => {
    const text = doc.paragraph.text;
    return { dates: findDates(text, doc.article.published), figures: findFigures(text), places: findPlaces(text) };
  });
  return assembleKnowledgeBase(corpus, index, entities, (id) => facts[id] as TextFacts, timelineOf(index.docs, facts));
}

/** Every date, oldest first (then by outlet, paragraph and position), as pairs of paragraph id and date position. */
function timelineOf(docs: readonly IndexedParagraph[], facts: readonly TextFacts[]): Int32Array {
  const all: Array<{ doc: IndexedParagraph; mention: DateMention; at: number }> = [];
  docs.forEach((doc, id) => facts[id]?.dates.forEach((mention, at) => all.push({ doc, mention, at })));
  all.sort((a, b) => (a.mention.sortKey < b.mention.sortKey ? -1 : a.mention.sortKey > b.mention.sortKey ? 1 : 0) || a.doc.source.short.localeCompare(b.doc.source.short) || a.doc.id - b.doc.id || a.mention.start - b.mention.start);
  const pairs = new Int32Array(all.length * 2);
  all.forEach((d, i) => {
    pairs[2 * i] = d.doc.id;
    pairs[2 * i + 1] = d.at;
  });
  return pairs;
}
