/**
 * Adding an outlet to `data/sources.yaml` from the command line (`--new-source`), so that an
 * unknown outlet is never a dead end. The file is edited by hand too, so it is changed the way a
 * person would: the new entry is appended as text below the existing ones, and every comment,
 * blank line and quote already there stays byte for byte. The result is validated with the
 * loader's own schema before it replaces the file (atomically).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument, stringify } from 'yaml';
import { writeFileAtomically } from './atomic-write.js';
import { CorpusError } from './load.js';
import { describeIssue, sourceSchema, sourcesFileSchema } from './schema.js';
import type { Source } from './types.js';
import { fold } from '../text/fold.js';

/** Keys of a `--new-source` value, in the order the usage shows them. */
export const NEW_SOURCE_KEYS = ['id', 'name', 'short', 'kind', 'ownership', 'color', 'url'] as const;

/** The usage of `--new-source`, quoted in messages. */
export const NEW_SOURCE_USAGE = '--new-source id=…,name=…,short=…,kind=…,ownership=…,color=#RRGGBB[,url=https://…]';

/** A `--new-source` value that cannot be read, or an entry that cannot join the file. */
export class NewSourceError extends Error {
  override readonly name = 'NewSourceError';
}

/**
 * A comma starts a new field only before one of the keys: names and descriptions may hold commas
 * (`kind=daily newspaper, regional`).
 */
const FIELD_START = new RegExp(`,(?=(?:${NEW_SOURCE_KEYS.join('|')})=)`);

/**
 * Reads `id=afp,name=Agence France-Presse,short=AFP,kind=…,ownership=…,color=#1F5FAD[,url=…]`
 * into a validated source.
 *
 * @throws {NewSourceError} on a missing, repeated or invalid field; the message names the field.
 */
export function parseNewSource(spec: string): Source {
  const fields: Record<string, string> = {};
  for (const part of spec.split(FIELD_START)) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    if (eq < 0 || !(NEW_SOURCE_KEYS as readonly string[]).includes(key)) {
      throw new NewSourceError(`--new-source: expected key=value pairs with keys ${NEW_SOURCE_KEYS.join(', ')}, got ${JSON.stringify(part)}`);
    }
    if (key in fields) throw new NewSourceError(`--new-source: "${key}" is given twice`);
    fields[key] = part.slice(eq + 1).trim();
  }
  const result = sourceSchema.safeParse(fields);
  if (!result.success) {
    const { field, message } = describeIssue(result.error);
    throw new NewSourceError(`--new-source: ${field === undefined ? '' : `field "${field}": `}${message} (${NEW_SOURCE_USAGE})`);
  }
  return result.data;
}

/** What {@link addSourceToFile} did. */
export type AddSourceOutcome = 'added' | 'already-present';

/**
 * Appends `source` to `<dataDir>/sources.yaml`, keeping the rest of the file as it is. An entry
 * with the same id and the same fields is already there: nothing is written (so a command run
 * twice does not fail the second time).
 *
 * @throws {NewSourceError} when another entry has the same id or short name.
 * @throws {CorpusError} when the file as it stands does not load.
 */
