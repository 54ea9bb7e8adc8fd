/**
 * The people and organisations of one segment as its paragraphs were read, before the directory
 * merges them: the names found on their own evidence (the first reading), the known names the
 * second reading used, each paragraph's mentions, and the runs only a known name decides. From
 * these, the directory of several segments is the one {@link buildEntityDirectory} would make
 * over all their articles: the known names are those of every segment, the few paragraphs a name
 * new to their segment could read differently are read again, and every mention is merged at once.
 */
import type { IndexedParagraph } from '../search/paragraph-index.js';
import { finishNow, type Stepwise } from '../text/stepwise.js';
import type { ParagraphEntity } from './knowledge-base.js';
import { entitiesOfGroupsSteps, extendedList, findEntities, groupKeyOf, groupMentions, namesFoundAlone, type Entity, type EntityMemo, type EntityMention, type FoundMention, type SpellingGroup } from '../text/entities.js';
import { DependentRuns, knownNamesOf, type DependentRun } from '../text/known-names.js';

/** One segment's reading of its names (see the module comment). */
export interface SegmentNames {
  /** People found on their own evidence, as written, in paragraph order, each once. */
  readonly firstPass: readonly string[];
  /** The known names its paragraphs were read with (its own, after those of the segments before it). */
  readonly known: readonly string[];
  /** How a paragraph was read (its mentions in text order, its dependent runs), by local id. */
  readOf(localId: number): ReadParagraph;
  /** The runs only a known name decides, looked up by name (made on first need). */
  runs(): DependentRuns;
}

/** A paragraph's mentions and dependent runs, as the cache saves them. */
export interface ReadParagraph {
  readonly mentions: readonly EntityMention[];
  readonly runs: readonly DependentRun[];
}

const NOTHING: ReadParagraph = { mentions: [], runs: [] };

/**
 * Reads a segment's paragraphs (one step each, twice): first on their own evidence, then with the
 * names known before them (`before`: the first readings of the segments it comes after) and their own.
 */
export function* readNames(docs: readonly IndexedParagraph[], before: readonly string[], aliases: readonly SpellingGroup[]): Stepwise<SegmentNames> {
  const own = yield* firstReadingSteps(docs);
  const known = knownNamesOf(new Set([...before, ...own]), aliases);
  const read = yield* secondReadingSteps(docs, known);
  return namesOf([...own], known, (id) => read[id] ?? NOTHING, read.length);
}

/** The first reading (one step per paragraph): the people found on their own evidence, as written, in paragraph order, each once. */
export function* firstReadingSteps(docs: readonly IndexedParagraph[]): Stepwise<Set<string>> {
  const own = new Set<string>();
  for (const doc of docs) {
    for (const name of namesFoundAlone(doc.paragraph.text)) own.add(name);
    yield;
  }
  return own;
}

/** The second reading (one step per paragraph): each paragraph's mentions and dependent runs, with the known names. */
export function* secondReadingSteps(docs: readonly IndexedParagraph[], known: readonly string[]): Stepwise<ReadParagraph[]> {
  const read: ReadParagraph[] = [];
  for (const doc of docs) {
    const runs: DependentRun[] = [];
    const mentions = findEntities(doc.paragraph.text, known, runs);
    read.push(mentions.length === 0 && runs.length === 0 ? NOTHING : { mentions, runs });
    yield;
  }
  return read;
}

/** Segment names over `count` paragraphs already read (now, or restored from the cache). */
export function namesOf(firstPass: readonly string[], known: readonly string[], readOf: (localId: number) => ReadParagraph, count: number): SegmentNames {
  let runs: DependentRuns | undefined;
  return {
    firstPass,
    known,
    readOf,
    runs: () => {
      runs ??= new DependentRuns(allRuns(readOf, count));
      return runs;
    },
  };
}

/** How a paragraph with neither mentions nor dependent runs reads. */
export const NOTHING_READ: ReadParagraph = NOTHING;

function* allRuns(readOf: (id: number) => ReadParagraph, count: number): Generator<{ doc: number; run: DependentRun }> {
  for (let doc = 0; doc < count; doc++) for (const run of readOf(doc).runs) yield { doc, run };
}

