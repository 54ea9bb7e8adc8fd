/**
 * Turns raw article text (as copied from a wire feed, a web page or an e-mail) into verbatim
 * paragraphs, removing only what is not article text and saying why for every removed piece.
 *
 * The one promise: every kept paragraph (and heading) is a verbatim slice of the input once
 * normalised by {@link normaliseRawText} (`\r\n` read as `\n`, Unicode NFC), with only
 * surrounding white space trimmed. Nothing is re-wrapped, re-quoted or re-spaced; a paragraph that
 * spans several lines keeps its line breaks.
 *
 * The rules are meant for any outlet and are deliberately conservative: a line is removed only
 * when it matches a pattern that article prose practically never matches (`noise-lines.ts`), and
 * long lines are never taken for captions, promos or taglines. When in doubt, text is kept and a
 * warning is returned instead. Steps, in order:
 *
 * 1. paragraphs are separated by blank lines, or by single line breaks when the text has no blank
 *    line between most of its lines (text copied from a browser); see {@link readLineMode};
 * 2. wire header on one of the first lines (`date 2025-06 Moscou, Russie | AFP | mercredi
 *    17/06/2025 - `): gives dateline, outlet and date; the rest of that line is the lead;
 * 3. single noise lines (`noise-lines.ts`): captions, credits, bylines, the page's dates, promos,
 *    share prompts, advertising, newsletter and paywall offers, players, labels, e-mail headers;
 *    a lone line naming the outlet (`options.outletNames`);
 * 4. a cookie banner opening after the body: it and everything after it; a comments, paywall or
 *    sponsored-links opening: the same; a related-articles list: up to the next prose paragraph;
 * 5. before the body: section labels (`Politique`, a short line above the headline);
 * 6. the title: a first line repeated below (every copy removed, also one glued to the lead or
 *    followed by ` - Outlet`), else a first short line that is not a sentence (also when glued
 *    to the lead, on its line or the line below); never a piece of the lead. None found: `title`
 *    is undefined and the caller asks for one;
 * 7. an agency dateline at the head of the lead (`Abidjan, 18 juin 2025 (AIP)- `, see
 *    `dateline.ts`): cut off, it gives place, date and agency;
 * 8. consecutive kept lines form a paragraph; a lone short line without final punctuation is a
 *    subheading between paragraphs and a tagline after the last one; `- Heading -` markers are
 *    subheadings; a credit in brackets closing the last paragraph (`(Rédigé par …)`) is cut off;
 * 9. the date: wire header, else dateline, else the page's `Publié le …` line, else the first full
 *    date introduced by `ce`/`le` outside quotations (`ce 17 juin 2025`), reported as inferred.
 */
import { readDateline } from './dateline.js';
import { CONSENT_OPENING, FOOTER_OPENING, noiseRule, prepareNoiseRules, REASON, RELATED_LIST_OPENING, SECTION_LABEL } from './noise-lines.js';
import { isRealDate } from './schema.js';
import { fold } from '../text/fold.js';

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

/** How paragraphs are separated in a text: decided once per text by {@link readLineMode}. */
export type LineMode = 'blank-line' | 'single-newline';

/** Where {@link CleanResult.published} was read. */
export type PublishedFrom = 'wire header' | 'dateline' | 'page date' | 'text';

/** What {@link cleanArticleText} found in a raw text. */
export interface CleanResult {
  readonly paragraphs: readonly CleanParagraph[];
  /** The headline, found as a line of the text (repeated, or a first short line); never made up. */
  readonly title?: string;
  /** `YYYY-MM-DD`; where it was read is in `publishedFrom`. */
  readonly published?: string;
  readonly publishedFrom?: PublishedFrom;
  /** When `published` was inferred from the body, the words it was read from (`ce 17 juin 2025`). */
  readonly publishedInferredFrom?: string;
  /** Outlet named by the wire header (`AFP`), else agency of the dateline (`AIP`): match it against sources' short names. */
  readonly source?: string;
  /** Place the report was filed from, e.g. `Moscou, Russie`, `Abidjan`. */
  readonly dateline?: string;
  /** How paragraphs were separated. */
  readonly lineMode: LineMode;
  readonly removed: readonly RemovedPiece[];
  /** Things a human should check (text kept although it looked odd, inconsistent header…). */
  readonly warnings: readonly string[];
}

