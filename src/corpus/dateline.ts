/**
 * Agency datelines at the head of a report: `Abidjan, 18 juin 2025 (AIP)- `, `PARIS (AFP) - `,
 * `PÉKIN, 18 juin (Xinhua) -- `, `MOSCOU, 18 juin. /TASS/. `, `Kinshasa, 18/06/2025 (ACP).- `,
 * `Genève (Keystone-ATS) - `, `DAKAR, 18 juin (APS) – `, and the same without the date or
 * without the place.
 *
 * A dateline says where, when and by whom a dispatch was filed. It is read only at the very
 * start of a text and only when its shape is unmistakable: a place made of capitalised words
 * followed by an agency in brackets, or a place and a full date followed by a dash, or a place in
 * capitals followed by a dash. Prose practically never opens that way, and anything else is left
 * alone (the function returns `undefined`).
 */
import { isRealDate } from './schema.js';
import { fold } from '../text/fold.js';

/** What a dateline said. `text.slice(0, end)` is the dateline with its closing dash. */
export interface Dateline {
  /** Where the dispatch was filed, as written (`Abidjan`, `PARIS`, `Saint-Louis du Sénégal`). */
  readonly place?: string;
  /** `YYYY-MM-DD`; only when the dateline gives day, month and year and they form a real date. */
  readonly date?: string;
  /** The date as written (`18 juin 2025`, `18 juin`), also when it has no year. */
  readonly dateText?: string;
  /** The agency as written (`AIP`, `Reuters`, `Keystone-ATS`, `AFP/Reuters`). */
  readonly agency?: string;
  /** Offset in the given text where the report itself starts (after the dash and spaces). */
  readonly end: number;
  /** The dateline as written, trimmed (`Abidjan, 18 juin 2025 (AIP)-`). */
  readonly text: string;
}

/**
 * Agencies French-language media carry, matched case-insensitively. An unknown agency is still
 * read when written as an acronym in capitals (`(AIB)`, `(ANGOP)`).
 */
export const KNOWN_AGENCIES: readonly string[] = [
  'AFP', 'Reuters', 'AP', 'Associated Press', 'AIP', 'APS', 'MAP', 'ATS', 'Keystone-ATS', 'awp', 'Belga', 'ANP', 'APA', 'Xinhua', 'TASS',
  'Sputnik', 'RIA Novosti', 'AIB', 'ACP', 'ANGOP', 'AGP', 'AMI', 'ATOP', 'PANA', 'Anadolu', 'AA', 'DPA', 'ANSA', 'EFE', 'Kyodo', 'Yonhap',
  'KCNA', 'Lusa', 'Agence Ecofin', 'Ecofin', 'BTA', 'CNA', 'TAP', 'APP', 'ACI', 'Agence Anadolu',
];

const KNOWN = new Set(KNOWN_AGENCIES.map((a) => fold(a)));

const MONTHS: Readonly<Record<string, number>> = {
  janvier: 1, janv: 1, fevrier: 2, fevr: 2, fev: 2, mars: 3, avril: 4, avr: 4, mai: 5, juin: 6, juillet: 7, juil: 7, aout: 8, septembre: 9, sept: 9,
  octobre: 10, oct: 10, novembre: 11, nov: 11, decembre: 12, dec: 12,
};

const MONTH_NAMES = 'janvier|janv\\.?|février|fevrier|févr\\.?|fév\\.?|mars|avril|avr\\.?|mai|juin|juillet|juil\\.?|août|aout|septembre|sept\\.?|octobre|oct\\.?|novembre|nov\\.?|décembre|decembre|déc\\.?';
const WEEKDAY = '(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)';

/** `18 juin 2025`, `mercredi 18 juin`, `le 1er juillet 2025`. Groups: day, month, year. */
export const FRENCH_DATE_SOURCE = `(?:le\\s+)?(?:${WEEKDAY}\\s+)?(?<day>1er|\\d{1,2})\\s+(?<month>${MONTH_NAMES})(?:\\s+(?<year>\\d{4}))?`;
/** `18/06/2025`, `18.06.25`, `18-06`. Groups: nday, nmonth, nyear. */
const NUMERIC_DATE_SOURCE = '(?<nday>\\d{1,2})[/.-](?<nmonth>\\d{1,2})(?:[/.-](?<nyear>\\d{4}|\\d{2}))?';

