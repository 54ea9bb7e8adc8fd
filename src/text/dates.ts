/**
 * Dates as French news gives them (`17 juin 2025`, `mardi`, `l'an dernier`, `début juin`,
 * `le printemps 2025`), each normalised to a period and resolved against the article's
 * publication date when the wording leaves the year or the day implicit.
 *
 * chrono-node's French parser reads day dates, weekdays and `la semaine dernière` well; it misses
 * bare months, seasons, years after a preposition and parts of months, which the rules below add.
 * It also reads durations (`moins de deux mois`, `en quinze jours`) as dates, which are dropped.
 */
import type * as ChronoFr from 'chrono-node/fr';
import { createRequire } from 'node:module';
import { fold } from './fold.js';

type ChronoFrench = typeof ChronoFr;

let chronoFrench: ChronoFrench | undefined;

/**
 * chrono-node's French parser, loaded on first use: dates are only read while the knowledge base
 * is built, so a start from the cache never needs it. Importing the whole package took 0.58 s at
 * every start (measured); the French locale alone takes 0.14 s, and only when needed.
 */
function chronoFr(): ChronoFrench {
  chronoFrench ??= createRequire(import.meta.url)('chrono-node/fr') as ChronoFrench;
  return chronoFrench;
}

/**
 * Loads the French date parser and reads a few invented sentences with it, now rather than at
 * the first dates read: a process that publishes articles reads dates at every publish, and its
 * first publish paid for loading the parser (66 ms measured at bench:publish) and its first
 * readings for compiling it: the first paragraphs' dates and figures took 17, 8, 5 and 7 ms, then
 * 0.1 to 0.2 ms; after this warm-up, the first paragraph's dates take 8 ms, the next ones under
 * 0.5 ms (measured on bench sentences).
 */
export function prepareDateReading(): void {
  chronoFr();
  for (let run = 0; run < WARM_UP_RUNS; run++) for (const text of WARM_UP_SENTENCES) findDates(text, '2025-03-11');
}

/** Invented sentences with the kinds of dates news gives. */
const WARM_UP_SENTENCES = [
  'Le pont a rouvert mardi 11 mars 2025, trois semaines après la crue du 18 février.',
  'La semaine dernière, le ministre avait promis des travaux avant le printemps 2025.',
  'Fin janvier, la préfecture annonçait une réouverture en mars ; depuis lundi, les camions passent.',
  "L'an dernier, le 3 juillet 2024, un premier rapport datait l'usure du pont de 1998.",
];
/** Readings of each sentence in the warm-up. */
const WARM_UP_RUNS = 5;

/** How wide the period a date names is. */
export type DatePrecision = 'day' | 'week' | 'month' | 'season' | 'year';

/** One date found in a text. `text.slice(start, end) === mention.text` always. */
export interface DateMention {
  /** The wording, e.g. `Début juin`, `l'an dernier`, `ce 17 juin 2025`. */
  text: string;
  start: number;
  end: number;
  /** `2025-06-17` (day), `2025-06-09` (week: its Monday), `2025-06`, `2025-spring`, `2024`. */
  iso: string;
  precision: DatePrecision;
  /** First day of the period as `YYYY-MM-DD`, to put mentions of any precision in order. */
  sortKey: string;
  /** `début juin` is early, `mi-juin` mid, `fin juin` late. */
  part?: 'early' | 'mid' | 'late';
  /** True when the wording alone does not give the date (weekday, `l'an dernier`, `en mars`). */
  relative: boolean;
}

type Season = 'spring' | 'summer' | 'autumn' | 'winter';
type Resolved = Omit<DateMention, 'text' | 'start' | 'end'>;
interface Ymd { y: number; m: number; d: number }
/** A span waiting to be resolved, in text order, against the previous mention (`novembre suivant`). */
interface Candidate { start: number; end: number; resolve: (prev: DateMention | undefined) => Resolved | undefined }
interface Context { text: string; pub: Ymd; instant: Date }

const MONTHS: Readonly<Record<string, number>> = {
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
};
const SEASONS: Readonly<Record<string, Season>> = { printemps: 'spring', ete: 'summer', automne: 'autumn', hiver: 'winter' };
/** Astronomical start of each season (month, day); winter YYYY starts in December YYYY. */
const SEASON_START: Readonly<Record<Season, readonly [number, number]>> = { spring: [3, 20], summer: [6, 21], autumn: [9, 22], winter: [12, 21] };
const PARTS: Readonly<Record<string, DateMention['part']>> = { debut: 'early', mi: 'mid', milieu: 'mid', fin: 'late' };

