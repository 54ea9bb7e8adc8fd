/**
 * Countries named as parties in French news: the words a text uses for a country when it acts,
 * speaks, is spoken to or is spoken of (`Kiev a lancé`, `détruites par Kiev`, `les forces
 * ukrainiennes`, `l'armée de Kiev`, `le Kremlin`, `le conflit avec l'Ukraine`), and not when it
 * is a place (`à Kiev`, `en Ukraine`, `frontalière de l'Ukraine`, `au Kremlin`). Capitals and
 * seats of government standing for their country are the press's metonymy; `/wording` sets the
 * outlets' choices side by side.
 *
 * Reads texts folded by {@link foldText}; spans are in the original text. Precision comes first:
 * an ambiguous use (a name inside another name, a dateline, `au Mali`) is left out, so that every
 * count said of an outlet holds.
 */
import { fold } from './fold.js';
import { foldText, phraseKey, type FoldedText } from './folded-text.js';
import type { Span } from './sentences.js';

/**
 * A country as French news names it when it acts (`Kiev a lancé`, `les forces ukrainiennes`,
 * `le Kremlin`), from `countries.yaml`. `demonyms` hold the adjective's written forms.
 */
export interface Country {
  readonly country: string;
  readonly names: readonly string[];
  /** The definite article before its names (`l'` Ukraine), or `''` (Israël). */
  readonly article: 'la ' | 'le ' | "l'" | 'les ' | '';
  readonly capitals: readonly string[];
  readonly demonyms: readonly string[];
  readonly seats: readonly string[];
}

/** How a mention names its country. */
export type PartyForm = 'name' | 'capital' | 'seat' | 'group';

/** One mention of a country as a party. */
export interface PartyMention extends Span {
  /** The country's display name (`Ukraine`). */
  readonly country: string;
  readonly form: PartyForm;
  /** The mention's phrase key (`forces ukrainiennes`, `kiev`). */
  readonly key: string;
}

/** Countries compiled for matching. */
export interface CompiledParties {
  readonly forms: ReadonlyMap<string, { readonly country: Country; readonly form: Exclude<PartyForm, 'group'> }>;
  readonly demonyms: ReadonlyMap<string, Country>;
  readonly formRe: RegExp;
  readonly groupRe: RegExp | undefined;
}

/**
 * Nouns of a state's bodies that a demonym (`les forces ukrainiennes`) or `de` + a capital or name
 * (`l'armée de Kiev`) makes the country itself, as a party. Folded. People (`le président russe`)
 * are persons, not the party, and are left to the name anchors.
 */
const BODIES = [
  'forces armees', 'forces', 'troupes', 'armee', 'armees', 'autorites', 'gouvernement', 'regime', 'pouvoir', 'diplomatie',
  'dirigeants', 'executif', 'etat-major', 'etat', 'administration', 'partie', 'camp',
];

/** Prepositions that make the next name a place: `en Ukraine`, `vers Kiev`, `depuis Moscou`. */
const LOCATIVE = new Set(['en', 'dans', 'vers', 'depuis', 'sur', 'via', 'jusqu\'en', 'travers', 'partout', 'devant', 'pres', 'autour', 'loin', 'hors', 'direction', 'proximite']);
/**
 * Words before `de` that make the name after it a place: `la région de`, `frontalière de`,
 * `le sud de`, `repart de`. Folded.
 */
const PLACE_BEFORE_DE = new Set(
  `frontiere frontieres frontalier frontaliere frontaliers frontalieres nord sud est ouest nord-est nord-ouest sud-est sud-ouest
  centre territoire territoires sol region regions ville villes capitale cote cotes littoral coeur reste interieur exterieur
  habitants depart retour partie province provinces zone zones banlieue rues rue environs peripherie aeroport portes porte
  gare metro maire mairie prefecture prefet tribunal parquet procureur cour universite musee opera bourse pres loin proche
  proches hors long travers large repart revient revenu revenue rentre rentree parti partie sorti arrive arrivee arrives venu
  venue venus venues quitte decolle route chemin nouvelles sortie murs enceinte salle salons perron bureau bureaux`
    .split(/\s+/)
    .filter(Boolean),
);
/**
 * Words before `à` that make a capital after it spoken to, not a place: `un soutien
 * inconditionnel à Moscou`, `a répondu à Kiev`. Looked for among the three words before `à`.
 */
