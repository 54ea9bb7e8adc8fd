/**
 * Turns one raw article text into `data/articles/<id>.md`: clean it (`clean.ts`), fill the
 * metadata (command-line values win over what cleaning found), validate the result with the very
 * schema and parser the loader uses, then write it without overwriting unless asked.
 *
 * {@link buildArticle} is the pure part (text in, document out) and is what tests exercise;
 * {@link ingestFile} adds the reading and writing. The command line is `ingest-cli.ts`.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { ArticleFileError, parseArticleFile, serialiseArticleFile, type ArticleDocument } from './article-file.js';
import { cleanArticleText, type CleanResult } from './clean.js';
import { readSources } from './load.js';
import type { Paragraph, Source } from './types.js';
import { fold } from '../text/fold.js';

/** Longest slug of the title used in a default article id. */
export const ID_TITLE_SLUG_MAX = 40;

/** Metadata given on the command line; each one overrides what cleaning found. */
export interface ArticleOverrides {
  /** Source id or short name (`rt-fr`, `RT`). */
  readonly source?: string;
  readonly title?: string;
  readonly published?: string;
  readonly url?: string;
  readonly id?: string;
}

/** An article ready to write, with what cleaning did to get there. */
export interface BuiltArticle {
  readonly doc: ArticleDocument;
  readonly cleaned: CleanResult;
  readonly source: Source;
  /** Human-readable facts about where metadata came from (`date inferred from "ce 17 juin 2025"`). */
  readonly notes: readonly string[];
}

/**
 * A problem with the input that the person running the command can fix (missing date, unknown
 * source, file exists…). The message says how.
 */
export class IngestError extends Error {
  override readonly name = 'IngestError';
}

/** Flag to suggest when a front-matter field is wrong. */
const FLAG_FOR_FIELD: Readonly<Record<string, string>> = { id: '--id', source: '--source', title: '--title', published: '--published', url: '--url' };

/** Small words that make a cut slug read as unfinished (`…-en-coree-du`). */
const DANGLING_WORDS = /(?:-(?:[a-z]|de|du|des|la|le|les|et|en|au|aux|un|une|pour|sur|par|dans|avec))+$/;

/**
 * `Corée du Nord: l'armée` → `coree-du-nord-l-armee`. A slug longer than `max` is cut at a word
 * boundary and loses trailing small words (`visite-de-serguei-choigou-en-coree`); a single word
 * longer than `max` is cut where it stands.
 */
