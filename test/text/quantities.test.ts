import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/text/numbers.js';
import { findOrdinals } from '../../src/text/ordinals.js';
import { compileCountedGroups, countedFigures, singular } from '../../src/text/quantities.js';

const groups = compileCountedGroups([
  ['ouvriers', 'travailleurs', 'militaires bâtisseurs'],
  ['sapeurs', 'soldats du génie'],
  ['soldats', 'militaires'],
  ['visite', 'déplacement', 'rencontre'],
  ['évacués', 'personnes évacuées'],
]);
const counted = (text: string) => countedFigures(text, findFigures(text), groups).map((c) => [c.figure.text, c.key, c.generic]);
const ordinals = (text: string) => findOrdinals(text, groups).map((o) => [text.slice(o.start, o.end), o.ordinal, o.key, o.periodDays, o.bound]);

describe('GIVEN figures in running French text', () => {
  it('WHEN the counted noun is in a group THEN every wording counts the same thing', () => {
    expect(counted('5\u202f000 militaires bâtisseurs, 1.000 soldats du génie et deux mille travailleurs')).toEqual([
      ['5\u202f000', 'ouvrier', false],
      ['1.000', 'sapeur', false],
      ['deux mille', 'ouvrier', false],
    ]);
  });

  it('WHEN a longer group noun starts like a shorter one THEN the longer wins ("militaires bâtisseurs" are not "militaires")', () => {
    expect(counted('3 000 militaires et 5 000 militaires bâtisseurs')).toEqual([
      ['3 000', 'soldat', false],
      ['5 000', 'ouvrier', false],
    ]);
  });

  it('WHEN a small number word follows a definite determiner THEN it refers back and is no count', () => {
    expect(counted('Les deux hommes ont parlé; les deux pays, ces trois parties et des deux capitales')).toEqual([]);
    expect(counted('les cinq mille ouvriers')).toEqual([['cinq mille', 'ouvrier', false]]);
    expect(counted('les 300 sapeurs')).toEqual([['300', 'sapeur', false]]);
  });

  it('WHEN the number is a duration or a repetition THEN it is no count', () => {
    expect(counted('moins de deux mois après, en huit jours, deux fois par mois, à trois reprises, depuis 30 ans')).toEqual([]);
  });

  it('WHEN "personnes" stands alone THEN the count is generic; qualified, it says which people', () => {
    expect(counted('"Cinq mille personnes, réunies au sein d\'une division"')).toEqual([['Cinq mille', 'personne', true]]);
    expect(counted('1 200 personnes dans la ville')).toEqual([['1 200', 'personne', true]]);
    expect(counted('300 personnes ont passé la nuit au gymnase')).toEqual([['300', 'personne pass', false]]);
  });

  it('WHEN what is said of them names a group THEN the figure counts that group, whatever its noun', () => {
    expect(counted('1 200 personnes évacuées')).toEqual([['1 200', 'evacue', false]]);
    expect(counted('Quelque 1.200 habitants ont été évacués avant l\'aube.')).toEqual([['1.200', 'evacue', false]]);
    expect(counted('Mille deux cents résidents ont été évacués mardi')).toEqual([['Mille deux cents', 'evacue', false]]);
    expect(counted('un village de 3 000 habitants')).toEqual([['3 000', 'habitant', true]]);
  });

  it('WHEN a group noun is said to be in another group THEN it counts both ("trois pompiers blessés" are not the pompiers engaged)', () => {
    const g = compileCountedGroups([['pompiers', 'sapeurs-pompiers'], ['blessés', 'personnes blessées']]);
    const keys = (text: string) => countedFigures(text, findFigures(text), g).map((c) => c.key);
    expect(keys('600 pompiers sont mobilisés; trois pompiers ont été blessés')).toEqual(['pompier', 'pompier blesse']);
  });

  it('WHEN a duration says what lasts, or an age follows a name THEN it is a quantity; a bare duration is not', () => {
    expect(counted('une visite de deux jours, huit ans de prison, Bernard Lagrange, 72 ans')).toEqual([
      ['deux', 'visite jour', false],
      ['huit', 'an prison', false],
      ['72', 'age lagrange', false],
    ]);
    expect(counted('moins de deux mois après, docker depuis quatorze ans')).toEqual([]);
  });

  it('WHEN the word after a number is an adverb THEN it is no noun ("dont deux grièvement")', () => {
    expect(counted('onze blessés, dont deux grièvement')).toEqual([['onze', 'blesse', false]]);
  });

  it('WHEN a percentage says what it is a share of THEN it is a quantity; a bare one is not', () => {
    expect(counted('une hausse de 4,5 % des salaires, puis 2 %')).toEqual([['4,5', '% hausse salaire', false]]);
  });

  it('WHEN general people depend on an action THEN the action says who they are ("l\'évacuation de 3 000 personnes")', () => {
    expect(counted("l'évacuation de 3 000 personnes")).toEqual([['3 000', 'evacue', false]]);
  });

  it('WHEN plural nouns are made singular THEN invariable ones stay', () => {
    expect(['sapeurs', 'generaux', 'bateaux', 'mois', 'pays', 'ans'].map(singular)).toEqual(['sapeur', 'general', 'bateau', 'mois', 'pays', 'an']);
  });
});

describe('GIVEN ordinal counts', () => {
  it('WHEN the counted noun follows the ordinal THEN it is read with its period', () => {
    expect(ordinals('sa troisième visite en un an')).toEqual([['troisième visite en un an', 3, 'visite', 365, undefined]]);
    expect(ordinals('la deuxième rencontre en moins de trois mois')).toEqual([['deuxième rencontre en moins de trois mois', 2, 'visite', 90, 'moins']]);
    // The first `en` is a place's: the period is the next one's.
    expect(ordinals('sa troisième visite en France en un an, à Paris')).toEqual([['troisième visite en France en un an', 3, 'visite', 365, undefined]]);
    expect(ordinals('sa deuxième visite en Corée du Nord en moins de quinze jours')).toEqual([['deuxième visite en Corée du Nord en moins de quinze jours', 2, 'visite', 15, 'moins']]);
    expect(ordinals('sa deuxième visite en France en mai')).toEqual([['deuxième visite', 2, 'visite', undefined, undefined]]);
  });

  it('WHEN the ordinal stands alone THEN its noun is the one the sentence is about', () => {
    expect(ordinals('Cette visite est la deuxième en deux semaines, et la troisième en quatre mois.')).toEqual([
      ['deuxième en deux semaines', 2, 'visite', 14, undefined],
      ['troisième en quatre mois', 3, 'visite', 120, undefined],
    ]);
    expect(ordinals('en visite une deuxième fois en moins de quinze jours')).toEqual([['deuxième fois en moins de quinze jours', 2, 'visite', 15, 'moins']]);
  });

  it('WHEN nothing counted is in a group THEN there is no count', () => {
    expect(ordinals('le deuxième tour de la présidentielle, la première fois')).toEqual([]);
  });
});
