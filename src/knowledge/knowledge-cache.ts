/**
 * Start-up cache of the corpus and of everything the engine derives from it (index, people,
 * dates, figures): a start with unchanged data files loads one file instead of parsing every
 * article and analysing every paragraph.
 *
 * The key covers the bytes of every data file and of the code that reads, derives and saves:
 * every module that build.ts or this module imports, transitively, found from the sources
 * themselves (module-graph.ts), with the files they read and the versions of the packages they
 * import. Any change to an article file, or to that code, rebuilds; a moved or renamed module
 * is followed, and one that is missing stops the start. The corpus is saved too, as validated
 * when the cache was written: the same bytes validate the same way. A cache that is missing,
 * stale, truncated or corrupt is rebuilt, never trusted, never a crash.
 *
 * One {@link encodeContainer container} file: metadata as JSON, and as raw typed arrays the
 * posting lists, the paragraph texts and each paragraph's facts (decoded when read). At 100 000
 * paragraphs a JSON cache took 17 s to load, mostly parsing and rebuilding MiniSearch's Maps;
 * this one is read as views over the file's bytes (the cold start is in README's benchmark
 * table, `npm run bench:latency`).
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { CorpusError, loadCorpus, readCorpusFiles, type CorpusFiles } from '../corpus/load.js';
import type { Corpus } from '../corpus/types.js';
import type { PostingData } from '../search/postings.js';
import type { SavedVocabulary } from '../search/vocabulary.js';
import type { Entity } from '../text/entities.js';
import { BUILD_MODULE, buildKnowledgeBase } from './build.js';
import { decodeContainer, encodeContainer, type StoredArray } from './container.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { fingerprintOf } from './module-graph.js';
import { buildKnowledgeBaseInThreads, defaultBuildThreads } from './parallel-build.js';
import { restoreCorpus, saveCorpus, type SavedCorpus } from './saved-corpus.js';
import { restoreKnowledgeBase, saveKnowledgeBase, type SavedKnowledge } from './saved-knowledge.js';
import type { SavedNames } from './saved-names.js';
import { TextTable } from './text-table.js';

/** File name of the cache inside its folder. One file: a new corpus replaces the old cache. */
export const CACHE_FILE = 'knowledge.bin';

/** What the cache reports, for logs. */
export type CacheEvent =
  | { readonly kind: 'hit'; readonly ms: number }
  | { readonly kind: 'miss'; readonly reason: string; readonly ms: number }
  | { readonly kind: 'write-failed'; readonly reason: string }
  /** The build's worker threads failed; it was done again in the calling thread. */
  | { readonly kind: 'threads-failed'; readonly reason: string };

/** Options of {@link loadKnowledge}. */
export interface CacheOptions {
  /** Folder of the cache (created when missing). */
  readonly dir: string;
  readonly onEvent?: (event: CacheEvent) => void;
  /** Threads a build may use (default: one per core); a small corpus is built in the calling thread whatever this says. */
  readonly buildThreads?: number;
}

/**
 * Where the code the key covers starts: the build (what derives the saved data) and this module
 * (what reads the data files, saves and restores). Both are URLs the modules give themselves,
 * so no path is written down to go stale.
 */
const DERIVING_ROOTS: readonly string[] = [BUILD_MODULE, import.meta.url];

let codeFingerprint: string | undefined;

/** Hash of the deriving code (see {@link DERIVING_ROOTS}), once per process. */
function fingerprintOfCode(): string {
  codeFingerprint ??= fingerprintOf(DERIVING_ROOTS);
  return codeFingerprint;
}

/**
 * The cache key of a data folder: changes whenever any byte of any data file or of the deriving
 * code changes. Throws when a module of that code is missing. `files` are the folder's files as {@link readCorpusFiles} read them (read now when not given).
 */
export async function cacheKey(dataDir: string, files?: CorpusFiles): Promise<string> {
  const read = files ?? (await readCorpusFiles(dataDir));
  if (read.articles instanceof CorpusError) throw read.articles;
  const hash = createHash('sha256');
  hash.update(fingerprintOfCode());
  for (const [file, content] of read.files) {
    // A missing or refused file hashes as such: no cache is ever written for a corpus that does
    // not load, so such a key never matches and loadCorpus reports the file.
    const bytes = 'bytes' in content ? content.bytes : undefined;
    hash.update(`\u0000${file}\u0000${bytes === undefined ? JSON.stringify(content) : bytes.length}\u0000`);
    if (bytes) hash.update(bytes);
  }
  return hash.digest('hex');
}

/** The JSON part of the cache file; the arrays are named in {@link toContainer}. */
interface CacheJson {
  readonly key: string;
  readonly corpus: SavedCorpus['json'];
  /** Index terms, sorted, joined by newlines (no term holds one). */
  readonly terms: string;
  readonly vocabulary: SavedVocabulary;
  readonly entities: readonly Entity[];
  /** The name lists of the base's reading of names (the per-paragraph part is an array pair). */
  readonly names: Omit<SavedNames, 'read'>;
}

