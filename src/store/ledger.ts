/**
 * What every write adds inside its own transaction: the server's collection (created on its first
 * write), the audit entry, and the change row with its notification. Kept together so that no
 * write can forget one of them.
 */
import type { SqlQueryable } from './executor.js';
import { changeOf, type ChangeRow } from './rows.js';
import type { AuditEntry, Change, ChangeKind } from './types.js';

/** The channel every process listens on; the payload is the change's id (followers read the log anyway). */
export const CHANGES_CHANNEL = 'recoupe_changes';

/**
 * Taken just before a change row is inserted and held to commit. A `bigserial` id is drawn at
 * insert, not at commit: without this, change 5 could commit before change 4, and a follower that
 * read up to 5 would never see 4. Serialising the end of the writes makes ids grow in commit order.
 */
const CHANGE_ORDER_LOCK = 0x63686e67;

/** JSON for a `jsonb` column, passed as text so both drivers send it alike; `NULL` for none. */
export const asJson = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

export async function ensureCollection(tx: SqlQueryable, guildId: string, at: string): Promise<void> {
  await tx.query('INSERT INTO collections (guild_id, created_at) VALUES ($1, $2::timestamptz) ON CONFLICT (guild_id) DO NOTHING', [guildId, at]);
}

/** One audit entry to write: who did `action` to `target`, with the state before and after (its id comes from the database). */
export type AuditFacts = Omit<AuditEntry, 'id'>;

export async function recordAudit(tx: SqlQueryable, facts: AuditFacts): Promise<void> {
  await tx.query(
    `INSERT INTO audit (guild_id, actor_id, actor_name, at, action, target, before, after)
     VALUES ($1, $2, $3, $4::timestamptz, $5, $6, $7::text::jsonb, $8::text::jsonb)`,
    [facts.guildId, facts.actor.id, facts.actor.name, facts.at, facts.action, facts.target, asJson(facts.before), asJson(facts.after)],
  );
}

/** Appends to the change log and notifies; PostgreSQL delivers the notification at commit, never for a rollback. */
export async function recordChange(tx: SqlQueryable, guildId: string, kind: ChangeKind, target: string, at: string): Promise<Change> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [CHANGE_ORDER_LOCK]);
  const [row] = await tx.query<ChangeRow>('INSERT INTO changes (guild_id, kind, target, at) VALUES ($1, $2, $3, $4::timestamptz) RETURNING id, guild_id, kind, target, at', [guildId, kind, target, at]);
  const change = changeOf(row!);
  await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, String(change.id)]);
  return change;
}