/**
 * A place: up to six words, each capitalised or a small linking word (`Port-au-Prince`,
 * `Dar es Salaam`, `Saint-Louis du Sénégal`, `N'Djamena`, `Le Caire`), optionally followed by a
 * region after a comma or slash (`Moscou, Russie`) when no date follows.
 */
const WORD = "(?:\\p{Lu}[\\p{L}'’.-]*|d['’]\\p{Lu}[\\p{L}'’-]*)";
const LINK = '(?:de|du|des|la|le|les|el|es|al|au|aux|sur|en)';
const NAME_SOURCE = `${WORD}(?:\\s+(?:${LINK}\\s+)?${WORD}){0,5}`;
const PLACE_SOURCE = `${NAME_SOURCE}(?:\\s*[,/]\\s*${NAME_SOURCE})?`;

/** The closing dash: `-`, `--`, `–`, `—`, `.-`, `.–`, or a colon. */
const DASH = '\\s*(?:\\.?\\s*(?:[-–—]{1,2}|:))';

/** An agency in brackets: `(AIP)`, `(Keystone-ATS)`, `(AFP/Reuters)`, `(awp/ats)`. */
const BRACKETED_AGENCY = '\\(\\s*(?<agency>[\\p{L}][\\p{L} .-]{0,30}?(?:\\s*[/,]\\s*[\\p{L}][\\p{L} .-]{0,30}?)*)\\s*\\)';

/** Place, optional date, agency in brackets, optional dash. */
const WITH_BRACKETED_AGENCY = new RegExp(
  `^(?<place>${PLACE_SOURCE})?(?:\\s*,?\\s*(?<datetext>${FRENCH_DATE_SOURCE}|${NUMERIC_DATE_SOURCE}))?\\s*${BRACKETED_AGENCY}(?<dash>${DASH})?\\s*`,
  'u',
);
/** TASS: `MOSCOU, 18 juin. /TASS/. ` */
const WITH_SLASHED_AGENCY = new RegExp(`^(?<place>${PLACE_SOURCE})(?:\\s*,\\s*(?<datetext>${FRENCH_DATE_SOURCE}|${NUMERIC_DATE_SOURCE}))?\\.?\\s*/(?<agency>TASS|ITAR-TASS|Tass)/\\.?\\s*`, 'u');
/** Place, full date, dash, without an agency: `Paris, le 18 juin 2025 – `. */
const WITH_DATE_ONLY = new RegExp(`^(?<place>${PLACE_SOURCE})\\s*,\\s*(?<datetext>${FRENCH_DATE_SOURCE}|${NUMERIC_DATE_SOURCE})${DASH}\\s*`, 'u');
/** A place in capitals and a dash: `BRUXELLES - `, `SAINT-LOUIS — `. */
const CAPITALS_ONLY = /^(?<place>\p{Lu}[\p{Lu}'’-]{2,}(?:\s+\p{Lu}[\p{Lu}'’-]+){0,3})\s*(?:[-–—]{1,2})\s+/u;

