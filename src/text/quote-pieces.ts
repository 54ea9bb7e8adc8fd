/**
 * The raw quotations of a paragraph, before anyone is attributed them: the pairs of marks
 * (quote-marks.ts) read as quotations of one or two pieces. An incise inside the marks between
 * commas (`« Nous irons, a-t-il déclaré, jusqu'au bout »`) splits one quotation in two pieces;
 * two pairs with only an incise between them (`« Nous irons », a-t-il déclaré, « jusqu'au
 * bout »`, `"We will go," he said, "to the end."`) are one quotation of two pieces. A quoted
 * title (`le quotidien « Le Courrier de Strelsk »`) is no quotation.
 */
import { cuesOf, type Cue, type Reading } from './attribution.js';
import { TITLES } from './names.js';
import { itemsOf, type Item } from './quote-items.js';
import type { QuotedSpan } from './quote-marks.js';
import type { Span } from './sentences.js';
import type { NamedSpan } from './speakers.js';
import { INTERVENING, TITLE_NOUNS, foldWord } from './speech-words.js';

/** A pair of marks, or two around an incise, before attribution. */
export interface Raw {
  readonly spans: QuotedSpan[];
  readonly pieces: Span[];
  readonly incise?: Cue;
}

/** A run of capitalised words this short, attributed to no one, is a title or a name, not a quotation. */
const TITLE_WORDS = 6;

/** A span moved by `by`, its quoted words without the comma English puts inside the marks (`"We will go," he said`). */
export function shift(s: QuotedSpan, by: number, text: string): QuotedSpan {
  const inner = trimmed(text, s.inner.start + by, s.inner.end + by);
  return { ...s, open: s.open + by, close: s.close + by, inner: inner.end > inner.start ? inner : { start: s.inner.start + by, end: s.inner.end + by } };
}

/** `« Le Figaro »`, `"Bouclier du Nord"`: capitalised words only, no sentence punctuation. */
export function isTitle(text: string, raw: Raw): boolean {
  return raw.pieces.length === 1 && looksLikeTitle(text.slice((raw.pieces[0] as Span).start, (raw.pieces[0] as Span).end));
}

const TITLE_SMALL_WORDS = new Set(['de', 'du', 'des', "d'", 'la', 'le', 'les', 'et', 'of', 'the', 'and', 'en', 'à', 'sur', 'pour']);

function looksLikeTitle(words: string): boolean {
  const list = words.split(/[\s\u00a0\u202f]+/u).filter(Boolean);
  return list.length <= TITLE_WORDS && /^\p{Lu}/u.test(list[0] ?? '') && list.every((w) => /^\p{Lu}/u.test(w) || TITLE_SMALL_WORDS.has(w.toLowerCase())) && !/[.!?…,;:]/u.test(words);
}

