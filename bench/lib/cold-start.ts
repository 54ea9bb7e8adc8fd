/**
 * Child process of `bench:latency`: starts like `npm start` does (load the data folder, restore
 * the engine from the start-up cache), answers one question, and prints one JSON line with its
 * load time and memory. The parent times it from spawn to that line.
 */
import { loadEngine } from '../../src/load-engine.js';
import type { CacheEvent } from '../../src/knowledge/knowledge-cache.js';

const [dataDir, cacheDir] = process.argv.slice(2);
if (!dataDir || !cacheDir) {
  console.error('usage: cold-start.ts DATA_DIR CACHE_DIR');
  process.exit(2);
}
const started = performance.now();
let event: CacheEvent | undefined;
const engine = await loadEngine(dataDir, { cacheDir, onCacheEvent: (e) => (event = e) });
const loadMs = performance.now() - started;
engine.ask('Quelle est la population de la ville ?');
const memory = process.memoryUsage();
console.log(JSON.stringify({ ready: true, from_cache: event?.kind === 'hit', load_ms: loadMs, rss_mb: memory.rss / 2 ** 20, heap_mb: memory.heapUsed / 2 ** 20 }));
