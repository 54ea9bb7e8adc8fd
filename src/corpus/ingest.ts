/**
 * Turns what one input gave (`extract.ts`: paragraphs and layers of metadata) into a validated
 * `data/articles/<id>.md`, and writes it.
 *
 * Metadata is chosen field by field from the first layer that has it: the command line's flags,
 * then an article file's own front matter, then structured metadata (page JSON-LD / Open Graph,
 * feed item, the fetched address), then the dateline or wire header, then the text. The outlet
 * is the publisher: a page's named outlet or its address decides before an agency named in a
 * dateline, since a newspaper carrying an AFP dispatch is the one publishing it. Language is
 * detected from the text, which beats a page's declared language (templates declare the site's).
 *
 * {@link buildArticle} and {@link buildFromExtracted} are pure (what tests exercise most);
 * {@link saveArticle} checks for duplicates and syndication against the stored corpus and writes
 * atomically. The command line is `ingest-command.ts`.
 */
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { ArticleFileError, parseArticleFile, serialiseArticleFile, type ArticleDocument } from './article-file.js';
import { TargetExistsError, writeFileAtomically } from './atomic-write.js';
import type { CleanParagraph, RemovedPiece } from './clean.js';
import { detectLanguage } from './detect-language.js';
import { DecodeError, readInputFile } from './decode.js';
import { DuplicateIndex, type ComparableArticle, type IncomingArticle, type Syndication } from './duplicates.js';
import { extractFromText, type ExtractedArticle, type FoundMetadata, type MetadataLayer } from './extract.js';
import { IngestError } from './ingest-error.js';
import { loadCorpus, readSources } from './load.js';
import { addSourceToFile, formatNewSource, NEW_SOURCE_USAGE, proposeSource } from './sources-file.js';
import type { Paragraph, Source } from './types.js';
import { fold } from '../text/fold.js';

export { IngestError } from './ingest-error.js';

/** Longest slug of the title used in a default article id. */
export const ID_TITLE_SLUG_MAX = 40;

/** Language stored when neither the flags nor the text nor the page say. */
export const DEFAULT_LANGUAGE = 'fr';

/** Metadata given on the command line; each one overrides what the input says. */
export interface ArticleOverrides {
  /** Source id or short name (`rt-fr`, `RT`). */
  readonly source?: string;
  readonly title?: string;
  readonly published?: string;
  readonly url?: string;
  readonly id?: string;
  /** Language tag (`fr`, `en`). */
  readonly language?: string;
}

/** An article ready to write, with what was done to get there. */
export interface BuiltArticle {
  readonly doc: ArticleDocument;
  readonly source: Source;
  /** Where metadata came from and what was decided (`date inferred from "ce 17 juin 2025"`). */
  readonly notes: readonly string[];
  readonly removed: readonly RemovedPiece[];
  /** Things a human should check. */
  readonly warnings: readonly string[];
  /** Every address the article was read from or declares, for the duplicate check. */
  readonly addresses: readonly string[];
}

/** Flag to suggest when a front-matter field is wrong. */
const FLAG_FOR_FIELD: Readonly<Record<string, string>> = { id: '--id', source: '--source', title: '--title', published: '--published', url: '--url', language: '--language' };

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

/**
 * Finds the source an outlet name designates: by id or short name, else by full name compared
 * folded, also without a domain ending (`Le Courrier de Valbrume.fr`); for `AFP/Reuters`, the first.
 */
export function matchOutlet(name: string, sources: readonly Source[]): Source | undefined {
  const first = name.split('/')[0]?.trim() ?? name;
  const direct = findSource(first, sources);
  if (direct) return direct;
  const key = (s: string) => fold(s).replace(/\.(?:fr|com|net|info|org|ci|bj|sn|ma|dz|tn|cm|be|ch|ca)$/, '').replace(/[^a-z0-9]+/g, ' ').trim();
  const wanted = key(first);
  return sources.find((s) => key(s.name) === wanted);
}

/** The source whose home page is on the address's host (or a parent of it: `www.`, `fr.`). */
export function sourceByAddress(address: string, sources: readonly Source[]): Source | undefined {
  const host = hostOf(address);
  if (host === undefined) return undefined;
  return sources.find((s) => {
    const home = s.url === undefined ? undefined : hostOf(s.url);
    return home !== undefined && (host === home || host.endsWith(`.${home}`));
  });
}