function toContainer(key: string, corpus: Corpus, saved: SavedKnowledge): { json: CacheJson; arrays: Record<string, StoredArray> } {
  const savedCorpus = saveCorpus(corpus);
  const { postings, vocabulary } = saved.index;
  return {
    json: { key, corpus: savedCorpus.json, terms: postings.terms.join('\n'), vocabulary, entities: saved.entities, names: { firstPass: saved.names.firstPass, known: saved.names.known } },
    arrays: {
      paragraphNumbers: savedCorpus.numbers,
      textBytes: savedCorpus.texts.bytes,
      textOffsets: savedCorpus.texts.offsets,
      postingOffsets: postings.offsets,
      postingDocs: postings.docs,
      postingFreqs: postings.freqs,
      fieldLengths: postings.fieldLengths,
      factBytes: saved.facts.bytes,
      factOffsets: saved.facts.offsets,
      timeline: saved.timeline,
      nameBytes: saved.names.read.bytes,
      nameOffsets: saved.names.read.offsets,
    },
  };
}

/** Checks that a named array is there with the expected type. */
function arrayOf<T extends StoredArray>(arrays: Readonly<Record<string, StoredArray>>, name: string, type: new (length: number) => T): T {
  const array = arrays[name];
  if (!(array instanceof type)) throw new Error(`cache array ${name} is missing`);
  return array;
}

function fromContainer(json: CacheJson, arrays: Readonly<Record<string, StoredArray>>): KnowledgeBase {
  const corpus = restoreCorpus({ json: json.corpus, numbers: arrayOf(arrays, 'paragraphNumbers', Int32Array), texts: new TextTable(arrayOf(arrays, 'textBytes', Uint8Array), arrayOf(arrays, 'textOffsets', Uint32Array)) });
  const postings: PostingData = {
    terms: json.terms === '' ? [] : json.terms.split('\n'),
    offsets: arrayOf(arrays, 'postingOffsets', Uint32Array),
    docs: arrayOf(arrays, 'postingDocs', Int32Array),
    freqs: arrayOf(arrays, 'postingFreqs', Uint16Array),
    fieldLengths: arrayOf(arrays, 'fieldLengths', Uint16Array),
  };
  return restoreKnowledgeBase(corpus, {
    index: { postings, vocabulary: json.vocabulary },
    entities: json.entities,
    facts: new TextTable(arrayOf(arrays, 'factBytes', Uint8Array), arrayOf(arrays, 'factOffsets', Uint32Array)),
    timeline: arrayOf(arrays, 'timeline', Int32Array),
    names: { ...json.names, read: new TextTable(arrayOf(arrays, 'nameBytes', Uint8Array), arrayOf(arrays, 'nameOffsets', Uint32Array)) },
  });
}

/**
 * The knowledge base of a data folder: from the cache when it holds exactly these files, else
 * loaded and validated ({@link loadCorpus}, which throws on a bad file), built, and saved.
 */
export async function loadKnowledge(dataDir: string, options: CacheOptions): Promise<{ kb: KnowledgeBase; fromCache: boolean }> {
  const started = performance.now();
  // Read once: hashed for the key, and parsed from the same bytes when the cache is stale.
  const files = await readCorpusFiles(dataDir);
  const key = await cacheKey(dataDir, files);
  const file = path.join(options.dir, CACHE_FILE);
  const restored = await readCache(file, key);
  if (restored.kb) {
    options.onEvent?.({ kind: 'hit', ms: performance.now() - started });
    return { kb: restored.kb, fromCache: true };
  }
  const corpus = await loadCorpus(dataDir, files);
  const kb = await buildIn(corpus, options);
  options.onEvent?.({ kind: 'miss', reason: restored.reason, ms: performance.now() - started });
  try {
    await writeCache(options.dir, file, key, corpus, saveKnowledgeBase(kb));
  } catch (error) {
    options.onEvent?.({ kind: 'write-failed', reason: (error as Error).message });
  }
  return { kb, fromCache: false };
}

/** Builds in worker threads, or in this one when they fail (a build must not be lost to a thread's failure). */
async function buildIn(corpus: Corpus, options: CacheOptions): Promise<KnowledgeBase> {
  try {
    return await buildKnowledgeBaseInThreads(corpus, options.buildThreads ?? defaultBuildThreads());
  } catch (error) {
    options.onEvent?.({ kind: 'threads-failed', reason: (error as Error).message });
    return buildKnowledgeBase(corpus);
  }
}

async function readCache(file: string, key: string): Promise<{ kb?: KnowledgeBase; reason: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { reason: 'no cache yet' };
  }
  try {
    const { json, arrays } = decodeContainer(bytes);
    const content = json as Partial<CacheJson> | null;
    if (!content || typeof content !== 'object' || content.key !== key) return { reason: 'data or code changed' };
    return { kb: fromContainer(content as CacheJson, arrays), reason: '' };
  } catch (error) {
    return { reason: `unreadable cache (${(error as Error).message})` };
  }
}

/** Writes through a temporary file and a rename, so a reader never sees half a cache. */
async function writeCache(dir: string, file: string, key: string, corpus: Corpus, saved: SavedKnowledge): Promise<void> {
  await mkdir(dir, { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    const handle = await open(temporary, 'w');
    try {
      for (const chunk of encodeContainer(toContainer(key, corpus, saved))) await handle.write(chunk);
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}
