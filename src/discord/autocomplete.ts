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
  const people = named(engine.kb.entities).filter((e) => e.entity.kind === 'person');
  if (typed.trim() === '') return [...people.slice(0, TOP_PEOPLE).map((e) => e.entity.name), ...engine.kb.index.wordsStartingWith('', COMMAND.AUTOCOMPLETE_CHOICES_MAX)];
  if (last === '') return [typed];
  const folded = fold(last);
  const stem = termOf(folded);
  const words = [...engine.kb.index.wordsStartingWith(folded), ...(stem && stem !== folded ? engine.kb.index.wordsStartingWith(stem) : [])];
  const names = people.filter((e) => e.words.some((w) => w.startsWith(folded))).map((e) => e.entity.name);
  return [...names, ...words].map((w) => `${head}${w}`);
}
