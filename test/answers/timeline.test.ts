/**
 * `timeline` on a small inline story of three invented outlets (ALP, RBE, GAM): a bridge collapse
 * ALP and GAM date 10 March and RBE 11 March, a minister's visit all date alike, works dated "in
 * March" by one and "16 March" by another. Then what must never be called a difference: an outlet
 * that also gives the other date elsewhere in its articles, another story a month later, dates
 * two weeks apart, a sentence holding two dates, a weekday resolved after publication.
 */
import { describe, expect, it } from 'vitest';
import { eventTimeline } from '../../src/answers/timeline.js';
import type { TimelineAnswer, TimelineEvent } from '../../src/answers/types.js';
import type { Article } from '../../src/corpus/types.js';
import { buildKnowledgeBase } from '../../src/knowledge/build.js';
import { eventHeading } from '../../src/render/timeline-text.js';
import { article, COLLAPSE, SOURCES, STORY } from '../fixtures/bridge-story.js';

function timelineOf(articles: readonly Article[], topic?: string): TimelineAnswer {
  const answer = eventTimeline(buildKnowledgeBase({ sources: SOURCES, aliases: [], counted: [], articles: [...articles] }), topic);
  if (answer.kind !== 'timeline') throw new Error(`expected a timeline, got ${answer.kind}`);
  return answer;
}

const collapseOf = (a: TimelineAnswer) => a.events.filter((e) => e.label.includes('effondré'));
const datesBy = (e: TimelineEvent) => e.datings.map((d) => `${d.iso}: ${d.mentions.map((m) => m.excerpt.citation.outlet).join(', ')}`);

describe('GIVEN three outlets on a bridge collapse, two dating it 10 March and one 11 March', () => {
  const answer = timelineOf(STORY);

  it('WHEN the timeline is asked THEN the events come oldest first', () => {
    const keys = answer.events.map((e) => e.sortKey);
    expect(keys).toEqual([...keys].sort());
    expect(keys[0]).toBe('1931-01-01');
  });

  it('THEN the collapse is one event dated differently: ALP and GAM 10 March, RBE 11 March', () => {
    const [collapse, ...others] = collapseOf(answer);
    expect(others).toEqual([]);
    expect(collapse?.differs).toBe(true);
    expect(datesBy(collapse as TimelineEvent)).toEqual(['2026-03-10: ALP, GAM', '2026-03-11: RBE']);
    expect(eventHeading(collapse as TimelineEvent, 'en')).toBe('10 March 2026 ≠ 11 March 2026 — dated differently: ALP: 10 March 2026, GAM: 10 March 2026, RBE: 11 March 2026');
    expect(eventHeading(collapse as TimelineEvent, 'fr')).toBe('10 mars 2026 ≠ 11 mars 2026 — daté différemment\u00a0: ALP\u00a0: 10 mars 2026, GAM\u00a0: 10 mars 2026, RBE\u00a0: 11 mars 2026');
  });

  it('THEN the minister’s visit, 11 March in both outlets, is one event dated alike', () => {
    const visit = answer.events.find((e) => e.label.includes('Verdier'));
    expect(visit).toMatchObject({ differs: false, outlets: ['ALP', 'RBE'], sortKey: '2026-03-11' });
    expect(eventHeading(visit as TimelineEvent, 'en')).toBe('11 March 2026 — dated by ALP, RBE');
  });

  it('THEN “in March” and “16 March” are compatible: one event, dated when the more precise date says', () => {
    const works = answer.events.find((e) => e.label.includes('déblaiement'));
    expect(works).toMatchObject({ differs: false, sortKey: '2026-03-16' });
    expect(datesBy(works as TimelineEvent)).toEqual(['2026-03: RBE', '2026-03-16: ALP']);
  });

  it('THEN every excerpt is its paragraph’s own sentence, holding the date’s wording, and every label is the article’s words', () => {
    const texts = new Map(STORY.flatMap((a) => a.paragraphs.map((p) => [`${a.id}#${p.n}`, p.text] as const)));
    for (const event of answer.events) {
      const mentions = event.datings.flatMap((d) => d.mentions);
      for (const m of mentions) {
        const paragraph = texts.get(`${m.excerpt.citation.articleId}#${m.excerpt.citation.paragraph}`) ?? '';
        expect(paragraph.slice(m.excerpt.start, m.excerpt.end)).toBe(m.excerpt.text);
        expect(m.excerpt.text).toContain(m.wording);
      }
      const label = event.label.replace(/^…|…$/gu, '');
      expect(mentions.some((m) => (texts.get(`${m.excerpt.citation.articleId}#${m.excerpt.citation.paragraph}`) ?? '').includes(label))).toBe(true);
      expect(event.outlets).toEqual([...new Set(mentions.map((m) => m.excerpt.citation.outlet))]);
    }
  });

  it('THEN the outlets are listed with their colours from the sources', () => {
    expect(answer.outlets.map((o) => `${o.outlet} ${o.color}`)).toEqual(['ALP #C0392B', 'RBE #2E86C1', 'GAM #F39C12']);
  });

  it('WHEN asked on a topic THEN only that topic’s paragraphs are read', () => {
    const bridge = timelineOf(STORY, 'pont suspendu effondré');
    expect(collapseOf(bridge)).toHaveLength(1);
    expect(bridge.events.some((e) => e.label.includes('1931'))).toBe(false);
    expect(bridge.query).toBe('pont suspendu effondré');
  });
});

