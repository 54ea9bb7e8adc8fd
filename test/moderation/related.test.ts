/** The duplicate check is remembered per engine: asked again against the same engine, the same answer without a second search; against another, checked anew. */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildKnowledgeBase } from '../../src/knowledge/build.js';
import { composeKnowledgeBase } from '../../src/knowledge/compose.js';
import { buildSegment } from '../../src/knowledge/knowledge-segment.js';
import { findRelated } from '../../src/moderation/related.js';

describe('GIVEN a base without one seed article, and that article as a draft', async () => {
  const corpus = await loadCorpus('data');
  const [kept, draft] = corpus.articles;
  if (!kept || !draft) throw new Error('the seed corpus has two articles or more');
  const base = buildKnowledgeBase({ ...corpus, articles: [kept] });
  const incoming = { source: draft.source, urls: [], paragraphs: draft.paragraphs };

  it('WHEN checked twice against the same engine THEN the second answer is the first one', async () => {
    const once = await findRelated(base, incoming, 'fr', corpus.sources);
    expect(once.duplicate).toBeUndefined();
    expect(await findRelated(base, { ...incoming, paragraphs: [...draft.paragraphs] }, 'fr', corpus.sources)).toBe(once);
  });

  it('WHEN the article was published meanwhile (a new engine) THEN the check finds it', async () => {
    const after = composeKnowledgeBase(base, { sources: [], segments: [buildSegment(base, [draft], corpus.sources)] });
    expect((await findRelated(after, incoming, 'fr', corpus.sources)).duplicate).toMatchObject({ articleId: draft.id, kind: 'same-text' });
    expect((await findRelated(base, incoming, 'fr', corpus.sources)).duplicate).toBeUndefined();
  });

  it('WHEN the draft changed THEN it is checked anew', async () => {
    const once = await findRelated(base, incoming, 'fr', corpus.sources);
    const edited = await findRelated(base, { ...incoming, paragraphs: draft.paragraphs.slice(1) }, 'fr', corpus.sources);
    expect(edited).not.toBe(once);
  });
});
