/**
 * What one paragraph puts in each indexed field, from a single analysis of its text: its stems,
 * its words as written (`=armee`), their beginnings (`~armee`), and the stems of its heading and
 * of its article's title. Field lengths count distinct words (lower-cased, accents kept: `a` and `à`
 * are two), stopwords included, as MiniSearch counts its tokens for BM25. Every field is read in
 * its article's language, so an English article's fields hold English terms only (`en:state`).
 */
import { analyse, prefixTermOf, surfaceTermOf, type Language, type Token } from '../text/analyser.js';
import { FIELD_COUNT, FIELD_ID } from './postings.js';

/** A field's index terms in text order and its length. */
export interface FieldTerms {
  readonly terms: readonly string[];
  readonly length: number;
}

/** Every field of a paragraph, in the order of `FIELDS` (postings.ts); `undefined` for an empty one. */
export function paragraphFields(tokens: readonly Token[], heading: FieldTerms | undefined, title: FieldTerms, language: Language = 'fr'): Array<FieldTerms | undefined> {
  const fields: Array<FieldTerms | undefined> = new Array(FIELD_COUNT);
  const length = distinctWords(tokens);
  fields[FIELD_ID.text] = { terms: stemsOf(tokens), length };
  fields[FIELD_ID.exact] = { terms: formsOf(tokens, (folded) => surfaceTermOf(folded, language)), length };
  fields[FIELD_ID.prefix] = { terms: formsOf(tokens, (folded) => prefixTermOf(folded, language)), length };
  fields[FIELD_ID.heading] = heading;
  fields[FIELD_ID.title] = title;
  return fields;
}

/** The stems of a short text (a heading, a title) as a field, read in the article's language. */
export function stemField(text: string, language: Language = 'fr'): FieldTerms {
  const tokens = analyse(text, language);
  return { terms: stemsOf(tokens), length: distinctWords(tokens) };
}

/** True for an exact or prefix form (`=armee`, `~armee`), false for a stem. */
export function isSecondary(term: string): boolean {
  return term.startsWith('=') || term.startsWith('~');
}

function distinctWords(tokens: readonly Token[]): number {
  return new Set(tokens.map((t) => t.word)).size;
}

function stemsOf(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) if (t.term !== undefined) out.push(t.term);
  return out;
}

function formsOf(tokens: readonly Token[], form: (folded: string) => string | undefined): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (t.term === undefined) continue;
    const f = form(t.folded);
    if (f !== undefined) out.push(f);
  }
  return out;
}
