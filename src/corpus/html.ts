/**
 * Turns a saved or fetched news page into the article's verbatim paragraphs.
 *
 * 1. The page's metadata is read first ({@link readDocumentMetadata}), and its visible text
 *    blocks are noted, before anything is changed.
 * 2. `@mozilla/readability` (Firefox's reader view, run on `linkedom`) finds the article body
 *    and drops the page chrome around it: menus, sidebars, footers, most comment sections.
 * 3. The body's block elements become paragraphs, rendered by the same renderer as the page's
 *    visible text ({@link pageBlocks}), so each is a verbatim slice of what a reader sees
 *    (after NFC). `<h2>`–`<h6>` become subheadings; the headline becomes the title.
 * 4. What Readability keeps but is not article text is removed, each piece with its reason:
 *    "Publicité" slots, "Lire aussi" links and related-article lists, share and comment prompts,
 *    newsletter, subscription and cookie banners, bylines and publication-date lines, photo
 *    captions and credits, tag lists, video placeholders, a lone outlet name or "Alerte".
 *    Page blocks Readability dropped are listed too, so the command can say what was left out.
 *
 * Datelines ("ABIDJAN, 18 juin 2025 (AIP) –") stay in the first paragraph: the ingest command
 * reads and removes them with the same rules as for pasted text.
 */
import { Readability } from '@mozilla/readability';
import type { RemovedPiece } from './clean.js';
import { isElement, pageBlocks, parseHtmlDocument, tagOf, type DomElement, type DomNode, type TextBlock } from './html-dom.js';
import { readDocumentMetadata, type PageMetadata } from './page-metadata.js';
import { noiseReason, type NoiseContext } from './html-noise.js';

/** One paragraph of the article, verbatim. */
export interface ExtractedParagraph {
  readonly text: string;
  /** The subheading it sits under, verbatim. */
  readonly heading?: string;
}

/** What {@link extractArticleFromHtml} found in a page. */
export interface ExtractedPage {
  /** The headline as shown on the page, else the metadata's title. */
  readonly title?: string;
  /** The article's paragraphs; empty when the page holds no article. */
  readonly paragraphs: readonly ExtractedParagraph[];
  /** Every visible piece of the page that is not a paragraph or the title, with why. */
  readonly removed: readonly RemovedPiece[];
  readonly meta: PageMetadata;
  /** The page's visible text (NFC), one block a line: every paragraph is a slice of it. */
  readonly pageText: string;
}

/** Reason given for page blocks that lie outside the article body Readability found. */
export const OUTSIDE_ARTICLE = 'outside the article body (menu, sidebar, footer…)';

/** Reason given for every block of a page in which no article text was found. */
export const NO_ARTICLE = 'no article text on this page';

/**
 * Extracts the article of an HTML page. Never throws; a page without an article gives no
 * paragraphs (the caller says so).
 * @param pageUrl the page's address, to resolve a relative canonical link.
 */
export function extractArticleFromHtml(html: string, pageUrl?: string): ExtractedPage {
  const document = parseHtmlDocument(html);
  const meta = readDocumentMetadata(document, pageUrl);
  // Blocks and their kinds are read before Readability, which rearranges the document.
  const page = pageBlocks(document.body ?? document.documentElement).map(toPiece);
  const headline = pageHeadline(page, meta.title);
  const article = readArticleBody(document);
  const context: NoiseContext = { outlet: meta.outlet, author: meta.author, byline: article?.byline };
  const body = article ? pageBlocks(article.content).map(toPiece) : [];
  const pieces = [...leadBefore(body, page, headline, context), ...body].flatMap(splitAtBlankLines);
  const { paragraphs, removed, headings } = articleParagraphs(pieces, headline, context);
  const pageText = page.map((b) => b.text).join('\n');
  const title = headline ?? meta.title;
  const base = { meta, pageText, ...(title === undefined ? {} : { title }) };
  if (!paragraphs.some((p) => looksLikeProse(p.text))) {
    return { ...base, paragraphs: [], removed: page.filter((b) => b.text !== title).map((b) => ({ text: b.text, reason: NO_ARTICLE })) };
  }
  const accounted = new Set([...paragraphs.map((p) => p.text), ...removed.map((r) => r.text), ...headings]);
  const outside = page
    .flatMap(splitAtBlankLines)
    .filter((b) => !accounted.has(b.text) && b.text !== title)
    .map((b) => ({ text: b.text, reason: noiseReason(b.text, context) ?? OUTSIDE_ARTICLE }));
  return { ...base, paragraphs, removed: [...removed, ...outside] };
}

