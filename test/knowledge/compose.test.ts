/**
 * Composing a knowledge base of a base and segments, on small inline articles: a base read back
 * from the start-up cache file composes like the built one; a name a segment makes known is
 * found in the base's paragraphs too; removing a segment is composing without it; and only a base
 * of one segment is saved.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/answers/engine.js';
import { dispatch } from '../../src/commands/table.js';
import { serialiseArticleFile } from '../../src/corpus/article-file.js';
import type { Article, Corpus, Source } from '../../src/corpus/types.js';
import { buildKnowledgeBase } from '../../src/knowledge/build.js';
import { composeKnowledgeBase } from '../../src/knowledge/compose.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadKnowledge } from '../../src/knowledge/knowledge-cache.js';
import { buildSegment } from '../../src/knowledge/knowledge-segment.js';
import { saveKnowledgeBase } from '../../src/knowledge/saved-knowledge.js';

const AFP: Source = { id: 'afp', name: 'Agence France-Presse', short: 'AFP', kind: 'agence', ownership: 'x', color: '#112233' };
const ECHO: Source = { id: 'echo', name: "L'Écho du Val", short: 'Écho', kind: 'quotidien', ownership: 'y', color: '#445566' };

function article(id: string, source: string, published: string, ...texts: string[]): Article {
  return { id, source, title: `Article ${id}`, published, language: 'fr', file: `articles/${id}.md`, paragraphs: texts.map((text, n) => ({ n: n + 1, text })) };
}

const BASE_ARTICLES = [
  article('a1', 'afp', '2025-06-17', 'Sergueï Choïgou a annoncé mardi l’envoi de 1 000 sapeurs à Koursk.', 'Selon Lemarchal, le convoi partira le 20 juin.'),
  article('a2', 'afp', '2025-06-18', 'Le président russe Vladimir Poutine avait signé un accord l’an dernier.', 'Choïgou est reparti mercredi.'),
];
// The segment names "Lemarchal" with a role: the base's "Selon Lemarchal" becomes a person too.
const PUBLISHED = [
  article('e1', 'echo', '2025-06-19', 'Le général Octave Lemarchal commandera les 1 200 sapeurs envoyés à Koursk.', 'Shoigu a salué la décision le 19 juin.'),
  article('e2', 'afp', '2025-06-20', 'Le convoi de sapeurs est parti de Koursk le 20 juin, a indiqué Vladimir Poutine.'),
];

const QUERIES: ReadonlyArray<readonly [string, string]> = [
  ['who', ''], ['who', 'Lemarchal'], ['who', 'Choïgou'], ['when', ''], ['when', 'convoi'], ['ask', 'Combien de sapeurs ?'],
  ['ask', 'Qui commandera les sapeurs ?'], ['compare', 'sapeurs Koursk'], ['cite', 'convoi de sapeurs'], ['sources', ''],
];

const answersOf = (kb: KnowledgeBase) => QUERIES.map(([command, text]) => dispatch(Engine.of(kb), command, text));
const oneCorpus = (articles: readonly Article[], sources: readonly Source[] = [AFP, ECHO]): Corpus => ({ sources, articles, aliases: [['Choïgou', 'Shoigu']] });

const work = await mkdtemp(path.join(tmpdir(), 'recoupe-compose-'));
afterAll(() => rm(work, { recursive: true, force: true }));

describe('GIVEN a base of two articles and a segment of published ones, one from a new outlet', () => {
  const base = buildKnowledgeBase(oneCorpus(BASE_ARTICLES, [AFP]));
  const segment = buildSegment(base, PUBLISHED, [AFP, ECHO]);
  const composed = composeKnowledgeBase(base, { sources: [ECHO], segments: [segment] });

  it('WHEN composed THEN every answer equals the one-piece base\'s, and a name the segment makes known is a person in the base\'s paragraphs', () => {
    expect(answersOf(composed)).toEqual(answersOf(buildKnowledgeBase(oneCorpus([...BASE_ARTICLES, ...PUBLISHED]))));
    const lemarchal = composed.entities.find((e) => e.key.endsWith('lemarchal'));
    expect(lemarchal?.occurrences.map((o) => o.articleId)).toEqual(['a1', 'e1']);
    expect(base.entities.some((e) => e.key.endsWith('lemarchal'))).toBe(false);
  });

  it('WHEN composed without its segment THEN it answers as the base alone', () => {
    expect(answersOf(composeKnowledgeBase(base, { sources: [ECHO], segments: [] }))).toEqual(answersOf(buildKnowledgeBase(oneCorpus(BASE_ARTICLES))));
    expect(composeKnowledgeBase(base, { sources: [], segments: [] })).toBe(base);
  });

  it('WHEN a base richer in dates is composed again and again with other segments THEN each timeline is the one-piece build\'s (the dates read at the base\'s entries are kept between compositions)', () => {
    const dated = Array.from({ length: 8 }, (_, i) => article(`d${i}`, 'afp', `2025-05-${10 + i}`, `Le 1${i} mai, la digue a cédé ; le ${2 + i} juin, elle était réparée.`, `Une enquête ouverte le ${3 + i} mars rendra ses conclusions le ${5 + i} juillet.`));
    const richBase = buildKnowledgeBase(oneCorpus([...BASE_ARTICLES, ...dated], [AFP]));
    const many = Array.from({ length: 4 }, (_, i) => article(`m${i}`, 'echo', `2025-06-${21 + i}`, `Le convoi est arrivé le ${10 + i} juin à Koursk.`));
    for (let n = 0; n <= many.length; n++) {
      const published = [...PUBLISHED, ...many.slice(0, n)];
      const again = composeKnowledgeBase(richBase, { sources: [ECHO], segments: [buildSegment(richBase, published, [AFP, ECHO])] });
      expect(richBase.timeline.length).toBeGreaterThan(again.timeline.length - richBase.timeline.length);
      expect([...again.timeline]).toEqual([...buildKnowledgeBase(oneCorpus([...BASE_ARTICLES, ...dated, ...published])).timeline]);
    }
  });

  it('WHEN a composition is saved THEN saving throws: only a base of one segment is saved', () => {
    expect(() => saveKnowledgeBase(composed)).toThrow(/only a knowledge base of one segment is saved/);
  });

  it('WHEN a segment was built with sources that do not start the composition\'s THEN composing throws', () => {
    const odd = buildSegment(base, PUBLISHED.slice(1), [ECHO, AFP]);
    expect(() => composeKnowledgeBase(base, { sources: [ECHO], segments: [odd] })).toThrow(/segment source 0 is echo/);
  });
});

describe('GIVEN a base read back from the start-up cache file', () => {
  it('WHEN a segment is composed over it THEN every answer equals the one-piece base\'s', async () => {
    const dataDir = path.join(work, 'data');
    await mkdir(path.join(dataDir, 'articles'), { recursive: true });
    await writeFile(path.join(dataDir, 'sources.yaml'), `- id: afp\n  name: Agence France-Presse\n  short: AFP\n  kind: agence\n  ownership: x\n  color: "#112233"\n`);
    await writeFile(path.join(dataDir, 'aliases.yaml'), '- [Choïgou, Shoigu]\n');
    for (const a of BASE_ARTICLES) {
      await writeFile(path.join(dataDir, 'articles', `${a.id}.md`), serialiseArticleFile({ meta: { id: a.id, source: a.source, title: a.title, published: a.published, language: 'fr' }, paragraphs: a.paragraphs }));
    }
    const cacheDir = path.join(work, 'cache');
    expect((await loadKnowledge(dataDir, { dir: cacheDir })).fromCache).toBe(false);
    const { kb: restored, fromCache } = await loadKnowledge(dataDir, { dir: cacheDir });
    expect(fromCache).toBe(true);
    const articles = [...restored.corpus.articles, ...PUBLISHED];
    const composed = composeKnowledgeBase(restored, { sources: [ECHO], segments: [buildSegment(restored, PUBLISHED, [...restored.corpus.sources, ECHO])] });
    expect(answersOf(composed)).toEqual(answersOf(buildKnowledgeBase({ ...restored.corpus, sources: [...restored.corpus.sources, ECHO], articles })));
  });
});
