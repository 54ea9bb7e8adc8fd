/**
 * `compare` on a small inline corpus of three invented outlets: A and B report the same flood,
 * with the same number of sappers worded differently and different numbers of people evacuated;
 * C reports a jazz festival that uses some of the flood's words in passing.
 */
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/answers/compare.js';
import type { CompareAnswer, OutletCoverage } from '../../src/answers/types.js';
import type { Article, Corpus } from '../../src/corpus/types.js';
import { buildKnowledgeBase } from '../../src/knowledge/build.js';

function article(id: string, source: string, title: string, paragraphs: readonly string[]): Article {
  return { id, source, title, published: '2025-03-04', language: 'fr', file: `articles/${id}.md`, paragraphs: paragraphs.map((text, i) => ({ n: i + 1, text })) };
}

const corpus: Corpus = {
  sources: [
    { id: 'a', name: 'Agence A', short: 'A', kind: 'agence', ownership: 'inconnu', color: '#111111' },
    { id: 'b', name: 'Journal B', short: 'B', kind: 'journal', ownership: 'inconnu', color: '#222222' },
    { id: 'c', name: 'Radio C', short: 'C', kind: 'radio', ownership: 'inconnu', color: '#333333' },
  ],
  aliases: [],
  counted: [],
  articles: [
    article('a1', 'a', 'Crue dans la vallée', [
      'Mille sapeurs ont renforcé la digue et le barrage de la vallée, appuyés par un hélicoptère, a annoncé le ministre Pierre Durand.',
      'Les sapeurs ont évacué 300 habitants des villages de la vallée.',
      'La météo annonce du soleil pour la fin de la semaine.',
    ]),
    article('b1', 'b', 'La vallée sous les eaux', [
      '1 000 sapeurs sont arrivés lundi pour renforcer la digue et le barrage de la vallée avec un hélicoptère.',
      'Les sapeurs ont évacué 450 habitants, selon la préfecture.',
      'Les commerçants de la vallée comptent leurs pertes.',
    ]),
    article('c1', 'c', 'Le festival de jazz s’ouvre', [
      'Le festival de jazz a ouvert samedi sur la digue du port.',
      'Un hélicoptère de la télévision survolait la scène.',
      'Le barrage routier à l’entrée de la ville a été levé dimanche.',
      'Un ancien sapeur joue de la trompette dans l’orchestre.',
      'La vallée voisine accueille les campeurs.',
    ]),
  ],
};
const kb = buildKnowledgeBase(corpus);

function compared(topic: string): CompareAnswer {
  const answer = compare(kb, topic);
  if (answer.kind !== 'compare') throw new Error(`expected a comparison of ${topic}, got ${answer.kind}`);
  return answer;
}

const outlet = (answer: CompareAnswer, short: string) => answer.outlets.find((o) => o.outlet === short) as OutletCoverage;
const paragraphs = (o: OutletCoverage) => o.excerpts.map((e) => `${e.citation.articleId}#${e.citation.paragraph}`);

describe('GIVEN two outlets on a flood and one on a festival that uses its words elsewhere', () => {
  const flood = compared('digue barrage hélicoptère sapeurs');

  it('WHEN compared on the flood THEN A and B cover it with the paragraph holding every word', () => {
    expect(outlet(flood, 'A')).toMatchObject({ coverage: 'covers', covered: true, missing: [], articles: 1 });
    expect(paragraphs(outlet(flood, 'A'))).toEqual(['a1#1']);
    expect(paragraphs(outlet(flood, 'B'))).toEqual(['b1#1']);
  });

  it('WHEN C uses every word, each in a paragraph about something else THEN it is in passing, with the closest paragraph and no claim', () => {
    const c = outlet(flood, 'C');
    expect(c).toMatchObject({ coverage: 'in-passing', covered: false, missing: [], articles: 0 });
    expect(c.excerpts).toHaveLength(1);
    expect(c.excerpts[0]?.citation.articleId).toBe('c1');
  });

  it('WHEN A writes "Mille sapeurs" and B "1 000 sapeurs" THEN the figure is the same, each value with its own wording and paragraph', () => {
    const sappers = flood.figures.find((f) => f.quantity === 'sapeurs');
    expect(sappers?.kind).toBe('same');
    expect(sappers?.values.map((v) => [v.outlet, v.value, v.text])).toEqual([
      ['A', 1000, 'Mille sapeurs'],
      ['B', 1000, '1 000 sapeurs'],
    ]);
    for (const v of sappers?.values ?? []) expect(v.excerpt.text).toContain(v.text);
  });

  it('WHEN only A names the minister THEN he is a person named by A and not by B, never by C, which does not cover the flood', () => {
    expect(flood.people).toHaveLength(1);
    expect(flood.people[0]?.name).toBe('Pierre Durand');
    expect(flood.people[0]?.namedBy.map((n) => n.outlet)).toEqual(['A']);
    expect(flood.people[0]?.namedBy[0]?.excerpt.text).toContain('Pierre Durand');
    expect(flood.people[0]?.notNamedBy).toEqual(['B']);
  });
});

