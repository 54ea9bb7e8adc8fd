/**
 * The locale helpers every surface shares: which strings are our locales, a Discord locale tag
 * mapped to ours, ours mapped to the tag `Intl` formats with.
 */
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/render/format.js';
import { LOCALES, intlTagOf, isLocale, localeOf } from '../../src/render/messages.js';

describe('GIVEN the locales the bot speaks', () => {
  it('WHEN a string is checked THEN only `en` and `fr` exactly are locales', () => {
    expect(LOCALES.filter(isLocale)).toEqual(['en', 'fr']);
    expect(['FR', 'fr-FR', 'de', '', undefined, 1].filter(isLocale)).toEqual([]);
  });

  it('WHEN Discord gives a locale tag THEN every French one is fr and anything else en', () => {
    expect(['fr', 'fr-CA', 'FR'].map(localeOf)).toEqual(['fr', 'fr', 'fr']);
    expect(['en-US', 'en-GB', 'de', undefined, null].map(localeOf)).toEqual(['en', 'en', 'en', 'en', 'en']);
  });

  it('WHEN a number is formatted THEN it is written as the locale’s Intl tag writes it', () => {
    expect(intlTagOf('fr')).toBe('fr-FR');
    expect(intlTagOf('en')).toBe('en-GB');
    expect(formatNumber(1000.5, 'en')).toBe('1,000.5');
    expect(formatNumber(1000.5, 'fr')).toBe((1000.5).toLocaleString('fr-FR'));
  });
});
