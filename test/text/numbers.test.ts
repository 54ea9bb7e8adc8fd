import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../src/corpus/article-file.js';
import { findFigures, parseFrenchNumber } from '../../src/text/numbers.js';

/** A seed as committed in data/articles: its title, then its paragraphs, a blank line apart. */
const seed = (file: string): string => {
  const { meta, paragraphs } = parseArticleFile(readFileSync(new URL(`../../data/articles/${file}`, import.meta.url), 'utf8'));
  return [meta.title, ...paragraphs.map((p) => p.text)].join('\n\n');
};

/** The figures of a text as `[wording, value, unit]`, the shape most assertions read best in. */
const figures = (text: string): Array<[string, number, string | undefined]> => findFigures(text).map((f) => [f.text, f.value, f.unit]);

describe('parseFrenchNumber', () => {
  it.each([
    ['1 000', 1000],
    ['1\u00a0000', 1000],
    ['1\u202f000', 1000],
    ['1.000', 1000],
    ['10 000', 10000],
    ['1000', 1000],
    ['2,5', 2.5],
    ['1,5 million', 1_500_000],
    ['3 milliards', 3e9],
  ])('reads the digits %j as %d', (text, value) => {
    expect(parseFrenchNumber(text)).toBe(value);
  });

  it.each([
    ['cinq mille', 5000],
    ['Cinq mille', 5000],
    ['deux cents', 200],
    ['quatre-vingts', 80],
    ['quatre-vingt-dix', 90],
    ['quatre-vingt-dix-neuf', 99],
    ['soixante-dix', 70],
    ['soixante et onze', 71],
    ['vingt-et-un', 21],
    ['dix-sept', 17],
    ['trois', 3],
    ['zéro', 0],
    ['mille deux cent trente-quatre', 1234],
    ['un million', 1e6],
    ['deux milliards', 2e9],
    ['deux millions trois cent mille', 2_300_000],
  ])('reads the words %j as %d', (text, value) => {
    expect(parseFrenchNumber(text)).toBe(value);
  });

  it.each([
    ['une dizaine', 10],
    ['une centaine', 100],
    ['un millier', 1000],
    ['deux centaines', 200],
    ['une dizaine de milliers', 10000],
  ])('reads the collective %j as about %d', (text, value) => {
    expect(parseFrenchNumber(text)).toBe(value);
  });

  it.each(['plusieurs milliers', 'des centaines', 'milliers', 'quelques dizaines'])('gives up on the vague %j', (text) => {
    expect(parseFrenchNumber(text)).toBeUndefined();
  });

  it.each(['trois trois', 'vingt trente', 'et un', 'vingt et', 'mille mille', 'sapeurs', ''])('rejects %j, which is no number', (text) => {
    expect(parseFrenchNumber(text)).toBeUndefined();
  });
});

