/**
 * The schema's history, oldest first. A migration is never edited once released: a change to the
 * schema is a new entry with the next version, so that every database can be brought up to date.
 */
import { LIVING_CORPUS } from './0001-living-corpus.js';
import { FEEDBACK } from './0002-feedback.js';

/** One step of the schema: `version` grows by one from 1. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration, in order. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'living corpus', sql: LIVING_CORPUS },
  { version: 2, name: 'feedback', sql: FEEDBACK },
];
