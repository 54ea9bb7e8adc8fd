/** A knowledge base saved and restored answers exactly as the one built, on the seed articles. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/answers/engine.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildKnowledgeBase } from '../../src/knowledge/build.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadKnowledge } from '../../src/knowledge/knowledge-cache.js';
import { restoreKnowledgeBase, saveKnowledgeBase } from '../../src/knowledge/saved-knowledge.js';
import { TextTable } from '../../src/knowledge/text-table.js';
import { dispatch } from '../../src/commands/table.js';

/** Commands whose answers read every part of the base: index, facts, people, timeline. */
const COMMANDS = [
  ['ask', 'Combien de sapeurs ?'],
  ['ask', 'Quand l’accord a-t-il été signé ?'],
  ['who', ''],
  ['who', 'Poutine'],
  ['who', 'Qui a annoncé l’envoi de sapeurs ?'],
  ['when', ''],
  ['when', 'accord de défense mutuelle'],
  ['compare', 'sapeurs'],
  ['compare', 'train liaisons ferroviaires'],
  ['cite', 'rétablir la confiance'],
  ['sources', ''],
] as const;

const answersOf = (kb: KnowledgeBase) => COMMANDS.map(([command, text]) => dispatch(Engine.of(kb), command, text));

const work = await mkdtemp(path.join(tmpdir(), 'recoupe-knowledge-'));
afterAll(() => rm(work, { recursive: true, force: true }));

describe('GIVEN the seed articles built into a knowledge base', async () => {
  const corpus = await loadCorpus('data');
  const built = buildKnowledgeBase(corpus);
  const saved = saveKnowledgeBase(built);

  it('WHEN saved and restored THEN every paragraph has the same facts, and the people and timeline are the same', () => {
    const restored = restoreKnowledgeBase(corpus, saved);
    expect(restored.index.docs.length).toBe(built.index.docs.length);
    for (const doc of built.index.docs) expect(JSON.parse(JSON.stringify(restored.factsOf(doc.id)))).toEqual(JSON.parse(JSON.stringify(built.factsOf(doc.id))));
    expect(restored.entities).toEqual(built.entities);
    expect([...restored.timeline]).toEqual([...built.timeline]);
    expect(built.timeline.length).toBeGreaterThan(0);
  });

  it('WHEN restored THEN every command gives the same answer as on the built base', () => {
    expect(answersOf(restoreKnowledgeBase(corpus, saved))).toEqual(answersOf(built));
  });

  it('WHEN written to the cache file and read back in a start THEN every command gives the same answer', async () => {
    const cacheDir = path.join(work, 'cache');
    expect((await loadKnowledge('data', { dir: cacheDir })).fromCache).toBe(false);
    const again = await loadKnowledge('data', { dir: cacheDir });
    expect(again.fromCache).toBe(true);
    expect(answersOf(again.kb)).toEqual(answersOf(built));
  });

  it('WHEN the saved facts or timeline do not fit the corpus THEN restoring throws instead of answering from them', () => {
    expect(() => restoreKnowledgeBase(corpus, { ...saved, facts: TextTable.of(['{}']) })).toThrow(/saved facts cover 1 paragraphs/);
    expect(() => restoreKnowledgeBase(corpus, { ...saved, timeline: Int32Array.of(built.index.docs.length, 0) })).toThrow(/timeline does not fit/);
  });
});