/** A segment of a composition: its names and its paragraphs (local ids). */
export interface NamedSegment {
  readonly names: SegmentNames;
  readonly docs: readonly IndexedParagraph[];
}

/**
 * Mentions ranked in corpus order by paragraph: a paragraph's mentions are numbered from its
 * document id times this, so that a segment's numbers stay the same in every composition that
 * starts with it and a paragraph read again takes its place without renumbering the others.
 */
const MENTION_RANKS = 2 ** 20;

/** A first segment's mentions grouped once, for every composition that starts with it. */
interface Prepared {
  readonly aliases: readonly SpellingGroup[];
  readonly groups: ReadonlyMap<string, FoundMention[]>;
  readonly memo: EntityMemo;
}

const preparedBySegment = new WeakMap<SegmentNames, Prepared>();

function preparedOf(first: NamedSegment, aliases: readonly SpellingGroup[]): Prepared {
  const known = preparedBySegment.get(first.names);
  if (known && known.aliases === aliases) return known;
  const groups = groupMentions(mentionsOf(first, 0, first.names.readOf), aliases);
  const stable = new WeakSet<readonly FoundMention[]>(groups.values());
  const prepared = { aliases, groups, memo: { stable, made: new Map() } };
  preparedBySegment.set(first.names, prepared);
  return prepared;
}

/** A segment's mentions, ranked from its first document id; `readOf` says how each paragraph reads. */
function* mentionsOf(segment: NamedSegment, docStart: number, readOf: (local: number) => ReadParagraph): Generator<FoundMention> {
  for (let local = 0; local < segment.docs.length; local++) yield* paragraphMentions(segment.docs[local] as IndexedParagraph, docStart + local, readOf(local).mentions);
}

/** One paragraph's mentions, ranked from its document id. */
function paragraphMentions(doc: IndexedParagraph, id: number, mentions: readonly EntityMention[]): FoundMention[] {
  return mentions.map((mention, i) => ({ mention, articleId: doc.article.id, paragraph: doc.paragraph.n, order: id * MENTION_RANKS + i }));
}

/**
 * Groups the first mentions of a knowledge base made of this one segment and makes their entities,
 * ahead of the first composition over it (a base restored from the cache decodes its paragraphs'
 * names then), so that a composition makes only the entities a publish adds to.
 */
export function prepareComposition(first: NamedSegment, aliases: readonly SpellingGroup[]): void {
  // The runs of its paragraphs that a new name could read differently, looked up at every composition.
  first.names.runs();
  const known = preparedBySegment.get(first.names);
  if (known && known.aliases === aliases && known.memo.made.size > 0) return;
  // The directory of the segment alone makes every entity of its groups once, into the memo.
  directoryOf([first], aliases);
}

/**
 * The directory of people and organisations over segments, in order: the one a single reading of
 * all their paragraphs gives. The first segment's mentions are grouped once and kept; a
 * composition regroups only what the others add and the few paragraphs a name new to their
 * segment reads differently. A segment whose known names the others' do not all cover (read
 * against another base) is read again whole.
 */
export function directoryOf(segments: readonly NamedSegment[], aliases: readonly SpellingGroup[]): Directory {
  return finishNow(directorySteps(segments, aliases));
}

