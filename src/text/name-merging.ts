/**
 * How the directory merges groups of mentions into people: spellings of one name
 * (`Choïgou` / `Shoigu`), and short names into the one longer name they fit (`Kim` into
 * `Kim Jong Un`). Out of entities.ts because a composition runs these at every publish over
 * every group of the corpus, so what each name's words give (spelling keys, the buckets that find
 * candidates) is kept per name between runs, and candidates are found through an index rather
 * than by comparing every pair. What merges is exactly what comparing every pair would merge.
 */
import { deletionVariants, nameSpelling, sameNameSpelling, sameWordSpelling, wordSpelling } from './name-spelling.js';
import type { Stepwise } from './stepwise.js';

/** A group as merging sees it: how many mentions, how many of them a person's, which groups it holds. */
export interface Merged {
  readonly persons: number;
  readonly total: number;
  readonly members: readonly string[];
}

/** A person when at least half the mentions are. */
export function kindOf(group: { readonly persons: number; readonly total: number }): 'person' | 'organisation' {
  return group.persons * 2 >= group.total ? 'person' : 'organisation';
}

/** Moves group `from` into group `to`. */
function moveGroup(groups: Map<string, Merged>, from: string, to: string): void {
  if (from === to) return;
  const [a, b] = [groups.get(to), groups.get(from)];
  groups.set(to, { persons: (a?.persons ?? 0) + (b?.persons ?? 0), total: (a?.total ?? 0) + (b?.total ?? 0), members: [...(a?.members ?? []), ...(b?.members ?? [])] });
  groups.delete(from);
}

/** What merging reads of a group key, worked out once per key (keys come back at every composition). */
interface KeyWords {
  /** Spelling keys of the words, the last as a name's last word (see {@link nameSpelling}). */
  readonly spelled: readonly string[];
  /** Buckets where another spelling of the same name would also be: its spelling whole, and each word with one letter deleted. */
  readonly buckets: readonly string[];
  /** Spelling keys of the words, none as a last word: first words are compared without the rule for a name's last word (`Martine` is not `Martin`). */
  readonly heads: readonly string[];
  /** Number of words of the key as written. */
  readonly count: number;
}

const keyWords = new Map<string, KeyWords>();
/** Distinct group keys kept; a corpus has a few thousand, and the memo starts over past this. */
const KEY_WORDS_KEPT = 100_000;

function wordsOf(key: string): KeyWords {
  let words = keyWords.get(key);
  if (words) return words;
  const spelled = nameSpelling(key);
  const buckets = new Set([`=${spelled.join('')}`]);
  for (const [i, w] of spelled.entries()) {
    for (const d of deletionVariants(w)) buckets.add(`${spelled.length}|${i}|${[...spelled.slice(0, i), d, ...spelled.slice(i + 1)].join(' ')}`);
  }
  const written = key.split(' ');
  words = { spelled, buckets: [...buckets], heads: written.map((w) => wordSpelling(w)), count: written.length };
  if (keyWords.size >= KEY_WORDS_KEPT) keyWords.clear();
  keyWords.set(key, words);
  return words;
}

/**
 * People whose names are one spelling ({@link sameNameSpelling}) become one group, kept under the
 * key of its most mentioned name. Candidates are found through buckets (the other words as they
 * are, one word with a letter deleted), so no pair of names is compared blindly.
 */
export function* mergeSpellings(groups: Map<string, Merged>): Stepwise<void> {
  const persons = [...groups].filter(([, g]) => kindOf(g) === 'person').map(([key, g]) => ({ key, size: g.total, words: wordsOf(key) }));
  const parent = new Map(persons.map((p) => [p.key, p.key]));
  const root = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    parent.set(k, r);
    return r;
  };
  const buckets = new Map<string, typeof persons>();
  for (const p of persons) {
    for (const b of p.words.buckets) {
      const list = buckets.get(b);
      if (!list) {
        buckets.set(b, [p]);
        continue;
      }
      for (const q of list) if (root(q.key) !== root(p.key) && sameNameSpelling(p.words.spelled, q.words.spelled)) parent.set(root(q.key), root(p.key));
      list.push(p);
    }
    yield;
  }
  const members = new Map<string, typeof persons>();
  for (const p of persons) {
    const r = root(p.key);
    const list = members.get(r);
    if (list) list.push(p);
    else members.set(r, [p]);
  }
  for (const list of members.values()) {
    if (list.length < 2) continue;
    const [target] = [...list].sort((a, b) => b.size - a.size || a.key.localeCompare(b.key));
    for (const p of list) moveGroup(groups, p.key, target?.key ?? p.key);
  }
}

/**
 * `Kim` joins `Kim Jong Un` and `Choïgou` (or `Shoigu`) joins `Sergueï Choïgou` when only one
 * person fits: one with more words whose first words are the short name's, or whose last words
 * are. Short names are taken fewest words first, so a longer person is never merged away before
 * the shorter names that could fit it are settled: which people fit a short name does not depend
 * on the merges before it. Candidates come from an index of the people's first and last words
 * (each word with one letter deleted too: two words one edit apart share an entry).
 */
export function* mergeShortNames(groups: Map<string, Merged>): Stepwise<void> {
  const people = [...groups].filter(([, g]) => kindOf(g) === 'person').map(([key]) => ({ key, words: wordsOf(key) }));
  const byFirst = new Map<string, number[]>();
  const byLast = new Map<string, number[]>();
  const file = (index: Map<string, number[]>, word: string | undefined, at: number) => {
    if (word === undefined) return;
    for (const d of deletionVariants(word)) {
      const list = index.get(d);
      if (list) {
        if (list[list.length - 1] !== at) list.push(at);
      } else index.set(d, [at]);
    }
  };
  people.forEach((p, at) => {
    file(byFirst, p.words.heads[0], at);
    file(byLast, p.words.spelled[p.words.spelled.length - 1], at);
  });
  yield;
  const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((w, i) => sameWordSpelling(w, b[i] ?? ''));
  const order = people.map((_, at) => at).sort((a, b) => (people[a] as (typeof people)[number]).words.count - (people[b] as (typeof people)[number]).words.count);
  for (const at of order) {
    const short = people[at] as (typeof people)[number];
    const { heads: head, spelled: tail } = short.words;
    // A name without a spelled word (none in practice) would fit every longer one by its last words.
    const candidates = tail.length === 0 ? new Set(people.keys()) : new Set<number>();
    for (const [index, word] of [[byFirst, head[0]], [byLast, tail[tail.length - 1]]] as const) {
      if (word === undefined) continue;
      for (const d of deletionVariants(word)) for (const c of index.get(d) ?? []) candidates.add(c);
    }
    let target: string | undefined;
    let fits = 0;
    for (const c of candidates) {
      const long = (people[c] as (typeof people)[number]).words;
      const n = long.count;
      if (n <= head.length || !(same(head, long.heads.slice(0, head.length)) || same(tail, long.spelled.slice(n - tail.length)))) continue;
      target = (people[c] as (typeof people)[number]).key;
      // Only one fitting person is a match: a second one settles it.
      if (++fits > 1) break;
    }
    if (fits === 1 && target !== undefined) moveGroup(groups, short.key, target);
    yield;
  }
}
