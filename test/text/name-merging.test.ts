import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kindOf, mergeShortNames, mergeSpellings, type Merged } from '../../src/text/name-merging.js';
import { nameSpelling, sameWordSpelling, wordSpelling } from '../../src/text/name-spelling.js';
import { finishNow } from '../../src/text/stepwise.js';

/**
 * The rule of short names stated plainly: every short name, fewest words first, compared with
 * every person still unmerged; it joins the one that fits when exactly one does.
 */
function shortNamesByEveryPair(groups: Map<string, Merged>): void {
  const heads = (key: string) => key.split(' ').map((w) => wordSpelling(w));
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((w, i) => sameWordSpelling(w, b[i] ?? ''));
  const alive = new Set([...groups].filter(([, g]) => kindOf(g) === 'person').map(([k]) => k));
  const count = (key: string) => key.split(' ').length;
  for (const short of [...alive].sort((a, b) => count(a) - count(b))) {
    const [head, tail] = [heads(short), nameSpelling(short)];
    const fitting = [...alive].filter((long) => {
      const n = count(long);
      return n > head.length && (same(head, heads(long).slice(0, head.length)) || same(tail, nameSpelling(long).slice(n - tail.length)));
    });
    if (fitting.length !== 1) continue;
    const [target] = fitting as [string];
    const [a, b] = [groups.get(target), groups.get(short)] as [Merged, Merged];
    groups.set(target, { persons: a.persons + b.persons, total: a.total + b.total, members: [...a.members, ...b.members] });
    groups.delete(short);
    alive.delete(short);
  }
}

const group = (key: string, persons: number, total: number): [string, Merged] => [key, { persons, total, members: [key] }];

/** Words chosen so that names share first words, last words and near spellings. */
const WORDS = ['kim', 'jong', 'un', 'sergei', 'serguei', 'choigou', 'shoigu', 'schoigu', 'martin', 'martine', 'jean', 'pierre', 'zelensky', 'zelenskyy', 'ivanov', 'ivanova', 'al', 'el', 'assad', 'bachar'];

describe('merging names into people', () => {
  it('WHEN short names fit one longer name, or two, THEN each joins only the one that alone fits', () => {
    const groups = new Map([group('kim jong un', 5, 5), group('kim', 3, 3), group('choigou', 2, 2), group('sergei choigou', 4, 4), group('martin', 2, 2), group('jean martin', 2, 2), group('pierre martin', 2, 2), group('union europeenne', 0, 6)]);
    finishNow(mergeShortNames(groups));
    expect(groups.get('kim jong un')?.members).toEqual(['kim jong un', 'kim']);
    expect(groups.get('sergei choigou')?.members).toEqual(['sergei choigou', 'choigou']);
    // Two people are called Martin: the short name stays on its own.
    expect(groups.get('martin')?.members).toEqual(['martin']);
    expect(groups.has('kim')).toBe(false);
  });

  it('WHEN any set of names is merged (fast-check) THEN the index finds exactly the merges comparing every pair finds', () => {
    const name = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
    const groupsOf = fc.uniqueArray(fc.tuple(name, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 5 })), { selector: ([k]) => k, maxLength: 40 });
    fc.assert(
      fc.property(groupsOf, (entries) => {
        const made = () => new Map(entries.map(([key, persons, extra]) => group(key, persons, persons + extra - 1)));
        const byIndex = made();
        const byPairs = made();
        finishNow(mergeSpellings(byIndex));
        finishNow(mergeSpellings(byPairs));
        finishNow(mergeShortNames(byIndex));
        shortNamesByEveryPair(byPairs);
        expect([...byIndex]).toEqual([...byPairs]);
      }),
      { numRuns: 300 },
    );
  });

  it('WHEN the same names are merged again THEN the kept words give the same people', () => {
    const entries = [group('serguei choigou', 3, 3), group('sergei shoigu', 5, 5), group('shoigu', 1, 1)];
    const first = new Map(entries);
    finishNow(mergeSpellings(first));
    finishNow(mergeShortNames(first));
    const again = new Map(entries);
    finishNow(mergeSpellings(again));
    finishNow(mergeShortNames(again));
    expect([...again]).toEqual([...first]);
    expect([...(first.get('sergei shoigu')?.members ?? [])].sort()).toEqual(['serguei choigou', 'sergei shoigu', 'shoigu'].sort());
  });
});