function hostOf(address: string): string | undefined {
  try {
    return new URL(address).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

function knownSources(sources: readonly Source[]): string {
  return sources.map((s) => `${s.id} (${s.short})`).join(', ');
}

/** How to add an outlet, quoted by every "unknown outlet" message. */
const HOW_TO_ADD = `add the outlet in the same step with ${NEW_SOURCE_USAGE} (README: "Add an outlet")`;

/**
 * Cleans a raw text and builds the validated article document. Pure apart from its inputs.
 *
 * @param origin names the input in error messages (usually its path).
 * @throws {IngestError} when no text is left, the source or date cannot be determined, or a
 *   field fails validation; each message names the flag that fixes it.
 */
export function buildArticle(raw: string, overrides: ArticleOverrides, sources: readonly Source[], origin: string): BuiltArticle {
  return buildFromExtracted(extractFromText(raw), overrides, sources, origin);
}

/** A field's value and the layer it was taken from. */
interface Picked<T> {
  readonly value: T;
  readonly layer: MetadataLayer;
}

function pick<K extends keyof FoundMetadata>(layers: readonly MetadataLayer[], field: K): Picked<NonNullable<FoundMetadata[K]>> | undefined {
  for (const layer of layers) {
    const value = layer[field];
    if (value !== undefined && value !== '') return { value: value as NonNullable<FoundMetadata[K]>, layer };
  }
  return undefined;
}

/** The note saying where a field came from; nothing for what the person wrote (flags, front matter). */
function provenance(field: keyof FoundMetadata, picked: Picked<unknown> | undefined): string[] {
  if (picked === undefined || picked.layer.kind === 'flags' || picked.layer.kind === 'document') return [];
  return [picked.layer.notes?.[field] ?? `${field} from ${picked.layer.from}`];
}

/**
 * Builds the validated article from an extracted input and the flags. Pure.
 *
 * @throws {IngestError} as {@link buildArticle}.
 */
export function buildFromExtracted(extracted: ExtractedArticle, overrides: ArticleOverrides, sources: readonly Source[], origin: string): BuiltArticle {
  if (extracted.paragraphs.length === 0) throw new IngestError(`${origin}: no article text left after cleaning (${extracted.removed.length} pieces removed)`);
  const flags: MetadataLayer = { kind: 'flags', from: 'the command line', title: overrides.title, published: overrides.published, url: overrides.url, outlet: overrides.source, language: overrides.language };
  const layers = [flags, ...extracted.layers];
  const notes: string[] = [...(extracted.notes ?? [])];

  const { source, note } = resolveSource(layers, extracted.addresses, sources, origin);
  if (note) notes.push(note);

  const published = pick(layers, 'published');
  if (published === undefined) throw new IngestError(`${origin}: no publication date found (none in the page metadata, the dateline or the text); pass --published YYYY-MM-DD`);
  notes.push(...provenance('published', published));

  const title = pick(layers, 'title');
  if (title === undefined) throw new IngestError(`${origin}: no title found (the text has no title line, and a cut lead sentence is no title); pass --title`);
  notes.push(...provenance('title', title));

  const url = pick(layers, 'url');
  notes.push(...provenance('url', url));
  const dateline = pick(layers, 'dateline');
  const language = chooseLanguage(layers, extracted.paragraphs, notes);

  const id = overrides.id ?? extracted.id ?? [published.value, source.id, slugify(title.value)].filter(Boolean).join('-');
  const paragraphs: Paragraph[] = extracted.paragraphs.map((p, i) => (p.heading === undefined ? { n: i + 1, text: p.text } : { n: i + 1, text: p.text, heading: p.heading }));
  const draft: ArticleDocument = {
    meta: { id, source: source.id, title: title.value, published: published.value, language, url: url?.value, dateline: dateline?.value, syndication_of: extracted.syndicationOf },
    paragraphs,
  };
  const addresses = [...new Set([...(url ? [url.value] : []), ...extracted.addresses])];
  return { doc: validateByRoundTrip(draft, origin), source, notes, removed: extracted.removed, warnings: extracted.warnings, addresses };
}

/**
 * The outlet: the flag; else a structured layer's named outlet (page metadata, feed, front
 * matter); else the source whose home page hosts the page; else, for a page, its unknown outlet
 * proposed; else the dateline's or wire header's agency (pasted text).
 */
function resolveSource(layers: readonly MetadataLayer[], addresses: readonly string[], sources: readonly Source[], origin: string): { source: Source; note?: string } {
  const flag = layers[0]?.outlet;
  if (flag !== undefined) {
    const source = findSource(flag, sources);
    if (!source) throw new IngestError(`${origin}: unknown source "${flag}"; pass --source with one of: ${knownSources(sources)}; or ${HOW_TO_ADD}`);
    const said = layers.slice(1).find((l) => l.outlet !== undefined && l.kind !== 'text');
    const other = said?.outlet === undefined ? undefined : matchOutlet(said.outlet, sources);
    if (said && other !== source) return { source, note: `${said.from} names "${said.outlet}" but --source says "${source.id}"; used ${source.id}` };
    return { source };
  }
  const publisher = layers.find((l) => (l.kind === 'structured' || l.kind === 'document') && l.outlet !== undefined);
  if (publisher?.outlet !== undefined) {
    const source = matchOutlet(publisher.outlet, sources);
    if (source) return { source, ...(publisher.kind === 'document' ? {} : { note: publisher.notes?.outlet ?? `source "${source.id}" matched from ${publisher.from} ("${publisher.outlet}")` }) };
  }
  for (const address of addresses) {
    const source = sourceByAddress(address, sources);
    if (source) return { source, note: `source "${source.id}" matched from the address ${address}` };
  }
  const page = addresses[0];
  if (publisher?.outlet !== undefined || page !== undefined) {
    const name = publisher?.outlet ?? hostOf(page ?? '') ?? 'outlet';
    throw unknownOutlet(origin, name, publisher ? publisher.from : `the address ${page}`, proposeSource(name, 'news website', sources, page), sources);
  }
  const agency = layers.find((l) => l.outlet !== undefined);
  if (agency?.outlet !== undefined) {
    const source = matchOutlet(agency.outlet, sources);
    if (source) return { source, note: agency.notes?.outlet ?? `source "${source.id}" matched from ${agency.from} ("${agency.outlet}")` };
    throw unknownOutlet(origin, agency.outlet, agency.from, proposeSource(agency.outlet, 'news agency', sources), sources);
  }
  throw new IngestError(`${origin}: no source: nothing in the input names the outlet; pass --source ID (known: ${knownSources(sources)}), or ${HOW_TO_ADD}`);
}

function unknownOutlet(origin: string, name: string, from: string, proposal: Source, sources: readonly Source[]): IngestError {
  return new IngestError(
    `${origin}: unknown outlet "${name}" (from ${from}); it is not in sources.yaml (known: ${knownSources(sources)}).\n` +
      `  If the article is that outlet's, add it in the same step (check every field, describe its ownership):\n` +
      `    ${formatNewSource(proposal)}\n` +
      `  If it is one of the known outlets' articles, pass --source ID. README: "Add an outlet".`,
  );
}

/**
 * The flag, an article file's own, else what the text shows (when decisive), else the page's
 * declared language, else {@link DEFAULT_LANGUAGE}; stored as the primary subtag (`fr`, `en`).
 */
function chooseLanguage(layers: readonly MetadataLayer[], paragraphs: readonly CleanParagraph[], notes: string[]): string {
  const declared = pick(layers, 'language');
  if (declared && (declared.layer.kind === 'flags' || declared.layer.kind === 'document')) return declared.value;
  const guess = detectLanguage(paragraphs.map((p) => p.text).join('\n'));
  const pageSays = declared?.value.split(/[-_]/)[0]?.toLowerCase();
  if (guess.language !== undefined) {
    if (pageSays !== undefined && pageSays !== guess.language) notes.push(`${declared?.layer.from} says language "${declared?.value}" but the text reads as ${guess.language}; stored ${guess.language}`);
    return guess.language;
  }
  if (pageSays !== undefined) return pageSays;
  notes.push(`language not recognised from the text (${guess.words} words); stored ${DEFAULT_LANGUAGE} (pass --language to set it)`);
  return DEFAULT_LANGUAGE;
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

/** The corpus already holds the article: refused, with the stored article's id. */
export class DuplicateArticleError extends IngestError {
  constructor(
    message: string,
    /** Id of the stored article. */
    readonly existingId: string,
  ) {
    super(message);
  }
}

/**
 * The stored articles of `<dataDir>` prepared for the duplicate check; none when there is no
 * `articles/` folder yet.
 *
 * @throws {CorpusError} when the stored corpus does not load (it must be fixed first).
 */
export async function loadDuplicateIndex(dataDir: string): Promise<DuplicateIndex> {
  const hasArticles = await readdir(path.join(dataDir, 'articles')).then(
    (names) => names.some((n) => n.endsWith('.md')),
    () => false,
  );
  if (!hasArticles) return new DuplicateIndex();
  const corpus = await loadCorpus(dataDir);
  return new DuplicateIndex(corpus.articles as readonly ComparableArticle[]);
}

/** Options of {@link saveArticle}. */
export interface SaveOptions {
  /** Data directory holding `sources.yaml` and `articles/`. */
  readonly dataDir: string;
  /** Update the stored article that is the same (by address or text), or the file with the same id. */
  readonly replace?: boolean;
  /** Check everything, write nothing. */
  readonly dryRun?: boolean;
  /** An outlet to add to `sources.yaml` just before the article is written (`--new-source`). */
  readonly newSource?: Source;
  /** Names the input in messages. */
  readonly origin: string;
}

/** What {@link saveArticle} did. */
export interface SavedArticle extends BuiltArticle {
  /** Path of the article file (`<dataDir>/articles/<id>.md`), written or, on a dry run, that would be. */
  readonly path: string;
  readonly outcome: 'written' | 'replaced' | 'dry-run';
  /** Set when the text is a copy of another outlet's article (recorded as `syndication_of`). */
  readonly syndication?: Syndication;
  /** `added` when `--new-source` was written to `sources.yaml` now. */
  readonly sourceAdded?: boolean;
}

/**
 * Checks the built article against the stored ones and writes it atomically: the same article
 * (address or text) is refused with its id unless `replace`, and then takes that article's id and
 * file; a near-duplicate of another outlet's article gets `syndication_of`. The written article
 * joins `index`, so the next item of a feed is checked against it too.
 *
 * @throws {DuplicateArticleError} for the same article without `replace`.
 * @throws {IngestError} when the file exists without `replace`, or a field fails validation.
 */
export async function saveArticle(built: BuiltArticle, index: DuplicateIndex, options: SaveOptions): Promise<SavedArticle> {
  const { origin } = options;
  const notes = [...built.notes];
  const incoming: IncomingArticle = { source: built.source.id, urls: built.addresses, paragraphs: built.doc.paragraphs };
  let meta = built.doc.meta;
  const same = index.sameArticle(incoming);
  if (same !== undefined) {
    const what = same.kind === 'same-url' ? `the same address (${same.detail})` : 'the same text';
    if (!options.replace) throw new DuplicateArticleError(`${origin}: already in the corpus as "${same.id}" (${what}); pass --replace to update it`, same.id);
    if (same.id !== meta.id) notes.push(`updates "${same.id}" (${what}): kept its id and file`);
    meta = { ...meta, id: same.id };
  }
  const syndication = meta.syndication_of === undefined ? index.syndication(incoming, meta.id) : undefined;
  if (syndication !== undefined) {
    const { jaccard, containment } = syndication.overlap;
    notes.push(`syndicated copy of "${syndication.of}"${syndication.matched === syndication.of ? '' : ` (matched its copy "${syndication.matched}")`}: shared word 5-grams Jaccard ${jaccard.toFixed(2)}, containment ${containment.toFixed(2)}; recorded as syndication_of`);
    meta = { ...meta, syndication_of: syndication.of };
  }
  const doc = meta === built.doc.meta ? built.doc : validateByRoundTrip({ meta, paragraphs: built.doc.paragraphs }, origin);
  const dir = path.join(options.dataDir, 'articles');
  const target = path.join(dir, `${doc.meta.id}.md`);
  const exists = await stat(target).then(() => true, () => false);
  if (exists && !options.replace) throw new IngestError(`${target} already exists; pass --replace to replace it (or --id to choose another id)`);
  const result = { ...built, doc, notes, path: target, syndication };
  if (options.dryRun) return { ...result, outcome: 'dry-run' };
  const sourceAdded = options.newSource === undefined ? false : (await addSourceToFile(options.dataDir, options.newSource)) === 'added';
  await mkdir(dir, { recursive: true });
  try {
    await writeFileAtomically(target, serialiseArticleFile(doc), { replace: options.replace === true });
  } catch (error) {
    if (error instanceof TargetExistsError) throw new IngestError(`${target} already exists; pass --replace to replace it`);
    throw error;
  }
  index.add({ ...doc.meta, paragraphs: doc.paragraphs });
  return { ...result, outcome: exists ? 'replaced' : 'written', sourceAdded };
}

/** Options of {@link ingestFile}. */
export interface IngestOptions extends ArticleOverrides {
  /** Path of the raw text file. */
  readonly file: string;
  /** Data directory holding `sources.yaml` and `articles/`. */
  readonly dataDir: string;
  /** Replace the stored article that is the same, or the file with the same id. */
  readonly replace?: boolean;
}

/**
 * Reads one plain-text file, builds the article against `<dataDir>/sources.yaml` and writes it:
 * the library form of `npm run ingest -- FILE` for raw text (the command reads every other form).
 *
 * @throws {IngestError} for unreadable input, any {@link buildArticle} problem, a duplicate or an
 *   existing file without `replace`; {@link CorpusError} when the data directory does not load.
 */
export async function ingestFile(options: IngestOptions): Promise<SavedArticle> {
  let raw: string;
  try {
    raw = (await readInputFile(options.file)).text;
  } catch (error) {
    if (error instanceof DecodeError) throw new IngestError(error.message);
    throw error;
  }
  const sources = await readSources(options.dataDir);
  const built = buildArticle(raw, options, sources, options.file);
  return saveArticle(built, await loadDuplicateIndex(options.dataDir), { dataDir: options.dataDir, replace: options.replace, origin: options.file });
}
