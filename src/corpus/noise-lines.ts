/**
 * The lines of a copied news page that are never article text, by kind: captions and credits,
 * bylines, dates of the page, promotions, share and comment prompts, advertising, newsletter and
 * paywall offers, cookie banners, labels. Used by `clean.ts`, one line at a time.
 *
 * Every pattern is anchored at the start of the line, or matches the whole line, and has a length
 * above which the line is taken for prose whatever it starts with: a rule removes a line only when
 * article prose practically never looks like it. Order matters: the first rule that matches gives
 * the reason shown to the user.
 */

/** Reasons shown for removed pieces, one per kind of noise. */
export const REASON = {
  header: 'wire header (dateline, outlet, date)',
  dateline: 'agency dateline (place, date, agency)',
  caption: 'photo caption',
  credit: 'photo or video credit',
  copyright: 'copyright notice',
  promo: 'promotional line',
  related: 'link to another article',
  share: 'share or comment prompt',
  advert: 'advertising',
  newsletter: 'newsletter or subscription offer',
  paywall: 'paywall notice',
  video: 'video or audio player',
  byline: 'byline or credit',
  agencySignature: 'agency signature (editors’ initials)',
  pageDate: 'publication date line',
  readingTime: 'reading time',
  label: 'label (section, alert or outlet name)',
  navigation: 'site navigation',
  tags: 'tags line',
  email: 'e-mail header or signature',
  consent: 'cookie consent banner',
  consentTail: 'cookie consent banner (everything from its opening sentence to the end)',
  footer: 'page footer (everything from this line to the end: related articles, comments, offers)',
  title: 'title line (used as the title)',
  repeatedTitle: 'repeated title',
  tagline: 'short line after the article body (tagline or label)',
  emptyHeading: 'subheading with no paragraph under it',
  embed: 'embedded social-media post',
} as const;

/** One kind of line that is never article text. */
export interface LineRule {
  readonly reason: string;
  /** Lines longer than this are prose, whatever they start with. */
  readonly maxLength: number;
  readonly pattern: RegExp;
}

const SOCIAL = '(?:telegram|x|twitter|facebook|instagram|youtube|tiktok|whatsapp|vk|threads|bluesky|linkedin|google\\s+news|messenger|snapchat|pinterest|dailymotion)';

/** Bullets and arrows put before links on pages (`► Lire aussi`, `>> À lire`). */
const BULLET = '(?:[►▶▸→➡➜>»•·|*+]+\\s*|[-–—]\\s+)?';

/** An agency or outlet signing a dispatch (`AFP`, `Reuters`, `AIP`). Kept in step with `dateline.ts`. */
const AGENCY = '(?:AFP|Reuters|AP|AIP|APS|MAP|ATS|Keystone-ATS|Belga|ANP|APA|Xinhua|TASS|Sputnik|RIA\\s+Novosti|AIB|ACP|ANGOP|AGP|PANA|Anadolu|DPA|EFE|ANSA|agences?)';

/** One name in a byline: `Jean`, `N'Guessan`, `M.`, `D.`, `de`, `van`. */
const NAME_WORD = "(?:\\p{Lu}[\\p{L}'’.-]*|(?:de|du|des|d['’]|van|von|der|den|el|al|ben|bin|ould|ag|da|dos|la|le)(?=\\s))";
const NAMES = `${NAME_WORD}(?:\\s+${NAME_WORD}){0,5}`;

