/**
 * `who [NAME or QUESTION]`: people and organisations as the articles name them, with the roles
 * the articles give them, merged across spellings and counted per outlet.
 */
import type { Entity } from '../text/entities.js';
import { entityKey } from '../text/entities.js';
import { fold } from '../text/fold.js';
import { citationOf, excerptOf } from './excerpts.js';
import type { KnowledgeBase } from './facts.js';
import { questionKind } from './question.js';
import { prepareQuery, retrieve, suggestionsFor } from './retrieve.js';
import { LIST_LIMIT, type EntitySummary, type Excerpt, type NoEvidenceAnswer, type WhoAnswer } from './types.js';

/** Excerpts shown for one entity at most. */
const WHO_EXCERPTS = 6;

/** Lists everyone, describes one person, or names the people in the answer to a question. */
export function who(kb: KnowledgeBase, text: string | undefined): WhoAnswer | NoEvidenceAnswer {
  const query = text?.trim() ?? '';
  if (query === '') {
    // The directory is ordered most mentioned first: the head of it is the list.
    const answer = listing(kb.entities.slice(0, LIST_LIMIT).map((e) => summarise(kb, e)));
    return kb.entities.length > LIST_LIMIT ? { ...answer, total: kb.entities.length } : answer;
  }
  const named = findByName(kb.entities, query);
  if (named.length > 0 && questionKind(query) !== 'who') return describe(kb, query, named);
  return fromQuestion(kb, query);
}

function listing(all: EntitySummary[], query?: string, excerpts: Excerpt[] = []): WhoAnswer {
  return {
    kind: 'who',
    ...(query !== undefined ? { query } : {}),
    people: all.filter((e) => e.kind === 'person'),
    organisations: all.filter((e) => e.kind === 'organisation'),
    excerpts,
  };
}

/** Entities whose name, a variant, or one word of the name matches the query. */
export function findByName(entities: readonly Entity[], query: string): Entity[] {
  const names = nameIndexOf(entities);
  const exact = names.byKey.get(entityKey(query));
  if (exact) return [...exact];
  const words = fold(query).split(NAME_SEPARATOR).filter((w) => w.length > 1);
  const [first] = words;
  if (first === undefined) return [];
  // Entities with one name (or variant) holding every word of the query; the first word narrows.
  return (names.byWord.get(first) ?? []).filter((e) => (names.parts.get(e) ?? []).some((parts) => words.every((w) => parts.includes(w))));
}

const NAME_SEPARATOR = /[\s'’-]+/;

/** Entities by the keys of their names and by the words of their names, made once per directory. */
interface NameIndex {
  readonly byKey: ReadonlyMap<string, readonly Entity[]>;
  readonly byWord: ReadonlyMap<string, readonly Entity[]>;
  /** Each entity's names (display name and variants), folded and split into words. */
  readonly parts: ReadonlyMap<Entity, ReadonlyArray<readonly string[]>>;
}

const nameIndexes = new WeakMap<readonly Entity[], NameIndex>();

/** The name index of a directory: a query looks names up instead of folding every name of the corpus. */
function nameIndexOf(entities: readonly Entity[]): NameIndex {
  let index = nameIndexes.get(entities);
  if (index) return index;
  const byKey = new Map<string, Entity[]>();
  const byWord = new Map<string, Entity[]>();
  const parts = new Map<Entity, string[][]>();
  const add = (map: Map<string, Entity[]>, key: string, entity: Entity) => {
    const list = map.get(key);
    if (!list) map.set(key, [entity]);
    else if (list[list.length - 1] !== entity) list.push(entity);
  };
  for (const entity of entities) {
    add(byKey, entity.key, entity);
    for (const v of entity.variants) add(byKey, entityKey(v), entity);
    const split = [entity.name, ...entity.variants].map((n) => fold(n).split(NAME_SEPARATOR));
    parts.set(entity, split);
    for (const word of new Set(split.flat())) add(byWord, word, entity);
  }
  index = { byKey, byWord, parts };
  nameIndexes.set(entities, index);
  return index;
}

function describe(kb: KnowledgeBase, query: string, named: Entity[]): WhoAnswer {
  const excerpts: Excerpt[] = [];
  const terms = new Set(prepareQuery(kb, query).terms);
  for (const entity of named) {
    const seen = new Set<number>();
    for (const o of entity.occurrences) {
      const doc = kb.paragraph(o.articleId, o.paragraph);
      if (!doc || seen.has(doc.id)) continue;
      seen.add(doc.id);
      excerpts.push(excerptOf(doc, { terms, targets: [{ start: o.start, end: o.end }], targetBonus: 2 }));
      if (excerpts.length >= WHO_EXCERPTS) break;
    }
  }
  return listing(named.slice(0, LIST_LIMIT).map((e) => summarise(kb, e)), query, excerpts.slice(0, WHO_EXCERPTS));
}

function fromQuestion(kb: KnowledgeBase, question: string): WhoAnswer | NoEvidenceAnswer {
  const query = { ...prepareQuery(kb, question), kind: 'who' as const };
  const { ranked } = retrieve(kb, query, { limit: 5 });
  const found = new Map<string, Entity>();
  for (const r of ranked) {
    for (const m of kb.factsOf(r.doc.id).entities) {
      if (m.start >= r.excerpt.start && m.end <= r.excerpt.end) found.set(m.entity.key, m.entity);
    }
  }
  if (found.size === 0) return { kind: 'no-evidence', command: 'who', query: question, suggestions: suggestionsFor(kb, query) };
  return listing([...found.values()].map((e) => summarise(kb, e)), question, ranked.map((r) => r.excerpt));
}

/** Summaries already made, per knowledge base: the same people are asked about again and again. */
const summaries = new WeakMap<KnowledgeBase, Map<Entity, EntitySummary>>();

/** Roles shown per entity at most: a name repeated across hundreds of articles keeps its role in each. */
const ROLES_SHOWN = 10;

/** An entity as the answers show it: name, roles with their citations, mentions per outlet. */
function summarise(kb: KnowledgeBase, entity: Entity): EntitySummary {
  let known = summaries.get(kb);
  if (!known) summaries.set(kb, (known = new Map()));
  let summary = known.get(entity);
  if (!summary) known.set(entity, (summary = summaryOf(kb, entity)));
  return summary;
}

function summaryOf(kb: KnowledgeBase, entity: Entity): EntitySummary {
  const counts = new Map<string, number>();
  for (const o of entity.occurrences) {
    const doc = kb.paragraph(o.articleId, o.paragraph);
    if (doc) counts.set(doc.source.short, (counts.get(doc.source.short) ?? 0) + 1);
  }
  // The same words from the same outlet say nothing new: each wording once per outlet.
  const stated = new Set<string>();
  const roles: EntitySummary['roles'][number][] = [];
  for (const r of entity.roles) {
    const doc = kb.paragraph(r.articleId, r.paragraph);
    const key = `${doc?.source.id}\u0000${r.text}`;
    if (!doc || stated.has(key)) continue;
    stated.add(key);
    roles.push({ text: r.text, citation: citationOf(doc) });
    if (roles.length >= ROLES_SHOWN) break;
  }
  return {
    name: entity.name,
    kind: entity.kind,
    variants: entity.variants.filter((v) => v !== entity.name),
    roles,
    mentions: [...counts].map(([outlet, count]) => ({ outlet, count })).sort((a, b) => b.count - a.count || a.outlet.localeCompare(b.outlet)),
    total: entity.occurrences.length,
  };
}
