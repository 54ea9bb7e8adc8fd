/**
 * Turns raw article text (as copied from a wire feed or a web page) into verbatim paragraphs,
 * removing only what is not article text and saying why for every removed piece.
 *
 * The one promise: every kept paragraph (and heading) is a verbatim slice of the raw text, with
 * only surrounding white space trimmed (and `\r\n` read as `\n`). Nothing is re-wrapped,
 * re-quoted or re-spaced; a paragraph that spans several lines keeps its line breaks.
 *
 * The rules are meant for any outlet and are deliberately conservative: a line is removed only
 * when it matches a pattern that article prose practically never matches (a wire header with
 * pipes and a dd/mm/yyyy date, a line starting `Capture d’écran`, a consent-button row…), and
 * long lines are never taken for captions, promos or taglines. When in doubt, text is kept and a
 * warning is returned instead. Steps, in order:
 *
 * 1. wire header on one of the first lines (`date 2025-06 Moscou, Russie | AFP | mercredi
 *    17/06/2025 - `): gives dateline, outlet and date; the rest of that line is the lead;
 * 2. single noise lines: photo captions, promo lines, cookie-consent lines;
 * 3. a cookie banner opening (`En cliquant sur "Tout Accepter"…`) after the body: it and
 *    everything after it are removed;
 * 4. a first line repeated verbatim below is the title (both copies removed);
 * 5. consecutive kept lines form a paragraph; a lone short line without final punctuation is a
 *    subheading between paragraphs, the title before the first one (if there is none yet) and a
 *    tagline after the last one; `- Heading -` markers are subheadings;
 * 6. no title → one is derived from the lead's first sentence; no date → the first full date
 *    introduced by `ce`/`le` (`ce 17 juin 2025`) is used and reported as inferred.
 */
import { isRealDate } from './schema.js';
import { sentenceSpans } from '../text/sentences.js';

/** One kept paragraph, verbatim. */
export interface CleanParagraph {
  readonly text: string;
  /** The subheading it sits under, verbatim (without any `- … -` marker). */
  readonly heading?: string;
}

/** One piece of the raw text that was not kept as a paragraph, and why. */
export interface RemovedPiece {
  readonly text: string;
  readonly reason: string;
}

/** What {@link cleanArticleText} found in a raw text. */
export interface CleanResult {
  readonly paragraphs: readonly CleanParagraph[];
  /** From a repeated or leading title line, or derived from the lead (see `titleDerived`). */
  readonly title?: string;
  /** True when `title` was made from the lead's first sentence rather than found in the text. */
  readonly titleDerived: boolean;
  /** `YYYY-MM-DD`, from the wire header or inferred from the text (see `publishedInferredFrom`). */
  readonly published?: string;
  /** When `published` was inferred from the body, the words it was read from (`ce 17 juin 2025`). */
  readonly publishedInferredFrom?: string;
  /** Outlet as named by the wire header, e.g. `AFP` (match it against sources' short names). */
  readonly source?: string;
  /** Place the report was filed from, e.g. `Moscou, Russie`. */
  readonly dateline?: string;
  readonly removed: readonly RemovedPiece[];
  /** Things a human should check (text kept although it looked odd, inconsistent header…). */
  readonly warnings: readonly string[];
}

/** Longest a title derived from the lead may be, `…` included. */
export const DERIVED_TITLE_MAX = 120;

const REASON = {
  header: 'wire header (dateline, outlet, date)',
  caption: 'photo caption',
  promo: 'promotional line',
  consent: 'cookie consent banner',
  consentTail: 'cookie consent banner (everything from its opening sentence to the end)',
  title: 'title line (used as the title)',
  repeatedTitle: 'repeated title',
  tagline: 'short line after the article body (tagline or label)',
  emptyHeading: 'subheading with no paragraph under it',
} as const;

const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const MONTHS: Readonly<Record<string, number>> = {
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
};

/**
 * `[date YYYY-MM ]Dateline | Outlet | [weekday ]dd/mm/yyyy[ hh:mm] - `. Pipes plus a numeric
 * date plus the closing dash never occur together in prose.
 */
