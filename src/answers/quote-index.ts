/**
 * The quotations of each article of a knowledge base, read once (src/text/quotes.ts) with the
 * people and organisations the engine found in its paragraphs, and kept per base: `/quotes`
 * reads the same articles again and again. Reading is lazy, article by article, so that a person's
 * quotations cost only the articles that name them.
 */
import type { Entity } from '../text/entities.js';
import { fold } from '../text/fold.js';
import { languageOf, type Language } from '../text/analyser.js';
import { findQuotations, type KnownEntity, type Quotation, type QuoteParagraph, type Speaker } from '../text/quotes.js';
import type { Span } from '../text/sentences.js';
import { EXCERPT_MAX_LENGTH } from '../search/excerpt-span.js';
import type { Article, Source } from '../corpus/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Stepwise } from '../text/stepwise.js';
import { citationOf } from './citations.js';
import type { QuoteExcerpt, QuoteSpeaker } from './types.js';
import { findByName } from './who.js';

/** One quotation with what grouping and comparing wordings need besides the answer item. */
export interface ArticleQuote {
  readonly quote: QuoteExcerpt;
  /** Position of its article in the corpus's articles. */
  readonly article: number;
  readonly sourceId: string;
  readonly published: string;
  readonly paragraphText: string;
  /** The pieces as offsets in {@link paragraphText}. */
  readonly pieces: readonly Span[];
  readonly language: Language;
}

/** What is kept per knowledge base to read articles: the entities by key, and names looked up. */
interface Memo {
  readonly byKey: ReadonlyMap<string, Entity>;
  /** Names the text gives that the paragraph's known names do not cover, looked up once (`null`: none or several). */
  readonly lookups: Map<string, KnownEntity | null>;
}

const byBase = new WeakMap<KnowledgeBase, Memo>();

/** An article's quotations as read, with what the reading depended on besides its text. */
interface Reading {
  readonly position: number;
  /** The corpus's outlets when read (`selon RT` is second-hand only when RT is an outlet). */
  readonly outlets: readonly Source[];
  readonly quotes: readonly ArticleQuote[];
}

/**
 * Readings kept by article object. A server's knowledge base is composed again at every publish
 * over the same base articles (the same objects): kept per knowledge base only, every publish
 * would make the next `/quotes` read the whole corpus again, seconds at 100 000 paragraphs.
 * A reading is read again when the article moved in the corpus or the outlets changed; the
 * speakers' keys it holds are those of the directory it was read with, which a later directory
 * extends without renaming (text/entities.ts extendEntity).
 */
const readings = new WeakMap<Article, Reading>();

/** The quotations of the article at position `article` of the corpus, in text order. */
export function quotesOfArticle(kb: KnowledgeBase, article: number): readonly ArticleQuote[] {
  const object = kb.corpus.articles[article];
  if (!object) return [];
  const held = readings.get(object);
  if (held && held.position === article && sameOutlets(held.outlets, kb.corpus.sources)) return held.quotes;
  let memo = byBase.get(kb);
  if (!memo) byBase.set(kb, (memo = { byKey: new Map(kb.entities.map((e) => [e.key, e])), lookups: new Map() }));
  const quotes = readArticle(kb, memo, article);
  readings.set(object, { position: article, outlets: kb.corpus.sources, quotes });
  return quotes;
}

/**
 * Every article's quotations read, one article per step: run cooperatively at start-up, so
 * that the first `/quotes` without argument does not read the whole corpus while a member waits.
 */
export function* readEveryArticleSteps(kb: KnowledgeBase): Stepwise<void> {
  for (let i = 0; i < kb.corpus.articles.length; i++) {
    quotesOfArticle(kb, i);
    yield;
  }
}

function sameOutlets(a: readonly Source[], b: readonly Source[]): boolean {
  return a === b || (a.length === b.length && a.every((s, i) => s.id === b[i]?.id && s.short === b[i]?.short && s.name === b[i]?.name));
}

