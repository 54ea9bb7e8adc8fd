/**
 * The built-in data files shipped under `src/text/data/` (counted nouns, countries), each read
 * and validated once, on first use.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';
import { describeIssue } from './schema.js';

/**
 * A reader of one built-in file: the first call reads and validates it, later calls return it.
 *
 * @throws {Error} naming the file and the field when the shipped file is invalid (a packaging error).
 */
export function builtInFile<T>(name: string, schema: z.ZodType<T>): () => T {
  let read: T | undefined;
  return () => {
    if (read !== undefined) return read;
    const result = schema.safeParse(parse(readFileSync(new URL(`../text/data/${name}`, import.meta.url), 'utf8')) ?? []);
    if (!result.success) {
      const { field, message } = describeIssue(result.error);
      throw new Error(`src/text/data/${name}: ${field === undefined ? '' : `field "${field}": `}${message}`);
    }
    read = result.data;
    return read;
  };
}
