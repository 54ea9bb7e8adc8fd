/**
 * A knowledge segment: everything derived from some articles (their index segment, each
 * paragraph's dates, figures and places, the reading of their names, their dates in timeline
 * order), by local paragraph id. The shared base is one; the articles a server publishes make
 * small others, built in well under a second, that {@link composeKnowledgeBase} joins to the base
 * without analysing it again.
 */
import type { Article, Source } from '../corpus/types.js';
import { IndexSegment, type IndexedParagraph } from '../search/index-segment.js';
import { finishNow, finishYielding, type Stepwise } from '../text/stepwise.js';
import { findDates } from '../text/dates.js';
import type { SpellingGroup } from '../text/entities.js';
import { findFigures } from '../text/numbers.js';
import { findPlaces } from '../text/places.js';
import type { KnowledgeBase, TextFacts } from './knowledge-base.js';
import { readNames, type SegmentNames } from './segment-names.js';
import { timelineOf } from './timeline.js';

/** What a knowledge base is made of, per segment (see the module comment). */
export interface KnowledgeSegment {
  /** Its articles, in document order. */
  readonly articles: readonly Article[];
  /** The sources it was built with: a composition's sources start with these. */
  readonly sources: readonly Source[];
  readonly index: IndexSegment;
  /** The dates, figures and places of a paragraph, by local id. */
  textFactsOf(localId: number): TextFacts;
  readonly names: SegmentNames;
  /** Its dates, oldest first, as pairs of local id and date position (see `KnowledgeBase.timeline`). */
  readonly timeline: Int32Array;
}

/**
 * Derives a segment from articles, one step per paragraph and reading (see stepwise.ts).
 * `before` are the names the segments before it found on their own evidence.
 */
export function* segmentSteps(articles: readonly Article[], sources: readonly Source[], aliases: readonly SpellingGroup[], before: readonly string[]): Stepwise<KnowledgeSegment> {
  const index = yield* IndexSegment.steps(articles, sources);
  const facts = yield* factsSteps(index.docs);
  const names = yield* readNames(index.docs, before, aliases);
  const textFactsOf = (id: number) => facts[id] as TextFacts;
  const timeline = timelineOf(index.docs, (id) => textFactsOf(id).dates);
  return { articles, sources, index, textFactsOf, names, timeline };
}

/** The dates, figures and places of each paragraph, by position in `docs`: three steps per paragraph. */
export function* factsSteps(docs: readonly IndexedParagraph[]): Stepwise<TextFacts[]> {
  const facts: TextFacts[] = [];
  for (const doc of docs) {
    const text = doc.paragraph.text;
    // One step each: reading a long paragraph's dates (chrono) or figures alone can take
    // milliseconds, and a slice ends only between steps.
    const dates = findDates(text, doc.article.published);
    yield;
    const figures = findFigures(text);
    yield;
    facts.push({ dates, figures, places: findPlaces(text) });
    yield;
  }
  return facts;
}

/**
 * A segment of published articles to compose over `base` ({@link composeKnowledgeBase}), built
 * now. `sources` are the composition's: the base's, then the outlets added to it, in the order
 * they were added. A few hundred paragraphs take a fraction of a second.
 */
export function buildSegment(base: KnowledgeBase, articles: readonly Article[], sources: readonly Source[]): KnowledgeSegment {
  return finishNow(segmentSteps(articles, sources, base.corpus.aliases, namesBefore(base)));
}

/**
 * {@link buildSegment} cooperatively: the event loop is handed back every `sliceMs` (a few
 * milliseconds by default), so that queries keep being answered while many articles are indexed
 * (a merge of small segments into one, a collection loaded at start-up).
 */
export async function buildSegmentYielding(base: KnowledgeBase, articles: readonly Article[], sources: readonly Source[], sliceMs?: number): Promise<KnowledgeSegment> {
  return finishYielding(segmentSteps(articles, sources, base.corpus.aliases, namesBefore(base)), sliceMs);
}

/** The names a base's segments found on their own evidence, in order: what a segment over it is read with. */
export function namesBefore(base: KnowledgeBase): string[] {
  return base.segments.flatMap((s) => s.names.firstPass);
}
