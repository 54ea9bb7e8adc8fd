/**
 * A knowledge base made of a base and small segments of published articles, answering exactly as
 * one built in one piece over the same articles in the same order: scores and frequencies are
 * corpus-wide (see paragraph-index.ts), the directory of people is made over every segment's
 * mentions at once (segment-names.ts), and the timeline is merged in order. Nothing of the base
 * is analysed again or changed: a composition copies a few arrays of document size, and the same
 * base and segments serve any number of compositions (each server's, the one before a change and
 * the one after it).
 */
import type { Corpus, Source } from '../corpus/types.js';
import { ParagraphIndex } from '../search/paragraph-index.js';
import { assembleKnowledgeBase, type KnowledgeBase, type TextFacts } from './knowledge-base.js';
import type { KnowledgeSegment } from './knowledge-segment.js';
import { finishNow, finishYielding, finishYieldingUnless, type Stepwise } from '../text/stepwise.js';
import { directorySteps, prepareComposition as prepareNames } from './segment-names.js';
import { mergeTimelinesSteps } from './timeline.js';

/** What a composition adds to its base. */
export interface Extra {
  /** Outlets appended to the base's sources, in the order they were added (the segments' own sources start with the base's and these). */
  readonly sources: readonly Source[];
  /** Segments after the base's, in document order (see {@link buildSegment}). */
  readonly segments: readonly KnowledgeSegment[];
}

/**
 * The knowledge base of `base` with more sources and segments: its corpus is the base's with the
 * sources and the segments' articles appended. Removing articles is composing again without
 * their segment (or with it rebuilt without them). Throws when a segment was built with sources
 * that are not the beginning of the composition's.
 */
export function composeKnowledgeBase(base: KnowledgeBase, extra: Extra): KnowledgeBase {
  return finishNow(composeSteps(base, extra));
}

/**
 * {@link composeKnowledgeBase} cooperatively: the event loop is handed back every `sliceMs`, so
 * that queries keep being answered from the engine before the change while the one after it is
 * made (at 100 000 paragraphs a composition is tens of milliseconds of work).
 */
export function composeYielding(base: KnowledgeBase, extra: Extra, sliceMs?: number): Promise<KnowledgeBase> {
  return finishYielding(composeSteps(base, extra), sliceMs);
}

/** {@link composeYielding}, given up (undefined) once `abandon()` is true: a newer change has made this composition useless. */
export function composeYieldingUnless(base: KnowledgeBase, extra: Extra, abandon: () => boolean, sliceMs?: number): Promise<KnowledgeBase | undefined> {
  return finishYieldingUnless(composeSteps(base, extra), abandon, sliceMs);
}

function* composeSteps(base: KnowledgeBase, extra: Extra): Stepwise<KnowledgeBase> {
  if (extra.sources.length === 0 && extra.segments.length === 0) return base;
  const segments = [...base.segments, ...extra.segments];
  const corpus: Corpus = { ...base.corpus, sources: [...base.corpus.sources, ...extra.sources], articles: segments.flatMap((s) => s.articles) };
  const index = ParagraphIndex.compose(corpus, segments.map((s) => s.index));
  yield;
  const docStart = new Int32Array(segments.length + 1);
  segments.forEach((s, i) => (docStart[i + 1] = (docStart[i] as number) + s.index.docs.length));
  const segmentOf = (id: number): number => {
    let s = 0;
    while (s + 1 < segments.length && id >= (docStart[s + 1] as number)) s++;
    return s;
  };
  const textFactsOf = (id: number): TextFacts => {
    const s = segmentOf(id);
    return (segments[s] as KnowledgeSegment).textFactsOf(id - (docStart[s] as number));
  };
  const timeline = yield* mergeTimelinesSteps(
    index.docs,
    segments.map((s, i) => ({ pairs: s.timeline, docStart: docStart[i] as number, datesOf: (local: number) => s.textFactsOf(local).dates })),
  );
  yield;
  const { entities, entitiesOf } = yield* directorySteps(segments.map((s) => ({ names: s.names, docs: s.index.docs })), corpus.aliases);
  return assembleKnowledgeBase({
    corpus,
    index,
    entities,
    entitiesOf,
    textFactsOf,
    timeline,
    segments,
    aliases: base.aliases,
  });
}

/**
 * Does ahead of time what the first composition over a base would: groups its mentions and
 * indexes its name-dependent runs (a base restored from the cache decodes its paragraphs' names
 * then), and makes its index's lookup structures, which a composition's first queries would
 * otherwise make. Optional; call it once at start-up so that the first publish is as fast as the next.
 */
export function prepareComposition(base: KnowledgeBase): void {
  const [first] = base.segments;
  if (!first) return;
  prepareNames({ names: first.names, docs: first.index.docs }, base.corpus.aliases);
  first.index.prepare();
}
