/**
 * One person, one answer: every spelling of a name that the engine resolves to a person gives
 * the same `who` answer (people, organisations, excerpts), on the seeds (data/) and on the
 * invented multi-outlet stories (test/fixtures/stories/, whose truth lists each person's spellings).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import type { WhoAnswer } from '../../src/answers/types.js';
import { findByName } from '../../src/answers/who.js';
import { loadEngine } from '../../src/load-engine.js';
import { loadTruth, STORIES_DIR } from '../fixtures/stories/truth.js';

/** The answer without the query echoed back, which is the only part allowed to differ. */
function answerTo(engine: Engine, name: string): Omit<WhoAnswer, 'query'> {
  const answer = engine.who(name);
  if (answer.kind !== 'who') throw new Error(`who ${name}: ${answer.kind}`);
  const { query: _query, ...rest } = answer;
  return rest;
}

const SEED_SPELLINGS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Sergueï Choïgou', ['Choïgou', 'Choigou', 'Shoigu', 'Shoygu', 'Schoigu', 'choigou', 'Sergei Shoigu', 'Sergueï Choïgou', 'Serguei Choigou', 'Sergey Shoygu']],
  ['Kim Jong Un', ['Kim Jong Un', 'Kim Jong-un', 'Kim Jong-Un', 'kim jong un', 'KIM JONG UN']],
  ['Vladimir Poutine', ['Poutine', 'Putin', 'Vladimir Putin', 'Vladimir Poutine', 'poutine']],
  ['Lee Jae-myung', ['Lee Jae-myung', 'Lee Jae Myung', 'Lee Jaemyung']],
  ['Mikhaïl Volkov', ['Mikhaïl Volkov', 'Mikhail Volkov', 'Volkov']],
];

describe('GIVEN the two seed articles', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await loadEngine('data', { cacheDir: false });
  });

  it.each(SEED_SPELLINGS)('WHEN %s is asked for under each of its spellings THEN every answer is the same, naming only them', (name, spellings) => {
    const first = answerTo(engine, spellings[0] ?? name);
    expect(first.people.map((p) => p.name)).toEqual([name]);
    expect(first.excerpts.length).toBeGreaterThan(0);
    for (const spelling of spellings) expect(answerTo(engine, spelling), spelling).toEqual(first);
  });

  it('WHEN a name holds a dropped or swapped letter in a word of 6 letters or more THEN the answer is the one for the name', () => {
    expect(answerTo(engine, 'Vladimr Poutine')).toEqual(answerTo(engine, 'Vladimir Poutine'));
    expect(answerTo(engine, 'Mikhaïl Vlokov')).toEqual(answerTo(engine, 'Volkov'));
  });

  it('WHEN the question only asks who a name is THEN the answer is the one for the name', () => {
    expect(answerTo(engine, 'Qui est Shoigu ?')).toEqual(answerTo(engine, 'Choïgou'));
    expect(answerTo(engine, 'who is Kim Jong-un?')).toEqual(answerTo(engine, 'Kim Jong Un'));
  });

  it('WHEN a short word is mistyped THEN no name is taken for it', () => {
    expect(findByName(engine.kb.entities, 'Hong Mim')).toEqual([]);
    expect(findByName(engine.kb.entities, 'Lei')).toEqual([]);
  });

  it('WHEN everyone is listed THEN each person appears once and no place, initial or organisation is a person', () => {
    const all = engine.who();
    if (all.kind !== 'who') throw new Error(all.kind);
    const names = all.people.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual(['Hong Min', 'Kim Jong Un', 'Lee Jae-myung', 'Mikhaïl Volkov', 'Sergueï Choïgou', 'Vladimir Poutine']);
  });
});

describe('GIVEN the invented multi-outlet stories', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await loadEngine(STORIES_DIR, { cacheDir: false });
  });
  const people = loadTruth().flatMap((t) => t.people.map((p) => [t.story, p.name, p.spellings] as const));

  it.each(people)('WHEN a person of story %s, %s, is asked for under each spelling the articles use THEN every answer is the same and names them', (_story, name, spellings) => {
    const first = answerTo(engine, name);
    expect(first.people.map((p) => p.name)).toEqual([name]);
    for (const spelling of spellings) expect(answerTo(engine, spelling), spelling).toEqual(first);
  });

  it('WHEN everyone is listed THEN the people are exactly those of the truth, once each', () => {
    const all = engine.who();
    if (all.kind !== 'who') throw new Error(all.kind);
    expect(all.people.map((p) => p.name).sort()).toEqual(people.map(([, name]) => name).sort());
  });
});