/** The rules that were there first, in their original order: the seeds' cleaning depends on them. */
const ORIGINAL_RULES: readonly LineRule[] = [
  // Captions: a credit or a description of the picture, not part of the report.
  { reason: REASON.caption, maxLength: 400, pattern: /^(?:capture\s+d['’]\s*écran|photo(?:graphie)?\b|crédits?\b|©|\(c\)\s|légende\s*:)/iu },
  // Promos: calls to follow, subscribe or read something else.
  { reason: REASON.promo, maxLength: 200, pattern: new RegExp(`^suivez\\b.{0,60}?\\bsur\\s*${SOCIAL}\\b`, 'iu') },
  { reason: REASON.promo, maxLength: 200, pattern: /^(?:abonnez-vous|inscrivez-vous|téléchargez\s+(?:notre|l['’])\s*app)/iu },
  { reason: REASON.promo, maxLength: 200, pattern: /^(?:à\s+)?(?:lire|voir|écouter|regarder)\s+(?:aussi|également)\b/iu },
  { reason: REASON.promo, maxLength: 40, pattern: /^(?:partager|partagez)(?:\s+(?:cet|l['’])\s*article)?\s*:?$/iu },
  // Consent banners: rows of buttons, and sentences addressed to the reader about cookies.
  { reason: REASON.consent, maxLength: 120, pattern: /^(?:(?:tout\s*)?accepter|(?:tout\s*)?refuser|ok|j['’]accepte|continuer\s+sans\s+accepter|param[ée]trer(?:\s+vos\s+choix)?|fermer|\s)+$/iu },
  { reason: REASON.consent, maxLength: 200, pattern: /\butilis(?:e|ons|ent)\s+des\s+(?:cookies|traceurs)\b/iu },
  { reason: REASON.consent, maxLength: 600, pattern: /^(?=.*\b(?:cookies?|traceurs)\b)(?=.*\b(?:vous|vos|votre)\b)(?=.*(?:accept|refus|param[ée]tr|consent)).*/iu },
];

/** Rules checked before the original ones, for lines those would remove under a wrong reason. */
const FIRST_RULES: readonly LineRule[] = [
  // `© 2025 Le Journal. Tous droits réservés` is not a photo credit.
  { reason: REASON.copyright, maxLength: 200, pattern: /^(?:©|copyright|\(c\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\b|.*tous\s+droits\s+réservés)/iu },
  { reason: REASON.copyright, maxLength: 200, pattern: /^.{0,80}\btous\s+droits\s+(?:de\s+reproduction\s+)?réservés\b.{0,80}$/iu },
];

/**
 * `\b` in a JavaScript regular expression knows only ASCII letters: `réservé\b` never matches
 * before a space. The rules below are written with `\b` for readability and compiled with a
 * boundary that knows every letter.
 */
const LETTER_BOUNDARY = '(?:(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}])|(?<=[\\p{L}\\p{N}])(?![\\p{L}\\p{N}]))';

/** `pattern` with every `\b` made Unicode-aware (see {@link LETTER_BOUNDARY}). */
export function withLetterBoundaries(pattern: RegExp): RegExp {
  return new RegExp(pattern.source.replace(/(?<!\\)\\b/g, LETTER_BOUNDARY), pattern.flags);
}

/** Rules added for pages and pasted texts from many outlets. */
const PAGE_RULES: readonly LineRule[] = [
  // Captions and credits written after or around the picture.
  { reason: REASON.caption, maxLength: 300, pattern: /^(?:illustration|image|photos?\s+d['’](?:illustration|archives?)|image\s+d['’]illustration|agrandir\s+l['’]image|voir\s+(?:le\s+diaporama|la\s+galerie|les\s+photos))\b/iu },
  { reason: REASON.caption, maxLength: 300, pattern: /(?:\(\s*(?:©|photo\b|crédits?\b|ph\.)[^()]{0,80}\)|©\s*[^.!?]{1,60}|\b(?:crédit|photo)\s*:\s*[^.!?]{1,60})$/iu },
  // A caption ending with the photographer's credit in capitals, French pages' convention:
  // `… le 16 juin 2025. JULIEN MARTEL POUR « LA GAZETTE »`, `… (MARC DELPY / RADIO PUBLIQUE)`.
  { reason: REASON.caption, maxLength: 300, pattern: /(?:[.!?]\s+\p{Lu}[\p{Lu}.'’-]+(?:\s+[\p{Lu}«»"/.'’-][\p{Lu}«»"/.'’-]*){1,8}|\(\s*\p{Lu}[\p{Lu}.'’-]+(?:\s*[\s/]\s*[\p{Lu}«»"][\p{Lu}.'’«»"-]*){1,8}\s*\)|\s\[\s*\p{Lu}[^[\]]{0,40}\])$/u },
  { reason: REASON.credit, maxLength: 90, pattern: new RegExp(`^${BULLET}(?:[\\p{L}'’.-]+\\s+){0,4}[\\p{L}'’.-]*\\s*/\\s*${AGENCY}(?:\\s*/\\s*[\\p{L} .'’-]{1,40})?$`, 'iu') },
  // Bylines and credits.
  { reason: REASON.byline, maxLength: 160, pattern: new RegExp(`^[Pp]ar\\s+(?:la\\s+rédaction|${NAMES}(?:\\s*(?:,|et|&|avec)\\s*${NAMES})*)(?:\\s*\\((?:[^()]|\\([^()]{1,40}\\)){1,80}\\))?(?:\\s*[,–—-]\\s*(?:notre\\s+|nos\\s+)?(?:envoyée?s?\\s+spéciale?s?|correspondante?s?|journalistes?|rédact(?:eur|rice)s?|à\\s+\\p{Lu}|avec\\s).{0,80})?(?:\\s+(?:publié|mis\\s+à\\s+jour|modifié|le\\s+\\d).{0,80})?$`, 'u') },
  { reason: REASON.byline, maxLength: 250, pattern: /^\(\s*(?:rédigé|écrit|texte|reportage|avec|édité|édition|version\s+française|propos\s+recueillis|traduit|traduction|correspondance|source|compilé|mis\s+en\s+forme)\b[^()]*(?:\([^()]*\)[^()]*)*\)\.?$/iu },
  { reason: REASON.byline, maxLength: 120, pattern: new RegExp(`^(?:\\(?\\s*avec\\s+(?:l['’]\\s*)?${AGENCY}(?:\\s*(?:,|et)\\s*${AGENCY})*\\s*\\)?|(?:sources?|textes?(?:\\s+et\\s+photos?)?|auteur|rédaction)\\s*:\\s*.{1,80}|(?:article\\s+)?(?:rédigé|propos\\s+recueillis|écrit|compilé)\\s+par\\s+.{1,80}|[-–—]\\s*${AGENCY}|\\(${AGENCY}\\)|${AGENCY}|la\\s+rédaction|rédaction)\\.?$`, 'iu') },
  // Initials signing an article: `M.D`, `A. K.`, `J.-P.K.`
  { reason: REASON.byline, maxLength: 14, pattern: /^\(?\p{Lu}{1,2}\.(?:\s?-?\s?\p{Lu}{1,2}\.?){1,3}\)?$/u },
  // AFP-style editors' initials at the end of a dispatch: `jca/sba/cls`, `ob-lpt/mm`.
  { reason: REASON.agencySignature, maxLength: 40, pattern: /^[a-z]{2,4}(?:[-/][a-z]{2,4}){1,7}$/u },
  // The page's own dates and reading time.
  { reason: REASON.pageDate, maxLength: 160, pattern: /^(?:publié|publication|mis\s+à\s+jour|mise\s+à\s+jour|modifié|actualisé|posté|paru)e?\s*(?:le|:|à)?\s*(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s*,?\s*)?(?:\d{1,2}(?:er)?[\s/.-]|il\s+y\s+a\b|hier\b|aujourd['’]hui\b)(?:(?![.!?]\s).){0,110}(?<![.!?])$/iu },
  { reason: REASON.pageDate, maxLength: 60, pattern: /^(?:le\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s*,?\s*)?(?:1er|\d{1,2})\s+(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)\s+\d{4}(?:\s*(?:à|-|,)?\s*\d{1,2}\s*[h:]\s*\d{0,2}(?:\s*min)?)?$/iu },
  { reason: REASON.pageDate, maxLength: 40, pattern: /^(?:le\s+)?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:\s*(?:à|-|,)?\s*\d{1,2}\s*[h:]\s*\d{2})?$/iu },
  { reason: REASON.pageDate, maxLength: 40, pattern: /^(?:il\s+y\s+a\s+\d+\s+(?:min(?:ute)?s?|h(?:eures?)?|jours?)|aujourd['’]hui\s+à\s+\d{1,2}\s*[h:]\s*\d{0,2}|hier\s+à\s+\d{1,2}\s*[h:]\s*\d{0,2})$/iu },
  // Broadcasters' production credits: `Sujet radio: Anne Berthoud; adaptation web: jfe`.
  { reason: REASON.byline, maxLength: 200, pattern: /^(?:sujet|reportage|interview|texte|adaptation|réalisation|montage|images|vidéo|son|rédaction|propos\s+recueillis)(?:\s+(?:radio|tv|télé|web|vidéo|audio))?\s*:\s*[^:;]{1,60}(?:;\s*(?:sujet|reportage|interview|texte|adaptation|réalisation|montage|images|vidéo|son|rédaction|propos\s+recueillis)(?:\s+(?:radio|tv|télé|web|vidéo|audio))?\s*:\s*[^:;]{1,60})+\.?$/iu },
  // Live-blog update times (`11h05`, `10:48`) and WordPress date widgets (`mercredi, juin 18, 2025`).
  { reason: REASON.pageDate, maxLength: 12, pattern: /^\d{1,2}\s?[h:]\s?\d{2}$/iu },
  { reason: REASON.pageDate, maxLength: 40, pattern: /^(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s*,?\s*)?(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)\s+\d{1,2},?\s+\d{4}$/iu },
  { reason: REASON.readingTime, maxLength: 40, pattern: /^(?:⏱\s*)?(?:(?:temps\s+de\s+)?lecture\s*:?\s*)?\d+\s*(?:min(?:utes?)?|mn)\.?(?:\s+de\s+lecture)?$/iu },
  // Advertising.
  { reason: REASON.advert, maxLength: 60, pattern: /^(?:la\s+suite\s+(?:de\s+l['’]article\s+)?après\s+(?:cette\s+)?(?:la\s+)?publicité|publicité|pub|annonce|advertisement|sponsorisé|contenu\s+sponsorisé|article\s+sponsorisé|contenu\s+partenaire|publi-?(?:reportage|rédactionnel)|passer\s+la\s+publicité|fermer\s+la\s+publicité)\.?$/iu },
  { reason: REASON.advert, maxLength: 40, pattern: /^[-–—[(]+\s*(?:publicité|pub|annonce|advertisement)\s*[-–—\])]+$/iu },
  // Newsletter and subscription offers.
  { reason: REASON.newsletter, maxLength: 200, pattern: /^(?:je\s+m['’](?:abonne|inscris)|abonnez-vous|inscrivez-vous|s['’]inscrire|s['’]abonner|newsletters?|la\s+newsletter|notre\s+newsletter|(?:chaque|tous\s+les)\s+(?:matin|soir|jour|semaine)s?\b.{0,80}\bnewsletter)\b.{0,160}$/iu },
  { reason: REASON.newsletter, maxLength: 200, pattern: /^recevez\b.{0,120}\b(?:newsletter|lettre|alertes?|notifications?|e-?mails?|boîte)\b/iu },
  { reason: REASON.newsletter, maxLength: 40, pattern: /^(?:votre\s+)?(?:adresse\s+)?e-?mail\s*\*?:?$|^(?:je\s+m['’]inscris|valider|envoyer|ok)$/iu },
  { reason: REASON.newsletter, maxLength: 120, pattern: /^.{0,80}\bnewsletter\b.{0,60}$(?<!\.)/iu },
  { reason: REASON.newsletter, maxLength: 200, pattern: /^en\s+(?:vous\s+inscrivant|renseignant\s+votre\s+(?:adresse|e-?mail)),?\s+vous\s+acceptez\b/iu },
  // Paywall notices.
  { reason: REASON.paywall, maxLength: 200, pattern: /^(?:il\s+vous\s+reste\s+\d+(?:[.,]\d+)?\s*%|la\s+suite\s+(?:de\s+cet\s+article\s+)?est\s+réservée|cet\s+article\s+est\s+réservé|article\s+réservé|réservé\s+aux\s+abonnés|(?:contenu|article)\s+(?:abonnés?|premium)|déjà\s+abonnée?\s*\?|vous\s+souhaitez\s+lire\s+la\s+suite|pour\s+lire\s+la\s+suite|offre\s+(?:numérique|spéciale|découverte)|(?:\d+\s*€|1\s*euro)\s+(?:le|par|pour)\s+(?:premier\s+)?mois)\b.{0,160}$/iu },
  { reason: REASON.paywall, maxLength: 60, pattern: /^(?:lire\s+la\s+suite|se\s+connecter|connexion|s['’]identifier|je\s+m['’]abonne|s['’]abonner|abonnez-vous)(?:(?![.!?]\s).){0,40}(?<![.!?])$/iu },
  // Links to other articles, with any bullet before them.
  // Also glued to the link's title, as a browser copies `<span>À lire aussi</span><a>Titre</a>`.
  { reason: REASON.related, maxLength: 200, pattern: new RegExp(`^${BULLET}(?:[àa]\\s+)?(?:lire|voir|écouter|regarder|découvrir)\\s+(?:aussi|également)(?:\\b|(?=\\p{Lu}))`, 'iu') },
  { reason: REASON.related, maxLength: 80, pattern: new RegExp(`^${BULLET}(?:à\\s+)?(?:lire|voir|écouter|regarder|découvrir)\\s+(?:plus|notre|nos|le\\s+dossier|la\\s+suite)\\b.{0,60}(?<![.!?])$`, 'iu') },
  { reason: REASON.related, maxLength: 200, pattern: new RegExp(`^${BULLET}(?:lire\\s*(?::|\\|)|à\\s+lire\\s*:|notre\\s+dossier|dossier\\s*:|sur\\s+le\\s+même\\s+sujet|en\\s+savoir\\s+plus|pour\\s+aller\\s+plus\\s+loin|related)\\b.{0,180}(?<![.!?])$`, 'iu') },
  // Share and comment prompts.
  { reason: REASON.share, maxLength: 80, pattern: new RegExp(`^(?:(?:partager|partagez|publier|envoyer|tweeter|tweet|imprimer|copier\\s+le\\s+lien|lien\\s+copié|e-?mail|mail|${SOCIAL}|sur|par|l['’]article|cet\\s+article)[\\s,:|/•·]*)+$`, 'iu') },
  { reason: REASON.share, maxLength: 100, pattern: new RegExp(`^(?:partager|partagez)\\b.{0,40}\\b(?:sur|par|via)\\s+${SOCIAL}?`, 'iu') },
  { reason: REASON.share, maxLength: 80, pattern: /^(?:\d+\s+)?(?:commentaires?|réactions?)$|^(?:réagir|réagissez|commenter|commentez|donnez\s+votre\s+avis|ajouter\s+un\s+commentaire|laisser\s+un\s+commentaire|écrire\s+un\s+commentaire|voir\s+les\s+commentaires|ajouter\s+(?:à\s+mes|aux)\s+favoris|sauvegarder|offrir\s+(?:cet\s+|l['’])article|lire\s+plus\s+tard|ajouter\s+à\s+(?:vos|mes)\s+sélections|signaler\s+une\s+erreur)\b.{0,60}(?<![.!?])$/iu },
  { reason: REASON.promo, maxLength: 200, pattern: new RegExp(`^(?:suivez|rejoignez|retrouvez|abonnez-vous\\s+à)[-\\s]*(?:nous|toute\\s+l['’]actualité|l['’]actualité|notre\\s+chaîne|nos\\s+comptes)\\b.{0,80}?\\b(?:sur|via)\\s*${SOCIAL}`, 'iu') },
  { reason: REASON.promo, maxLength: 160, pattern: /^(?:ajoutez|suivez)\b.{0,60}\bgoogle\s+(?:news|actualités)\b.{0,40}$/iu },
  { reason: REASON.promo, maxLength: 160, pattern: /^téléchargez\b.{0,80}\b(?:application|appli|app)\b/iu },
  // Players.
  // A player's caption line: programme / duration / when (`Le 12h30 / 2 min. / aujourd'hui à 12:30`).
  { reason: REASON.video, maxLength: 100, pattern: /^[^/]{1,40}\/\s*\d+\s*(?:min|s|sec)\.?\s*(?:\/.{0,40})?$/iu },
  { reason: REASON.video, maxLength: 60, pattern: /^(?:placeholder\s+video|vidéo|video|(?:regarder|voir|lire)\s+la\s+vidéo|lecture\s+en\s+cours|cliquez\s+pour\s+(?:lire|voir)\s+la\s+vidéo|video\s+player\s+is\s+loading\.?|play(?:\s+video)?|pause|écouter(?:\s+(?:cet\s+|l['’])article)?|écouter\s+ce\s+podcast|\d{1,2}:\d{2}(?:\s*\/\s*\d{1,2}:\d{2})?|durée\s*:?\s*\d{1,2}[:']\d{2})$/iu },
  // Lines with no letter at all: separators (` - `, `|`) and counters of views or comments (`214`).
  // (`--` is left to the footer rule: it opens an e-mail signature.)
  { reason: REASON.navigation, maxLength: 12, pattern: /^(?!--$)[^\p{L}]*$/u },
  // Embedded social-media posts as a browser copies them: the post ends with its picture link,
  // then `— Name (@handle) date`.
  { reason: REASON.embed, maxLength: 400, pattern: /(?:pic\.twitter\.com\/\w+|https?:\/\/t\.co\/\w+)$/iu },
  { reason: REASON.embed, maxLength: 140, pattern: /^[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s*.{0,40}$/u },
  { reason: REASON.embed, maxLength: 120, pattern: /^(?:voir\s+cette\s+publication\s+sur\s+instagram|view\s+this\s+post\s+on\s+instagram|une\s+publication\s+partagée\s+par\s+.{1,80})$/iu },
  // Navigation and breadcrumbs.
  { reason: REASON.navigation, maxLength: 200, pattern: /^(?:article|post|publication)\s+(?:précédent|suivant|précédente|suivante)e?\s*:?/iu },
  { reason: REASON.navigation, maxLength: 160, pattern: /^(?:accueil|home)\s*(?:[>/»›|]\s*[^>/»›|]{1,40}){1,5}$/iu },
  { reason: REASON.navigation, maxLength: 40, pattern: /^(?:menu|rechercher|recherche|mon\s+compte|se\s+déconnecter|aller\s+au\s+contenu(?:\s+principal)?|retour(?:\s+en\s+haut)?|haut\s+de\s+page|page\s+suivante|page\s+précédente|suivant|précédent|fermer)$/iu },
  { reason: REASON.tags, maxLength: 300, pattern: /^(?:tags?|mots[-\s]clés?|thèmes?|catégories?|rubriques?|sujets?)\s*:/iu },
  // Lone labels: alerts and kinds of article.
  { reason: REASON.label, maxLength: 30, pattern: /^(?:alerte(?:\s+info)?|info(?:\s+alerte)?|flash(?:\s+info)?|urgent|breaking(?:\s+news)?|exclusif|exclusivité|en\s+direct|direct|dernière\s+minute|à\s+la\s+une|la\s+une|mis\s+en\s+avant|édition\s+abonnés|premium|abonnés)\s*[!:]?$/iu },
  // E-mail forwarding and signatures.
  { reason: REASON.email, maxLength: 120, pattern: /^(?:[-_]{2,}\s*)?(?:forwarded\s+message|message\s+transféré|message\s+d['’]origine|original\s+message|début\s+du\s+message\s+réexpédié)\s*:?\s*(?:[-_]{2,})?$/iu },
  { reason: REASON.email, maxLength: 300, pattern: /^(?:de|from|envoyé|sent|date|à|to|cc|cci|bcc|objet|subject)\s?:\s*\S.{0,280}$/iu },
  { reason: REASON.email, maxLength: 60, pattern: /^(?:envoyé\s+(?:de|depuis)\s+mon\s+\S.{0,30}|sent\s+from\s+my\s+\S.{0,30}|get\s+outlook\s+for\s+\S+)$/iu },
];

/** Every rule, in the order they are tried. */
export const LINE_RULES: readonly LineRule[] = [
  ...[...FIRST_RULES].map(withUnicode),
  // Unchanged, so the seeds clean exactly as they always have.
  ...ORIGINAL_RULES,
  ...PAGE_RULES.map(withUnicode),
];

function withUnicode(rule: LineRule): LineRule {
  return { ...rule, pattern: withLetterBoundaries(rule.pattern) };
}

/** Finds the first rule that removes `line`, if any. */
export function noiseRule(line: string): LineRule | undefined {
  return LINE_RULES.find((r) => line.length <= r.maxLength && r.pattern.test(line));
}

/** Opening sentence of a consent banner: everything from it to the end is the banner. */
export const CONSENT_OPENING = /^en\s+(?:cliquant|poursuivant|continuant)\b.{0,80}?\b(?:accepter|acceptez|cookies|traceurs)\b/iu;

/**
 * Lines that open the part of a page after the article: comments, paywall offers, sponsored
 * links, an e-mail signature. Once the body has started, everything from them on goes.
 */
export const FOOTER_OPENING =
  withLetterBoundaries(
  /^(?:(?:\d+\s+)?commentaires?|laisser\s+un\s+commentaire|laisser\s+une\s+réponse|ajouter\s+un\s+commentaire|réagissez\s+à\s+cet\s+article|il\s+vous\s+reste\s+\d+(?:[.,]\d+)?\s*%.*|la\s+suite\s+est\s+réservée\s+aux\s+abonnés\b.*|contenus?\s+sponsorisés?|(?:recommandé|sélectionné)\s+(?:pour\s+vous|par\s+\S+)|par\s+taboola|--)\s*:?$/iu);

/**
 * Lines that open a list of other articles (`Sur le même sujet`, `Les plus lus`). The list is
 * removed up to the next prose paragraph; when none follows, to the end.
 */
export const RELATED_LIST_OPENING =
  withLetterBoundaries(
  /^(?:sur\s+le\s+même\s+sujet|dans\s+la\s+même\s+rubrique|articles?\s+(?:similaires|liés|connexes|recommandés)|[àa]\s+(?:lire|découvrir|voir)\s+(?:aussi|également)|lire\s+aussi|tags|mots-clés|étiquettes|articles\s+connexes(?:\s*plus\s+de\s+l['’]auteur)?|voir\s+aussi|vous\s+aimerez\s+(?:aussi|peut-être|également)|(?:les\s+)?plus\s+(?:lus|populaires|partagés|commentés)|(?:nos\s+)?dernières?\s+(?:actualités|actus|infos|nouvelles|articles)|plus\s+d['’]actualités?|(?:l['’]actualité|actualités?)\s+(?:en\s+continu|à\s+suivre)|nos\s+derniers\s+articles|autres\s+articles|à\s+la\s+une|en\s+ce\s+moment)\s*:?$/iu);

/**
 * Section names that pages print above a headline (`Politique`, `Afrique`). Removed only before
 * the body starts: between paragraphs the same word may be a subheading.
 */
export const SECTION_LABEL =
  withLetterBoundaries(
  /^(?:actualités?|actu|politique|international|monde|afrique|europe|asie|amériques?|moyen-orient|france|national|nation|régions?|société|économie|éco|finance|business|sports?|football|culture|santé|éducation|environnement|planète|sciences?|tech(?:nologie)?|médias|justice|faits\s+divers|sécurité|défense|diplomatie|religion|opinions?|éditorial|édito|tribune|chronique|analyse|décryptage|reportage|enquête|interview|entretien|portrait|récit|idées|débats|people|insolite|vidéos?|photos?|diaporama|podcast|dossier|brèves?|à\s+la\s+une|la\s+une|une|économie\s+et\s+finances|politique\s+internationale)$/iu);

/**
 * Compiles every rule now: V8 compiles a regular expression on its first use to bytecode, and on
 * a later use to machine code, and for these large Unicode, case-insensitive alternations both
 * take long enough to hold queries up while the first article a moderator previews after a start
 * compiles them. Called once at start-up; a few uses of each reach both tiers.
 */
export function prepareNoiseRules(): void {
  const patterns = [...LINE_RULES.map((r) => r.pattern), CONSENT_OPENING, FOOTER_OPENING, RELATED_LIST_OPENING, SECTION_LABEL];
  for (let use = 0; use < COMPILING_USES; use++) {
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      pattern.test('x');
    }
  }
}

/** Uses of a regular expression after which V8 runs it as machine code (its tier-up happens after the first). */
const COMPILING_USES = 3;
