/**
 * The store's rows read back into the corpus's shapes. Optional fields absent from a row (SQL
 * `NULL`) are left out, not set to `undefined`, so an article read back equals the one written.
 * Ids are `bigint` columns, which node-postgres gives as strings and PGlite as numbers: both go
 * through `Number`.
 */
import type { Article, Paragraph, Source } from '../corpus/types.js';
import type { AuditEntry, Change, ChangeKind, StoredArticle, StoredDraft, StoredSource } from './types.js';

/** Columns of `articles` plus `paragraphs`, the JSON list the article query aggregates. */
export interface ArticleRow {
  guild_id: string;
  id: string;
  source: string;
  title: string;
  published: string;
  language: string;
  url: string | null;
  dateline: string | null;
  syndication_of: string | null;
  file: string;
  published_by_id: string;
  published_by_name: string;
  published_at: Date | string;
  paragraphs: { n: number; heading: string | null; text: string }[];
}

export interface SourceRow {
  guild_id: string;
  id: string;
  name: string;
  short: string;
  kind: string;
  ownership: string;
  color: string;
  url: string | null;
  added_by_id: string;
  added_by_name: string;
  added_at: Date | string;
}

export interface DraftRow {
  guild_id: string;
  id: string;
  article: Article;
  preview: unknown;
  created_by_id: string;
  created_by_name: string;
  created_at: Date | string;
  expires_at: Date | string;
}

export interface ChangeRow {
  id: number | string;
  guild_id: string;
  kind: ChangeKind;
  target: string;
  at: Date | string;
}

export interface AuditRow {
  id: number | string;
  guild_id: string;
  actor_id: string;
  actor_name: string;
  at: Date | string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

/** ISO time of a `timestamptz` value. */
export const isoTime = (value: Date | string): string => new Date(value).toISOString();

/** `{ key: value }` when the value is present, `{}` for `NULL`. */
const present = <K extends string>(key: K, value: string | null): { [P in K]?: string } => (value === null ? {} : ({ [key]: value } as { [P in K]: string }));

/** The article as the corpus knows it, paragraphs in order. */
export function articleOf(row: ArticleRow): Article {
  const paragraphs: Paragraph[] = [...row.paragraphs].sort((a, b) => a.n - b.n).map((p) => ({ n: p.n, text: p.text, ...present('heading', p.heading) }));
  return {
    id: row.id,
    source: row.source,
    title: row.title,
    published: row.published,
    language: row.language,
    ...present('url', row.url),
    ...present('dateline', row.dateline),
    ...present('syndication_of', row.syndication_of),
    paragraphs,
    file: row.file,
  };
}

export const storedArticleOf = (row: ArticleRow): StoredArticle => ({
  guildId: row.guild_id,
  article: articleOf(row),
  publishedBy: { id: row.published_by_id, name: row.published_by_name },
  publishedAt: isoTime(row.published_at),
});

export function sourceOf(row: SourceRow): Source {
  return { id: row.id, name: row.name, short: row.short, kind: row.kind, ownership: row.ownership, color: row.color, ...present('url', row.url) };
}

export const storedSourceOf = (row: SourceRow): StoredSource => ({
  guildId: row.guild_id,
  source: sourceOf(row),
  addedBy: { id: row.added_by_id, name: row.added_by_name },
  addedAt: isoTime(row.added_at),
});

export const draftOf = (row: DraftRow): StoredDraft => ({
  id: row.id,
  guildId: row.guild_id,
  article: row.article,
  preview: row.preview,
  createdBy: { id: row.created_by_id, name: row.created_by_name },
  createdAt: isoTime(row.created_at),
  expiresAt: isoTime(row.expires_at),
});

export const changeOf = (row: ChangeRow): Change => ({ id: Number(row.id), guildId: row.guild_id, kind: row.kind, target: row.target, at: isoTime(row.at) });

export const auditOf = (row: AuditRow): AuditEntry => ({
  id: Number(row.id),
  guildId: row.guild_id,
  actor: { id: row.actor_id, name: row.actor_name },
  at: isoTime(row.at),
  action: row.action,
  target: row.target,
  before: row.before,
  after: row.after,
});
