/**
 * The living corpus's first schema. Every row belongs to one server (`guild_id`); an article's
 * paragraphs are rows of their own, so that a half-written article cannot exist: they are written
 * in the article's transaction and go with it (`ON DELETE CASCADE`).
 */
export const LIVING_CORPUS = `
CREATE TABLE collections (
  guild_id   text PRIMARY KEY,
  created_at timestamptz NOT NULL
);

CREATE TABLE sources (
  guild_id      text NOT NULL REFERENCES collections (guild_id) ON DELETE CASCADE,
  id            text NOT NULL,
  name          text NOT NULL,
  short         text NOT NULL,
  kind          text NOT NULL,
  ownership     text NOT NULL,
  color         text NOT NULL,
  url           text,
  added_by_id   text NOT NULL,
  added_by_name text NOT NULL,
  added_at      timestamptz NOT NULL,
  -- Added order, for a stable listing when two outlets share a time.
  seq           bigint GENERATED ALWAYS AS IDENTITY,
  CONSTRAINT sources_pkey PRIMARY KEY (guild_id, id)
);

CREATE TABLE articles (
  guild_id          text NOT NULL REFERENCES collections (guild_id) ON DELETE CASCADE,
  id                text NOT NULL,
  source            text NOT NULL,
  title             text NOT NULL,
  published         text NOT NULL,
  language          text NOT NULL,
  url               text,
  dateline          text,
  syndication_of    text,
  file              text NOT NULL,
  published_by_id   text NOT NULL,
  published_by_name text NOT NULL,
  published_at      timestamptz NOT NULL,
  -- Publication order, for "newest first" when two articles share a time.
  seq               bigint GENERATED ALWAYS AS IDENTITY,
  CONSTRAINT articles_pkey PRIMARY KEY (guild_id, id)
);

CREATE TABLE paragraphs (
  guild_id   text NOT NULL,
  article_id text NOT NULL,
  n          integer NOT NULL,
  heading    text,
  text       text NOT NULL,
  PRIMARY KEY (guild_id, article_id, n),
  FOREIGN KEY (guild_id, article_id) REFERENCES articles (guild_id, id) ON DELETE CASCADE
);

CREATE TABLE drafts (
  guild_id        text NOT NULL,
  id              text NOT NULL,
  article         jsonb NOT NULL,
  preview         jsonb,
  created_by_id   text NOT NULL,
  created_by_name text NOT NULL,
  created_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  PRIMARY KEY (guild_id, id)
);
CREATE INDEX drafts_expires_at ON drafts (expires_at);

CREATE TABLE changes (
  id       bigserial PRIMARY KEY,
  guild_id text NOT NULL,
  kind     text NOT NULL CHECK (kind IN ('article-published', 'article-removed', 'source-added')),
  target   text NOT NULL,
  at       timestamptz NOT NULL
);

CREATE TABLE audit (
  id         bigserial PRIMARY KEY,
  guild_id   text NOT NULL,
  actor_id   text NOT NULL,
  actor_name text NOT NULL,
  at         timestamptz NOT NULL,
  action     text NOT NULL,
  target     text NOT NULL,
  before     jsonb,
  after      jsonb
);
CREATE INDEX audit_by_guild ON audit (guild_id, id DESC);
`;