const MONTH = 'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre';
const AP = "['’]";
const PART = `(?:(?:au|à\\s+la|à\\s+l${AP}|en)\\s+)?(début|fin|mi|milieu|courant|cours)(?:\\s*-\\s*|\\s+(?:du\\s+mois\\s+(?:de\\s+|d${AP})|de\\s+l${AP}ann[ée]e\\s+)?)`;
const NEXT = '(?:\\s+(dernier|derni[èe]re|pass[ée]e?|prochaine?|suivante?|pr[ée]c[ée]dente?))';
const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';

const MONTH_RE = new RegExp(`${L}(?:${PART})?((?:le\\s+)?mois\\s+(?:de\\s+|d${AP}))?(${MONTH})(?:\\s+(\\d{4}))?${NEXT}?${R}`, 'giu');
const PART_YEAR_RE = new RegExp(`${L}${PART}(\\d{4})${R}`, 'giu');
/** Group 1 is the preposition, left out of the wording; the rest is the season's noun phrase. */
const SEASON_RE = new RegExp(`${L}(?:(au|du|en|de|à)\\s+)?(?:(le|l${AP}|ce|cet)\\s*)?(printemps|été|automne|hiver)(?:\\s+(\\d{4})(?:\\s*[-–/]\\s*\\d{4})?|${NEXT})?${R}`, 'giu');
const YEAR_RE = new RegExp(`${L}(en|depuis|dès|de|d${AP}ici|jusqu${AP}en|jusqu${AP}à|entre|avant|après|et|à|(?:l${AP})?ann[ée]e)\\s+(\\d{4})${R}`, 'giu');
const REL_YEAR_RE = new RegExp(`${L}(?:cette\\s+année|l${AP}(?:an|année)${NEXT})${R}`, 'giu');
const REL_MONTH_RE = new RegExp(`${L}(?:ce\\s+mois(?:-ci)?|le\\s+mois${NEXT})${R}`, 'giu');
const REL_WEEK_RE = new RegExp(`${L}(?:cette\\s+semaine|la\\s+semaine${NEXT})${R}`, 'giu');
const REL_DAY_RE = new RegExp(`${L}(?:avant-hier|après-demain|la\\s+veille|le\\s+lendemain)${R}`, 'giu');
/** Prepositions that make a bare month a date (`en mars`, `depuis juin`, `entre mars et mai`). */
const MONTH_CUE_RE = /(?:^|[^\p{L}])(?:en|depuis|des|jusqu'en|jusqu’en|d'ici|d’ici|entre|avant|apres|de|a|et|ou|pour|courant)\s+$/u;
/** Verb forms that put a sentence in the future, so `en septembre` is the coming one. */
const FUTURE_RE = /(?<![\p{L}])(?:\p{Ll}{2,}(?:era|ira|rra|dra|ront)|sera|aura|fera|ira|(?:va|vont)\s+\p{Ll}+(?:er|ir|re))(?![\p{L}])/u;

/**
 * Every date in a text, resolved against `published` (`YYYY-MM-DD`), in order, never overlapping
 * (the longest wording wins). Rules for what the wording leaves open:
 *
 * - a month without a year is the latest such month on or before the publication month
 *   (`en mars` in June 2025 is 2025-03, `en novembre` is 2024-11), or the next one when the
 *   sentence is in the future tense or says `prochain`; `novembre suivant` follows the previous
 *   mention;
 * - a weekday is the nearest such day within three days of publication, the past preferred:
 *   wire copy dated Tuesday may report Wednesday's statement (`mardi` and `mercredi` in an
 *   article of Tuesday 17 June are the 17th and the 18th); `dernier`/`prochain` force the side;
 * - a season without a year is the latest one begun by the publication date; `l'hiver 2024` is
 *   the winter that starts in December 2024;
 * - a year alone is a date only after `en`, `depuis`, `dès`, `de`, `d'ici`, `jusqu'en`... or a
 *   month or season; durations (`depuis plus de trois ans`, `en moins de quinze jours`) are not dates.
 *
 * An invalid `published` gives no dates.
 */
