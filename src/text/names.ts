/**
 * Word-level building blocks for finding people and organisations in French news: tokens with
 * offsets, the word classes that signal a name (role nouns, titles, organisation heads),
 * capitalised runs, and the modifiers that follow a head noun (`secrétaire` + `du Conseil de
 * sécurité russe`). Places are known to `places.ts`.
 *
 * The word lists are about French news style in general, not about any one article.
 */
import { APOSTROPHES, HYPHENS, fold } from './fold.js';
import { isPlaceContext, isPlaceName } from './places.js';

/** One word or punctuation mark of a paragraph. */
export interface Token {
  readonly text: string;
  /** Lower-cased with accents kept and `’` as `'`: `à` (preposition) must not be `a` (verb). */
  readonly lower: string;
  /** {@link fold}ed, for the accent-insensitive lists. */
  readonly folded: string;
  readonly start: number;
  readonly end: number;
  readonly word: boolean;
  /** Starts with an upper-case letter. */
  readonly cap: boolean;
  /** Two or more capitals and nothing else (`KCNA`, `AFP`), not a Roman numeral. */
  readonly acronym: boolean;
  /** First word of its sentence, where a capital says nothing about being a name. */
  readonly sentenceStart: boolean;
}

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Nouns of office and occupation that introduce a name (`le président russe Vladimir Poutine`). Folded. */
export const ROLE_NOUNS = set(`
  president presidente dirigeant dirigeante secretaire ministre analyste directeur directrice porte-parole chef cheffe
  general generale ambassadeur ambassadrice chancelier chanceliere roi reine depute deputee senateur senatrice maire
  gouverneur gouverneure commandant colonel lieutenant capitaine amiral marechal patron patronne fondateur fondatrice
  expert experte chercheur chercheuse professeur professeure conseiller conseillere envoye envoyee emissaire representant
  representante delegue deleguee commissaire haut-commissaire juge procureur procureure avocat avocate journaliste
  correspondant correspondante economiste politologue specialiste historien historienne opposant opposante militant
  militante leader pape prince princesse emir cheikh ayatollah guide dictateur homologue adjoint adjointe responsable
  vice-president vice-presidente vice-ministre sous-secretaire pdg administrateur administratrice negociateur mediateur
  candidat candidate soeur frere fils fille epouse mari porte-drapeau coordinateur coordinatrice inspecteur inspectrice
  prefet prefete sous-prefet sous-prefete consul consule eurodepute eurodeputee elu elue magistrat magistrate notaire
  hydrologue geologue sociologue climatologue demographe geographe politiste philosophe psychologue psychiatre medecin
  chirurgien chirurgienne infirmier infirmiere pompier pompiere policier policiere gendarme officier soldat sergent
  caporal syndicaliste ingenieur ingenieure architecte enseignant enseignante instituteur institutrice proviseur
  doyen doyenne recteur rectrice ecrivain ecrivaine auteur autrice romancier romanciere realisateur
  realisatrice acteur actrice chanteur chanteuse artiste musicien musicienne photographe reporter entraineur
  entraineuse joueur joueuse athlete pilote eveque archeveque cardinal pretre imam rabbin pasteur docker ouvrier
  ouvriere agriculteur agricultrice eleveur eleveuse viticulteur viticultrice pecheur commercant commercante
  entrepreneur entrepreneuse editorialiste chroniqueur chroniqueuse presentateur presentatrice`);
/** Adjectives that may precede a role noun and belong to the role (`nouveau président`). Folded. */
export const PRE_ROLE = set('nouveau nouvel nouvelle ancien ancienne ex futur future actuel actuelle premier premiere vice haut haute puissant puissante influent influente jeune celebre principal principale grand grande');
/** Articles, contractions and possessives before a noun phrase. Lower-cased, accents kept. */
export const DETERMINERS = set("le la l' les un une des du au aux son sa ses leur leurs ce cet cette ces notre votre");
const PREPOSITIONS = set("de du des d' à au aux pour sur en");
const AFTER_PREPOSITION = set("la l' les le");
/** `M. Choïgou`, `MM. Kim et Choïgou`, `Mme Lee`. */
export const TITLES = set('M MM Mme Mmes Mlle Mlles Mgr');
/** Words that end a noun phrase: verbs, pronouns, conjunctions. Lower-cased. */
const STOP = set(`
  a ai as avait avaient aura auront aurait ont est sont était étaient sera seront fut été être avoir va vont doit peut fait
  dit que qu' qui quand lorsque mais car donc puis selon dont où ne n' pas se s' il elle ils elles on et ou ni si comme
  ainsi aussi très plus moins déjà encore toujours jamais lui leur y en`);
