/**
 * A knowledge base built in worker threads is the one built in one piece: its saved form (what
 * the cache writes and every later start restores) is deep-equal, part by part, for corpora cut
 * into two, three and more parts: the stories, and a French-like corpus with English articles,
 * dates and figures in every part, whose parts read alone would read some names otherwise
 * (checked below), so that the parts must share their first readings.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { buildKnowledgeBase } from '../../src/knowledge/build.js';
import { buildKnowledgeBaseInThreads } from '../../src/knowledge/parallel-build.js';
import { saveKnowledgeBase, type SavedKnowledge } from '../../src/knowledge/saved-knowledge.js';
import { frenchLikeCorpus } from '../fixtures/corpus/french-like.js';
import { STORIES_DIR } from '../fixtures/stories/truth.js';

/** The saved form as plain parts, so that a difference names the part it is in. */
function partsOf(saved: SavedKnowledge): Record<string, unknown> {
  return {
    terms: saved.index.postings.terms,
    offsets: saved.index.postings.offsets,
    docs: saved.index.postings.docs,
    freqs: saved.index.postings.freqs,
    fieldLengths: saved.index.postings.fieldLengths,
    vocabulary: saved.index.vocabulary,
    facts: Array.from({ length: saved.facts.length }, (_, i) => saved.facts.get(i)),
    timeline: saved.timeline,
    firstPass: saved.names.firstPass,
    known: saved.names.known,
    read: Array.from({ length: saved.names.read.length }, (_, i) => saved.names.read.get(i)),
    entities: saved.entities,
  };
}

async function expectSameBuild(corpus: Corpus, threads: number): Promise<void> {
  const inThreads = partsOf(saveKnowledgeBase(await buildKnowledgeBaseInThreads(corpus, threads, 0)));
  const inPlace = partsOf(saveKnowledgeBase(buildKnowledgeBase(corpus)));
  for (const [part, value] of Object.entries(inPlace)) expect(inThreads[part], part).toEqual(value);
}

describe('a knowledge base built in threads', () => {
  it('is the one built in place, for the stories cut into 2 and 3 parts', async () => {
    const stories = await loadCorpus(STORIES_DIR);
    expect(stories.articles.length).toBeGreaterThanOrEqual(3);
    await expectSameBuild(stories, 2);
    await expectSameBuild(stories, 3);
  }, 60_000);

  it('is the one built in place, for a French-like corpus cut into 2, 3 and 4 parts', async () => {
    const corpus = frenchLikeCorpus({ articles: 60, paragraphs: 6, seed: 7 });
    await expectSameBuild(corpus, 2);
    await expectSameBuild(corpus, 3);
    await expectSameBuild(corpus, 4);
  }, 60_000);

  it('needs the other parts\' names: the French-like corpus\'s thirds read alone read some paragraphs otherwise', async () => {
    // What makes the equality above worth proving: were each part read on its own, some
    // paragraphs' mentions would differ from the whole corpus's reading.
    const corpus = frenchLikeCorpus({ articles: 60, paragraphs: 6, seed: 7 });
    const whole = partsOf(saveKnowledgeBase(buildKnowledgeBase(corpus))).read as string[];
    const thirds = [0, 20, 40].map((start) => corpus.articles.slice(start, start + 20));
    const alone = thirds.flatMap((articles) => partsOf(saveKnowledgeBase(buildKnowledgeBase({ ...corpus, articles }))).read as string[]);
    expect(alone).toHaveLength(whole.length);
    expect(alone.filter((read, i) => read !== whole[i]).length).toBeGreaterThan(5);
  }, 60_000);

  it('is built in place below the size threshold, and with a single thread', async () => {
    const corpus = frenchLikeCorpus({ articles: 4, paragraphs: 3, seed: 2 });
    expect(partsOf(saveKnowledgeBase(await buildKnowledgeBaseInThreads(corpus, 4)))).toEqual(partsOf(saveKnowledgeBase(buildKnowledgeBase(corpus))));
    expect(partsOf(saveKnowledgeBase(await buildKnowledgeBaseInThreads(corpus, 1, 0)))).toEqual(partsOf(saveKnowledgeBase(buildKnowledgeBase(corpus))));
  });
});
