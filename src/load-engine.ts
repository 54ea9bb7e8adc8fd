/**
 * Start-up: data directory → validated corpus → engine. The one place that reads the disk for the
 * engine, so the Discord bot and the terminal start the same way.
 */
import { loadCorpus } from './corpus/load.js';
import { Engine } from './answers/engine.js';

/** Loads and validates every data file, then builds the engine. Throws on any bad file. */
export async function loadEngine(dataDir: string): Promise<Engine> {
  return Engine.build(await loadCorpus(dataDir));
}
