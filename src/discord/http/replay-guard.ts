/**
 * Refuses a signed request seen before. A valid signature only says Discord sent these bytes
 * once; whoever captured them could send them again. Two checks, both local to this process:
 * the signed timestamp must be within {@link OURS.HTTP_SIGNATURE_MAX_AGE_S} of this clock, and an
 * interaction id already taken within that window is refused. Behind a load balancer a replay
 * may reach another process, which takes it: Discord then refuses its response (the token was
 * answered already, 40060), so nothing is shown twice.
 */
import { OURS } from '../limits.js';

/** Why a request was refused, or null when it may be handled. */
export type ReplayVerdict = null | 'stale-timestamp' | 'replayed';

/** The ids taken within the window, and the check. */
export class ReplayGuard {
  readonly #seen = new Map<string, number>();
  readonly #maxAgeMs: number;
  readonly #now: () => number;

  constructor(options: { maxAgeS?: number; now?: () => number } = {}) {
    this.#maxAgeMs = (options.maxAgeS ?? OURS.HTTP_SIGNATURE_MAX_AGE_S) * 1_000;
    this.#now = options.now ?? Date.now;
  }

  /** Whether a request signed at `timestamp` (Unix seconds, as the header says) for interaction `id` is fresh; takes the id if so. */
  take(timestamp: string, id: string): ReplayVerdict {
    const now = this.#now();
    const signedAt = /^\d{1,12}$/u.test(timestamp) ? Number(timestamp) * 1_000 : Number.NaN;
    if (!Number.isFinite(signedAt) || Math.abs(now - signedAt) > this.#maxAgeMs) return 'stale-timestamp';
    this.#forgetBefore(now - this.#maxAgeMs);
    if (this.#seen.has(id)) return 'replayed';
    this.#seen.set(id, now);
    return null;
  }

  /** Ids are kept in arrival order, so the oldest are at the front. */
  #forgetBefore(limit: number): void {
    for (const [id, at] of this.#seen) {
      if (at >= limit) break;
      this.#seen.delete(id);
    }
  }
}
