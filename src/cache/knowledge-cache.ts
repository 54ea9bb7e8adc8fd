/**
 * Start-up cache of everything the engine derives from the corpus (index, people, dates,
 * figures), so a start with an unchanged corpus loads it instead of analysing every paragraph.
 *
 * The key covers the corpus content, the cache format, the analyser version and the source of
 * the code that derives the facts: any change to an article file or to that code rebuilds. A
 * cache that is missing, stale, truncated or corrupt is rebuilt, never trusted, never a crash.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { buildKnowledgeBase, restoreKnowledgeBase, saveKnowledgeBase, type KnowledgeBase, type SavedKnowledge } from '../answers/facts.js';
import type { Corpus } from '../corpus/types.js';
import { ANALYSER_VERSION } from '../text/analyser.js';

/** Bump when the saved layout changes. */
export const CACHE_FORMAT = 1;

/** File name of the cache inside its folder. One file: a new corpus replaces the old cache. */
export const CACHE_FILE = 'knowledge.v8';

/** What the cache reports, for logs. */
export type CacheEvent =
  | { readonly kind: 'hit'; readonly ms: number }
  | { readonly kind: 'miss'; readonly reason: string; readonly ms: number }
  | { readonly kind: 'write-failed'; readonly reason: string };

/** Options of {@link loadKnowledge}. */
export interface CacheOptions {
  /** Folder of the cache (created when missing). */
  readonly dir: string;
  readonly onEvent?: (event: CacheEvent) => void;
}

/** Folders whose code decides what is derived: a change there must invalidate saved facts. */
const DERIVING_CODE = ['../text', '../search', '../answers/facts.ts'];

let codeFingerprint: Promise<string> | undefined;

/** Hash of the deriving code's source files; empty when they cannot be read (e.g. bundled). */
function fingerprintOfCode(): Promise<string> {
  codeFingerprint ??= (async () => {
    const hash = createHash('sha256');
    for (const relative of DERIVING_CODE) {
      const target = fileURLToPath(new URL(relative, import.meta.url));
      const files = relative.endsWith('.ts') ? [target] : (await readdir(target).catch(() => [])).sort().map((f) => path.join(target, f));
      for (const file of files) hash.update(file.slice(target.length)).update(await readFile(file).catch(() => ''));
    }
    return hash.digest('hex');
  })();
  return codeFingerprint;
}

/** The cache key of a corpus: changes whenever any article, source or alias changes. */
export async function cacheKey(corpus: Corpus): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([CACHE_FORMAT, ANALYSER_VERSION, await fingerprintOfCode(), corpus.sources, corpus.aliases]));
  for (const article of corpus.articles) hash.update(JSON.stringify(article));
  return hash.digest('hex');
}

interface CacheFile {
  readonly key: string;
  readonly saved: SavedKnowledge;
}

/**
 * The knowledge base of a corpus: from the cache when it holds this corpus, else built and
 * saved for the next start.
 */
export async function loadKnowledge(corpus: Corpus, options: CacheOptions): Promise<{ kb: KnowledgeBase; fromCache: boolean }> {
  const started = performance.now();
  const key = await cacheKey(corpus);
  const file = path.join(options.dir, CACHE_FILE);
  const restored = await readCache(file, key, corpus);
  if (restored.kb) {
    options.onEvent?.({ kind: 'hit', ms: performance.now() - started });
    return { kb: restored.kb, fromCache: true };
  }
  const kb = buildKnowledgeBase(corpus);
  options.onEvent?.({ kind: 'miss', reason: restored.reason, ms: performance.now() - started });
  try {
    await writeCache(options.dir, file, { key, saved: saveKnowledgeBase(kb) });
  } catch (error) {
    options.onEvent?.({ kind: 'write-failed', reason: (error as Error).message });
  }
  return { kb, fromCache: false };
}

async function readCache(file: string, key: string, corpus: Corpus): Promise<{ kb?: KnowledgeBase; reason: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { reason: 'no cache yet' };
  }
  try {
    const content = deserialize(bytes) as Partial<CacheFile> | null;
    if (!content || typeof content !== 'object' || content.key !== key || !content.saved) return { reason: 'corpus or code changed' };
    return { kb: restoreKnowledgeBase(corpus, content.saved), reason: '' };
  } catch (error) {
    return { reason: `unreadable cache (${(error as Error).message})` };
  }
}

/** Writes through a temporary file and a rename, so a reader never sees half a cache. */
async function writeCache(dir: string, file: string, content: CacheFile): Promise<void> {
  await mkdir(dir, { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, serialize(content));
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}