/** Where the report itself may start after a dateline: a letter, a digit or an opening quote. */
const REPORT_START = /^[\p{L}\d«"“‘'(]/u;

/**
 * Reads the agency dateline at the start of `text` (leading white space allowed).
 *
 * @returns the dateline, or `undefined` when the text does not open with one.
 * @example
 * readDateline('Abidjan, 18 juin 2025 (AIP)- Le ministre a...')
 * // { place: 'Abidjan', date: '2025-06-18', dateText: '18 juin 2025', agency: 'AIP', end: 29, text: 'Abidjan, 18 juin 2025 (AIP)-' }
 */
export function readDateline(text: string): Dateline | undefined {
  const offset = text.length - text.trimStart().length;
  const head = text.slice(offset, offset + 300);
  for (const read of [bracketed, slashed, dateOnly, capitalsOnly]) {
    const found = read(head);
    if (!found) continue;
    const rest = head.slice(found.length);
    // A dateline heads a report: something must follow it, and it must look like a start.
    if (rest.trim() === '' || !REPORT_START.test(rest)) continue;
    const { length, ...fields } = found;
    return { ...fields, end: offset + length, text: head.slice(0, length).trim() };
  }
  return undefined;
}

type Found = Omit<Dateline, 'end' | 'text'> & { readonly length: number };

function bracketed(head: string): Found | undefined {
  const m = WITH_BRACKETED_AGENCY.exec(head);
  const g = m?.groups;
  if (!m || !g?.agency) return undefined;
  const agency = g.agency.trim();
  const known = isKnownAgency(agency);
  // `Emmanuel Macron (LREM) a dit`: an unknown acronym counts only when a dash closes it, and a
  // known agency without a dash only when a sentence follows.
  if (!known && !(isAcronym(agency) && g.dash)) return undefined;
  if (!g.dash && !/^[«"“]?\s*\p{Lu}/u.test(head.slice(m[0].length))) return undefined;
  return { ...placeAndDate(g), agency, length: m[0].length };
}

function slashed(head: string): Found | undefined {
  const m = WITH_SLASHED_AGENCY.exec(head);
  const g = m?.groups;
  if (!m || !g?.agency) return undefined;
  return { ...placeAndDate(g), agency: g.agency, length: m[0].length };
}

function dateOnly(head: string): Found | undefined {
  const m = WITH_DATE_ONLY.exec(head);
  const g = m?.groups;
  if (!m || !g) return undefined;
  const fields = placeAndDate(g);
  // Without an agency, only a full date makes the shape unmistakable.
  if (fields.date === undefined) return undefined;
  return { ...fields, length: m[0].length };
}

/**
 * Kinds of article that national dailies print in capitals before the standfirst
 * (`DÉCRYPTAGE - Le texte…`, `ENTRETIEN - …`): the same shape as `BRUXELLES - `, but no place.
 */
const GENRE_LABEL = /^(?:analyse|d[ée]cryptage|r[ée]cit|entretien|interview|enqu[êe]te|reportage|tribune|exclusif|exclusivit[ée]|chronique|portrait|t[ée]moignage|[ée]ditorial|[ée]dito|critique|opinion|info|infos|vid[ée]os?|photos?|infographie|focus|zoom|document|grand angle|r[ée]cap|fact-?checking|vrai ou faux|l['’]analyse|le r[ée]cit|notre enqu[êe]te|direct|live|alerte|urgent|flash|breaking)$/iu;

function capitalsOnly(head: string): Found | undefined {
  const m = CAPITALS_ONLY.exec(head);
  if (!m?.groups?.place || !/\p{Lu}{3}/u.test(m.groups.place)) return undefined;
  if (GENRE_LABEL.test(m.groups.place)) return undefined;
  // What follows must be a sentence opening with a capital, not a list of capitalised labels.
  if (!/^[«"“]?\s*\p{Lu}\p{Ll}/u.test(head.slice(m[0].length))) return undefined;
  return { place: m.groups.place, length: m[0].length };
}

/** A known agency, each part of `AFP/Reuters` included. */
function isKnownAgency(agency: string): boolean {
  return agency.split(/\s*[/,]\s*/u).every((part) => KNOWN.has(fold(part)));
}

/** An acronym of two to eight capitals (`AIB`, `ANGOP`), the shape of an agency we do not list. */
function isAcronym(agency: string): boolean {
  return /^\p{Lu}[\p{Lu}-]{1,7}$/u.test(agency);
}

function dateGroups(g: Record<string, string | undefined>): { day: string; month: string; year?: string } | undefined {
  if (g.day && g.month) return { day: g.day, month: g.month, year: g.year };
  if (g.nday && g.nmonth) return { day: g.nday, month: g.nmonth, year: g.nyear };
  return undefined;
}

function placeAndDate(g: Record<string, string | undefined>): { place?: string; date?: string; dateText?: string } {
  const place = g.place?.trim();
  const parts = dateGroups(g);
  const date = parts === undefined ? undefined : isoDate(parts.day, parts.month, parts.year);
  const dateText = g.datetext?.trim();
  return { ...(place ? { place } : {}), ...(date ? { date } : {}), ...(dateText ? { dateText } : {}) };
}

/**
 * `YYYY-MM-DD` from French date parts (`1er`, `juin` or `06`, `2025` or `25`), or `undefined`
 * when the year is missing or the date does not exist.
 *
 * @example isoDate('1er', 'juillet', '2025') === '2025-07-01'
 */
export function isoDate(day: string, month: string, year: string | undefined): string | undefined {
  if (year === undefined) return undefined;
  const m = /^\d+$/u.test(month) ? Number(month) : MONTHS[fold(month).replace(/\.$/u, '')];
  if (m === undefined) return undefined;
  const y = year.length === 2 ? `20${year}` : year;
  const d = day === '1er' ? '1' : day;
  const iso = `${y}-${String(m).padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isRealDate(iso) ? iso : undefined;
}
