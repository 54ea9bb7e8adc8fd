/**
 * `who NAME` looks names up in an index made once per directory; it finds exactly the entities
 * a scan of every name would (the scan is the reference here).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/answers/engine.js';
import { findByName } from '../../src/answers/who.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { entityKey, type Entity } from '../../src/text/entities.js';
import { fold } from '../../src/text/fold.js';

function scan(entities: readonly Entity[], query: string): Entity[] {
  const key = entityKey(query);
  const exact = entities.filter((e) => e.key === key || e.variants.some((v) => entityKey(v) === key));
  if (exact.length > 0) return exact;
  const words = fold(query).split(/[\s'’-]+/).filter((w) => w.length > 1);
  return entities.filter((e) => [e.name, ...e.variants].map((n) => fold(n).split(/[\s'’-]+/)).some((parts) => words.length > 0 && words.every((w) => parts.includes(w))));
}

describe('GIVEN the seeds\' people and organisations', async () => {
  const entities = Engine.build(await loadCorpus('data')).kb.entities;
  const words = [...new Set(entities.flatMap((e) => [e.name, ...e.variants]).flatMap((n) => n.split(/[\s'’-]+/)))];

  it('WHEN queries are made of their name words, in any case and order (fast-check) THEN the lookup finds what a full scan finds, in the same order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 3 }), fc.boolean(), (picked, upper) => {
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