/** Adjectives common after an office or institution (`général`, `unies`, `étrangères`). Folded. */
const ADJECTIVES = set(`
  russe russes suisse suisses belge belges turc turque turcs grec grecque tcheque slovaque serbe croate arabe arabes kurde
  officiel officielle officiels national nationale nationaux general generale generaux federal federale supreme militaire
  militaires populaire central centrale europeen europeenne international internationale public publique superieur
  superieure special speciale principal principale adjoint adjointe delegue deleguee executif executive permanent
  permanente sortant sortante elu elue interimaire honoraire unies unis etrangeres etranger etrangere interieur interieure
  exterieur exterieure charge chargee strategique politique economique diplomatique scientifique democratique socialiste
  communiste islamique nucleaire atomique regional regionale local locale municipal municipale presidentiel presidentielle
  gouvernemental gouvernementale ministeriel ministerielle parlementaire independant independante nord-coreen
  nord-coreenne sud-coreen sud-coreenne`);
/** Nationality and place adjectives by their endings: `coréen`, `américaine`, `chinois`, `allemand`. */
const GENTILIC = /(?:ien|ienne|[ée]en|[ée]enne|ain|aine|ais|aise|ois|oise|and|ande)s?$/;
const NOT_GENTILIC = set('demain lendemain main train terrain mais jamais desormais quand bien moins');
/** Adjectives by their endings: `civile`, `économique`, `régional`, `sportif`, `nucléaire`. */
const ADJECTIVE_ENDINGS = /(?:ique|iste|aire|ile|el|elle|al|ale|aux|if|ive|eux|euse)s?$/;
/** Nouns and verbs with those endings (`faire`, `appelle`, `arrive`). Folded. */
const NOT_ADJECTIVES = set(`
  journal hopital tribunal canal signal animal cheval festival mal bal val ciel appel rappel hotel quel quelle telle
  liste piste affaire salaire rive objectif motif dispositif archive faire plaire taire extraire distraire appelle
  rappelle interpelle arrive suive vive ecrive prive derive file pile defile empile`);
/** Capitalised heads of institution names (`Conseil de sécurité`, `Institut coréen...`). Folded. */
export const ORG_HEADS = set(`
  conseil ministere institut agence parlement assemblee senat commission organisation union cour tribunal banque fonds
  office comite parti front garde direction universite academie fondation association federation service centre bureau
  armee gouvernement cabinet secretariat etat-major`);
/** Lower-case nouns that introduce an organisation's name (`l'agence russe Ria Novosti`). Folded. */
export const NAMED_ORG_HEADS = set('agence journal quotidien hebdomadaire chaine radio television site groupe societe entreprise compagnie constructeur parti ong mouvement banque');
/** All-capital words that are not organisations. */
const NOT_ACRONYMS = set('OK IP TV PDF USB SMS GPS HTML URL UTC GMT FAQ CEO PDG NB PS');
/** Verbs of saying around a name (`a déclaré X`, `X a indiqué`). Folded. */
export const SPEECH = set('declare indique affirme ajoute dit estime souligne explique precise assure annonce confie repondu averti rappele insiste martele deplore salue commente ecrit raconte temoigne lance prevenu juge');
/** Words that are capitalised at the start of a sentence and never part of a name. Folded. */
export const FUNCTION_WORDS = set(`
  le la les l un une des du de d au aux ce cet cette ces celle celui celle-ci celui-ci ceux il elle ils elles on nous vous
  je selon pour dans en a apres avant mais et ou puis alors ainsi depuis lors sans sous sur par avec entre vers chez
  hier aujourd'hui demain ensuite enfin desormais pourtant cependant toutefois lundi mardi mercredi jeudi vendredi samedi
  dimanche debut fin mi quant si son sa ses leur leurs notre dont lorsque quand comme outre face malgre grace`);
