/**
 * Reads what a news page says about itself: JSON-LD (`NewsArticle` and its kin), Open Graph and
 * plain `<meta>` tags, in that order of trust.
 *
 * JSON-LD comes first because publishers fill it for search engines, field by field (headline,
 * datePublished, publisher); Open Graph is written for link previews and often carries a shortened
 * or decorated title; `<meta name=…>` and `<title>` are the last resort. Each field is taken from
 * the first source that has it, so a page with partial JSON-LD still gets its outlet from Open Graph.
 *
 * Dates are kept as the publisher wrote them: `2025-06-18T00:30:00+02:00` is the 18th, the
 * publisher's own calendar day, not the 17th in UTC.
 */
import { isRealDate } from './schema.js';
import { parseHtmlDocument, type DomDocument } from './html-dom.js';

/** What a page's structured metadata says about the article. Every field may be missing. */
export interface PageMetadata {
  readonly title?: string;
  /** `YYYY-MM-DD`, the publisher's calendar day. */
  readonly published?: string;
  /** Author names, `, `-separated when there are several. */
  readonly author?: string;
  /** The outlet's name as the page gives it (`publisher.name`, `og:site_name`). */
  readonly outlet?: string;
  /** Primary language subtag, lower case (`fr` from `fr-FR`, `fr_FR`). */
  readonly language?: string;
  /** Absolute URL: `<link rel=canonical>`, else `og:url`, else the JSON-LD `url`. */
  readonly canonicalUrl?: string;
  readonly description?: string;
}

/** Reads the metadata of an HTML page; `pageUrl` resolves relative canonical links. */
export function readPageMetadata(html: string, pageUrl?: string): PageMetadata {
  return readDocumentMetadata(parseHtmlDocument(html), pageUrl);
}

/** {@link readPageMetadata} over an already parsed document (which it does not modify). */
export function readDocumentMetadata(document: DomDocument, pageUrl?: string): PageMetadata {
  const ld = newsArticleLd(document);
  const meta = (key: string) => metaContent(document, key);
  const title = firstText(textOf(ld?.headline), meta('og:title'), meta('twitter:title'), document.querySelector('title')?.textContent);
  const outlet = firstText(nameOf(ld?.publisher), meta('og:site_name'), meta('application-name'));
  const published = firstDate(
    textOf(ld?.datePublished),
    meta('article:published_time'),
    meta('og:article:published_time'),
    meta('datePublished'),
    meta('date'),
    meta('pubdate'),
    meta('dc.date'),
    meta('dc.date.issued'),
    meta('dcterms.created'),
    meta('parsely-pub-date'),
    meta('sailthru.date'),
    microdataDate(document),
    document.querySelector('article time[datetime], time[pubdate][datetime]')?.getAttribute('datetime'),
  );
  const author = firstText(authorsOf(ld?.author), meta('author'), meta('dc.creator'), notUrl(meta('article:author')));
  const language = languageOf(
    firstText(textOf(ld?.inLanguage), document.documentElement.getAttribute('lang'), meta('og:locale'), meta('content-language'), meta('dc.language')),
  );
  const canonicalUrl = firstUrl(
    [document.querySelector('link[rel~="canonical"]')?.getAttribute('href'), meta('og:url'), textOf(ld?.url), idOf(ld?.mainEntityOfPage)],
    pageUrl,
  );
  const description = firstText(textOf(ld?.description), meta('og:description'), meta('description'), meta('twitter:description'));
  return dropUndefined({ title: title && stripSiteSuffix(title, outlet), published, author, outlet, language, canonicalUrl, description });
}

/**
 * The publisher's calendar day of a date as pages and feeds write it: ISO 8601
 * (`2025-06-18`, `2025-06-18T10:32:00+02:00`, `2025-06-18 10:32`), RFC 822 (`Wed, 18 Jun 2025
 * 10:32:00 +0200`) or `18/06/2025`. Anything else, or an impossible day, gives undefined.
 */
export function calendarDate(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text);
  if (iso) return realDate(iso[1]!, iso[2]!, iso[3]!);
  const rfc = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})\b/.exec(text);
  if (rfc) {
    const month = MONTHS.indexOf(rfc[2]!.toLowerCase()) + 1;
    return month > 0 ? realDate(rfc[3]!, String(month), rfc[1]!) : undefined;
  }
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (dmy) return realDate(dmy[3]!, dmy[2]!, dmy[1]!);
  return undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function realDate(year: string, month: string, day: string): string | undefined {
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isRealDate(date) ? date : undefined;
}

/** The JSON-LD object types that describe an article (schema.org's `Article` subtypes news pages use). */
const ARTICLE_TYPES = new Set([
  'NewsArticle', 'Article', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'BackgroundNewsArticle',
  'OpinionNewsArticle', 'ReviewNewsArticle', 'BlogPosting', 'LiveBlogPosting', 'Report', 'WebPage',
]);

