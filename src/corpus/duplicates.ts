/**
 * Finds, before an article is written, whether the corpus already holds it:
 *
 * - **the same article**: the same address (compared by {@link urlKey}: scheme, `www.`, fragment,
 *   tracking parameters and a trailing slash ignored) or the same text (compared by
 *   {@link comparableWords}: case, accents, punctuation and line breaks ignored). The ingest
 *   command refuses it with the existing id, or updates that article with `--replace`;
 * - **a syndicated copy**: the same dispatch republished by another outlet (an agency report on a
 *   newspaper's site, with its own title, an added line, a credit, a paragraph cut). Its text is
 *   a near-duplicate: word 5-grams ("shingles") shared with an existing article of another outlet
 *   reach {@link SYNDICATION_JACCARD}, or those of the shorter text are almost all in the longer one
 *   ({@link SYNDICATION_CONTAINMENT}). The new article records `syndication_of: <id>`.
 *
 * Thresholds were measured on test/fixtures/ingest/ (see its README): a regional daily's copy of an
 * invented agency dispatch (its own standfirst added, two paragraphs cut, typography changed)
 * scores Jaccard 0.75 and containment 0.93, a copy by containment; another outlet's own report of
 * the same event scores 0.00, and another article of the same day 0.004.
 */
import { fold } from '../text/fold.js';

/** Words per shingle: long enough that two reports of one event in their own words share almost none. */
export const SHINGLE_WORDS = 5;

/** Shared shingles over all shingles of both texts from which a text of another outlet is a copy. */
export const SYNDICATION_JACCARD = 0.8;

/**
 * Share of the shorter text's shingles found in the longer one from which it is a copy, provided
 * it is at least {@link CONTAINMENT_MIN_RATIO} of the longer one's size: a copy cut short keeps
 * nearly all its shingles, whereas an article quoting a long statement also has its own text.
 */
export const SYNDICATION_CONTAINMENT = 0.9;

/** Smallest size of the shorter text, as a share of the longer one's, for containment to count. */
export const CONTAINMENT_MIN_RATIO = 0.5;

/** Fewest shingles a text needs for near-duplicate detection: two short texts share 5-grams by chance. */
export const MIN_SHINGLES = 20;

/** Query parameters that follow a reader, never the article (`?utm_source=…`, `#xtor=…`). */
const TRACKING_PARAMETER = /^(?:utm_.*|fbclid|gclid|dclid|msclkid|mc_[ce]id|xtor|xtref|at_.*|ref|cmp|amp)$/i;

/**
 * The part of an address that names the article: host without `www.`, port, path without a
 * trailing slash, and the query without tracking parameters, sorted. Undefined for a string that
 * is not an http(s) URL.
 *
 * @example urlKey('https://www.exemple.fr/a/?utm_source=x#top') === 'exemple.fr/a'
 */