describe('GIVEN differences that must not be claimed', () => {
  it('WHEN ALP also dates the collapse 11 March in another article THEN no difference is claimed: ALP gives both', () => {
    const both = [...STORY, article('alp-2', 'alp', '2026-03-13', ["Le pont suspendu de Vernasque s'est effondré le 11 mars sous le poids d'un convoi exceptionnel, a rappelé la préfète Odile Marchetti."])];
    expect(timelineOf(both).events.filter((e) => e.differs)).toEqual([]);
  });

  it('WHEN ALP gives 11 March in a paragraph the topic’s best paragraphs leave out THEN the check over its whole articles finds it: no difference', () => {
    const shortOnes = ['Vernasque pleure.', 'Vernasque se tait.', 'Vernasque attend.', 'Vernasque espère.', 'Vernasque résiste.', 'Vernasque reconstruit.', 'Vernasque se souvient.', 'Vernasque veille.'];
    const aside =
      "Dans un communiqué publié jeudi soir et relayé par plusieurs élus de la région, qui réclament depuis des années des crédits pour l'entretien des ouvrages d'art du département, la mairie rappelle que le pont suspendu de Vernasque s'est écroulé le 11 mars sous le poids d'un convoi exceptionnel, comme l'a confirmé la préfète Odile Marchetti, et demande une enquête indépendante.";
    const base = [article('alp-1', 'alp', '2026-03-12', [COLLAPSE.alp]), article('alp-3', 'alp', '2026-03-12', shortOnes), article('rbe-1', 'rbe', '2026-03-12', [COLLAPSE.rbe])];
    // Without ALP's aside, the collapse is dated differently; the aside is not among ALP's paragraphs read for the topic.
    expect(collapseOf(timelineOf(base, 'Vernasque effondré')).map((e) => e.differs)).toEqual([true]);
    const answer = timelineOf([...base, article('alp-2', 'alp', '2026-03-13', [aside])], 'Vernasque effondré');
    expect(answer.events.flatMap((e) => e.datings.flatMap((d) => d.mentions.map((m) => m.excerpt.citation.articleId)))).not.toContain('alp-2');
    expect(answer.events.filter((e) => e.differs)).toEqual([]);
  });

  it('WHEN the 11 March article is of another story, a month later THEN the two are not one event', () => {
    const later = STORY.map((a) => (a.id === 'rbe-1' ? { ...a, published: '2026-04-15' } : a));
    expect(timelineOf(later).events.filter((e) => e.differs)).toEqual([]);
  });

  it('WHEN the dates are two weeks apart THEN they are other events, not a difference', () => {
    const apart = STORY.map((a) => (a.id === 'rbe-1' ? { ...a, paragraphs: a.paragraphs.map((p) => (p.n === 1 ? { ...p, text: p.text.replace('11 mars', '24 mars') } : p)) } : a));
    expect(timelineOf(apart).events.filter((e) => e.differs)).toEqual([]);
  });

  it('WHEN the sentence holds two dates THEN which one dates the collapse is unclear: no difference', () => {
    const crowded = STORY.map((a) => (a.id === 'rbe-1' ? { ...a, paragraphs: a.paragraphs.map((p) => (p.n === 1 ? { ...p, text: p.text.replace('le 11 mars', 'le 11 mars, deux ans après son inspection de 2024,') } : p)) } : a));
    expect(timelineOf(crowded).events.filter((e) => e.differs)).toEqual([]);
  });

  it('WHEN a weekday is resolved after its article’s publication THEN it grounds no difference (the resolution may be wrong)', () => {
    const weekday = STORY.map((a) => (a.id === 'rbe-1' ? { ...a, paragraphs: a.paragraphs.map((p) => (p.n === 1 ? { ...p, text: p.text.replace('le 11 mars', 'vendredi') } : p)) } : a));
    const answer = timelineOf(weekday);
    expect(answer.events.filter((e) => e.differs)).toEqual([]);
    expect(answer.events.some((e) => e.datings.some((d) => d.mentions.some((m) => m.wording === 'vendredi' && m.afterPublication)))).toBe(true);
  });

  it('WHEN two sentences share only common words on one day THEN they stay two events', () => {
    const answer = timelineOf([
      article('alp-9', 'alp', '2026-03-12', ['La vallée de la Sorbière s’est réveillée mardi sous la boue.']),
      article('rbe-9', 'rbe', '2026-03-12', ['Un barrage a cédé mardi dans la vallée de la Sorbière, en amont du village.']),
    ]);
    expect(answer.events.map((e) => e.outlets)).toEqual([['ALP'], ['RBE']]);
  });
});

describe('GIVEN questions nothing dates', () => {
  const kb = buildKnowledgeBase({ sources: SOURCES, aliases: [], counted: [], articles: [...STORY] });

  it.each(['xyzzy plugh', '@everyone <@123>', 'a'.repeat(300), '« » … ≠', '   '])('WHEN asked %j THEN a timeline or a no-evidence answer, never a throw', (query) => {
    const answer = eventTimeline(kb, query);
    expect(['timeline', 'no-evidence']).toContain(answer.kind);
    if (answer.kind === 'no-evidence') expect(answer).toMatchObject({ command: 'timeline', query: query.trim() });
  });

  it('WHEN the corpus dates nothing THEN the whole timeline is empty, said as such', () => {
    const answer = eventTimeline(buildKnowledgeBase({ sources: SOURCES, aliases: [], counted: [], articles: [article('x', 'alp', '2026-01-02', ['Un texte sans aucune date.'])] }), undefined);
    expect(answer).toEqual({ kind: 'timeline', events: [], outlets: [] });
  });
});
