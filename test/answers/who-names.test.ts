/**
 * `who NAME` looks spellings up in an index made once per directory; it finds exactly the
 * entities a scan comparing the query with every name would (the scan is the reference here).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/answers/engine.js';
import { findByName } from '../../src/answers/who.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { entityKey, type Entity } from '../../src/text/entities.js';
import { sameWordSpelling, wordSpelling } from '../../src/text/name-spelling.js';

/** A name's word spellings, the last word in both forms, and each two neighbour words as one. */
const spellings = (name: string): string[] => {
  const words = entityKey(name).split(' ');
  const last = words.length - 1;
  const single = words.flatMap((w, i) => (i === last ? [wordSpelling(w), wordSpelling(w, true)] : [wordSpelling(w)]));
  return [...single, ...words.slice(1).map((w, i) => wordSpelling(`${words[i] ?? ''}${w}`, i + 1 === last))];
};

function scan(entities: readonly Entity[], query: string): Entity[] {
  const words = entityKey(query).split(' ').filter((w) => w.length > 1);
  if (words.length === 0) return [];
  const names = entities.map((e) => [e.name, ...e.variants].map(spellings));
  const vocabulary = [...new Set(names.flat(2))];
  const meanings = words.map((w) => {
    const forms = [wordSpelling(w), wordSpelling(w, true)];
    const exact = vocabulary.filter((v) => forms.includes(v));
    return new Set(exact.length > 0 ? exact : vocabulary.filter((v) => forms.some((f) => sameWordSpelling(f, v))));
  });
  return entities.filter((_, i) => (names[i] ?? []).some((name) => meanings.every((m) => name.some((w) => m.has(w)))));
}

describe('GIVEN the seeds\' people and organisations', async () => {
  const entities = Engine.build(await loadCorpus('data')).kb.entities;
  const words = [...new Set(entities.flatMap((e) => [e.name, ...e.variants]).flatMap((n) => n.split(/[\s'’-]+/)))];
  // Each name word with one letter dropped or two neighbours swapped.
  const typos = words.flatMap((w) => [w.slice(1), w.slice(0, -1), w.length > 3 ? w[0] + (w[2] ?? '') + (w[1] ?? '') + w.slice(3) : w]);

  it('WHEN queries are made of their name words, typos of them or noise, in any case and order (fast-check) THEN the lookup finds what a full scan finds, in the same order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...typos), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 3 }), fc.boolean(), (picked, upper) => {
        const query = picked.join(' ');
        const asked = upper ? query.toUpperCase() : query;
        expect(findByName(entities, asked).map((e) => e.key)).toEqual(scan(entities, asked).map((e) => e.key));
      }),
      { numRuns: 300 },
    );
  });

  it('WHEN a full name or a variant is asked THEN that entity comes back', () => {
    for (const e of entities) expect(findByName(entities, e.name).map((x) => x.key)).toContain(e.key);
  });
});
