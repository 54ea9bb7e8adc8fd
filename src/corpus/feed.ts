/**
 * Reads RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed documents into one item shape, through
 * `feedsmith` (which detects the format and decodes entities and CDATA).
 *
 * An item is only a pointer to an article: its link, date and title. Feeds often carry the
 * article's text too (`content:encoded`, Atom `content`, `content_html`), but just as often a
 * teaser, so the ingest command fetches the item's page when it has a link and falls back on
 * `content`, then `summary`, only when it has none.
 */
import { parseFeed as parseAnyFeed, type AnyFeed } from 'feedsmith';
import { calendarDate } from './page-metadata.js';
import { parseHtmlDocument, visibleText } from './html-dom.js';

/** One feed item. Every field may be missing; feeds are loose. */
export interface FeedItem {
  /** The article's address (RSS `link`, else a permalink `guid`; Atom `alternate` link; JSON `url`). */
  readonly link?: string;
  readonly title?: string;
  /** `YYYY-MM-DD`, the publisher's calendar day (publication date, else the last update). */
  readonly published?: string;
  /** The item's full content as the feed gives it (see `contentFormat`). */
  readonly content?: string;
  /** `html` when `content` is markup (RSS, Atom `html`/`xhtml`, JSON `content_html`), else `text`. */
  readonly contentFormat?: 'html' | 'text';
  /** The item's teaser or description (often HTML in RSS). */
  readonly summary?: string;
}

/** The feed was not RSS, Atom or JSON Feed, or was malformed. */
export class FeedParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedParseError';
  }
}

/**
 * The items of a feed, in the feed's order.
 * @throws {FeedParseError} when `text` is not a feed of a known format.
 */
export function parseFeed(text: string): FeedItem[] {
  const feed = parse(text);
  switch (feed.format) {
    case 'rss':
      return (feed.feed.items ?? []).map((item) =>
        feedItem({
          link: item.link ?? permalinkOf(item.guid),
          title: item.title,
          date: item.pubDate ?? item.dc?.dates?.[0],
          html: item.content?.encoded,
          summary: item.description,
        }),
      );
    case 'rdf':
      return (feed.feed.items ?? []).map((item) =>
        feedItem({ link: item.link, title: item.title, date: item.dc?.dates?.[0], html: item.content?.encoded, summary: item.description }),
      );
    case 'atom':
      return (feed.feed.entries ?? []).map((entry) => {
        const isText = entry.content?.type === undefined || entry.content.type === 'text';
        return feedItem({
          link: alternateLink(entry.links),
          title: entry.title?.value,
          date: entry.published ?? entry.updated,
          html: isText ? undefined : entry.content?.value,
          text: isText ? entry.content?.value : undefined,
          summary: entry.summary?.value,
        });
      });
    case 'json':
      return (feed.feed.items ?? []).map((item) =>
        feedItem({
          link: item.url ?? item.external_url,
          title: item.title,
          date: item.date_published ?? item.date_modified,
          html: item.content_html,
          text: item.content_text,
          summary: item.summary,
        }),
      );
  }
}

/** True when `text` parses as a feed of a known format (for telling feeds from pages). */
export function isFeed(text: string): boolean {
  try {
    parse(text);
    return true;
  } catch {
    return false;
  }
}

function parse(text: string): AnyFeed {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  // feedsmith reads JSON Feed from a parsed object, XML feeds from their text.
  let input: unknown = trimmed;
  if (trimmed.startsWith('{')) {
    try {
      input = JSON.parse(trimmed);
    } catch {
      throw new FeedParseError('not a feed: the text starts like JSON but is not valid JSON');
    }
  }
  try {
    return parseAnyFeed<string>(input);
  } catch (error) {
    throw new FeedParseError(`not an RSS, Atom or JSON feed (${error instanceof Error ? error.message : String(error)})`);
  }
}

interface RawItem {
  link: string | undefined;
  title: string | undefined;
  date: string | undefined;
  html?: string | undefined;
  text?: string | undefined;
  summary: string | undefined;
}

function feedItem(raw: RawItem): FeedItem {
  const item: { -readonly [K in keyof FeedItem]: FeedItem[K] } = {};
  const link = raw.link?.trim();
  if (link) item.link = link;
  const title = raw.title === undefined ? undefined : plainTitle(raw.title);
  if (title) item.title = title;
  const published = calendarDate(raw.date);
  if (published) item.published = published;
  if (raw.html?.trim()) {
    item.content = raw.html.normalize('NFC');
    item.contentFormat = 'html';
  } else if (raw.text?.trim()) {
    item.content = raw.text.normalize('NFC');
    item.contentFormat = 'text';
  }
  if (raw.summary?.trim()) item.summary = raw.summary.normalize('NFC');
  return item;
}

/**
 * Feed titles are often HTML (Atom `type="html"`, WordPress's double-escaped `&amp;#8217;`):
 * entities are decoded and tags dropped; a title is metadata, not quoted text.
 */
function plainTitle(title: string): string {
  const text = /[<&]/.test(title) ? visibleText(parseHtmlDocument(title).body!) : title;
  return text.replace(/\s+/g, ' ').trim().normalize('NFC');
}

function permalinkOf(guid: { value?: string; isPermaLink?: boolean } | undefined): string | undefined {
  // RSS 2.0: a guid is a permalink unless isPermaLink="false"; only an http(s) one is a link.
  if (!guid?.value || guid.isPermaLink === false) return undefined;
  return /^https?:\/\//i.test(guid.value) ? guid.value : undefined;
}

function alternateLink(links: readonly { href?: string; rel?: string }[] | undefined): string | undefined {
  if (!links) return undefined;
  return (links.find((l) => l.rel === undefined || l.rel === 'alternate') ?? links[0])?.href;
}