/** Options of {@link cleanArticleText}. */
export interface CleanOptions {
  /** Names of the outlet (`Fraternité Matin`, `fratmat.info`): a line that is only one of them is removed. */
  readonly outletNames?: readonly string[];
}

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

/** `- Accord de défense mutuelle -`: the AFP way of marking a subheading. */
const HEADING_MARKER = /^[-–—]{1,2}\s+(\S.{0,100}?)\s+[-–—]{1,2}$/u;

const MONTH_WORD = '(janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)';
/** `ce 17 juin 2025`, `le mardi 1er juillet 2025`. */
const INTRODUCED_DATE = new RegExp(`\\b(?:ce|le)\\s+(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\\s+)?(1er|\\d{1,2})\\s+${MONTH_WORD}\\s+(\\d{4})\\b`, 'iu');
/** Any full date in a line of the page's own dates (`Publié le 18 juin 2025 à 10h32`, `18/06/2025`). */
const PAGE_DATE = new RegExp(`(?:(1er|\\d{1,2})\\s+${MONTH_WORD}\\s+(\\d{4})|(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}))`, 'iu');

/** Words a report's first sentence opens with: where a headline glued to the lead ends. */
const LEAD_OPENERS = /^(?:Le|La|Les|L['’]|Un|Une|Des|Du|De|Ce|Cet|Cette|Ces|Il|Elle|Ils|Elles|On|Nous|Dans|Depuis|Selon|Après|Avant|Au|Aux|À|En|Pour|Lors|Alors|Face|Plus|Près|Deux|Trois|Quatre|Cinq|Plusieurs|Certains|C['’]est|Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche|Hier|Ce|Cela|Officiellement|Désormais|Malgré|Sous|Sur|Entre|Pendant|Comme|Quelque|Quelques)(?=[\s\u00a0’'])/u;

/** A credit in brackets closing the last paragraph: ` (Rédigé par …)`, ` (Reportage …; version française …)`. */
const TRAILING_CREDIT = /\s+\(\s*(?:rédigé|écrit|texte|reportage|avec|édité|édition|version\s+française|propos\s+recueillis|traduit|traduction|correspondance)(?!\p{L})[^()]{1,200}\)\.?$/iu;

type Status = 'body' | 'removed';

interface Line {
  /** Offsets of the trimmed line in the normalised text. */
  start: number;
  end: number;
  /** Index of the paragraph block the line belongs to: blank-line-separated, or the line's own in single-newline mode. */
  block: number;
  status: Status;
}

/**
 * The text cleaning works on, and that kept paragraphs are slices of: line ends as `\n`, Unicode
 * NFC (a text copied on macOS may come decomposed: `é` as `e` + accent).
 */
export function normaliseRawText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').normalize('NFC');
}

/** An invented dispatch with the noise cleaning reads most (a dateline, a credit, a related list, a footer), for {@link prepareCleaning}. */
export const WARM_UP_TEXT = [
  'Valdorie : le pont de Brisach rouvre',
  'Brisach, 11 mars 2025 (AHP) - Le pont de Brisach a rouvert mardi après trois semaines de travaux, a annoncé la préfecture.',
  'Lire aussi : La crue de la Sarne en images',
  '« Les contrôles sont terminés », a déclaré l’ingénieur Marc Lenoir à l’Agence Hexagonale de Presse. Quelque 1 200 véhicules l’empruntent chaque jour.',
  '(Photo : AHP / Jean Dupré)',
  'Les riverains, qui attendaient cette réouverture depuis février, se sont réjouis.',
  'Commentaires',
].join('\n\n');

/**
 * Runs the cleaning a few times on an invented dispatch: its first runs are tens of milliseconds
 * while V8 compiles its regular expressions (24 ms, then 8, then 1 measured on a 20-paragraph
 * text), which a moderator's first preview after a start would otherwise pay while members'
 * queries wait. Call once at start-up where articles are previewed.
 */
export function prepareCleaning(): void {
  prepareNoiseRules();
  for (let run = 0; run < WARM_UP_RUNS; run++) cleanArticleText(WARM_UP_TEXT);
}

/** Runs of the warm-up: after three, a 20-paragraph text was cleaned in 1.3 ms, then under 1 ms (measured). */
const WARM_UP_RUNS = 3;

/**
 * Cleans one raw article text. Pure: no I/O, same input, same output.
 *
 * @example
 * cleanArticleText('Titre\n\nTitre\n\nLe texte.\n\nAbonnez-vous').paragraphs // [{ text: 'Le texte.' }]
 */
export function cleanArticleText(raw: string, options: CleanOptions = {}): CleanResult {
  const text = normaliseRawText(raw);
  const lines = splitLines(text);
  const lineMode = readLineMode(text, lines);
  if (lineMode === 'single-newline') splitSingleNewlineBlocks(text, lines);
  const removed: { at: number; piece: RemovedPiece }[] = [];
  const warnings: string[] = [];
  const slice = (l: Line) => text.slice(l.start, l.end);
  const remove = (l: Line, reason: string) => {
    removed.push({ at: l.start, piece: { text: slice(l), reason } });
    l.status = 'removed';
  };

  const header = readWireHeader(text, lines, warnings);
  if (header) removed.push({ at: header.at, piece: { text: header.text, reason: REASON.header } });

  const outlets = new Set((options.outletNames ?? []).map(comparable).filter((n) => n !== ''));
  let pageDate: string | undefined;
  let subject: string | undefined;
  for (const line of lines) {
    if (line.status !== 'body') continue;
    const t = slice(line);
    const rule = noiseRule(t);
    if (rule) {
      if (rule.reason === REASON.pageDate && !/^(?:mis|mise|modifié|actualisé)/iu.test(t)) pageDate ??= readPageDate(t);
      if (rule.reason === REASON.email) subject ??= /^(?:objet|subject)\s?:\s*(?:(?:tr|fwd?|re)\s?:\s*)*(.+)$/iu.exec(t)?.[1];
      remove(line, rule.reason);
    } else if (outlets.has(comparable(t))) {
      remove(line, REASON.label);
    }
  }

  removeConsentBanner(lines, slice, remove);
  removePageFooter(lines, slice, remove);
  removeRelatedLists(lines, slice, remove);
  removeSectionLabels(lines, slice, remove);

  let title = findRepeatedTitle(lines, slice, remove);
  if (title === undefined) title = splitGluedHeadline(lines, slice, remove);
  const dateline = header ? undefined : cutDateline(text, lines, removed);
  if (title === undefined) separateFirstLine(lines, slice);

  const runs = paragraphRuns(lines);
  const paragraphs: CleanParagraph[] = [];
  const bodyRuns = runs.map((r, i) => {
    const t = slice(r[0] as Line);
    if (r.length > 1) return true;
    // A headline may be longer than a subheading; only the very first line can be one.
    return i === 0 && title === undefined ? !looksLikeHeading(t) && !looksLikeHeadline(t) : !looksLikeHeading(t);
  });
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
    if (title !== undefined && t === title) {
      remove(first, REASON.repeatedTitle);
    } else if (after && (before || marker !== undefined)) {
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
  cutTrailingCredit(paragraphs, runs, bodyRuns, removed);

  const stated = firstStated([
    [header?.published, 'wire header'],
    [dateline?.date, 'dateline'],
    [pageDate, 'page date'],
  ]);
  const inferred = stated ? undefined : inferDate(paragraphs);
  const published = stated ?? (inferred ? ([inferred.date, 'text'] as const) : undefined);
  return {
    paragraphs,
    title: title ?? subject?.trim(),
    published: published?.[0],
    publishedFrom: published?.[1],
    publishedInferredFrom: inferred?.evidence,
    source: header?.outlet ?? dateline?.agency,
    dateline: header?.dateline ?? dateline?.place,
    lineMode,
    removed: removed.sort((a, b) => a.at - b.at).map((r) => r.piece),
    warnings,
  };
}

/** The first date the text states outright, with where it stated it. */
function firstStated(pairs: readonly (readonly [string | undefined, PublishedFrom])[]): readonly [string, PublishedFrom] | undefined {
  const found = pairs.find(([value]) => value !== undefined);
  return found?.[0] === undefined ? undefined : [found[0], found[1]];
}

/** Case, accents and surrounding punctuation ignored: how a line is compared with an outlet's name. */
function comparable(text: string): string {
  return fold(text).replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
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

/**
 * Decides how paragraphs are separated. Single line breaks when most transitions between
 * non-blank lines are single line breaks, unless the text is hard-wrapped (an e-mail at 72
 * columns: lines ending mid-sentence with the next starting in lower case), where blank lines
 * still separate paragraphs.
 */
export function readLineMode(text: string, lines: readonly Pick<Line, 'start' | 'end' | 'block'>[]): LineMode {
  let single = 0;
  let blank = 0;
  let wrapped = 0;
  for (let i = 1; i < lines.length; i++) {
    const [previous, line] = [lines[i - 1], lines[i]] as [Line, Line];
    if (previous.block !== line.block) blank++;
    else {
      single++;
      if (continuesLine(text.slice(previous.start, previous.end), text.slice(line.start, line.end))) wrapped++;
    }
  }
  if (single <= blank) return 'blank-line';
  return blank > 0 && wrapped >= single * 0.3 ? 'blank-line' : 'single-newline';
}

/** `previous` ends mid-sentence and `next` carries on in lower case: one paragraph wrapped on two lines. */
function continuesLine(previous: string, next: string): boolean {
  return !/[.!?…:»"”)]$/u.test(previous) && /^[\p{Ll}(,;]/u.test(next);
}

/** Single-newline mode: every line is its own block, except a line that carries on the one before. */
function splitSingleNewlineBlocks(text: string, lines: Line[]): void {
  let block = 0;
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (previous && !continuesLine(text.slice(previous.start, previous.end), text.slice(line.start, line.end))) block++;
    line.block = block;
  });
}

/**
 * After the body, a comments section, a paywall notice, sponsored links or an e-mail signature
 * (`-- `) end the article: they and everything after them go.
 */
function removePageFooter(lines: readonly Line[], slice: (l: Line) => string, remove: (l: Line, reason: string) => void): void {
  let bodySeen = false;
  for (const [i, line] of lines.entries()) {
    const t = slice(line);
    if (bodySeen && FOOTER_OPENING.test(t)) {
      for (const rest of lines.slice(i)) if (rest.status === 'body' || rest === line) {
        if (rest === line && line.status === 'removed') continue;
        remove(rest, REASON.footer);
      }
      return;
    }
    if (line.status === 'body' && isProse(t)) bodySeen = true;
  }
}

/**
 * `Sur le même sujet`, `Les plus lus`, a bare `Lire aussi`: the titles listed below go, up to the
 * next prose paragraph.
 */
function removeRelatedLists(lines: readonly Line[], slice: (l: Line) => string, remove: (l: Line, reason: string) => void): void {
  for (const [i, line] of lines.entries()) {
    if (!RELATED_LIST_OPENING.test(slice(line))) continue;
    if (line.status === 'body') remove(line, REASON.related);
    for (const next of lines.slice(i + 1)) {
      if (next.status !== 'body') continue;
      // A tag in lower case (`criquets`) is no sentence: the list ends at prose that reads as one.
      if (isProse(slice(next)) && isSentenceLike(slice(next))) break;
      remove(next, REASON.related);
    }
  }
}

/**
 * Before the body: section names (`Politique`) and, above the headline, a short line of at most
 * four words (a rubric, the outlet's name).
 */
function removeSectionLabels(lines: readonly Line[], slice: (l: Line) => string, remove: (l: Line, reason: string) => void): void {
  const head = headLines(lines, slice);
  head.forEach((line, i) => {
    const t = slice(line);
    const aboveHeadline = head.slice(i + 1).some((l) => looksLikeHeadline(slice(l)) && words(slice(l)) > words(t));
    if (SECTION_LABEL.test(t) || (aboveHeadline && words(t) <= 4 && t.length <= 40 && !/[.!?]$/u.test(t))) remove(line, REASON.label);
  });
}

/** Ends like a sentence, or is long enough to be one. */
function isSentenceLike(t: string): boolean {
  return /[.!?…»"”)]$/u.test(t) || words(t) >= 8;
}

/** Kept lines before the first prose line (the headline zone), in order. */
function headLines(lines: readonly Line[], slice: (l: Line) => string): Line[] {
  const head: Line[] = [];
  for (const line of lines) {
    if (line.status !== 'body') continue;
    if (isProse(slice(line))) break;
    head.push(line);
  }
  return head;
}

const words = (t: string) => t.split(/\s+/u).length;

/** A line that reads as article prose rather than a headline, label or list item. */
function isProse(t: string): boolean {
  return !looksLikeHeadline(t) && !looksLikeHeading(t);
}

/**
 * A first line (before any prose) that appears again is the page's title, shown twice: every
 * copy goes, also a copy followed by ` - Outlet` or ` | Outlet`, and a copy glued to the lead
 * (`…à PyongyangLe dirigeant…`), which is cut where the lead starts.
 */
function findRepeatedTitle(lines: Line[], slice: (l: Line) => string, remove: (l: Line, reason: string) => void): string | undefined {
  const first = lines.find((l) => l.status === 'body');
  if (!first) return undefined;
  const title = slice(first);
  if (title.length > 200 || title.endsWith('.')) return undefined;
  const copies = lines.filter((l) => l !== first && l.status === 'body' && isCopyOfTitle(slice(l), title));
  const glued = lines.find((l) => l !== first && l.status === 'body' && slice(l).startsWith(title) && LEAD_OPENERS.test(slice(l).slice(title.length).trimStart()));
  if (copies.length === 0 && !glued) return undefined;
  remove(first, REASON.title);
  for (const copy of copies) remove(copy, REASON.repeatedTitle);
  if (glued) {
    remove(splitLine(lines, glued, glued.start + title.length), REASON.repeatedTitle);
    glued.start += slice(glued).length - slice(glued).trimStart().length;
  }
  return title;
}

function isCopyOfTitle(line: string, title: string): boolean {
  if (line === title) return true;
  return line.startsWith(title) && /^\s+[-–—|]\s+\S.{0,40}$/u.test(line.slice(title.length));
}

/**
 * Cuts `line` at `at`: the part before becomes a line of its own (returned), in its own block,
 * and `line` keeps the rest.
 */
function splitLine(lines: Line[], line: Line, at: number): Line {
  const piece: Line = { start: line.start, end: at, block: line.block - 0.5, status: 'body' };
  lines.splice(lines.indexOf(line), 0, piece);
  line.start = at;
  return piece;
}

/**
 * No title found yet: a headline glued to the lead on the same line (`Kim reçoit Choïgou à
 * PyongyangLe dirigeant nord-coréen a…`) is cut where a lower-case letter runs into a capital
 * that opens a sentence or a dateline.
 */
function splitGluedHeadline(lines: Line[], slice: (l: Line) => string, remove: (l: Line, reason: string) => void): string | undefined {
  const first = lines.find((l) => l.status === 'body');
  if (!first) return undefined;
  const t = slice(first);
  for (const m of t.slice(0, 201).matchAll(/(?<=[\p{Ll}\d)»"”?!])(?=\p{Lu})/gu)) {
    const at = m.index;
    const headline = t.slice(0, at);
    const rest = t.slice(at);
    if (at < 12 || !looksLikeHeadline(headline)) continue;
    if (!LEAD_OPENERS.test(rest) && readDateline(rest) === undefined) continue;
    remove(splitLine(lines, first, first.start + at), REASON.title);
    return headline;
  }
  return undefined;
}

/**
 * An agency dateline opening the lead: cut from it (the rest of the line stays), or the whole
 * line when the dateline stands alone (`ABIDJAN (AIP) -`).
 */
function cutDateline(text: string, lines: readonly Line[], removed: { at: number; piece: RemovedPiece }[]): ReturnType<typeof readDateline> {
  const head = lines.filter((l) => l.status === 'body').slice(0, 6);
  for (const line of head) {
    // A hard-wrapped lead (an e-mail) reads as prose only with the rest of its block.
    const blockEnd = lines.filter((l) => l.block === line.block && l.status === 'body').at(-1)?.end ?? line.end;
    const prose = isProse(text.slice(line.start, blockEnd));
    const found = readDateline(text.slice(line.start));
    // On a headline-like line, only a dateline standing alone counts: `BÉNIN - Le gouvernement…` is a headline.
    if (found && (prose || line.start + found.end >= line.end)) {
      const end = Math.min(line.start + found.end, line.end);
      removed.push({ at: line.start, piece: { text: found.text, reason: REASON.dateline } });
      if (end >= line.end) line.status = 'removed';
      else line.start = end;
      return found;
    }
    if (prose) return undefined;
  }
  return undefined;
}

/**
 * No title found yet and the first block holds several lines: a first line that is a headline,
 * followed by a line opening a sentence, is the headline glued to the lead on the line below.
 */
function separateFirstLine(lines: Line[], slice: (l: Line) => string): void {
  const body = lines.filter((l) => l.status === 'body');
  const [first, second] = body;
  if (!first || !second || first.block !== second.block) return;
  if (looksLikeHeadline(slice(first)) && /^[\p{Lu}«"“\d]/u.test(slice(second))) first.block -= 0.5;
}

/**
 * A headline: up to 200 characters and 30 words, opening with a capital, a digit or a quote,
 * not ending like a sentence (a question or exclamation mark is fine) and holding no sentence
 * break.
 */
function looksLikeHeadline(line: string): boolean {
  return (
    line.length <= 200 &&
    words(line) <= 30 &&
    /^[\p{Lu}\d«"“]/u.test(line) &&
    !/[.…:;,]$/u.test(line) &&
    !/[.…]\s*[»"”]$/u.test(line) &&
    !/[.!?…]\s+[\p{Lu}«"“]/u.test(line)
  );
}

/** Cuts a bracketed credit (`(Rédigé par …)`) off the end of the last paragraph. */
function cutTrailingCredit(paragraphs: CleanParagraph[], runs: readonly Line[][], bodyRuns: readonly boolean[], removed: { at: number; piece: RemovedPiece }[]): void {
  const lastIndex = paragraphs.length - 1;
  const last = paragraphs[lastIndex];
  const run = runs.filter((_, i) => bodyRuns[i]).at(-1);
  if (!last || !run) return;
  const m = TRAILING_CREDIT.exec(last.text);
  if (!m || m.index === 0) return;
  const lastLine = run[run.length - 1] as Line;
  removed.push({ at: lastLine.end - m[0].trimStart().length, piece: { text: m[0].trim(), reason: REASON.byline } });
  paragraphs[lastIndex] = { ...last, text: last.text.slice(0, m.index) };
}

/** The first full date of a line of the page's own dates (`Publié le 18 juin 2025 à 10h32`). */
function readPageDate(line: string): string | undefined {
  const m = PAGE_DATE.exec(line);
  if (!m) return undefined;
  const [, day, month, year, nday, nmonth, nyear] = m;
  if (day && month && year) return isoFromWords(day, month, year);
  const iso = `${nyear}-${(nmonth ?? '').padStart(2, '0')}-${(nday ?? '').padStart(2, '0')}`;
  return isRealDate(iso) ? iso : undefined;
}

function isoFromWords(day: string, monthName: string, year: string): string | undefined {
  const month = MONTHS[fold(monthName)];
  const date = `${year}-${String(month).padStart(2, '0')}-${(day === '1er' ? '1' : day).padStart(2, '0')}`;
  return month !== undefined && isRealDate(date) ? date : undefined;
}

/**
 * The first real full date introduced by `ce` or `le` in the kept paragraphs, outside
 * quotations: a date someone is quoted saying is not when the article was published.
 */
function inferDate(paragraphs: readonly CleanParagraph[]): { date: string; evidence: string } | undefined {
  for (const p of paragraphs) {
    const quoted = quotationSpans(p.text);
    for (const m of p.text.matchAll(new RegExp(INTRODUCED_DATE, 'giu'))) {
      if (quoted.some(([start, end]) => m.index >= start && m.index < end)) continue;
      const [evidence, day, monthName, year] = m;
      const date = isoFromWords(day ?? '', monthName ?? '', year ?? '');
      if (date) return { date, evidence };
    }
  }
  return undefined;
}

/** `[start, end)` of every quotation: `« … »`, `“ … ”`, and straight `"…"` taken in pairs. */
export function quotationSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(/«[^»]*(?:»|$)|“[^”]*(?:”|$)|"[^"]*(?:"|$)/gu)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}
