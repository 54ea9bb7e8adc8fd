/**
 * From one input, in whichever form it came, to what the ingest command builds an article from:
 * the verbatim paragraphs, the pieces removed and why, and the metadata each part of the input
 * gives, as layers, most trusted first. Choosing among the layers (flags first) is `ingest.ts`'s.
 *
 * | input | paragraphs from | metadata layers |
 * |---|---|---|
 * | plain text | `cleanArticleText` | wire header or dateline, then the text |
 * | HTML page | `extractArticleFromHtml`, then the dateline cut from the first paragraph | page metadata, page address, dateline, the page's own title |
 * | feed item | its page, when fetched; else its content or summary | feed item, then as its page or text |
 * | article file | the file's paragraphs, as they are | its front matter |
 *
 * Every paragraph stays an exact slice of the text it was read from: a dateline is cut at its
 * end offset, never rewritten.
 */
import { parseArticleFile, ArticleFileError } from './article-file.js';
import { cleanArticleText, type CleanOptions, type CleanParagraph, type RemovedPiece } from './clean.js';
import { readDateline } from './dateline.js';
import type { FeedItem } from './feed.js';
import { extractArticleFromHtml } from './html.js';
import { IngestError } from './ingest-error.js';
import { REASON } from './noise-lines.js';

/** Where a layer of metadata comes from, which decides how far it is trusted. */
export type LayerKind =
  /** The command line's flags: always first. */
  | 'flags'
  /** The front matter of an article file: written by a person, ranks with the flags. */
  | 'document'
  /** Page metadata (JSON-LD, Open Graph, `<meta>`), a feed item, the address a page was fetched from. */
  | 'structured'
  /** An agency dateline or a wire header. */
  | 'dateline'
  /** Read from the prose itself (a title line, `ce 17 juin 2025`). */
  | 'text';

/** Metadata fields a layer may give. */
export interface FoundMetadata {
  readonly title?: string;
  /** `YYYY-MM-DD`. */
  readonly published?: string;
  /** The outlet as this layer names it: an id, a short name (`AIP`) or a full name (`Fraternité Matin`). */
  readonly outlet?: string;
  /** Place the report was filed from. */
  readonly dateline?: string;
  readonly url?: string;
  /** Language tag as the layer gives it (`fr`, `fr-FR`). */
  readonly language?: string;
}

/** One layer of metadata and how to say where a value came from. */
export interface MetadataLayer extends FoundMetadata {
  readonly kind: LayerKind;
  /** Shown in notes: `the page metadata`, `the dateline ("Abidjan, 18 juin 2025 (AIP)-")`. */
  readonly from: string;
  /** A note to print instead of `<field> from <from>` when that field of this layer is used. */
  readonly notes?: Partial<Record<keyof FoundMetadata, string>>;
}

/** What one input gives before metadata is chosen. */
export interface ExtractedArticle {
  readonly paragraphs: readonly CleanParagraph[];
  readonly removed: readonly RemovedPiece[];
  readonly warnings: readonly string[];
  /** Most trusted first; the flags go in front of them when the article is built. */
  readonly layers: readonly MetadataLayer[];
  /** Every address the article was read from or declares: duplicates are looked up by each. */
  readonly addresses: readonly string[];
  /** The id of an article file given as input. */
  readonly id?: string;
  /** The `syndication_of` of an article file given as input. */
  readonly syndicationOf?: string;
  /** What reading the input decided that the person should know (`paragraphs read one a line`). */
  readonly notes?: readonly string[];
}

/**
 * Plain text as pasted or saved: cleaned by `clean.ts`. `outletNames` (the outlet given with
 * `--source`) lets cleaning remove a line that is only the outlet's name.
 */
export function extractFromText(raw: string, options: CleanOptions = {}): ExtractedArticle {
  const cleaned = cleanArticleText(raw, options);
  const head = cleaned.removed.find((r) => r.reason === REASON.header || r.reason === REASON.dateline);
  const headFrom = head === undefined ? 'the dateline' : `the ${head.reason === REASON.header ? 'wire header' : 'dateline'} ("${head.text}")`;
  const stated = cleaned.publishedFrom === 'wire header' || cleaned.publishedFrom === 'dateline';
  const layers: MetadataLayer[] = [
    { kind: 'dateline', from: headFrom, outlet: cleaned.source, published: stated ? cleaned.published : undefined, dateline: cleaned.dateline },
    {
      kind: 'text',
      from: cleaned.publishedFrom === 'page date' ? "the text's date line" : 'the text',
      title: cleaned.title,
      published: stated ? undefined : cleaned.published,
      notes: cleaned.publishedInferredFrom === undefined ? {} : { published: `date inferred from the text: "${cleaned.publishedInferredFrom}"` },
    },
  ];
  const notes = cleaned.lineMode === 'single-newline' ? ['paragraphs read one a line (the text has no blank lines between them)'] : [];
  return { paragraphs: cleaned.paragraphs, removed: cleaned.removed, warnings: cleaned.warnings, layers, addresses: [], notes };
}

