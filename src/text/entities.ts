/**
 * People and organisations as the articles name them, with the roles the articles give them,
 * merged across spellings (`Kim Jong-Un` / `Kim Jong Un` / `Kim`) and across articles.
 *
 * A capitalised run is a person only on evidence from the text: a role before it (`le président
 * russe Vladimir Poutine`), a role in apposition after it (`Hong Min, analyste principal à...`),
 * a title (`M.`, `MM.`, `Mme`), a verb of saying (`selon X`, `a déclaré X`), or a name already
 * recognised elsewhere in the corpus, under any spelling (`Shoigu` once `Choïgou` is known).
 * Places (`Pyongyang`, `Corée du Nord`, `l'armée de Kiev`), capitalised common words (`Accord`,
 * `Cette`) and initials (a byline's `M.D`) are never taken; a name that starts or ends with a
 * country (`Météo France`) is taken only on a title or a role.
 */
import { kindOf, mergeShortNames, mergeSpellings, type Merged } from './name-merging.js';
import {
  COMMON_CAPS, DETERMINERS, FUNCTION_WORDS, NAMED_ORG_HEADS, ORG_HEADS, PRE_ROLE, SPEECH, TITLES, capitalisedRun,
  entityKey, inPlaceContext, isAdjective, isRoleNoun, modifiers, tokenize, type Token,
} from './names.js';
import { isPlaceName, isTerritoryWord } from './places.js';
import { finishNow, type Stepwise } from './stepwise.js';
import { gluedPrefix, knownNameFits, knownNamesOf, knownOf, type DependentRun, type Known } from './known-names.js';

/** Folds a name for comparison; `'Kim Jong-Un'` and `'Kim Jong Un'` have the same key. */
export { entityKey };

/** An article as the directory reads it: its id and its numbered paragraphs. */
export interface EntitySourceArticle {
  readonly id: string;
  readonly paragraphs: ReadonlyArray<{ readonly n: number; readonly text: string }>;
}

/** Spellings of one name (see `data/aliases.yaml`); the first is the preferred one. */
export type SpellingGroup = readonly string[];

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

/**
 * People and organisations named in one paragraph, in order, never overlapping.
 *
 * `known` holds names of people already recognised elsewhere (the directory passes them): a run
 * equal to one, starting with one's first name, or equal to one's surname (`Choïgou`) is a person
 * too, and a known name glued to the next word by a typo (`Kim Jong-Una salué`) is cut back to it.
 * `runs`, when given, receives the runs only a known name could decide (see known-names.ts).
 */
export function findEntities(text: string, known: readonly string[] = [], runs?: DependentRun[]): EntityMention[] {
  const tokens = tokenize(text);
  const orgs = findOrganisations(text, tokens);
  return [...orgs, ...findPersons(text, tokens, orgs, knownOf(known), runs)].sort((a, b) => a.start - b.start);
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

function findOrganisations(text: string, tokens: readonly Token[]): EntityMention[] {
  const out: EntityMention[] = [];
  const add = (from: Token | undefined, to: Token | undefined): void => {
    if (!from || !to) return;
    const m: EntityMention = { surface: text.slice(from.start, to.end), start: from.start, end: to.end, kind: 'organisation' };
    if (!isPlaceName(m.surface) && !out.some((o) => overlaps(o, m))) out.push(m);
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
    } else if (t.cap && !tokens[i - 1]?.cap) {
      const end = capitalisedRun(tokens, i);
      if (isCountryBrand(tokens, i, end)) add(t, tokens[end - 1]);
    }
  }
  return out;
}

/**
 * `Météo France`, `Air France`, `Radio France`: a capitalised word then a country, nothing
 * between, the first no elision (`L'Espagne`), no common word (`Sud Liban`) and no country itself,
 * not after a title or a role (`M. Mendès France`).
 */