export function slugify(text: string, max = ID_TITLE_SLUG_MAX): string {
  const slug = fold(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  if (boundary <= 0) return slug.slice(0, max).replace(/-+$/, '');
  const words = cut.slice(0, boundary);
  return words.replace(DANGLING_WORDS, '') || words;
}

/** Finds a source by id, or by short name ignoring case (`AFP` from a wire header). */
export function findSource(nameOrId: string, sources: readonly Source[]): Source | undefined {
  const key = nameOrId.trim().toLowerCase();
  return sources.find((s) => s.id === key) ?? sources.find((s) => s.short.toLowerCase() === key);
}

function knownSources(sources: readonly Source[]): string {
  return sources.map((s) => `${s.id} (${s.short})`).join(', ');
}

/**
 * Cleans `raw` and builds the validated article document. Pure apart from its inputs.
 *
 * @param origin names the raw text in error messages (usually its path).
 * @throws {IngestError} when no text is left, the source or date cannot be determined, or a
 *   field fails validation; each message names the flag that fixes it.
 */
export function buildArticle(raw: string, overrides: ArticleOverrides, sources: readonly Source[], origin: string): BuiltArticle {
  const cleaned = cleanArticleText(raw);
  const notes: string[] = [];
  if (cleaned.paragraphs.length === 0) throw new IngestError(`${origin}: no article text left after cleaning (${cleaned.removed.length} pieces removed)`);

  const sourceName = overrides.source ?? cleaned.source;
  if (sourceName === undefined) throw new IngestError(`${origin}: no source: the text has no wire header naming the outlet; pass --source ID (known: ${knownSources(sources)})`);
  const source = findSource(sourceName, sources);
  if (!source) throw new IngestError(`${origin}: unknown source "${sourceName}"; pass --source with one of: ${knownSources(sources)}`);
  if (overrides.source === undefined) notes.push(`source "${source.id}" matched from the wire header ("${sourceName}")`);
  else if (cleaned.source !== undefined && findSource(cleaned.source, sources) !== source) notes.push(`wire header names "${cleaned.source}" but --source says "${source.id}"; used ${source.id}`);

  const published = overrides.published ?? cleaned.published;
  if (published === undefined) throw new IngestError(`${origin}: no publication date found (no wire header, no "le 17 juin 2025" in the text); pass --published YYYY-MM-DD`);
  if (overrides.published === undefined && cleaned.publishedInferredFrom) notes.push(`date inferred from the text: "${cleaned.publishedInferredFrom}"`);

  const title = overrides.title ?? cleaned.title;
  if (title === undefined) throw new IngestError(`${origin}: no title found; pass --title`);
  if (overrides.title === undefined && cleaned.titleDerived) notes.push('title derived from the lead (pass --title to choose one)');

  const id = overrides.id ?? [published, source.id, slugify(title)].filter(Boolean).join('-');
  const paragraphs: Paragraph[] = cleaned.paragraphs.map((p, i) => (p.heading === undefined ? { n: i + 1, text: p.text } : { n: i + 1, text: p.text, heading: p.heading }));
  const draft = {
    meta: { id, source: source.id, title, published, language: 'fr', url: overrides.url, dateline: cleaned.dateline },
    paragraphs,
  };
  return { doc: validateByRoundTrip(draft, origin), cleaned, source, notes };
}

/**
 * Validates with the loader's own code path: serialise, then parse and validate the text, so what
 * is accepted here is exactly what `loadCorpus` accepts.
 */
function validateByRoundTrip(draft: ArticleDocument, origin: string): ArticleDocument {
  try {
    const doc = parseArticleFile(serialiseArticleFile(draft));
    if (!isDeepStrictEqual(doc.paragraphs, draft.paragraphs)) {
      throw new Error(`${origin}: paragraphs changed when written and read back; this is a bug in article-file.ts`);
    }
    return doc;
  } catch (error) {
    if (!(error instanceof ArticleFileError)) throw error;
    const flag = error.field === undefined ? undefined : FLAG_FOR_FIELD[error.field];
    throw new IngestError(`${origin}: ${error.message}${flag ? ` (set it with ${flag})` : ''}`);
  }
}

/** What {@link ingestFile} wrote. */
export interface IngestResult extends BuiltArticle {
  /** Path of the written article file (`<dataDir>/articles/<id>.md`). */
  readonly path: string;
  /** True when an existing file was replaced (`force`). */
  readonly replaced: boolean;
}

/** Options of {@link ingestFile}. */
export interface IngestOptions extends ArticleOverrides {
  /** Path of the raw text file. */
  readonly file: string;
  /** Data directory holding `sources.yaml` and `articles/`. */
  readonly dataDir: string;
  /** Replace an existing article file with the same id. */
  readonly force?: boolean;
}

/**
 * Reads `options.file`, builds the article against `<dataDir>/sources.yaml` and writes
 * `<dataDir>/articles/<id>.md`.
 *
 * @throws {IngestError} for unreadable input, any {@link buildArticle} problem, or an existing
 *   file without `force`; {@link CorpusError} when `sources.yaml` itself is invalid.
 */
export async function ingestFile(options: IngestOptions): Promise<IngestResult> {
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(options.file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new IngestError(`${options.file}: ${code === undefined ? 'not valid UTF-8' : `cannot read (${code})`}`);
  }
  const sources = await readSources(options.dataDir);
  const built = buildArticle(raw, options, sources, options.file);
  const dir = path.join(options.dataDir, 'articles');
  const target = path.join(dir, `${built.doc.meta.id}.md`);
  await mkdir(dir, { recursive: true });
  const replaced = options.force === true && (await stat(target).then(() => true, () => false));
  try {
    // 'wx' fails if the file exists, without a race between checking and writing.
    await writeFile(target, serialiseArticleFile(built.doc), { flag: options.force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new IngestError(`${target} already exists; pass --force to replace it`);
    throw error;
  }
  return { ...built, path: target, replaced };
}
