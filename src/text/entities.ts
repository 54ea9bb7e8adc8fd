/**
 * People and organisations as the articles name them, with the roles the articles give them,
 * merged across spellings (`Kim Jong-Un` / `Kim Jong Un` / `Kim`) and across articles.
 *
 * A capitalised run is a person only on evidence from the text: a role before it (`le président
 * russe Vladimir Poutine`), a role in apposition after it (`Hong Min, analyste principal à...`),
 * a title (`M.`, `MM.`, `Mme`), a verb of saying (`selon X`, `a déclaré X`), or a name already
 * recognised elsewhere in the corpus. Places (`Pyongyang`, `Corée du Nord`, `l'armée de Kiev`)
 * and capitalised common words (`Accord`, `Cette`) are never taken.
 */
import type { AliasGroup, Article } from '../corpus/types.js';
import {
  COMMON_CAPS, DETERMINERS, FUNCTION_WORDS, NAMED_ORG_HEADS, ORG_HEADS, PRE_ROLE, SPEECH, TITLES, capitalisedRun,
  entityKey, inPlaceContext, isAdjective, isPlaceKey, isRoleNoun, modifiers, tokenize, type Token,
} from './names.js';

/** Folds a name for comparison; `'Kim Jong-Un'` and `'Kim Jong Un'` have the same key. */
export { entityKey };

/** What an entity is. */
export type EntityKind = 'person' | 'organisation';

/** One name found in one paragraph. `text.slice(start, end) === surface` always. */
export interface EntityMention {
  /** The name as written, without title (`Choïgou` in `M. Choïgou`). */
  surface: string;
  start: number;
  end: number;
  kind: EntityKind;
  /** The role phrase the same text gives, verbatim, without its article (`président russe`). */
  role?: string;
}

/** Where an entity is named. */
export interface EntityOccurrence { articleId: string; paragraph: number; surface: string; start: number; end: number }

/** A role as one article states it. */
export interface EntityRole { text: string; articleId: string; paragraph: number }

/** One person or organisation across the corpus. */
export interface Entity {
  /** {@link entityKey} of the name (after alias resolution). */
  key: string;
  /** Display name: the most complete spelling (a first name wins), then the most frequent. */
  name: string;
  kind: EntityKind;
  /** Every spelling met, most frequent first. */
  variants: string[];
  /** Distinct roles, once per article, in corpus order. */
  roles: EntityRole[];
  occurrences: EntityOccurrence[];
}

interface Known { keys: ReadonlySet<string>; given: ReadonlySet<string>; surnames: ReadonlySet<string> }

/**
 * People and organisations named in one paragraph, in order, never overlapping.
 *
 * `known` holds names of people already recognised elsewhere (the directory passes them): a run
 * equal to one, starting with one's first name, or equal to one's surname (`Choïgou`) is a person
 * too, and a known name glued to the next word by a typo (`Kim Jong-Una salué`) is cut back to it.
 */
export function findEntities(text: string, known: readonly string[] = []): EntityMention[] {
  const tokens = tokenize(text);
  const orgs = findOrganisations(text, tokens);
  return [...orgs, ...findPersons(text, tokens, orgs, knownNames(known))].sort((a, b) => a.start - b.start);
}

/** Known names digested once per list: the directory passes the same list for every paragraph. */
const knownCache = new WeakMap<readonly string[], Known>();

function knownNames(names: readonly string[]): Known {
  let known = knownCache.get(names);
  if (!known) {
    known = digestNames(names);
    knownCache.set(names, known);
  }
  return known;
}

