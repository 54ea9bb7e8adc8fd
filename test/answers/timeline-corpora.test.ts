/**
 * `timeline` on the invented multi-outlet stories (test/fixtures/stories, read-only here) and on
 * the seed articles (data/articles). The events checked below were read off the articles by hand:
 * which outlets date the dam's failure, the strike's mediation meeting, the minister's visit; and
 * that the four original stories hold no date two outlets give differently (every dated sentence
 * of theirs was read: where two outlets date one thing, they give it the same day or year).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/answers/engine.js';
import type { TimelineAnswer, TimelineEvent } from '../../src/answers/types.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { loadTruth } from '../fixtures/stories/truth.js';

const STORIES_DIR = 'test/fixtures/stories';
/** The stories whose every dated sentence was read for these tests. */
const READ_STORIES = ['barrage-combe-noire', 'greve-port-lannec', 'visite-tchelnokov', 'incendie-vaudrettes'];

function timelineOf(engine: Engine, topic?: string): TimelineAnswer {
  const answer = engine.timeline(topic);
  if (answer.kind !== 'timeline') throw new Error(`expected a timeline, got ${answer.kind}`);
  return answer;
}

const articlesOf = (e: TimelineEvent) => e.datings.flatMap((d) => d.mentions.map((m) => m.excerpt.citation));
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('GIVEN the invented multi-outlet stories', () => {
  let corpus: Corpus;
  let engine: Engine;
  let whole: TimelineAnswer;
  beforeAll(async () => {
    corpus = await loadCorpus(STORIES_DIR);
    engine = Engine.build(corpus);
    whole = timelineOf(engine);
  });

  it('WHEN the whole timeline is asked THEN its events come oldest first', () => {
    const keys = whole.events.map((e) => e.sortKey);
    expect(keys.length).toBeGreaterThan(20);
    expect(keys).toEqual([...keys].sort());
  });

  it('THEN no event mixes two stories: the articles dating one event were published within two weeks of each other', () => {
    for (const event of whole.events) {
      const days = articlesOf(event).map((c) => dayOf(c.published));
      expect(Math.max(...days) - Math.min(...days), event.label).toBeLessThanOrEqual(14);
    }
  });

  it('THEN the dam’s failure “in the night from Monday to Tuesday” is one event of AHP, Courrier and Le Fil, 9 March 2026', () => {
    const dam = timelineOf(engine, 'barrage cédé rupture').events.find((e) => e.sortKey === '2026-03-09');
    expect(dam).toMatchObject({ differs: false });
    expect([...(dam?.outlets ?? [])].sort()).toEqual(['AHP', 'Courrier', 'Le Fil']);
    expect(dam?.datings.flatMap((d) => d.mentions.map((m) => m.wording.replace(/,$/u, '')))).toEqual(['lundi à mardi', 'lundi à mardi', 'lundi à mardi']);
  });

  it('THEN the strike’s mediation meeting on Thursday 16 April is dated alike by AHP, Courrier and Le Fil', () => {
    const meeting = whole.events.find((e) => e.sortKey === '2026-04-16');
    expect(meeting).toMatchObject({ differs: false, outlets: ['AHP', 'Courrier', 'Le Fil'] });
  });

  it('THEN the interior minister’s trip on Wednesday 11 March is dated alike by AHP and OPF', () => {
    const trip = whole.events.find((e) => e.sortKey === '2026-03-11' && e.label.includes('Ferrières'));
    expect(trip).toMatchObject({ differs: false, outlets: ['AHP', 'OPF'] });
  });

  it('THEN no event of the four stories read by hand is said to be dated differently', () => {
    const read = new Set(loadTruth().filter((t) => READ_STORIES.includes(t.story)).flatMap((t) => t.articles));
    expect(read.size).toBeGreaterThanOrEqual(15);
    for (const topic of [undefined, 'barrage', 'grève des dockers', 'visite du ministre valdorien', 'incendie des Vaudrettes']) {
      const events = timelineOf(engine, topic).events.filter((e) => articlesOf(e).some((c) => read.has(c.articleId)));
      expect(events.filter((e) => e.differs).map((e) => e.label)).toEqual([]);
    }
  });

  it('THEN every excerpt is a verbatim sentence of its paragraph, with its ¶, holding the date as written', () => {
    const text = new Map(corpus.articles.flatMap((a) => a.paragraphs.map((p) => [`${a.id}#${p.n}`, p.text] as const)));
    for (const event of whole.events) {
      for (const m of event.datings.flatMap((d) => d.mentions)) {
        const c = m.excerpt.citation;
        expect((text.get(`${c.articleId}#${c.paragraph}`) ?? '').slice(m.excerpt.start, m.excerpt.end)).toBe(m.excerpt.text);
        expect(m.excerpt.text).toContain(m.wording);
      }
    }
  });

  it('THEN a dateline (“SAINT-AUREL-SUR-SORBIÈRE, 10 mars 2026 (AHP) -”) is no event: it dates the dispatch', () => {
    const wordings = whole.events.flatMap((e) => e.datings.flatMap((d) => d.mentions.map((m) => m.wording)));
    expect(wordings).not.toContain('10 mars 2026');
    expect(wordings).not.toContain('14 avril 2026');
  });
});

describe('GIVEN the seed articles (AFP and RT on Choïgou in Pyongyang)', () => {
  let engine: Engine;
  let whole: TimelineAnswer;
  beforeAll(async () => {
    engine = Engine.build(await loadCorpus('data'));
    whole = timelineOf(engine);
  });

  it('WHEN the whole timeline is asked THEN it runs oldest first, from 2020 to 19 June 2025, across both outlets', () => {
    const keys = whole.events.map((e) => e.sortKey);
    expect(keys).toEqual([...keys].sort());
    expect(keys[0]).toBe('2020-01-01');
    expect(keys.at(-1)).toBe('2025-06-19');
    expect(whole.outlets.map((o) => o.outlet)).toEqual(['AFP', 'RT']);
  });

  it('THEN 17 June 2025 is dated by both outlets: AFP’s “mardi” resolved from its publication day, RT’s “ce 17 juin 2025”', () => {
    const june17 = whole.events.filter((e) => e.sortKey === '2025-06-17');
    const wordings = june17.flatMap((e) => e.datings.flatMap((d) => d.mentions.map((m) => `${m.excerpt.citation.outlet} ${m.wording} ${m.relative}`)));
    expect(wordings).toEqual(expect.arrayContaining(['AFP mardi true', 'RT ce 17 juin 2025 false']));
  });

  it('THEN Choïgou’s earlier visits (AFP: “en mars”, “en juin”; RT: “le 4 juin”) are not said to be dated differently', () => {
    expect(whole.events.filter((e) => e.differs)).toEqual([]);
    expect(timelineOf(engine, 'visite de Choïgou à Pyongyang').events.filter((e) => e.differs)).toEqual([]);
  });
});
