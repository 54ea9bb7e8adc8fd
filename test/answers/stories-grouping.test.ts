/**
 * Grouping articles into stories (src/answers/stories.ts), judged against the truth of the
 * invented multi-outlet stories (test/fixtures/stories/truth: each story's `articles`): the
 * grouping must be exactly the truth, on the whole corpus and on each story alone, whatever the
 * order of the files; two stories that share a person (the transport minister, in a dockers'
 * strike and a derailment a week later) stay two; a story covered over three days by four
 * outlets is one. Compositions: a small one is grouped as the one-piece base; a base of several
 * hundred articles keeps its stories and only assigns a publish's new articles to them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { INCREMENTAL_SHARE, storiesOf, storyOfDoc, storyScope, type Stories } from '../../src/answers/stories.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Article, Corpus } from '../../src/corpus/types.js';
import { buildKnowledgeBase } from '../../src/knowledge/build.js';
import { composeKnowledgeBase } from '../../src/knowledge/compose.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { buildSegment } from '../../src/knowledge/knowledge-segment.js';
import { loadTruth, peopleOf, STORIES_DIR, storyCorpus, type Truth } from '../fixtures/stories/truth.js';

let corpus: Corpus;
const truths: Truth[] = loadTruth();

beforeAll(async () => {
  corpus = await loadCorpus(STORIES_DIR);
});

/** The grouping as sets of article ids, sorted, for comparing with the truth. */
function partition(kb: KnowledgeBase, stories: Stories = storiesOf(kb)): string[][] {
  return stories.list.map((s) => s.articles.map((a) => kb.corpus.articles[a]?.id ?? '?').sort()).sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
}

/** The truth's stories restricted to some articles, in the same form. */
function truthPartition(ids: readonly string[]): string[][] {
  return truths
    .map((t) => t.articles.filter((a) => ids.includes(a)).sort())
    .filter((s) => s.length > 0)
    .sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
}

/**
 * Pairwise precision and recall of a grouping against the truth: of the pairs of articles put in
 * one story, how many are one story in the truth, and the other way round.
 */
function pairwise(found: readonly string[][], truth: readonly string[][]): { precision: number; recall: number } {
  const pairs = (groups: readonly string[][]) => new Set(groups.flatMap((g) => g.flatMap((a, i) => g.slice(i + 1).map((b) => `${a}|${b}`))));
  const f = pairs(found);
  const t = pairs(truth);
  const both = [...f].filter((p) => t.has(p)).length;
  return { precision: f.size === 0 ? 1 : both / f.size, recall: t.size === 0 ? 1 : both / t.size };
}

