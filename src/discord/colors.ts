/**
 * Outlet colours by source id, read from the engine that answers in a server: servers add outlets
 * with their own colours, so the colours follow the engine, and are read once per engine (an
 * engine is replaced, never changed, when a server's collection changes).
 */
import type { Engine } from '../answers/engine.js';
import { parseHexColor } from './render/pieces.js';

const cache = new WeakMap<Engine, (sourceId: string) => number | undefined>();

/** An outlet's embed colour, by source id, among the outlets of `engine`'s corpus. */
export function colorsOf(engine: Engine): (sourceId: string) => number | undefined {
  let colorOf = cache.get(engine);
  if (!colorOf) {
    const colors = new Map(engine.corpus.sources.map((s) => [s.id, parseHexColor(s.color)]));
    colorOf = (sourceId) => colors.get(sourceId);
    cache.set(engine, colorOf);
  }
  return colorOf;
}