const DATIVE_HEADS = new Set(
  `soutien aide appui assistance promis promet promettent livre livres livree livrees livrer fourni fournie fournis fournies
  fournir livraisons livraison adresse adressee reproche reproche reprochent ultimatum message lettre repondu repond repondent
  repondre oppose opposent hostile hostiles fidele favorable allie allies demande demandent demander conseille conseillent
  reclame reclament offert offre propose proposent impose imposent inflige`
    .split(/\s+/)
    .filter(Boolean),
);
/**
 * Words before `entre` that make the two names after it places (`le train entre Pyongyang et
 * Moscou`, `la frontière entre la Corée du Nord et la Russie`), and verbs whose object is a place
 * (`reliera Pyongyang`, `atteindre Pyongyang`). Folded.
 */
const ROUTE_WORDS = new Set(
  `train trains liaison liaisons ligne lignes vol vols route routes trajet trajets pont ponts gazoduc oleoduc voie voies
  corridor distance frontiere frontieres relie reliera relient relier reliant atteindre atteint atteignent rejoindre rejoint
  rejoignent gagner gagne desservir dessert desservira quitter quitte quittent survoler survole`
    .split(/\s+/)
    .filter(Boolean),
);
/** Forms of the verbs above in any tense: `relieront`, `rejoignait`. */
const ROUTE_VERB = /^(?:reli[ea]|rejoi|atteign|dessert|desservi|quitt|survol)/u;

/** Prepositions a coordinated name (`X et Y`) takes from the first one. */
const COORDINATED_FROM = new Set(['a', 'en', 'dans', 'vers', 'depuis', 'entre', 'de', "d'", 'sur', 'via']);

/** Words before a seat of government that make it a place: `au Kremlin`, `à l'Élysée`, `devant la Maison-Blanche`. */
const SEAT_PLACE = new Set(['au', 'a', 'dans', 'devant', 'depuis', 'vers', 'quitte', 'sortant', 'entrant']);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (keys: Iterable<string>) => [...new Set(keys)].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escape).join('|');

/** Compiles countries for {@link partyMentions}. The first country holding a word wins. */
export function compileParties(countries: readonly Country[]): CompiledParties {
  const forms = new Map<string, { country: Country; form: Exclude<PartyForm, 'group'> }>();
  const demonyms = new Map<string, Country>();
  for (const country of countries) {
    const put = (word: string, form: Exclude<PartyForm, 'group'>) => {
      const key = phraseKey(word);
      if (key !== '' && !forms.has(key)) forms.set(key, { country, form });
    };
    country.names.forEach((w) => put(w, 'name'));
    country.capitals.forEach((w) => put(w, 'capital'));
    country.seats.forEach((w) => put(w, 'seat'));
    for (const d of country.demonyms) {
      const key = phraseKey(d);
      if (key !== '' && !demonyms.has(key)) demonyms.set(key, country);
    }
  }
  const formRe = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${alternation(forms.keys()) || '(?!)'})(?![\\p{L}\\p{N}-])`, 'gu');
  const bodies = alternation(BODIES.map(phraseKey));
  const places = alternation([...forms].filter(([, f]) => f.form !== 'seat').map(([k]) => k));
  const groupParts = [
    ...(demonyms.size > 0 ? [`(?:${bodies}) (?:${alternation(demonyms.keys())})`] : []),
    ...(places !== '' ? [`(?:${bodies}) (?:de |d')(?:la |le |l'|les )?(?:${places})`] : []),
  ];
  const groupRe = groupParts.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}-])(?:${groupParts.join('|')})(?![\\p{L}\\p{N}-])`, 'gu') : undefined;
  return { forms, demonyms, formRe, groupRe };
}

