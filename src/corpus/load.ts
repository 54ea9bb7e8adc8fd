/**
 * Reads and validates the whole corpus from a data directory:
 *
 * ```text
 * <dataDir>/sources.yaml     required, see sourcesFileSchema
 * <dataDir>/aliases.yaml     optional, see aliasesFileSchema
 * <dataDir>/articles/*.md    one article per file, see article-file.ts
 * ```
 *
 * All or nothing: the first problem throws a {@link CorpusError} naming the file and the field,
 * and no partial corpus is ever returned, so the bot either starts with everything it was given
 * or does not start. This is the only module that reads corpus files.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ArticleFileError, parseArticleFile } from './article-file.js';
import { aliasesFileSchema, describeIssue, sourcesFileSchema } from './schema.js';
import type { AliasGroup, Article, Corpus, Source } from './types.js';

/** Files above this size are refused unread: no article is 5 MB, so it is a wrong file. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Any problem with the corpus files. `file` is the path as shown in the message (the data
 * directory as given, joined with the file's relative path, e.g. `data/articles/x.md`); `field`
 * is the front-matter key, YAML path (`[1].color`) or `body`, when the problem has one.
 *
 * @example
 * // data/articles/x.md: field "published": expected a date YYYY-MM-DD, got "2025-13-01"
 */
export class CorpusError extends Error {
  override readonly name = 'CorpusError';
  constructor(
    readonly file: string,
    readonly field: string | undefined,
    readonly detail: string,
  ) {
    super(`${file}: ${field === undefined ? '' : `field "${field}": `}${detail}`);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Loads, validates and freezes the corpus under `dataDir`. Articles are sorted by publication
 * date, then id.
 *
 * @throws {CorpusError} on any problem: unreadable, oversized or non-UTF-8 file, invalid YAML,
 *   a field failing its schema, an unknown source, a duplicate article id, an id that differs
 *   from its file name, an article without paragraphs.
 */
export async function loadCorpus(dataDir: string): Promise<Corpus> {
  const shown = (rel: string) => path.join(dataDir, rel);
  const sources = await readSources(dataDir);
  const aliasesText = await readText(dataDir, 'aliases.yaml', { optional: true });
  // A file holding only comments is an empty list, not an error.
  const aliasesData = aliasesText === undefined ? [] : (parseYaml(shown('aliases.yaml'), aliasesText) ?? []);
  const aliases: AliasGroup[] = validate(shown('aliases.yaml'), aliasesData, aliasesFileSchema);

  const known = new Map(sources.map((s) => [s.id, s]));
  const seen = new Map<string, string>();
  const articles: Article[] = [];
  for (const name of await articleFileNames(dataDir)) {
    const rel = `articles/${name}`;
    const file = shown(rel);
    const text = (await readText(dataDir, rel)) as string;
    let doc;
    try {
      doc = parseArticleFile(text);
    } catch (error) {
      if (error instanceof ArticleFileError) throw new CorpusError(file, error.field, error.line === undefined ? error.detail : `line ${error.line}: ${error.detail}`);
      throw error;
    }
    const { meta, paragraphs } = doc;
    if (!known.has(meta.source)) throw new CorpusError(file, 'source', `unknown source "${meta.source}" (known: ${[...known.keys()].join(', ')}; see ${shown('sources.yaml')})`);
    const first = seen.get(meta.id);
    if (first !== undefined) throw new CorpusError(file, 'id', `duplicate article id "${meta.id}" (also in ${first})`);
    seen.set(meta.id, file);
    if (`${meta.id}.md` !== name) throw new CorpusError(file, 'id', `id "${meta.id}" does not match the file name (expected "${name.replace(/\.md$/, '')}")`);
    articles.push({ ...meta, paragraphs, file: rel });
  }
  articles.sort((a, b) => (a.published === b.published ? compare(a.id, b.id) : compare(a.published, b.published)));
  return deepFreeze({ sources, articles, aliases });
}

/**
 * Reads and validates `<dataDir>/sources.yaml` alone (the ingest command needs the sources, not
 * the articles it may be about to replace).
 *
 * @throws {CorpusError} as {@link loadCorpus} does for that file.
 */
export async function readSources(dataDir: string): Promise<Source[]> {
  const file = path.join(dataDir, 'sources.yaml');
  return validate(file, parseYaml(file, await readText(dataDir, 'sources.yaml')), sourcesFileSchema);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every file {@link loadCorpus} reads, relative to the data directory, in a stable order: what a
 * cache must fingerprint to know the corpus did not change.
 */
export async function corpusFiles(dataDir: string): Promise<string[]> {
  const articles = await articleFileNames(dataDir);
  return ['sources.yaml', 'aliases.yaml', ...articles.map((name) => path.join('articles', name))];
}

/** `*.md` directly under `articles/`, sorted so errors and ids come out in a stable order. */
async function articleFileNames(dataDir: string): Promise<string[]> {
  try {
    const entries = await readdir(path.join(dataDir, 'articles'), { withFileTypes: true });
    return entries.filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => e.name).sort();
  } catch (error) {
    throw new CorpusError(path.join(dataDir, 'articles'), undefined, `cannot list article files (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/**
 * Reads a file as strict UTF-8 after checking its size. Returns undefined for a missing optional
 * file.
 */
async function readText(dataDir: string, rel: string, options: { optional?: boolean } = {}): Promise<string | undefined> {
  const abs = path.join(dataDir, rel);
  let size: number;
  try {
    size = (await stat(abs)).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && options.optional) return undefined;
    throw new CorpusError(abs, undefined, code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? String(error)})`);
  }
  if (size > MAX_FILE_BYTES) throw new CorpusError(abs, undefined, `file is ${size} bytes, more than the ${MAX_FILE_BYTES} allowed; refusing to read it`);
  const bytes = await readFile(abs);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new CorpusError(abs, undefined, `not valid UTF-8 (first bad byte near line ${firstBadLine(bytes)}); re-save the file as UTF-8`);
  }
}

/** Line of the first undecodable byte: the lenient decoder marks it with U+FFFD. */
function firstBadLine(bytes: Uint8Array): number {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  return lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))).split('\n').length;
}

function parseYaml(file: string, text: string | undefined): unknown {
  const doc = parseDocument(text ?? '');
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0].line;
    throw new CorpusError(file, undefined, `invalid YAML${line === undefined ? '' : ` at line ${line}`}: ${error.message.split('\n')[0]}`);
  }
  return doc.toJS();
}

function validate<S extends z.ZodType>(file: string, data: unknown, schema: S): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const { field, message } = describeIssue(result.error);
  throw new CorpusError(file, field, message);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
