/**
 * The built-in groups of counted nouns (`src/text/data/counted.yaml`): which nouns count the same
 * thing, for every corpus. An operator's own groups (`data/counted.yaml`) come with the corpus and
 * are read before these.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { countedFileSchema, describeIssue } from './schema.js';
import type { CountedNounGroup } from './types.js';

const BUILT_IN = new URL('../text/data/counted.yaml', import.meta.url);

let builtIn: readonly CountedNounGroup[] | undefined;

/**
 * The built-in groups, read and validated once.
 *
 * @throws {Error} naming the file and the field when the shipped file is invalid (a packaging error).
 */
export function builtInCountedGroups(): readonly CountedNounGroup[] {
  if (builtIn) return builtIn;
  const result = countedFileSchema.safeParse(parse(readFileSync(BUILT_IN, 'utf8')) ?? []);
  if (!result.success) {
    const { field, message } = describeIssue(result.error);
    throw new Error(`src/text/data/counted.yaml: ${field === undefined ? '' : `field "${field}": `}${message}`);
  }
  builtIn = result.data;
  return builtIn;
}

/** An operator's groups first, then the built-in ones: a noun is read as the first group holding it. */
export function countedGroupsOf(own: readonly CountedNounGroup[] | undefined): readonly CountedNounGroup[] {
  return [...(own ?? []), ...builtInCountedGroups()];
}
