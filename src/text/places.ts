/**
 * Places in French news, in one module: the names of countries, regions and cities that must
 * never be taken for a person or an organisation, the words around a name that make it a place
 * (`la région de X`, `à X`), and the place spans the `où` questions prefer.
 *
 * The lists are general knowledge about the world as French news writes it, not about any one
 * article. Keys are {@link placeKeyOf folded}: lower case, no accents, words joined by `-`.
 */
import type { Span } from './sentences.js';

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/**
 * Countries, continents and large regions. A name that starts or ends with one of these
 * (`Météo France`, `France Télévisions`, `Russie unie`) is an institution or a place, not a
 * person, unless the text says otherwise (a title, a role).
 */
const TERRITORIES = set(`
  france russie ukraine coree chine japon inde iran irak syrie israel liban palestine gaza cisjordanie turquie allemagne
  italie espagne portugal pologne belgique suisse autriche hongrie roumanie bulgarie grece serbie croatie slovenie
  slovaquie tchequie albanie kosovo macedoine montenegro bosnie finlande suede norvege danemark islande irlande ecosse
  angleterre bielorussie moldavie georgie armenie azerbaidjan kazakhstan ouzbekistan kirghizstan tadjikistan
  turkmenistan mongolie vietnam laos cambodge thailande birmanie malaisie singapour indonesie philippines taiwan pakistan
  afghanistan bangladesh nepal egypte libye tunisie algerie maroc mauritanie mali niger tchad soudan ethiopie erythree
  somalie kenya ouganda rwanda burundi tanzanie nigeria senegal guinee cameroun gabon congo angola zambie zimbabwe
  mozambique madagascar benin togo ghana liberia canada mexique cuba haiti venezuela colombie bresil argentine chili
  perou bolivie equateur uruguay paraguay australie yemen oman qatar koweit bahrein jordanie luxembourg monaco malte
  chypre lituanie lettonie estonie europe asie afrique amerique oceanie occident orient arctique antarctique
  crimee donbass donbas sahel caucase balkans scandinavie siberie kurdistan tibet xinjiang cachemire
  bretagne normandie occitanie provence alsace corse guadeloupe martinique guyane mayotte auvergne bourgogne
  aquitaine picardie`);

/** Cities, smaller regions and buildings that stand for a government (`le Kremlin`). */
const OTHER_PLACES = set(`
  koursk belgorod kherson zaporijia zaporijjia donetsk louhansk lougansk kharkiv kharkov odessa odesa marioupol bakhmout
  avdiivka pokrovsk dnipro lviv soumy tchernihiv moscou kiev kyiv pyongyang seoul pekin shanghai hongkong tokyo
  osaka washington paris londres berlin rome milan madrid barcelone lisbonne bruxelles amsterdam la-haye varsovie prague
  budapest bucarest sofia athenes belgrade zagreb vienne geneve zurich berne stockholm oslo copenhague helsinki dublin
  minsk vilnius riga tallinn chisinau tbilissi erevan bakou astana tachkent ankara istanbul teheran bagdad damas alep
  beyrouth amman jerusalem tel-aviv ramallah rafah khan-younes le-caire caire alexandrie tripoli tunis alger rabat
  casablanca dakar bamako niamey ouagadougou abidjan lagos abuja kinshasa nairobi addis-abeba khartoum johannesburg
  pretoria le-cap riyad doha dubai abou-dhabi sanaa kaboul islamabad new-delhi delhi bombay bangkok hanoi manille
  jakarta sydney melbourne ottawa montreal quebec toronto new-york los-angeles chicago miami mexico la-havane caracas
  bogota lima santiago buenos-aires brasilia vladivostok khabarovsk saint-petersbourg novossibirsk kaliningrad
  sebastopol kremlin pentagone elysee matignon lorraine champagne savoie reunion
  lyon marseille toulouse bordeaux lille nantes strasbourg montpellier rennes grenoble toulon dijon angers nimes
  villeurbanne clermont-ferrand saint-etienne le-havre reims brest limoges amiens perpignan metz besancon rouen caen
  mulhouse avignon poitiers la-rochelle calais dunkerque ajaccio bastia cannes antibes versailles nanterre creteil
  bobigny saint-denis argenteuil montreuil pau bayonne biarritz lourdes tarbes chambery annecy valenciennes
  ile-de-france hauts-de-france grand-est nouvelle-aquitaine auvergne-rhone-alpes bourgogne-franche-comte
  centre-val-de-loire pays-de-la-loire provence-alpes-cote-d'azur seine-saint-denis val-de-marne hauts-de-seine`);