describe('GIVEN the five invented stories in one corpus', () => {
  it('WHEN the articles are grouped THEN the stories are exactly those of the truth', () => {
    const kb = buildKnowledgeBase(corpus);
    const found = partition(kb);
    const truth = truthPartition(corpus.articles.map((a) => a.id));
    const { precision, recall } = pairwise(found, truth);
    console.log(`[stories] grouping of ${corpus.articles.length} articles into ${found.length} stories: pairwise precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    expect(found).toEqual(truth);
  });

  it('WHEN the files come in reverse order THEN the grouping is the same (it reads days, not file order)', () => {
    const reversed = buildKnowledgeBase({ ...corpus, articles: [...corpus.articles].reverse() });
    expect(partition(reversed)).toEqual(truthPartition(corpus.articles.map((a) => a.id)));
  });

  it('WHEN grouped twice THEN the stories are the same, numbered the same, oldest first', () => {
    const once = storiesOf(buildKnowledgeBase(corpus));
    const again = storiesOf(buildKnowledgeBase(corpus));
    expect(again.list.map((s) => s.articles)).toEqual(once.list.map((s) => s.articles));
    const firstDays = once.list.map((s) => corpus.articles[s.articles[0] as number]?.published ?? '');
    expect(firstDays).toEqual([...firstDays].sort());
  });

  it('WHEN two stories share a person on different events a week apart THEN they stay two stories', () => {
    const kb = buildKnowledgeBase(corpus);
    const sharing = truths.filter((t) => t.shared_people.length > 0);
    expect(sharing.length).toBeGreaterThan(0);
    for (const truth of sharing) {
      for (const shared of truth.shared_people) {
        const other = truths.find((t) => t.story === shared.story) as Truth;
        const person = peopleOf(truth, truths).find((p) => p.name === shared.name);
        const entity = kb.entities.find((e) => e.name === person?.name);
        // The directory knows one person, named in the articles of both stories.
        const named = new Set(entity?.occurrences.map((o) => o.articleId));
        expect(truth.articles.some((a) => named.has(a)) && other.articles.some((a) => named.has(a))).toBe(true);
        const storyOf = (id: string) => storiesOf(kb).ofArticle[kb.corpus.articles.findIndex((a) => a.id === id)];
        expect(new Set(truth.articles.map(storyOf)).size).toBe(1);
        expect(storyOf(truth.articles[0] as string)).not.toBe(storyOf(other.articles[0] as string));
      }
    }
  });

  it('WHEN a story is covered over three days by four outlets THEN it is one story', () => {
    const kb = buildKnowledgeBase(corpus);
    const spread = truths.filter((t) => new Set(corpus.articles.filter((a) => t.articles.includes(a.id)).map((a) => a.published)).size >= 3);
    expect(spread.length).toBeGreaterThan(0);
    for (const truth of spread) {
      const ids = new Set(truth.articles.map((id) => storiesOf(kb).ofArticle[kb.corpus.articles.findIndex((a) => a.id === id)]));
      expect(ids.size, truth.story).toBe(1);
    }
  });

  it('WHEN three outlets\' paragraphs match a topic fully in one story and one outlet\'s many in another THEN storyScope names the story of the three', () => {
    const kb = buildKnowledgeBase(corpus);
    const strike = truths.find((t) => t.story === 'greve-port-lannec') as Truth;
    const docs = kb.index.docs.filter((d) => strike.articles.includes(d.article.id)).map((d) => ({ doc: d.id, score: 1 }));
    const oneOutlet = kb.index.docs.filter((d) => d.article.id === '2026-07-21-valdorie-info-la-france-depassee-par-les-flammes').map((d) => ({ doc: d.id, score: 1 }));
    expect(oneOutlet.length).toBeGreaterThan(3);
    const story = storyScope(kb, [...oneOutlet, ...docs]);
    expect(story?.articles.map((a) => kb.corpus.articles[a]?.id).sort()).toEqual([...strike.articles].sort());
    expect(storyOfDoc(kb, docs[0]?.doc ?? -1)).toBe(story);
    expect(storyScope(kb, [])).toBeUndefined();
  });

  it('WHEN one paragraph holds the whole topic and other stories\' paragraphs hold a part of it THEN storyScope names the story of the whole match', () => {
    const kb = buildKnowledgeBase(corpus);
    const strike = truths.find((t) => t.story === 'greve-port-lannec') as Truth;
    const full = kb.index.docs.find((d) => d.article.id === strike.articles[0]);
    const partial = kb.index.docs.filter((d) => !strike.articles.includes(d.article.id)).map((d) => ({ doc: d.id, score: 0.5 }));
    const story = storyScope(kb, [...partial, { doc: full?.id ?? -1, score: 1 }]);
    expect(story?.articles.map((a) => kb.corpus.articles[a]?.id).sort()).toEqual([...strike.articles].sort());
  });
});

describe.each(loadTruth().map((t) => [t.story, t] as const))('GIVEN the story %s alone', (_story, truth) => {
  it('WHEN its articles are grouped THEN they are one story', () => {
    const kb = buildKnowledgeBase(storyCorpus(corpus, truth));
    expect(partition(kb)).toEqual([[...truth.articles].sort()]);
  });
});

describe('GIVEN the seed articles', () => {
  it('WHEN grouped THEN the two outlets\' reports of the same visit are one story', async () => {
    const seeds = await loadCorpus('data');
    expect(storiesOf(buildKnowledgeBase(seeds)).list.map((s) => s.articles.length)).toEqual([seeds.articles.length]);
  });
});

/** The corpus's stories copied into earlier years, under other ids: a base far larger than a publish, with the same kind of stories. */
function yearsBefore(articles: readonly Article[], years: number): Article[] {
  const out: Article[] = [];
  for (let y = 1; y <= years; y++) {
    for (const a of articles) {
      const published = `${Number(a.published.slice(0, 4)) - y}${a.published.slice(4)}`;
      out.push({ ...a, id: `${a.id}-${y}`, file: `articles/${a.id}-${y}.md`, published });
    }
  }
  return out;
}

/** The truth's stories over articles and their copies of {@link yearsBefore}: each year's copy of a story is a story. */
function truthWithCopies(ids: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const [, original = id, year = '0'] = /^(.*?)(?:-(\d+))?$/u.exec(id) ?? [];
    const story = truths.find((t) => t.articles.includes(original))?.story ?? id;
    const key = `${story}|${year}`;
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
}

describe('GIVEN a knowledge base composed of a base and segments', () => {
  const derailment = () => truths.find((t) => t.story === 'deraillement-lavernede') as Truth;

  it('WHEN the segments are large beside the base THEN the composition is grouped as the one-piece base', () => {
    const a = corpus.articles;
    for (const cut of [4, 10, 15]) {
      const base = buildKnowledgeBase({ ...corpus, articles: a.slice(0, cut) });
      const kb = composeKnowledgeBase(base, { sources: [], segments: [buildSegment(base, a.slice(cut), corpus.sources)] });
      expect(partition(kb), `base of ${cut}`).toEqual(partition(buildKnowledgeBase(corpus)));
    }
  });

  it('WHEN a publish is a small share of a large base THEN its articles join the base\'s stories or a new one, as the truth says, and the base is not regrouped', () => {
    const story = derailment();
    const isNew = (x: Article) => story.articles.includes(x.id);
    // The derailment's first two articles are in the base; the next two, published later, arrive in two segments.
    const [first, second, third, fourth] = corpus.articles.filter(isNew) as [Article, Article, Article, Article];
    const history = yearsBefore(corpus.articles, 12);
    const baseArticles = [...history, ...corpus.articles.filter((x) => !isNew(x)), first, second];
    expect(2 <= INCREMENTAL_SHARE * baseArticles.length).toBe(true);
    const base = buildKnowledgeBase({ ...corpus, articles: baseArticles });
    const segments = [buildSegment(base, [third], corpus.sources), buildSegment(base, [fourth], corpus.sources)];
    const kb = composeKnowledgeBase(base, { sources: [], segments });
    const ids = kb.corpus.articles.map((x) => x.id);
    expect(partition(kb)).toEqual(truthWithCopies(ids));
    // The two new articles are in the story of the two in the base, and no other article is.
    const stories = storiesOf(kb);
    const storyOf = (x: Article) => stories.ofArticle[ids.indexOf(x.id)];
    expect(new Set([first, second, third, fourth].map(storyOf)).size).toBe(1);
    expect(stories.list[storyOf(first) as number]?.articles).toHaveLength(4);
    // Another composition over the same base reuses the base's stories: those no new article joined are the very same lists.
    const other = composeKnowledgeBase(base, { sources: [], segments: [segments[0] as (typeof segments)[number]] });
    const untouched = stories.list.findIndex((s, i) => i !== storyOf(first) && s.articles.length > 0);
    expect(storiesOf(other).list[untouched]?.articles).toBe(stories.list[untouched]?.articles);
    expect(storiesOf(base).list[untouched]?.articles).toBe(stories.list[untouched]?.articles);
  });

  it('WHEN a publish brings a new story into a large base THEN it is a story of its own, not merged with the strike that shares its minister', () => {
    const story = derailment();
    const isNew = (x: Article) => story.articles.includes(x.id);
    const base = buildKnowledgeBase({ ...corpus, articles: [...yearsBefore(corpus.articles, 12), ...corpus.articles.filter((x) => !isNew(x))] });
    const kb = composeKnowledgeBase(base, { sources: [], segments: [buildSegment(base, corpus.articles.filter(isNew), corpus.sources)] });
    const ids = kb.corpus.articles.map((x) => x.id);
    const stories = storiesOf(kb);
    const grouped = new Set(story.articles.map((id) => stories.ofArticle[ids.indexOf(id)]));
    expect(grouped.size).toBe(1);
    const [only] = [...grouped];
    expect(stories.list[only as number]?.articles.map((a) => ids[a]).sort()).toEqual([...story.articles].sort());
    expect(only).toBeGreaterThanOrEqual(storiesOf(base).list.length);
  });
});
