/**
 * Cutting a known name glued to the next word (`gluedPrefix`): found by looking up the run's
 * beginnings, among tens of thousands of known names, with the same answer as going through
 * the list in order.
 */
import { describe, expect, it } from 'vitest';
import { gluedPrefix, knownOf } from '../../src/text/known-names.js';
import { entityKey } from '../../src/text/names.js';

/** The answer by the list: the first known key the run's key starts with, a letter after it. */
function byTheList(key: string, names: readonly string[]): string | undefined {
  return names.map(entityKey).find((k) => key.startsWith(k) && /\p{L}/u.test(key[k.length] ?? ''));
}

describe('gluedPrefix', () => {
  it('cuts a known name glued to the next word', () => {
    const known = knownOf(['Kim Jong-Un', 'Sergueï Choïgou']);
    expect(gluedPrefix(entityKey('Kim Jong-Una'), known)).toBe('kim jong un');
    expect(gluedPrefix(entityKey('Kim Jong-Un'), known)).toBeUndefined();
    expect(gluedPrefix(entityKey('Kim Jong'), known)).toBeUndefined();
    // A known name followed by a space or a hyphen is not glued.
    expect(gluedPrefix(entityKey('Sergueï Choïgou Ivanov'), known)).toBeUndefined();
  });

  it('gives the name first in the list when several are beginnings of the run', () => {
    const names = ['Jean Dupontel', 'Jean Dupont', 'Jean Dup'];
    const key = entityKey('Jean Dupontelle');
    expect(gluedPrefix(key, knownOf(names))).toBe('jean dupontel');
    expect(gluedPrefix(key, knownOf([...names].reverse()))).toBe('jean dup');
  });

  it('answers as going through the list would, over many names and runs', () => {
    const names = Array.from({ length: 3000 }, (_, i) => `Nom${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + ((i * 7) % 26))} Prénom${i % 50}`);
    const known = knownOf(names);
    const runs = [...names.slice(0, 200).map((n) => `${n}ard`), ...names.slice(0, 50), 'Nomab Prénom1x', 'Inconnu Total', 'Nomzz'];
    let cut = 0;
    for (const run of runs) {
      const key = entityKey(run);
      expect(gluedPrefix(key, known), run).toBe(byTheList(key, names));
      if (gluedPrefix(key, known) !== undefined) cut++;
    }
    expect(cut).toBeGreaterThan(150);
  });
});
