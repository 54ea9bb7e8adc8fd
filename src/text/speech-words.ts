/**
 * The words by which French and English news text says who said something: verbs of saying in
 * their tenses (`a déclaré`, `affirme`, `a-t-il ajouté`, `said`, `told`), what introduces a
 * source (`selon`, `d'après`, `according to`, `cité par`), nouns that carry someone's words (`la
 * revendication par X`, `les propos de X`) and the nouns that make a source a medium relaying
 * others (`les agences russes`, `state media`). Folded (accents and case removed), as
 * {@link fold} gives them. The lists describe news style in general, not any one article.
 */
import { fold } from './fold.js';

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/u));

/**
 * Stems of French first-group verbs of saying, folded. Their forms are the stem plus a
 * first-group ending (`déclare`, `déclaré`, `déclarait`, `déclarent`...).
 */
const FRENCH_ER_STEMS = set(`
  declar indiqu affirm reaffirm ajout estim soulign expliqu precis assur annonc confi deplor salu comment racont
  temoign lanc jug qualifi denonc reclam demand exhort regrett ironis confirm accus fustig plaid observ relev signal
  evoqu engag felicit remerci menac resum tranch martel insist rappel appel retorqu jur souhait proclam mentionn
  repet reiter nuanc avou interpell implor pronostiqu insurg indign alarm exclam rassur tweet twitt recommand clam
  assen rappell appell contest rejet critiqu rapport relay scand clam`);

/** First-group endings, folded: present, participle, imperfect, future, conditional. */
const ER_ENDINGS = ['e', 'es', 'ent', 'ee', 'ees', 'ait', 'aient', 'era', 'erait', 'eront', 'eraient'];

/** Other French forms of verbs of saying (irregular verbs), folded. */
const FRENCH_IRREGULAR = set(`
  dit dis disent disait disaient dira dirait ecrit ecrivent ecrivait repond repondu repondent repondait averti avertit
  avertissait prevenu previent prevenait promis promet promettait promettent decrit decrivait reconnu reconnait
  reconnaissait admis admet admettait poursuivi poursuit poursuivait conclu conclut concluait rencheri rencherit
  soutenu soutient soutenait reagi reagit garanti garantit dementi dement repris reprend reprenait`);

/** English verbs of saying, every form folded. */
const ENGLISH_VERBS = set(`
  said says say told tells tell added adds stated states declared declares explained explains noted notes warned warns
  insisted insists wrote writes tweeted tweets announced announces commented comments argued argues claimed claims
  asserted asserts acknowledged acknowledges replied replies stressed stresses urged urges vowed vows promised
  promises described describes confirmed confirms denied denies continued continues recalled recalls conceded concedes
  predicted predicts pledged pledges complained complains admitted admits observed observes remarked remarks
  concluded concludes maintained maintains testified testifies reiterated reiterates suggested suggests called calls
  branded brands dubbed dubs hailed hails slammed slams praised praises labelled labeled termed`);

/** Forms of avoir and être that make a compound tense before a participle (`a déclaré`, `s'est engagé`, `has said`). */
export const AUXILIARIES = set('a avait aurait ont avaient auraient aura auront est etait sont etaient sera has had have');

/** Personal pronouns that may stand for a speaker (`il a ajouté`, `selon lui`, `he said`), and whether each is plural. */
export const SUBJECT_PRONOUNS: ReadonlyMap<string, { readonly plural: boolean }> = new Map([
  ['il', { plural: false }],
  ['elle', { plural: false }],
  ['lui', { plural: false }],
  ['ils', { plural: true }],
  ['elles', { plural: true }],
  ['eux', { plural: true }],
  ['he', { plural: false }],
  ['she', { plural: false }],
  ['him', { plural: false }],
  ['her', { plural: false }],
  ['they', { plural: true }],
  ['them', { plural: true }],
]);

/** `a-t-il`, `dit-elle`, `ajoute-t-il`, `ont-ils`: a verb and its inverted subject pronoun, folded. */
const INVERSION = /^(\p{L}+)-(?:t-)?(il|elle|ils|elles|on)$/u;

/** A verb of saying and how it is written. */
export interface SpeechForm {
  /** `a-t-il` (then the participle), `dit-elle`: the pronoun after the verb, when inverted. */
  readonly pronoun?: string;
  /** An auxiliary only: the verb of saying is the participle that follows (`a-t-il déclaré`). */
  readonly auxiliary: boolean;
}

/** Whether a folded word is a form of a French or English verb of saying (not a gerund: `saluant`). */
export function isSpeechVerb(folded: string): boolean {
  if (FRENCH_IRREGULAR.has(folded) || ENGLISH_VERBS.has(folded)) return true;
  for (const ending of ER_ENDINGS) {
    if (folded.length > ending.length + 2 && folded.endsWith(ending) && FRENCH_ER_STEMS.has(folded.slice(0, -ending.length))) return true;
  }
  return false;
}

