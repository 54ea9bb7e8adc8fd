/**
 * Votes on answers and unanswered questions, in SQL: the same statements for PGlite and for a
 * PostgreSQL server. A vote is one upsert keyed by answer and member, so that a member changing
 * their mind replaces their vote and two presses at once leave one row.
 */
import type { SqlExecutor } from './executor.js';
import type { AnswerVote, Gaps, UnansweredQuestion, VotedExcerpt, VoteOutcome } from './types.js';

/** Questions and answers `gaps` lists of each, by default. */
export const DEFAULT_GAPS_LIMIT = 10;

/** How two spellings of one question compare: Unicode-composed, lower-case, spaces collapsed. */
function normalizedQuery(query: string): string {
  return query.normalize('NFC').toLocaleLowerCase('fr').replace(/\s+/gu, ' ').trim();
}

/** The feedback methods of the store over `db`; `now` is the store's clock, as ISO text. */
export function feedbackMethods(db: SqlExecutor, now: () => string) {
  return {
    recordVote: (vote: AnswerVote): Promise<VoteOutcome> =>
      db.transaction(async (tx) => {
        // The earlier vote, read under its row lock, tells a first vote, a change and the same vote again apart.
        const [before] = await tx.query<{ vote: number }>('SELECT vote FROM answer_votes WHERE answer_id = $1 AND user_id = $2 FOR UPDATE', [vote.answerId, vote.userId]);
        await tx.query(
          `INSERT INTO answer_votes (answer_id, user_id, guild_id, command, query, excerpts, vote, voted_at)
           VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8::timestamptz)
           ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = EXCLUDED.vote, voted_at = EXCLUDED.voted_at, excerpts = EXCLUDED.excerpts`,
          [vote.answerId, vote.userId, vote.guildId, vote.command, vote.query, JSON.stringify(vote.excerpts), vote.vote, now()],
        );
        return before === undefined ? 'recorded' : Number(before.vote) === vote.vote ? 'unchanged' : 'changed';
      }),

    async recordUnanswered(question: UnansweredQuestion): Promise<void> {
      await db.query('INSERT INTO unanswered_questions (guild_id, command, query, normalized, asked_at) VALUES ($1, $2, $3, $4, $5::timestamptz)', [
        question.guildId,
        question.command,
        question.query,
        normalizedQuery(question.query),
        now(),
      ]);
    },

    gaps: (guildId: string, limit = DEFAULT_GAPS_LIMIT): Promise<Gaps> =>
      db.transaction(async (tx) => {
        await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        const unanswered = await tx.query<{ command: string; query: string; count: number | string; last_asked_at: Date | string }>(
          `SELECT command,
                  (array_agg(query ORDER BY asked_at DESC, id DESC))[1] AS query,
                  count(*) AS count,
                  max(asked_at) AS last_asked_at
           FROM unanswered_questions WHERE guild_id = $1
           GROUP BY command, normalized
           ORDER BY count(*) DESC, max(asked_at) DESC, command, normalized
           LIMIT $2`,
          [guildId, limit],
        );
        const voted = await tx.query<{ answer_id: string; command: string; query: string; excerpts: VotedExcerpt[] | string; up: number | string; down: number | string }>(
          `SELECT answer_id,
                  (array_agg(command ORDER BY voted_at DESC))[1] AS command,
                  (array_agg(query ORDER BY voted_at DESC))[1] AS query,
                  (array_agg(excerpts ORDER BY voted_at DESC))[1] AS excerpts,
                  count(*) FILTER (WHERE vote = 1) AS up,
                  count(*) FILTER (WHERE vote = -1) AS down
           FROM answer_votes WHERE guild_id = $1
           GROUP BY answer_id
           HAVING count(*) FILTER (WHERE vote = -1) > 0
           ORDER BY count(*) FILTER (WHERE vote = -1) DESC, count(*) FILTER (WHERE vote = 1), answer_id DESC
           LIMIT $2`,
          [guildId, limit],
        );
        return {
          unanswered: unanswered.map((r) => ({ command: r.command, query: r.query, count: Number(r.count), lastAskedAt: new Date(r.last_asked_at).toISOString() })),
          downVoted: voted.map((r) => ({
            answerId: r.answer_id,
            command: r.command,
            query: r.query,
            excerpts: typeof r.excerpts === 'string' ? (JSON.parse(r.excerpts) as VotedExcerpt[]) : r.excerpts,
            up: Number(r.up),
            down: Number(r.down),
          })),
        };
      }),
  };
}
