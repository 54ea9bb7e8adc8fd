/**
 * `who [NAME or QUESTION]`: people and organisations as the articles name them, with the roles
 * the articles give them, merged across spellings and counted per outlet.
 */
import type { Entity } from '../text/entities.js';
import { entityKey } from '../text/entities.js';
import { deletionVariants, sameWordSpelling, wordSpelling } from '../text/name-spelling.js';
import { citationOf, excerptOf } from './citations.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { questionKind } from './question.js';
import { prepareQuery, retrieve, suggestionsFor } from './retrieve.js';
import { LIST_LIMIT, type EntitySummary, type Excerpt, type NoEvidenceAnswer, type WhoAnswer } from './types.js';

/** Excerpts shown for one entity at most. */
const WHO_EXCERPTS = 6;
/**
 * Bonus, in excerpt score, for holding the mention an excerpt shows: as much as two words of the
 * name (each weighs 1 here), so the excerpt is chosen around that mention of the name.
 */
const MENTION_TARGET_BONUS = 2;
/** Paragraphs read for the people who answer a question (`Qui a annoncé … ?`). */
const WHO_PARAGRAPHS = 5;

/** Lists everyone, describes one person, or names the people in the answer to a question. */
export function who(kb: KnowledgeBase, text: string | undefined): WhoAnswer | NoEvidenceAnswer {
  const query = text?.trim() ?? '';
  if (query === '') {
    // The directory is ordered most mentioned first: the head of it is the list.
    const answer = listing(kb.entities.slice(0, LIST_LIMIT).map((e) => summarise(kb, e)));
    return kb.entities.length > LIST_LIMIT ? { ...answer, total: kb.entities.length } : answer;
  }
  const asked = questionKind(query) === 'who' ? ASKING_FOR_A_NAME.exec(query)?.[1] : query;
  const named = asked === undefined ? [] : findByName(kb.entities, asked);
  if (named.length > 0) return describe(kb, query, named);
  return fromQuestion(kb, query);
}

/** `Qui est Shoigu ?`, `who is Kim Jong-un?`: a question that only asks for a name's person. */
const ASKING_FOR_A_NAME = /^\s*(?:qui\s+(?:est|était|etait|sont)|who\s+(?:is|was|are))\s+(.+?)\s*\??\s*$/iu;

function listing(all: EntitySummary[], query?: string, excerpts: Excerpt[] = []): WhoAnswer {
  return {
    kind: 'who',
    ...(query !== undefined ? { query } : {}),
    people: all.filter((e) => e.kind === 'person'),
    organisations: all.filter((e) => e.kind === 'organisation'),
    excerpts,
  };
}

/**
 * Entities one of whose names holds every word of the query under some spelling, in directory
 * order (most mentioned first). A query word stands for the name words spelled as it is
 * (`Shoigu`, `Choïgou`, `Shoygu` are one, see `text/name-spelling.ts`), or, when no name word is,
 * for those one safe edit away (`Zelesnky`); so every spelling of a name gives the same entities.
 */
export function findByName(entities: readonly Entity[], query: string): Entity[] {
  const index = nameIndexOf(entities);
  const words = entityKey(query).split(' ').filter((w) => w.length > 1);
  if (words.length === 0) return [];
  const meanings = words.map((w) => index.meanings(w));
  if (meanings.some((m) => m.size === 0)) return [];
  const [first] = meanings;
  const candidates = new Set([...(first ?? [])].flatMap((w) => index.byWord.get(w) ?? []));
  return entities.filter((e) => candidates.has(e) && (index.names.get(e) ?? []).some((name) => meanings.every((m) => name.some((w) => m.has(w)))));
}

/** Entities by the spellings of their names' words, made once per directory. */
interface NameIndex {
  readonly byWord: ReadonlyMap<string, readonly Entity[]>;
  /** Each entity's names (display name and variants), as word spellings (both forms of a last word). */
  readonly names: ReadonlyMap<Entity, ReadonlyArray<readonly string[]>>;
  /** The name-word spellings a query word stands for; empty when none. */
  meanings(word: string): ReadonlySet<string>;
}

const nameIndexes = new WeakMap<readonly Entity[], NameIndex>();

/**
 * The name index of a directory: a query looks spellings up instead of comparing it with every
 * name of the corpus, and finds near spellings through their deletion variants. A directory is
 * made at every publish, mostly of the same entity objects: their spellings are kept per entity,
 * and the deletion variants per word, so that a new directory's index only files them.
 */
