/**
 * What members say of the answers, for the moderators' `/gaps`: one vote per member per answer
 * (changeable: the row is replaced), and every question answered "no evidence". Neither belongs
 * to a server's collection (a DM's votes are the shared collection's, `guild_id` ''), so neither
 * references `collections`.
 */
export const FEEDBACK = `
CREATE TABLE answer_votes (
  -- The answer message's id: one answer, whatever page it shows now.
  answer_id  text NOT NULL,
  user_id    text NOT NULL,
  guild_id   text NOT NULL,
  command    text NOT NULL,
  query      text NOT NULL,
  -- The excerpts the answer showed when voted on: article, paragraph, offsets.
  excerpts   jsonb NOT NULL,
  vote       smallint NOT NULL CHECK (vote IN (-1, 1)),
  voted_at   timestamptz NOT NULL,
  CONSTRAINT answer_votes_pkey PRIMARY KEY (answer_id, user_id)
);
CREATE INDEX answer_votes_by_guild ON answer_votes (guild_id, answer_id);

CREATE TABLE unanswered_questions (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  guild_id   text NOT NULL,
  command    text NOT NULL,
  query      text NOT NULL,
  -- The query as compared: the same question typed with other capitals or spaces counts once.
  normalized text NOT NULL,
  asked_at   timestamptz NOT NULL
);
CREATE INDEX unanswered_questions_by_guild ON unanswered_questions (guild_id, command, normalized);
`;
