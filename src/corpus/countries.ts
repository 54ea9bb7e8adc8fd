/**
 * The built-in countries (`src/text/data/countries.yaml`): how French news names each country
 * as a party, for every corpus. An operator's own countries (`data/countries.yaml`, for a place
 * the list lacks) come with the corpus and are read before these.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { countriesFileSchema, describeIssue } from './schema.js';
import type { Country } from './types.js';

const BUILT_IN = new URL('../text/data/countries.yaml', import.meta.url);

let builtIn: readonly Country[] | undefined;

/**
 * The built-in countries, read and validated once.
 *
 * @throws {Error} naming the file and the field when the shipped file is invalid (a packaging error).
 */
export function builtInCountries(): readonly Country[] {
  if (builtIn) return builtIn;
  const result = countriesFileSchema.safeParse(parse(readFileSync(BUILT_IN, 'utf8')) ?? []);
  if (!result.success) {
    const { field, message } = describeIssue(result.error);
    throw new Error(`src/text/data/countries.yaml: ${field === undefined ? '' : `field "${field}": `}${message}`);
  }
  builtIn = result.data;
  return builtIn;
}

/** An operator's countries first, then the built-in ones: a word is read as the first country holding it. */
export function countriesOf(own: readonly Country[] | undefined): readonly Country[] {
  return [...(own ?? []), ...builtInCountries()];
}
