/**
 * The timeline: every date of the corpus, oldest first (then by outlet, paragraph and position),
 * as pairs of paragraph id and the date's position in that paragraph's `dates`. Sorted once per
 * segment; a composition merges its segments' timelines, reading the dates of the largest one
 * only where the others' fall (a binary search each), not all of them.
 */
import type { IndexedParagraph } from '../search/paragraph-index.js';
import type { DateMention } from '../text/dates.js';
import type { Stepwise } from '../text/stepwise.js';

/** What a timeline entry is compared by. */
interface Dated {
  readonly doc: IndexedParagraph;
  readonly mention: DateMention;
}

/** Oldest first, then by outlet, paragraph id and position in the paragraph. */
function byDate(a: Dated, b: Dated): number {
  return (a.mention.sortKey < b.mention.sortKey ? -1 : a.mention.sortKey > b.mention.sortKey ? 1 : 0) || a.doc.source.short.localeCompare(b.doc.source.short) || a.doc.id - b.doc.id || a.mention.start - b.mention.start;
}

/**
 * One part's timeline, for {@link joinTimelines}: its pairs (local ids), and aligned with its
 * entries the date's sort key and start, which {@link byDate} compares besides the paragraph.
 */
export interface PartTimeline {
  readonly pairs: Int32Array;
  readonly sortKeys: readonly string[];
  readonly starts: Int32Array;
  /** The part's first paragraph id in the corpus. */
  readonly docStart: number;
}

/**
 * The timeline of a corpus from the timelines of its consecutive parts (each sorted by
 * {@link byDate}): merged in that order, without reading any paragraph's dates again.
 * `shortOf` gives a paragraph's outlet's short name, by corpus id.
 */
export function joinTimelines(parts: readonly PartTimeline[], shortOf: (doc: number) => string): Int32Array {
  const out = new Int32Array(parts.reduce((n, p) => n + p.pairs.length, 0));
  const heads = parts.map(() => 0);
  const docAt = (p: PartTimeline, e: number) => (p.pairs[2 * e] as number) + p.docStart;
  // byDate's order on two parts' head entries: true when part `p`'s comes first.
  const before = (p: number, q: number): boolean => {
    const a = parts[p] as PartTimeline;
    const b = parts[q] as PartTimeline;
    const i = heads[p] as number;
    const j = heads[q] as number;
    const keyA = a.sortKeys[i] as string;
    const keyB = b.sortKeys[j] as string;
    if (keyA !== keyB) return keyA < keyB;
    const outlets = shortOf(docAt(a, i)).localeCompare(shortOf(docAt(b, j)));
    if (outlets !== 0) return outlets < 0;
    if (docAt(a, i) !== docAt(b, j)) return docAt(a, i) < docAt(b, j);
    return (a.starts[i] as number) < (b.starts[j] as number);
  };
  for (let at = 0; at < out.length; at += 2) {
    let best = -1;
    for (let p = 0; p < parts.length; p++) if ((heads[p] as number) < (parts[p] as PartTimeline).starts.length && (best < 0 || before(p, best))) best = p;
    const part = parts[best] as PartTimeline;
    const e = heads[best] as number;
    out[at] = docAt(part, e);
    out[at + 1] = part.pairs[2 * e + 1] as number;
    heads[best] = e + 1;
  }
  return out;
}

/** The timeline of some paragraphs (ids as `docs` number them), from each one's dates. */
export function timelineOf(docs: readonly IndexedParagraph[], datesOf: (id: number) => readonly DateMention[]): Int32Array {
  const all: Array<Dated & { at: number }> = [];
  docs.forEach((doc, id) => datesOf(id).forEach((mention, at) => all.push({ doc, mention, at })));
  all.sort(byDate);
  const pairs = new Int32Array(all.length * 2);
  all.forEach((d, i) => {
    pairs[2 * i] = d.doc.id;
    pairs[2 * i + 1] = d.at;
  });
  return pairs;
}