function nameIndexOf(entities: readonly Entity[]): NameIndex {
  let index = nameIndexes.get(entities);
  if (index) return index;
  const byWord = new Map<string, Entity[]>();
  const names = new Map<Entity, ReadonlyArray<readonly string[]>>();
  for (const entity of entities) {
    const { spelled, words } = spellingsOf(entity);
    names.set(entity, spelled);
    for (const word of words) {
      const list = byWord.get(word);
      if (!list) byWord.set(word, [entity]);
      else list.push(entity);
    }
  }
  const meanings = (word: string): ReadonlySet<string> => {
    const forms = [wordSpelling(word), wordSpelling(word, true)];
    const exact = new Set(forms.filter((f) => byWord.has(f)));
    if (exact.size > 0) return exact;
    const near = new Set<string>();
    for (const f of forms) for (const d of deletionVariants(f)) for (const w of nearbyWords.get(d) ?? []) if (byWord.has(w) && sameWordSpelling(f, w)) near.add(w);
    return near;
  };
  index = { byWord, names, meanings };
  nameIndexes.set(entities, index);
  return index;
}

/** An entity's names (display name, then variants) as word spellings, and their distinct words. */
interface Spellings {
  readonly spelled: ReadonlyArray<readonly string[]>;
  readonly words: readonly string[];
}

const spellings = new WeakMap<Entity, Spellings>();

function spellingsOf(entity: Entity): Spellings {
  let known = spellings.get(entity);
  if (!known) {
    const spelled = [entity.name, ...entity.variants].map(wordSpellings);
    const words = [...new Set(spelled.flat())];
    for (const word of words) fileNearby(word);
    spellings.set(entity, (known = { spelled, words }));
  }
  return known;
}

/**
 * Name words met in any directory, by their deletion variants (`putin` under `ptin`, `puin`…): a
 * query word's near spellings are looked up here, and kept only when the directory has them.
 */
const nearbyWords = new Map<string, Set<string>>();
const filedWords = new Set<string>();

function fileNearby(word: string): void {
  if (filedWords.has(word)) return;
  filedWords.add(word);
  for (const d of deletionVariants(word)) {
    const list = nearbyWords.get(d);
    if (list) list.add(word);
    else nearbyWords.set(d, new Set([word]));
  }
}

/**
 * A name's words as spellings, a last word in both forms (`Poutine` is `putine` and `putin`),
 * and two neighbour words written as one (`Jae-myung` is also `jaemyung`).
 */
function wordSpellings(name: string): string[] {
  const words = entityKey(name).split(' ');
  const last = words.length - 1;
  const joined = words.slice(1).map((w, i) => wordSpelling(`${words[i] ?? ''}${w}`, i + 1 === last));
  return [...new Set([...words.flatMap((w, i) => (i === last ? [wordSpelling(w), wordSpelling(w, true)] : [wordSpelling(w)])), ...joined])];
}

function describe(kb: KnowledgeBase, query: string, named: Entity[]): WhoAnswer {
  const excerpts: Excerpt[] = [];
  for (const entity of named) {
    // The entity's own name picks the excerpts, not the query's spelling: every spelling of a
    // name gives the same answer.
    const terms = new Set(prepareQuery(kb, entity.name).terms);
    const seen = new Set<number>();
    for (const o of entity.occurrences) {
      const doc = kb.paragraph(o.articleId, o.paragraph);
      if (!doc || seen.has(doc.id)) continue;
      seen.add(doc.id);
      excerpts.push(excerptOf(doc, { terms, targets: [{ start: o.start, end: o.end }], targetBonus: MENTION_TARGET_BONUS }));
      if (excerpts.length >= WHO_EXCERPTS) break;
    }
  }
  return listing(named.slice(0, LIST_LIMIT).map((e) => summarise(kb, e)), query, excerpts.slice(0, WHO_EXCERPTS));
}

function fromQuestion(kb: KnowledgeBase, question: string): WhoAnswer | NoEvidenceAnswer {
  const query = { ...prepareQuery(kb, question), kind: 'who' as const };
  const { ranked } = retrieve(kb, query, { limit: WHO_PARAGRAPHS });
  const found = new Map<string, Entity>();
  for (const r of ranked) {
    for (const m of kb.factsOf(r.doc.id).entities) {
      if (m.start >= r.excerpt.start && m.end <= r.excerpt.end) found.set(m.entity.key, m.entity);
    }
  }
  if (found.size === 0) return { kind: 'no-evidence', command: 'who', query: question, suggestions: suggestionsFor(kb, query) };
  return listing([...found.values()].map((e) => summarise(kb, e)), question, ranked.map((r) => r.excerpt));
}

/**
 * Summaries already made, per entity: the same people are asked about again and again. An entity
 * object is shared only by knowledge bases over the same base (a composition keeps the entities
 * a publish does not add to), where its occurrences are the same paragraphs of the same outlets.
 */
const summaries = new WeakMap<Entity, EntitySummary>();

/** Roles shown per entity at most: a name repeated across hundreds of articles keeps its role in each. */
const ROLES_SHOWN = 10;

/** An entity as the answers show it: name, roles with their citations, mentions per outlet. */
function summarise(kb: KnowledgeBase, entity: Entity): EntitySummary {
  let summary = summaries.get(entity);
  if (!summary) summaries.set(entity, (summary = summaryOf(kb, entity)));
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