/** Capitalised common nouns that are not names on their own (`chefs d'Etat`, `le Nord`). Folded. */
export const COMMON_CAPS = set('etat etats nord sud est ouest accord traite capture visite gouvernement republique federation constitution occident');

/**
 * Folds a name for comparison: case, accents, and hyphen/space/apostrophe variants unified.
 *
 * @example entityKey('Kim Jong-Un') === entityKey('Kim Jong Un') // 'kim jong un'
 */
export function entityKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    if (keys.size >= 200_000) keys.clear();
    key = fold(name).replace(APOSTROPHE_RE, "'").replace(SEPARATOR_RE, ' ').trim();
    keys.set(name, key);
  }
  return key;
}

const APOSTROPHE_RE = new RegExp(`[${APOSTROPHES}]`, 'g');
const SEPARATOR_RE = new RegExp(`[\\s${HYPHENS}.]+`, 'g');
/** Keys of names already seen: the same names recur in every paragraph that mentions them. */
const keys = new Map<string, string>();

const TOKEN_RE = /(?:jusqu|lorsqu|puisqu|quoiqu|qu|[cdjlmnst])['’](?=\p{L})|\p{L}[\p{L}\p{M}\p{N}]*(?:[-‐‑'’]\p{L}[\p{L}\p{M}\p{N}]*)*|\p{N}+|[^\s\p{L}\p{N}]/giu;
const OPENERS = set('« " “ ( - – — ‹');
const ENDERS = set('. ! ? … : ;');

type WordShape = Pick<Token, 'word' | 'lower' | 'folded' | 'cap' | 'acronym'>;

/** What a token's spelling says about it; words recur, so each spelling is looked at once. */
function wordShape(raw: string): WordShape {
  let shape = shapes.get(raw);
  if (!shape) {
    const lower = raw.toLowerCase().replace(/’/g, "'");
    shape = {
      word: /^\p{L}/u.test(raw),
      lower,
      folded: fold(lower),
      cap: /^\p{Lu}/u.test(raw),
      acronym: /^\p{Lu}{2,}$/u.test(raw) && !/^[IVXLCDM]+$/.test(raw) && !NOT_ACRONYMS.has(raw),
    };
    if (shapes.size >= 200_000) shapes.clear();
    shapes.set(raw, shape);
  }
  return shape;
}

const shapes = new Map<string, WordShape>();

/** Splits a paragraph into words and punctuation marks, elisions apart (`l'` + `Institut`). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let boundary = true;
  for (const m of text.matchAll(TOKEN_RE)) {
    const raw = m[0];
    const { word, lower, folded, cap, acronym } = wordShape(raw);
    out.push({ text: raw, lower, folded, start: m.index, end: m.index + raw.length, word, cap, acronym, sentenceStart: word && boundary });
    // A full stop after `M`, `MM`, `Mme` does not end the sentence.
    if (word) boundary = false;
    else if (ENDERS.has(raw)) boundary = !(raw === '.' && out.length > 1 && TITLES.has(out[out.length - 2]?.text ?? ''));
    else if (!OPENERS.has(raw)) boundary = false;
  }
  return out;
}

/** Whether a lower-case word can be an adjective after a noun (`russe`, `général`, `sud-coréen`). */
export function isAdjective(t: Token): boolean {
  if (!t.word || t.cap || STOP.has(t.lower)) return false;
  if (ADJECTIVES.has(t.folded)) return true;
  return (GENTILIC.test(t.folded) && !NOT_GENTILIC.has(t.folded)) || (ADJECTIVE_ENDINGS.test(t.folded) && !NOT_ADJECTIVES.has(t.folded));
}

/** Whether a token names an office (`président`, `ex-ministre`). */
export function isRoleNoun(t: Token | undefined): boolean {
  return t !== undefined && t.word && !t.cap && ROLE_NOUNS.has(t.folded.replace(/^ex-/, ''));
}