/** One segment's timeline within a composition. */
export interface SegmentTimeline {
  /** Pairs of local id and date position, sorted. */
  readonly pairs: Int32Array;
  /** The segment's first document id in the composition. */
  readonly docStart: number;
  /** The dates of a paragraph, by local id. */
  datesOf(localId: number): readonly DateMention[];
}

/**
 * The dates read at entries of a segment's timeline, by entry, kept per timeline (held weakly).
 * The base is the host of every composition over it, and each composition's binary searches
 * pass through mostly the same entries (those of the server's articles, and the middles every
 * search starts from): reading a saved base's dates means decoding its paragraphs' facts, which
 * was a quarter of a composition's time at 100 000 paragraphs when done again at every publish.
 */
const hostMentions = new WeakMap<Int32Array, Map<number, DateMention>>();
/** Entries kept per timeline at most (cleared when full). */
const HOST_MENTIONS_KEPT = 50_000;

/** Entries placed in the host between two steps of {@link mergeTimelinesSteps}. */
const PLACED_PER_STEP = 32;

function mentionsReadOf(pairs: Int32Array): Map<number, DateMention> {
  let read = hostMentions.get(pairs);
  if (!read) hostMentions.set(pairs, (read = new Map()));
  return read;
}

/**
 * The composition's timeline (global ids), equal to the one sorted over all its paragraphs:
 * the smaller timelines are sorted together, then each entry is placed in the largest by binary
 * search. `docs` are the composition's paragraphs, by global id. In steps: placing a server's
 * dates in a 100 000-paragraph base's took up to 70 ms at once (reading the base's dates).
 */
export function* mergeTimelinesSteps(docs: readonly IndexedParagraph[], parts: readonly SegmentTimeline[]): Stepwise<Int32Array> {
  const host = parts.reduce((best, p, i) => (p.pairs.length > (parts[best]?.pairs.length ?? -1) ? i : best), 0);
  const hostPart = parts[host];
  if (!hostPart) return new Int32Array(0);
  const others: Array<Dated & { at: number }> = [];
  parts.forEach((part, i) => {
    if (i === host) return;
    for (let e = 0; e < part.pairs.length; e += 2) {
      const local = part.pairs[e] as number;
      const at = part.pairs[e + 1] as number;
      others.push({ doc: docs[part.docStart + local] as IndexedParagraph, mention: part.datesOf(local)[at] as DateMention, at });
    }
  });
  yield;
  others.sort(byDate);
  yield;
  const hostCount = hostPart.pairs.length / 2;
  const read = mentionsReadOf(hostPart.pairs);
  const hostEntry = (e: number): Dated => {
    const local = hostPart.pairs[2 * e] as number;
    let mention = read.get(e);
    if (mention === undefined) {
      if (read.size >= HOST_MENTIONS_KEPT) read.clear();
      read.set(e, (mention = hostPart.datesOf(local)[hostPart.pairs[2 * e + 1] as number] as DateMention));
    }
    return { doc: docs[hostPart.docStart + local] as IndexedParagraph, mention };
  };
  const out = new Int32Array(hostPart.pairs.length + others.length * 2);
  let written = 0;
  let copied = 0;
  const copyHost = (until: number) => {
    for (; copied < until; copied++) {
      out[written++] = hostPart.docStart + (hostPart.pairs[2 * copied] as number);
      out[written++] = hostPart.pairs[2 * copied + 1] as number;
    }
  };
  for (const [placed, entry] of others.entries()) {
    // Each placement may read a few of the base's paragraphs' dates: a step every few of them.
    if (placed % PLACED_PER_STEP === PLACED_PER_STEP - 1) yield;
    // The first host entry after this one (no two entries compare equal: ids differ).
    let low = copied;
    let high = hostCount;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (byDate(hostEntry(mid), entry) < 0) low = mid + 1;
      else high = mid;
    }
    copyHost(low);
    out[written++] = entry.doc.id;
    out[written++] = entry.at;
  }
  copyHost(hostCount);
  return out;
}
