/**
 * Question kinds: what sort of answer a question asks for, read from its interrogative words in
 * French or English. The kind steers excerpt choice (a date for "quand", a figure for "combien").
 */
import { fold } from '../text/fold.js';
import type { QuestionKind } from './types.js';

/**
 * Patterns on the folded question, tried in order; the first that matches decides. Phrases
 * such as "quelle distance" ask for a figure even though they start like "quel".
 */
const PATTERNS: ReadonlyArray<readonly [QuestionKind, RegExp]> = [
  ['when', /\b(quand|depuis quand|jusqu'a quand|a quelle (date|epoque|heure|periode)|en quelle annee|quelle annee|quel jour|quelle date|quel mois|en quel (mois|siecle)|when|(what|which) (date|year|day|month|time)|since when)\b/],
  ['howmany', /\b(combien|quel(le)?s? (nombre|distance|duree|quantite|montant|somme|superficie|surface|taille|hauteur|longueur|age|pourcentage|proportion|population|prix|cout|effectif|chiffre|vitesse|poids)|how (many|much|long|far|old|often)|what (number|distance|amount|percentage|share))\b/],
  ['where', /\b(dans quel(le)?s? (pays|ville|region|lieu|endroit|continent|departement)|quel(le)?s? (pays|ville|region|lieu|endroit)|where|(what|which) (country|city|region|place|town))\b/],
  ['who', /\b(qui|quel(le)?s? (personne|personnalite|homme|femme|dirigeant|responsable|organisation|agence|ministre|president|pays a)|par qui|a qui|de qui|who|whom|whose|(what|which) (person|minister|president|agency|organi[sz]ation|leader))\b/],
];

/** "où" as a word, accent required. */
const WHERE_WORD = /(^|[^\p{L}])où([^\p{L}]|$)/u;

/**
 * Detects the kind of a question. When several kinds' words occur, the earliest wins: French
 * puts the interrogative first (`À quelle vitesse court-il quand il chasse ?` asks for a figure),
 * and a later `quand`, `qui` or `où` belongs to a clause of the question.
 *
 * @example questionKind('Quelle distance parcourt le train ?') === 'howmany'
 * @example questionKind('Qui a annoncé la visite ?') === 'who'
 */
export function questionKind(question: string): QuestionKind {
  // `ce qui` (`qu'est-ce qui`, `ce qui explique`) asks for a thing, never a person.
  const folded = fold(question).replace(/[’`]/g, "'").replace(/\bce qui\b/g, 'ce ___');
  let best: { kind: QuestionKind; at: number } = { kind: 'other', at: Infinity };
  for (const [kind, re] of PATTERNS) {
    const at = re.exec(folded)?.index ?? Infinity;
    if (at < best.at) best = { kind, at };
  }
  // "où" (where) folds to "ou" (or): look for it before folding. Folding keeps offsets (one
  // letter for one, ligatures aside), so positions compare.
  const where = WHERE_WORD.exec(question.toLowerCase());
  if (where && where.index < best.at) best = { kind: 'where', at: where.index };
  return best.kind;
}