describe('findFigures', () => {
  it('finds figures in words and in digits, each with the noun after it as unit', () => {
    expect(figures('"Cinq mille personnes" et "1.000 sapeurs" arrivent.')).toEqual([
      ['Cinq mille', 5000, 'personnes'],
      ['1.000', 1000, 'sapeurs'],
    ]);
  });

  it('reads grouped digits with any kind of space and folds the unit', () => {
    expect(figures('5\u00a0000 militaires bâtisseurs sur 10 000 kilomètres')).toEqual([
      ['5\u00a0000', 5000, 'militaires'],
      ['10 000', 10000, 'kilometres'],
    ]);
  });

  it('counts durations and frequencies as figures', () => {
    expect(figures('suspendues depuis plus de 30 ans, en huit jours, deux fois par mois')).toEqual([
      ['30', 30, 'ans'],
      ['huit', 8, 'jours'],
      ['deux', 2, 'fois'],
    ]);
  });

  it('keeps offsets such that slicing the text gives the wording back', () => {
    const text = 'Il a envoyé 1 000 sapeurs et cinq mille ouvriers.';
    for (const f of findFigures(text)) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(findFigures(text)).toHaveLength(2);
  });

  it('takes the unit after "de" following a multiplier or a collective noun', () => {
    expect(figures('1,5 million de personnes et une dizaine de soldats')).toEqual([
      ['1,5 million', 1_500_000, 'personnes'],
      ['une dizaine', 10, 'soldats'],
    ]);
  });

  it('skips adjectives between the number and its noun', () => {
    expect(figures('deux autres pays')).toEqual([['deux', 2, 'pays']]);
  });

  it('reads percentages as the unit "%"', () => {
    expect(figures('une hausse de 12 % et de trois pour cent')).toEqual([
      ['12', 12, '%'],
      ['trois', 3, '%'],
    ]);
  });

  it('leaves a figure without unit when a verb or a function word follows', () => {
    expect(figures('Ils étaient trois à partir.')).toEqual([['trois', 3, undefined]]);
  });

  it('does not report years, alone or after a month or "en"', () => {
    expect(figures('signé en juin 2024, entré en vigueur en 2024, interrompu depuis 2020. En 1995 déjà.')).toEqual([]);
  });

  it('reports a number in the range of years when a noun follows it', () => {
    expect(figures('plus de 2000 soldats')).toEqual([['2000', 2000, 'soldats']]);
  });

  it('does not report day numbers of dates', () => {
    expect(figures('le 17 juin 2025, puis le 1er mai et le 4 juin')).toEqual([]);
  });

  it('does not report numeric dates or codes', () => {
    expect(figures('mercredi 17/06/2025, un F-16 et un A320')).toEqual([]);
  });

  it('does not report "un" and "une" used as articles', () => {
    expect(figures('Une reprise dynamique, un engagement fort, une visite')).toEqual([]);
  });

  it('reports "un" and "une" before a multiplier or a collective noun', () => {
    expect(figures('un million de dollars et une centaine de blessés')).toEqual([
      ['un million', 1e6, 'dollars'],
      ['une centaine', 100, 'blesses'],
    ]);
  });

  it('does not take ordinals for figures', () => {
    expect(figures('la deuxième en deux semaines et la troisième fois')).toEqual([['deux', 2, 'semaines']]);
  });

  it('does not report vague quantities', () => {
    expect(figures('plusieurs milliers de sapeurs et des centaines de soldats')).toEqual([]);
  });

  it('splits a run of number words that is not one number', () => {
    expect(figures('un deux trois')).toEqual([['deux', 2, undefined], ['trois', 3, undefined]]);
  });

  it('does not take "neuf" meaning new for nine', () => {
    expect(figures('un bâtiment neuf')).toEqual([]);
  });

  it('does not count the "Un" of "Kim Jong Un"', () => {
    expect(figures('le dirigeant Kim Jong Un')).toEqual([]);
  });

  it('finds what both seed articles say about the workers sent to Koursk', () => {
    const afp = figures(seed('2025-06-17-afp-sapeurs-militaires-et-ouvriers.md'));
    const rt = figures(seed('2025-06-17-rt-fr-visite-de-serguei-choigou-en-coree.md'));
    expect(afp).toContainEqual(['Cinq mille', 5000, 'personnes']);
    expect(afp).toContainEqual(['1.000', 1000, 'sapeurs']);
    expect(afp.some(([text]) => /plusieurs|milliers/.test(text))).toBe(false);
    expect(rt).toContainEqual(['1 000', 1000, 'sapeurs']);
    expect(rt).toContainEqual(['5 000', 5000, 'militaires']);
    expect(rt).toContainEqual(['5 000', 5000, 'travailleurs']);
    expect(rt).toContainEqual(['10 000', 10000, 'kilometres']);
    expect(rt).toContainEqual(['30', 30, 'ans']);
    expect(rt).toContainEqual(['huit', 8, 'jours']);
    expect(rt.some(([, value]) => value === 2020 || value === 2024 || value === 2025 || value === 17)).toBe(false);
  });
});