/** The folded words right before folded offset `i`, nearest last. */
function wordsBefore(folded: string, i: number, n: number): string[] {
  return folded
    .slice(Math.max(0, i - 60), i)
    .split(/[^\p{L}\p{N}'-]+/u)
    .flatMap((w) => (w.includes("'") ? w.split(/(?<=')/u) : [w]))
    .filter(Boolean)
    .slice(-n);
}

const ARTICLE_WORDS = new Set(['la', 'le', "l'", 'les']);

/**
 * Whether the words before a name, capital or seat make it a place, or show it is not the
 * country at all (a name without its article: `Radio France`, `l'équipe de France`).
 */
function isNotParty(c: Country, form: Exclude<PartyForm, 'group'>, before: string[]): boolean {
  let words = before;
  const last = words[words.length - 1] ?? '';
  if (form === 'name' && c.article !== '') {
    // `la France`, `l'Ukraine`, `du Mali`, `des États-Unis`; `au Mali` and `aux États-Unis` are places.
    const article = fold(c.article.trim());
    const contracted = article === 'le' ? ['du', 'au'] : article === 'les' ? ['des', 'aux'] : [];
    if (last === 'au' || last === 'aux') return true;
    if (last !== article && !contracted.includes(last)) return true;
    words = last === 'du' || last === 'des' ? [...words.slice(0, -1), 'de'] : words.slice(0, -1);
  } else if (form !== 'seat' && ARTICLE_WORDS.has(last)) {
    // A capital takes no article: `la Vienne` is the French département, not Austria.
    return true;
  } else if (form === 'seat' && ARTICLE_WORDS.has(last)) {
    words = words.slice(0, -1);
  } else if (form === 'seat' && (last === 'du' || last === 'au')) {
    words = [...words.slice(0, -1), last === 'du' ? 'de' : 'au'];
  }
  let at = words.length - 1;
  if (words[at] === 'et') {
    // `entre Pyongyang et Moscou`: the second name is read after the first one's preposition.
    const from = words.slice(0, -1).findLastIndex((w) => COORDINATED_FROM.has(w));
    if (from >= 0 && at - from <= 5) at = from;
  }
  const prep = words[at] ?? '';
  const head = words[at - 1] ?? '';
  if (ROUTE_WORDS.has(prep) || ROUTE_VERB.test(prep)) return true;
  // `le train international direct entre`: a route word among the three before.
  if (prep === 'entre') return words.slice(Math.max(0, at - 3), at).some((w) => ROUTE_WORDS.has(w) || PLACE_BEFORE_DE.has(w));
  if (LOCATIVE.has(prep)) return true;
  if (form === 'seat' && SEAT_PLACE.has(prep)) return true;
  if (prep === 'de' || prep === "d'") return PLACE_BEFORE_DE.has(head);
  if (prep === 'a' && form !== 'name') return !words.slice(-4, -1).some((w) => DATIVE_HEADS.has(w));
  return false;
}

/** The original text looks like a dateline or a longer proper name at the mention: `PARIS, 19 mai`, `Paris Match`. */
function isDatelineOrCompound(text: string, span: Span): boolean {
  const written = text.slice(span.start, span.end);
  if (written.length > 2 && written === written.toUpperCase() && /\p{Lu}/u.test(written)) return true;
  const after = text.slice(span.end, span.end + 12);
  return /^,?[\s\u00a0]*\(?\d/u.test(after) || /^[\s\u00a0]+\p{Lu}\p{Ll}/u.test(after) || /^[\s\u00a0]*\(/u.test(after);
}

/**
 * Every mention of a country as a party in a text, in order, never two overlapping (a body
 * phrase holding a capital is one mention: `l'armée de Kiev`).
 *
 * @example partyMentions('Kiev a riposté, selon les forces ukrainiennes, à Kiev.', …) → `Kiev`, `forces ukrainiennes` (not the last `Kiev`)
 */
export function partyMentions(text: string, parties: CompiledParties, folded: FoldedText = foldText(text)): PartyMention[] {
  const out: PartyMention[] = [];
  const f = folded.folded;
  const toSpan = (i: number, n: number): Span => ({ start: folded.at[i] as number, end: folded.at[i + n] as number });
  if (parties.groupRe) {
    for (const m of f.matchAll(parties.groupRe)) {
      const key = m[0];
      const demonym = key.slice(key.lastIndexOf(' ') + 1);
      const country = parties.demonyms.get(demonym) ?? [...parties.forms].find(([k]) => key.endsWith(` ${k}`) || key.endsWith(`'${k}`))?.[1].country;
      if (!country) continue;
      // `le chef de la diplomatie valdorienne` is a person's title, not the country acting.
      if (/(?:^|[^\p{L}])(?:chefs?|ministres?) (?:de la |de l'|du |des )$/u.test(f.slice(Math.max(0, m.index - 20), m.index))) continue;
      out.push({ ...toSpan(m.index, key.length), country: country.country, form: 'group', key });
    }
  }
  for (const m of f.matchAll(parties.formRe)) {
    const found = parties.forms.get(m[0]);
    if (!found) continue;
    const span = toSpan(m.index, m[0].length);
    if (out.some((o) => o.form === 'group' && span.start < o.end && o.start < span.end)) continue;
    if (isDatelineOrCompound(text, span) || isNotParty(found.country, found.form, wordsBefore(f, m.index, 10))) continue;
    out.push({ ...span, country: found.country.country, form: found.form, key: m[0] });
  }
  return out.sort((a, b) => a.start - b.start);
}