function digestNames(names: readonly string[]): Known {
  const keys = new Set<string>();
  const given = new Set<string>();
  const surnames = new Set<string>();
  for (const name of names) {
    const key = entityKey(name);
    const words = key.split(' ');
    keys.add(key);
    if (words.length < 2) continue;
    given.add(words[0] ?? '');
    const last = words.at(-1) ?? '';
    // "Un" in "Kim Jong Un" is no surname to look for on its own.
    if (last.length >= 3 && !FUNCTION_WORDS.has(last)) surnames.add(last);
  }
  return { keys, given, surnames };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

function findOrganisations(text: string, tokens: readonly Token[]): EntityMention[] {
  const out: EntityMention[] = [];
  const add = (from: Token | undefined, to: Token | undefined): void => {
    if (!from || !to) return;
    const m: EntityMention = { surface: text.slice(from.start, to.end), start: from.start, end: to.end, kind: 'organisation' };
    if (!isPlaceKey(entityKey(m.surface)) && !out.some((o) => overlaps(o, m))) out.push(m);
  };
  // An all-capitals text makes every word look like an acronym; checked only when one shows up.
  let shoutingMemo: boolean | undefined;
  const shouting = (): boolean => {
    if (shoutingMemo === undefined) {
      const letters = text.replace(/[^\p{L}]/gu, '');
      shoutingMemo = letters.replace(/[^\p{Lu}]/gu, '').length > letters.length / 2;
    }
    return shoutingMemo;
  };
  for (const [i, t] of tokens.entries()) {
    if (!t.word) continue;
    // "Conseil de sécurité des Nations unies", "ministère sud-coréen des Affaires étrangères".
    if (ORG_HEADS.has(t.folded) && (t.cap || t.folded === 'ministere')) {
      const end = modifiers(tokens, i + 1, 1);
      if (end > i + 1) add(t, tokens[end - 1]);
    } else if (t.folded === 'nations' && t.cap && tokens[i + 1]?.folded === 'unies') {
      add(t, tokens[i + 1]);
    } else if (NAMED_ORG_HEADS.has(t.folded) && !t.cap) {
      // "l'agence russe Ria Novosti", "l'agence officielle nord-coréenne KCNA": the name is the organisation.
      let k = i + 1;
      while (tokens[k] && isAdjective(tokens[k] as Token)) k += 1;
      const n = tokens[k];
      if (n?.acronym) add(n, n);
      else if (n?.cap && n.word) add(n, tokens[capitalisedRun(tokens, k) - 1]);
    } else if (t.acronym && !shouting()) {
      add(t, t);
    }
  }
  return out;
}

function findPersons(text: string, tokens: readonly Token[], orgs: readonly EntityMention[], known: Known): EntityMention[] {
  const roles = rolesBefore(text, tokens);
  const titled = afterTitles(tokens);
  const out: EntityMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (!t.cap || !t.word || t.acronym || TITLES.has(t.text) || (t.sentenceStart && FUNCTION_WORDS.has(t.folded) && tokens[i + 1]?.cap)) {
      i += 1;
      continue;
    }
    // A role or title inside the run starts a new name: `du Kremlin` + `Dmitri Peskov`.
    const end = Math.min(capitalisedRun(tokens, i), ...[...roles.keys(), ...titled].filter((n) => n > i));
    const m = personAt(text, tokens, i, end, { roles, titled, known });
    if (m && !orgs.some((o) => overlaps(o, m))) out.push(m);
    i = end;
  }
  return out;
}

interface Evidence { roles: ReadonlyMap<number, string>; titled: ReadonlySet<number>; known: Known }

/** Decides whether the run `[s, e)` is a person, on the evidence listed in the module comment. */
function personAt(text: string, tokens: readonly Token[], s: number, e: number, ev: Evidence): EntityMention | undefined {
  const first = tokens[s] as Token;
  let end = (tokens[e - 1] as Token).end;
  const key = entityKey(text.slice(first.start, end));
  const words = key.split(' ');
  const runTokens = tokens.slice(s, e);
  if (isPlaceKey(key) || runTokens.some((t) => ORG_HEADS.has(t.folded)) || runTokens.every((t) => COMMON_CAPS.has(t.folded) || isPlaceKey(t.folded))) return undefined;
  const role = ev.roles.get(s) ?? apposition(text, tokens, e);
  const strong = ev.titled.has(s) || ev.roles.has(s) || role !== undefined;
  if (!strong) {
    if (inPlaceContext(tokens, s)) return undefined;
    const prefix = [...ev.known.keys].find((k) => key.startsWith(k) && /\p{L}/u.test(key[k.length] ?? ''));
    if (prefix !== undefined) end = prefixEnd(text, first.start, end, prefix) ?? end;
    const byName = ev.known.keys.has(key) || end !== (tokens[e - 1] as Token).end || (words.length >= 2 && ev.known.given.has(words[0] ?? '')) || (words.length === 1 && ev.known.surnames.has(key));
    const bySpeech = words.length >= 2 && !runTokens.some((t) => FUNCTION_WORDS.has(t.folded)) && saidBy(tokens, s, e);
    if (!byName && !bySpeech) return undefined;
  }
  return { surface: text.slice(first.start, end), start: first.start, end, kind: 'person', ...(role !== undefined ? { role } : {}) };
}