/** Whether a folded word is an English verb of saying, which needs no auxiliary to be one (`said`). */
export function isEnglishSpeechVerb(folded: string): boolean {
  return ENGLISH_VERBS.has(folded);
}

/**
 * A word read as an inverted verb and pronoun (`a-t-il`, `dit-elle`, `poursuit-il`), or
 * undefined. With an auxiliary (`a-t-il`) the verb of saying is the participle after it.
 */
export function inversionOf(folded: string): SpeechForm | undefined {
  const m = INVERSION.exec(folded);
  if (!m?.[1] || !m[2]) return undefined;
  if (AUXILIARIES.has(m[1])) return { pronoun: m[2], auxiliary: true };
  return isSpeechVerb(m[1]) ? { pronoun: m[2], auxiliary: false } : undefined;
}

/** Words that introduce the source of what follows or precedes: `selon X`, `according to X`. Folded, one or two words. */
export const SOURCE_MARKERS: readonly (readonly string[])[] = [['selon'], ["d'", 'apres'], ['according', 'to'], ['cite', 'par'], ['citee', 'par'], ['cites', 'par'], ['citees', 'par'], ['quoted', 'by'], ['rapporte', 'par'], ['rapportes', 'par'], ['rapportee', 'par'], ['rapportees', 'par'], ['relaye', 'par'], ['relayes', 'par'], ['relayee', 'par'], ['relayees', 'par'], ['interroge', 'par'], ['interrogee', 'par'], ['interroges', 'par'], ['interrogees', 'par'], ['interviewed', 'by']];

/** What, inside a source, hands on someone's words (`une source citée par l'agence Reuters`). Folded, one or two words. */
export const RELAY_MARKERS: readonly (readonly string[])[] = [['cite', 'par'], ['citee', 'par'], ['cites', 'par'], ['citees', 'par'], ['quoted', 'by'], ['rapporte', 'par'], ['rapportes', 'par'], ['rapportee', 'par'], ['rapportees', 'par'], ['interroge', 'par'], ['interrogee', 'par'], ['interroges', 'par'], ['interrogees', 'par']];

/** Nouns that carry someone's words (`la revendication par X`, `les propos de X`). Folded. */
export const SPEECH_NOUNS = set(`
  propos declaration declarations revendication revendications promesse promesses appel appels annonce annonces mots
  affirmation affirmations discours message messages paroles termes avertissement aveu
  statement statements remarks words comments claim claims promise pledge warning appeal call`);

/** Prepositions after which a speech noun names the speaker (`par X`, `de X`, `by X`, `of X`). Folded. */
export const SPEECH_NOUN_LINKS = set("par de du des d' by of from");

/**
 * Head nouns of French noun phrases that name a medium (`les agences russes`, `la presse
 * locale`): the first noun, as French puts its head first. Folded.
 */
const MEDIA_HEADS = set(`
  agence agences media medias journal journaux quotidien quotidiens hebdomadaire hebdomadaires chaine chaines television
  televisions tele radio radios presse site sites magazine antenne micro plateau`);
/** Head nouns of English noun phrases that name a medium (`state media`, `the TASS news agency`): the last noun. Folded. */
const ENGLISH_MEDIA_HEADS = set('media agency agencies newspaper newspapers broadcaster broadcasters outlet outlets daily wire tabloid network channel television radio press');

/**
 * Names of news agencies a report commonly relays (general knowledge of the trade, as the
 * ingest's datelines know them): a source named only so is a medium too. Folded.
 */
const AGENCY_NAMES = set('afp reuters ap tass ria novosti interfax sputnik xinhua kcna yonhap kyodo anadolu irna belga ats ansa efe dpa apa aps map anp');

/**
 * Whether the folded words of a noun phrase name a medium: `les agences russes`, `l'agence russe
 * Ria Novosti`, `state media`, `Tass`; not `le service de presse du ministre`, whose head is
 * `service`.
 */
export function namesMedium(words: readonly string[]): boolean {
  const content = words.filter((w) => w !== '' && !NOUN_PHRASE_OPENERS.has(w) && !NOUN_PHRASE_OPENERS.has(`${w}'`));
  const [first] = content;
  const last = content[content.length - 1];
  return (first !== undefined && MEDIA_HEADS.has(first)) || (last !== undefined && ENGLISH_MEDIA_HEADS.has(last)) || content.some((w) => AGENCY_NAMES.has(w));
}

