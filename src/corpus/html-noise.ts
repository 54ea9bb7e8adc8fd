/**
 * The lines of a French news page that are not article text, recognised one block at a time.
 *
 * Each rule matches a whole short block (a few words, a button label, a one-line banner), never a
 * phrase inside prose: a paragraph that *mentions* cookies or a newsletter is long and ends like a
 * sentence, so length caps and anchors keep the rules off the article's own text. When no rule
 * matches, the block is kept.
 */

/** What a block may be compared with besides its own text. */
export interface NoiseContext {
  /** The outlet's name from the page metadata (a lone "Le Quotidien" line is a logo). */
  readonly outlet?: string | undefined;
  /** The author from the page metadata. */
  readonly author?: string | undefined;
  /** The byline Readability found. */
  readonly byline?: string | undefined;
}

interface Rule {
  readonly reason: string;
  /** Longest block the rule applies to, in characters. */
  readonly maxLength: number;
  readonly pattern: RegExp;
}

// `'` and `’` both occur in French pages, often mixed on one page.
const A = "['’]";

const RELATED = 'related articles ("Lire aussi")';

/** A date (`18/06/2025`, `18 juin 2025`, `1er juil. 2025`) or a time (`05h45`, `12:03`, `il y a 3 h`). */
const DATE_TOKEN = String.raw`(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:er)?\s+(?:janv|f[ée]vr|mars|avr|mai|juin|juil|ao[ûu]t|sept|oct|nov|d[ée]c)\S*\s+\d{4}|\d{1,2}\s?[h:]\s?\d{2}|\d+\s*(?:min|h|heures?|jours?)\b)`;

