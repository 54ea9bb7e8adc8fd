/**
 * What the engine derives from the corpus once, at start-up: the paragraph index, and for every
 * paragraph its dates, figures, people and places. Answers only read these.
 */
import type { Corpus } from '../corpus/types.js';
import { findDates, type DateMention } from '../text/dates.js';
import { buildEntityDirectory, type Entity } from '../text/entities.js';
import { findFigures, type FigureMention } from '../text/numbers.js';
import { findPlaces } from '../text/places.js';
import type { Span } from '../text/sentences.js';
import { AliasExpander } from '../search/aliases.js';
import { ParagraphIndex, type IndexedParagraph, type SavedParagraphIndex } from '../search/paragraph-index.js';

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

/** The derived, read-only knowledge base the answers work on. */
export interface KnowledgeBase {
  readonly corpus: Corpus;
  readonly index: ParagraphIndex;
  readonly aliases: AliasExpander;
  readonly entities: readonly Entity[];
  /** Indexed like `index.docs`. */
  readonly facts: readonly ParagraphFacts[];
  /** Indexed paragraphs by {@link paragraphKey}. */
  readonly paragraphs: ReadonlyMap<string, IndexedParagraph>;
}

/** Key of one paragraph of one article. */
export function paragraphKey(articleId: string, n: number): string {
  return `${articleId}#${n}`;
}

/** Derives everything from a corpus. Pure and deterministic: the same corpus gives the same base. */
export function buildKnowledgeBase(corpus: Corpus): KnowledgeBase {
  const index = ParagraphIndex.build(corpus);
  const entities = buildEntityDirectory(corpus.articles, corpus.aliases);
  return assemble(corpus, index, entities, (doc) => {
    const text = doc.paragraph.text;
    return { dates: findDates(text, doc.article.published), figures: findFigures(text), places: findPlaces(text) };
  });
}

/**
 * Everything derived from a corpus, as plain data: what a start-up cache saves so that the
 * next start with the same corpus skips the analysis. Entities in paragraphs are saved as
 * positions in `entities`.
 */
export interface SavedKnowledge {
  readonly index: SavedParagraphIndex;
  readonly entities: readonly Entity[];
  readonly facts: ReadonlyArray<Omit<ParagraphFacts, 'entities'>>;
}

/** The plain-data form of a knowledge base (see {@link restoreKnowledgeBase}). */
export function saveKnowledgeBase(kb: KnowledgeBase): SavedKnowledge {
  return { index: kb.index.toJSON(), entities: kb.entities, facts: kb.facts.map(({ dates, figures, places }) => ({ dates, figures, places })) };
}

/**
 * Rebuilds a knowledge base from its saved form and the same corpus, without analysing text
 * again. Throws when the saved data does not fit the corpus.
 */
export function restoreKnowledgeBase(corpus: Corpus, saved: SavedKnowledge): KnowledgeBase {
  const index = ParagraphIndex.restore(corpus, saved.index);
  if (saved.facts.length !== index.docs.length) throw new Error(`recoupe: saved facts cover ${saved.facts.length} paragraphs, corpus has ${index.docs.length}`);
  return assemble(corpus, index, saved.entities, (doc) => saved.facts[doc.id] as Omit<ParagraphFacts, 'entities'>);
}

/** Joins the index, the entity directory and per-paragraph facts into one base. */
function assemble(corpus: Corpus, index: ParagraphIndex, entities: readonly Entity[], factsOf: (doc: IndexedParagraph) => Omit<ParagraphFacts, 'entities'>): KnowledgeBase {
  const byParagraph = new Map<string, ParagraphEntity[]>();
  for (const entity of entities) {
    for (const o of entity.occurrences) {
      const key = paragraphKey(o.articleId, o.paragraph);
      const list = byParagraph.get(key) ?? [];
      list.push({ start: o.start, end: o.end, entity });
      byParagraph.set(key, list);
    }
  }
  const facts = index.docs.map((doc) => ({
    ...factsOf(doc),
    entities: (byParagraph.get(paragraphKey(doc.article.id, doc.paragraph.n)) ?? []).sort((a, b) => a.start - b.start),
  }));
  const paragraphs = new Map(index.docs.map((d) => [paragraphKey(d.article.id, d.paragraph.n), d]));
  return { corpus, index, aliases: new AliasExpander(corpus.aliases), entities, facts, paragraphs };
}
