import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../src/corpus/article-file.js';
import { findDates, type DateMention } from '../../src/text/dates.js';

/** Both seed articles were published on Tuesday 17 June 2025. */
const PUBLISHED = '2025-06-17';

/** A seed's paragraphs as committed in data/articles (cleaned: no wire header, caption or banner). */
const seedParagraphs = (file: string): string[] =>
  parseArticleFile(readFileSync(new URL(`../../data/articles/${file}`, import.meta.url), 'utf8')).paragraphs.map((p) => p.text);

/** Mentions as `[wording, iso]`, or with more fields when a test is about them. */
const brief = (m: DateMention): [string, string] => [m.text, m.iso];
const dates = (text: string, published = PUBLISHED): Array<[string, string]> => findDates(text, published).map(brief);
const one = (text: string, published = PUBLISHED): DateMention => {
  const found = findDates(text, published);
  expect(found).toHaveLength(1);
  return found[0] as DateMention;
};

describe('findDates: what chrono reads', () => {
  it('reads a full date as an absolute day, with its determiner', () => {
    expect(one('a effectué ce 17 juin 2025, une visite')).toMatchObject({ text: 'ce 17 juin 2025', iso: '2025-06-17', precision: 'day', sortKey: '2025-06-17', relative: false });
  });

  it('gives a day without year the year that puts it nearest the publication', () => {
    expect(one('À partir du 19 juin, un nouveau service')).toMatchObject({ text: '19 juin', iso: '2025-06-19', relative: true });
    expect(one('après celle du 4 juin')).toMatchObject({ text: '4 juin', iso: '2025-06-04' });
  });

  it('reads numeric dates', () => {
    expect(dates('mercredi 17/06/2025 - Moscou')).toEqual([['mercredi 17/06/2025', '2025-06-17']]);
  });

  it('resolves a weekday to the publication day itself when they match', () => {
    expect(one('Moscou a annoncé mardi que')).toMatchObject({ iso: '2025-06-17', precision: 'day', relative: true });
  });

  it('resolves a weekday to the nearest such day within three days, the past preferred', () => {
    expect(dates('a déclaré dimanche')).toEqual([['dimanche', '2025-06-15']]);
    expect(dates('a déclaré mercredi')).toEqual([['mercredi', '2025-06-18']]);
    expect(dates('a déclaré samedi')).toEqual([['samedi', '2025-06-14']]);
  });

  it('lets "dernier" and "prochain" choose the side of a weekday', () => {
    expect(dates('mercredi dernier')).toEqual([['mercredi dernier', '2025-06-11']]);
    expect(dates('dimanche prochain')).toEqual([['dimanche prochain', '2025-06-22']]);
  });

  it('names a week by its Monday', () => {
    expect(one('a annoncé la semaine dernière avoir cessé')).toMatchObject({ text: 'la semaine dernière', iso: '2025-06-09', precision: 'week', sortKey: '2025-06-09', relative: true });
    expect(dates('il y a deux semaines')).toEqual([['il y a deux semaines', '2025-06-02']]);
  });

  it('reads "hier", "aujourd\'hui" and "avant-hier"', () => {
    expect(dates("hier, aujourd'hui et avant-hier")).toEqual([['hier', '2025-06-16'], ["aujourd'hui", '2025-06-17'], ['avant-hier', '2025-06-15']]);
  });
});

