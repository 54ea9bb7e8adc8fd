/**
 * Start-up: data directory → validated corpus → engine, through the start-up cache. The one
 * place that reads the disk for the engine, so the Discord bot and the terminal start alike.
 */
import { Engine } from './answers/engine.js';
import { loadKnowledge, type CacheEvent } from './knowledge/knowledge-cache.js';
import { loadCorpus } from './corpus/load.js';

/** Where the derived knowledge base is saved, relative to the working directory (ignored by git). */
export const DEFAULT_CACHE_DIR = '.cache';

/** Options of {@link loadEngine}. */
export interface LoadOptions {
  /** Cache folder; `false` derives everything afresh and saves nothing. Default {@link DEFAULT_CACHE_DIR}. */
  readonly cacheDir?: string | false;
  readonly onCacheEvent?: (event: CacheEvent) => void;
}

/** Loads and validates every data file, then builds (or restores) the engine. Throws on any bad file. */
export async function loadEngine(dataDir: string, options: LoadOptions = {}): Promise<Engine> {
  const { cacheDir = DEFAULT_CACHE_DIR } = options;
  if (cacheDir === false) return Engine.build(await loadCorpus(dataDir));
  const { kb } = await loadKnowledge(dataDir, { dir: cacheDir, ...(options.onCacheEvent ? { onEvent: options.onCacheEvent } : {}) });
  return Engine.of(kb);
}
