/**
 * The built-in groups of counted nouns (`src/text/data/counted.yaml`): which nouns count the same
 * thing, for every corpus. An operator's own groups (`data/counted.yaml`) come with the corpus and
 * are read before these.
 */
import { builtInFile } from './built-in-file.js';
import { countedFileSchema } from './schema.js';
import type { CountedNounGroup } from './types.js';

/** The built-in groups, read and validated once. */
export const builtInCountedGroups: () => readonly CountedNounGroup[] = builtInFile('counted.yaml', countedFileSchema);

/** An operator's groups first, then the built-in ones: a noun is read as the first group holding it. */
export function countedGroupsOf(own: readonly CountedNounGroup[] | undefined): readonly CountedNounGroup[] {
  return [...(own ?? []), ...builtInCountedGroups()];
}