/** Adverbs and time words that may stand between a verb of saying and its subject (`a déclaré mercredi X`). Folded. */
export const INTERVENING = set(`
  ensuite alors aussi egalement encore deja notamment enfin hier aujourd'hui lundi mardi mercredi jeudi vendredi samedi
  dimanche matin soir midi apres-midi recemment finalement pourtant toutefois cependant
  then also later earlier yesterday today monday tuesday wednesday thursday friday saturday sunday morning evening
  night again however`);

/**
 * Phrases that may stand between an auxiliary and its participle, or a verb and its subject
 * (`a pour sa part qualifié`, `a de son côté déclaré`). Folded words.
 */
export const INTERVENING_PHRASES: readonly (readonly string[])[] = [
  ['pour', 'sa', 'part'],
  ['pour', 'leur', 'part'],
  ['de', 'son', 'cote'],
  ['de', 'leur', 'cote'],
  ['quant', 'a', 'lui'],
  ['quant', 'a', 'elle'],
];

/** Nouns before a quoted title (`le quotidien « Le Courrier »`, `l'opération « Bouclier du Nord »`): the marks hold a name, not words someone said. Folded. */
export const TITLE_NOUNS = set(`
  journal quotidien hebdomadaire mensuel magazine revue chaine radio television emission site blog livre ouvrage roman
  film documentaire serie operation plan programme projet campagne rapport festival exposition spectacle album chanson
  newspaper daily weekly magazine channel programme program show book novel film operation plan campaign report`);

/** Clitics between a subject and its verb (`le ministre lui a dit`, `s'est engagé`). Folded, elided forms with their apostrophe. */
export const CLITICS = set("ne n' se s' me m' lui leur y en nous vous l' le la les te t'");

/**
 * Prepositions that open a complement of a verb of saying (`à l'AFP`, `devant la presse`, `to
 * reporters`). Lower-cased with accents kept: `à` is a preposition, `a` a verb.
 */
export const COMPLEMENT_PREPOSITIONS = set('à au aux devant sur dans lors en pendant durant depuis to on in at during before via');

/** Determiners and possessives that open a noun phrase, French and English. Folded. */
export const NOUN_PHRASE_OPENERS = set("le la l' les un une des du ce cet cette ces son sa ses leur leurs notre nos votre vos mon ma mes ton ta tes plusieurs quelques certains certaines nombre deux trois the a an its his her their this these those our my your several some many two three");

/**
 * Prepositions after which a name is a complement (`le porte-parole de Vladimir Poutine`), not the
 * speaker. Lower-cased with accents kept.
 */
export const COMPLEMENT_LINKS = set("de du des d' à au aux pour avec par chez sur contre envers entre après avant of for with by to at from against");

/** Words after which a form of a verb of saying is a noun or an infinitive (`de demande`, `to say`). Lower-cased. */
export const NOT_BEFORE_VERB = set("de d' à pour sans par en of to for");

/** Words that end a noun phrase read as a speaker: relative pronouns and conjunctions of subordination. Folded. */
export const PHRASE_ENDERS = set("qui que qu' dont ou lorsque quand comme car mais who which that whose when while because but");

/** Words that open a subordinate clause after a verb of saying (`a déclaré que`), so the subject is before the verb. Folded. */
export const CLAUSE_OPENERS = set("que qu' de d' that");

/** Nouns of people who are quoted without an office (`un habitant`, `une retraitée`, `le syndicat`). Folded. */
export const PEOPLE_NOUNS = set(`
  habitant habitante habitants habitantes riverain riveraine riverains temoin temoins victime victimes manifestant
  manifestante manifestants passant passante retraite retraitee vacancier vacanciere sinistre sinistree resident residente
  syndicat syndicats eleve eleves etudiant etudiante parent parents mere pere voisin voisine proche proches famille
  resident residents spokesman spokeswoman spokesperson official officials resident witness witnesses`);

/**
 * Capitalised words of offices, not names (`le Premier ministre`, `Prime Minister Keir Starmer`,
 * `le Président`): a run of capitalised words starts after them. Folded.
 */
export const CAPITALISED_OFFICES = set('premier premiere president presidente pape roi reine prince princesse chancelier chanceliere ministre secretaire prime minister chancellor king queen pope mayor governor senator president secretary chairman');

/** English nouns of people and offices after a name used as a modifier (`a State Department spokesperson`). Folded. */
export const ENGLISH_ROLE_NOUNS = set('spokesman spokeswoman spokesperson official officials minister secretary chief head leader president director adviser advisor source sources aide aides envoy ambassador lawyer analyst commander general');

/** Heads of a source that are no one's words (`selon nos informations`, `selon les chiffres de la préfecture`). Folded. */
export const NO_SPEAKER_HEADS = set('informations information chiffres estimations calculs donnees images sondage sondages bilan statistiques figures data estimates');

/** Folds a word as these lists hold it (`D’après` → `d'`, `après`). */
export function foldWord(word: string): string {
  return fold(word).replace(/’/gu, "'");
}