/** {@link directoryOf} in steps, to run cooperatively at a publish. */
export function* directorySteps(segments: readonly NamedSegment[], aliases: readonly SpellingGroup[]): Stepwise<Directory> {
  const known = knownNamesOf(new Set(segments.flatMap((s) => s.names.firstPass)), aliases);
  const knownSet = new Set(known);
  const reread = segments.map(({ names }) => {
    const readWith = new Set(names.known);
    if (names.known.some((n) => !knownSet.has(n))) return undefined;
    const fresh = known.filter((n) => !readWith.has(n));
    // A segment read with every name (a base alone) has nothing to read again: its runs' lookup
    // table (0.45 s of a 20 000-paragraph Zipf build, profiled) is not made for nothing.
    return fresh.length === 0 ? new Set<number>() : names.runs().docsChangedBy(fresh);
  });
  const [first] = segments;
  const prepared = first && reread[0] !== undefined ? preparedOf(first, aliases) : undefined;
  yield;
  const groups = new Map(prepared?.groups);
  yield;
  // Mentions read again, by document id: they replace the segment's reading of those paragraphs.
  const readAgain = new Map<number, readonly EntityMention[]>();
  const added = new Map<string, FoundMention[]>();
  const add = (f: FoundMention) => {
    const key = groupKeyOf(f.mention.surface, aliases);
    const list = added.get(key);
    if (list) list.push(f);
    else added.set(key, [f]);
  };
  const starts: number[] = [];
  let docStart = 0;
  for (const [s, segment] of segments.entries()) {
    starts.push(docStart);
    const again = reread[s];
    const readOf = (local: number): ReadParagraph => {
      if (again !== undefined && !again.has(local)) return segment.names.readOf(local);
      const mentions = findEntities(segment.docs[local]?.paragraph.text ?? '', known);
      readAgain.set(docStart + local, mentions);
      return { mentions, runs: [] };
    };
    if (s === 0 && prepared && again) {
      if (again.size > 0) rereadFirst(groups, segment, again, aliases);
      for (const local of again) for (const f of paragraphMentions(segment.docs[local] as IndexedParagraph, local, readOf(local).mentions)) add(f);
    } else {
      for (const f of mentionsOf(segment, docStart, readOf)) add(f);
    }
    docStart += segment.docs.length;
    yield;
  }
  for (const [key, list] of added) {
    const held = groups.get(key);
    groups.set(key, held ? extendedList(held, list) : list);
  }
  yield;
  const entityOfKey = new Map<string, Entity>();
  const entities = yield* entitiesOfGroupsSteps(groups, aliases, prepared?.memo, (entity, members) => {
    for (const key of members) entityOfKey.set(key, entity);
  });
  const mentionsAt = (id: number): readonly EntityMention[] => {
    const again = readAgain.get(id);
    if (again) return again;
    let s = starts.length - 1;
    while (s > 0 && (starts[s] as number) > id) s--;
    const segment = segments[s] as NamedSegment;
    const local = id - (starts[s] as number);
    return local < segment.docs.length ? segment.names.readOf(local).mentions : [];
  };
  return { entities, entitiesOf: paragraphEntities(mentionsAt, (surface) => entityOfKey.get(groupKeyOf(surface, aliases))) };
}

/** Paragraphs whose entities are kept, per directory: those of a query's candidates are asked again and again. */
const ENTITIES_KEPT = 50_000;

/**
 * The entities each paragraph names, in text order, made when first asked from its mentions
 * (every mention is in a group, every group in one entity): a directory is made at every publish,
 * and listing every paragraph's entities then cost more than the rest of the directory.
 */
function paragraphEntities(mentionsAt: (id: number) => readonly EntityMention[], entityOf: (surface: string) => Entity | undefined): (id: number) => readonly ParagraphEntity[] {
  const kept = new Map<number, readonly ParagraphEntity[]>();
  return (id) => {
    let found = kept.get(id);
    if (found) return found;
    const mentions = mentionsAt(id);
    if (mentions.length === 0) return NO_ENTITIES;
    found = mentions
      .flatMap((m) => {
        const entity = entityOf(m.surface);
        return entity ? [{ start: m.start, end: m.end, entity }] : [];
      })
      .sort((a, b) => a.start - b.start);
    if (kept.size >= ENTITIES_KEPT) kept.clear();
    kept.set(id, found);
    return found;
  };
}

const NO_ENTITIES: readonly ParagraphEntity[] = [];

/** A directory and the mentions of it in each paragraph. */
export interface Directory {
  readonly entities: Entity[];
  /** The entities a paragraph names, by document id, in text order. */
  entitiesOf(id: number): readonly ParagraphEntity[];
}

/** Takes the first segment's paragraphs that are read again out of their groups (groups left empty go). */
function rereadFirst(groups: Map<string, FoundMention[]>, first: NamedSegment, again: ReadonlySet<number>, aliases: readonly SpellingGroup[]): void {
  const keys = new Set<string>();
  for (const local of again) for (const m of first.names.readOf(local).mentions) keys.add(groupKeyOf(m.surface, aliases));
  for (const key of keys) {
    const list = (groups.get(key) ?? []).filter((f) => !again.has(Math.floor(f.order / MENTION_RANKS)));
    if (list.length === 0) groups.delete(key);
    else groups.set(key, list);
  }
}
