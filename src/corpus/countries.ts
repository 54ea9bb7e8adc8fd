/**
 * The built-in countries (`src/text/data/countries.yaml`): how French news names each country
 * as a party, for every corpus. An operator's own countries (`data/countries.yaml`, for a place
 * the list lacks) come with the corpus and are read before these.
 */
import { builtInFile } from './built-in-file.js';
import { countriesFileSchema } from './schema.js';
import type { Country } from './types.js';

/** The built-in countries, read and validated once. */
export const builtInCountries: () => readonly Country[] = builtInFile('countries.yaml', countriesFileSchema);

/** An operator's countries first, then the built-in ones: a word is read as the first country holding it. */
export function countriesOf(own: readonly Country[] | undefined): readonly Country[] {
  return [...(own ?? []), ...builtInCountries()];
}