export async function addSourceToFile(dataDir: string, source: Source): Promise<AddSourceOutcome> {
  const file = path.join(dataDir, 'sources.yaml');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CorpusError(file, undefined, `cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const existing = readList(file, text);
  const expected = sourcesWith(existing, source, file);
  if (expected === existing) return 'already-present';
  await writeFileAtomically(file, withEntry(file, text, source, expected), { replace: true });
  return 'added';
}

/**
 * The sources with `source` added, checked as the loader would check the file; the same list
 * when an identical entry is there already.
 *
 * @throws {NewSourceError} when another entry has the same id, or the same short name.
 */
export function sourcesWith(sources: readonly Source[], source: Source, file: string): readonly Source[] {
  const same = sources.find((s) => s.id === source.id);
  if (same !== undefined) {
    if (isDeepStrictEqual(stripUndefined(same), stripUndefined(source))) return sources;
    throw new NewSourceError(`${file} already has a source "${source.id}" with other fields; pass --source ${source.id} to use it, or choose another id`);
  }
  const expected = [...sources, source];
  const checked = sourcesFileSchema.safeParse(expected);
  if (!checked.success) {
    const { message } = describeIssue(checked.error);
    throw new NewSourceError(`--new-source: cannot join ${file}: ${message}`);
  }
  return expected;
}

/** The file's text with the entry added, verified to read back as `expected`. */
function withEntry(file: string, text: string, source: Source, expected: readonly Source[]): string {
  const entry = stringify([stripUndefined(source)], { lineWidth: 0 });
  const appended = `${text.replace(/\s*$/, '')}${text.trim() === '' ? '' : '\n\n'}${entry}`;
  if (readsAs(appended, expected)) return appended;
  // A flow list (`[]`, `[{…}]`) cannot take a block item: let the YAML library add it instead.
  const doc = parseDocument(text);
  doc.add(doc.createNode(stripUndefined(source)));
  const edited = doc.toString({ lineWidth: 0 });
  if (readsAs(edited, expected)) return edited;
  throw new NewSourceError(`${file}: cannot add the entry without rewriting the file; add it by hand`);
}

function readsAs(text: string, expected: readonly Source[]): boolean {
  const doc = parseDocument(text);
  return doc.errors.length === 0 && isDeepStrictEqual(doc.toJS(), expected.map(stripUndefined));
}

function readList(file: string, text: string): Source[] {
  const doc = parseDocument(text);
  const error = doc.errors[0];
  if (error) throw new CorpusError(file, undefined, `invalid YAML: ${error.message.split('\n')[0]}`);
  const result = sourcesFileSchema.safeParse(doc.toJS() ?? []);
  if (!result.success) {
    const { field, message } = describeIssue(result.error);
    throw new CorpusError(file, field, message);
  }
  return result.data;
}

function stripUndefined(source: Source): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

/** Colours proposed for a new outlet, far apart from each other and from the seeds' blue and green. */
const PROPOSED_COLOURS = ['#C0392B', '#8E44AD', '#D35400', '#16A085', '#B7950B', '#2C3E50', '#E84393', '#7F8C8D', '#6D4C41', '#00838F'];

/** Longest short name proposed as is; a longer name is proposed as its initials (`Agence Ivoirienne de Presse` → `AIP`). */
const SHORT_NAME_MAX = 20;

/**
 * An entry for an outlet the input names but `sources.yaml` lacks, for the person to check and
 * paste: the name as read, a short name, `kind` from what the input is, `ownership` marked as not
 * yet described (nothing in a page says who owns it), and the first free proposed colour.
 */
export function proposeSource(name: string, kind: string, sources: readonly Source[], address?: string): Source {
  const used = new Set(sources.map((s) => s.color.toUpperCase()));
  const color = PROPOSED_COLOURS.find((c) => !used.has(c)) ?? PROPOSED_COLOURS[0] ?? '#7F8C8D';
  const initials = name.match(/\p{Lu}/gu)?.join('') ?? '';
  const short = name.length <= SHORT_NAME_MAX || initials.length < 2 ? name : initials;
  const id = fold(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 30).replace(/-+$/, '') || 'outlet';
  let url: string | undefined;
  try {
    url = address === undefined ? undefined : new URL(address).origin;
  } catch {
    url = undefined;
  }
  return { id, name, short, kind, ownership: 'not yet described', color, ...(url ? { url } : {}) };
}

/**
 * The `--new-source` argument for a source, quoted for a POSIX shell so it can be pasted as is.
 *
 * @example formatNewSource(afp) === "--new-source 'id=afp,name=Agence France-Presse,short=AFP,…'"
 */
export function formatNewSource(source: Source): string {
  const spec = NEW_SOURCE_KEYS.flatMap((k) => (source[k] === undefined ? [] : [`${k}=${source[k]}`])).join(',');
  return `--new-source '${spec.replace(/'/g, `'\\''`)}'`;
}