const RULES: readonly Rule[] = [
  // WordPress ad plugins frame the label: "- Publicité -", "[ Publicité ]".
  { reason: 'advertisement slot', maxLength: 60, pattern: /^[-–—[(\s]*(?:publicit[ée]|pub|annonce|advertisement|contenu sponsoris[ée]|sponsoris[ée]|la suite (?:de l['’]article )?apr[èe]s (?:cette|la) (?:publicit[ée]|pub)|suite apr[èe]s (?:cette|la) publicit[ée])\s*[.:…]?[-–—\])\s]*$/i },
  // "Lire aussi le décryptage | Titre", "Lire l’entretien : Titre": a few lower-case words naming the
  // kind of piece, then the separator a link title follows.
  { reason: RELATED, maxLength: 300, pattern: /^(?:[àaÀA]\s+)?(?:[Ll]ire|LIRE|[Rr]elire|[Vv]oir|VOIR|[ÉéEe]couter|[Rr]egarder)(?:\s+(?:aussi|également|encore))?(?:\s+(?:(?:l['’]|d['’])?\p{Ll}[\p{Ll}'’-]*)){0,4}\s*[|:]\s*[«"“]?\p{Lu}/u },
  // A "Lire aussi" prefix counts only before a link title (a capital, a colon, an arrow), never
  // before a comma: "Sur le même sujet, le ministre a dit…" is prose.
  { reason: RELATED, maxLength: 300, pattern: /^(?:[àaÀA] (?:lire|LIRE) (?:aussi|AUSSI|[ée]galement|[ÉE]GALEMENT|encore|ENCORE)|(?:[Ll]ire|LIRE|[Vv]oir|VOIR) (?:aussi|AUSSI|[ée]galement|[ÉE]GALEMENT|encore|ENCORE)|[Ss]ur le m[êe]me (?:sujet|th[èe]me)|SUR LE M[ÊE]ME SUJET|[Nn]os articles sur)(?:\s*$|\s*[:>»›|–—-]|\s+\p{Lu}|\s*…)/u },
  { reason: RELATED, maxLength: 60, pattern: /^(?:lire la suite|dans la m[êe]me rubrique|articles? (?:similaires|li[ée]s|associ[ée]s|recommand[ée]s)|ces articles (?:peuvent|pourraient) vous int[ée]resser|vous (?:aimerez|pourriez aimer) aussi|[àa] d[ée]couvrir(?: aussi| [ée]galement)?|les plus lus|les plus partag[ée]s|les plus comment[ée]s|les plus populaires|derni[èe]res? (?:infos|actualit[ée]s|nouvelles|minutes?)|l['’]actu(?:alit[ée])? en continu|(?:articles? )?populaires?|recommand[ée] pour vous|[àa] la une)\s*:?$/i },
  { reason: 'newsletter prompt', maxLength: 220, pattern: new RegExp(`^(?:(?:je m${A}abonne|inscrivez-vous|abonnez-vous|recevez|s${A}inscrire|inscription|je m${A}inscris)\\b.*(?:newsletter|infolettre|lettre d${A}information)|(?=.*\\b(?:vous|votre|vos|notre|nos)\\b).*(?:newsletter|infolettre)\\b.{0,80}(?:inscri|abonne|recevez|recevoir|e-?mail|adresse))`, 'i') },
  { reason: 'subscription prompt (paywall)', maxLength: 260, pattern: new RegExp(`^(?:cet article est r[ée]serv[ée] aux abonn[ée]s|article r[ée]serv[ée] aux abonn[ée]s|r[ée]serv[ée] aux abonn[ée]s|abonn[ée]s?$|il vous reste \\d+(?:[.,]\\d+)?\\s?%|la suite (?:de cet article )?est r[ée]serv[ée]e aux abonn[ée]s|d[ée]j[àa] abonn[ée]|abonnez-vous|je m${A}abonne|s${A}abonner|offre (?:sp[ée]ciale|d${A}essai)|vous avez atteint (?:la|votre) limite|lisez cet article en vous abonnant|profitez de notre offre)`, 'i') },
  // A banner speaks to the reader ("vous", "nous utilisons"); a sentence reporting on cookies does not.
  { reason: 'cookie banner', maxLength: 600, pattern: /^(?:(?=.*\b(?:cookies?|traceurs)\b)(?=.*\b(?:accept|consent|param[ée]tr|refus|navigation|partenaires|confidentialit[ée]))(?=.*\b(?:vous|votre|vos|nous|notre|nos)\b).*|tout accepter|accepter(?: et fermer| tout| les cookies)?|tout refuser|refuser(?: tout)?|continuer sans accepter|param[ée]trer(?: les cookies)?|g[ée]rer (?:mes|les) (?:choix|pr[ée]f[ée]rences|cookies))\.?$/i },
  { reason: 'share or comment prompt', maxLength: 80, pattern: new RegExp(`^(?:partager(?: (?:sur \\S+|cet article|l${A}article|par e-?mail))?|partagez(?: cet article)?|r[ée]agir|commenter|\\d+ r[ée]actions?|\\d+ commentaires?|(?:laisser|[ée]crire|ajouter) un commentaire|voir les commentaires|ajouter [àa] mes (?:favoris|articles|s[ée]lections?)|sauvegarder|imprimer|envoyer par (?:e-?mail|courriel)|copier le lien|lien copi[ée]|facebook|twitter|x|whatsapp|linkedin|telegram|messenger|e-?mail|suivez-nous(?: sur .*)?|suivre)\\s*[.:]?$`, 'i') },
  // Case matters here (no `i` flag): "Par Jean Dupont" is a byline, "par exemple, …" is not. A
  // name (capitalised words and particles), then at most a short tail ("envoyé spécial à Kiev"),
  // and no final full stop, which a sentence starting "Par Kinshasa, la délégation…" would have.
  { reason: 'byline', maxLength: 160, pattern: /^\(?\s*(?:[Pp]ar|PAR|(?:[Aa]rticle |[Tt]exte )?[Rr][ée]dig[ée] par|[Pp]ropos recueillis par|[Tt]exte\s*:)\s+\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|du|des|d['’]|le|la|et|avec|von|van|ben|ould))*(?:\s*[,–—-]\s*[^.!?]{0,80})?\s*\)?$/u },
  { reason: 'byline', maxLength: 60, pattern: /^(?:\(?[Aa]vec (?:l['’])?(?:\p{Lu}{2,8}|[Aa]gences?)\)?|[Ll]a [Rr][ée]daction|[Rr][ée]daction|[Dd]e notre (?:envoy[ée]e? sp[ée]ciale?|correspondante?)(?: [àa] \p{Lu}\S*)?)$/u },
  // "Source : AFP", "Sources : AFP, Reuters".
  { reason: 'byline', maxLength: 60, pattern: /^[Ss]ources?\s*:\s*\p{Lu}[\p{L}-]{1,15}(?:\s*[,/]\s*\p{Lu}[\p{L}-]{1,15})*\.?$/u },
  // Broadcasters' production credits: "Sujet radio: Anne Berthoud; adaptation web: jfe".
  { reason: 'byline', maxLength: 200, pattern: /^(?:(?:sujet|reportage|interview|texte|adaptation|réalisation|montage|images|vidéo|son|rédaction|propos recueillis)(?:\s+(?:radio|tv|télé|web|vidéo|audio))?\s*:\s*[^:;]{1,60})(?:\s*;\s*(?:sujet|reportage|interview|texte|adaptation|réalisation|montage|images|vidéo|son|rédaction|propos recueillis)(?:\s+(?:radio|tv|télé|web|vidéo|audio))?\s*:\s*[^:;]{1,60})*\.?$/iu },
  // Agencies' and broadcasters' lower-case sign-offs: "ats/jfe", "afp/ck", "jfe avec ats".
  { reason: 'signature (initials)', maxLength: 30, pattern: /^(?:\p{Ll}{2,6}(?:\/\p{Ll}{2,6})+|\p{Ll}{2,5} avec (?:l['’])?(?:agences|ats|afp|belga|reuters|keystone-ats))$/u },
  { reason: 'signature (initials)', maxLength: 24, pattern: /^(?:\p{Lu}{1,3}(?:\.\s?\p{Lu}{1,3})+\.?|\p{Lu}{2,8}(?:\/\p{Ll}{1,6})+|\p{Lu}{2,8}(?:\/\p{Lu}{1,6})+)$/u },
  { reason: 'copyright notice', maxLength: 200, pattern: /^(?:copyright\b.*|©\s*\d{4}.*|.*\btous droits r[ée]serv[ée]s\.?)$/i },
  // A date line has a date or time and no final full stop ("Publiée le 3 mars 2019, l’étude montrait…" is prose).
  { reason: 'publication date line', maxLength: 110, pattern: new RegExp(`^(?:(?:publi[ée]e?|mise? [àa] jour|modifi[ée]e?|actualis[ée]e?)\\s+(?:le|ce|à|a|il y a|aujourd['’]hui|hier)\\b[^!?]*${DATE_TOKEN}[^!?]*[^.!?]|(?:le )?(?:lundi |mardi |mercredi |jeudi |vendredi |samedi |dimanche )?${DATE_TOKEN}(?:,? (?:[àa] )?\\d{1,2}\\s?[h:]\\s?\\d{2}(?:\\s?min)?)?)$`, 'i') },
  { reason: 'reading time', maxLength: 50, pattern: /^(?:temps de )?lecture\s*:?\s*\d+\s*(?:min(?:utes?)?|mn)\.?$|^\d+\s*min(?:utes?)? de lecture\.?$/i },
  { reason: 'photo credit', maxLength: 140, pattern: /^(?:©|\(c\)|cr[ée]dits?(?: photo)?\s*:|photos?\s*:|photo d['’]illustration|illustration\s*:|image\s*:|\(photo\b|\[photo\b)/i },
  { reason: 'tag list', maxLength: 300, pattern: /^(?:mots[- ]cl[ée]s|tags|th[èe]mes|sujets|[ée]tiquettes|cat[ée]gories?)\s*:/i },
  { reason: 'video player', maxLength: 60, pattern: /^(?:placeholder video|vid[ée]o|video|regarder la vid[ée]o|lecture en cours|chargement(?: en cours)?(?:\.\.\.|…)?|play|lire la vid[ée]o|[ée]couter cet article|\d{1,2}:\d{2}(?::\d{2})?(?:\s*\/\s*\d{1,2}:\d{2}(?::\d{2})?)?)$/i },
  // The reader-feedback box closing regional dailies' articles ("Cet article vous a été utile ? Sachez que…").
  { reason: 'promotional box', maxLength: 400, pattern: /^cet article vous a (?:été utile|plu|intéressé)\s*\?/i },
  { reason: 'label ("Alerte", "Direct"…)', maxLength: 30, pattern: /^(?:alerte(?: info)?|flash|urgent|direct|en direct|live|exclusif|breaking news|[ée]dition du (?:soir|matin)|premium|abonn[ée]s)$/iu },
];

/** Why `text` (one block of a page) is not article text, or undefined when it may be. */
export function noiseReason(text: string, context: NoiseContext = {}): string | undefined {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length === 0) return 'empty';
  if (context.outlet && sameText(line, context.outlet)) return 'outlet name';
  if ((context.byline && sameText(line, context.byline)) || (context.author && sameText(line, context.author))) return 'byline';
  if (context.author && isBylineOf(line, context.author)) return 'byline';
  for (const rule of RULES) {
    if (line.length <= rule.maxLength && rule.pattern.test(line)) return rule.reason;
  }
  return undefined;
}

/**
 * "Par Claire Vasseur et Mathieu Roux Publié le …": "Par", then the page's first author, then
 * the others. Prose that merely names the author ("De son côté, Claire Vasseur…") does not match.
 */
function isBylineOf(line: string, authors: string): boolean {
  const lower = line.toLowerCase();
  const names = authors.split(', ').map((n) => n.toLowerCase());
  const opening = /^\(?\s*(?:par|r[ée]dig[ée] par|propos recueillis par)\s+/.exec(lower);
  return line.length <= 260 && opening !== null && lower.startsWith(names[0]!, opening[0].length) && names.every((n) => lower.includes(n));
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}
