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
import { TextTable } from '../store/text-table.js';

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
type TextFacts = Omit<ParagraphFacts, 'entities'>;

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
  /** A paragraph by article id and paragraph number. */
  paragraph(articleId: string, n: number): IndexedParagraph | undefined;
}

/** Key of one paragraph of one article. */
export function paragraphKey(articleId: string, n: number): string {
  return `${articleId}#${n}`;
}

/** Derives everything from a corpus. Pure and deterministic: the same corpus gives the same base. */
export function buildKnowledgeBase(corpus: Corpus): KnowledgeBase {
  const index = ParagraphIndex.build(corpus);
  const entities = buildEntityDirectory(corpus.articles, corpus.aliases);
  const facts: TextFacts[] = index.docs.map((doc) => {
    const text = doc.paragraph.text;
    return { dates: findDates(text, doc.article.published), figures: findFigures(text), places: findPlaces(text) };
  });
  return assemble(corpus, index, entities, (id) => facts[id] as TextFacts, timelineOf(index.docs, facts));
}

/**
 * Everything derived from a corpus, in the form a start-up cache saves: typed arrays and JSON,
 * each paragraph's facts as a JSON string of its own, parsed only when that paragraph is read.
 */
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
  return assemble(corpus, index, saved.entities, (id) => JSON.parse(saved.facts.get(id)) as TextFacts, saved.timeline);
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

/** Joins the index, the entity directory and per-paragraph facts into one base. */
function assemble(corpus: Corpus, index: ParagraphIndex, entities: readonly Entity[], textFactsOf: (id: number) => TextFacts, timeline: Int32Array): KnowledgeBase {
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
  return {
    corpus,
    index,
    aliases: new AliasExpander(corpus.aliases),
    entities,
    timeline,
    factsOf: (id) => ({ ...textFactsOf(id), entities: byDoc.get(id) ?? [] }),
    paragraph: (articleId, n) => index.paragraphOf(articleId, n),
  };
}
