/**
 * What a knowledge base is: everything the engine derives from a corpus once (the paragraph
 * index, and for every paragraph its dates, figures, people and places), read-only, and how its
 * parts join. It is made by {@link buildKnowledgeBase} (build.ts), restored from the start-up
 * cache (saved-knowledge.ts), or composed of a base and small segments of published articles
 * (compose.ts); the answers (src/answers) only read it.
 */
import type { Corpus } from '../corpus/types.js';
import type { DateMention } from '../text/dates.js';
import type { Entity } from '../text/entities.js';
import type { FigureMention } from '../text/numbers.js';
import type { Span } from '../text/sentences.js';
import { AliasExpander } from '../search/aliases.js';
import type { IndexedParagraph, ParagraphIndex } from '../search/paragraph-index.js';
import type { KnowledgeSegment } from './knowledge-segment.js';

/** One entity's mention in one paragraph. */
export interface ParagraphEntity extends Span {
  readonly entity: Entity;
}

/** Everything found in one paragraph, by document id of the index. */
export interface ParagraphFacts {
  readonly dates: readonly DateMention[];
  readonly figures: readonly FigureMention[];
  readonly entities: readonly ParagraphEntity[];
  readonly places: readonly Span[];
}

/** A paragraph's facts found by reading its text (entities come from the corpus-wide directory). */
export type TextFacts = Omit<ParagraphFacts, 'entities'>;

/** The derived, read-only knowledge base the answers work on. */
export interface KnowledgeBase {
  readonly corpus: Corpus;
  readonly index: ParagraphIndex;
  readonly aliases: AliasExpander;
  readonly entities: readonly Entity[];
  /**
   * Every date of the corpus, oldest first, as pairs: paragraph id, then the date's position in
   * that paragraph's `dates`. Sorted once when the base is derived, saved with it.
   */
  readonly timeline: Int32Array;
  /** The facts of one paragraph, by document id. */
  factsOf(docId: number): ParagraphFacts;
  /** The people and organisations one paragraph names: its `factsOf(…).entities`, without decoding the other facts. */
  entitiesOf(docId: number): readonly ParagraphEntity[];
  /** A paragraph by article id and paragraph number. */
  paragraph(articleId: string, n: number): IndexedParagraph | undefined;
  /** What it is made of, in document order: one segment for a built or restored base, more for a composition. */
  readonly segments: readonly KnowledgeSegment[];
}

/** Key of one paragraph of one article. */
export function paragraphKey(articleId: string, n: number): string {
  return `${articleId}#${n}`;
}

/**
 * Joins the index, the entity directory and per-paragraph facts into one base: the last step of
 * building it and of restoring it, so a restored base is put together exactly as a built one.
 */
export function assembleKnowledgeBase(parts: {
  readonly corpus: Corpus;
  readonly index: ParagraphIndex;
  readonly entities: readonly Entity[];
  /** Dates, figures and places of a paragraph, by document id. */
  readonly textFactsOf: (id: number) => TextFacts;
  readonly timeline: Int32Array;
  readonly segments: readonly KnowledgeSegment[];
  /** The expander of the corpus's aliases, when one is made already (a composition reuses its base's). */
  readonly aliases?: AliasExpander;
  /** The entities each paragraph names, in text order, when the directory was made with them; else found from the occurrences. */
  readonly entitiesOf?: (id: number) => readonly ParagraphEntity[];
}): KnowledgeBase {
  const { corpus, index, entities, textFactsOf, timeline, segments } = parts;
  const entitiesOf = parts.entitiesOf ?? entitiesByDoc(index, entities);
  return {
    corpus,
    index,
    aliases: parts.aliases ?? new AliasExpander(corpus.aliases),
    entities,
    timeline,
    segments,
    factsOf: (id) => ({ ...textFactsOf(id), entities: entitiesOf(id) }),
    entitiesOf,
    paragraph: (articleId, n) => index.paragraphOf(articleId, n),
  };
}

/** The entities each paragraph names, from where each entity occurs. */
function entitiesByDoc(index: ParagraphIndex, entities: readonly Entity[]): (id: number) => readonly ParagraphEntity[] {
  const byDoc = new Map<number, ParagraphEntity[]>();
  for (const entity of entities) {
    for (const o of entity.occurrences) {
      const doc = index.paragraphOf(o.articleId, o.paragraph);
      if (!doc) continue;
      const list = byDoc.get(doc.id);
      const mention = { start: o.start, end: o.end, entity };
      if (list) list.push(mention);
      else byDoc.set(doc.id, [mention]);
    }
  }
  for (const list of byDoc.values()) list.sort((a, b) => a.start - b.start);
  return (id) => byDoc.get(id) ?? [];
}
