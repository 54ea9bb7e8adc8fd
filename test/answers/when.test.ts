/**
 * `when` on a tiny inline corpus: dates marked when they fall after their own article's
 * publication date, and the relevance floor applied to events.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/answers/engine.js';
import { when } from '../../src/answers/when.js';
import type { Corpus } from '../../src/corpus/types.js';
import { messages } from '../../src/render/messages.js';
import { renderText } from '../../src/terminal/render.js';

const corpus: Corpus = {
  sources: [{ id: 'a', name: 'Agence A', short: 'A', kind: 'agence', ownership: 'inconnu', color: '#111111' }],
  aliases: [],
  articles: [
    {
      id: 'a1',
      source: 'a',
      title: 'Le barrage de la vallée',
      // A Tuesday: "mardi" is that day, "mercredi" the day after.
      published: '2025-06-17',
      language: 'fr',
      file: 'articles/a1.md',
      paragraphs: [
        { n: 1, text: 'Le préfet a annoncé mardi la fermeture du barrage.' },
        { n: 2, text: 'Le ministère a déclaré mercredi que les travaux dureraient.' },
        { n: 3, text: 'Le barrage avait été inspecté en juin et une première fois l’an dernier.' },
      ],
    },
  ],
};
const kb = Engine.build(corpus).kb;

function timeline() {
  const answer = when(kb, undefined);
  if (answer.kind !== 'when') throw new Error(answer.kind);
  return answer.dates;
}

describe('GIVEN an article dated Tuesday 17 June 2025', () => {
  it('WHEN its "mercredi" resolves to the next day THEN that date is marked as after the publication date', () => {
    const wednesday = timeline().find((d) => d.wording === 'mercredi');
    expect(wednesday).toMatchObject({ iso: '2025-06-18', relative: true, afterPublication: true });
  });

  it('WHEN a date is the publication day, a period that starts before it or an earlier year THEN it is not marked', () => {
    const dates = timeline();
    expect(dates.find((d) => d.wording === 'mardi')).toMatchObject({ iso: '2025-06-17', afterPublication: false });
    expect(dates.find((d) => d.iso === '2025-06')).toMatchObject({ afterPublication: false });
    expect(dates.find((d) => d.iso === '2024')).toMatchObject({ afterPublication: false });
    expect(dates.filter((d) => d.afterPublication).map((d) => d.wording)).toEqual(['mercredi']);
  });

  it('WHEN the dates are rendered in English and French THEN only the later one carries the caveat', () => {
    const answer = when(kb, undefined);
    for (const locale of ['en', 'fr'] as const) {
      const caveat = messages(locale).afterPublication;
      const lines = renderText(answer, { locale }).split('\n').filter((l) => l.startsWith('•'));
      expect(lines.filter((l) => l.includes(caveat))).toEqual([expect.stringContaining('mercredi')]);
    }
  });

  it('WHEN asked about an event the article does not mention THEN there is no evidence, not a date from an unrelated paragraph', () => {
    expect(when(kb, 'élections municipales').kind).toBe('no-evidence');
  });

  it('WHEN asked about the works THEN the later date answers, marked', () => {
    const answer = when(kb, 'travaux');
    if (answer.kind !== 'when') throw new Error(answer.kind);
    expect(answer.dates.map((d) => [d.wording, d.afterPublication])).toEqual([['mercredi', true]]);
  });
});
