/** Place knowledge, in one module: names of places, the contexts that make a name a place, place spans. */
import { describe, expect, it } from 'vitest';
import { findPlaces, isPlaceContext, isPlaceName, isTerritoryWord, placeKeyOf } from '../../src/text/places.js';

const word = (w: string): { lower: string; folded: string } => ({ lower: w, folded: w.normalize('NFD').replace(/\p{Mn}/gu, '') });

describe('GIVEN place names as French news writes them', () => {
  it('WHEN written with accents, capitals, spaces or hyphens THEN they are places', () => {
    for (const name of ['Corée du Nord', 'coree-du-nord', 'Lyon', 'Pyongyang', 'Séoul', 'Saint-Étienne', 'Côte d’Ivoire', 'New York', 'Kremlin', 'Île-de-France']) expect(isPlaceName(name), name).toBe(true);
    expect(placeKeyOf('Corée  du Nord')).toBe('coree-du-nord');
  });

  it('WHEN the name is a person or an institution THEN it is no place', () => {
    for (const name of ['Météo France', 'Vladimir Poutine', 'Conseil de sécurité', 'Florence']) expect(isPlaceName(name), name).toBe(false);
  });

  it('WHEN a word is a country or a large region THEN it is a territory, a city is not', () => {
    expect(isTerritoryWord('France')).toBe(true);
    expect(isTerritoryWord('Russie')).toBe(true);
    expect(isTerritoryWord('Lyon')).toBe(false);
  });
});

describe('GIVEN the words before a name', () => {
  it('WHEN they are a locative preposition, a place noun with "de", or a street or building noun THEN the name is a place', () => {
    expect(isPlaceContext(word('à'), undefined)).toBe(true);
    expect(isPlaceContext(word('de'), word('région'))).toBe(true);
    expect(isPlaceContext(word('collège'), word('le'))).toBe(true);
    expect(isPlaceContext(word('rue'), word('la'))).toBe(true);
  });

  it('WHEN they are a verb or a role THEN the name is not made a place', () => {
    expect(isPlaceContext(word('selon'), undefined)).toBe(false);
    expect(isPlaceContext(word('de'), word('ministre'))).toBe(false);
    expect(isPlaceContext(undefined, undefined)).toBe(false);
  });
});

describe('findPlaces', () => {
  it('WHEN places follow locative prepositions THEN their spans are found, multi-word ones whole', () => {
    const text = 'Il est arrivé à Pyongyang, puis en Corée du Nord, dans la région de Koursk.';
    expect(findPlaces(text).map((s) => text.slice(s.start, s.end))).toEqual(['Pyongyang', 'Corée du Nord', 'Koursk']);
  });
});
