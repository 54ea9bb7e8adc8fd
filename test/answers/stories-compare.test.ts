/**
 * `/compare` within one story, on the whole corpus of the five invented stories: whatever is
 * asked (a story's topics, what it counts, who is in it, a person two stories share), every
 * paragraph the answer cites belongs to one story; on a story's own topic it is that story; an
 * outlet said to have no article in the story has none, and one said to cover the topic has an
 * article in it. Comparing on the whole corpus used to set one event's figures against another's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/answers/engine.js';
import type { CompareAnswer, Excerpt } from '../../src/answers/types.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Article, Corpus } from '../../src/corpus/types.js';
import { fold } from '../../src/text/fold.js';
import { renderText } from '../../src/terminal/render.js';
import { loadTruth, peopleOf, STORIES_DIR, type Truth } from '../fixtures/stories/truth.js';

let corpus: Corpus;
let engine: Engine;
const truths: Truth[] = loadTruth();

beforeAll(async () => {
  corpus = await loadCorpus(STORIES_DIR);
  engine = Engine.build(corpus);
});

/** Every excerpt a comparison cites: each outlet's, and those of its statements. */
function cited(a: CompareAnswer): Excerpt[] {
  return [
    ...a.outlets.flatMap((o) => o.excerpts),
    ...a.figures.flatMap((f) => f.values.map((v) => v.excerpt)),
    ...a.counts.flatMap((c) => c.counts.map((v) => v.excerpt)),
    ...a.people.flatMap((p) => p.namedBy.map((n) => n.excerpt)),
  ];
}

const storyOfArticle = (id: string) => truths.find((t) => t.articles.includes(id))?.story;

/** What a user would compare about a story: its topics, what it counts, who is in it. */
function queriesOf(truth: Truth): string[] {
  return [...new Set([...truth.topics.map((t) => t.query), ...truth.quantities.map((q) => q.noun.replace(/\s*\(.*\)$/u, '')), ...peopleOf(truth, truths).map((p) => p.name)])];
}

/** Short words that say nothing of a topic. */
const FUNCTION_WORDS = new Set(['dans', 'pour', 'avec', 'sous', 'vers', 'chez', 'entre', 'sans']);

/**
 * Whether an article uses every word of a topic (of four letters or more) in some form, judged
 * without the engine: a folded word of its text beginning like the topic's word minus its last
 * three letters (five at least). Such a topic is as much another story's (`évacuation des habitants`).
 */
function holdsEveryWord(article: Article, query: string): boolean {
  const words = fold([article.title, ...article.paragraphs.map((p) => p.text)].join(' ')).split(/[^\p{L}\p{N}]+/u);
  return fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 4 && !FUNCTION_WORDS.has(w))
    .every((w) => words.some((x) => x.startsWith(w.slice(0, Math.max(5, w.length - 3)))));
}

function compared(query: string): CompareAnswer | undefined {
  const a = engine.compare(query);
  return a.kind === 'compare' ? a : undefined;
}

describe.each(truths.map((t) => [t.story, t] as const))('GIVEN the whole corpus and the queries of story %s', (_story, truth) => {
  it('WHEN compared THEN every cited paragraph belongs to one story', () => {
    for (const query of queriesOf(truth)) {
      const a = compared(query);
      if (!a) continue;
      const stories = new Set(cited(a).map((e) => storyOfArticle(e.citation.articleId)));
      expect([...stories], `${truth.story}: ${query}`).toHaveLength(stories.size === 0 ? 0 : 1);
    }
  });

  it('WHEN compared on one of its topics that no other story\'s article holds whole THEN the comparison is about this story', () => {
    const others = corpus.articles.filter((art) => !truth.articles.includes(art.id));
    for (const topic of truth.topics.filter((t) => !others.some((art) => holdsEveryWord(art, t.query)))) {
      const a = compared(topic.query);
      expect(a, topic.query).toBeDefined();
      for (const e of cited(a as CompareAnswer)) expect(storyOfArticle(e.citation.articleId), `${topic.query}: ${e.citation.articleId}`).toBe(truth.story);
    }
  });

  it('WHEN a comparison is within a story THEN the outlets said to have no article in it have none, and those covering it have one', () => {
    for (const query of queriesOf(truth)) {
      const a = compared(query);
      if (!a?.story) continue;
      const inStory = new Set(cited(a).map((e) => storyOfArticle(e.citation.articleId)));
      const [story] = [...inStory];
      const outlets = truths.find((t) => t.story === story)?.outlets ?? [];
      for (const o of a.outlets) {
        if (o.coverage === 'outside-story') expect(outlets, `${query}: ${o.outlet}`).not.toContain(o.sourceId);
        if (o.coverage === 'covers') expect(outlets, `${query}: ${o.outlet}`).toContain(o.sourceId);
      }
      expect(a.story.articleCount).toBe(truths.find((t) => t.story === story)?.articles.length);
    }
  });
});

describe('GIVEN a topic two stories share (evacuations, a minister)', () => {
  it('WHEN compared THEN the answer names the one story it stays within and says how many matching articles it leaves out', () => {
    const a = compared('évacuation des habitants');
    expect(a?.story).toBeDefined();
    expect(a?.story?.leftOut).toBeGreaterThan(0);
    const text = renderText(a as CompareAnswer, { locale: 'en' });
    expect(text).toMatch(/^Within one story: .+ \(\d+ \w+ 2026( – \d+ \w+ 2026)?, \d articles\)\.$/mu);
    expect(text).toMatch(/articles? of other stor(y|ies) also match/u);
    expect(renderText(a as CompareAnswer, { locale: 'fr' })).toMatch(/^Dans une seule affaire\u00a0: /mu);
  });

  it('WHEN the minister both stories name is compared THEN only one story\'s articles are cited, and the other story\'s outlets are not said to be silent on her', () => {
    const a = compared('Bérénice Valleron') as CompareAnswer;
    const stories = new Set(cited(a).map((e) => storyOfArticle(e.citation.articleId)));
    expect(stories.size).toBe(1);
    for (const o of a.outlets.filter((x) => x.coverage === 'none')) {
      const names = corpus.articles.some((art) => art.source === o.sourceId && art.paragraphs.some((p) => p.text.includes('Valleron')));
      expect(names, o.outlet).toBe(false);
    }
  });
});
