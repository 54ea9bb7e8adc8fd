/**
 * Names of people already recognised somewhere in the corpus, as the second reading of every
 * paragraph uses them (a capitalised run with no evidence of its own is a person when it is one
 * of them, its surname or its first name under any spelling), and the runs that only such a name
 * could decide: what a collection of several segments needs to read its paragraphs as one
 * directory over all of them would, by reading again only the few paragraphs a newly known name
 * changes.
 */
import { nameSpelling } from './name-spelling.js';
import { entityKey, FUNCTION_WORDS } from './names.js';
import type { SpellingGroup } from './entities.js';

/** Names of people already recognised, by {@link entityKey} and by spelling (see `name-spelling.ts`). */
export interface Known {
  /** Exact keys, to cut a known name glued to the next word, each with its position in the list of names (the first one cuts). */
  readonly keys: ReadonlyMap<string, number>;
  /** Whole names' spellings, words joined by a space. */
  readonly spellings: ReadonlySet<string>;
  /** Spellings of first words (`sergei` for `Sergueï`). */
  readonly given: ReadonlySet<string>;
  /** Last words as keys, and their spellings when long enough not to be a common word. */
  readonly surnames: ReadonlySet<string>;
}

/** Known names digested once per list: the directory passes the same list for every paragraph. */
const knownCache = new WeakMap<readonly string[], Known>();

/** The digest of a list of names, made once per list object. */
export function knownOf(names: readonly string[]): Known {
  let known = knownCache.get(names);
  if (!known) {
    known = digestNames(names);
    knownCache.set(names, known);
  }
  return known;
}

function digestNames(names: readonly string[]): Known {
  const keys = new Map<string, number>();
  const spellings = new Set<string>();
  const given = new Set<string>();
  const surnames = new Set<string>();
  for (const name of names) {
    const key = entityKey(name);
    const words = key.split(' ');
    const spelled = nameSpelling(name);
    if (!keys.has(key)) keys.set(key, keys.size);
    spellings.add(spelled.join(' '));
    if (words.length < 2) continue;
    // "Le" of "Le Caravage" is no first name to look for.
    if (!FUNCTION_WORDS.has(words[0] ?? '')) given.add(spelled[0] ?? '');
    const last = words.at(-1) ?? '';
    // "Un" in "Kim Jong Un" is no surname to look for on its own.
    if (last.length < 3 || FUNCTION_WORDS.has(last)) continue;
    surnames.add(last);
    // A short spelling key ("le" for "Lee") would match common words.
    const lastSpelled = spelled.at(-1) ?? '';
    if (lastSpelled.length >= 4) surnames.add(lastSpelled);
  }
  return { keys, spellings, given, surnames };
}

/**
 * The names the second reading knows: the people found on their own evidence (`firstPass`, in
 * corpus order), then every spelling of an alias group one of them is, or ends with.
 */
export function knownNamesOf(firstPass: Iterable<string>, aliases: readonly SpellingGroup[]): string[] {
  const known = new Set<string>(firstPass);
  const knownKeys = [...known].map(entityKey);
  for (const group of aliases) {
    if (group.some((n) => knownKeys.some((k) => k === entityKey(n) || k.endsWith(` ${entityKey(n)}`)))) group.forEach((n) => known.add(n));
  }
  return [...known];
}

/**
 * A capitalised run with no evidence of its own (no title, no role, not a place), met in the
 * second reading: a person only if a known name makes it one, and cut short when a known name
 * ends inside its last word (`Kim Jong-Una`).
 */
export interface DependentRun {
  /** {@link entityKey} of the whole run. */
  readonly key: string;
  /** Taken as a person (by a known name, or by a verb of saying). */
  readonly taken: boolean;
}

/** True when the known names make a run a person (the rule of the second reading, without the cut). */
export function knownNameFits(key: string, known: Known): boolean {
  const words = key.split(' ');
  const spelled = nameSpelling(key);
  return known.keys.has(key) || known.spellings.has(spelled.join(' '))
    || (words.length >= 2 && known.given.has(spelled[0] ?? ''))
    || (words.length === 1 && !FUNCTION_WORDS.has(key) && (known.surnames.has(key) || known.surnames.has(spelled[0] ?? '')));
}

/** The known key a run's key starts with, followed by a letter (a known name glued to the next word), if any. */
export function gluedPrefix(key: string, known: Known): string | undefined {
  // Every beginning of the key that a letter follows, looked up: a run is a few words, and a
  // corpus knows tens of thousands of names. The one first in the list wins, as when it was
  // found by going through the list.
  let found: string | undefined;
  let first = Infinity;
  for (let end = 0; end < key.length; end++) {
    if (!/\p{L}/u.test(key[end] as string)) continue;
    const rank = known.keys.get(key.slice(0, end));
    if (rank !== undefined && rank < first) {
      first = rank;
      found = key.slice(0, end);
    }
  }
  return found;
}

/**
 * The dependent runs of some paragraphs, looked up by what a known name is compared with: which
 * paragraphs a list of newly known names could read differently.
 */
export class DependentRuns {
  /** Paragraphs by the lookup keys of their runs not taken (see {@link lookupKeys}). */
  private readonly byLookup = new Map<string, number[]>();
  /** Every run's key with its paragraph, sorted by key: the runs a glued known name could cut. */
  private readonly sorted: ReadonlyArray<readonly [string, number]>;

  constructor(runs: Iterable<{ readonly doc: number; readonly run: DependentRun }>) {
    const all: Array<readonly [string, number]> = [];
    for (const { doc, run } of runs) {
      all.push([run.key, doc]);
      if (run.taken) continue;
      for (const lookup of lookupKeys(run.key)) {
        const list = this.byLookup.get(lookup);
        if (!list) this.byLookup.set(lookup, [doc]);
        else if (list[list.length - 1] !== doc) list.push(doc);
      }
    }
    this.sorted = all.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  }

  /** The paragraphs some run of which `names` (names not known when they were read) could make a person or cut. */
  docsChangedBy(names: readonly string[]): Set<number> {
    const out = new Set<number>();
    if (names.length === 0) return out;
    const known = digestNames(names);
    const look = (lookup: string) => {
      for (const doc of this.byLookup.get(lookup) ?? []) out.add(doc);
    };
    for (const k of known.keys.keys()) look(`k:${k}`);
    for (const s of known.spellings) look(`s:${s}`);
    for (const g of known.given) look(`g:${g}`);
    for (const n of known.surnames) look(`n:${n}`);
    for (const k of known.keys.keys()) for (const doc of this.gluedTo(k)) out.add(doc);
    return out;
  }

  /** Paragraphs with a run whose key starts with `key` followed by a letter. */
  private *gluedTo(key: string): Generator<number> {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.sorted[mid]?.[0] ?? '') < key) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < this.sorted.length; i++) {
      const [found, doc] = this.sorted[i] as readonly [string, number];
      if (!found.startsWith(key)) break;
      if (/\p{L}/u.test(found[key.length] ?? '')) yield doc;
    }
  }
}

/** What {@link knownNameFits} compares a run's key with, each marked by the part of {@link Known} it is looked up in. */
function lookupKeys(key: string): string[] {
  const words = key.split(' ');
  const spelled = nameSpelling(key);
  const out = [`k:${key}`, `s:${spelled.join(' ')}`];
  if (words.length >= 2) out.push(`g:${spelled[0] ?? ''}`);
  if (words.length === 1 && !FUNCTION_WORDS.has(key)) out.push(`n:${key}`, `n:${spelled[0] ?? ''}`);
  return out;
}
