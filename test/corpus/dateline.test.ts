import { describe, expect, it } from 'vitest';
import { isoDate, readDateline } from '../../src/corpus/dateline.js';

describe('GIVEN the datelines of the agencies French-language media carry', () => {
  it.each([
    ['Abidjan, 18 juin 2025 (AIP)- Le ministre a parlé.', { place: 'Abidjan', date: '2025-06-18', agency: 'AIP', text: 'Abidjan, 18 juin 2025 (AIP)-' }],
    ['PARIS (AFP) - Le gouvernement a tranché.', { place: 'PARIS', agency: 'AFP', text: 'PARIS (AFP) -' }],
    ['GENÈVE, 18 juin (Reuters) - Le franc a monté.', { place: 'GENÈVE', dateText: '18 juin', agency: 'Reuters' }],
    ['WASHINGTON (AP) — Le Congrès a voté.', { place: 'WASHINGTON', agency: 'AP' }],
    ['Dakar, 18 juin (APS) – Le président a reçu.', { place: 'Dakar', agency: 'APS' }],
    ['Rabat, 18/06/2025 (MAP) - Le roi a reçu.', { place: 'Rabat', date: '2025-06-18', agency: 'MAP' }],
    ['Genève (Keystone-ATS) - Le Conseil fédéral a décidé.', { place: 'Genève', agency: 'Keystone-ATS' }],
    ['Bruxelles, 18 juin 2025 (Belga) - Le gouvernement fédéral a décidé.', { place: 'Bruxelles', date: '2025-06-18', agency: 'Belga' }],
    ['La Haye (ANP) - Le tribunal a statué.', { place: 'La Haye', agency: 'ANP' }],
    ['Dakar (APA) - Les pêcheurs protestent.', { place: 'Dakar', agency: 'APA' }],
    ['PÉKIN, 18 juin (Xinhua) -- La Chine a annoncé.', { place: 'PÉKIN', agency: 'Xinhua', text: 'PÉKIN, 18 juin (Xinhua) --' }],
    ['MOSCOU, 18 juin. /TASS/. Le Kremlin a dit.', { place: 'MOSCOU', agency: 'TASS', text: 'MOSCOU, 18 juin. /TASS/.' }],
    ['Moscou, Russie (Sputnik) - Le ministère a dit.', { place: 'Moscou, Russie', agency: 'Sputnik' }],
    ['Kinshasa, 18/06/2025 (ACP).- Le chef de l’État a dit.', { place: 'Kinshasa', date: '2025-06-18', agency: 'ACP', text: 'Kinshasa, 18/06/2025 (ACP).-' }],
    ['Ouagadougou, 18 juin 2025 (AIB) - Le gouvernement a dit.', { place: 'Ouagadougou', date: '2025-06-18', agency: 'AIB' }],
    ['Saint-Louis du Sénégal, mercredi 18 juin 2025 (APS) - Les pêcheurs ont dit.', { place: 'Saint-Louis du Sénégal', date: '2025-06-18', agency: 'APS' }],
    ['Paris, le 1er juillet 2025 – Le texte commence.', { place: 'Paris', date: '2025-07-01', dateText: 'le 1er juillet 2025' }],
    ['BRUXELLES - Le gouvernement belge a dit.', { place: 'BRUXELLES', text: 'BRUXELLES -' }],
    ['(AFP) - Le texte commence.', { agency: 'AFP', text: '(AFP) -' }],
  ])('WHEN %j is read THEN it gives %j', (text, expected) => {
    const found = readDateline(text);
    expect(found).toMatchObject(expected);
    expect(text.slice((found?.end ?? 0)).startsWith('L')).toBe(true);
  });

  it('WHEN the dateline has no year THEN the date is left undefined but its words are kept', () => {
    const found = readDateline('DAKAR, 18 juin (APS) – Le président a reçu.');
    expect(found?.dateText).toBe('18 juin');
    expect(found?.date).toBeUndefined();
  });

  it('WHEN the text starts with white space THEN `end` still points at the report itself', () => {
    const text = '\n  Abidjan (AIP) - Le texte.';
    expect(text.slice(readDateline(text)?.end)).toBe('Le texte.');
  });

  it('WHEN the dateline stands alone on its line THEN the report starts on the next line', () => {
    const text = 'ABIDJAN (AIP) -\nLe ministre a parlé.';
    expect(text.slice(readDateline(text)?.end)).toBe('Le ministre a parlé.');
  });

  it('WHEN the date does not exist THEN no date is given', () => {
    expect(readDateline('Abidjan, 31 juin 2025 (AIP) - Le texte.')?.date).toBeUndefined();
  });
});

describe('GIVEN prose that opens like a dateline', () => {
  it.each([
    ['Emmanuel Macron (LREM) a déclaré mardi que la réforme passerait.'],
    ['Le président a dit (AFP) que rien ne changerait.'],
    ['Le 18 juin 2025, Paris a accueilli le sommet.'],
    ['ONU - les membres du Conseil se réunissent.'],
    ['BÉNIN - ÉCONOMIE - TOGO'],
    ['Abidjan (AIP) -'],
    ['Moscou a annoncé mardi un accord.'],
  ])('WHEN %j is read THEN no dateline is found', (text) => {
    expect(readDateline(text)).toBeUndefined();
  });
});

describe('isoDate', () => {
  it('reads month names with or without accents and abbreviated, numbers, "1er" and two-digit years', () => {
    expect([isoDate('1er', 'août', '2025'), isoDate('3', 'fevrier', '2024'), isoDate('18', 'sept.', '2025'), isoDate('18', '06', '25')]).toEqual(['2025-08-01', '2024-02-03', '2025-09-18', '2025-06-18']);
  });

  it('gives nothing without a year or for a date that does not exist', () => {
    expect([isoDate('18', 'juin', undefined), isoDate('29', 'février', '2025')]).toEqual([undefined, undefined]);
  });
});
