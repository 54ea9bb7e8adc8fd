/**
 * Zod schemas for every hand-edited corpus file: article front matter, `data/sources.yaml` and
 * `data/aliases.yaml`. Loading (`load.ts`) and ingesting (`ingest.ts`) validate with these same
 * schemas, so a file the ingest command writes is a file the bot can load.
 *
 * Messages are written for the person editing the file: they say what was expected and quote what
 * was found (`expected a date YYYY-MM-DD, got "2025-13-01"`); {@link describeIssue} adds the field.
 */
import { z } from 'zod';
import { fold } from '../text/fold.js';

/** Article ids and source ids: lower-case ASCII letters, digits and single inner hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const COLOR_PATTERN = /^#[0-9A-Fa-f]{6}$/;
/** Simplified BCP 47: `fr`, `fr-FR`, `en-GB`… enough to catch typos such as `french`. */
const LANGUAGE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/**
 * True when `value` is `YYYY-MM-DD` and names a day that exists (`2025-02-29` does not).
 *
 * @example isRealDate('2024-02-29') === true; isRealDate('2025-13-01') === false
 */
export function isRealDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Date.UTC rolls 2025-02-30 over to March 2nd; a real date survives the round trip unchanged.
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Quotes a bad value for a message; long values are cut so one typo cannot flood the terminal. */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** A required string; `what` describes the expected value in the error message. */
function text(what: string) {
  return z.string({ error: (iss) => (iss.input === undefined ? 'is required' : `expected ${what}, got ${shown(iss.input)}`) });
}

/** A non-empty string without surrounding white space (surrounding space is always a paste slip). */
function trimmedText(what: string) {
  return text(what).refine((s) => s.length > 0 && s.trim() === s, {
    error: (iss) => `expected ${what} without leading or trailing spaces, got ${shown(iss.input)}`,
  });
}

function slug(what: string) {
  return text(what).regex(SLUG_PATTERN, { error: (iss) => `expected ${what} made of a-z, 0-9 and single hyphens, got ${shown(iss.input)}` });
}

const date = text('a date YYYY-MM-DD').refine(isRealDate, {
  error: (iss) => `expected a date YYYY-MM-DD, got ${shown(iss.input)}`,
});

const webUrl = z.url({ protocol: /^https?$/, error: (iss) => `expected an http(s) URL, got ${shown(iss.input)}` });

/**
 * Front matter of one `data/articles/<id>.md` file. Unknown keys are refused so a misspelt
 * `publised:` is reported instead of silently ignored. `language` defaults to `fr`.
 */
export const articleFrontMatterSchema = z.strictObject({
  id: slug('an article id'),
  source: slug('a source id'),
  title: trimmedText('a title'),
  published: date,
  language: text('a language tag such as "fr"')
    .regex(LANGUAGE_PATTERN, { error: (iss) => `expected a language tag such as "fr", got ${shown(iss.input)}` })
    .default('fr'),
  url: webUrl.optional(),
  dateline: trimmedText('a place name').optional(),
  /**
   * Id of the article this one republishes (the same wire dispatch on another outlet's site),
   * set by the ingest command when the text is a near-duplicate: answers count the two once.
   */
  syndication_of: slug('an article id').optional(),
});

/** Validated article front matter (defaults applied). */
export type ArticleFrontMatter = z.output<typeof articleFrontMatterSchema>;

/** The order keys are written in, so serialised files diff cleanly. */
export const FRONT_MATTER_KEYS = ['id', 'source', 'title', 'published', 'language', 'url', 'dateline', 'syndication_of'] as const;

/** One entry of `data/sources.yaml`. */
export const sourceSchema = z.strictObject({
  id: slug('a source id'),
  name: trimmedText('a display name'),
  short: trimmedText('a short name such as "AFP"'),
  kind: trimmedText('a neutral description of the kind of outlet'),
  ownership: trimmedText('a neutral description of who owns the outlet'),
  color: text('a colour #RRGGBB').regex(COLOR_PATTERN, { error: (iss) => `expected a colour #RRGGBB, got ${shown(iss.input)}` }),
  url: webUrl.optional(),
});

/**
 * The whole of `data/sources.yaml`: a list of sources. Ids must be unique, and so must short
 * names (compared without case), because the ingest command finds a source by either.
 */