/** Places of more than one word, written with spaces or hyphens (`Corée du Nord`). */
const PLACE_PHRASES = set(`
  coree-du-nord coree-du-sud federation-de-russie etats-unis royaume-uni arabie-saoudite afrique-du-sud nouvelle-zelande
  union-sovietique maison-blanche bande-de-gaza moyen-orient proche-orient extreme-orient hong-kong sri-lanka
  burkina-faso costa-rica cote-d'ivoire emirats-arabes-unis pays-bas republique-tcheque nouvelle-caledonie
  polynesie-francaise amerique-latine amerique-du-nord amerique-du-sud asie-centrale asie-du-sud-est
  europe-de-l'est afrique-de-l'ouest afrique-du-nord afrique-subsaharienne haut-karabakh mer-noire mer-baltique mer-rouge mer-mediterranee mer-de-chine`);

/** Nouns after which `de X` is a place: `la région de Koursk`. Folded. */
const PLACE_NOUNS = set('region ville province oblast capitale departement district territoire village localite frontiere pays commune metropole');

/** Folds a name into a place key: `Corée du Nord` → `coree-du-nord`. */
export function placeKeyOf(name: string): string {
  let key = placeKeys.get(name);
  if (key === undefined) {
    if (placeKeys.size >= 200_000) placeKeys.clear();
    key = name
      .normalize('NFD')
      .replace(/\p{Mn}/gu, '')
      .toLowerCase()
      .replace(/[’`]/g, "'")
      .replace(/[\s\u2010-\u2014.]+/g, '-')
      .replace(/^-|-$/g, '');
    placeKeys.set(name, key);
  }
  return key;
}

/** Every capitalised run is asked about, and the same names recur: each is folded once. */
const placeKeys = new Map<string, string>();

/** Whether a name (any case, accents, spaces or hyphens) is a place. */
export function isPlaceName(name: string): boolean {
  const key = placeKeyOf(name);
  return TERRITORIES.has(key) || OTHER_PLACES.has(key) || PLACE_PHRASES.has(key);
}

/** Whether one word is a country, continent or large region (see {@link TERRITORIES}). */
export function isTerritoryWord(word: string): boolean {
  return TERRITORIES.has(placeKeyOf(word));
}

/** The two words before a name, as the name finder's tokens carry them. */
interface PrecedingWord {
  /** Lower-cased, accents kept (`à` is not `a`). */
  readonly lower: string;
  /** Lower-cased without accents. */
  readonly folded: string;
}

/**
 * Nouns before a name that make it a place or a building named after someone: `le collège
 * Jean-Moulin`, `la rue Victor-Hugo`, `le stade Pierre-Mauroy`. Folded.
 */
const NAMED_AFTER_NOUNS = set(`
  rue avenue boulevard place quai impasse allee chemin route cours square parc jardin pont gare aeroport stade
  gymnase piscine college lycee ecole universite hopital clinique musee theatre salle centre residence cite quartier
  prix fondation`);

/** Whether the words right before a name make it a place: `région de X`, `à X`, `en X`, `rue X`. */
export function isPlaceContext(before: PrecedingWord | undefined, twoBefore: PrecedingWord | undefined): boolean {
  if (!before) return false;
  if (before.lower === 'à' || before.lower === 'en' || before.lower === 'vers' || NAMED_AFTER_NOUNS.has(before.folded)) return true;
  return (before.lower === 'de' || before.lower === "d'") && PLACE_NOUNS.has(twoBefore?.folded ?? '');
}

/**
 * `à Pyongyang`, `en Corée du Nord`, `au Japon`, `dans la région de Koursk`, `vers Séoul`.
 * The name may chain `du`/`de`/`des` + capitalised word (`Corée du Nord`).
 */
const PLACE_RE = /(?<![\p{L}\p{N}])(?:à|en|au|aux|dans|vers|depuis|de la région de|de la ville de|près de|région de|ville de)\s+((?:\p{Lu}[\p{L}’'-]+)(?:\s+(?:du|de|des|de la)\s+\p{Lu}[\p{L}’'-]+|\s+\p{Lu}[\p{L}’'-]+)*)/gu;

/**
 * Spans of place names in a text, in order, found the way a reader spots them: a capitalised
 * word (or a short run of them) right after a locative preposition. Used to prefer excerpts that
 * hold a place when the question asks "où".
 */
export function findPlaces(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(PLACE_RE)) {
    const name = m[1] ?? '';
    const start = m.index + m[0].length - name.length;
    out.push({ start, end: start + name.length });
  }
  return out;
}