type LdObject = Record<string, unknown>;

/**
 * The page's article object: the first `NewsArticle`-like object in any `application/ld+json`
 * script, looking into arrays and `@graph`. A `WebPage` is taken only when no article is found.
 */
function newsArticleLd(document: DomDocument): LdObject | undefined {
  const found: LdObject[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      collectLd(JSON.parse(script.textContent ?? ''), found);
    } catch {
      // A malformed JSON-LD block is common (stray commas, HTML comments); the other sources remain.
    }
  }
  const isType = (o: LdObject, wanted: (t: string) => boolean) => typesOf(o).some(wanted);
  return found.find((o) => isType(o, (t) => t !== 'WebPage' && ARTICLE_TYPES.has(t))) ?? found.find((o) => isType(o, (t) => t === 'WebPage'));
}

/**
 * schema.org microdata (`<time itemprop="datePublished" datetime=…>`, `<span itemprop=
 * "datePublished" content=…>`): pages without JSON-LD mark the article's own date so, and it
 * beats the first `<time>` of the page, which is often a teaser card's above the article.
 */
function microdataDate(document: DomDocument): string | undefined {
  const element = document.querySelector('[itemprop~="datePublished"]');
  return element?.getAttribute('datetime') ?? element?.getAttribute('content') ?? element?.textContent ?? undefined;
}

function collectLd(value: unknown, found: LdObject[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectLd(item, found);
    return;
  }
  if (!isObject(value)) return;
  if (typesOf(value).some((t) => ARTICLE_TYPES.has(t))) found.push(value);
  if (Array.isArray(value['@graph'])) collectLd(value['@graph'], found);
}

function typesOf(o: LdObject): string[] {
  const type = o['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^(?:https?:\/\/)?schema\.org\//, ''));
}

function isObject(value: unknown): value is LdObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return textOf(value[0]);
  if (isObject(value)) return textOf(value['@value'] ?? value['name']);
  return undefined;
}

function nameOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return nameOf(value[0]);
  if (isObject(value)) return textOf(value['name']);
  return typeof value === 'string' ? value : undefined;
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isObject(value)) return textOf(value['@id'] ?? value['url']);
  return undefined;
}

function authorsOf(value: unknown): string | undefined {
  const list = Array.isArray(value) ? value : [value];
  const names = list.map(nameOf).filter((n): n is string => n !== undefined && n.trim() !== '' && !isUrl(n));
  return names.length > 0 ? [...new Set(names.map(clean))].join(', ') : undefined;
}

/** `<meta property=key>` or `<meta name=key>` (case-insensitive name), or `<meta itemprop=key>`, or `http-equiv`. */
function metaContent(document: DomDocument, key: string): string | undefined {
  const wanted = key.toLowerCase();
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const name = meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? meta.getAttribute('http-equiv');
    if (name?.toLowerCase() === wanted) {
      const content = meta.getAttribute('content');
      if (content && content.trim() !== '') return content;
    }
  }
  return undefined;
}

function firstText(...values: (string | null | undefined)[]): string | undefined {
  for (const value of values) {
    if (typeof value === 'string' && value.trim() !== '') return clean(value);
  }
  return undefined;
}

function firstDate(...values: (string | null | undefined)[]): string | undefined {
  for (const value of values) {
    const date = calendarDate(value);
    if (date) return date;
  }
  return undefined;
}

/** Metadata is not quoted text: white space is collapsed and the text NFC-normalised. */
function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim().normalize('NFC');
}

function isUrl(text: string): boolean {
  return /^https?:\/\//i.test(text.trim());
}

function notUrl(text: string | undefined): string | undefined {
  return text !== undefined && !isUrl(text) ? text : undefined;
}

function languageOf(tag: string | undefined): string | undefined {
  const primary = tag ? /^([A-Za-z]{2,3})(?:[-_]|$)/.exec(tag)?.[1] : undefined;
  return primary?.toLowerCase();
}

/** The first candidate that is (or, against `base`, resolves to) an http(s) URL. */
function firstUrl(candidates: readonly (string | null | undefined)[], base: string | undefined): string | undefined {
  for (const href of candidates) {
    if (!href || href.trim() === '') continue;
    try {
      const url = new URL(href.trim(), base);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // A relative link without a base, or garbage: try the next source.
    }
  }
  return undefined;
}

/**
 * `Titre de l'article - Le Quotidien` → `Titre de l'article` when the suffix (or prefix) is the
 * outlet's name: `<title>` and `og:title` often carry it, the article's headline does not.
 */
function stripSiteSuffix(title: string, outlet: string | undefined): string {
  if (!outlet) return title;
  const escaped = outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = title
    .replace(new RegExp(`\\s*[-–—|:·•]\\s*${escaped}\\s*$`, 'i'), '')
    .replace(new RegExp(`^${escaped}\\s*[-–—|:·•]\\s*`, 'i'), '');
  return stripped.length > 0 ? stripped : title;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