export const sourcesFileSchema = z
  .array(sourceSchema, { error: (iss) => `expected a list of sources, got ${shown(iss.input)}` })
  .superRefine((sources, ctx) => {
    const ids = new Map<string, number>();
    const shorts = new Map<string, number>();
    sources.forEach((s, i) => {
      const firstId = ids.get(s.id);
      if (firstId !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate source id ${shown(s.id)} (first at [${firstId}])` });
      else ids.set(s.id, i);
      const key = s.short.toLowerCase();
      const firstShort = shorts.get(key);
      if (firstShort !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'short'], message: `duplicate short name ${shown(s.short)} (first at [${firstShort}])` });
      else shorts.set(key, i);
    });
  });

/**
 * A file that is a list of groups of words (`[[Choïgou, Shoigu], …]`), each at least two
 * non-empty words. A word may not appear in two groups (compared folded, as search compares them).
 */
function groupsFileSchema(word: string, words: string, groups: string) {
  return z
    .array(
      z.array(trimmedText(`a ${word}`), { error: (iss) => `expected a list of ${words}, got ${shown(iss.input)}` }).min(2, {
        error: (iss) => `expected at least 2 ${words} in a group, got ${shown(iss.input)}`,
      }),
      { error: (iss) => `expected a list of ${groups}, got ${shown(iss.input)}` },
    )
    .superRefine((list, ctx) => {
      const seen = new Map<string, number>();
      list.forEach((group, g) => {
        group.forEach((entry, j) => {
          const key = fold(entry);
          const first = seen.get(key);
          if (first !== undefined && first !== g) ctx.addIssue({ code: 'custom', path: [g, j], message: `${word} ${shown(entry)} is already in group [${first}]` });
          seen.set(key, g);
        });
      });
    });
}

/**
 * The whole of `data/aliases.yaml`: groups of spellings of one name. A spelling in two groups
 * would expand a query into two unrelated names.
 */
export const aliasesFileSchema = groupsFileSchema('spelling', 'spellings', 'alias groups');

/**
 * The whole of `data/counted.yaml` (and the built-in `src/text/data/counted.yaml`): groups of
 * nouns that count the same thing. A noun in two groups would count two different things.
 */
export const countedFileSchema = groupsFileSchema('noun', 'nouns', 'noun groups');

/**
 * One country of `countries.yaml` (the built-in `src/text/data/countries.yaml`, and an
 * operator's own `data/countries.yaml` for places the built-in list lacks): the words a French
 * text names it by as a party, `Kiev` for Ukraine or `les autorités françaises` for France.
 */
export const countrySchema = z.strictObject({
  country: trimmedText('a country name'),
  names: z.array(trimmedText('a name'), { error: (iss) => `expected a list of names, got ${shown(iss.input)}` }).min(1, { error: 'expected at least one name' }),
  article: z.enum(['la ', 'le ', "l'", 'les ', ''], { error: (iss) => `expected one of "la ", "le ", "l'", "les " or "", got ${shown(iss.input)}` }),
  capitals: z.array(trimmedText('a capital'), { error: (iss) => `expected a list of capitals, got ${shown(iss.input)}` }),
  demonyms: z.array(trimmedText('a demonym'), { error: (iss) => `expected a list of demonyms, got ${shown(iss.input)}` }),
  seats: z.array(trimmedText('a seat'), { error: (iss) => `expected a list of seats, got ${shown(iss.input)}` }).default([]),
});

/**
 * The whole of a `countries.yaml`: a list of countries. A name, capital or seat may belong to
 * one country only (compared folded): `Washington` naming two parties would say nothing.
 */
export const countriesFileSchema = z
  .array(countrySchema, { error: (iss) => `expected a list of countries, got ${shown(iss.input)}` })
  .superRefine((list, ctx) => {
    const seen = new Map<string, number>();
    list.forEach((c, i) => {
      for (const field of ['names', 'capitals', 'seats'] as const) {
        c[field].forEach((word, j) => {
          const key = fold(word);
          const first = seen.get(key);
          if (first !== undefined && first !== i) ctx.addIssue({ code: 'custom', path: [i, field, j], message: `${shown(word)} is already a word of [${first}] (${list[first]?.country ?? ''})` });
          else seen.set(key, i);
        });
      }
    });
  });

/** A field name and a message for one zod issue, ready for `file: field "x": message`. */
export interface IssueDescription {
  /** Dotted path such as `published` or `[1].color`; undefined when the issue is about the whole file. */
  readonly field: string | undefined;
  readonly message: string;
}

/** Turns a zod issue path into `[1].color` / `published`. */
function fieldOf(path: readonly PropertyKey[]): string | undefined {
  if (path.length === 0) return undefined;
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/**
 * Describes the first issue of a failed validation (the one an editor should fix first); when
 * there are more, the message says how many, so fixing one typo does not hide the next.
 */
export function describeIssue(error: z.ZodError): IssueDescription {
  const [first, ...rest] = error.issues;
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  if (!first) return { field: undefined, message: 'invalid' };
  if (first.code === 'unrecognized_keys') {
    const prefix = fieldOf(first.path);
    const keys = first.keys.map((k) => (prefix ? `${prefix}.${k}` : k));
    return { field: keys.join(', '), message: `unknown field${keys.length > 1 ? 's' : ''} (misspelt?)${more}` };
  }
  return { field: fieldOf(first.path), message: `${first.message}${more}` };
}