/** End offset at which the run's text folds to `key`, if a lower-case letter follows (a missing space). */
function prefixEnd(text: string, start: number, end: number, key: string): number | undefined {
  for (let k = start + 1; k < end; k++) {
    if (entityKey(text.slice(start, k)) === key && /\p{Ll}/u.test(text[k] ?? '')) return k;
  }
  return undefined;
}

/**
 * Role phrases right before a name, by the name's first token: `le président russe Vladimir
 * Poutine`, `le secrétaire du Conseil de sécurité russe, Sergueï Choïgou`. The role noun must open
 * a noun phrase (after an article or at a sentence start); the phrase runs to the name.
 */
function rolesBefore(text: string, tokens: readonly Token[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const [i, t] of tokens.entries()) {
    if (!isRoleNoun(t)) continue;
    let s = i;
    while (s > 0 && PRE_ROLE.has(tokens[s - 1]?.folded ?? '')) s -= 1;
    const left = tokens[s - 1];
    if (left && !DETERMINERS.has(left.lower) && left.text !== ',' && !tokens[s]?.sentenceStart) continue;
    const end = modifiers(tokens, i + 1);
    const name = tokens[end]?.text === ',' ? end + 1 : end;
    const n = tokens[name];
    if (n?.cap && n.word && !n.acronym) out.set(name, text.slice(tokens[s]?.start ?? 0, tokens[end - 1]?.end ?? 0));
  }
  return out;
}

