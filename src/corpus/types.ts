/**
 * The corpus as the engine sees it: plain, validated, read-only data.
 *
 * Files on disk (`data/sources.yaml`, `data/aliases.yaml`, `data/articles/*.md`) are parsed and
 * validated by `src/corpus/load.ts` into these shapes; nothing downstream touches the file system.
 */

/** One outlet: who publishes the articles we cite. */
export interface Source {
  /** Stable identifier used by article files, e.g. `afp`, `rt-fr`. */
  readonly id: string;
  /** Full display name, e.g. `Agence France-Presse`. */
  readonly name: string;
  /** Short name used in citations, e.g. `AFP`, `RT`. */
  readonly short: string;
  /** What kind of outlet it is, in neutral factual words (e.g. `wire agency`). */
  readonly kind: string;
  /** Who owns or controls it, in neutral factual words. */
  readonly ownership: string;
  /** Embed colour as `#RRGGBB`. */
  readonly color: string;
  /** Home page, when known. */
  readonly url?: string;
}

/** One paragraph of an article, verbatim. */
export interface Paragraph {
  /** 1-based position among the article's paragraphs (headings are not counted). */
  readonly n: number;
  /** The paragraph's text exactly as published. */
  readonly text: string;
  /** The subheading this paragraph sits under, if any. */
  readonly heading?: string;
}

/** One article: metadata from its front matter and its verbatim paragraphs. */
export interface Article {
  /** Stable identifier, unique across the corpus (also the file name without `.md`). */
  readonly id: string;
  /** Id of the {@link Source} that published it. */
  readonly source: string;
  readonly title: string;
  /** Publication date as ISO `YYYY-MM-DD`. */
  readonly published: string;
  /** BCP 47 language tag of the text, e.g. `fr`. */
  readonly language: string;
  readonly url?: string;
  /** Place the report was filed from, when the wire header gives it. */
  readonly dateline?: string;
  /**
   * The id of the article whose text this one republishes (a wire dispatch on a newspaper's
   * site), recorded by ingest: the two are one text, counted once by `/compare`.
   */
  readonly syndication_of?: string;
  readonly paragraphs: readonly Paragraph[];
  /**
   * Path of the file it was loaded from, relative to the data directory (for error messages); for
   * an article a server's moderators published, `server:<guild id>/<article id>` (see
   * {@link collectionOf}).
   */
  readonly file: string;
}

/** The prefix of {@link Article.file} for an article published into a server's collection. */
export const SERVER_FILE_PREFIX = 'server:';

/** Which collection an article belongs to: the operator's shared files, or a server's own. */
export function collectionOf(article: Pick<Article, 'file'>): 'shared' | 'server' {
  return article.file.startsWith(SERVER_FILE_PREFIX) ? 'server' : 'shared';
}

/**
 * A group of spellings that name the same person or place, e.g. `["Choïgou", "Shoigu"]`.
 * The first entry is the preferred display form.
 */
export type AliasGroup = readonly string[];

/**
 * Nouns that count the same thing, e.g. `["sapeurs", "soldats du génie", "démineurs"]`: a figure
 * counted with one is compared with a figure counted with another. The first is the display form.
 */
export type CountedNounGroup = readonly string[];

export type { Country } from '../text/parties.js';
import type { Country } from '../text/parties.js';

/** Everything the engine answers from. */
export interface Corpus {
  readonly sources: readonly Source[];
  readonly articles: readonly Article[];
  readonly aliases: readonly AliasGroup[];
  /** From `counted.yaml` (optional): which counted nouns name the same thing. */
  readonly counted?: readonly CountedNounGroup[];
  /** From `countries.yaml` (optional): countries the built-in list lacks or names otherwise. */
  readonly countries?: readonly Country[];
}
