/**
 * Autocomplete suggestions, pure and fast (a few lookups in memory), as the command table says
 * (`completion` of the command's argument): `names`, people and organisations (`/who`); `words`,
 * and any command without a completion of its own, the word being typed completed from the index
 * (and from people's names), the rest of the phrase kept. An empty field gets the most mentioned people
 * and the most frequent words. Always within Discord's limits: 25 choices, 100 characters each.
 */
import type { Engine } from '../answers/engine.js';
import type { Entity } from '../text/entities.js';
import { termOf } from '../text/analyser.js';
import { fold } from '../text/fold.js';
import { completionOf } from '../commands/table.js';
import type { SlashName } from './commands.js';
import { COMMAND } from './limits.js';

/** One autocomplete choice. */
export interface Choice {
  readonly name: string;
  readonly value: string;
}

/** People shown for an empty field, before the frequent words. */
const TOP_PEOPLE = 8;

/** Choices for the focused option of a command; `[]` when there is nothing to suggest. */
export function suggest(engine: Engine, command: SlashName, typed: string): Choice[] {
  if (typed.length > COMMAND.CHOICE_VALUE_MAX) return [];
  const texts = completionOf(command) === 'names' ? entityNames(engine.kb.entities, typed) : phrases(engine, typed);
  return choices(texts);
}

/** Distinct texts as choices, each within 100 characters (longer ones are left out, not cut: a cut value would search for something else). */
function choices(texts: readonly string[]): Choice[] {
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const text of texts) {
    const value = text.trim();
    const key = fold(value);
    if (value === '' || value.length > COMMAND.CHOICE_NAME_MAX || seen.has(key)) continue;
    seen.add(key);
    out.push({ name: value, value });
    if (out.length === COMMAND.AUTOCOMPLETE_CHOICES_MAX) break;
  }
  return out;
}

/** Most mentioned first. */
function byMentions(entities: readonly Entity[]): Entity[] {
  return [...entities].sort((a, b) => b.occurrences.length - a.occurrences.length || a.name.localeCompare(b.name));
}

/** An entity with its spellings folded once, for matching what is typed. */
interface NamedEntity {
  readonly entity: Entity;
  readonly spellings: readonly string[];
  readonly words: readonly string[];
}

/**
 * Entities most mentioned first with their folded spellings, computed once per entity list:
 * autocomplete runs on every keystroke and must not sort or fold the whole directory each time.
 */
const namedCache = new WeakMap<readonly Entity[], readonly NamedEntity[]>();

function named(entities: readonly Entity[]): readonly NamedEntity[] {
  let list = namedCache.get(entities);
  if (!list) {
    list = byMentions(entities).map((entity) => {
      const all = [entity.name, ...entity.variants];
      return { entity, spellings: all.map((n) => fold(n)), words: all.flatMap(nameWords) };
    });
    namedCache.set(entities, list);
  }
  return list;
}

/** Words of a name, folded: `Sergueï Choïgou` → `sergueï`, `choigou`. */
function nameWords(name: string): string[] {
  return fold(name).split(/[\s'’-]+/u).filter((w) => w.length > 0);
}

/** People and organisations whose name (or another spelling) has a word starting with, or contains, what is typed. */
function entityNames(entities: readonly Entity[], typed: string): string[] {
  const q = fold(typed.trim());
  const ranked = named(entities);
  const limit = COMMAND.AUTOCOMPLETE_CHOICES_MAX;
  if (q === '') return ranked.slice(0, limit).map((e) => e.entity.name);
  const wordStart: string[] = [];
  const inside: string[] = [];
  for (const e of ranked) {
    if (e.spellings.some((s) => s.startsWith(q)) || e.words.some((w) => w.startsWith(q))) wordStart.push(e.entity.name);
    else if (inside.length < limit && e.spellings.some((s) => s.includes(q))) inside.push(e.entity.name);
    if (wordStart.length >= limit) break;
  }
  return [...wordStart, ...inside];
}

/**
 * The phrase typed so far with its last word completed: from the index (most frequent words
 * first) and from people's names. `l'arm` completes to `l'armée` (the elided article is kept).
 */
function phrases(engine: Engine, typed: string): string[] {
  const match = /^(.*?)(?:([a-zà-ÿ]['’]))?(\S*)$/isu.exec(typed);
  const head = (match?.[1] ?? '') + (match?.[2] ?? '');
  const last = match?.[3] ?? '';
  const people = peopleOf(engine.kb.entities);
  if (typed.trim() === '') return [...people.ranked.slice(0, TOP_PEOPLE).map((e) => e.entity.name), ...engine.kb.index.wordsStartingWith('', COMMAND.AUTOCOMPLETE_CHOICES_MAX)];
  if (last === '') return [typed];
  const folded = fold(last);
  const stem = termOf(folded);
  const words = [...engine.kb.index.wordsStartingWith(folded), ...(stem && stem !== folded ? engine.kb.index.wordsStartingWith(stem) : [])];
  return [...peopleWithWordStarting(people, folded), ...words].map((w) => `${head}${w}`);
}

/** People most mentioned first, and every word of their names in code-unit order with the person's place in that list. */
interface PeopleIndex {
  readonly ranked: readonly NamedEntity[];
  readonly words: readonly string[];
  /** Aligned with `words`: the person's position in `ranked`. */
  readonly ranks: Int32Array;
}

/**
 * The people of an entity list, made once per list: at a million paragraphs (37 000 people and
 * organisations) going through every person's words at each keystroke was most of an
 * autocomplete's time, up to 20 ms (bench:latency --corpus zipf, profiled).
 */
const peopleCache = new WeakMap<readonly Entity[], PeopleIndex>();

function peopleOf(entities: readonly Entity[]): PeopleIndex {
  let index = peopleCache.get(entities);
  if (!index) {
    const ranked = named(entities).filter((e) => e.entity.kind === 'person');
    const pairs = ranked.flatMap((e, rank) => e.words.map((word) => [word, rank] as const));
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    index = { ranked, words: pairs.map(([word]) => word), ranks: Int32Array.from(pairs, ([, rank]) => rank) };
    peopleCache.set(entities, index);
  }
  return index;
}

/** Names of the people with a word starting with `folded`, most mentioned first: the words starting so are one run of the sorted words. */
function peopleWithWordStarting({ ranked, words, ranks }: PeopleIndex, folded: string): string[] {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((words[mid] as string) < folded) low = mid + 1;
    else high = mid;
  }
  const found: number[] = [];
  for (let i = low; i < words.length && (words[i] as string).startsWith(folded); i++) found.push(ranks[i] as number);
  return [...new Set(found)].sort((a, b) => a - b).map((rank) => (ranked[rank] as NamedEntity).entity.name);
}
