/**
 * Which engine answers where. The shared collection (the operator's `data/` files) answers in DMs,
 * user installs and every server; a server whose moderators published articles gets an engine over
 * the shared collection plus its own articles. Surfaces ask this for the engine of each interaction.
 */
import type { Engine } from '../answers/engine.js';

/** Gives the engine of one server (or of the shared collection). */
export interface EngineSource {
  /** The engine for a server; `undefined` or `null` (DMs, user installs): the shared collection's. */
  engineFor(guildId?: string | null): Engine;
  /** The shared collection's engine. */
  readonly shared: Engine;
}

/** An {@link EngineSource} with one engine everywhere (no server collections: the terminal, tests). */
export function singleEngine(engine: Engine): EngineSource {
  return { engineFor: () => engine, shared: engine };
}