const WIRE_HEADER =
  /^(?:date\s+\d{4}-\d{2}\s+)?(?<dateline>[^|\n]{1,80}?)\s*\|\s*(?<outlet>[^|\n]{1,40}?)\s*\|\s*(?:(?<weekday>\p{L}+)\s+)?(?<day>\d{1,2})\/(?<month>\d{1,2})\/(?<year>\d{4})(?:\s+\d{1,2}[:h]\d{2})?\s*[-–—]\s*/iu;

interface LineRule {
  readonly reason: string;
  /** Lines longer than this are prose, whatever they start with. */
  readonly maxLength: number;
  readonly pattern: RegExp;
}

const SOCIAL = '(?:telegram|x|twitter|facebook|instagram|youtube|tiktok|whatsapp|vk|threads|bluesky|linkedin|google\\s+news)';

/** Lines that are never article text. Each pattern is anchored or specific enough for prose to miss it. */
const LINE_RULES: readonly LineRule[] = [
  // Captions: a credit or a description of the picture, not part of the report.
  { reason: REASON.caption, maxLength: 400, pattern: /^(?:capture\s+d['’]\s*écran|photo(?:graphie)?\b|crédits?\b|©|\(c\)\s|légende\s*:)/iu },
  // Promos: calls to follow, subscribe or read something else.
  { reason: REASON.promo, maxLength: 200, pattern: new RegExp(`^suivez\\b.{0,60}?\\bsur\\s*${SOCIAL}\\b`, 'iu') },
  { reason: REASON.promo, maxLength: 200, pattern: /^(?:abonnez-vous|inscrivez-vous|téléchargez\s+(?:notre|l['’])\s*app)/iu },
  { reason: REASON.promo, maxLength: 200, pattern: /^(?:à\s+)?(?:lire|voir|écouter|regarder)\s+(?:aussi|également)\b/iu },
  { reason: REASON.promo, maxLength: 40, pattern: /^(?:partager|partagez)(?:\s+(?:cet|l['’])\s*article)?\s*:?$/iu },
  // Consent banners: rows of buttons, and sentences addressed to the reader about cookies.
  { reason: REASON.consent, maxLength: 120, pattern: /^(?:(?:tout\s*)?accepter|(?:tout\s*)?refuser|ok|j['’]accepte|continuer\s+sans\s+accepter|param[ée]trer(?:\s+vos\s+choix)?|fermer|\s)+$/iu },
  { reason: REASON.consent, maxLength: 200, pattern: /\butilis(?:e|ons|ent)\s+des\s+(?:cookies|traceurs)\b/iu },
  { reason: REASON.consent, maxLength: 600, pattern: /^(?=.*\b(?:cookies?|traceurs)\b)(?=.*\b(?:vous|vos|votre)\b)(?=.*(?:accept|refus|param[ée]tr|consent)).*/iu },
];

/** Opening sentence of a consent banner: everything from it to the end is the banner. */
const CONSENT_OPENING = /^en\s+(?:cliquant|poursuivant|continuant)\b.{0,80}?\b(?:accepter|acceptez|cookies|traceurs)\b/iu;

/** `- Accord de défense mutuelle -`: the AFP way of marking a subheading. */
const HEADING_MARKER = /^[-–—]{1,2}\s+(\S.{0,100}?)\s+[-–—]{1,2}$/u;

/** `ce 17 juin 2025`, `le mardi 1er juillet 2025`. */
const INTRODUCED_DATE = /\b(?:ce|le)\s+(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(1er|\d{1,2})\s+(janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)\s+(\d{4})\b/iu;

type Status = 'body' | 'removed';

interface Line {
  /** Offsets of the trimmed line in the normalised text. */
  start: number;
  readonly end: number;
  /** Index of the blank-line-separated block the line belongs to. */
  readonly block: number;
  status: Status;
}

/**
 * Cleans one raw article text. Pure: no I/O, same input, same output.
 *
 * @example
 * cleanArticleText('Titre\n\nTitre\n\nLe texte.\n\nAbonnez-vous').paragraphs // [{ text: 'Le texte.' }]
 */
export function cleanArticleText(raw: string): CleanResult {
  const text = raw.replace(/\r\n?/g, '\n');
  const lines = splitLines(text);
  const removed: { at: number; piece: RemovedPiece }[] = [];
  const warnings: string[] = [];
  const slice = (l: Line) => text.slice(l.start, l.end);
  const remove = (l: Line, reason: string) => {
    removed.push({ at: l.start, piece: { text: slice(l), reason } });
    l.status = 'removed';
  };

  const header = readWireHeader(text, lines, warnings);
  if (header) removed.push({ at: header.at, piece: { text: header.text, reason: REASON.header } });

  for (const line of lines) {
    const t = slice(line);
    const rule = LINE_RULES.find((r) => t.length <= r.maxLength && r.pattern.test(t));
    if (line.status === 'body' && rule) remove(line, rule.reason);
  }

  removeConsentBanner(lines, slice, remove);

  let title = findRepeatedTitle(lines, slice, remove);
  const runs = paragraphRuns(lines);
  const paragraphs: CleanParagraph[] = [];
  const bodyRuns = runs.map((r) => r.length > 1 || !looksLikeHeading(slice(r[0] as Line)));
  let heading: string | undefined;
  let headingRun: Line | undefined;
  runs.forEach((run, i) => {
    const first = run[0] as Line;
    const last = run[run.length - 1] as Line;
    const t = text.slice(first.start, last.end);
    if (bodyRuns[i]) {
      paragraphs.push(heading === undefined ? { text: t } : { text: t, heading });
      headingRun = undefined;
      return;
    }
    const before = bodyRuns.slice(0, i).some(Boolean);
    const after = bodyRuns.slice(i + 1).some(Boolean);
    const marker = HEADING_MARKER.exec(t)?.[1];
    if (after && (before || marker !== undefined)) {
      if (headingRun) remove(headingRun, REASON.emptyHeading);
      heading = marker ?? t;
      headingRun = first;
    } else if (after && title === undefined) {
      title = t;
      remove(first, REASON.title);
    } else if (!after && before && t.split(/\s+/u).length <= 6 && t.length <= 50) {
      remove(first, REASON.tagline);
    } else {
      warnings.push(`kept a short line without final punctuation as a paragraph: "${t}"`);
      paragraphs.push(heading === undefined ? { text: t } : { text: t, heading });
    }
  });
  if (headingRun) remove(headingRun, REASON.emptyHeading);

  const lead = paragraphs[0]?.text;
  const derivedTitle = title === undefined && lead !== undefined ? titleFromLead(lead) : undefined;
  const inferred = header?.published === undefined ? inferDate(paragraphs) : undefined;
  return {
    paragraphs,
    title: title ?? derivedTitle,
    titleDerived: derivedTitle !== undefined,
    published: header?.published ?? inferred?.date,
    publishedInferredFrom: inferred?.evidence,
    source: header?.outlet,
    dateline: header?.dateline,
    removed: removed.sort((a, b) => a.at - b.at).map((r) => r.piece),
    warnings,
  };
}

/** Non-blank lines with trimmed offsets and the index of their blank-line-separated block. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let block = 0;
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const content = raw.trim();
    if (content === '') block++;
    else lines.push({ start: offset + lead, end: offset + lead + content.length, block, status: 'body' });
    offset += raw.length + 1;
  }
  return lines;
}

/**
 * After the body, a banner's opening sentence starts the page footer: it and everything after it
 * go. Before the body (banner shown first) only the opening line itself goes, so a banner can
 * never swallow the article.
 */
function removeConsentBanner(lines: readonly Line[], slice: (l: Line) => string, remove: (l: Line, reason: string) => void): void {
  let bodySeen = false;
  for (const [i, line] of lines.entries()) {
    if (line.status !== 'body') continue;
    if (!CONSENT_OPENING.test(slice(line))) {
      bodySeen = true;
    } else if (!bodySeen) {
      remove(line, REASON.consent);
    } else {
      for (const rest of lines.slice(i)) if (rest.status === 'body') remove(rest, REASON.consentTail);
      return;
    }
  }
}

interface WireHeader {
  readonly at: number;
  readonly text: string;
  readonly dateline: string;
  readonly outlet: string;
  readonly published?: string;
}

/** Looks for a wire header on the first three lines; the rest of its line stays as the lead. */
function readWireHeader(text: string, lines: Line[], warnings: string[]): WireHeader | undefined {
  for (const line of lines.slice(0, 3)) {
    const m = WIRE_HEADER.exec(text.slice(line.start, line.end));
    const g = m?.groups;
    if (!m || !g?.dateline || !g.outlet) continue;
    const at = line.start;
    line.start += m[0].length;
    if (line.start >= line.end) line.status = 'removed';
    const published = `${g.year}-${(g.month ?? '').padStart(2, '0')}-${(g.day ?? '').padStart(2, '0')}`;
    if (!isRealDate(published)) {
      warnings.push(`wire header date "${g.day}/${g.month}/${g.year}" is not a real date; ignored`);
      return { at, text: m[0].trim(), dateline: g.dateline.trim(), outlet: g.outlet.trim() };
    }
    const weekday = WEEKDAYS[new Date(`${published}T12:00:00Z`).getUTCDay()];
    if (g.weekday && weekday && g.weekday.toLowerCase() !== weekday) {
      warnings.push(`wire header says "${g.weekday}" but ${g.day}/${g.month}/${g.year} is a ${weekday}; kept the numeric date`);
    }
    return { at, text: m[0].trim(), dateline: g.dateline.trim(), outlet: g.outlet.trim(), published };
  }
  return undefined;
}

/** A first line (before any prose) that appears again verbatim is the page's title, shown twice. */
function findRepeatedTitle(lines: Line[], slice: (l: Line) => string, remove: (l: Line, reason: string) => void): string | undefined {
  const first = lines.find((l) => l.status === 'body');
  if (!first) return undefined;
  const title = slice(first);
  if (title.length > 200 || title.endsWith('.')) return undefined;
  const copies = lines.filter((l) => l !== first && l.status === 'body' && slice(l) === title);
  if (copies.length === 0) return undefined;
  remove(first, REASON.title);
  for (const copy of copies) remove(copy, REASON.repeatedTitle);
  return title;
}

/** Groups kept lines that follow each other in the same block: each group is one paragraph. */
function paragraphRuns(lines: readonly Line[]): Line[][] {
  const runs: Line[][] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    if (line.status === 'body') {
      const run = runs[runs.length - 1];
      if (run && previous?.status === 'body' && previous.block === line.block) run.push(line);
      else runs.push([line]);
    }
    previous = line;
  }
  return runs;
}

/**
 * A short line starting with a capital and ending without sentence punctuation: a subheading,
 * title or tagline depending on where it stands. `- … -` markers count too.
 */
function looksLikeHeading(line: string): boolean {
  if (HEADING_MARKER.test(line)) return true;
  return (
    line.length <= 100 &&
    line.split(/\s+/u).length <= 14 &&
    /^[\p{Lu}\d«"“]/u.test(line) &&
    !/[.!?…:;,]$/u.test(line) &&
    !/[.!?…]\s*[»"”]$/u.test(line) &&
    !/[.!?…]\s+\S/u.test(line)
  );
}

/** First sentence of the lead, cut at a word boundary to {@link DERIVED_TITLE_MAX} with `…`. */
export function titleFromLead(lead: string): string {
  const span = sentenceSpans(lead)[0];
  const sentence = (span ? lead.slice(span.start, span.end) : lead).replace(/\s+/gu, ' ').replace(/(?<!\.)\.$/u, '');
  if (sentence.length <= DERIVED_TITLE_MAX) return sentence;
  const cut = sentence.slice(0, DERIVED_TITLE_MAX - 1);
  const boundary = cut.search(/\s\S*$/u);
  return `${(boundary > 0 ? cut.slice(0, boundary) : cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}

/** The first real full date introduced by `ce` or `le` in the kept paragraphs. */
function inferDate(paragraphs: readonly CleanParagraph[]): { date: string; evidence: string } | undefined {
  for (const p of paragraphs) {
    for (const m of p.text.matchAll(new RegExp(INTRODUCED_DATE, 'giu'))) {
      const [evidence, day, monthName, year] = m;
      const month = MONTHS[(monthName ?? '').normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase()];
      const date = `${year}-${String(month).padStart(2, '0')}-${(day === '1er' ? '1' : (day ?? '')).padStart(2, '0')}`;
      if (month !== undefined && isRealDate(date)) return { date, evidence };
    }
  }
  return undefined;
}
