/**
 * Reads the input of `npm run ingest -- INPUT` (a file, `-` for standard input, or an http(s)
 * URL), detects its form and extracts the article, or one article per item for a feed. Every
 * input's bytes go through `decode.ts` (encodings detected, binary and oversized input refused)
 * and every fetch through `fetch.ts` (time, size, redirect and address limits).
 *
 * A feed item's page is fetched when the item has a link (unless `fetchItems` is off): the page
 * holds the article, the feed often only a teaser. An item whose page cannot be fetched fails on
 * its own, with the reason; it never falls back to the teaser silently.
 */
import { DecodeError, decodeInputWithEncoding, MAX_INPUT_BYTES, readInputFile, type InputEncoding } from './decode.js';
import { extractFromArticleFile, extractFromFeedItem, extractFromHtml, extractFromText, feedItemLayer, type ExtractedArticle } from './extract.js';
import { FeedParseError, parseFeed, type FeedItem } from './feed.js';
import { FetchError, fetchUrl } from './fetch.js';
import { detectFormat, type InputFormat } from './input-format.js';
import { IngestError } from './ingest-error.js';

/** The input named on the command line. */
export type InputSpec =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'stdin' }
  /** `path` is what is read, `shown` what messages call it. */
  | { readonly kind: 'file'; readonly path: string; readonly shown: string };

/** What reading needs from the process. */
export interface InputContext {
  /** `RECOUPE_FETCH_ALLOW` is read from it (a test-only allow-list of hosts). */
  readonly env: NodeJS.ProcessEnv;
  readonly stdin: AsyncIterable<Buffer | string>;
  /** Fetch each feed item's page (default); off: build items from the feed's own content. */
  readonly fetchItems: boolean;
  /** Names of the outlet given on the command line: in plain text, a line that is only one is removed. */
  readonly outletNames?: readonly string[];
}

/** One article to build: extracted, or the reason it could not be. */
export type InputArticle =
  | { readonly origin: string; readonly extracted: ExtractedArticle }
  | { readonly origin: string; readonly error: IngestError };

/** The input as read. */
export interface ReadInput {
  /** How messages name it: the path, `standard input`, or the URL. */
  readonly origin: string;
  readonly format: InputFormat;
  readonly encoding: InputEncoding;
  /** One for a page, a text or an article file; one per item for a feed (possibly none). */
  readonly articles: readonly InputArticle[];
}

/** An http(s) URL, as opposed to a file name. */
export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/**
 * Reads, decodes and extracts one input.
 *
 * @throws {IngestError} when the input itself cannot be read, decoded, fetched or parsed (a feed
 *   item's failure is in its {@link InputArticle} instead).
 */
export async function readInput(spec: InputSpec, context: InputContext): Promise<ReadInput> {
  const { origin, text, encoding, contentType, pageUrl } = await readText(spec, context);
  const format = detectFormat(text, contentType);
  const articles = format === 'feed' ? await feedArticles(text, origin, pageUrl, context) : [extractOne(format, text, origin, pageUrl, context)];
  return { origin, format, encoding, articles };
}

interface ReadText {
  readonly origin: string;
  readonly text: string;
  readonly encoding: InputEncoding;
  readonly contentType?: string;
  /** The address after redirects, for a fetched input. */
  readonly pageUrl?: string;
}

async function readText(spec: InputSpec, context: InputContext): Promise<ReadText> {
  try {
    if (spec.kind === 'file') return { origin: spec.shown, ...(await readInputFile(spec.path)) };
    if (spec.kind === 'stdin') {
      const origin = 'standard input';
      return { origin, ...decodeInputWithEncoding(await readCapped(context.stdin, origin), origin) };
    }
    const fetched = await fetchUrl(spec.url, { env: context.env });
    return { origin: spec.url, ...decodeInputWithEncoding(fetched.bytes, spec.url), contentType: fetched.contentType, pageUrl: fetched.finalUrl };
  } catch (error) {
    if (error instanceof DecodeError || error instanceof FetchError) throw new IngestError(error.message);
    throw error;
  }
}

/** Standard input, refused as soon as it passes the size cap rather than read to its end. */
async function readCapped(stream: AsyncIterable<Buffer | string>, origin: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    if (size > MAX_INPUT_BYTES) throw new DecodeError('too-large', `${origin}: more than the ${MAX_INPUT_BYTES} bytes allowed; refusing to read further`);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

function extractOne(format: Exclude<InputFormat, 'feed'>, text: string, origin: string, pageUrl: string | undefined, context: InputContext): InputArticle {
  try {
    if (format === 'article-file') return { origin, extracted: extractFromArticleFile(text, origin) };
    if (format === 'html') return { origin, extracted: extractFromHtml(text, origin, pageUrl) };
    return { origin, extracted: extractFromText(text, { outletNames: context.outletNames }) };
  } catch (error) {
    if (error instanceof IngestError) return { origin, error };
    throw error;
  }
}

async function feedArticles(text: string, origin: string, feedUrl: string | undefined, context: InputContext): Promise<InputArticle[]> {
  let items: FeedItem[];
  try {
    items = parseFeed(text);
  } catch (error) {
    if (error instanceof FeedParseError) throw new IngestError(`${origin}: ${error.message}`);
    throw error;
  }
  const out: InputArticle[] = [];
  // One at a time: a feed is a few dozen items, and a site should not get them all at once.
  for (const [i, raw] of items.entries()) {
    const item = withAbsoluteLink(raw, feedUrl);
    const itemOrigin = `${origin} item ${i + 1}${item.link ? ` (${item.link})` : ''}`;
    out.push(await feedArticle(item, itemOrigin, context));
  }
  return out;
}

async function feedArticle(item: FeedItem, origin: string, context: InputContext): Promise<InputArticle> {
  try {
    if (item.link === undefined || !context.fetchItems) return { origin, extracted: extractFromFeedItem(item, origin) };
    const page = await fetchItemPage(item.link, origin, context);
    const format = detectFormat(page.text, page.contentType);
    if (format !== 'html') throw new IngestError(`${origin}: the item's link is not an HTML page (read as ${format}); pass --no-fetch to use the feed's own content`);
    const extracted = extractFromHtml(page.text, origin, page.finalUrl);
    const addresses = [...new Set([item.link, ...extracted.addresses])];
    return { origin, extracted: { ...extracted, layers: [feedItemLayer(item), ...extracted.layers], addresses } };
  } catch (error) {
    if (error instanceof IngestError) return { origin, error };
    throw error;
  }
}

async function fetchItemPage(link: string, origin: string, context: InputContext): Promise<{ text: string; contentType: string; finalUrl: string }> {
  try {
    const fetched = await fetchUrl(link, { env: context.env });
    return { text: decodeInputWithEncoding(fetched.bytes, link).text, contentType: fetched.contentType, finalUrl: fetched.finalUrl };
  } catch (error) {
    if (error instanceof DecodeError || error instanceof FetchError) {
      throw new IngestError(`${origin}: ${error.message}; pass --no-fetch to use the feed's own content instead`);
    }
    throw error;
  }
}

/** A relative item link (`/article/1`) read against the feed's own address. */
function withAbsoluteLink(item: FeedItem, feedUrl: string | undefined): FeedItem {
  if (item.link === undefined || isUrl(item.link) || feedUrl === undefined) return item;
  try {
    return { ...item, link: new URL(item.link, feedUrl).href };
  } catch {
    return item;
  }
}
