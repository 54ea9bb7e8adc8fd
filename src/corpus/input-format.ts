/**
 * Which of the four forms an input to ingest is in, from its text and, when it was fetched, its
 * `Content-Type`. Sniffing the text decides whenever it is unmistakable, because saved files have
 * no type and servers mislabel (feeds served as `text/html`, pages as `application/xml`):
 *
 * - an **article file** opens with a `---` front matter holding `source:` and `title:`;
 * - a **feed** parses as RSS, Atom or JSON Feed;
 * - an **HTML page** opens with a doctype or `<html>`, or is markup with closing block tags;
 * - anything else is **plain text** (pasted from a browser or an e-mail).
 */
import { isFeed } from './feed.js';

/** The forms the ingest command reads. */
export type InputFormat = 'article-file' | 'feed' | 'html' | 'text';

const FRONT_MATTER = /^---\r?\n(?:.*\r?\n)*?---\r?$/m;
const FEED_TYPES = /^(?:application\/(?:rss|atom|rdf|feed)\+(?:xml|json))$/i;
const HTML_START = /^(?:<!doctype\s+html|<html[\s>]|<head[\s>])/i;
const HTML_BLOCKS = /<\/(?:p|div|article|body|section|h[1-6])>/i;

/** True when the text opens with the project's own front matter (`source:` and `title:` inside it). */
function isArticleFile(text: string): boolean {
  const m = FRONT_MATTER.exec(text);
  return m !== null && m.index === 0 && /^source:\s*\S/m.test(m[0]) && /^title:\s*\S/m.test(m[0]);
}

/**
 * The form of an input.
 *
 * @param contentType the `Content-Type` a server sent, when fetched.
 * @example detectFormat('<rss version="2.0">…') === 'feed'
 */
export function detectFormat(text: string, contentType?: string): InputFormat {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (isArticleFile(head)) return 'article-file';
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  const mayBeFeed = (type !== undefined && FEED_TYPES.test(type)) || head.startsWith('<') || head.startsWith('{');
  if (mayBeFeed && !HTML_START.test(head) && isFeed(head)) return 'feed';
  if (HTML_START.test(head) || (head.startsWith('<') && HTML_BLOCKS.test(head))) return 'html';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  return 'text';
}