/**
 * An HTML page (saved or fetched). `pageUrl` is where it was fetched from: it resolves relative
 * links, and its host can name the outlet.
 *
 * @throws {IngestError} when the page holds no article text.
 */
export function extractFromHtml(html: string, origin: string, pageUrl?: string): ExtractedArticle {
  const page = extractArticleFromHtml(html, pageUrl);
  if (page.paragraphs.length === 0) {
    throw new IngestError(`${origin}: no article found in the page (${page.removed.length} pieces removed); if it is an index or a video page, give the article's own address`);
  }
  const { paragraphs, removed, layer } = cutDateline(page.paragraphs, page.removed);
  const { meta } = page;
  const layers: MetadataLayer[] = [
    { kind: 'structured', from: 'the page metadata', title: meta.title, published: meta.published, outlet: meta.outlet, url: meta.canonicalUrl, language: meta.language },
    ...(pageUrl === undefined ? [] : [{ kind: 'structured' as const, from: 'the address it was fetched from', url: pageUrl }]),
    ...(layer ? [layer] : []),
    { kind: 'text', from: "the page's headline", title: page.title },
  ];
  const addresses = [pageUrl, meta.canonicalUrl].filter((u): u is string => u !== undefined);
  return { paragraphs, removed, warnings: [], layers, addresses };
}

/**
 * Paragraphs a dateline may open: the first, or the second when a newspaper put its own
 * standfirst (chapô) above the agency's dispatch. A dateline's shape is strict enough
 * (`dateline.ts`) for prose further down never to be taken for one, but only the head is looked at.
 */
const DATELINE_PARAGRAPHS = 2;

/**
 * The agency dateline at the head of the article (`Abidjan, 18 juin 2025 (AIP)- `): cut off,
 * kept as a removed piece, and read into a layer. A paragraph that is only a dateline is dropped.
 */
function cutDateline(paragraphs: readonly CleanParagraph[], removed: readonly RemovedPiece[]): { paragraphs: CleanParagraph[]; removed: RemovedPiece[]; layer?: MetadataLayer } {
  for (const [i, p] of paragraphs.slice(0, DATELINE_PARAGRAPHS).entries()) {
    const found = readDateline(p.text);
    if (found === undefined) continue;
    const lead = p.text.slice(found.end).trim();
    const kept = [...paragraphs.slice(0, i), ...(lead === '' ? [] : [{ ...p, text: lead }]), ...paragraphs.slice(i + 1)];
    const layer: MetadataLayer = { kind: 'dateline', from: `the dateline ("${found.text}")`, published: found.date, outlet: found.agency, dateline: found.place };
    return { paragraphs: kept, removed: [{ text: found.text, reason: REASON.dateline }, ...removed], layer };
  }
  return { paragraphs: [...paragraphs], removed: [...removed] };
}

/** Tags that say a feed summary is markup (RSS descriptions are HTML as often as text). */
const MARKUP = /<\/?(?:p|div|br|h[1-6]|article|section|span|a|em|strong|ul|li)\b/i;

/** The item's own fields, as the layer in front of its page's or its content's. */
export function feedItemLayer(item: FeedItem): MetadataLayer {
  return { kind: 'structured', from: 'the feed item', title: item.title, published: item.published, url: item.link };
}

/**
 * A feed item without a fetched page: its content (or summary), as HTML when it is markup, else
 * as plain text.
 *
 * @throws {IngestError} when the item has neither.
 */
export function extractFromFeedItem(item: FeedItem, origin: string): ExtractedArticle {
  const body = item.content ?? item.summary;
  if (body === undefined || body.trim() === '') throw new IngestError(`${origin}: the item has no content or summary, and its page was not fetched`);
  const isHtml = item.content !== undefined ? item.contentFormat !== 'text' : MARKUP.test(body);
  const inner = isHtml
    ? extractFromHtml(`<!doctype html><html><body><article>${body}</article></body></html>`, origin)
    : extractFromText(body);
  return { ...inner, layers: [feedItemLayer(item), ...inner.layers], addresses: item.link === undefined ? inner.addresses : [item.link, ...inner.addresses] };
}

/**
 * A file already in the project's article format (`data/articles/*.md` of another corpus): kept
 * as it is, its front matter ranking just after the flags.
 *
 * @throws {IngestError} naming the field when the file does not validate.
 */
export function extractFromArticleFile(text: string, origin: string): ExtractedArticle {
  let doc;
  try {
    doc = parseArticleFile(text);
  } catch (error) {
    if (error instanceof ArticleFileError) throw new IngestError(`${origin}: ${error.message}`);
    throw error;
  }
  const { meta } = doc;
  const layer: MetadataLayer = {
    kind: 'document',
    from: "the file's front matter",
    title: meta.title,
    published: meta.published,
    outlet: meta.source,
    dateline: meta.dateline,
    url: meta.url,
    language: meta.language,
  };
  const paragraphs = doc.paragraphs.map(({ text, heading }) => (heading === undefined ? { text } : { text, heading }));
  return { paragraphs, removed: [], warnings: [], layers: [layer], addresses: meta.url === undefined ? [] : [meta.url], id: meta.id, syndicationOf: meta.syndication_of };
}