export function urlKey(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const params = [...url.searchParams].filter(([name]) => !TRACKING_PARAMETER.test(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length === 0 ? '' : `?${new URLSearchParams(params).toString()}`;
  const pathname = url.pathname.replace(/\/+$/, '');
  return `${host}${url.port ? `:${url.port}` : ''}${pathname}${query}`;
}

/**
 * The words of a text as compared for duplicates: NFC, folded (case, accents, ligatures), split on
 * everything that is not a letter or a digit, so typography (’ or ', « » or ", line breaks) does not count.
 */
export function comparableWords(text: string): string[] {
  return fold(text.normalize('NFC')).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** 32-bit FNV-1a of a string: shingles are compared as numbers, several times faster than as strings. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The set of hashed word 5-grams of a word list (one shingle for a shorter list). */
export function shingles(words: readonly string[], size = SHINGLE_WORDS): Set<number> {
  const out = new Set<number>();
  if (words.length === 0) return out;
  if (words.length < size) {
    out.add(hash(words.join(' ')));
    return out;
  }
  for (let i = 0; i + size <= words.length; i++) out.add(hash(words.slice(i, i + size).join(' ')));
  return out;
}

/** How much two shingle sets overlap. */
export interface Overlap {
  /** Shared shingles over the union of both sets. */
  readonly jaccard: number;
  /** Shared shingles over the smaller set. */
  readonly containment: number;
  /** Size of the smaller set over the larger one's. */
  readonly sizeRatio: number;
}

/** Jaccard index, containment of the smaller set and size ratio of two shingle sets. */
export function overlap(a: ReadonlySet<number>, b: ReadonlySet<number>): Overlap {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (large.size === 0) return { jaccard: 0, containment: 0, sizeRatio: 0 };
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return { jaccard: shared / (a.size + b.size - shared), containment: small.size === 0 ? 0 : shared / small.size, sizeRatio: small.size / large.size };
}

/** True when an overlap says one text is a copy of the other (see the module comment). */
export function isNearDuplicate(o: Overlap, smallerSize: number): boolean {
  if (smallerSize < MIN_SHINGLES) return false;
  return o.jaccard >= SYNDICATION_JACCARD || (o.containment >= SYNDICATION_CONTAINMENT && o.sizeRatio >= CONTAINMENT_MIN_RATIO);
}

/** What the duplicate check needs of an article, stored or about to be. */
export interface ComparableArticle {
  readonly id: string;
  readonly source: string;
  readonly url?: string;
  /** Set when the article is itself a syndicated copy: a new copy points at the same original. */
  readonly syndication_of?: string;
  readonly paragraphs: readonly { readonly text: string }[];
}

/** The article being ingested, with every address it was read from. */
export interface IncomingArticle {
  readonly source: string;
  /** Its `url` and the addresses it was fetched from or declares (canonical, feed link). */
  readonly urls: readonly string[];
  readonly paragraphs: readonly { readonly text: string }[];
}

/** The corpus already holds this article. */
export interface SameArticle {
  readonly kind: 'same-url' | 'same-text';
  /** Id of the stored article. */
  readonly id: string;
  /** What matched: the address, or `text`. */
  readonly detail: string;
}

/** The incoming text is a copy of a stored article of another outlet. */
export interface Syndication {
  /** Id of the original (the stored article, or the one it is itself a copy of). */
  readonly of: string;
  /** Id of the stored article the text matched. */
  readonly matched: string;
  readonly overlap: Overlap;
}

interface Entry {
  readonly article: ComparableArticle;
  readonly shingles: Set<number>;
}

/**
 * The stored articles, prepared once for repeated checks (a feed checks each of its items, and an
 * item written is added so that the next item cannot duplicate it).
 */
export class DuplicateIndex {
  private readonly byUrl = new Map<string, string>();
  private readonly byText = new Map<string, string>();
  private readonly entries = new Map<string, Entry>();

  constructor(articles: Iterable<ComparableArticle> = []) {
    for (const a of articles) this.add(a);
  }

  /** Adds (or, with the same id, replaces) one article. */
  add(article: ComparableArticle): void {
    this.remove(article.id);
    const key = article.url === undefined ? undefined : urlKey(article.url);
    if (key !== undefined) this.byUrl.set(key, article.id);
    const words = comparableWords(article.paragraphs.map((p) => p.text).join('\n'));
    this.byText.set(words.join(' '), article.id);
    this.entries.set(article.id, { article, shingles: shingles(words) });
  }

  private remove(id: string): void {
    if (!this.entries.delete(id)) return;
    for (const map of [this.byUrl, this.byText]) for (const [k, v] of map) if (v === id) map.delete(k);
  }

  /** The stored article with one of the incoming addresses, else the one with the same text. */
  sameArticle(incoming: IncomingArticle): SameArticle | undefined {
    for (const url of incoming.urls) {
      const key = urlKey(url);
      const id = key === undefined ? undefined : this.byUrl.get(key);
      if (id !== undefined) return { kind: 'same-url', id, detail: url };
    }
    const id = this.byText.get(comparableWords(incoming.paragraphs.map((p) => p.text).join('\n')).join(' '));
    return id === undefined ? undefined : { kind: 'same-text', id, detail: 'text' };
  }

  /**
   * The stored article of another outlet that the incoming text copies, the closest one when
   * several do; `ignore` is the id being replaced (an article is no copy of its old version).
   */
  syndication(incoming: IncomingArticle, ignore?: string): Syndication | undefined {
    const mine = shingles(comparableWords(incoming.paragraphs.map((p) => p.text).join('\n')));
    let best: Syndication | undefined;
    for (const { article, shingles: theirs } of this.entries.values()) {
      if (article.id === ignore || article.source === incoming.source) continue;
      const o = overlap(mine, theirs);
      if (!isNearDuplicate(o, Math.min(mine.size, theirs.size))) continue;
      if (best === undefined || o.jaccard > best.overlap.jaccard) {
        // A copy of a copy points at the original, so the chain stays one step long.
        const of = article.syndication_of !== undefined && article.syndication_of !== ignore ? article.syndication_of : article.id;
        best = { of, matched: article.id, overlap: o };
      }
    }
    return best;
  }
}
