/**
 * Snowflakes and shard arithmetic (reference/snowflakes, events/gateway "sharding").
 */
import { randomBytes } from 'node:crypto';
import { DISCORD_EPOCH_MS } from './constants.js';

let increment = 0n;

/** A fresh snowflake for "now" (unique within this process). */
export function snowflake(atMs: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return ((BigInt(atMs - DISCORD_EPOCH_MS) << 22n) | (1n << 17n) | (1n << 12n) | increment).toString();
}

/** The ms timestamp a snowflake encodes. */
export function snowflakeTime(id: string): number {
  return Number(BigInt(id) >> 22n) + DISCORD_EPOCH_MS;
}

/** The shard that receives a guild's events: `(guild_id >> 22) % shard_count`. */
export function shardForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(Math.max(1, shardCount)));
}

/**
 * A deterministic guild id that lands on `shardId` when the bot runs `shardCount` shards;
 * `salt` (0, 1, ...) gives distinct ids for the same shard.
 */
export function guildIdForShard(shardId: number, shardCount: number, salt = 0): string {
  if (!Number.isInteger(shardId) || shardId < 0 || shardId >= shardCount) {
    throw new RangeError(`DiscordDouble: shard ${shardId} is not in [0, ${shardCount})`);
  }
  // A timestamp in 2024, moved forward to the next value congruent to shardId.
  let t = BigInt(Date.UTC(2024, 0, 1) - DISCORD_EPOCH_MS) + BigInt(salt * shardCount);
  const count = BigInt(shardCount);
  t += (BigInt(shardId) - (t % count) + count) % count;
  return ((t << 22n) | 7n).toString();
}

/** An interaction or session token: random, URL-safe, roughly as long as Discord's. */
export function randomToken(bytes = 48): string {
  return randomBytes(bytes).toString('base64url');
}