/** A title after the noun it names (`le quotidien « Le Courrier de Strelsk »`, `l'opération « Bouclier du Nord »`). */
export function isNamedTitle(text: string, span: QuotedSpan): boolean {
  if (!looksLikeTitle(text.slice(span.inner.start, span.inner.end))) return false;
  const before = /([\p{L}'’-]+)[\s\u00a0\u202f]*$/u.exec(text.slice(Math.max(0, span.open - 40), span.open))?.[1];
  return before !== undefined && TITLE_NOUNS.has(foldWord(before).replace(/^[a-z]'/u, ''));
}

/**
 * A pair of marks as a raw quotation; split in two pieces when an incise stands inside it
 * between commas (`« Nous irons, a-t-il déclaré, jusqu'au bout »`).
 */
export function splitIncise(text: string, span: QuotedSpan, all: readonly QuotedSpan[], names: readonly NamedSpan[], cuts: readonly number[]): Raw {
  // An incise stands between two commas: without two, there is none to look for.
  const inner = text.slice(span.inner.start, span.inner.end);
  const comma = inner.indexOf(',');
  if (comma < 0 || inner.indexOf(',', comma + 1) < 0) return { spans: [span], pieces: [span.inner] };
  const nested = all.filter((s) => s.open >= span.inner.start && s.close <= span.inner.end && s.depth === span.depth + 1).map((s) => ({ start: s.open, end: s.close }));
  const items = itemsOf(text, span.inner, nested, cuts);
  const commas = items.flatMap((x, k) => (x.text === ',' ? [k] : []));
  const reading: Reading = { text, items, names };
  for (let k = 0; k + 1 < commas.length; k++) {
    const [a, b] = [commas[k] as number, commas[k + 1] as number];
    const cue = inciseCue(reading, a + 1, b);
    if (!cue) continue;
    const first = trimmed(text, span.inner.start, (items[a] as Item).start);
    const second = trimmed(text, (items[b] as Item).end, span.inner.end);
    if (first.end > first.start && second.end > second.start) return { spans: [span], pieces: [first, second], incise: cue };
  }
  return { spans: [span], pieces: [span.inner] };
}

/** Longest incise, in items: `a déclaré le secrétaire du Conseil de sécurité russe Sergueï Choïgou` fits. */
const INCISE_ITEMS = 14;

/** The cue of items `[s, e)` when they are an incise: short, and opening with a verb of saying or a source. */
function inciseCue(r: Reading, s: number, e: number): Cue | undefined {
  if (e - s < 1 || e - s > INCISE_ITEMS || r.items.slice(s, e).some((x, k) => x.quote !== undefined || (x.text === '.' && !TITLES.has(r.items[s + k - 1]?.text ?? '')))) return undefined;
  let first = s;
  while (first < e && INTERVENING.has(r.items[first]?.folded ?? '')) first++;
  const cues = cuesOf(r, { from: s, to: e }, true);
  const cue = cues[0];
  if (cue?.speaker && cue.at === first) return cue;
  // `he said`, `le ministre l'a dit`: a subject, then the verb.
  const verb = cues.find((c) => c.kind === 'verb' && c.speaker && c.speaker.start >= (r.items[s] as Item).start && c.speaker.end <= (r.items[c.at] as Item).start);
  return verb && r.items.slice(s, verb.at).length <= 5 ? verb : undefined;
}

function trimmed(text: string, from: number, to: number): Span {
  let start = from;
  let end = to;
  while (start < end && /[\s\u00a0\u202f]/u.test(text[start] ?? '')) start++;
  while (end > start && /[\s\u00a0\u202f,;]/u.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

/** Two pairs of marks around an incise (`« Nous irons », a-t-il déclaré, « jusqu'au bout »`) as one quotation. */
export function mergeIncises(text: string, raws: readonly Raw[], names: readonly NamedSpan[], cuts: readonly number[]): Raw[] {
  const out: Raw[] = [];
  for (const raw of raws) {
    const previous = out[out.length - 1];
    const cue = previous && previous.spans.length === 1 && !previous.incise ? cueBetween(text, previous, raw, names, cuts) : undefined;
    if (previous && cue) out[out.length - 1] = { spans: [...previous.spans, ...raw.spans], pieces: [...previous.pieces, ...raw.pieces], incise: cue };
    else out.push(raw);
  }
  return out;
}

/** The incise between two quotations: `, a-t-il déclaré,` or ` he said, ` ending with a comma. */
function cueBetween(text: string, a: Raw, b: Raw, names: readonly NamedSpan[], cuts: readonly number[]): Cue | undefined {
  const from = (a.spans[a.spans.length - 1] as QuotedSpan).close;
  const to = (b.spans[0] as QuotedSpan).open;
  const items = itemsOf(text, { start: from, end: to }, [], cuts);
  if (items.at(-1)?.text !== ',') return undefined;
  const s = items[0]?.text === ',' ? 1 : 0;
  return inciseCue({ text, items, names }, s, items.length - 1);
}
