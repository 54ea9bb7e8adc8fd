/**
 * The terminal's plain-text renderer on answers built by hand: excerpts quoted exactly (a pipe
 * gets the articles' own words), highlights only when asked for, cuts marked, references under
 * each excerpt.
 */
import { describe, expect, it } from 'vitest';
import type { AskAnswer, Citation, Excerpt } from '../../src/answers/types.js';
import { ansiBold, renderText } from '../../src/terminal/render.js';

const CITATION: Citation = { sourceId: 'afp', outlet: 'AFP', outletName: 'Agence France-Presse', articleId: 'a-afp', title: 'Des sapeurs', published: '2025-06-17', paragraph: 3 };

const excerpt = (text: string, cut: Pick<Excerpt, 'cutStart' | 'cutEnd'>): Excerpt => {
  const at = text.indexOf('sapeurs');
  return { citation: CITATION, text, start: 0, end: text.length, ...cut, highlights: [{ start: at, end: at + 'sapeurs'.length }], matched: ['sapeurs'], score: 1 };
};

const answer: AskAnswer = {
  kind: 'ask',
  query: 'sapeurs',
  questionKind: 'other',
  excerpts: [excerpt('Mille sapeurs seront envoyés.', { cutStart: false, cutEnd: false }), excerpt('les sapeurs partiront', { cutStart: true, cutEnd: true })],
  total: 2,
};

describe('GIVEN an ask answer with two excerpts, the second cut at both ends', () => {
  it('WHEN rendered without highlight THEN each excerpt is quoted as written, numbered, with its reference below', () => {
    expect(renderText(answer, { locale: 'en' }).split('\n')).toEqual([
      'Question (general): sapeurs',
      '',
      '1. « Mille sapeurs seront envoyés. »',
      '     — AFP, 17 June 2025, ¶3',
      '2. « …les sapeurs partiront… »',
      '     — AFP, 17 June 2025, ¶3',
      '',
      '2 of 2 matching paragraphs',
    ]);
  });

  it('WHEN rendered with ANSI bold THEN only the matched words are wrapped', () => {
    const text = renderText(answer, { locale: 'en', highlight: ansiBold });
    expect(text).toContain(`« Mille ${ansiBold('sapeurs')} seront envoyés. »`);
    const [on, off] = ansiBold('\u0000').split('\u0000');
    expect(text.replaceAll(on ?? '', '').replaceAll(off ?? '', '')).toBe(renderText(answer, { locale: 'en' }));
  });

  it('WHEN rendered in French THEN the bot’s words and the date are French, the excerpts unchanged', () => {
    const text = renderText(answer, { locale: 'fr' });
    expect(text).toContain('17 juin 2025');
    expect(text).toContain('« Mille sapeurs seront envoyés. »');
  });
});
