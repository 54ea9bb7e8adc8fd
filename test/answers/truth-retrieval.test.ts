/**
 * Issue 11's retrieval examples, on the two seed articles as committed in data/: nothing is shown
 * without evidence, lists hold only what is relevant and count only that, an excerpt that skips
 * part of its paragraph says so, and a date later than its article is marked.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import type { AskAnswer, Excerpt } from '../../src/answers/types.js';
import { loadEngine } from '../../src/load-engine.js';
import { draftAnswer } from '../../src/discord/render/answers.js';
import { fitEmbeds } from '../../src/discord/render/fit.js';
import { messages } from '../../src/render/messages.js';
import { renderText } from '../../src/terminal/render.js';

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine('data');
});

const where = (e: Excerpt) => `${e.citation.outlet} ¶${e.citation.paragraph}`;

function asked(question: string): AskAnswer {
  const answer = engine.ask(question);
  if (answer.kind !== 'ask') throw new Error(`${question}: ${answer.kind}`);
  return answer;
}

function paragraphText(e: Excerpt): string {
  return engine.kb.paragraph(e.citation.articleId, e.citation.paragraph)?.paragraph.text ?? '';
}

describe('GIVEN the two seed articles, none of which mentions China', () => {
  it('WHEN asked "Quelle est la position de la Chine ?" THEN there is no evidence (RT ¶7, on the post, is not an answer)', () => {
    const answer = engine.ask('Quelle est la position de la Chine ?');
    expect(answer.kind).toBe('no-evidence');
  });

  it('WHEN the same question goes to cite and when THEN they find no evidence either', () => {
    expect(engine.cite('Quelle est la position de la Chine ?').kind).toBe('no-evidence');
    expect(engine.when('la position de la Chine').kind).toBe('no-evidence');
  });
});

describe('GIVEN the seeds, where three paragraphs speak of sappers and the AFP title names them', () => {
  it('WHEN asked "combien de sapeurs ?" THEN only AFP ¶1, AFP ¶2 and RT ¶3 are shown, and the count is theirs', () => {
    const answer = asked('combien de sapeurs ?');
    expect(answer.excerpts.map(where).sort()).toEqual(['AFP ¶1', 'AFP ¶2', 'RT ¶3']);
    expect(answer.total).toBe(3);
    for (const e of answer.excerpts) expect(e.matched.map((w) => w.toLowerCase())).toContain('sapeurs');
  });

  it('WHEN that answer is rendered THEN it says 3 of 3 matching, not 10 of 21', () => {
    const text = renderText(asked('combien de sapeurs ?'), { locale: 'en' });
    expect(text).toContain(messages('en').matchedParagraphs(3, 3));
  });
});

describe('GIVEN questions whose answers sit inside their paragraphs', () => {
  const questions = ['Quelle distance parcourt le train ?', 'combien de sapeurs ?', 'accord de défense mutuelle', 'rétablir la confiance', 'Qui a salué l’aide fraternelle ?'];

  it('WHEN asked "Quelle distance parcourt le train ?" THEN RT ¶5 is quoted from a sentence start, with a leading … since the paragraph starts earlier', () => {
    const [first] = asked('Quelle distance parcourt le train ?').excerpts;
    if (!first) throw new Error('no excerpt');
    expect(where(first)).toBe('RT ¶5');
    expect(first.text.startsWith('Ce trajet de plus de 10 000 kilomètres')).toBe(true);
    expect(first.start).toBeGreaterThan(0);
    expect(first.cutStart).toBe(true);
    expect(renderText(asked('Quelle distance parcourt le train ?'), { locale: 'en' })).toMatch(/«\s…Ce trajet/u);
  });

  it.each(questions)('WHEN asked %s THEN every excerpt is verbatim, at most 300 characters, holds a matched word, and marks each cut end', (question) => {
    for (const e of asked(question).excerpts) {
      const text = paragraphText(e);
      expect(e.text).toBe(text.slice(e.start, e.end));
      expect(e.text.length).toBeLessThanOrEqual(300);
      expect(e.matched.length).toBeGreaterThan(0);
      expect(e.cutStart).toBe(text.slice(0, e.start).trim() !== '');
      expect(e.cutEnd).toBe(text.slice(e.end).trim() !== '');
      // Cut only between words.
      expect(text[e.start - 1] ?? ' ').toMatch(/\s/u);
      expect(text[e.end] ?? ' ').toMatch(/[\s.,;:!?»"')]/u);
    }
  });
});

describe('GIVEN AFP ¶16, "a déclaré mercredi", in an article dated Tuesday 17 June 2025', () => {
  it('WHEN asked when THEN the date is 18 June, marked as after the publication date', () => {
    const answer = engine.when('déclaration du ministère sud-coréen des Affaires étrangères');
    if (answer.kind !== 'when') throw new Error(answer.kind);
    const wednesday = answer.dates.find((d) => d.wording === 'mercredi');
    expect(wednesday).toMatchObject({ iso: '2025-06-18', afterPublication: true });
    expect(wednesday?.excerpt.citation).toMatchObject({ outlet: 'AFP', paragraph: 16, published: '2025-06-17' });
  });

  it('WHEN the timeline is read THEN the only other date marked is RT ¶5\'s announced "À partir du 19 juin"', () => {
    const answer = engine.when();
    if (answer.kind !== 'when') throw new Error(answer.kind);
    const marked = answer.dates.filter((d) => d.afterPublication).map((d) => `${d.wording} ${where(d.excerpt)}`);
    expect(marked.sort()).toEqual(['19 juin RT ¶5', 'mercredi AFP ¶16']);
  });

  it('WHEN rendered for the terminal and for Discord, in English and French THEN the date carries the caveat', () => {
    const answer = engine.when('mercredi');
    for (const locale of ['en', 'fr'] as const) {
      const caveat = messages(locale).afterPublication;
      expect(renderText(answer, { locale })).toContain(caveat);
      const names = fitEmbeds(draftAnswer(answer, { locale, page: 0, colorOf: () => undefined }).drafts).embeds.flatMap((e) => (e.fields ?? []).map((f) => f.name));
      expect(names.some((n) => n.includes(caveat))).toBe(true);
    }
  });
});
