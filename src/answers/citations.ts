/**
 * Citations: turning a paragraph into a citable {@link Excerpt}, the quote with where it comes
 * from (outlet, article, date, paragraph number) and what to highlight. Which words to quote is
 * chosen in search/excerpt-span.ts; this module makes the answer item every command returns.
 */
import type { IndexedParagraph } from '../search/paragraph-index.js';
import { chooseExcerpt, type ExcerptQuery } from '../search/excerpt-span.js';
import type { Citation, Excerpt } from './types.js';

/** The citation of an indexed paragraph. */
export function citationOf(doc: IndexedParagraph): Citation {
  const { article, source, paragraph } = doc;
  return {
    sourceId: source.id,
    outlet: source.short,
    outletName: source.name,
    articleId: article.id,
    title: article.title,
    published: article.published,
    paragraph: paragraph.n,
    ...(article.url ? { url: article.url } : {}),
  };
}

/** The best excerpt of a paragraph for a query, as a self-contained citable answer item. */
export function excerptOf(doc: IndexedParagraph, query: ExcerptQuery): Excerpt {
  const text = doc.paragraph.text;
  const span = chooseExcerpt(text, query);
  const highlights = span.highlights.map((h) => ({ start: h.start - span.start, end: h.end - span.start }));
  const matched = [...new Set(span.highlights.map((h) => text.slice(h.start, h.end)))];
  return {
    citation: citationOf(doc),
    text: text.slice(span.start, span.end),
    start: span.start,
    end: span.end,
    cutStart: span.cutStart,
    cutEnd: span.cutEnd,
    highlights,
    matched,
    score: span.score,
  };
}