describe('GIVEN outlets giving different numbers of people evacuated', () => {
  it('WHEN compared on the sappers THEN the evacuees differ, 300 from A and 450 from B, and C gives neither', () => {
    const evacuees = compared('sapeurs').figures.find((f) => f.kind === 'different');
    expect(evacuees?.values.map((v) => [v.outlet, v.value, v.text])).toEqual([
      ['A', 300, '300 habitants'],
      ['B', 450, '450 habitants'],
    ]);
    expect(evacuees?.givenBy).toEqual(['A', 'B']);
  });
});

describe('GIVEN a topic some outlets lack words of', () => {
  it('WHEN A and C never write one of its words THEN they lack those words, named, while B covers it', () => {
    const answer = compared('sapeurs commerçants');
    expect(outlet(answer, 'B').coverage).toBe('covers');
    for (const short of ['A', 'C']) expect(outlet(answer, short)).toMatchObject({ coverage: 'lacks-words', covered: false, missing: ['commerçants'], excerpts: [] });
  });

  it('WHEN A and B write none of its words THEN they do not cover it, and with one covering outlet nothing is compared', () => {
    const answer = compared('trompette orchestre');
    expect(outlet(answer, 'C').coverage).toBe('covers');
    for (const short of ['A', 'B']) expect(outlet(answer, short)).toMatchObject({ coverage: 'none', missing: ['trompette', 'orchestre'], excerpts: [] });
    expect([answer.figures, answer.counts, answer.people]).toEqual([[], [], []]);
  });

  it('WHEN no outlet holds any word of it THEN there is no evidence', () => {
    expect(compare(kb, 'volcan éruption').kind).toBe('no-evidence');
  });
});

describe('GIVEN a dispatch republished by another outlet (syndication_of)', () => {
  const dispatch = [
    'Mille sapeurs ont renforcé la digue du barrage de Combe-Haute, a annoncé le préfet Jean Morel.',
    'Les sapeurs ont évacué 300 habitants des villages voisins.',
  ];
  const syndicated: Corpus = {
    ...corpus,
    articles: [
      article('a1', 'a', 'Crue à Combe-Haute', dispatch),
      { ...article('b1', 'b', 'Crue à Combe-Haute', dispatch), syndication_of: 'a1' },
      article('c1', 'c', 'Combe-Haute sous les eaux', ['La digue du barrage de Combe-Haute a tenu grâce à 1 000 sapeurs.', 'La préfecture parle de 450 habitants évacués.']),
    ],
  };
  const answer = compare(buildKnowledgeBase(syndicated), 'digue barrage sapeurs');
  if (answer.kind !== 'compare') throw new Error(answer.kind);

  it('WHEN compared THEN the republishing outlet is shown, and says whose text it carries', () => {
    expect(outlet(answer, 'B')).toMatchObject({ coverage: 'covers', carries: ['A'] });
    expect(outlet(answer, 'A').carries).toBeUndefined();
  });

  it('WHEN figures and people are stated THEN the copy counts once, as the original', () => {
    const outletsOf = (values: readonly { outlet: string }[]) => [...new Set(values.map((v) => v.outlet))];
    for (const f of answer.figures) expect(outletsOf(f.values)).not.toContain('B');
    expect(answer.figures.find((f) => f.quantity === 'sapeurs')?.givenBy).toEqual(['A', 'C']);
    const morel = answer.people.find((p) => p.name === 'Jean Morel');
    expect(morel?.namedBy.map((n) => n.outlet)).toEqual(['A']);
    expect(morel?.notNamedBy).toEqual(['C']);
  });
});