type BlockKind = 'heading' | 'caption' | 'list-item' | 'embed' | 'paragraph';

/** A block of text with what the markup says it is. */
interface Piece {
  readonly text: string;
  readonly kind: BlockKind;
  /** Share of the text inside links. */
  readonly linkShare: number;
  /** An `<h1>` (or inside one): a headline candidate. */
  readonly h1: boolean;
}

function toPiece(block: TextBlock): Piece {
  const h1 = tagOf(block.element) === 'h1';
  return { text: block.text, kind: kindOf(block.element), linkShare: block.linkChars / block.text.length, h1 };
}

/**
 * The page's `<h1>`: the article's own headline, verbatim. With several, the one the metadata
 * names; with one that shares few words with the metadata's title, none (the `<h1>` of some
 * sites is their logo).
 */
function pageHeadline(page: readonly Piece[], metaTitle: string | undefined): string | undefined {
  const h1s = page.filter((b) => b.h1 && !b.text.includes('\n'));
  if (metaTitle === undefined) return h1s.length === 1 ? h1s[0]!.text : undefined;
  const wanted = loose(metaTitle);
  return (h1s.find((b) => loose(b.text) === wanted) ?? (h1s.length === 1 && sharesWords(h1s[0]!.text, metaTitle) ? h1s[0] : undefined))?.text;
}

