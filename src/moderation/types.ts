/**
 * What moderators can do to their server's collection, as plain data: the contract between the
 * moderation service (`service.ts`) and the surfaces that offer it (Discord's `/article` and
 * `/source` commands). Nothing here knows Discord.
 */
import type { RemovedPiece } from '../corpus/clean.js';
import type { Source } from '../corpus/types.js';
import type { Gaps } from '../store/types.js';

/** Who acted: a Discord user id and the name shown in `/article list` and the audit log. */
export interface Actor {
  readonly id: string;
  readonly name: string;
}

/**
 * Details the moderator typed with the input (the `/article add` options `title`, `outlet`, `date`,
 * or the paste modal's fields): each overrides what the input says. Without them, an input that
 * names no title, outlet or date is refused with `bad-input` or `unknown-outlet` saying which
 * option to give; a missing date alone is not refused (today's date, with a warning).
 */
export interface InputDetails {
  readonly title?: string;
  /** An outlet's id, short name or name (shared collection or this server's). */
  readonly outlet?: string;
  /** `YYYY-MM-DD`, or a French or English date (`17 juin 2025`). */
  readonly published?: string;
}

/** What a moderator gives to make an article from. */
export type ArticleInput = InputDetails &
  (
    /** An attachment already downloaded (the surface checks host, size and type before reading). */
    | { readonly kind: 'file'; readonly name: string; readonly contentType?: string; readonly bytes: Uint8Array }
    /** A page address, fetched through the guarded client (a feed address is refused: one article at a time). */
    | { readonly kind: 'url'; readonly url: string }
    /** Pasted text. */
    | { readonly kind: 'text'; readonly text: string }
  );

/** One piece cleaning removed, as the preview lists it: the ingest's own record of it (why, and the text verbatim). */
export type RemovedSummary = RemovedPiece;

/** An article already in a collection that the draft repeats or republishes. */
export interface RelatedArticle {
  readonly articleId: string;
  readonly title: string;
  readonly outlet: string;
  /** `shared`: the operator's files; `server`: this server's collection. */
  readonly collection: 'shared' | 'server';
}

/** What the moderator sees before publishing: nothing is answerable until Publish. */
export interface DraftPreview {
  readonly draftId: string;
  readonly guildId: string;
  /** The id the article will be published under (it may change if another article takes it first). */
  readonly articleId: string;
  readonly title: string;
  /** The outlet the article will be filed under (`Source.short`, id and name). */
  readonly outlet: { readonly id: string; readonly short: string; readonly name: string };
  /** `YYYY-MM-DD`. */
  readonly published: string;
  /** BCP 47 tag (`fr`, `en`). */
  readonly language: string;
  readonly paragraphCount: number;
  /** The first paragraphs, verbatim (at most 3). */
  readonly firstParagraphs: readonly string[];
  /** What cleaning removed. */
  readonly removed: readonly RemovedSummary[];
  /** Where each detail came from (`date from the dateline`). */
  readonly notes: readonly string[];
  /** What a person should check (`no date found: today's date used`). */
  readonly warnings: readonly string[];
  /** The same article already in the shared collection or this server's: Publish is refused. */
  readonly duplicate?: RelatedArticle & { readonly kind: 'same-url' | 'same-text' };
  /** The article republishes this one (a wire dispatch on a newspaper's site): published as such. */
  readonly syndicationOf?: RelatedArticle;
  /** ISO time after which the draft is gone. */
  readonly expiresAt: string;
}

/** The details a moderator may correct before publishing (`Edit details`). */
export interface DetailsEdit {
  readonly title?: string;
  /** `YYYY-MM-DD`, or a French or English date (`17 juin 2025`). */
  readonly published?: string;
  /** An outlet's id, short name or name, among the shared collection's and this server's. */
  readonly outlet?: string;
}

/** A published article, as `/article list` shows it. */
export interface ArticleListing {
  readonly articleId: string;
  readonly title: string;
  readonly outlet: string;
  readonly published: string;
  readonly paragraphCount: number;
  readonly publishedBy: Actor;
  /** ISO time. */
  readonly publishedAt: string;
}

/** What `/source add` asks: an outlet without its id (made from the short name). */
export type NewSourceFields = Omit<Source, 'id'>;

/** An outlet and the collection it belongs to. */
export type ListedSource = Source & { readonly collection: 'shared' | 'server' };

/** Why a moderator's action was refused: a stable code, and the value concerned (never a secret). */
export type ModerationErrorCode =
  | 'draft-not-found'
  | 'duplicate'
  | 'unknown-article'
  | 'unknown-outlet'
  | 'bad-date'
  | 'bad-input'
  | 'fetch-failed'
  | 'too-large'
  | 'bad-type'
  | 'empty'
  | 'source-exists'
  | 'bad-source'
  | 'storage-failed';

/** A refused moderator action; `detail` is what to show after the localised message. */
export class ModerationError extends Error {
  constructor(
    readonly code: ModerationErrorCode,
    readonly detail?: string,
  ) {
    super(`moderation: ${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'ModerationError';
  }
}

/** Everything a moderator can do, per server. Every method that changes something writes the audit log. */
export interface ModerationService {
  /** Reads, cleans and checks an input into a draft. Throws {@link ModerationError}. */
  preview(guildId: string, input: ArticleInput, actor: Actor): Promise<DraftPreview>;
  /** The draft again with corrected details. */
  editDraft(guildId: string, draftId: string, edit: DetailsEdit, actor: Actor): Promise<DraftPreview>;
  /** Drops a draft (nothing was published). */
  cancelDraft(guildId: string, draftId: string, actor: Actor): Promise<void>;
  /** Publishes a draft in one transaction; resolves once this process answers from it. */
  publish(guildId: string, draftId: string, actor: Actor): Promise<ArticleListing>;
  /** Removes one of the server's articles; resolves once this process no longer answers from it. */
  remove(guildId: string, articleId: string, actor: Actor): Promise<ArticleListing>;
  /** The server's published articles, newest first. */
  articles(guildId: string): Promise<readonly ArticleListing[]>;
  /** The server's articles whose title or id holds the typed text, for autocomplete: fast, from memory. */
  completeArticles(guildId: string, typed: string, limit: number): readonly { readonly articleId: string; readonly title: string }[];
  /** Adds an outlet to the server's collection. */
  addSource(guildId: string, fields: NewSourceFields, actor: Actor): Promise<ListedSource>;
  /** The outlets articles may be filed under in this server: the shared ones, then the server's. */
  sources(guildId: string): Promise<readonly ListedSource[]>;
  /** What the server's members asked and got no evidence for, and the answers they voted down, most first. */
  gaps(guildId: string): Promise<Gaps>;
}