function isCountryBrand(tokens: readonly Token[], s: number, e: number): boolean {
  const [first, last] = [tokens[s], tokens[s + 1]];
  if (e !== s + 2 || !first || !last || first.text.endsWith("'") || first.text.endsWith('’')) return false;
  if (FUNCTION_WORDS.has(first.folded) || COMMON_CAPS.has(first.folded) || isPlaceName(first.text) || !isTerritoryWord(last.folded)) return false;
  const before = tokens[s - 1]?.text === '.' ? tokens[s - 2] : tokens[s - 1];
  return !isPlaceName(`${first.text} ${last.text}`) && !TITLES.has(before?.text ?? '') && !isRoleNoun(before);
}

function findPersons(text: string, tokens: readonly Token[], orgs: readonly EntityMention[], known: Known, runs: DependentRun[] | undefined): EntityMention[] {
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
    const m = personAt(text, tokens, i, end, { roles, titled, known, runs });
    if (m && !orgs.some((o) => overlaps(o, m))) out.push(m);
    i = end;
  }
  return out;
}

interface Evidence { roles: ReadonlyMap<number, string>; titled: ReadonlySet<number>; known: Known; runs: DependentRun[] | undefined }

/** Decides whether the run `[s, e)` is a person, on the evidence listed in the module comment. */
function personAt(text: string, tokens: readonly Token[], s: number, e: number, ev: Evidence): EntityMention | undefined {
  const first = tokens[s] as Token;
  let end = (tokens[e - 1] as Token).end;
  const key = entityKey(text.slice(first.start, end));
  const words = key.split(' ');
  const runTokens = tokens.slice(s, e);
  if (isPlaceName(key) || words.every((w) => w.length === 1) || runTokens.some((t) => ORG_HEADS.has(t.folded)) || runTokens.every((t) => COMMON_CAPS.has(t.folded) || isPlaceName(t.folded) || t.folded.length === 1)) return undefined;
  const role = ev.roles.get(s) ?? apposition(text, tokens, e);
  const strong = ev.titled.has(s) || ev.roles.has(s) || role !== undefined;
  if (!strong) {
    if (inPlaceContext(tokens, s) || (words.length >= 2 && (isTerritoryWord(words[0] ?? '') || isTerritoryWord(words.at(-1) ?? '')))) return undefined;
    const prefix = gluedPrefix(key, ev.known);
    if (prefix !== undefined) end = prefixEnd(text, first.start, end, prefix) ?? end;
    const byName = end !== (tokens[e - 1] as Token).end || knownNameFits(key, ev.known);
    const bySpeech = words.length >= 2 && !runTokens.some((t) => FUNCTION_WORDS.has(t.folded)) && saidBy(tokens, s, e);
    ev.runs?.push({ key, taken: byName || bySpeech });
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
  // `Interrogée, la ministre Claire Vayssière a…`: the role belongs to the name after it.
  const next = tokens[end]?.text === ',' ? tokens[end + 1] : tokens[end];
  if (next?.cap && next.word && !next.acronym && tokens[end]?.text !== ',') return undefined;
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

/** One mention found in one paragraph of the corpus; `order` counts mentions in corpus order. */
export interface FoundMention {
  readonly mention: EntityMention;
  readonly articleId: string;
  readonly paragraph: number;
  readonly order: number;
}

type Found = FoundMention;

/**
 * Every person and organisation in the corpus, most mentioned first. Two passes: names found on
 * their own evidence first, then again with those names known, so that `Choïgou` alone or
 * `Kim Jong-Un a décidé` count. Mentions merge when their keys match, through `aliases` (a group
 * maps all its spellings to its first); people merge when their names are the same spelling
 * (`Sergueï Choïgou` / `Sergei Shoigu`, see `name-spelling.ts`), and when a shorter name is the
 * first or last words of exactly one longer person's name (`Kim`, `Choïgou`, `Shoigu`).
 */
export function buildEntityDirectory(articles: readonly EntitySourceArticle[], aliases: readonly SpellingGroup[]): Entity[] {
  const paragraphs = articles.flatMap((a) => a.paragraphs.map((p) => ({ articleId: a.id, n: p.n, text: p.text })));
  const knownList = knownNamesOf(paragraphs.flatMap((p) => namesFoundAlone(p.text)), aliases);
  const found: Found[] = [];
  for (const p of paragraphs) {
    for (const mention of findEntities(p.text, knownList)) found.push({ mention, articleId: p.articleId, paragraph: p.n, order: found.length });
  }
  return resolveEntities(found, aliases);
}

/** The people one paragraph names on their own evidence, as written: what the first reading makes known. */
export function namesFoundAlone(text: string): string[] {
  return findEntities(text).flatMap((m) => (m.kind === 'person' ? [m.surface] : []));
}

/**
 * The directory of a corpus's mentions (all of them, `order` ranking them in corpus order):
 * grouped by key through the aliases, spellings and short names merged, most mentioned first.
 */
export function resolveEntities(found: readonly FoundMention[], aliases: readonly SpellingGroup[]): Entity[] {
  return entitiesOfGroups(groupMentions(found, aliases), aliases);
}

/** Mentions grouped by their key through the aliases (see {@link aliasCanonicaliser}), groups in first-mention order. */
export function groupMentions(found: Iterable<FoundMention>, aliases: readonly SpellingGroup[]): Map<string, FoundMention[]> {
  const canonical = canonicaliserOf(aliases);
  const groups = new Map<string, Found[]>();
  for (const f of found) {
    const key = canonical(entityKey(f.mention.surface));
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  return groups;
}

/** The key a mention's surface is grouped under (see {@link groupMentions}). */
export function groupKeyOf(surface: string, aliases: readonly SpellingGroup[]): string {
  let keys = groupKeys.get(aliases);
  if (!keys) groupKeys.set(aliases, (keys = new Map()));
  let key = keys.get(surface);
  if (key === undefined) {
    if (keys.size >= GROUP_KEYS_KEPT) keys.clear();
    keys.set(surface, (key = canonicaliserOf(aliases)(entityKey(surface))));
  }
  return key;
}

/** Keys of spellings already met, by alias list: a paragraph's entities are looked up by them at every query. */
const groupKeys = new WeakMap<readonly SpellingGroup[], Map<string, string>>();
const GROUP_KEYS_KEPT = 200_000;

/**
 * Entities already made from groups of mentions, kept for groups that come back unchanged (a
 * composition's base groups): `stable` lists never change, and an entity made of stable lists only
 * is kept under the names of its groups.
 */
export interface EntityMemo {
  readonly stable: WeakSet<readonly FoundMention[]>;
  readonly made: Map<string, { readonly lists: ReadonlyArray<readonly FoundMention[]>; readonly entity: Entity }>;
}

/**
 * The directory of grouped mentions (see {@link groupMentions}; lists are not changed): spellings
 * and short names merged, most mentioned first. Merging reads only each group's counts, so its
 * cost does not grow with the mentions; `memo` keeps the entities of unchanged groups.
 */
export function entitiesOfGroups(groups: ReadonlyMap<string, readonly FoundMention[]>, aliases: readonly SpellingGroup[], memo?: EntityMemo, each?: (entity: Entity, members: readonly string[]) => void): Entity[] {
  return finishNow(entitiesOfGroupsSteps(groups, aliases, memo, each));
}

/** {@link entitiesOfGroups} in steps (one per group, a few per merge), to run cooperatively at a publish. */
export function* entitiesOfGroupsSteps(groups: ReadonlyMap<string, readonly FoundMention[]>, aliases: readonly SpellingGroup[], memo?: EntityMemo, each?: (entity: Entity, members: readonly string[]) => void): Stepwise<Entity[]> {
  const merged = new Map<string, Merged>();
  for (const [key, list] of groups) merged.set(key, { ...tallyOf(list), members: [key] });
  yield;
  yield* mergeSpellings(merged);
  yield* mergeShortNames(merged);
  const preferred = new Map(aliases.flatMap((g) => (g[0] === undefined ? [] : [[entityKey(g[0]), g[0]] as const])));
  const entities: Entity[] = [];
  for (const [key, { members }] of merged) {
    const lists = members.map((k) => groups.get(k) ?? []);
    const entity = memo ? entityThroughMemo(memo, key, members, lists, preferred.get(key)) : toEntity(key, flatten(lists), preferred.get(key));
    each?.(entity, members);
    entities.push(entity);
    yield;
  }
  return entities.sort((a, b) => b.occurrences.length - a.occurrences.length || a.name.localeCompare(b.name, 'fr'));
}

/**
 * The entity of a group of lists, through the memo: kept when its lists come back unchanged, and
 * when they come back extended ({@link extendedList}), the kept entity with the added mentions
 * appended, without sorting or reading the kept ones again (a popular name a publish adds to).
 */
function entityThroughMemo(memo: EntityMemo, key: string, members: readonly string[], lists: ReadonlyArray<readonly Found[]>, preferred: string | undefined): Entity {
  const name = `${key}\u0000${members.join('\u0000')}`;
  const known = memo.made.get(name);
  if (known && sameLists(known.lists, lists)) return known.entity;
  const bases = lists.map((l) => (memo.stable.has(l) ? l : extensions.get(l)));
  if (!bases.every((b): b is readonly Found[] => b !== undefined && memo.stable.has(b))) return toEntity(key, flatten(lists), preferred);
  let before = known && sameLists(known.lists, bases) ? known : undefined;
  if (!before) memo.made.set(name, (before = { lists: bases, entity: toEntity(key, flatten(bases), preferred) }));
  const added = lists.flatMap((l, i) => (l === bases[i] ? [] : l.slice((bases[i] as readonly Found[]).length)));
  if (added.length === 0) return before.entity;
  added.sort((a, b) => a.order - b.order);
  const last = Math.max(...bases.map(lastOrder));
  return (added[0] as Found).order > last ? extendEntity(before.entity, added, lists, preferred) : toEntity(key, flatten(lists), preferred);
}

function sameLists(a: ReadonlyArray<readonly Found[]>, b: ReadonlyArray<readonly Found[]>): boolean {
  return a.length === b.length && a.every((l, i) => l === b[i]);
}

function flatten(lists: ReadonlyArray<readonly Found[]>): Found[] {
  return lists.length === 1 ? (lists[0] as Found[]) : lists.flat();
}

/** Lists made by {@link extendedList}, to the list each extends. */
const extensions = new WeakMap<readonly Found[], readonly Found[]>();

/**
 * A new list of `list`'s mentions then `added`'s, remembered as an extension of `list` (see
 * {@link entitiesOfGroups}'s memo): a composition adds a segment's mentions to a base group so.
 */
export function extendedList(list: readonly Found[], added: readonly Found[]): Found[] {
  const out = list.concat(added);
  extensions.set(out, list);
  const tally = tallyOf(list);
  let persons = tally.persons;
  for (const f of added) if (f.mention.kind === 'person') persons++;
  tallies.set(out, { persons, total: out.length });
  return out;
}

/** Highest rank of a list's mentions, read once per list (lists never change). */
const lastOrders = new WeakMap<readonly Found[], number>();

function lastOrder(list: readonly Found[]): number {
  let last = lastOrders.get(list);
  if (last === undefined) {
    last = -Infinity;
    for (const f of list) if (f.order > last) last = f.order;
    lastOrders.set(list, last);
  }
  return last;
}

/** Canonicalisers by alias list: a composition groups with the same one at every publish. */
const canonicalisers = new WeakMap<readonly SpellingGroup[], (key: string) => string>();

function canonicaliserOf(aliases: readonly SpellingGroup[]): (key: string) => string {
  let canonical = canonicalisers.get(aliases);
  if (!canonical) canonicalisers.set(aliases, (canonical = aliasCanonicaliser(aliases)));
  return canonical;
}

/** Maps a key to its alias group's first spelling, whole or word by word (`serguei shoigu`). */
function aliasCanonicaliser(aliases: readonly SpellingGroup[]): (key: string) => string {
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

/** Counts of mention lists already made: a list is never changed (merging only reads counts). */
const tallies = new WeakMap<readonly Found[], { persons: number; total: number }>();

function tallyOf(list: readonly Found[]): { persons: number; total: number } {
  let tally = tallies.get(list);
  if (!tally) {
    let persons = 0;
    for (const f of list) if (f.mention.kind === 'person') persons++;
    tallies.set(list, (tally = { persons, total: list.length }));
  }
  return tally;
}

function toEntity(key: string, list: readonly Found[], preferred: string | undefined): Entity {
  const sorted = [...list].sort((a, b) => a.order - b.order);
  const counts = new Map<string, number>();
  const roles: EntityRole[] = [];
  addMentions(sorted, counts, roles);
  return entityOf(key, counts, roles, sorted.map(occurrenceOf), kindOf(tallyOf(list)), preferred);
}

/** `entity` with mentions ranked after all of its own (sorted), making the entity of `lists`. */
function extendEntity(entity: Entity, added: readonly Found[], lists: ReadonlyArray<readonly Found[]>, preferred: string | undefined): Entity {
  const counts = new Map(surfaceCounts.get(entity));
  const roles = [...entity.roles];
  addMentions(added, counts, roles);
  let persons = 0;
  let total = 0;
  for (const l of lists) {
    const t = tallyOf(l);
    persons += t.persons;
    total += t.total;
  }
  return entityOf(entity.key, counts, roles, entity.occurrences.concat(added.map(occurrenceOf)), kindOf({ persons, total }), preferred);
}

/** How often an entity's mentions write each spelling, in first-met order (to extend it). */
const surfaceCounts = new WeakMap<Entity, ReadonlyMap<string, number>>();

/** Counts the spellings of mentions in corpus order and adds the roles not yet stated by their article. */
function addMentions(sorted: readonly Found[], counts: Map<string, number>, roles: EntityRole[]): void {
  for (const f of sorted) {
    counts.set(f.mention.surface, (counts.get(f.mention.surface) ?? 0) + 1);
    const role = f.mention.role;
    if (role === undefined) continue;
    if (!roles.some((r) => r.articleId === f.articleId && entityKey(r.text) === entityKey(role))) roles.push({ text: role, articleId: f.articleId, paragraph: f.paragraph });
  }
}

function occurrenceOf(f: Found): EntityOccurrence {
  return { articleId: f.articleId, paragraph: f.paragraph, surface: f.mention.surface, start: f.mention.start, end: f.mention.end };
}

function entityOf(key: string, counts: ReadonlyMap<string, number>, roles: EntityRole[], occurrences: EntityOccurrence[], kind: EntityKind, preferred: string | undefined): Entity {
  const variants = [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
  // Most complete first (a first name), then most frequent, then the one whose words most
  // mentions share (`Rémi` with `Remi` rather than `Rémy`), then spaced words (`Kim Jong Un`),
  // then the one with its accents, then the first met.
  const wordCounts = new Map<string, number>();
  for (const [surface, n] of counts) for (const w of new Set(entityKey(surface).split(' '))) wordCounts.set(w, (wordCounts.get(w) ?? 0) + n);
  const shared = (s: string): number => entityKey(s).split(' ').reduce((sum, w) => sum + (wordCounts.get(w) ?? 0), 0);
  const accents = (s: string): number => s.normalize('NFD').replace(/[^\p{Mn}]/gu, '').length;
  const completeness = (s: string): number[] => [entityKey(s).split(' ').length, counts.get(s) ?? 0, shared(s), s.split(/\s+/).length, accents(s)];
  const best = [...variants].sort((a, b) => {
    const [x, y] = [completeness(a), completeness(b)];
    for (const [i, v] of x.entries()) if ((y[i] ?? 0) !== v) return (y[i] ?? 0) - v;
    return 0;
  })[0];
  const entity: Entity = {
    key,
    name: preferred !== undefined && entityKey(preferred) === key ? preferred : (best ?? key),
    kind,
    variants,
    roles,
    occurrences,
  };
  surfaceCounts.set(entity, counts);
  return entity;
}