/** `X, analyste principal à l'Institut...,`: the role in apposition after the run ending at `e`. */
function apposition(text: string, tokens: readonly Token[], e: number): string | undefined {
  if (tokens[e]?.text !== ',') return undefined;
  let k = e + 1;
  if (/^(?:un|une|le|la|l')$/.test(tokens[k]?.lower ?? '')) k += 1;
  const s = k;
  while (PRE_ROLE.has(tokens[k]?.folded ?? '') && !tokens[k]?.cap) k += 1;
  if (!isRoleNoun(tokens[k])) return undefined;
  const end = modifiers(tokens, k + 1);
  return text.slice(tokens[s]?.start ?? 0, tokens[end - 1]?.end ?? 0);
}

/** First tokens of names after `M.`, `Mme`, and both names of `MM. Kim et Choïgou`. */
function afterTitles(tokens: readonly Token[]): Set<number> {
  const out = new Set<number>();
  for (const [i, t] of tokens.entries()) {
    if (!TITLES.has(t.text)) continue;
    const n = tokens[i + 1]?.text === '.' ? i + 2 : i + 1;
    if (!tokens[n]?.cap) continue;
    out.add(n);
    const end = capitalisedRun(tokens, n);
    if ((t.text === 'MM' || t.text === 'Mmes') && tokens[end]?.lower === 'et' && tokens[end + 1]?.cap) out.add(end + 1);
  }
  return out;
}

/** `selon X`, `d'après X`, `a déclaré X`, `X a indiqué`. */
function saidBy(tokens: readonly Token[], s: number, e: number): boolean {
  const prev = tokens[s - 1]?.folded ?? '';
  if (prev === 'selon' || SPEECH.has(prev) || (prev === 'apres' && tokens[s - 2]?.lower === "d'")) return true;
  return /^(?:a|avait|ont|avaient)$/.test(tokens[e]?.lower ?? '') && SPEECH.has(tokens[e + 1]?.folded ?? '');
}

// --- the directory ---------------------------------------------------------------------------

interface Found { mention: EntityMention; articleId: string; paragraph: number; order: number }

/**
 * Every person and organisation in the corpus, most mentioned first. Two passes: names found on
 * their own evidence first, then again with those names known, so that `Choïgou` alone or
 * `Kim Jong-Un a décidé` count. Mentions merge when their keys match, through `aliases` (a group
 * maps all its spellings to its first), and when a shorter name is the first or last words of
 * exactly one longer person's name (`Kim`, `Choïgou`).
 */
export function buildEntityDirectory(articles: readonly Article[], aliases: readonly AliasGroup[]): Entity[] {
  const paragraphs = articles.flatMap((a) => a.paragraphs.map((p) => ({ articleId: a.id, n: p.n, text: p.text })));
  const known = new Set<string>();
  for (const p of paragraphs) for (const m of findEntities(p.text)) if (m.kind === 'person') known.add(m.surface);
  const knownKeys = [...known].map(entityKey);
  for (const group of aliases) {
    if (group.some((n) => knownKeys.some((k) => k === entityKey(n) || k.endsWith(` ${entityKey(n)}`)))) group.forEach((n) => known.add(n));
  }
  const found: Found[] = [];
  const knownList = [...known];
  for (const p of paragraphs) {
    for (const mention of findEntities(p.text, knownList)) found.push({ mention, articleId: p.articleId, paragraph: p.n, order: found.length });
  }
  const canonical = aliasCanonicaliser(aliases);
  const groups = new Map<string, Found[]>();
  for (const f of found) {
    const key = canonical(entityKey(f.mention.surface));
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  mergeShortNames(groups);
  const preferred = new Map(aliases.flatMap((g) => (g[0] === undefined ? [] : [[entityKey(g[0]), g[0]] as const])));
  return [...groups]
    .map(([key, list]) => toEntity(key, list, preferred.get(key)))
    .sort((a, b) => b.occurrences.length - a.occurrences.length || a.name.localeCompare(b.name, 'fr'));
}

/** Maps a key to its alias group's first spelling, whole or word by word (`serguei shoigu`). */
function aliasCanonicaliser(aliases: readonly AliasGroup[]): (key: string) => string {
  const map = new Map<string, string>();
  for (const group of aliases) for (const name of group) if (group[0] !== undefined) map.set(entityKey(name), entityKey(group[0]));
  const byLength = [...map].filter(([from, to]) => from !== to).sort((a, b) => b[0].length - a[0].length);
  return (key) => {
    const whole = map.get(key);
    if (whole !== undefined) return whole;
    let padded = ` ${key} `;
    for (const [from, to] of byLength) padded = padded.split(` ${from} `).join(` ${to} `);
    return padded.trim();
  };
}

function kindOf(list: readonly Found[]): EntityKind {
  const persons = list.filter((f) => f.mention.kind === 'person').length;
  return persons * 2 >= list.length ? 'person' : 'organisation';
}

/** `Kim` joins `Kim Jong Un` and `Choïgou` joins `Sergueï Choïgou` when only one person fits. */
function mergeShortNames(groups: Map<string, Found[]>): void {
  const persons = (): string[] => [...groups].filter(([, l]) => kindOf(l) === 'person').map(([k]) => k);
  for (const short of persons().sort((a, b) => a.split(' ').length - b.split(' ').length)) {
    const words = short.split(' ');
    const fits = persons().filter((long) => {
      const lw = long.split(' ');
      if (lw.length <= words.length) return false;
      return words.every((w, i) => lw[i] === w) || words.every((w, i) => lw[lw.length - words.length + i] === w);
    });
    const target = fits.length === 1 ? fits[0] : undefined;
    if (target === undefined) continue;
    groups.set(target, [...(groups.get(target) ?? []), ...(groups.get(short) ?? [])]);
    groups.delete(short);
  }
}

function toEntity(key: string, list: Found[], preferred: string | undefined): Entity {
  const sorted = [...list].sort((a, b) => a.order - b.order);
  const counts = new Map<string, number>();
  for (const f of sorted) counts.set(f.mention.surface, (counts.get(f.mention.surface) ?? 0) + 1);
  const variants = [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
  // Most complete first: more words (a first name), then more parts, then more frequent.
  const completeness = (s: string): number[] => [s.split(/\s+/).length, entityKey(s).split(' ').length, counts.get(s) ?? 0];
  const best = [...variants].sort((a, b) => {
    const [x, y] = [completeness(a), completeness(b)];
    return (y[0] ?? 0) - (x[0] ?? 0) || (y[1] ?? 0) - (x[1] ?? 0) || (y[2] ?? 0) - (x[2] ?? 0);
  })[0];
  const roles: EntityRole[] = [];
  for (const f of sorted) {
    const role = f.mention.role;
    if (role === undefined) continue;
    if (!roles.some((r) => r.articleId === f.articleId && entityKey(r.text) === entityKey(role))) roles.push({ text: role, articleId: f.articleId, paragraph: f.paragraph });
  }
  return {
    key,
    name: preferred !== undefined && entityKey(preferred) === key ? preferred : (best ?? key),
    kind: kindOf(list),
    variants,
    roles,
    occurrences: sorted.map((f) => ({ articleId: f.articleId, paragraph: f.paragraph, surface: f.mention.surface, start: f.mention.start, end: f.mention.end })),
  };
}