export function findDates(text: string, published: string): DateMention[] {
  const p = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published);
  if (!p) return [];
  const pub = { y: Number(p[1]), m: Number(p[2]), d: Number(p[3]) };
  const ctx: Context = { text, pub, instant: new Date(Date.UTC(pub.y, pub.m - 1, pub.d, 12)) };
  // Own rules first: on equal length they win over chrono (`l'année dernière`).
  const all = [...ruleCandidates(ctx), ...chronoCandidates(ctx)];
  const kept: Candidate[] = [];
  for (const c of [...all].sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (c.end > c.start && kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  const out: DateMention[] = [];
  for (const c of kept.sort((a, b) => a.start - b.start)) {
    const r = c.resolve(out.at(-1));
    if (r) out.push({ text: text.slice(c.start, c.end), start: c.start, end: c.end, ...r });
  }
  return out;
}

// --- chrono ----------------------------------------------------------------------------------

function chronoCandidates(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  for (const r of chronoFr().parse(ctx.text, { instant: ctx.instant, timezone: 0 })) {
    // chrono reads "de deux mois", "en quinze jours", "pendant trois ans" as dates: durations.
    if (/^(?:de|d['’]|en|pour|pendant)\s/i.test(r.text)) continue;
    const known = (k: 'day' | 'month' | 'year' | 'weekday'): boolean => r.start.isCertain(k);
    if (!known('day') && !known('month') && !known('year') && !known('weekday')) continue;
    // "ce 17 juin 2025", "Le 17 juin": the determiner belongs to the date.
    const det = /^\d/.test(r.text) ? /(?<![\p{L}])(?:le|ce)\s+$/iu.exec(ctx.text.slice(Math.max(0, r.index - 3), r.index)) : null;
    const start = r.index - (det?.[0].length ?? 0);
    const end = r.index + r.text.length;
    const ymd = { y: r.start.get('year') ?? ctx.pub.y, m: r.start.get('month') ?? 1, d: r.start.get('day') ?? 1 };
    const relative = !/\d{4}/.test(r.text);
    const folded = fold(r.text);
    out.push({
      start,
      end,
      resolve: () => {
        if (folded.includes('semaine')) return { ...week(ymd), relative };
        if (known('weekday') && !known('day')) return { ...day(weekday(ctx, r.start.get('weekday') ?? 0, folded, start)), relative };
        if (known('day')) return { ...day(ymd), relative };
        if (known('month')) return { ...month(ymd.y, ymd.m), relative };
        return { ...year(ymd.y), relative };
      },
    });
  }
  return out;
}

function weekday(ctx: Context, wd: number, wording: string, at: number): Ymd {
  const today = new Date(Date.UTC(ctx.pub.y, ctx.pub.m - 1, ctx.pub.d)).getUTCDay();
  const back = (today - wd + 7) % 7;
  const ahead = (wd - today + 7) % 7;
  let shift: number;
  if (/dernier|passe/.test(wording)) shift = -(back === 0 ? 7 : back);
  else if (/prochain/.test(wording)) shift = ahead === 0 ? 7 : ahead;
  else if (isFuture(ctx.text, at)) shift = ahead;
  else shift = back <= 3 ? -back : ahead;
  return addDays(ctx.pub, shift);
}

// --- own rules -------------------------------------------------------------------------------

function ruleCandidates(ctx: Context): Candidate[] {
  const { text, pub } = ctx;
  const out: Candidate[] = [];
  const add = (start: number, end: number, resolve: Candidate['resolve']): void => void out.push({ start, end, resolve });

  for (const m of text.matchAll(MONTH_RE)) {
    const [all, partWord, monthOf, name = '', yearText, next] = m;
    const before = fold(text.slice(Math.max(0, m.index - 12), m.index));
    const cued = partWord !== undefined || monthOf !== undefined || yearText !== undefined || next !== undefined || MONTH_CUE_RE.test(before);
    // Capitalised "Mars" without a year is the planet or a name; "mai" alone is too often not a date.
    if (!cued || (/^\p{Lu}/u.test(name) && yearText === undefined && partWord === undefined)) continue;
    const mo = MONTHS[fold(name)] ?? 1;
    add(m.index, m.index + all.length, (prev) => {
      const y = yearText !== undefined ? Number(yearText) : monthYear(ctx, mo, fold(next ?? ''), prev, m.index);
      return { ...month(y, mo), ...partOf(partWord), relative: yearText === undefined };
    });
  }
  for (const m of text.matchAll(PART_YEAR_RE)) {
    add(m.index, m.index + m[0].length, () => ({ ...year(Number(m[2])), ...partOf(m[1]), relative: false }));
  }
  for (const m of text.matchAll(SEASON_RE)) {
    const [all, prep, det, name = '', yearText, next] = m;
    // "a été" is the verb: a season needs a determiner, a preposition or a year.
    if (!det && !prep && yearText === undefined) continue;
    if (fold(name) === 'ete' && !det && /(?:^|\s)(?:a|ont|avait|avaient|aura|auront|aurait|ayant|avoir)\s+$/.test(fold(text.slice(Math.max(0, m.index - 10), m.index)))) continue;
    const season = SEASONS[fold(name)] ?? 'spring';
    const start = prep === undefined ? m.index : m.index + all.slice(prep.length).search(/\S/) + prep.length;
    add(start, m.index + all.length, (prev) => {
      const y = yearText !== undefined ? Number(yearText) : seasonYear(ctx, season, fold(next ?? ''), fold(det ?? ''), prev, m.index);
      return { ...seasonOf(y, season), relative: yearText === undefined };
    });
  }
  for (const m of text.matchAll(YEAR_RE)) {
    const cue = fold(m[1] ?? '');
    const y = Number(m[2]);
    if (y < 1900 || y > 2100) continue;
    // "plus de 2000 soldats", "entre 1950 personnes": a figure, not a year.
    const before = fold(text.slice(Math.max(0, m.index - 10), m.index));
    if (cue === 'de' && /(?:plus|moins|pres|environ|autour)\s+$/.test(before)) continue;
    if (['de', 'entre', 'et', 'a'].includes(cue) && /^[\s\u00a0]+\p{Ll}{3,}/u.test(text.slice(m.index + m[0].length)) && !/^\s+(?:et|au|aux|avec|dans|pour|sur|puis|apres|avant)\b/.test(fold(text.slice(m.index + m[0].length, m.index + m[0].length + 12)))) continue;
    const keepCue = cue.includes('annee');
    add(keepCue ? m.index : m.index + m[0].length - 4, m.index + m[0].length, () => ({ ...year(y), relative: false }));
  }
  for (const m of text.matchAll(REL_YEAR_RE)) {
    const next = fold(m[1] ?? '');
    add(m.index, m.index + m[0].length, (prev) => ({ ...year(shiftFrom(pub.y, prev ? Number(prev.sortKey.slice(0, 4)) : pub.y, next)), relative: true }));
  }
  for (const m of text.matchAll(REL_MONTH_RE)) {
    const next = fold(m[1] ?? '');
    add(m.index, m.index + m[0].length, (prev) => {
      const base = next.startsWith('suiv') || next.startsWith('prec') ? (prev ? ymdOf(prev.sortKey) : pub) : pub;
      const delta = /^(?:dern|pass|prec)/.test(next) ? -1 : next === '' ? 0 : 1;
      const total = base.y * 12 + base.m - 1 + delta;
      return { ...month(Math.floor(total / 12), (total % 12) + 1), relative: true };
    });
  }
  for (const m of text.matchAll(REL_WEEK_RE)) {
    const next = fold(m[1] ?? '');
    add(m.index, m.index + m[0].length, (prev) => {
      const base = (next.startsWith('suiv') || next.startsWith('prec')) && prev ? ymdOf(prev.sortKey) : pub;
      return { ...week(addDays(base, /^(?:dern|pass|prec)/.test(next) ? -7 : next === '' ? 0 : 7)), relative: true };
    });
  }
  for (const m of text.matchAll(REL_DAY_RE)) {
    const w = fold(m[0]);
    add(m.index, m.index + m[0].length, (prev) => {
      if (w === 'avant-hier' || w === 'apres-demain') return { ...day(addDays(pub, w === 'avant-hier' ? -2 : 2)), relative: true };
      // "la veille", "le lendemain" only make sense next to a day.
      if (prev?.precision !== 'day') return undefined;
      return { ...day(addDays(ymdOf(prev.sortKey), w.includes('veille') ? -1 : 1)), relative: true };
    });
  }
  return out;
}

function partOf(word: string | undefined): Pick<DateMention, 'part'> {
  const part = word === undefined ? undefined : PARTS[fold(word)];
  return part ? { part } : {};
}

/** Year of a month named without one; see {@link findDates}. */
function monthYear(ctx: Context, mo: number, next: string, prev: DateMention | undefined, at: number): number {
  const { pub } = ctx;
  if (next.startsWith('suiv') && prev) {
    const base = ymdOf(prev.sortKey);
    return mo > base.m ? base.y : base.y + 1;
  }
  if (next.startsWith('prec') && prev) {
    const base = ymdOf(prev.sortKey);
    return mo < base.m ? base.y : base.y - 1;
  }
  if (/^(?:dern|pass)/.test(next)) return mo < pub.m ? pub.y : pub.y - 1;
  if (next.startsWith('proch') || next.startsWith('suiv')) return mo > pub.m ? pub.y : pub.y + 1;
  if (isFuture(ctx.text, at)) return mo >= pub.m ? pub.y : pub.y + 1;
  return mo <= pub.m ? pub.y : pub.y - 1;
}

/** Year of a season named without one; see {@link findDates}. */
function seasonYear(ctx: Context, season: Season, next: string, det: string, prev: DateMention | undefined, at: number): number {
  const { pub } = ctx;
  const pubKey = iso(pub);
  const started = (y: number): boolean => seasonOf(y, season).sortKey <= pubKey;
  const latest = started(pub.y) ? pub.y : pub.y - 1;
  if (next.startsWith('suiv') && prev) {
    const y = Number(prev.sortKey.slice(0, 4));
    return seasonOf(y, season).sortKey > prev.sortKey ? y : y + 1;
  }
  if (/^(?:dern|pass|prec)/.test(next)) return currentSeasonIs(pub, season, latest) ? latest - 1 : latest;
  if (next.startsWith('proch') || next.startsWith('suiv')) return latest + 1;
  if (det === 'ce' || det === 'cet') return currentSeasonIs(pub, season, latest) ? latest : pub.y;
  if (isFuture(ctx.text, at)) return currentSeasonIs(pub, season, latest) ? latest : latest + 1;
  return latest;
}

function currentSeasonIs(pub: Ymd, season: Season, y: number): boolean {
  const order: Season[] = ['spring', 'summer', 'autumn', 'winter'];
  const next = order[(order.indexOf(season) + 1) % 4] ?? 'spring';
  const end = seasonOf(season === 'winter' ? y + 1 : y, next).sortKey;
  return seasonOf(y, season).sortKey <= iso(pub) && iso(pub) < end;
}

/** `dernier` is one before, `prochain`/`suivant` one after; `suivant`/`précédent` count from the previous mention. */
function shiftFrom(pubYear: number, prevYear: number, next: string): number {
  if (next === '') return pubYear;
  if (next.startsWith('suiv')) return prevYear + 1;
  if (next.startsWith('prec')) return prevYear - 1;
  return /^(?:dern|pass)/.test(next) ? pubYear - 1 : pubYear + 1;
}

function isFuture(text: string, at: number): boolean {
  const from = Math.max(text.lastIndexOf('.', at), text.lastIndexOf('!', at), text.lastIndexOf('?', at)) + 1;
  const stop = text.slice(at).search(/[.!?]/);
  return FUTURE_RE.test(text.slice(from, stop < 0 ? text.length : at + stop));
}

// --- calendar --------------------------------------------------------------------------------

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const iso = (d: Ymd): string => `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}`;

function ymdOf(key: string): Ymd {
  return { y: Number(key.slice(0, 4)), m: Number(key.slice(5, 7)), d: Number(key.slice(8, 10)) };
}

function addDays(d: Ymd, n: number): Ymd {
  const t = new Date(Date.UTC(d.y, d.m - 1, d.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function day(d: Ymd): Omit<Resolved, 'relative'> {
  return { iso: iso(d), precision: 'day', sortKey: iso(d) };
}

/** ISO weeks start on Monday; the week is named by its Monday. */
function week(d: Ymd): Omit<Resolved, 'relative'> {
  const monday = addDays(d, -((new Date(Date.UTC(d.y, d.m - 1, d.d)).getUTCDay() + 6) % 7));
  return { iso: iso(monday), precision: 'week', sortKey: iso(monday) };
}

function month(y: number, m: number): Omit<Resolved, 'relative'> {
  return { iso: `${pad(y, 4)}-${pad(m)}`, precision: 'month', sortKey: `${pad(y, 4)}-${pad(m)}-01` };
}

function seasonOf(y: number, season: Season): Omit<Resolved, 'relative'> {
  const [m, d] = SEASON_START[season];
  return { iso: `${pad(y, 4)}-${season}`, precision: 'season', sortKey: iso({ y, m, d }) };
}

function year(y: number): Omit<Resolved, 'relative'> {
  return { iso: pad(y, 4), precision: 'year', sortKey: `${pad(y, 4)}-01-01` };
}
