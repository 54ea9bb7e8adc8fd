/**
 * Per-user command cooldown: at most `limit` commands per `windowMs` for each user, counted over
 * a sliding window. A pure policy with an injected clock, so tests control time; the Discord
 * adapter asks it before running a command and answers a refusal with a short ephemeral notice.
 */
import { DEFAULTS } from '../config.js';

/** How many commands a user may run in how long. */
export interface CooldownPolicy {
  /** Commands allowed per window (default 5). */
  readonly limit: number;
  /** Window length in milliseconds (default 10 000). */
  readonly windowMs: number;
}

/** The default, from the configuration's defaults (5 commands per 10 s), so that both agree. */
export const DEFAULT_COOLDOWN: CooldownPolicy = { limit: DEFAULTS.COOLDOWN_LIMIT, windowMs: DEFAULTS.COOLDOWN_WINDOW_SECONDS * 1_000 };

/** The answer for one command. */
export type CooldownDecision =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      /** When the user may try again, from now. */
      readonly retryAfterMs: number;
      /** The first refusal of this burst: the one worth counting and logging. */
      readonly firstRefusal: boolean;
    };

/**
 * The cooldown a configuration asks for (`COOLDOWN_LIMIT`, `COOLDOWN_WINDOW_SECONDS`), or none
 * when the limit is 0: an operator behind another rate limiter, or a load test, may turn it off.
 */
export function cooldownsFrom(limit: number, windowSeconds: number, now: () => number = Date.now): Cooldowns | undefined {
  return limit === 0 ? undefined : new Cooldowns({ limit, windowMs: windowSeconds * 1_000 }, now);
}

/** Users tracked before expired entries are swept, so memory stays bounded under many users. */
const SWEEP_AT = 10_000;

/** Sliding-window cooldowns for every user. */
export class Cooldowns {
  private readonly uses = new Map<string, { times: number[]; refused: boolean }>();

  constructor(
    private readonly policy: CooldownPolicy = DEFAULT_COOLDOWN,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(policy.limit) || policy.limit < 1) throw new Error(`recoupe: cooldown limit must be a whole number ≥ 1, got ${policy.limit}`);
    if (!(policy.windowMs > 0)) throw new Error(`recoupe: cooldown window must be > 0 ms, got ${policy.windowMs}`);
  }

  /** Counts one command for a user, or refuses it with the time to wait. */
  take(userId: string): CooldownDecision {
    const now = this.now();
    if (this.uses.size >= SWEEP_AT) this.sweep(now);
    const entry = this.uses.get(userId) ?? { times: [], refused: false };
    entry.times = entry.times.filter((t) => now - t < this.policy.windowMs);
    if (entry.times.length === 0) entry.refused = false;
    this.uses.set(userId, entry);
    if (entry.times.length < this.policy.limit) {
      entry.times.push(now);
      entry.refused = false;
      return { allowed: true };
    }
    const oldest = entry.times[0] ?? now;
    const firstRefusal = !entry.refused;
    entry.refused = true;
    return { allowed: false, retryAfterMs: Math.max(0, oldest + this.policy.windowMs - now), firstRefusal };
  }

  /** Users currently tracked (for tests and metrics). */
  get size(): number {
    return this.uses.size;
  }

  private sweep(now: number): void {
    for (const [user, entry] of this.uses) if (entry.times.every((t) => now - t >= this.policy.windowMs)) this.uses.delete(user);
  }
}