describe('findDates: gaps filled', () => {
  it('reads a month with a year', () => {
    expect(one('entre août 2024 et')).toMatchObject({ text: 'août 2024', iso: '2024-08', precision: 'month', sortKey: '2024-08-01', relative: false });
  });

  it('resolves a month after "en" to the latest such month on or before publication', () => {
    expect(one("s'était rendu à Pyongyang en mars, avant")).toMatchObject({ text: 'mars', iso: '2025-03', relative: true });
    expect(dates('en juin')).toEqual([['juin', '2025-06']]);
    expect(dates('en novembre')).toEqual([['novembre', '2024-11']]);
  });

  it('resolves a month forward when the sentence says "prochain" or is in the future tense', () => {
    expect(dates('en juin prochain')).toEqual([['juin prochain', '2026-06']]);
    expect(dates('en septembre, les troupes arriveront')).toEqual([['septembre', '2025-09']]);
    expect(dates('en juin dernier')).toEqual([['juin dernier', '2024-06']]);
  });

  it('resolves "novembre suivant" from the previous mention', () => {
    expect(dates('signé en juin 2024 et entré en vigueur en novembre suivant')).toEqual([['juin 2024', '2024-06'], ['novembre suivant', '2024-11']]);
  });

  it('does not take a bare or capitalised month name for a date', () => {
    expect(dates('Mars est une planète; le joli mois.')).toEqual([]);
  });

  it('reads the part of a month', () => {
    expect(one('Début juin, Kim Jong Un avait promis')).toMatchObject({ text: 'Début juin', iso: '2025-06', precision: 'month', part: 'early' });
    expect(one('élu au début du mois de juin')).toMatchObject({ text: 'au début du mois de juin', part: 'early' });
    expect(one('à la mi-juin')).toMatchObject({ text: 'à la mi-juin', part: 'mid' });
    expect(one('fin mai 2025')).toMatchObject({ iso: '2025-05', part: 'late', relative: false });
  });

  it('reads the part of a year', () => {
    expect(one('fin 2024')).toMatchObject({ iso: '2024', precision: 'year', part: 'late' });
    expect(one("au début de l'année 2024")).toMatchObject({ iso: '2024', part: 'early' });
  });

  it('reads seasons with their start as sort key', () => {
    expect(findDates('et le printemps 2025', PUBLISHED)[0]).toMatchObject({ text: 'le printemps 2025', iso: '2025-spring', precision: 'season', sortKey: '2025-03-20', relative: false });
    expect(one("l'hiver 2024-2025")).toMatchObject({ iso: '2024-winter', sortKey: '2024-12-21' });
  });

  it('resolves a season without year to the latest one begun by publication', () => {
    expect(one('au printemps')).toMatchObject({ text: 'printemps', iso: '2025-spring', relative: true });
    expect(dates("l'été dernier")).toEqual([["l'été dernier", '2024-summer']]);
    expect(dates('cet été')).toEqual([['cet été', '2025-summer']]);
  });

  it('does not take the verb "été" for summer', () => {
    expect(dates('Celle-ci avait été occupée, il a été élu')).toEqual([]);
  });

  it('reads relative years', () => {
    expect(one("une visite en Corée du Nord l'an dernier.")).toMatchObject({ text: "l'an dernier", iso: '2024', precision: 'year', sortKey: '2024-01-01', relative: true });
    expect(dates("l'année dernière, l'an prochain, cette année")).toEqual([["l'année dernière", '2024'], ["l'an prochain", '2026'], ['cette année', '2025']]);
  });

  it('reads relative months and weeks', () => {
    expect(dates('le mois dernier, ce mois-ci, cette semaine')).toEqual([['le mois dernier', '2025-05'], ['ce mois-ci', '2025-06'], ['cette semaine', '2025-06-16']]);
  });

  it('reads a year after a preposition, as the year alone', () => {
    expect(one('interrompu depuis 2020.')).toMatchObject({ text: '2020', iso: '2020', precision: 'year', relative: false });
    expect(dates('le partenariat signé en 2024 se traduisait')).toEqual([['2024', '2024']]);
    expect(dates("dès 2019, jusqu'en 2030, d'ici 2035")).toEqual([['2019', '2019'], ['2030', '2030'], ['2035', '2035']]);
    expect(dates('de 2020 à 2024')).toEqual([['2020', '2020'], ['2024', '2024']]);
  });

  it('does not take a number for a year without a preposition or after "plus de"', () => {
    expect(dates('2024 soldats, plus de 2000 soldats, 1.000 sapeurs, 10 000 kilomètres')).toEqual([]);
  });

  it('does not take durations for dates', () => {
    expect(dates('moins de deux mois après; pendant plusieurs semaines; depuis plus de trois ans; en moins de quinze jours; huit jours; la deuxième en deux semaines')).toEqual([]);
  });

  it('keeps offsets such that slicing the text gives the wording back, in text order, without overlap', () => {
    const text = 'ce 17 juin 2025, après août 2024 et le printemps 2025, Début juin et en mars';
    const found = findDates(text, PUBLISHED);
    expect(found.map((m) => m.text)).toEqual(['ce 17 juin 2025', 'août 2024', 'le printemps 2025', 'Début juin', 'mars']);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('gives no dates for an invalid publication date', () => {
    expect(findDates('le 17 juin 2025', '17/06/2025')).toEqual([]);
  });
});

describe('findDates on the seed articles', () => {
  const all = (file: string): Array<[string, string, string, string | undefined, boolean]> =>
    seedParagraphs(file).flatMap((p) => findDates(p, PUBLISHED).map((m) => [m.text, m.iso, m.precision, m.part, m.relative] as [string, string, string, string | undefined, boolean]));

  it('finds every date of the AFP dispatch', () => {
    // The raw dispatch's wire header ("mercredi 17/06/2025 - ") is front matter now; read in 'reads numeric dates'.
    expect(all('2025-06-17-afp-sapeurs-militaires-et-ouvriers.md')).toEqual([
      ['mardi', '2025-06-17', 'day', undefined, true],
      ['août 2024', '2024-08', 'month', undefined, false],
      ['le printemps 2025', '2025-spring', 'season', undefined, false],
      ['août 2024', '2024-08', 'month', undefined, false],
      ['Début juin', '2025-06', 'month', 'early', true],
      ['mars', '2025-03', 'month', undefined, true],
      ['juin', '2025-06', 'month', undefined, true],
      ["l'an dernier", '2024', 'year', undefined, true],
      ['mercredi', '2025-06-18', 'day', undefined, true],
      ['au début du mois de juin', '2025-06', 'month', 'early', true],
      ['la semaine dernière', '2025-06-09', 'week', undefined, true],
    ]);
  });

  it('finds every date of the RT article', () => {
    // The raw page's photo caption dated the meeting "le 17 juin 2025"; cleaning removed it.
    expect(one('le 17 juin 2025, à Pyongyang')).toMatchObject({ text: 'le 17 juin 2025', iso: '2025-06-17', precision: 'day', relative: false });
    expect(all('2025-06-17-rt-fr-visite-de-serguei-choigou-en-coree.md')).toEqual([
      ['ce 17 juin 2025', '2025-06-17', 'day', undefined, false],
      ['juin 2024', '2024-06', 'month', undefined, false],
      ['novembre suivant', '2024-11', 'month', undefined, true],
      ['Le 17 juin', '2025-06-17', 'day', undefined, true],
      ['2020', '2020', 'year', undefined, false],
      ['19 juin', '2025-06-19', 'day', undefined, true],
      ['4 juin', '2025-06-04', 'day', undefined, true],
      ['2024', '2024', 'year', undefined, false],
    ]);
  });
});
