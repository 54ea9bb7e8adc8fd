/** A segment built in the segment worker is the segment built in place: same saved form, same answers once composed. */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/answers/engine.js';
import { dispatch } from '../../src/commands/table.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildKnowledgeBase } from '../../src/knowledge/build.js';
import { composeKnowledgeBase } from '../../src/knowledge/compose.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { buildSegment } from '../../src/knowledge/knowledge-segment.js';
import { saveSegment } from '../../src/knowledge/saved-segment.js';
import { buildSegmentInThread } from '../../src/live/segment-thread.js';

const COMMANDS = [
  ['ask', 'Combien de sapeurs ?'],
  ['who', ''],
  ['who', 'Qui a annoncé l’envoi de sapeurs ?'],
  ['when', ''],
  ['compare', 'sapeurs'],
  ['cite', 'rétablir la confiance'],
] as const;

const answersOf = (kb: KnowledgeBase) => COMMANDS.map(([command, text]) => dispatch(Engine.of(kb), command, text));

describe('GIVEN a base of one seed article and the other one to publish', async () => {
  const corpus = await loadCorpus('data');
  const [first, ...rest] = corpus.articles;
  if (!first || rest.length === 0) throw new Error('the seed corpus has two articles or more');
  const base = buildKnowledgeBase({ ...corpus, articles: [first] });

  it('WHEN its segment is built in the worker THEN it saves exactly as the one built in place, and answers the same composed', async () => {
    const inPlace = buildSegment(base, rest, corpus.sources);
    const inThread = await buildSegmentInThread(base, rest, corpus.sources);
    expect(inThread.articles).toBe(rest);
    expect(saveSegment(inThread)).toEqual(saveSegment(inPlace));
    expect(inThread.index.docs.length).toBeGreaterThan(0);
    const composed = (segment: typeof inPlace) => composeKnowledgeBase(base, { sources: [], segments: [segment] });
    expect(answersOf(composed(inThread))).toEqual(answersOf(composed(inPlace)));
  });

  it('WHEN two segments are asked for at once THEN each gets its own articles', async () => {
    const [a, b] = await Promise.all([buildSegmentInThread(base, [first], corpus.sources), buildSegmentInThread(base, rest, corpus.sources)]);
    expect(a.index.docs.map((d) => d.article.id)).toEqual(first.paragraphs.map(() => first.id));
    expect(saveSegment(b)).toEqual(saveSegment(buildSegment(base, rest, corpus.sources)));
  });

  it('WHEN a small segment is asked for just after a large one THEN the small one comes back first', async () => {
    const many = Array.from({ length: 40 }, (_, i) => rest.map((a) => ({ ...a, id: `${a.id}-copy-${i}` }))).flat();
    const order: string[] = [];
    const large = buildSegmentInThread(base, many, corpus.sources).then((s) => order.push(`large:${s.index.docs.length}`));
    const small = buildSegmentInThread(base, [first], corpus.sources).then((s) => order.push(`small:${s.index.docs.length}`));
    await Promise.all([large, small]);
    const paragraphs = (articles: readonly { paragraphs: readonly unknown[] }[]) => articles.reduce((n, a) => n + a.paragraphs.length, 0);
    expect(order).toEqual([`small:${paragraphs([first])}`, `large:${paragraphs(many)}`]);
  });

  it('WHEN an article names an outlet the sources do not have THEN the build is refused with the reason, and the worker goes on', async () => {
    const stray = { ...first, id: 'stray', source: 'nowhere' };
    await expect(buildSegmentInThread(base, [stray], corpus.sources)).rejects.toThrow(/unknown source nowhere/);
    expect((await buildSegmentInThread(base, rest, corpus.sources)).index.docs.length).toBe(buildSegment(base, rest, corpus.sources).index.docs.length);
  });
});
