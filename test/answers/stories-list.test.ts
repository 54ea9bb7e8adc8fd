/**
 * `/stories` on the invented multi-outlet stories: every story of the truth is listed once, most
 * recent first, with exactly its outlets (article counts, first article) and, as "not covered",
 * exactly the collection's outlets with no article in it. Rendered in English and French.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/answers/engine.js';
import type { StoriesAnswer } from '../../src/answers/types.js';
import { dispatch } from '../../src/commands/table.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Article, Corpus } from '../../src/corpus/types.js';
import { renderText } from '../../src/terminal/render.js';
import { loadTruth, STORIES_DIR, type Truth } from '../fixtures/stories/truth.js';

let corpus: Corpus;
let engine: Engine;
let answer: StoriesAnswer;
const truths: Truth[] = loadTruth();

beforeAll(async () => {
  corpus = await loadCorpus(STORIES_DIR);
  engine = Engine.build(corpus);
  const a = engine.stories();
  if (a.kind !== 'stories') throw new Error(a.kind);
  answer = a;
});

const shortOf = (id: string) => corpus.sources.find((s) => s.id === id)?.short ?? id;
const articlesOf = (truth: Truth) => corpus.articles.filter((a) => truth.articles.includes(a.id));
/** The listed story holding a truth story's first article, found by its outlets' first articles. */
function listed(truth: Truth) {
  return answer.stories.find((s) => s.outlets.some((o) => truth.articles.includes(o.first.articleId)));
}

describe('GIVEN the five invented stories', () => {
  it('WHEN /stories is asked THEN each story of the truth is listed once, with its article count and dates, most recent first', () => {
    expect(answer.stories).toHaveLength(truths.length);
    expect(answer.total).toBe(truths.length);
    expect(answer.single).toBe(0);
    expect(answer.outletCount).toBe(corpus.sources.length);
    for (const truth of truths) {
      const story = listed(truth);
      const days = articlesOf(truth).map((a) => a.published).sort();
      expect(story, truth.story).toMatchObject({ articleCount: truth.articles.length, from: days[0], to: days[days.length - 1] });
    }
    const ends = answer.stories.map((s) => s.to);
    expect(ends).toEqual([...ends].sort().reverse());
  });

  it('WHEN a story is listed THEN its outlets are exactly those of the truth, each with its article count and its first article', () => {
    for (const truth of truths) {
      const story = listed(truth);
      expect(story?.outlets.map((o) => o.sourceId).sort(), truth.story).toEqual([...truth.outlets].sort());
      for (const o of story?.outlets ?? []) {
        const own: Article[] = articlesOf(truth).filter((a) => a.source === o.sourceId);
        expect(o.articles).toBe(own.length);
        expect(own.map((a) => a.id)).toContain(o.first.articleId);
        expect(o.first.title).toBe(own.find((a) => a.id === o.first.articleId)?.title);
      }
    }
  });

  it('WHEN a story is listed THEN "not covered by" names exactly the outlets of the collection with no article in it', () => {
    for (const truth of truths) {
      const notCovering = corpus.sources.filter((s) => !corpus.articles.some((a) => a.source === s.id && truth.articles.includes(a.id))).map((s) => s.short);
      expect(listed(truth)?.notCoveredBy, truth.story).toEqual(notCovering);
      expect(notCovering).toEqual(corpus.sources.filter((s) => !truth.outlets.includes(s.id)).map((s) => shortOf(s.id)));
    }
  });

  it('WHEN a story is labelled THEN its words are words of its articles and its people are people its articles name', () => {
    for (const truth of truths) {
      const story = listed(truth);
      const text = articlesOf(truth).flatMap((a) => [a.title, ...a.paragraphs.map((p) => p.text)]).join(' ').toLowerCase();
      expect(story?.words.length, truth.story).toBeGreaterThan(0);
      for (const word of story?.words ?? []) expect(text, `${truth.story}: ${word}`).toContain(word.toLowerCase());
      for (const person of story?.people ?? []) expect(truth.people.map((p) => p.name).concat(truth.shared_people.map((p) => p.name)), truth.story).toContain(person);
    }
  });

  it('WHEN rendered for the terminal THEN each story says who has no article in it, in English and French', () => {
    const en = renderText(dispatch(engine, 'stories'), { locale: 'en' });
    const fr = renderText(dispatch(engine, 'stories'), { locale: 'fr' });
    expect(en).toMatch(/^5 stories covered by two articles or more/u);
    expect(fr).toMatch(/^5 affaires couvertes par deux articles ou plus/u);
    expect(en).toContain('No article in this story from: OPF, VDI.');
    expect(fr).toContain('Aucun article sur cette affaire\u00a0: OPF, VDI.');
  });
});

describe('GIVEN a corpus where no two articles tell the same event', () => {
  it('WHEN /stories is asked THEN it says so and counts the articles left alone', () => {
    const lone = Engine.build({ ...({} as Corpus), sources: [], aliases: [], counted: [], articles: [] });
    const a = lone.stories();
    expect(a).toEqual({ kind: 'stories', stories: [], total: 0, single: 0, outletCount: 0 });
    expect(renderText(a, { locale: 'en' })).toBe('No story is covered by two articles or more.');
  });
});
