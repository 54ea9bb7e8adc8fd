/**
 * Ordinal counts as news writes them: `sa troisième visite en quatre mois`, `en visite une
 * deuxième fois en moins de quinze jours`, `Cette visite est la deuxième en deux semaines`. What
 * is counted (the noun after the ordinal, or the one the sentence is about when the ordinal stands
 * alone) and the period it is counted over, so that two outlets' counts of the same thing can be
 * set side by side.
 */
import { fold } from './fold.js';
import { parseFrenchNumber } from './numbers.js';
import { singular, type CompiledCountedGroups } from './quantities.js';

/** One ordinal count in a text. `text.slice(start, end)` is the whole phrase. */
export interface OrdinalMention {
  readonly start: number;
  readonly end: number;
  /** 2 for `deuxième`. */
  readonly ordinal: number;
  /** What is counted, as a counted-noun key (see quantities.ts), e.g. `visite`. */
  readonly key: string;
  /** The counted noun as the group names it, e.g. `visite`. */
  readonly noun: string;
  /** The period, in days, when the text gives one (`en deux semaines` → 14). */
  readonly periodDays?: number;
  /** `moins` for `en moins de …`, `plus` for `en plus de …`. */
  readonly bound?: 'moins' | 'plus';
}

const ORDINALS: Readonly<Record<string, number>> = {
  premier: 1, premiere: 1, second: 2, seconde: 2, deuxieme: 2, troisieme: 3, quatrieme: 4, cinquieme: 5,
  sixieme: 6, septieme: 7, huitieme: 8, neuvieme: 9, dixieme: 10, onzieme: 11, douzieme: 12,
};
const ORDINAL_RE = /(?<![\p{L}\p{N}])(premi(?:er|ère)|seconde?|deuxième|troisième|quatrième|cinquième|sixième|septième|huitième|neuvième|dixième|onzième|douzième|(\d{1,2})(?:e|ème|è|er|re))(?![\p{L}\p{N}])/giu;

/** Something in the text that may begin an ordinal. */
const ORDINAL_HINT = /(?:deux|trois|quatr|cinqu|six|sept|huit|neuv|dix|onz|douz)i[eè]me|premi[eè]re?|premier|second|\d(?:e|er|re|ème|è)(?![\p{L}])/iu;

const DAYS: Readonly<Record<string, number>> = { jour: 1, semaine: 7, moi: 30, mois: 30, an: 365, annee: 365 };
/** `en (moins de|plus de|l'espace de)? N jours|semaines|mois|ans`, right after the counted thing. */
const PERIOD_RE = /^[^.;!?]{0,30}?\ben[\s\u00a0]+(?:(moins|plus)[\s\u00a0]+d['’e][\s\u00a0]*|l['’]espace[\s\u00a0]+d['’e][\s\u00a0]*)?((?:[\p{L}\d-]+[\s\u00a0]+){1,3}?)(jours?|semaines?|mois|ans?|années?)(?![\p{L}])/iu;

/** Nouns after an ordinal that say "time" rather than what is counted (`une deuxième fois`). */
const TIMES = new Set(['fois']);

/**
 * Every ordinal count of a text whose counted noun is in a `counted.yaml` group (so that counts of
 * visits, meetings, trips are recognised as one thing). An ordinal with no such noun after it or
 * before it in its sentence is left out: `le deuxième tour` counts rounds, not what a topic is about,
 * unless the groups say so.
 */
export function findOrdinals(text: string, groups: CompiledCountedGroups): OrdinalMention[] {
  const out: OrdinalMention[] = [];
  // Most paragraphs hold no ordinal: a plain search rules them out before the full expression.
  if (!ORDINAL_HINT.test(text)) return out;
  for (const m of text.matchAll(ORDINAL_RE)) {
    const word = fold(m[1] ?? '');
    const ordinal = m[2] !== undefined ? Number(m[2]) : ORDINALS[word];
    if (ordinal === undefined || ordinal < 1) continue;
    const start = m.index;
    let end = start + m[0].length;
    const next = /^[\s\u00a0]+([\p{L}]+)/u.exec(text.slice(end));
    const nextWord = next ? singular(fold(next[1] ?? '')) : '';
    let subject = groupOf(nextWord, groups);
    if (subject) end += next?.[0].length ?? 0;
    else if (TIMES.has(nextWord)) {
      end += next?.[0].length ?? 0;
      subject = subjectBefore(text, start, groups);
    } else if (standsAlone(text.slice(end))) {
      // `Cette visite est la deuxième`: the ordinal stands for the noun the sentence is about.
      subject = subjectBefore(text, start, groups);
    }
    if (!subject) continue;
    const period = periodAfter(text.slice(end));
    out.push({
      start,
      end: period ? end + period.length : end,
      ordinal,
      key: subject.key,
      noun: subject.noun,
      ...(period ? { periodDays: period.days } : {}),
      ...(period?.bound ? { bound: period.bound } : {}),
    });
  }
  return out;
}

function groupOf(word: string, groups: CompiledCountedGroups): { key: string; noun: string } | undefined {
  const e = groups.entries.find((g) => g.words.length === 1 && g.words[0] === word);
  return e ? { key: e.key, noun: e.noun } : undefined;
}

/** An ordinal that modifies no noun: punctuation, a preposition or the end follows it (`la deuxième en deux semaines`). */
function standsAlone(rest: string): boolean {
  return /^(?:[\s\u00a0]*(?:$|[,.;:!?)»"]|(?:en|de|du|des|depuis|après|apres|avant|cette|cet|ce|du)\b))/iu.test(rest);
}

/** The nearest counted noun before the ordinal, within its sentence (`Cette visite … est la deuxième`). */
function subjectBefore(text: string, at: number, groups: CompiledCountedGroups): { key: string; noun: string } | undefined {
  const sentenceStart = Math.max(text.lastIndexOf('. ', at), text.lastIndexOf('! ', at), text.lastIndexOf('? ', at), 0);
  const words = fold(text.slice(sentenceStart, at)).split(/[^\p{L}]+/u).filter((w) => w !== '').reverse();
  for (const w of words) {
    const g = groupOf(singular(w), groups);
    if (g) return g;
  }
  return undefined;
}

/**
 * The period right after the counted thing, in days: `en un an` in `sa troisième visite en France
 * en un an`, where the first `en` is a place's. Each `en` within reach is tried in turn (at most
 * three), the reach counted from the one before.
 */
function periodAfter(rest: string): { days: number; length: number; bound?: 'moins' | 'plus' } | undefined {
  let from = 0;
  for (let tries = 0; tries < 3; tries++) {
    const period = PERIOD_RE.exec(rest.slice(from));
    if (!period) return undefined;
    const days = periodDays(period[2] ?? '', period[3] ?? '');
    if (days !== undefined) return { days, length: from + period[0].length, ...(period[1] ? { bound: fold(period[1]) as 'moins' | 'plus' } : {}) };
    // Past this `en`: the next one may hold the period.
    const at = /\ben[\s\u00a0]/iu.exec(rest.slice(from));
    if (!at) return undefined;
    from += at.index + 2;
  }
  return undefined;
}

function periodDays(count: string, unit: string): number | undefined {
  const n = parseFrenchNumber(count.trim()) ?? (/^(?:un|une)$/i.test(count.trim()) ? 1 : undefined);
  const per = DAYS[singular(fold(unit))];
  return n === undefined || per === undefined ? undefined : n * per;
}