/** Whether the words right before token `i` make it a place: `région de X`, `à X`, `en X`. */
export function inPlaceContext(tokens: readonly Token[], i: number): boolean {
  return isPlaceContext(tokens[i - 1], tokens[i - 2]);
}

const PARTICLES = set("de du des d' van von der den da di del della bin ben ibn al el");
/** French particles are also plain prepositions: `Visite de Sergueï` must not become one name. */
const FRENCH_PARTICLES = set("de du des d'");

/**
 * End (exclusive) of the run of capitalised words starting at `i`: `Sergueï Choïgou`,
 * `Lee Jae-myung`, `Ursula von der Leyen`, `Charles de Gaulle`. Particles count only between two
 * capitalised words, and `de`/`du`/`des` not in a run that opens a sentence.
 */
export function capitalisedRun(tokens: readonly Token[], i: number): number {
  let j = i;
  while (tokens[j]?.cap && tokens[j]?.word && !tokens[j]?.acronym) {
    j += 1;
    let k = j;
    while (k < j + 2 && tokens[k] && !tokens[k]?.cap && PARTICLES.has(tokens[k]?.lower ?? '')) k += 1;
    const particles = tokens.slice(j, k);
    const next = tokens[k];
    const french = particles.some((t) => FRENCH_PARTICLES.has(t.lower));
    if (k > j && next?.cap && next.word && !next.acronym && !(french && tokens[i]?.sentenceStart)) j = k;
  }
  return j;
}

/**
 * End (exclusive) of what qualifies the head noun just before `i`: adjectives (`russe`,
 * `principal`) and complements (`du Conseil`, `de sécurité`, `à l'Institut`, `de la poste`).
 * A capitalised complement stops where a name may start (see {@link capitalisedComplementEnd}),
 * so that the name after a role is not swallowed by it. `lowerComplements` caps how many
 * lower-case complement nouns are taken: institution names have at most one.
 */
export function modifiers(tokens: readonly Token[], i: number, lowerComplements = Infinity): number {
  let lower = 0;
  for (;;) {
    const t = tokens[i];
    if (!t?.word) return i;
    if (isAdjective(t)) {
      i += 1;
      continue;
    }
    if (!PREPOSITIONS.has(t.lower)) return i;
    let k = i + 1;
    if (AFTER_PREPOSITION.has(tokens[k]?.lower ?? '') && !['du', 'des', 'au', 'aux'].includes(t.lower)) k += 1;
    const n = tokens[k];
    if (!n?.word) return i;
    if (n.cap) {
      i = capitalisedComplementEnd(tokens, k);
    } else if (lower < lowerComplements && !STOP.has(n.lower) && !DETERMINERS.has(n.lower)) {
      lower += 1;
      i = k + 1;
    } else {
      return i;
    }
  }
}

/** Ministries' portfolios, capitalised after `ministre de` (`de l'Intérieur`, `des Armées`). Folded. */
const PORTFOLIOS = set(`
  interieur defense justice economie finances budget culture sante travail emploi education agriculture environnement
  ecologie armees transports industrie energie logement sports outre-mer numerique recherche enseignement solidarites
  famille commerce tourisme jeunesse diplomatie`);

/**
 * End (exclusive) of a capitalised complement starting at `from`: after a place (`de Russie` in
 * `l'ambassadeur de Russie Alexandre X`) or a portfolio (`de l'Intérieur Bruno Retailleau`), and
 * otherwise before the last two words of a run of three or more, which are the name that
 * follows the role (`le maire de Montcuq Jean Dupont`).
 */
function capitalisedComplementEnd(tokens: readonly Token[], from: number): number {
  let end = from;
  while (tokens[end]?.cap && tokens[end]?.word) end += 1;
  if (PORTFOLIOS.has(tokens[from]?.folded ?? '')) return from + 1;
  for (let k = from + 1; k < end; k++) if (isPlaceName(tokens.slice(from, k).map((t) => t.text).join(' '))) return k;
  return end - from >= 3 ? end - 2 : end;
}