function readArticle(kb: KnowledgeBase, { byKey, lookups }: Memo, index: number): ArticleQuote[] {
  const article = kb.corpus.articles[index];
  if (!article) return [];
  const source = kb.corpus.sources.find((s) => s.id === article.source);
  const docs = article.paragraphs.map((p) => kb.paragraph(article.id, p.n));
  const paragraphs: QuoteParagraph[] = article.paragraphs.map((p, i) => {
    const doc = docs[i];
    const names = doc ? kb.entitiesOf(doc.id).map((m) => ({ start: m.start, end: m.end, entity: known(m.entity) })) : [];
    return { text: p.text, names };
  });
  const found = findQuotations(paragraphs, {
    // The roles the corpus gives a person named in the article: `le ministre` is the one person
    // named here whom some article calls a minister.
    rolesOf: (key) => [...new Set((byKey.get(key)?.roles ?? []).map((r) => r.text))],
    ownOutlet: source ? [source.short, source.name] : [],
    outlets: kb.corpus.sources.flatMap((s) => [s.short, s.name]),
    lookup: (name) => {
      let found = lookups.get(name);
      if (found === undefined) {
        const matches = findByName(kb.entities, name);
        lookups.set(name, (found = matches.length === 1 && matches[0] ? known(matches[0]) : null));
      }
      return found ?? undefined;
    },
  });
  const language = languageOf(article.language);
  const out: ArticleQuote[] = [];
  const made = new Map<number, QuoteExcerpt>();
  found.forEach((q, k) => {
    const doc = docs[q.paragraph];
    const text = article.paragraphs[q.paragraph]?.text;
    if (!doc || text === undefined) return;
    // Words quoted inside a quotation are relayed by its speaker, named as the answer names them.
    const outer = q.within === undefined ? undefined : made.get(q.within)?.speaker?.name;
    const quote = excerptOf(byKey, q, text, doc, outer);
    made.set(k, quote);
    out.push({ quote, article: index, sourceId: article.source, published: article.published, paragraphText: text, pieces: q.pieces, language });
  });
  return out;
}

function known(e: Entity): KnownEntity {
  return { key: e.key, name: e.name, kind: e.kind };
}

/** A quotation as the answer item: its words as an excerpt of its paragraph (cut at a word past {@link EXCERPT_MAX_LENGTH}). */
function excerptOf(byKey: ReadonlyMap<string, Entity>, q: Quotation, text: string, doc: Parameters<typeof citationOf>[0], relayedBy?: string): QuoteExcerpt {
  let end = q.span.end;
  if (end - q.span.start > EXCERPT_MAX_LENGTH) {
    const cut = text.lastIndexOf(' ', q.span.start + EXCERPT_MAX_LENGTH);
    end = cut > q.span.start ? cut : q.span.start + EXCERPT_MAX_LENGTH;
    while (end > q.span.start && /[\s,;:]/u.test(text[end - 1] ?? '')) end--;
  }
  const speaker = q.speaker ? speakerOf(byKey, q.speaker) : undefined;
  return {
    excerpt: {
      citation: citationOf(doc),
      text: text.slice(q.span.start, end),
      start: q.span.start,
      end,
      // The quotation marks delimit the words: `…` only where the words go on past the cut.
      cutStart: false,
      cutEnd: end < q.span.end,
      highlights: [],
      matched: [],
      score: 0,
    },
    pieces: q.pieces.map((p) => text.slice(p.start, p.end)),
    ...(speaker ? { speaker } : {}),
    ...(relayedBy !== undefined || q.reportedBy ? { reportedBy: relayedBy ?? q.reportedBy?.text } : {}),
    secondHand: q.secondHand,
    nested: q.within !== undefined,
  };
}

/** Leading determiners left out of a role's key, so `Le porte-parole` and `le porte-parole` are one speaker. */
const DETERMINER = /^(?:le|la|les|l'|un|une|des|the|a|an)\s*/u;

function speakerOf(byKey: ReadonlyMap<string, Entity>, s: Speaker): QuoteSpeaker {
  const entity = s.entity ? byKey.get(s.entity.key) : undefined;
  if (entity) return { name: entity.name, written: s.text, by: s.by, kind: entity.kind, key: `e:${entity.key}` };
  return { name: s.text, written: s.text, by: s.by, key: `t:${fold(s.text).replace(/’/gu, "'").replace(DETERMINER, '').trim()}` };
}
