/**
 * The small part of the DOM that the page readers use, and the one way they turn markup into text.
 *
 * The project compiles without the DOM library (it is a Node program), so the few node shapes
 * used here are declared structurally; `linkedom` provides them at run time.
 *
 * Text is rendered as a browser lays it out, closely enough for verbatim quoting: runs of HTML
 * white space (space, tab, CR, LF, FF) collapse to one space, `<br>` is a line break, and every
 * block element (paragraph, heading, list item, cell…) is a block of its own. Nothing else is
 * changed: no-break spaces, typographic quotes and entities (already decoded by the parser) stay
 * as written. {@link pageBlocks} over a whole page and over an extracted article use this same
 * rendering, which is what makes "every paragraph is a slice of the page's visible text" testable.
 */
import { parseHTML } from 'linkedom';

/** A DOM node, as far as the readers look at it. */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
}

/** A DOM element, as far as the readers look at it. */
export interface DomElement extends DomNode {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/** A parsed HTML document. */
export interface DomDocument {
  readonly documentElement: DomElement;
  readonly head: DomElement | null;
  readonly body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Parses an HTML page or fragment (never throws: the parser recovers from any markup).
 * `linkedom` builds a usable tree only from a whole document, so a fragment (a feed item's
 * content, a page saved without `<html>`) is wrapped in one first.
 */
export function parseHtmlDocument(html: string): DomDocument {
  const rest = html.replace(/^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype[^>]*>)?/i, '');
  const whole = /<html[\s>]/i.test(rest) ? html : /<body[\s>]/i.test(rest) ? `<!doctype html><html>${rest}</html>` : `<!doctype html><html><body>${rest}</body></html>`;
  return parseHTML(whole).document as unknown as DomDocument;
}

/** True for element nodes. */
export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** The lower-case tag name of an element (`p`, `h2`…). */
export function tagOf(element: DomElement): string {
  return element.tagName.toLowerCase();
}

/** Elements that start a block of their own in a browser's default style sheet. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'tr', 'ul',
]);

/** Elements whose content is never shown as text. */
const HIDDEN_TAGS = new Set([
  'head', 'title', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas',
  'video', 'audio', 'select', 'option', 'button', 'input', 'textarea', 'img', 'picture', 'source', 'link', 'meta',
]);

/** True when the element starts a block of its own. */
export function isBlock(element: DomElement): boolean {
  return BLOCK_TAGS.has(tagOf(element));
}

/** True when the element and everything in it are not displayed (`hidden`, `display: none`, scripts…). */
export function isHidden(element: DomElement): boolean {
  if (HIDDEN_TAGS.has(tagOf(element))) return true;
  if (element.hasAttribute('hidden')) return true;
  const style = element.getAttribute('style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(style);
}

/** One block of text as laid out: a leaf block element, or inline content between blocks. */
export interface TextBlock {
  /** Rendered text, NFC, trimmed; line breaks only where the markup has `<br>`. */
  readonly text: string;
  /** The block element the text belongs to (for inline runs between blocks, their parent). */
  readonly element: DomElement;
  /** Characters of `text` that sit inside links (to tell link lists from prose). */
  readonly linkChars: number;
}

/**
 * The text blocks under `root`, in document order, empty ones left out.
 * Inline content is gathered until the next block boundary, as a browser's line boxes are.
 */
export function pageBlocks(root: DomElement): TextBlock[] {
  const blocks: TextBlock[] = [];
  let run: DomNode[] = [];
  let runParent: DomElement = root;
  const flush = () => {
    if (run.length > 0) pushBlock(blocks, run, runParent);
    run = [];
  };
  const visit = (element: DomElement) => {
    for (const child of Array.from(element.childNodes)) {
      if (isElement(child)) {
        if (isHidden(child)) continue;
        if (isBlock(child)) {
          flush();
          visit(child);
          flush();
          continue;
        }
        if (containsBlock(child)) {
          // An inline element wrapping blocks (`<a><div>…</div></a>`): its blocks still break lines.
          flush();
          visit(child);
          flush();
          continue;
        }
      }
      if (run.length === 0) runParent = element;
      run.push(child);
    }
  };
  visit(root);
  flush();
  return blocks;
}

/** The whole visible text under `root`: its blocks, one per line. */
export function visibleText(root: DomElement): string {
  return pageBlocks(root).map((b) => b.text).join('\n');
}

function containsBlock(element: DomElement): boolean {
  for (const child of Array.from(element.childNodes)) {
    if (!isElement(child) || isHidden(child)) continue;
    if (isBlock(child) || containsBlock(child)) return true;
  }
  return false;
}

function pushBlock(blocks: TextBlock[], nodes: readonly DomNode[], element: DomElement): void {
  const parts = { text: '', linkChars: 0 };
  for (const node of nodes) renderInline(node, parts, false);
  const text = tidyLines(parts.text).normalize('NFC');
  if (text.length === 0) return;
  blocks.push({ text, element, linkChars: Math.min(parts.linkChars, text.length) });
}

function renderInline(node: DomNode, out: { text: string; linkChars: number }, inLink: boolean): void {
  if (node.nodeType === TEXT_NODE) {
    const piece = (node.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' ');
    out.text += piece;
    if (inLink) out.linkChars += piece.trim().length;
    return;
  }
  if (!isElement(node) || isHidden(node)) return;
  if (tagOf(node) === 'br') {
    out.text += '\n';
    return;
  }
  const link = inLink || tagOf(node) === 'a';
  for (const child of Array.from(node.childNodes)) renderInline(child, out, link);
}

/** Collapses the spaces that a browser would not show: around line breaks, at the ends, doubled. */
function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').replace(/^ | $/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}
