/**
 * Work written once as a generator that yields between small steps (a paragraph analysed, an
 * article's facts found), run either at once or cooperatively: a background merge of segments
 * then hands the event loop back every few milliseconds, so that queries keep being answered
 * while it runs. Here, in the lowest folder of the engine, because reading names (entities.ts),
 * indexing (src/search) and composing the knowledge base (src/knowledge) are all written so.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Work that yields (nothing) between steps and returns its result. */
export type Stepwise<T> = Generator<void, T, void>;

/** Time a cooperative run works before handing the event loop back, by default. */
export const DEFAULT_SLICE_MS = 4;

/** Runs the steps to the end, synchronously. */
export function finishNow<T>(steps: Stepwise<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Runs the steps to the end, yielding to the event loop (`setImmediate`, after pending I/O and
 * timers) whenever `sliceMs` have passed since it last did.
 */
export async function finishYielding<T>(steps: Stepwise<T>, sliceMs = DEFAULT_SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}

/**
 * {@link finishYielding}, given up as soon as `abandon()` is true when the event loop hands back
 * (the work was made useless meanwhile, e.g. a composition a newer change supersedes): then
 * undefined, and the rest of the steps is never run.
 */
export async function finishYieldingUnless<T>(steps: Stepwise<T>, abandon: () => boolean, sliceMs = DEFAULT_SLICE_MS): Promise<T | undefined> {
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      if (abandon()) return undefined;
      sliceStart = performance.now();
    }
  }
}