/** At least 60 % of the shorter text's words are in the other: an og:title shortened from the headline. */
function sharesWords(a: string, b: string): boolean {
  const words = (s: string) => new Set(loose(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const [x, y] = [words(a), words(b)];
  const common = [...x].filter((w) => y.has(w)).length;
  return common >= 0.6 * Math.min(x.size, y.size);
}

/**
 * The lead (chapô) when Readability left it out: prose blocks of the page between the headline
 * and the first paragraph Readability kept. News sites set the lead apart from the body (an
 * `<h2 class="chapo">`, a `<p>` in the header), and Readability keeps only the body's container.
 */
function leadBefore(body: readonly Piece[], page: readonly Piece[], headline: string | undefined, context: NoiseContext): Piece[] {
  const first = body.find((b) => looksLikeProse(b.text));
  if (!first || headline === undefined) return [];
  const start = page.findIndex((b) => b.text === headline);
  const end = page.findIndex((b, i) => i > start && b.text === first.text);
  if (start < 0 || end < 0) return [];
  const inBody = new Set(body.map((b) => b.text));
  return page
    .slice(start + 1, end)
    .filter((b) => !inBody.has(b.text) && (b.kind === 'paragraph' || b.kind === 'heading') && looksLikeProse(b.text) && !noiseReason(b.text, context))
    .map((b) => ({ ...b, kind: 'paragraph' as const }));
}

interface ArticleBody {
  readonly content: DomElement;
  readonly byline?: string;
}

function readArticleBody(document: ReturnType<typeof parseHtmlDocument>): ArticleBody | undefined {
  try {
    const reader = new Readability(document as never, { keepClasses: true, serializer: (node: unknown) => node as DomElement });
    const parsed = reader.parse();
    const content = parsed?.content;
    if (!content || !isElement(content as DomNode)) return undefined;
    return parsed.byline ? { content, byline: parsed.byline.replace(/\s+/g, ' ').trim() } : { content };
  } catch {
    // Readability gives up on some degenerate documents (no body, frames); that is "no article".
    return undefined;
  }
}

const PAYWALL = 'subscription prompt (paywall)';

function articleParagraphs(pieces: readonly Piece[], headline: string | undefined, context: NoiseContext) {
  const paragraphs: ExtractedParagraph[] = [];
  const removed: RemovedPiece[] = [];
  const headings: string[] = [];
  let heading: string | undefined;
  let pendingHeading: string | undefined;
  let inRelated = false;
  pieces.forEach((piece, i) => {
    if (paragraphs.length === 0 && headline && loose(piece.text) === loose(headline)) {
      headings.push(piece.text);
      return;
    }
    const reason = pieceReason(piece, context) ?? positionReason(piece, pieces[i + 1], paragraphs.length === 0, context);
    if (reason) {
      if (reason.startsWith('related')) inRelated = piece.kind === 'heading' || inRelated;
      removed.push({ text: piece.text, reason });
      return;
    }
    // A subheading may be a long question ("Pourquoi la métropole a-t-elle fermé le parc ?"); only
    // a heading that reads as a statement is taken for a lead set in a heading tag.
    if (piece.kind === 'heading' && !piece.text.includes('\n') && (!looksLikeProse(piece.text) || /\?$/.test(piece.text))) {
      if (pendingHeading !== undefined) removed.push({ text: pendingHeading, reason: 'subheading with no paragraph under it' });
      pendingHeading = piece.text;
      inRelated = false;
      return;
    }
    if (inRelated && (piece.kind === 'list-item' || piece.linkShare >= 0.5)) {
      removed.push({ text: piece.text, reason: 'related articles (under a "Lire aussi" heading)' });
      return;
    }
    inRelated = false;
    if (pendingHeading !== undefined) {
      [heading, pendingHeading] = [pendingHeading, undefined];
      headings.push(heading);
    }
    paragraphs.push(heading === undefined ? { text: piece.text } : { text: piece.text, heading });
  });
  if (pendingHeading !== undefined) removed.push({ text: pendingHeading, reason: 'subheading with no paragraph under it' });
  return { paragraphs, removed, headings };
}

/**
 * Splits a block where the article format could not hold it as one paragraph (a blank line, from
 * `<br><br>`), and where a single `<br>` ends a sentence and starts another (WordPress posts
 * typed with Shift+Enter): both sides are then paragraphs of their own.
 */
function splitAtBlankLines(piece: Piece): Piece[] {
  return piece.text
    .split(/\n{2,}|(?<=[.!?…»"”])\n(?=[\p{Lu}«"“\d])/u)
    .filter((text) => text.length > 0)
    .map((text) => ({ ...piece, text }));
}

function pieceReason(piece: Piece, context: NoiseContext): string | undefined {
  const reason = noiseReason(piece.text, context);
  if (reason) return reason;
  if (piece.kind === 'caption') return 'photo caption';
  if (piece.kind === 'embed') return 'embedded social-media post';
  if (piece.kind !== 'heading' && piece.linkShare >= 0.9 && piece.text.length <= 200) {
    return piece.kind === 'list-item' ? 'related-article list (links)' : 'link to another page';
  }
  return undefined;
}

/** Rules that depend on where a block sits: before the first paragraph, or before a paywall. */
function positionReason(piece: Piece, next: Piece | undefined, beforeFirst: boolean, context: NoiseContext): string | undefined {
  if (beforeFirst && piece.kind !== 'heading' && !looksLikeProse(piece.text) && piece.text.split(' ').length <= 4 && !/[.!?…:;,]$/.test(piece.text)) {
    return 'section label above the article';
  }
  if (next && noiseReason(next.text, context) === PAYWALL && !/[.!?…»"”)]$/.test(piece.text)) {
    return 'paragraph cut off by the paywall';
  }
  return undefined;
}

/**
 * The markup the platforms hand out for embedding a post (`<blockquote class="twitter-tweet">`,
 * `instagram-media`, `tiktok-embed`…): the same on every site, so a structural signal. The post is
 * quoted, not written by the outlet; the article's own paragraphs around it say what it shows.
 */
const EMBED_CLASS = /(?:^|\s)(?:twitter-tweet|twitter-video|instagram-media|tiktok-embed|fb-post|fb-video|bluesky-embed|threads-post|reddit-embed-bq|telegram-post)(?:\s|$)/;

function kindOf(element: DomElement): BlockKind {
  for (let node: DomNode | null = element; node && isElement(node); node = node.parentNode) {
    if (EMBED_CLASS.test(node.getAttribute('class') ?? '')) return 'embed';
  }
  for (let node: DomNode | null = element; node && isElement(node); node = node.parentNode) {
    const tag = tagOf(node);
    if (/^h[1-6]$/.test(tag)) return 'heading';
    if (tag === 'figcaption' || tag === 'figure' || /(?:caption|legende|légende|legend|credit)/i.test(node.getAttribute('class') ?? '')) return 'caption';
    if (tag === 'li') return 'list-item';
  }
  return 'paragraph';
}

/** Reads like article prose: a sentence of some length, ending with sentence punctuation. */
function looksLikeProse(text: string): boolean {
  return text.length >= 60 && /[.!?…»"”]$/.test(text) && text.split(' ').length >= 8;
}

/** Compares titles across sources: case, white space and typographic apostrophes ignored. */
function loose(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[’ʼ]/g, "'").replace(/\s+/g, ' ').trim();
}
